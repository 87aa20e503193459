// Package order sorts any slice stably without reflection and with one
// generic instantiation for the whole program.
//
// It exists for app.wasm's size (issue 8): sort.Slice brings reflection,
// and every element type given to slices.SortStableFunc or SortFunc is a new
// instantiation, ~8 KB of WebAssembly each. Stable sorts indexes with a
// merge sort of its own (~1 KB; slices.SortStableFunc on []int is ~6 KB), so
// every caller shares it. It is pure Go, for pricing, cliplog and the client
// alike.
package order

// Indexes returns 0, 1, …, n-1 sorted stably by compare: compare(i, j)
// compares the elements at positions i and j.
func Indexes(n int, compare func(i, j int) int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	mergeSort(order, compare)
	return order
}

// Stable sorts the n elements of a slice stably by compare, moving them
// with swap, as sort.SliceStable does: compare(i, j) compares the elements
// at positions i and j of the slice as it was when Stable was called.
func Stable(n int, compare func(i, j int) int, swap func(i, j int)) {
	order := Indexes(n, compare)
	// Position i takes the element now at order[i]: follow each cycle of
	// the permutation once, marking the positions done with -1.
	for i := range order {
		j := i
		for order[j] >= 0 {
			k := order[j]
			order[j] = -1
			if k == i {
				break
			}
			swap(j, k)
			j = k
		}
	}
}

// mergeSort sorts s stably by compare, bottom up, with a buffer as long as s.
func mergeSort(s []int, compare func(i, j int) int) {
	n := len(s)
	src, dst := s, make([]int, n)
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid, hi := min(lo+width, n), min(lo+2*width, n)
			i, j := lo, mid
			for k := lo; k < hi; k++ {
				if i < mid && (j == hi || compare(src[i], src[j]) <= 0) {
					dst[k] = src[i]
					i++
				} else {
					dst[k] = src[j]
					j++
				}
			}
		}
		src, dst = dst, src
	}
	if n > 0 && &src[0] != &s[0] {
		copy(s, src)
	}
}
