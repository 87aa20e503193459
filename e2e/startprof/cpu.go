package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aivc/aivc/e2e/internal/cdptrace"
	"github.com/chromedp/chromedp"
)

// -cpu: each task's CPU time on the page's main thread, read from a
// Chromium trace. A task's wall time grows with the machine's other work
// (a helper's build, a test suite); the CPU time its thread used grows far
// less, so two builds compare even on a busy machine.

// mainTasks is the CPU time, in ms and in order, of each task on the main
// thread of the renderer that parsed a page of origin.
func mainTasks(events []cdptrace.Event, origin string) ([]float64, error) {
	page, err := cdptrace.FindPage(events, origin)
	if err != nil {
		return nil, err
	}
	var tasks []cdptrace.Event
	for _, e := range events {
		if e.Ph == "X" && e.Name == "RunTask" && page.Main(e) {
			tasks = append(tasks, e)
		}
	}
	slices.SortFunc(tasks, func(a, b cdptrace.Event) int { return cmp.Compare(a.Ts, b.Ts) })
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

// precached reports whether the service worker has app.wasm in its cache.
const precached = `(async () => {
  for (const k of await caches.keys()) {
    if (await (await caches.open(k)).match("/web/app.wasm")) return true;
  }
  return false;
})()`

// loadTrace opens url in a new browser on an empty profile, traces its
// first wait and returns its main thread's tasks (mainTasks) and when the
// app was ready (-1: not within it). Warm, it first visits url untraced
// and waits for the service worker's precache, and traces the second
// visit: app.wasm from the worker's cache, as a person's next visit.
func loadTrace(chromium, origin, url string, wait time.Duration, warm bool) ([]float64, float64, error) {
	ctx, done, err := newBrowser(chromium)
	if err != nil {
		return nil, 0, err
	}
	defer done()
	ctx, cancel := context.WithTimeout(ctx, 2*wait+time.Minute) // a trace that never completes
	defer cancel()
	if warm {
		if _, err := visit(ctx, url, wait); err != nil {
			return nil, 0, err
		}
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](precached, chromedp.EvalAwaitPromise))
			if err != nil {
				return nil, 0, fmt.Errorf("waiting for the precache: %w", err)
			}
			if ok {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	var ready float64
	events, err := cdptrace.Record(ctx, []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "loading"}, func() (err error) {
		ready, err = visit(ctx, url, wait)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	tasks, err := mainTasks(events, origin)
	return tasks, ready, err
}

// cpuLoads loads url n times (loadTrace) and prints each load's tasks, then
// the medians of their longest task, their blocking estimate and their sum.
func cpuLoads(chromium, origin, url string, n int, wait time.Duration, warm bool) error {
	var longest, blocked, sums []float64
	for i := range n {
		tasks, ready, err := loadTrace(chromium, origin, url, wait, warm)
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
	kind := "cold"
	if warm {
		kind = "warm"
	}
	fmt.Printf("\nmedians of %d %s loads: longest task %.0f ms CPU, blocking ×4 %.0f ms, main thread's CPU %.0f ms\n",
		n, kind, median(longest), median(blocked), median(sums))
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
