package main

import (
	"maps"
	"testing"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/runtime"
)

// TestAggregate: a profile of (root) → main → work, and idle time: each
// sample lasts until the next, idle time is left out, and -under keeps what
// is below its function off the count.
func TestAggregate(t *testing.T) {
	node := func(id int64, name string, children ...int64) *profiler.ProfileNode {
		return &profiler.ProfileNode{ID: id, CallFrame: &runtime.CallFrame{FunctionName: name}, Children: children}
	}
	p := &profiler.Profile{
		Nodes:      []*profiler.ProfileNode{node(1, "(root)", 2, 3), node(2, "main", 4), node(3, "(idle)"), node(4, "work")},
		Samples:    []int64{4, 4, 2, 3},
		TimeDeltas: []int64{0, 1000, 1000, 2000}, // µs
	}
	for _, tt := range []struct {
		under      string
		self, incl map[string]float64
		busy       float64
	}{
		{"", map[string]float64{"work": 2, "main": 2}, map[string]float64{"work": 2, "main": 4, "(root)": 4}, 4},
		{"main", map[string]float64{"work": 2, "main": 2}, map[string]float64{"work": 2, "main": 4}, 4},
		{"work", map[string]float64{"work": 2}, map[string]float64{"work": 2}, 2},
	} {
		// Two loads of the same profile: per load, the same figures.
		self, incl, busy := aggregate([]*profiler.Profile{p, p}, tt.under)
		if !maps.Equal(self, tt.self) || !maps.Equal(incl, tt.incl) || busy != tt.busy {
			t.Errorf("under %q: self %v, inclusive %v, busy %v; want %v, %v, %v", tt.under, self, incl, busy, tt.self, tt.incl, tt.busy)
		}
	}
}

// TestStretches: idle samples split a profile into stretches of work, each
// with its own start, busy time and functions.
func TestStretches(t *testing.T) {
	node := func(id int64, name string, children ...int64) *profiler.ProfileNode {
		return &profiler.ProfileNode{ID: id, CallFrame: &runtime.CallFrame{FunctionName: name}, Children: children}
	}
	p := &profiler.Profile{
		Nodes:      []*profiler.ProfileNode{node(1, "(root)", 2, 3, 5), node(2, "main", 4), node(3, "(idle)"), node(4, "work"), node(5, "later")},
		Samples:    []int64{4, 2, 3, 3, 5, 5},
		TimeDeltas: []int64{0, 1000, 2000, 1000, 1000, 3000}, // µs
	}
	got := stretches(p)
	want := []stretch{
		{start: 0, busy: 3, incl: map[string]float64{"main": 3, "work": 1}},
		{start: 5, busy: 3.1, incl: map[string]float64{"later": 3.1}},
	}
	if len(got) != len(want) {
		t.Fatalf("stretches = %v; want %v", got, want)
	}
	for i := range want {
		if got[i].start != want[i].start || got[i].busy != want[i].busy || !maps.Equal(got[i].incl, want[i].incl) {
			t.Errorf("stretch %d = %v; want %v", i, got[i], want[i])
		}
	}
}
