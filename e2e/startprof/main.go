// Command startprof shows where a page's start goes, function by function:
// it loads a page of the product's site cold, in fresh headless Chromium
// profiles, with Chromium's CPU profiler on, and prints the time each
// function took per load, inclusive (with what it called) and self.
//
// Usage:
//
//	go run ./e2e/startprof [-page /] [-n 3] [-top 40] [-under FUNC] [-tasks] [-cpu] [-warm] [-site DIR] [-wait 3s] [-chromium PATH]
//
// It builds the site as `go run ./cmd/build` does, then builds app.wasm again
// with the same flags but its function names kept (-ldflags=-w, not -s -w),
// so that the profile names Go functions: "github.com_aivc_aivc_app.__calculator_.Render",
// "github.com_maxence_charriere_go_app_v10_pkg_app.nodeManager.Mount",
// "runtime.SetFinalizer". It serves the site with internal/site's handler
// (no compression), and for each load records when the app marked itself
// ready (<body data-wasm="ready">).
//
// -under FUNC counts only the samples in which FUNC is on the stack, and the
// functions above it in them: what FUNC's time went to. Times are sampled
// (every 100 µs) and the machine's other work shows in them: compare runs
// made side by side, not with numbers from another hour.
//
// -tasks also prints, for each load, its stretches of main-thread work of
// 10 ms or more (runs of samples between idle ones, much as Chromium's
// tasks, which Lighthouse's blocking time adds up), each with the functions
// that took most of it, inclusive.
//
// -cpu traces each load instead, and prints the CPU time of each task on
// the page's main thread (Chromium's "tdur"), the longest, their sum, and
// an estimate of Lighthouse's blocking time (4 × each task − 50 ms, added
// up). A task's wall time grows with the machine's other work; its CPU time
// much less, so two builds compare on a busy machine: build each with
// `go run ./cmd/build -out DIR` and load it with -site DIR (its app.wasm
// without function names, which -cpu does not need). With -warm, each
// browser visits the page once untraced, waits until the service worker has
// precached app.wasm, and traces its second visit: a person's next visit,
// app.wasm from the worker's cache (its main thread's CPU ~210 ms on / on
// 2026-11-28, against ~290 ms cold).
//
// This is how the session of 2026-11-27 found that every page rendered twice
// as it started, and that /profiles spent ~0.5 s mounting tables no one had
// opened (docs/performance.md).
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"log"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"

	"github.com/aivc/aivc/internal/site"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// readyAt notes when the app marks itself ready, in the page's time.
const readyAt = `new MutationObserver(() => {
  if (document.body?.dataset.wasm === "ready" && !window.startprofReady) window.startprofReady = performance.now();
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-wasm"] });`

func main() {
	path := flag.String("page", "/", "the page to load")
	n := flag.Int("n", 3, "cold loads")
	top := flag.Int("top", 40, "functions to print")
	under := flag.String("under", "", "count only the time under this function")
	tasks := flag.Bool("tasks", false, "print each load's stretches of main-thread work")
	wait := flag.Duration("wait", 3*time.Second, "how long each load is profiled")
	cpu := flag.Bool("cpu", false, "print each main-thread task's CPU time, from a trace, instead of a profile")
	warm := flag.Bool("warm", false, "with -cpu: trace each profile's second visit, once the service worker has precached the site")
	built := flag.String("site", "", "load the site already built in `DIR` (go run ./cmd/build -out DIR) instead of building it")
	chromium := flag.String("chromium", cmp.Or(os.Getenv("CHROME_PATH"), "chromium"), "the browser")
	flag.Parse()
	log.SetFlags(0)

	dir := *built
	if dir == "" {
		tmp, err := os.MkdirTemp("", "startprof")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		if err := build(tmp); err != nil {
			log.Fatal(err)
		}
		dir = tmp
	}
	h, err := site.NewHandler(dir)
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(ln, h)
	origin := "http://" + ln.Addr().String()
	url := origin + *path
	if *warm && !*cpu {
		log.Fatal("-warm needs -cpu")
	}
	if *cpu {
		if err := cpuLoads(*chromium, origin, url, *n, *wait, *warm); err != nil {
			log.Fatal(err)
		}
		return
	}

	var profiles []*profiler.Profile
	for i := range *n {
		p, ready, err := load(*chromium, url, *wait)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("load %d: ready at %.0f ms\n", i+1, ready)
		if *tasks {
			printStretches(p)
		}
		profiles = append(profiles, p)
	}
	self, incl, busy := aggregate(profiles, *under)
	fmt.Printf("\n%s, %d cold loads, ms per load; busy (not idle) %.1f ms\n", *path, *n, busy)
	printTop("inclusive", incl, *top)
	printTop("self", self, *top)
}

// build writes the site into dir, then app.wasm again with its names.
func build(dir string) error {
	if _, err := site.Build(context.Background(), site.Options{Out: dir}); err != nil {
		return err
	}
	root, err := site.FindRoot(".")
	if err != nil {
		return err
	}
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-w", site.WasmGCFlags,
		"-o", filepath.Join(dir, "web", "app.wasm"), "./wasm")
	cmd.Dir, cmd.Stderr = root, os.Stderr
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	return cmd.Run()
}

// load opens url in a new browser on an empty profile and returns the CPU
// profile of its first wait, and when the app was ready (-1: not within it).
func load(chromium, url string, wait time.Duration) (*profiler.Profile, float64, error) {
	ctx, done, err := newBrowser(chromium)
	if err != nil {
		return nil, 0, err
	}
	defer done()
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		return nil, 0, err
	}
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
		return nil, 0, err
	}
	if _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); err != nil {
		return nil, 0, err
	}
	ready, err := visit(ctx, url, wait)
	if err != nil {
		return nil, 0, err
	}
	res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	if err != nil {
		return nil, 0, err
	}
	return res.Profile, ready, nil
}

// newBrowser starts a browser on an empty profile, its tab on about:blank
// with readyAt installed; done closes it and removes the profile.
func newBrowser(chromium string) (ctx context.Context, done func(), err error) {
	data, err := os.MkdirTemp("", "startprof-chromium")
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium),
		chromedp.UserDataDir(data), chromedp.WindowSize(1280, 800))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	done = func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(data)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		done()
		return nil, nil, err
	}
	time.Sleep(time.Second) // the browser's own start settles
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: readyAt}); err != nil {
		done()
		return nil, nil, err
	}
	return ctx, done, nil
}

// visit opens url in ctx's tab, waits, and returns when the page's app
// marked itself ready, in ms of the page's time (-1: not within the wait).
func visit(ctx context.Context, url string, wait time.Duration) (float64, error) {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	time.Sleep(wait)
	return chromedp.Run(ctx, chromedp.Evaluate[float64](`window.startprofReady || -1`))
}

// aggregate sums the profiles' samples by function name, in ms per profile:
// self (the function at the top of the stack) and inclusive (anywhere on
// it, once per sample), and the time not idle. With under, only the
// samples with that function on the stack count, and only it and what it
// called.
func aggregate(ps []*profiler.Profile, under string) (self, incl map[string]float64, busy float64) {
	self, incl = map[string]float64{}, map[string]float64{}
	for _, p := range ps {
		eachSample(p, func(stack []string, ms float64) {
			if len(stack) == 0 || stack[0] == "(idle)" || stack[0] == "(program)" {
				return
			}
			if under != "" {
				i := slices.Index(stack, under)
				for j := i + 1; j < len(stack); j++ { // its outermost call
					if stack[j] == under {
						i = j
					}
				}
				if i < 0 {
					return
				}
				stack = stack[:i+1]
			}
			busy += ms
			self[stack[0]] += ms
			seen := map[string]bool{}
			for _, name := range stack {
				if !seen[name] {
					seen[name] = true
					incl[name] += ms
				}
			}
		})
	}
	n := float64(max(len(ps), 1))
	for _, m := range []map[string]float64{self, incl} {
		for k := range m {
			m[k] /= n
		}
	}
	return self, incl, busy / n
}

// printTop prints the top functions of m, longest first.
func printTop(title string, m map[string]float64, top int) {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
	fmt.Printf("\n%s:\n", title)
	for _, k := range names[:min(top, len(names))] {
		fmt.Printf("%8.1f  %s\n", m[k], cmp.Or(k, "(anonymous)"))
	}
}

// stretch is a run of busy samples: when it started (ms from the
// profile's start), how long it was busy, and each function's time in it,
// inclusive.
type stretch struct {
	start, busy float64
	incl        map[string]float64
}

// stretches splits p at its idle samples.
func stretches(p *profiler.Profile) []stretch {
	var res []stretch
	var cur *stretch
	var at float64
	eachSample(p, func(stack []string, ms float64) {
		defer func() { at += ms }()
		if len(stack) == 0 || stack[0] == "(idle)" {
			cur = nil
			return
		}
		if cur == nil {
			res = append(res, stretch{start: at, incl: map[string]float64{}})
			cur = &res[len(res)-1]
		}
		cur.busy += ms
		seen := map[string]bool{}
		for _, name := range stack {
			if !seen[name] && name != "(root)" {
				seen[name] = true
				cur.incl[name] += ms
			}
		}
	})
	return res
}

// eachSample calls f with each sample of p: its stack of function names,
// top first, and how long it lasted (until the next sample), in ms.
func eachSample(p *profiler.Profile, f func(stack []string, ms float64)) {
	byID := map[int64]*profiler.ProfileNode{}
	parent := map[int64]int64{}
	for _, nd := range p.Nodes {
		byID[nd.ID] = nd
		for _, c := range nd.Children {
			parent[c] = nd.ID
		}
	}
	for k, id := range p.Samples {
		ms := 0.1
		if k+1 < len(p.TimeDeltas) {
			ms = float64(p.TimeDeltas[k+1]) / 1000
		}
		var stack []string
		for at := id; at != 0 && byID[at] != nil; at = parent[at] {
			stack = append(stack, byID[at].CallFrame.FunctionName)
		}
		f(stack, ms)
	}
}

// printStretches prints p's stretches of 10 ms or more, each with the 8
// functions that took most of it, inclusive.
func printStretches(p *profiler.Profile) {
	for _, st := range stretches(p) {
		if st.busy < 10 {
			continue
		}
		names := slices.Collect(maps.Keys(st.incl))
		slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(st.incl[b], st.incl[a]), cmp.Compare(a, b)) })
		fmt.Printf("  at %7.1f ms, %5.1f ms:", st.start, st.busy)
		for _, k := range names[:min(8, len(names))] {
			fmt.Printf(" %s %.0f;", cmp.Or(k, "(anonymous)"), st.incl[k])
		}
		fmt.Println()
	}
}
