package main

import (
	"maps"
	"slices"
	"testing"

	"github.com/aivc/aivc/e2e/internal/cdptrace"
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

// TestMainTasks: -cpu counts the tasks of the main thread of the renderer
// that parsed the page, by their CPU time, in order; not those of another
// thread, or of another renderer (about:blank's, a service worker's), and
// estimates Lighthouse's blocking time from them.
func TestMainTasks(t *testing.T) {
	const origin = "http://127.0.0.1:8080"
	events := []cdptrace.Event{
		{Ph: "M", Name: "thread_name", Pid: 1, Tid: 1, Args: []byte(`{"name":"CrRendererMain"}`)},
		{Ph: "M", Name: "thread_name", Pid: 2, Tid: 5, Args: []byte(`{"name":"CrRendererMain"}`)},
		{Ph: "M", Name: "thread_name", Pid: 2, Tid: 6, Args: []byte(`{"name":"Compositor"}`)},
		{Ph: "X", Name: "RunTask", Pid: 1, Tid: 1, Ts: 5, Tdur: 90_000}, // about:blank's renderer
		{Ph: "X", Name: "ParseHTML", Pid: 2, Tid: 5, Ts: 9, Args: []byte(`{"beginData":{"url":"` + origin + `/compare"}}`)},
		{Ph: "X", Name: "RunTask", Pid: 2, Tid: 5, Ts: 30, Tdur: 150_000},
		{Ph: "X", Name: "RunTask", Pid: 2, Tid: 6, Ts: 20, Tdur: 70_000}, // another thread
		{Ph: "X", Name: "RunTask", Pid: 2, Tid: 5, Ts: 10, Tdur: 4_000},
		{Ph: "X", Name: "Layout", Pid: 2, Tid: 5, Ts: 31, Tdur: 20_000}, // inside a task
		{Ph: "X", Name: "RunTask", Pid: 2, Tid: 5, Ts: 40, Tdur: 20_000},
	}
	tasks, err := mainTasks(events, origin)
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{4, 150, 20}; !slices.Equal(tasks, want) {
		t.Errorf("tasks %v ms, want %v", tasks, want)
	}
	// 4 × 150 − 50 and 4 × 20 − 50; a 4 ms task blocks nothing.
	if got, want := blocking(tasks), 550.0+30; got != want {
		t.Errorf("blocking %v ms, want %v", got, want)
	}
	if _, err := mainTasks(events[:4], origin); err == nil {
		t.Error("a trace without the page's renderer gave tasks")
	}
}
