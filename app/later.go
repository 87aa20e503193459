package app

import (
	"math"
	"runtime"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// later builds the parts of a page below the screen after the page has
// started, a few at a time.
//
// go-app mounts a page in one task, making each element, attribute and text
// through a call into JavaScript: /compare's ~650 elements took ~190 of the
// ~310 ms its start kept Chromium's main thread busy, and Lighthouse, which
// counts a phone's slower CPU, scored its Total Blocking Time 1,150 ms. So
// in the browser a page's first render holds what a person can see, and
// the parts below the screen follow in short tasks of their own.
//
// A page lists its later parts in document order, each by a CSS selector
// of its element in the prerendered page. The first render builds every
// part up to the last one on or above the screen, or holding the focus (a
// key pressed before the wasm came): nothing on the screen changes or moves,
// and nothing above it. Without a prerendered page to look at (go-app's
// navigation from another page of the site) every part is built at once.
// Off the browser (the prerendered page itself) every part is built.
//
// A printout wants the whole page at once: printed in the steps' ~0.3 s,
// /compare lacked its rows and sections below the screen, and /profiles,
// opened from another page of the site, its numbers and sources. So while
// parts remain, window.aivcBeforePrint, which web/early.js calls on
// beforeprint, builds every one, and waits for go-app's next frame to draw
// them (go-app draws a frame ~17 ms after a change; Chromium lays the
// printout out as soon as the listeners return).
type later struct {
	built int           // parts built, laterAll when every one is
	pause time.Duration // between two steps: laterPause when 0
}

const (
	laterAll   = math.MaxInt
	laterStep  = 4                      // parts built at a time
	laterPause = 16 * time.Millisecond  // between two steps, and before the first: a frame
	laterPrint = 250 * time.Millisecond // the longest a printout waits for the parts
)

// laterPending is the page whose later parts are still to be built, with
// its context, for a printout (printLater): one page is shown at a time.
// The wasm is one thread: only the UI goroutine and printLater, between
// its yields, touch them.
var (
	laterPending *later
	laterCtx     app.Context
	laterHook    app.Func // window.aivcBeforePrint, set once
)

// start sets how many of parts the first render builds (see later).
func (l *later) start(parts []string) {
	l.built = laterAll
	if !app.IsClient || len(parts) == 0 {
		return
	}
	doc := app.Window().Get("document")
	if !doc.Call("querySelector", parts[0]).Truthy() {
		return // not the prerendered page
	}
	height := app.Window().Get("innerHeight").Float()
	focus := doc.Get("activeElement")
	seen := 0
	for i, sel := range parts {
		e := doc.Call("querySelector", sel)
		if !e.Truthy() {
			continue
		}
		r := e.Call("getBoundingClientRect")
		shown := r.Get("width").Float() > 0 || r.Get("height").Float() > 0 // not hidden
		if shown && r.Get("top").Float() < height || focus.Truthy() && e.Call("contains", focus).Bool() {
			seen = i + 1
		}
	}
	if seen < len(parts) {
		l.built = seen
	}
}

// startAt sets the first render to build the first n parts in the
// browser, whatever is on the screen; every part elsewhere.
func (l *later) startAt(n int) {
	l.built = laterAll
	if app.IsClient {
		l.built = n
	}
}

// has reports whether part i is built.
func (l *later) has(i int) bool { return i < l.built }

// waiting is the value of a page's data-later attribute: "steps" while
// parts are still to be built, "" (no attribute) once all are. The browser
// tests wait for it to go, and so does a printout (printLater).
func (l *later) waiting() string {
	if l.built == laterAll {
		return ""
	}
	return "steps"
}

// begin builds the parts left, a step at a time, until all n are, or all
// at once before a printout: call it from the page's OnMount.
//
// The first pause counts from the page's first frame, once the shell has
// marked it ready (shell.OnMount queues its mark as this queues the first
// step, before it): counted from OnMount, the pause could end first when
// the frame came late on a busy machine, and the page was marked ready
// with parts already built (/profiles 4 of 23 in a run of .ci/run, for
// TestProfilesBuildAfterStart, which wants none).
func (l *later) begin(ctx app.Context, n int) {
	if !l.pending(ctx) {
		return
	}
	ctx.Dispatch(func(ctx app.Context) {
		ctx.PreventUpdate() // nothing new to draw
		ctx.Defer(func(ctx app.Context) { l.next(ctx, n) })
	})
}

// pending reports whether parts remain, and keeps the page for a printout
// if so.
func (l *later) pending(ctx app.Context) bool {
	if l.built == laterAll {
		l.stop()
		return false
	}
	if laterHook == nil {
		laterHook = app.FuncOf(printLater)
		app.Window().Set("aivcBeforePrint", laterHook)
	}
	laterPending, laterCtx = l, ctx
	return true
}

// next builds the next step of parts after a pause, and so on.
func (l *later) next(ctx app.Context, n int) {
	if !l.pending(ctx) {
		return
	}
	pause := l.pause
	if pause == 0 {
		pause = laterPause
	}
	ctx.After(pause, func(ctx app.Context) {
		if l.built != laterAll {
			l.built += laterStep
		}
		if l.built >= n {
			l.built = laterAll
		}
		l.next(ctx, n)
	})
}

// stop forgets the parts left: call it from the page's OnDismount.
func (l *later) stop() {
	if laterPending == l {
		laterPending, laterCtx = nil, app.Context{}
	}
}

// printLater is window.aivcBeforePrint: it builds every part left on the
// page, and returns once go-app has drawn them (or after laterPrint). It
// runs in beforeprint, which must not return before: it cannot block
// either (a listener that waits on a timer deadlocks the wasm, whose
// timers need the browser's event loop), so it yields to the other
// goroutines until go-app's frame has removed the page's data-later.
func printLater(app.Value, []app.Value) any {
	l, ctx := laterPending, laterCtx
	if l == nil {
		return nil
	}
	l.stop()
	ctx.Dispatch(func(app.Context) { l.built = laterAll })
	doc := app.Window().Get("document")
	for end := time.Now().Add(laterPrint); time.Now().Before(end) && doc.Call("querySelector", "[data-later]").Truthy(); {
		runtime.Gosched()
	}
	return nil
}
