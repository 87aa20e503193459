package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aivc/aivc/e2e/internal/cdptrace"
)

// A trace as Chromium writes it, cut down: about:blank's renderer (pid 1)
// and the page's (pid 2), each with a main thread and a worker.
const sampleTrace = `[
 {"name":"thread_name","ph":"M","pid":1,"tid":10,"args":{"name":"CrRendererMain"}},
 {"name":"thread_name","ph":"M","pid":2,"tid":20,"args":{"name":"CrRendererMain"}},
 {"name":"thread_name","ph":"M","pid":2,"tid":21,"args":{"name":"ThreadPoolForegroundWorker"}},
 {"name":"RunTask","ph":"X","pid":1,"tid":10,"ts":100,"dur":900000},
 {"name":"wasm.CompileLazy","ph":"X","pid":1,"tid":10,"ts":200,"dur":7000},
 {"name":"ParseHTML","ph":"X","pid":2,"tid":20,"ts":1000,"dur":5000,"args":{"beginData":{"url":"http://127.0.0.1:4000/"}}},
 {"name":"Layout","ph":"X","pid":2,"tid":20,"ts":9000,"dur":12000},
 {"name":"UpdateLayoutTree","ph":"X","pid":2,"tid":20,"ts":8000,"dur":3000},
 {"name":"Layout","ph":"X","pid":2,"tid":20,"ts":2000,"dur":40500},
 {"name":"UpdateLayoutTree","ph":"X","pid":2,"tid":20,"ts":1500,"dur":20000},
 {"name":"RunTask","ph":"X","pid":2,"tid":20,"ts":50000,"dur":503000},
 {"name":"RunTask","ph":"X","pid":2,"tid":20,"ts":10,"dur":60000},
 {"name":"wasm.CompileLazy","ph":"X","pid":2,"tid":20,"ts":60000,"dur":250},
 {"name":"wasm.CompileLazy","ph":"X","pid":2,"tid":20,"ts":61000,"dur":750},
 {"name":"wasm.CompileLazy","ph":"X","pid":2,"tid":21,"ts":61000,"dur":99000},
 {"name":"wasm.TopTierCompilation","ph":"X","pid":2,"tid":21,"ts":70000,"dur":43000},
 {"name":"wasm.TopTierCompilation","ph":"X","pid":2,"tid":21,"ts":80000,"dur":17000},
 {"name":"wasm.CompileLazy","ph":"B","pid":2,"tid":20,"ts":90000}
]`

// TestSummarizeTrace: only the page's renderer counts, lazy compilation
// only on its main thread, the first style and layout are the earliest,
// not the first listed.
func TestSummarizeTrace(t *testing.T) {
	var events []cdptrace.Event
	if err := json.Unmarshal([]byte(sampleTrace), &events); err != nil {
		t.Fatal(err)
	}
	got, err := summarizeTrace(events, "http://127.0.0.1:4000")
	if err != nil {
		t.Fatal(err)
	}
	want := startupTrace{LazyCount: 2, LazyMS: 1, LongestTask: 503, FirstStyle: 20, FirstLayout: 40.5, TopTierMS: 60}
	if got != want {
		t.Errorf("summarizeTrace = %+v\nwant %+v", got, want)
	}
	if _, err := summarizeTrace(events, "http://127.0.0.1:5000"); err == nil || !strings.Contains(err.Error(), "5000") {
		t.Errorf("a trace without the page: err = %v", err)
	}
}

func TestTraceMedian(t *testing.T) {
	ts := []startupTrace{
		{Site: "product", LazyCount: 1200}, {Site: "product", LazyCount: 1300}, {Site: "product", LazyCount: 1250},
		{Site: "product", LazyCount: 9999, Err: "navigate: timeout"},
		{Site: "bare", LazyCount: 900},
	}
	count := func(s startupTrace) float64 { return float64(s.LazyCount) }
	if m, ok := traceMedian(ts, "product", count); !ok || m != 1250 {
		t.Errorf("product median = %v, %v; want 1250 (the failed load left out)", m, ok)
	}
	if m, ok := traceMedian(ts, "bare", count); !ok || m != 900 {
		t.Errorf("bare median = %v, %v", m, ok)
	}
	if _, ok := traceMedian(ts, "none", count); ok {
		t.Error("a site without traces has a median")
	}
}

// TestAlternate: neither site always goes first.
func TestAlternate(t *testing.T) {
	ts := []target{{name: "bare"}, {name: "product"}}
	for round, want := range []string{"bare", "product", "bare", "product"} {
		if got := alternate(ts, round); got[0].name != want || len(got) != 2 || got[0].name == got[1].name {
			t.Errorf("round %d: %s first, want %s", round, got[0].name, want)
		}
	}
}
