// Package cdptrace records a Chromium trace of what a tab does, and finds in
// it the renderer that parsed a page: what e2e/bench's traced loads and
// e2e/startprof's -cpu read.
package cdptrace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// Event is one event of Chromium's trace format. Times are µs; Tdur is
// the CPU time its thread used during it.
type Event struct {
	Name string          `json:"name"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`
	Dur  float64         `json:"dur"`
	Tdur float64         `json:"tdur"`
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

// Record traces categories in ctx's tab while do runs, and returns the
// events. An error of do comes back with the events; an error of the
// trace itself comes back without them.
func Record(ctx context.Context, categories []string, do func() error) ([]Event, error) {
	var mu sync.Mutex
	var events []Event
	var decodeErr error
	complete := make(chan struct{})
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, v := range ev.Value {
				var e Event
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
		return nil, fmt.Errorf("listening to the trace: %w", err)
	}
	cfg := &tracing.TraceConfig{IncludedCategories: categories}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{TraceConfig: cfg}); err != nil {
		return nil, fmt.Errorf("starting the trace: %w", err)
	}
	doErr := do()
	if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
		return nil, fmt.Errorf("ending the trace: %w", err)
	}
	select {
	case <-complete:
	case <-ctx.Done():
		return nil, fmt.Errorf("the trace never completed: %w", ctx.Err())
	}
	mu.Lock()
	defer mu.Unlock()
	if decodeErr != nil {
		return nil, errors.Join(doErr, fmt.Errorf("decoding the trace: %w", decodeErr))
	}
	return events, doErr
}

// Page is the renderer that parsed a page: its process and the names of
// its threads.
type Page struct {
	Pid     int
	threads map[int]string // by thread id
}

// FindPage finds the renderer that parsed a page of origin
// ("http://127.0.0.1:8080"): the page's own, not about:blank's.
func FindPage(events []Event, origin string) (Page, error) {
	threads := map[[2]int]string{}
	pid := -1
	for _, e := range events {
		switch {
		case e.Ph == "M" && e.Name == "thread_name":
			var a struct{ Name string }
			json.Unmarshal(e.Args, &a)
			threads[[2]int{e.Pid, e.Tid}] = a.Name
		case e.Name == "ParseHTML" && pid < 0:
			var a struct {
				BeginData struct{ URL string } `json:"beginData"`
			}
			json.Unmarshal(e.Args, &a)
			if strings.HasPrefix(a.BeginData.URL, origin+"/") {
				pid = e.Pid
			}
		}
	}
	if pid < 0 {
		return Page{}, fmt.Errorf("the trace has no renderer that parsed %s", origin)
	}
	p := Page{Pid: pid, threads: map[int]string{}}
	for k, name := range threads {
		if k[0] == pid {
			p.threads[k[1]] = name
		}
	}
	return p, nil
}

// Main reports whether e ran on the page's main thread.
func (p Page) Main(e Event) bool {
	return e.Pid == p.Pid && p.threads[e.Tid] == "CrRendererMain"
}
