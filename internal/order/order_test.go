package order

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestStable: Stable orders like slices.SortStableFunc, equal keys kept in
// their order, for every length up to 300 (permutations with long and short
// cycles, few and many distinct keys).
func TestStable(t *testing.T) {
	type pair struct{ key, pos int }
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n <= 300; n++ {
		for _, keys := range []int{1, 3, n + 1} {
			s := make([]pair, n)
			for i := range s {
				s[i] = pair{r.IntN(keys), i}
			}
			want := slices.Clone(s)
			byKey := func(a, b pair) int { return a.key - b.key }
			slices.SortStableFunc(want, byKey)
			Stable(n, func(i, j int) int { return byKey(s[i], s[j]) }, func(i, j int) { s[i], s[j] = s[j], s[i] })
			if !slices.Equal(s, want) {
				t.Fatalf("n=%d, %d keys: got %v, want %v", n, keys, s, want)
			}
		}
	}
}

// TestStableReversed: a reversed slice is a permutation of 2-cycles.
func TestStableReversed(t *testing.T) {
	s := []string{"e", "d", "c", "b", "a"}
	Stable(len(s), func(i, j int) int { return compareStrings(s[i], s[j]) }, func(i, j int) { s[i], s[j] = s[j], s[i] })
	if want := []string{"a", "b", "c", "d", "e"}; !slices.Equal(s, want) {
		t.Errorf("got %v, want %v", s, want)
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestIndexes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n <= 300; n++ {
		keys := make([]int, n)
		for i := range keys {
			keys[i] = r.IntN(n/4 + 1)
		}
		want := make([]int, n)
		for i := range want {
			want[i] = i
		}
		byKey := func(i, j int) int { return keys[i] - keys[j] }
		slices.SortStableFunc(want, byKey)
		if got := Indexes(n, byKey); !slices.Equal(got, want) {
			t.Fatalf("n=%d: got %v, want %v", n, got, want)
		}
	}
}
