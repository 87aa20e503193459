package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

//go:embed probe.js
var probeJS string

// probeConfig is what probe.js reads as benchConfig.
type probeConfig struct {
	Input    []string `json:"input"`    // the field to type into: the first selector that matches
	Result   []string `json:"result"`   // the elements whose data-value and text must change
	FCPCheck string   `json:"fcpCheck"` // the element that must be visible at first contentful paint
	Interval int      `json:"interval"` // ms between input events before go-app has mounted
	Slow     int      `json:"slow"`     // ms between input events after it has mounted
}

// target is one site to load: where, and what the probe looks at.
type target struct {
	name  string // "product" or "bare"
	host  *host
	path  string // "/"
	probe probeConfig
}

// probeState is window.__bench, as probe.js fills it.
type probeState struct {
	FCP   *float64 `json:"fcp"`
	AtFCP *struct {
		Text         *string `json:"text"`
		OnTop        bool    `json:"onTop"`
		LoaderCovers bool    `json:"loaderCovers"`
	} `json:"atFCP"`
	Mounted        *float64 `json:"mounted"`
	Ready          *float64 `json:"ready"`
	ProbeStart     *float64 `json:"probeStart"`
	ReadyValue     *string  `json:"readyValue"`
	NewValue       *string  `json:"newValue"`
	InputName      *string  `json:"inputName"`
	Dispatches     int      `json:"dispatches"`
	ChangedAtMount *bool    `json:"changedAtMount"`
	Shifts         []shift  `json:"shifts"`
	LCP            []struct {
		T    float64 `json:"t"`
		Size float64 `json:"size"`
		El   string  `json:"el"`
	} `json:"lcp"`
	Errors []string `json:"errors"`
	Wasm   *struct {
		Start    float64 `json:"start"`
		End      float64 `json:"end"`
		Transfer float64 `json:"transfer"`
	} `json:"wasm"`
}

// sample is what one page load measured. Times are ms from navigation start;
// -1 means "not measured".
type sample struct {
	Site string `json:"site"`
	Mode string `json:"mode"` // "cold" or "warm"
	Iter int    `json:"iter"` // 0-based; negative for warm-up loads, which are not counted

	FCP     float64 `json:"fcp_ms"`
	LCP     float64 `json:"lcp_ms"` // the last largest-contentful-paint before the probe's input was handled
	LCPEl   string  `json:"lcp_element,omitempty"`
	Mounted float64 `json:"mounted_ms"`
	// The page's request for app.wasm (Resource Timing): when it started,
	// and when its last byte arrived (from the network or the service worker).
	WasmStart float64 `json:"wasm_start_ms"`
	WasmEnd   float64 `json:"wasm_end_ms"`
	Ready     float64 `json:"input_ms"`

	FCPText         string `json:"fcp_text,omitempty"`
	FCPOnTop        bool   `json:"fcp_on_top"`
	FCPLoaderCovers bool   `json:"fcp_loader_covers"`

	CLS    float64 `json:"cls"`     // shifts through the wasm takeover (see cls)
	CLSAll float64 `json:"cls_all"` // every shift Chrome counts, the probe's own included

	HostWire      int64     `json:"host_wire_bytes"` // every byte the host wrote, headers included
	HostBody      int64     `json:"host_body_bytes"`
	WasmDownloads int       `json:"wasm_downloads"`  // 200 answers for app.wasm
	WasmNotMod    int       `json:"wasm_304"`        // 304 answers for app.wasm
	PageNet       int64     `json:"page_net_bytes"`  // CDP encodedDataLength of the page's own requests that reached the network
	PageSW        int       `json:"page_sw_answers"` // page requests the service worker answered
	Requests      []request `json:"requests"`

	Dispatches int    `json:"dispatches"`
	Input      string `json:"input,omitempty"`
	ReadyValue string `json:"ready_value,omitempty"`
	Note       string `json:"note,omitempty"`
	Err        string `json:"error,omitempty"`
}

// chromeFlags are the flags of every browser the benchmark starts, besides
// --user-data-dir (a new empty directory each time) and chromedp's
// --remote-debugging-pipe.
var chromeFlags = []string{
	"headless", "no-sandbox", "disable-gpu", "disable-quic", "no-first-run",
	"disable-background-networking", "disable-component-update", "disable-sync",
}

// windowSize is the browser window of every load.
const windowW, windowH = 1280, 800

// browserRun is one browser on one fresh profile.
type browserRun struct {
	ctx     context.Context
	cancel  func()
	dir     string
	mu      sync.Mutex
	netResp map[network.RequestID]*network.Response
	netDone map[network.RequestID]float64
}

// startBrowser starts Chromium on a new, empty profile directory.
func startBrowser(parent context.Context, chromium string) (*browserRun, error) {
	dir, err := os.MkdirTemp("", "aivc-bench-profile-")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(windowW, windowH),
	}
	for _, f := range chromeFlags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	actx, acancel := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancel := chromedp.NewContext(actx)
	b := &browserRun{
		ctx: ctx,
		dir: dir,
		cancel: func() {
			cancel()
			acancel()
			os.RemoveAll(dir)
		},
		netResp: map[network.RequestID]*network.Response{},
		netDone: map[network.RequestID]float64{},
	}
	if err := chromedp.Do(ctx); err != nil {
		b.cancel()
		return nil, fmt.Errorf("starting %s: %w", chromium, err)
	}
	err = chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventResponseReceived:
			b.mu.Lock()
			b.netResp[ev.RequestID] = ev.Response
			b.mu.Unlock()
		case *network.EventLoadingFinished:
			b.mu.Lock()
			b.netDone[ev.RequestID] = ev.EncodedDataLength
			b.mu.Unlock()
		}
	})
	if err != nil {
		b.cancel()
		return nil, err
	}
	return b, nil
}

// readyBrowser starts Chromium on a new profile for loads of t: it lets the
// browser settle (a new one is busy for a moment with its profile and
// processes), so that a cold load measures the page, and installs t's probe.
func readyBrowser(ctx context.Context, chromium string, t target) (*browserRun, error) {
	b, err := startBrowser(ctx, chromium)
	if err != nil {
		return nil, err
	}
	sleep(ctx, settle)
	if err := b.install(t.probe); err != nil {
		b.cancel()
		return nil, fmt.Errorf("installing the probe: %w", err)
	}
	return b, nil
}

// alternate returns the two targets in turn: as given in even rounds,
// swapped in odd ones, so that neither site always goes first.
func alternate(targets []target, round int) []target {
	if round%2 == 1 {
		return []target{targets[1], targets[0]}
	}
	return targets
}

// version returns the browser's product string, such as "Chrome/156.0.8078.108".
func (b *browserRun) version() string {
	v, err := chromedp.CallBrowser(b.ctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		return "unknown"
	}
	return v.Product
}

// install adds probe.js, with its configuration, to every new document.
func (b *browserRun) install(cfg probeConfig) error {
	c, err := json.Marshal(cfg)
	if err != nil {
		return err
	}
	src := "const benchConfig = " + string(c) + ";\n" + probeJS
	_, err = chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
	return err
}

// resetNet forgets the network events seen so far.
func (b *browserRun) resetNet() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.netResp = map[network.RequestID]*network.Response{}
	b.netDone = map[network.RequestID]float64{}
}

// pageNet adds up the page's requests: the bytes of those that went to the
// network, and how many the service worker answered.
func (b *browserRun) pageNet() (bytes int64, sw int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for id, n := range b.netDone {
		r := b.netResp[id]
		if r != nil && (r.FromServiceWorker || r.FromDiskCache) {
			if r.FromServiceWorker {
				sw++
			}
			continue
		}
		bytes += int64(n)
	}
	return bytes, sw
}

// load measures one load of t in b: cold is the first visit of this profile;
// after it the benchmark waits until the service worker has precached
// app.wasm, so that the next load is warm.
func (b *browserRun) load(t target, mode string, iter int, timeout time.Duration) sample {
	s := sample{Site: t.name, Mode: mode, Iter: iter, FCP: -1, LCP: -1, Mounted: -1, Ready: -1, WasmStart: -1, WasmEnd: -1}
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()

	b.resetNet()
	t.host.log.reset()
	if err := chromedp.Do(ctx, chromedp.Navigate(t.host.url+t.path)); err != nil {
		s.Err = "navigate: " + err.Error()
		return s
	}
	ready := "window.__bench && window.__bench.ready !== null"
	if err := waitJS(ctx, ready, 20*time.Millisecond); err != nil {
		s.Err = "the app never handled the probe's input: " + err.Error()
	}
	// Let the layout settle and late shifts be seen.
	sleep(ctx, time.Second)
	if mode == "cold" {
		precached := `(async () => {
			for (const k of await caches.keys()) {
				const c = await caches.open(k);
				if (await c.match("/web/app.wasm")) return true;
			}
			return false;
		})()`
		if err := waitJS(ctx, precached, 100*time.Millisecond); err != nil && s.Err == "" {
			s.Err = "the service worker never precached /web/app.wasm: " + err.Error()
		}
	}
	if err := t.host.log.quiet(ctx, 500*time.Millisecond); err != nil && s.Err == "" {
		s.Err = "the network never went quiet: " + err.Error()
	}

	st, err := chromedp.Run(ctx, chromedp.Evaluate[probeState](readProbe))
	if err != nil {
		if s.Err == "" {
			s.Err = "reading the probe: " + err.Error()
		}
		return s
	}
	fill(&s, st)

	reqs, wire := t.host.log.snapshot()
	s.Requests = reqs
	s.HostWire = wire
	for _, r := range reqs {
		s.HostBody += r.Body
		if strings.HasSuffix(r.Path, "/app.wasm") {
			switch r.Status {
			case 200:
				s.WasmDownloads++
			case 304:
				s.WasmNotMod++
			}
		}
	}
	s.PageNet, s.PageSW = b.pageNet()
	return s
}

// readProbe reads window.__bench, with the resource timing of app.wasm.
const readProbe = `(() => {
	const w = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/web/app.wasm"));
	return Object.assign({}, window.__bench, {
		wasm: w ? { start: w.startTime, end: w.responseEnd, transfer: w.transferSize } : null,
	});
})()`

// fill copies what the probe saw into the sample.
func fill(s *sample, st probeState) {
	if st.FCP != nil {
		s.FCP = *st.FCP
	}
	if st.AtFCP != nil {
		if st.AtFCP.Text != nil {
			s.FCPText = *st.AtFCP.Text
		}
		s.FCPOnTop = st.AtFCP.OnTop
		s.FCPLoaderCovers = st.AtFCP.LoaderCovers
	}
	if st.Wasm != nil {
		s.WasmStart, s.WasmEnd = st.Wasm.Start, st.Wasm.End
	}
	if st.Mounted != nil {
		s.Mounted = *st.Mounted
	}
	if st.Ready != nil {
		s.Ready = *st.Ready
	}
	s.CLS, s.CLSAll = cls(st.Shifts, s.Ready, st.Ready != nil)
	for _, e := range st.LCP {
		if st.Ready == nil || e.T <= *st.Ready {
			s.LCP, s.LCPEl = e.T, e.El
		}
	}
	s.Dispatches = st.Dispatches
	if st.InputName != nil {
		s.Input = *st.InputName
	}
	if st.ReadyValue != nil {
		s.ReadyValue = *st.ReadyValue
	}
	var notes []string
	if st.ChangedAtMount != nil && *st.ChangedAtMount {
		notes = append(notes, "the results differed from the prerendered ones when go-app mounted, before any input: the wasm's first render does not match the HTML")
	}
	notes = append(notes, st.Errors...)
	s.Note = strings.Join(notes, "; ")
}

// waitJS evaluates expr (which may return a promise) every interval until it
// is true.
func waitJS(ctx context.Context, expr string, interval time.Duration) error {
	for {
		// An error here is usually the page being between two documents, or
		// window.__bench not there yet: try again until ctx ends.
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return nil
		}
		if ctx.Err() != nil {
			if err == nil || errors.Is(err, chromedp.ErrJSUndefined) || errors.Is(err, chromedp.ErrJSNull) {
				err = ctx.Err()
			}
			return err
		}
		sleep(ctx, interval)
	}
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
