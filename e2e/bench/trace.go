package main

import (
	"context"
	"fmt"
	"time"

	"github.com/aivc/aivc/e2e/internal/cdptrace"
	"github.com/chromedp/chromedp"
)

// Where the time of a cold start goes, read from a Chromium trace (-trace):
// the timings above say how long; these say what the browser did meanwhile.

// traceCategories are what Chromium records: style and layout
// (devtools.timeline), the main thread's tasks (its disabled-by-default
// part), WebAssembly compilation (v8.wasm) and the parser (loading).
var traceCategories = []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "v8.wasm", "loading"}

// startupTrace is what one traced cold load of a page shows. Times are
// milliseconds of the page's renderer process.
type startupTrace struct {
	Site string `json:"site"`
	// LazyCount functions were compiled on the main thread on their first
	// call (Chromium compiles WebAssembly lazily), taking LazyMS.
	LazyCount int     `json:"lazy_compiled_functions"`
	LazyMS    float64 `json:"lazy_compile_ms"`
	// LongestTask is the main thread's longest task: the wasm's start (Go's
	// runtime and package initialisation, main, go-app's mount).
	LongestTask float64 `json:"longest_task_ms"`
	// FirstStyle and FirstLayout are the first style recalculation and
	// layout of the page, those of its first paint.
	FirstStyle  float64 `json:"first_style_ms"`
	FirstLayout float64 `json:"first_layout_ms"`
	// TopTierMS is the optimising compilation of hot functions on
	// background threads, which competes with the page for the CPU.
	TopTierMS float64 `json:"top_tier_compile_ms"`
	Err       string  `json:"error,omitempty"`
}

// traceLoad loads t once, cold, in b (a fresh profile) while Chromium
// records a trace, and sums it up.
func (b *browserRun) traceLoad(t target, timeout time.Duration) startupTrace {
	st := startupTrace{Site: t.name}
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	events, err := cdptrace.Record(ctx, traceCategories, func() error {
		if err := chromedp.Do(ctx, chromedp.Navigate(t.host.url+t.path)); err != nil {
			return fmt.Errorf("navigate: %w", err)
		}
		if err := waitJS(ctx, "window.__bench && window.__bench.ready !== null", 20*time.Millisecond); err != nil {
			return fmt.Errorf("the app never handled the probe's input: %w", err)
		}
		sleep(ctx, 300*time.Millisecond)
		return nil
	})
	if err != nil {
		st.Err = err.Error()
	}
	if events == nil {
		return st
	}
	sum, err := summarizeTrace(events, t.host.url)
	if err != nil && st.Err == "" {
		st.Err = err.Error()
	}
	sum.Site, sum.Err = st.Site, st.Err
	return sum
}

// summarizeTrace sums up the events of the renderer that parsed a page of
// origin (the process of the page itself, not about:blank's).
func summarizeTrace(events []cdptrace.Event, origin string) (startupTrace, error) {
	var st startupTrace
	page, err := cdptrace.FindPage(events, origin)
	if err != nil {
		return st, err
	}
	firstStyle, firstLayout := -1.0, -1.0
	for _, e := range events {
		if e.Ph != "X" || e.Pid != page.Pid {
			continue
		}
		ms := e.Dur / 1000
		main := page.Main(e)
		switch {
		case e.Name == "wasm.TopTierCompilation":
			st.TopTierMS += ms
		case !main:
		case e.Name == "wasm.CompileLazy":
			st.LazyCount++
			st.LazyMS += ms
		case e.Name == "RunTask":
			st.LongestTask = max(st.LongestTask, ms)
		case e.Name == "UpdateLayoutTree" && (firstStyle < 0 || e.Ts < firstStyle):
			firstStyle, st.FirstStyle = e.Ts, ms
		case e.Name == "Layout" && (firstLayout < 0 || e.Ts < firstLayout):
			firstLayout, st.FirstLayout = e.Ts, ms
		}
	}
	return st, nil
}

// traceRows are the rows of the report's trace section.
var traceRows = []struct {
	name string
	get  func(startupTrace) float64
}{
	{"functions compiled lazily on the main thread", func(s startupTrace) float64 { return float64(s.LazyCount) }},
	{"time compiling them (ms)", func(s startupTrace) float64 { return s.LazyMS }},
	{"longest main-thread task: the wasm start (ms)", func(s startupTrace) float64 { return s.LongestTask }},
	{"first style recalculation (ms)", func(s startupTrace) float64 { return s.FirstStyle }},
	{"first layout (ms)", func(s startupTrace) float64 { return s.FirstLayout }},
	{"optimising compilation, background (ms)", func(s startupTrace) float64 { return s.TopTierMS }},
}

// traceMedian is the median of one row over the traces of site without an error.
func traceMedian(ts []startupTrace, site string, get func(startupTrace) float64) (float64, bool) {
	var xs []float64
	for _, t := range ts {
		if t.Site == site && t.Err == "" {
			xs = append(xs, get(t))
		}
	}
	return median(xs)
}
