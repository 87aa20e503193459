package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The one browser of the run: started by the first test that needs it,
// shared by all (each test has its own tab, and its own server origin).
var browser struct {
	once    sync.Once
	ctx     context.Context
	running atomic.Bool // ctx is set and the browser is up
	cancels []context.CancelFunc
	dir     string
	err     error
}

// chromiumPath returns Debian's chromium, or chromium on PATH, or "".
func chromiumPath() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// needBrowser returns the context of the shared browser. Without Chromium
// the test skips, or fails when CI=true.
func needBrowser(t testing.TB) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium not found (/usr/bin/chromium or chromium on PATH) and CI=true: " +
				"browser tests must run in CI; install it with apt-get install -y chromium")
		}
		t.Skip("skipping browser test: Chromium not found (/usr/bin/chromium or chromium on PATH); " +
			"install Debian's chromium package to run it (with CI=true this is a failure)")
	}
	browser.once.Do(func() { startBrowser(path) })
	if browser.err != nil {
		t.Fatalf("starting Chromium (%s): %v", path, browser.err)
	}
	return browser.ctx
}

func startBrowser(path string) {
	dir, err := os.MkdirTemp("", "aivc-e2e-chromium-")
	if err != nil {
		browser.err = err
		return
	}
	browser.dir = dir
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// Scrollbars as on a desktop (chromedp hides them by default): they
		// take room, and a page must not move when its scrollbar comes.
		chromedp.Flag("hide-scrollbars", false),
		chromedp.WindowSize(1280, 900),
		// WebAssembly compiled once, by Liftoff, with no TurboFan
		// recompilation of the hot functions in the background: these
		// tests look at what the pages show and do, not how fast they run
		// (e2e/bench measures that, with Chromium's defaults). Measured on TestPhonePages and TestKeyboardWalk
		// (2 cores, other work running): 219 and 233 CPU seconds with
		// tier-up, 163 and 185 without; wall time down as much.
		chromedp.Flag("js-flags", "--liftoff-only"),
		// No omnibox popups: headless Chromium 156 renders them as WebUI
		// pages (chrome://omnibox-popup.top-chrome) in a renderer of their
		// own, which kept half a core busy all through the tests, a page
		// no test looks at. chromedp's own two features stay disabled
		// (this flag replaces its list); a name a later Chromium drops is
		// ignored. Measured on TestPhonePages: 134 CPU seconds with them,
		// 74 without.
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,WebUIOmniboxPopup,WebUIOmniboxAimPopup"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	browser.cancels = []context.CancelFunc{cancelCtx, cancelAlloc}
	// Start the browser with no deadline: its life is the run's.
	if err := chromedp.Do(ctx); err != nil {
		browser.err = err
		return
	}
	browser.ctx = ctx
	browser.running.Store(true)
}

// forgetOrigin clears all the shared browser keeps for origin (storage,
// service worker, caches), if it runs. A closed test server's port may be
// given to a later test's server: the same origin, which would otherwise
// find the earlier test's data (a log of 20,000 clips once changed another
// test's measured generations per kept clip, and its ranking).
func forgetOrigin(t testing.TB, origin string) {
	if !browser.running.Load() {
		return
	}
	ctx, cancel := context.WithTimeout(browser.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Call(ctx, storage.ClearDataForOrigin,
		storage.ClearDataForOriginParams{Origin: origin, StorageTypes: "all"}); err != nil {
		t.Errorf("clearing what the browser keeps for %s: %v", origin, err)
	}
}

func closeBrowser() {
	for _, c := range browser.cancels {
		c()
	}
	if browser.dir != "" {
		os.RemoveAll(browser.dir)
	}
}

// probe runs in every document of the tab before the page's scripts: it
// records Content-Security-Policy violations, and sums the layout shifts
// that no input caused (the Cumulative Layout Shift of the page so far).
const probe = `(() => {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
      " at " + e.sourceFile + ":" + e.lineNumber);
  });
  window.__layoutShift = 0;
  window.__layoutShifts = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__layoutShift += e.value;
        window.__layoutShifts.push(e.value.toFixed(4) + " " + (e.sources || []).map((s) =>
          s.node ? (s.node.nodeName + (s.node.id ? "#" + s.node.id : "") + (s.node.className ? "." + s.node.className : "")) : "?").join(","));
      }
    }).observe({type: "layout-shift", buffered: true});
  } catch (e) {}
})();`

// tab is one browser tab of a test, with its console recorded.
type tab struct {
	t    testing.TB
	ctx  context.Context // bounded: every action of the tab ends within the test's budget
	base string          // the site's URL, "http://127.0.0.1:port"

	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
	reqs []string // URL of every request the tab's pages made
}

// tabTimeout bounds everything one tab does.
const tabTimeout = 2 * time.Minute

// newTab opens a tab for the site at base and records its console.
func newTab(t testing.TB, base string) *tab {
	t.Helper()
	bctx := needBrowser(t)
	tabCtx, cancelTab := chromedp.NewContext(bctx)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(tabCtx); err != nil { // opens the tab
		t.Fatalf("opening a tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tabCtx, tabTimeout)
	t.Cleanup(cancel)

	tb := &tab{t: t, ctx: ctx, base: strings.TrimSuffix(base, "/")}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.msgs = append(tb.msgs, m)
			tb.mu.Unlock()
		}
	}()
	reqs := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range reqs {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.reqs = append(tb.reqs, ev.Request.URL)
			tb.mu.Unlock()
		}
	}()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
		t.Fatalf("installing the probe: %v", err)
	}
	return tb
}

// url returns the absolute URL of a path of the site.
func (tb *tab) url(path string) string {
	return tb.base + path
}

// do runs actions, failing the test on error.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v%s", what, err, tb.consoleDump())
	}
}

// navigate loads path and waits for the load event.
func (tb *tab) navigate(path string) {
	tb.t.Helper()
	tb.do("opening "+path, chromedp.Navigate(tb.url(path)))
}

// followNav clicks the main nav's link named name (an in-app navigation).
func followNav(tb *tab, name string) {
	tb.t.Helper()
	tb.do("following the nav to "+name, chromedp.Click(chromedp.Search(`//nav[@aria-label="Main"]//a[normalize-space()="`+name+`"]`)))
}

// open loads path and waits until the wasm app runs it.
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.navigate(path)
	tb.waitReady()
}

// waitReady waits until the shell has marked the app ready
// (<body data-wasm="ready">), i.e. the wasm has mounted the page and run its
// first updates. It is meant for after a page load: in-app navigation keeps
// the mark.
//
// On /profiles it also waits for every profile's details, and on every
// page for the parts below the screen (app/later.go), which the page
// builds after it is ready (TestProfilesBuildAfterStart and
// TestLaterParts look at that moment themselves): the tests of every
// page's contrast, overflow and print then look at the whole page.
func (tb *tab) waitReady() {
	tb.t.Helper()
	tb.waitFor("the wasm app to run", `document.body && document.body.dataset.wasm === "ready"`, 60*time.Second)
	tb.waitFor("the parts below the screen", `!document.querySelector("[data-later]")`, 10*time.Second)
	tb.waitFor("every profile's details", `[...document.querySelectorAll(".prof-detail")].every((d) => d.childElementCount > 0)`, 10*time.Second)
}

// waitFor polls a JavaScript expression until it is truthy.
func (tb *tab) waitFor(what, expr string, timeout time.Duration) {
	tb.t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](expr,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	if err != nil {
		tb.t.Fatalf("waiting for %s (%s): %v%s", what, expr, err, tb.consoleDump())
	}
}

// eval evaluates a JavaScript expression (promises are awaited).
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v%s", expr, err, tb.consoleDump())
	}
	return v
}

// call sends a protocol command to the tab.
func call[P, R any](tb *tab, cmd cdp.Command[P, R], params P) R {
	tb.t.Helper()
	r, err := chromedp.Call(tb.ctx, cmd, params)
	if err != nil {
		tb.t.Fatalf("%s: %v", cmd.Method, err)
	}
	return r
}

// messages returns the console messages so far.
func (tb *tab) messages() []chromedp.ConsoleMessage {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), tb.msgs...)
}

// requests returns the URL of every request so far.
func (tb *tab) requests() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.reqs...)
}

// errors returns the console errors and exceptions so far, and the CSP
// violations of the current document.
func (tb *tab) errors() []string {
	var errs []string
	for _, m := range tb.messages() {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			errs = append(errs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
		}
	}
	csp, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`window.__cspViolations || []`))
	if err != nil {
		errs = append(errs, "reading CSP violations: "+err.Error())
	}
	for _, v := range csp {
		errs = append(errs, "CSP violation: "+v)
	}
	return errs
}

// assertNoErrors fails the test if the console showed an error or an
// exception, or the page broke its Content-Security-Policy. Errors that
// contain one of the allowed substrings are expected ones.
func (tb *tab) assertNoErrors(allowed ...string) {
	tb.t.Helper()
	// Messages arrive asynchronously; let the last ones land.
	time.Sleep(100 * time.Millisecond)
	var errs []string
	for _, e := range tb.errors() {
		if !slices.ContainsFunc(allowed, func(a string) bool { return strings.Contains(e, a) }) {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		tb.t.Errorf("console errors:\n  %s", strings.Join(errs, "\n  "))
	}
}

// consoleDump formats the console so far, for failure messages.
func (tb *tab) consoleDump() string {
	msgs := tb.messages()
	if len(msgs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\nconsole:")
	for _, m := range msgs {
		fmt.Fprintf(&b, "\n  %s", m)
	}
	return b.String()
}

// tabTo presses Tab until the focus is on the element selector matches,
// at most n times, and fails the test if it does not get there.
func tabTo(tb *tab, selector string, n int) {
	tb.t.Helper()
	for range n {
		tb.do("pressing Tab", chromedp.KeyEvent(kb.Tab))
		if eval[bool](tb, `document.activeElement.matches(`+jsString(selector)+`)`) {
			return
		}
	}
	tb.t.Fatalf("%d presses of Tab did not reach %s (the focus is on %s)", n, selector, focusedAX(tb))
}

// axNode is what a screen reader is told of an element: its role, name
// and description in the browser's accessibility tree.
type axNode struct{ Role, Name, Desc string }

func (n axNode) String() string {
	if n.Desc == "" {
		return n.Role + " “" + n.Name + "”"
	}
	return n.Role + " “" + n.Name + "” (" + n.Desc + ")"
}

// axValue is the text of one of the tree's values ("" for none).
func axValue(v *accessibility.Value) string {
	if v == nil {
		return ""
	}
	var x any
	if json.Unmarshal(v.Value, &x) != nil {
		return string(v.Value)
	}
	return fmt.Sprint(x)
}

// focusedAX is the accessibility tree's node of the focused element,
// as a screen reader announces it when the focus lands.
func focusedAX(tb *tab) axNode {
	tb.t.Helper()
	return axOf(tb, "document.activeElement")
}

// axOf is the accessibility tree's node of the element a JavaScript
// expression returns ("document.activeElement.closest('fieldset')").
func axOf(tb *tab, expr string) axNode {
	tb.t.Helper()
	r := call(tb, runtime.Evaluate, runtime.EvaluateParams{Expression: expr})
	if r.Result == nil || r.Result.ObjectID == "" {
		tb.t.Fatalf("no element: %s", expr)
	}
	defer call(tb, runtime.ReleaseObject, runtime.ReleaseObjectParams{ObjectID: r.Result.ObjectID})
	alone := false
	ax := call(tb, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{ObjectID: r.Result.ObjectID, FetchRelatives: &alone})
	if len(ax.Nodes) == 0 {
		return axNode{}
	}
	n := ax.Nodes[0]
	return axNode{axValue(n.Role), axValue(n.Name), axValue(n.Description)}
}

// axNodes is every node of the page's accessibility tree that is not
// ignored (hidden, or only presentation).
func axNodes(tb *tab) []axNode {
	tb.t.Helper()
	var out []axNode
	for _, n := range call(tb, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{}).Nodes {
		if !n.Ignored {
			out = append(out, axNode{axValue(n.Role), axValue(n.Name), axValue(n.Description)})
		}
	}
	return out
}
