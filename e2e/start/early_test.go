package start

import (
	"bytes"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/e2e"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestEarlyInput: what a person types into the prerendered calculator
// before app.wasm has arrived is not lost when the app takes over
// (web/early.js): the live page gets the same values, computes with them
// and keeps them in its link, and the caret stays where it was.
func TestEarlyInput(t *testing.T) {
	t.Parallel()
	srv, release := e2e.NewHeldServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Navigate("/")
	if e2e.Eval[string](tb, `document.body.dataset.wasm || ""`) != "" {
		t.Fatal("the app runs although app.wasm is held back")
	}

	// Where every part of the results is, to check that fading them moves
	// nothing.
	const boxes = `[...document.querySelectorAll("#results, #results *")].map(e => {
		const r = e.getBoundingClientRect();
		return [r.left, r.top, r.width, r.height].join(",");
	}).join(";")`
	opened := e2e.Eval[string](tb, boxes)

	e2e.TypeInto(tb, "f-price", "60")
	e2e.TypeInto(tb, "f-dur", "1")
	tb.Do("typing after the caret", chromedp.KeyEvent("0"))
	tb.Do("pressing Enter", chromedp.KeyEvent(kb.Enter))
	// Before the wasm: the results still show the numbers the page opened
	// with, faded and marked busy: they are not the person's yet.
	type before struct {
		Busy    string
		Opacity float64
		Path    string
	}
	got := e2e.Eval[before](tb, `(() => {
		const r = document.getElementById("results");
		return {
			busy: r.getAttribute("aria-busy") || "",
			opacity: parseFloat(getComputedStyle(r).opacity),
			path: location.pathname + location.search,
		};
	})()`)
	if got.Busy != "true" || got.Opacity >= 1 {
		t.Errorf("before the wasm, the results have aria-busy=%q and opacity %v; want them marked busy and faded", got.Busy, got.Opacity)
	}
	if e2e.Eval[string](tb, boxes) != opened {
		t.Error("marking the results moved them (a layout shift); want only a fade")
	}
	if got.Path != "/" {
		t.Errorf("Enter before the wasm went to %q; want to stay on /", got.Path)
	}
	e2e.WaitResults(tb, "the prerendered results, before the wasm", map[string][2]string{
		"price-per-credit": {"0.01", "$0.01"},
	})

	release()
	tb.WaitReady()
	e2e.WaitResults(tb, "what was typed before the wasm", map[string][2]string{
		"price-per-credit": {"0.02", "$0.02"},
		"cost-per-clip":    {"1", "$1.00"},
		"cost-per-second":  {"0.1", "$0.10"},
	})
	if h := e2e.Hash(tb); !strings.Contains(h, "price=60") || !strings.Contains(h, "dur=10") {
		t.Errorf("fragment %q: want the typed price and duration", h)
	}
	if busy := e2e.Eval[bool](tb, `document.getElementById("results").hasAttribute("aria-busy")`); busy {
		t.Error("the live results are still marked busy")
	}

	// The caret is still at the end of the duration: the next key goes on.
	if id := e2e.Eval[string](tb, `document.activeElement.id`); id != "f-dur" {
		t.Fatalf("focus is on %q after the takeover; want f-dur", id)
	}
	tb.Do("typing on", chromedp.KeyEvent("0"))
	e2e.WaitResults(tb, "100 s typed on after the takeover", map[string][2]string{
		"cost-per-second": {"0.01", "$0.01"},
	})
	tb.AssertNoErrors()
}

// TestEarlyMarksResults: on every page with results, typing into the
// prerendered form before app.wasm has arrived marks those results busy
// (web/early.js finds them by their shared class, "results").
func TestEarlyMarksResults(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"/", "/compare", "/plan"} {
		// A server for each page: held app.wasm requests (the page's and
		// the service worker's) left open by earlier tabs would take the 6
		// connections Chromium opens to one host.
		srv, _ := e2e.NewHeldServer(t)
		tb := e2e.NewTab(t, srv.URL)
		tb.Navigate(p)
		id := e2e.Eval[string](tb, `document.querySelector("main form input[id]:not([type=checkbox]):not([type=radio])").id`)
		e2e.TypeInto(tb, id, "1")
		busy := e2e.Eval[[]string](tb, `[...document.querySelectorAll(".results")].map((r) => r.id + ": " + (r.getAttribute("aria-busy") || "not busy"))`)
		if len(busy) == 0 {
			t.Errorf("%s: no results (class results) to mark", p)
		}
		for _, b := range busy {
			if !strings.HasSuffix(b, ": true") {
				t.Errorf("%s: typed into #%s before the wasm; results %s", p, id, b)
			}
		}
	}
}

// TestEarlyLinkMarksResults: a page opened by a link that carries a state
// marks its prerendered results busy (faded) until the app shows the
// link's: they are the page's first values. A person opening a shared
// calculation saw $0.01 a credit beside it as if it were the link's, for
// as long as app.wasm took. Without a state, or with an embed's look
// alone, the results are what they say.
func TestEarlyLinkMarksResults(t *testing.T) {
	t.Parallel()
	// A peek (the results in a sentence, kept in sight on a phone) shows
	// busy in muted text, not faded: it reads as opacity 0.45 here.
	const busyJS = `[...document.querySelectorAll(".results")].map((r) => r.id + ": " + (r.getAttribute("aria-busy") || "not busy") + " " +
		(r.classList.contains("peek") && r.getAttribute("aria-busy") === "true" ? 0.45 : getComputedStyle(r).opacity))`
	for _, c := range []struct {
		link string
		busy bool
	}{
		{"/#price=15&credits=625&clip=50&dur=10", true},
		{"/compare#dur=8&res=1080p", true},
		{"/plan#mix=hero:1", true},
		{"/", false},
		{"/embed#theme=dark", false},
	} {
		srv, release := e2e.NewHeldServer(t)
		tb := e2e.NewTab(t, srv.URL)
		tb.Navigate(c.link)
		// go-app's loader, hidden but read by a screen reader, names no
		// page: it said "Loading the live calculator: 0%" on /compare and
		// /plan.
		for _, n := range e2e.AXNodes(tb) {
			if n.Role == "StaticText" && strings.HasPrefix(n.Name, "Loading the") && n.Name != "Loading the live page: 0%" {
				t.Errorf("%s before the wasm: the loader reads %q, want %q", c.link, n.Name, "Loading the live page: 0%")
			}
		}
		results := e2e.Eval[[]string](tb, busyJS)
		if len(results) == 0 {
			t.Errorf("%s: no results (class results) to mark", c.link)
		}
		for _, r := range results {
			if busy := strings.Contains(r, ": true") && !strings.HasSuffix(r, " 1"); busy != c.busy {
				t.Errorf("%s before the wasm: results %s, want busy and faded %v", c.link, r, c.busy)
			}
		}
		if !c.busy || c.link[1] != '#' {
			continue
		}
		release()
		tb.WaitReady()
		e2e.WaitResults(tb, "the link's calculation", map[string][2]string{"cost-per-clip": {"1.2", "$1.20"}})
		for _, r := range e2e.Eval[[]string](tb, busyJS) {
			if !strings.HasSuffix(r, ": not busy 1") {
				t.Errorf("%s once the app runs: results %s, want not busy", c.link, r)
			}
		}
		tb.AssertNoErrors()
	}
}

// TestEarlyTypingAnnounced: a screen reader never hears the prerendered
// results as the answer to what was typed before the wasm ran. Typing into
// the embed's prerendered calculator (the first values', $0.50 a kept
// clip, beside an article's $3.60) armed the announcer (web/early.js),
// which read that stale summary out 0.8 s later as if it were current.
// Once the app has taken the typing over, the live summary is read out.
func TestEarlyTypingAnnounced(t *testing.T) {
	t.Parallel()
	srv, release := e2e.NewHeldServer(t)
	tb := e2e.NewTab(t, srv.URL)
	// Every text the live region takes, whichever element it is (go-app
	// replaces the prerendered one).
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__announced = [];
		new MutationObserver(() => {
			const t = (document.getElementById("announce") || {}).textContent || "";
			if (t && t !== window.__announced.at(-1)) window.__announced.push(t);
		}).observe(document, {subtree: true, childList: true, characterData: true});`})
	tb.Navigate("/embed#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10&takes=3")
	stale := e2e.Eval[string](tb, `document.querySelector("[data-announce]").textContent.trim()`)
	e2e.TypeInto(tb, "f-takes", "4")
	time.Sleep(2 * time.Second) // the announcer waits 0.8 s for typing to pause
	if got := e2e.Eval[[]string](tb, `window.__announced`); len(got) > 0 {
		t.Errorf("before the wasm ran, typing had the prerendered results read out: %q", got)
	}

	release()
	tb.WaitReady()
	e2e.WaitResults(tb, "4 tries typed before the wasm", map[string][2]string{"cost-per-kept-clip": {"4.8", "$4.80"}})
	tb.WaitFor("the live results read out", `window.__announced.length > 0`, 10*time.Second)
	got := e2e.Eval[[]string](tb, `window.__announced`)
	if len(got) != 1 || !strings.Contains(got[0], "$4.80") || got[0] == stale {
		t.Errorf("once the app took the typing over, the live region read %q; want once the live results, with $4.80", got)
	}
	tb.AssertNoErrors()
}

// TestEarlyFilter: a box unticked on the prerendered compare page before
// the wasm arrives filters the live ranking.
func TestEarlyFilter(t *testing.T) {
	t.Parallel()
	srv, release := e2e.NewHeldServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Navigate("/compare")
	tb.Do("opening the filter", chromedp.Click(chromedp.CSS(".cmp-filter summary")))
	tb.Do("unticking Krea", chromedp.Click(chromedp.ID("f-platforms-krea-api")))

	release()
	tb.WaitReady()
	tb.WaitFor("the ranking without Krea", `(() => {
		const box = document.getElementById("f-platforms-krea-api");
		const rows = [...document.querySelectorAll("#ranking tbody tr")];
		return box && !box.checked && rows.length > 0 && rows.every(r => !r.dataset.model.startsWith("krea-api/"));
	})()`, 10*time.Second)
	if h := e2e.Hash(tb); !strings.Contains(h, "platforms=") || strings.Contains(h, "krea-api") {
		t.Errorf("fragment %q: want a platform list without krea-api", h)
	}
	tb.AssertNoErrors()
}

// TestEarlyViewClicks: "Show all" and a sort, clicked on the prerendered
// compare page before the wasm arrives, are not lost: the live page shows
// every row, sorted by platform, with the focus on the first row Show all
// showed, as after a click on the live page.
// Before, they did nothing, then and after the takeover.
func TestEarlyViewClicks(t *testing.T) {
	t.Parallel()
	srv, release := e2e.NewHeldServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Navigate("/compare")
	rows := `document.querySelectorAll("#ranking tbody tr").length`
	if n := e2e.Eval[int](tb, rows); n != 20 {
		t.Fatalf("the prerendered ranking has %d rows, want the first 20", n)
	}
	tb.Do("sorting by platform", chromedp.Click(chromedp.CSS(`button[data-sort="platform"]`)))
	tb.Do("showing all", chromedp.Click(chromedp.ID("cmp-more")))

	release()
	tb.WaitReady()
	tb.WaitFor("every row, sorted by platform", rows+` > 20 &&
		document.querySelector("th.cmp-col-platform").getAttribute("aria-sort") === "ascending" &&
		document.getElementById("cmp-more").getAttribute("aria-expanded") === "true"`, 10*time.Second)
	platforms := e2e.Eval[[]string](tb, `[...document.querySelectorAll("#ranking tbody td.cmp-col-platform")].map(c => c.textContent.trim().toLowerCase())`)
	if !slices.IsSorted(platforms) {
		t.Errorf("rows not in platform order: %v", platforms)
	}
	if !e2e.Eval[bool](tb, `document.activeElement.closest("#ranking tbody tr:nth-child(21)") !== null`) {
		t.Errorf("the focus is on %s after the takeover, want the first row Show all showed", e2e.Eval[string](tb, `document.activeElement.outerHTML.slice(0, 120)`))
	}
	tb.AssertNoErrors()
}

// watchLCP records, from a page's start, its largest-paint reports (LCP),
// each as its time and what was painted, and the time the app marked itself
// ready.
const watchLCP = `window.lcps = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const what = e.element ? e.element.tagName.toLowerCase() + "." + e.element.className : "a removed element";
    window.lcps.push({at: e.startTime, what: what + " (" + e.size + " px²)"});
  }
}).observe({type: "largest-contentful-paint", buffered: true});
new MutationObserver(() => {
  if (!window.readyAt && document.body && document.body.dataset.wasm === "ready") window.readyAt = performance.now();
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-wasm"]});`

// newSplitServer serves the built site as NewServer does, except that each
// page comes in two parts, 150 ms apart, split before its lede: the browser
// paints the header first, as on a slow connection or a busy machine.
func newSplitServer(t *testing.T) *httptest.Server {
	t.Helper()
	h := e2e.SiteHandler(t, e2e.Dist)
	return e2e.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		at := bytes.Index(body, []byte(`elementtiming="lede"`))
		if at >= 0 {
			at = bytes.LastIndexByte(body[:at], '<')
		}
		maps.Copy(w.Header(), rec.Header())
		w.WriteHeader(rec.Code)
		if at < 0 {
			w.Write(body)
			return
		}
		w.Write(body[:at])
		w.(http.Flusher).Flush()
		select {
		case <-time.After(150 * time.Millisecond):
		case <-r.Context().Done():
			return
		}
		w.Write(body[at:])
	}))
}

// TestLCPIsPrerendered: a page's largest paint is its prerendered one, not
// the live page go-app builds when the wasm starts. Before early.js held
// the start back until that paint was reported, a third of cold loads
// (3 of 10, and 3 of 6, in scratch runs) reported their LCP after the
// takeover, ~1 s late, and Lighthouse charged the whole app.wasm download
// to it (LCP 10-50 s, performance under 50). Each page is loaded whole,
// then in two parts (newSplitServer): with its header painted first, the
// start once waited for that paint's report alone, and the lede's was
// dropped by the takeover (3 of 180 such loads under load; CI once, on a
// whole page, "/compare: [80 1284] ms, ready at 1266").
func TestLCPIsPrerendered(t *testing.T) {
	t.Parallel()
	for _, srv := range []*httptest.Server{e2e.NewServer(t), newSplitServer(t)} {
		for _, p := range []string{"/", "/compare", "/plan", "/profiles", "/log"} {
			tb := e2e.NewTab(t, srv.URL)
			e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchLCP})
			tb.Open(p)
			tb.WaitFor("the ready time", `!!window.readyAt`, 10*time.Second)
			type paint struct {
				At   float64
				What string
			}
			paints := e2e.Eval[[]paint](tb, `window.lcps`)
			ready := e2e.Eval[float64](tb, `window.readyAt`)
			if len(paints) == 0 || paints[len(paints)-1].At >= ready {
				t.Errorf("%s: largest paints reported %+v, the live page ready at %.0f ms", p, paints, ready)
			}
		}
	}
}

// TestNoWasm: where the app cannot run (WebAssembly turned off, as in
// Safari's Lockdown Mode, or missing; or app.wasm not loaded), each page of
// the site says so under its title, as an alert, worded for the page: the
// page waited for ever, its form doing nothing, its figures faded as if
// about to become a link's, and nothing said why. The figures left are the
// page's opening example, no longer busy; what only the app can show (the
// clip log, a person's own profiles) is said to be kept in this browser,
// not shown as empty. A page whose app runs, however slowly, never shows
// the message. (/embed: TestEmbedBeforeWasm.)
func TestNoWasm(t *testing.T) {
	t.Parallel()
	pages := []struct {
		path, says string
		gone       string // an element hidden: it would say there is nothing saved
	}{
		{"/#price=15&credits=625&clip=50&dur=10", "This calculator needs WebAssembly", ""},
		{"/compare#dur=8&res=1080p", "This comparison needs WebAssembly", ""},
		{"/plan", "This monthly plan needs WebAssembly", ""},
		{"/profiles", "Your own profiles need WebAssembly", "prof-mine"},
		{"/log", "The clip log needs WebAssembly", "log-empty"},
		// The same pages under the names Netlify also serves them by.
		{"/compare.html#dur=8", "This comparison needs WebAssembly", ""},
		{"/index.html", "This calculator needs WebAssembly", ""},
	}
	type state struct {
		Text, Role, After, Gone string
		Busy, Enabled           int
		Loader, Peek            bool
	}
	const stateJS = `(() => {
		const p = document.getElementById("no-wasm"), main = document.getElementById("main");
		return {text: p.textContent, role: p.getAttribute("role") || "", after: p.previousElementSibling ? p.previousElementSibling.tagName : "",
			gone: %q && document.getElementById(%[1]q).checkVisibility() ? "visible" : "",
			busy: document.querySelectorAll("[aria-busy]").length,
			enabled: main.querySelectorAll("input:enabled, select:enabled, textarea:enabled, button:enabled").length,
			loader: !!document.getElementById("app-wasm-loader"),
			peek: [...document.querySelectorAll(".peek")].some((p) => !p.hidden)};
	})()`
	for _, c := range []struct {
		what, script, block string
		late                time.Duration // early.js held back this long
	}{
		{"without WebAssembly", "delete window.WebAssembly;", "", 0},
		{"with app.wasm blocked", "", "/web/app.wasm", 0},
		// go-app's loader (app.js) runs first and has written its error
		// before early.js watches for it.
		{"with app.wasm blocked before early.js ran", "", "/web/app.wasm", 500 * time.Millisecond},
	} {
		for _, p := range pages {
			// A server for each: no service worker of an earlier tab
			// answers for app.wasm.
			h := e2e.SiteHandler(t, e2e.Dist)
			srv := e2e.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/web/early.js" {
					time.Sleep(c.late)
				}
				h.ServeHTTP(w, r)
			}))
			tb := e2e.NewTab(t, srv.URL)
			if c.script != "" {
				e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: c.script})
			}
			if c.block != "" {
				e2e.Call(tb, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: srv.URL + c.block, Block: true}}})
			}
			tb.Navigate(p.path)
			tb.WaitFor(c.what+": "+p.path+"'s message", `(() => {
				const p = document.getElementById("no-wasm");
				return !!p && p.checkVisibility();
			})()`, 20*time.Second)
			got := e2e.Eval[state](tb, fmt.Sprintf(stateJS, p.gone))
			for _, want := range []string{p.says, "turned off or could not load", "Reload the page to try again"} {
				if !strings.Contains(got.Text, want) {
					t.Errorf("%s: %s says %q, want %q in it", c.what, p.path, got.Text, want)
				}
			}
			if got.Role != "alert" || got.After != "H1" {
				t.Errorf("%s: %s's message has role %q, after a %s; want an alert under the page's title", c.what, p.path, got.Role, got.After)
			}
			if got.Busy != 0 || got.Enabled != 0 || got.Loader || got.Peek {
				t.Errorf("%s: %s still has %d results busy, %d controls enabled, the loader %v, a summary kept in sight %v; want none",
					c.what, p.path, got.Busy, got.Enabled, got.Loader, got.Peek)
			}
			if got.Gone != "" {
				t.Errorf("%s: %s still shows #%s", c.what, p.path, p.gone)
			}
		}
	}

	// app.wasm's download breaks off while a person types: the message
	// takes the focus from the field, now disabled, which keeps what they
	// typed; their figures are not the ones shown, and the page says so.
	// app.wasm is never answered, and the connections are closed until the
	// page says so: closed once, they could miss a request yet to come,
	// which then waited for ever.
	h, done := e2e.SiteHandler(t, e2e.Dist), make(chan struct{})
	srv := e2e.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/app.wasm") {
			h.ServeHTTP(w, r)
			return
		}
		select {
		case <-r.Context().Done():
		case <-done:
		}
	}))
	t.Cleanup(func() { close(done) }) // before serve's srv.Close, which waits for the requests
	tb := e2e.NewTab(t, srv.URL)
	tb.Navigate("/")
	e2e.TypeInto(tb, "f-price", "45")
	for deadline := time.Now().Add(20 * time.Second); !e2e.Eval[bool](tb, `!!document.getElementById("no-wasm")`); time.Sleep(200 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no message once app.wasm failed%s", tb.ConsoleDump())
		}
		srv.CloseClientConnections()
	}
	type field struct {
		Focus, Value string
		Disabled     bool
	}
	want := field{"no-wasm", "45", true}
	if got := e2e.Eval[field](tb, `({focus: document.activeElement.id, value: document.getElementById("f-price").value,
		disabled: document.getElementById("f-price").disabled})`); got != want {
		t.Errorf("app.wasm failed while typing: %+v, want %+v", got, want)
	}

	// The app runs, after a wait: the message never shows, even for a
	// moment.
	for _, p := range pages {
		srv, release := e2e.NewHeldServer(t)
		tb := e2e.NewTab(t, srv.URL)
		e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: e2e.WatchNoWasm})
		tb.Navigate(p.path)
		time.Sleep(300 * time.Millisecond)
		release()
		tb.WaitReady()
		if e2e.Eval[bool](tb, `!!window.noWasmSeen`) {
			t.Errorf("%s: the app ran, and the page said it could not", p.path)
		}
		tb.AssertNoErrors()
	}
}
