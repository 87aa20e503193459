package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// -cpu: each task's CPU time on the page's main thread, read from a
// Chromium trace. A task's wall time grows with the machine's other work
// (a helper's build, a test suite); the CPU time its thread used grows far
// less, so two builds compare even on a busy machine.

// traceEvent is one event of Chromium's trace format: times in µs; Tdur is
// the CPU time of the thread during the event.
type traceEvent struct {
	Name string          `json:"name"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`
	Tdur float64         `json:"tdur"`
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

// mainTasks is the CPU time, in ms and in order, of each task on the main
// thread of the renderer that parsed a page of origin.
func mainTasks(events []traceEvent, origin string) ([]float64, error) {
	threads := map[[2]int]string{}
	page := -1
	for _, e := range events {
		switch {
		case e.Ph == "M" && e.Name == "thread_name":
			var a struct{ Name string }
			json.Unmarshal(e.Args, &a)
			threads[[2]int{e.Pid, e.Tid}] = a.Name
		case e.Name == "ParseHTML" && page < 0 && strings.Contains(string(e.Args), `"`+origin+`/`):
			page = e.Pid
		}
	}
	if page < 0 {
		return nil, fmt.Errorf("the trace has no renderer that parsed %s", origin)
	}
	var tasks []traceEvent
	for _, e := range events {
		if e.Ph == "X" && e.Name == "RunTask" && e.Pid == page && threads[[2]int{e.Pid, e.Tid}] == "CrRendererMain" {
			tasks = append(tasks, e)
		}
	}
	slices.SortFunc(tasks, func(a, b traceEvent) int { return int(a.Ts - b.Ts) })
	ms := make([]float64, len(tasks))
	for i, t := range tasks {
		ms[i] = t.Tdur / 1000
	}
	return ms, nil
}

// blocking estimates Lighthouse's Total Blocking Time from tasks' CPU
// times: its mobile default slows the CPU 4 times, and each task blocks
// for what it takes over 50 ms.
func blocking(tasks []float64) float64 {
	var sum float64
	for _, ms := range tasks {
		sum += max(0, 4*ms-50)
	}
	return sum
}

// loadTrace opens url in a new browser on an empty profile, traces its
// first wait and returns its main thread's tasks (mainTasks) and when the
// app was ready (-1: not within it).
func loadTrace(chromium, origin, url string, wait time.Duration) ([]float64, float64, error) {
	ctx, done, err := newBrowser(chromium)
	if err != nil {
		return nil, 0, err
	}
	defer done()
	var mu sync.Mutex
	var events []traceEvent
	var decodeErr error
	complete := make(chan struct{})
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, v := range ev.Value {
				var e traceEvent
				data, err := json.Marshal(v)
				if err == nil {
					err = json.Unmarshal(data, &e)
				}
				if err != nil {
					decodeErr = err
					continue
				}
				events = append(events, e)
			}
		case *tracing.EventTracingComplete:
			close(complete)
		}
	}); err != nil {
		return nil, 0, err
	}
	cfg := &tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "loading"}}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{TraceConfig: cfg}); err != nil {
		return nil, 0, err
	}
	ready, err := visit(ctx, url, wait)
	if err != nil {
		return nil, 0, err
	}
	if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
		return nil, 0, err
	}
	select {
	case <-complete:
	case <-time.After(30 * time.Second):
		return nil, 0, context.DeadlineExceeded
	}
	mu.Lock()
	defer mu.Unlock()
	if decodeErr != nil {
		return nil, 0, decodeErr
	}
	tasks, err := mainTasks(events, origin)
	return tasks, ready, err
}

// cpuLoads loads url n times (loadTrace) and prints each load's tasks, then
// the medians of their longest task, their blocking estimate and their sum.
func cpuLoads(chromium, origin, url string, n int, wait time.Duration) error {
	var longest, blocked, sums []float64
	for i := range n {
		tasks, ready, err := loadTrace(chromium, origin, url, wait)
		if err != nil {
			return err
		}
		fmt.Printf("load %d: ready at %.0f ms\n", i+1, ready)
		printTasks(tasks)
		var sum float64
		for _, ms := range tasks {
			sum += ms
		}
		longest, blocked, sums = append(longest, slices.Max(append(tasks, 0))), append(blocked, blocking(tasks)), append(sums, sum)
	}
	fmt.Printf("\nmedians of %d cold loads: longest task %.0f ms CPU, blocking ×4 %.0f ms, main thread's CPU %.0f ms\n",
		n, median(longest), median(blocked), median(sums))
	return nil
}

// median is the median of xs (0 without any).
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Sorted(slices.Values(xs))
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}

// printTasks prints one load's tasks of 3 ms or more, in order, with the
// longest, the sum of all, and the blocking estimate.
func printTasks(tasks []float64) {
	var long []string
	var sum float64
	for _, ms := range tasks {
		sum += ms
		if ms >= 3 {
			long = append(long, fmt.Sprintf("%.0f", ms))
		}
	}
	fmt.Printf("  CPU %.0f ms in %d tasks, longest %.0f ms, blocking ×4 %.0f ms; tasks of 3 ms or more: %s\n",
		sum, len(tasks), slices.Max(append(tasks, 0)), blocking(tasks), strings.Join(long, " "))
}
