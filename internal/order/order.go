// Package order sorts any slice stably without reflection and with one
// generic instantiation for the whole program.
//
// It exists for app.wasm's size (issue 8): sort.Slice brings reflection,
// and every element type given to slices.SortStableFunc or SortFunc is a new
// instantiation, ~8 KB of WebAssembly each. Stable sorts indexes, so every
// caller shares slices.SortStableFunc on []int. It is pure Go, for pricing,
// cliplog and the client alike.
package order

import "slices"

// Stable sorts the n elements of a slice stably by compare, moving them
// with swap, as sort.SliceStable does: compare(i, j) compares the elements
// at positions i and j of the slice as it was when Stable was called.
func Stable(n int, compare func(i, j int) int, swap func(i, j int)) {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, compare)
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
