package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
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
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/cdproto/target"
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
	idleTabs.close()
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

// Tab is one browser Tab of a test, with its console recorded.
type Tab struct {
	T    testing.TB
	Ctx  context.Context // bounded: every action of the tab ends within the test's budget
	Base string          // the site's URL, "http://127.0.0.1:port"

	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
	reqs []string // URL of every request the tab's pages made

	own   *idleTab    // the tab, for NewTab's tabs; nil for AttachFrame's
	dirty atomic.Bool // a command changed the tab for good (Call)
}

// tabTimeout bounds everything one tab does.
const tabTimeout = 2 * time.Minute

// NewTab gives the test a tab for the site at base and records its
// console.
//
// The tab may be one an earlier test of the package left (see idleTabs): its
// renderer has run the app before, on another origin, and starts it again
// for about 1 CPU second less than a new tab's (3.2 CPU s a first visit,
// 2.2 in such a tab, on a 2-core AMD EPYC), most of the tests' time being
// such page loads. What a page sees is a first visit all the same: a fresh
// origin (NewServer), so no service worker, cache or storage of its own.
func NewTab(t testing.TB, base string) *Tab {
	t.Helper()
	bctx := needBrowser(t)
	it := idleTabs.take()
	if it == nil {
		tabCtx, cancelTab := chromedp.NewContext(bctx)
		if err := chromedp.Do(tabCtx); err != nil { // opens the tab
			cancelTab()
			t.Fatalf("opening a tab: %v", err)
		}
		if _, err := chromedp.Call(tabCtx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
			cancelTab()
			t.Fatalf("installing the probe: %v", err)
		}
		it = &idleTab{ctx: tabCtx, close: cancelTab}
	}
	ctx, cancel := context.WithTimeout(it.ctx, tabTimeout)
	tb := &Tab{T: t, Ctx: ctx, Base: strings.TrimSuffix(base, "/"), own: it}
	t.Cleanup(func() {
		cancel() // ends the recording of this test's console and requests
		idleTabs.give(t, tb)
	})
	tb.recordConsole()
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
	return tb
}

// idleTab is a tab no test uses.
type idleTab struct {
	ctx   context.Context // the tab's chromedp context, with the probe installed
	close context.CancelFunc
}

// idleTabs are the tabs of tests that ended, left on an empty page for the
// package's next tests. A tab is closed instead when its test failed, or
// sent it a command with Call whose effect the next test would inherit and
// that give does not undo (a script run in every new document, blocked
// URLs, CPU throttling, …: see undone). A command sent some other way
// (chromedp.Run on tb.Ctx) is the test's to undo.
var idleTabs tabPool

type tabPool struct {
	mu    sync.Mutex
	tabs  []*idleTab
	blank *httptest.Server // the empty page an idle tab shows
}

func (p *tabPool) take() *idleTab {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.tabs) == 0 {
		return nil
	}
	it := p.tabs[len(p.tabs)-1]
	p.tabs = p.tabs[:len(p.tabs)-1]
	return it
}

// give takes back tb's tab as its test ends: on an empty page of
// 127.0.0.1, the tests' site (a page of another site would be given
// another renderer), with the window and media as a new tab has them.
func (p *tabPool) give(t testing.TB, tb *Tab) {
	it := tb.own
	if t.Failed() || tb.dirty.Load() {
		it.close()
		return
	}
	p.mu.Lock()
	if p.blank == nil {
		p.blank = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, "<!doctype html><title>idle</title>")
		}))
	}
	blank := p.blank.URL
	p.mu.Unlock()
	ctx, cancel := context.WithTimeout(it.ctx, 30*time.Second)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Navigate(blank))
	if err == nil {
		_, err = chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, cdp.Empty{})
	}
	if err == nil {
		_, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	}
	if err != nil {
		it.close()
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.tabs) >= maxIdleTabs {
		it.close()
		return
	}
	p.tabs = append(p.tabs, it)
}

// maxIdleTabs is how many idle tabs a package keeps: as many as its tests
// use at once (TestHostileInput: four), each a renderer process.
const maxIdleTabs = 4

// close closes the idle tabs and their empty page's server.
func (p *tabPool) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, it := range p.tabs {
		it.close()
	}
	p.tabs = nil
	if p.blank != nil {
		p.blank.Close()
	}
}

// recordConsole keeps the tab's console messages, for Messages.
func (tb *Tab) recordConsole() {
	msgs := chromedp.Console(tb.Ctx)
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
}

// url returns the absolute URL of a path of the site.
func (tb *Tab) url(path string) string {
	return tb.Base + path
}

// Do runs actions, failing the test on error.
func (tb *Tab) Do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.T.Helper()
	if err := chromedp.Do(tb.Ctx, actions...); err != nil {
		tb.T.Fatalf("%s: %v%s", what, err, tb.ConsoleDump())
	}
}

// Navigate loads path and waits for the load event.
func (tb *Tab) Navigate(path string) {
	tb.T.Helper()
	tb.Do("opening "+path, chromedp.Navigate(tb.url(path)))
}

// FollowNav clicks the main nav's link named name (an in-app navigation).
func FollowNav(tb *Tab, name string) {
	tb.T.Helper()
	tb.Do("following the nav to "+name, chromedp.Click(chromedp.Search(`//nav[@aria-label="Main"]//a[normalize-space()="`+name+`"]`)))
}

// Open loads path as a new document and waits until the wasm app runs it.
// Where path differs from the page shown only in its fragment, a navigation
// would stay within the page (the app running on, already marked ready), so
// the page is loaded anew at the new address instead.
//
// A test that looks at many pages at one window size opens them one after
// another in one tab: a page loaded in a tab that has run the app costs
// much less CPU than one in a new tab, whose renderer starts and compiles
// app.wasm anew (TestPhonePages' 24 pages: ~38 CPU s in two tabs, ~59 in
// a tab each, on a 2-core AMD EPYC), and the browser tests' time is mostly
// page loads. The pages after a tab's first are a returning visitor's: the
// service worker is installed.
func (tb *Tab) Open(path string) {
	tb.T.Helper()
	url := tb.url(path)
	if Eval[string](tb, `location.href.split("#")[0]`) != strings.SplitN(url, "#", 2)[0] {
		tb.Navigate(path)
	} else {
		// The new address without a navigation the app would see, then
		// the page loaded anew.
		Eval[bool](tb, `(history.replaceState(null, "", `+JSString(url)+`), true)`)
		tb.Do("reloading "+path, chromedp.Reload())
	}
	tb.WaitReady()
}

// WaitReady waits until the shell has marked the app ready
// (<body data-wasm="ready">), i.e. the wasm has mounted the page and run its
// first updates. It is meant for after a page load: in-app navigation keeps
// the mark.
//
// On /profiles it also waits for every profile's details, and on every
// page for the parts below the screen (app/later.go), which the page
// builds after it is ready (TestProfilesBuildAfterStart and
// TestLaterParts look at that moment themselves): the tests of every
// page's contrast, overflow and print then look at the whole page.
func (tb *Tab) WaitReady() {
	tb.T.Helper()
	tb.WaitFor("the wasm app to run", `document.body && document.body.dataset.wasm === "ready"`, 60*time.Second)
	tb.WaitFor("the parts below the screen", `!document.querySelector("[data-later]")`, 10*time.Second)
	tb.WaitFor("every profile's details", `[...document.querySelectorAll(".prof-detail")].every((d) => d.childElementCount > 0)`, 10*time.Second)
}

// WaitFor polls a JavaScript expression until it is truthy.
func (tb *Tab) WaitFor(what, expr string, timeout time.Duration) {
	tb.T.Helper()
	_, err := chromedp.Run(tb.Ctx, chromedp.Poll[bool](expr,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	if err != nil {
		tb.T.Fatalf("waiting for %s (%s): %v%s", what, expr, err, tb.ConsoleDump())
	}
}

// Eval evaluates a JavaScript expression (promises are awaited).
func Eval[T any](tb *Tab, expr string) T {
	tb.T.Helper()
	v, err := chromedp.Run(tb.Ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.T.Fatalf("evaluating %s: %v%s", expr, err, tb.ConsoleDump())
	}
	return v
}

// Call sends a protocol command to the tab.
func Call[P, R any](tb *Tab, cmd cdp.Command[P, R], params P) R {
	tb.T.Helper()
	if !undone[cmd.Method] {
		tb.dirty.Store(true)
	}
	r, err := chromedp.Call(tb.Ctx, cmd, params)
	if err != nil {
		tb.T.Fatalf("%s: %v", cmd.Method, err)
	}
	return r
}

// undone are the commands whose effect lasts no longer than the tab's page,
// or that idleTabs.give undoes: a tab they were sent to may serve another
// test. Any other command sent with Call closes the tab with its test.
var undone = map[string]bool{
	emulation.SetDeviceMetricsOverride.Method: true,
	emulation.SetEmulatedMedia.Method:         true,
	dom.DescribeNode.Method:                   true,
	accessibility.GetFullAXTree.Method:        true,
	page.GetFrameTree.Method:                  true,
	page.CaptureScreenshot.Method:             true,
	page.GetInstallabilityErrors.Method:       true,
	page.PrintToPDF.Method:                    true,
	input.InsertText.Method:                   true,
}

// Messages returns the console Messages so far.
func (tb *Tab) Messages() []chromedp.ConsoleMessage {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), tb.msgs...)
}

// Requests returns the URL of every request so far.
func (tb *Tab) Requests() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.reqs...)
}

// Errors returns the console Errors and exceptions so far, and the CSP
// violations of the current document.
func (tb *Tab) Errors() []string {
	var errs []string
	for _, m := range tb.Messages() {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			errs = append(errs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
		}
	}
	csp, err := chromedp.Run(tb.Ctx, chromedp.Evaluate[[]string](`window.__cspViolations || []`))
	if err != nil {
		errs = append(errs, "reading CSP violations: "+err.Error())
	}
	for _, v := range csp {
		errs = append(errs, "CSP violation: "+v)
	}
	return errs
}

// AssertNoErrors fails the test if the console showed an error or an
// exception, or the page broke its Content-Security-Policy. Errors that
// contain one of the allowed substrings are expected ones.
func (tb *Tab) AssertNoErrors(allowed ...string) {
	tb.T.Helper()
	// Messages arrive asynchronously; let the last ones land.
	time.Sleep(100 * time.Millisecond)
	var errs []string
	for _, e := range tb.Errors() {
		if !slices.ContainsFunc(allowed, func(a string) bool { return strings.Contains(e, a) }) {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		tb.T.Errorf("console errors:\n  %s", strings.Join(errs, "\n  "))
	}
}

// ConsoleDump formats the console so far, for failure messages.
func (tb *Tab) ConsoleDump() string {
	msgs := tb.Messages()
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

// TabTo presses Tab until the focus is on the element selector matches,
// at most n times, and fails the test if it does not get there.
func TabTo(tb *Tab, selector string, n int) {
	tb.T.Helper()
	for range n {
		tb.Do("pressing Tab", chromedp.KeyEvent(kb.Tab))
		if Eval[bool](tb, `document.activeElement.matches(`+JSString(selector)+`)`) {
			return
		}
	}
	tb.T.Fatalf("%d presses of Tab did not reach %s (the focus is on %s)", n, selector, FocusedAX(tb))
}

// AXNode is what a screen reader is told of an element: its role, name
// and description in the browser's accessibility tree.
type AXNode struct{ Role, Name, Desc string }

func (n AXNode) String() string {
	if n.Desc == "" {
		return n.Role + " “" + n.Name + "”"
	}
	return n.Role + " “" + n.Name + "” (" + n.Desc + ")"
}

// AXValue is the text of one of the tree's values ("" for none).
func AXValue(v *accessibility.Value) string {
	if v == nil {
		return ""
	}
	var x any
	if json.Unmarshal(v.Value, &x) != nil {
		return string(v.Value)
	}
	return fmt.Sprint(x)
}

// FocusedAX is the accessibility tree's node of the focused element,
// as a screen reader announces it when the focus lands.
func FocusedAX(tb *Tab) AXNode {
	tb.T.Helper()
	return AXOf(tb, "document.activeElement")
}

// AXOf is the accessibility tree's node of the element a JavaScript
// expression returns ("document.activeElement.closest('fieldset')").
func AXOf(tb *Tab, expr string) AXNode {
	tb.T.Helper()
	r := Call(tb, runtime.Evaluate, runtime.EvaluateParams{Expression: expr})
	if r.Result == nil || r.Result.ObjectID == "" {
		tb.T.Fatalf("no element: %s", expr)
	}
	defer Call(tb, runtime.ReleaseObject, runtime.ReleaseObjectParams{ObjectID: r.Result.ObjectID})
	alone := false
	ax := Call(tb, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{ObjectID: r.Result.ObjectID, FetchRelatives: &alone})
	if len(ax.Nodes) == 0 {
		return AXNode{}
	}
	n := ax.Nodes[0]
	return AXNode{AXValue(n.Role), AXValue(n.Name), AXValue(n.Description)}
}

// AXNodes is every node of the page's accessibility tree that is not
// ignored (hidden, or only presentation).
func AXNodes(tb *Tab) []AXNode {
	tb.T.Helper()
	var out []AXNode
	for _, n := range Call(tb, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{}).Nodes {
		if !n.Ignored {
			out = append(out, AXNode{AXValue(n.Role), AXValue(n.Name), AXValue(n.Description)})
		}
	}
	return out
}

// AttachFrame returns a tab for the cross-site frame of the page whose URL
// starts with prefix: Chrome runs it in its own process, as its own target.
func AttachFrame(t *testing.T, tb *Tab, prefix string) *Tab {
	t.Helper()
	var id target.ID
	deadline := time.Now().Add(60 * time.Second)
	for id == "" {
		infos, err := chromedp.Targets(tb.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, prefix) {
				id = info.TargetID
			}
		}
		if id == "" {
			if time.Now().After(deadline) {
				t.Fatalf("no frame target for %s%s", prefix, tb.ConsoleDump())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	fctx, cancel := chromedp.NewContext(tb.Ctx, chromedp.WithTargetID(id))
	t.Cleanup(cancel)
	ft := &Tab{T: t, Ctx: fctx, Base: prefix}
	ft.recordConsole()
	if err := chromedp.Do(fctx); err != nil {
		t.Fatalf("attaching to the frame: %v", err)
	}
	// The probe of NewTab, for what happens from now on.
	Eval[bool](ft, `(() => {
		window.__cspViolations = window.__cspViolations || [];
		document.addEventListener("securitypolicyviolation", (e) => {
			window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline"));
		});
		return true;
	})()`)
	return ft
}

// JSString is s as a JavaScript string literal.
func JSString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// SaysSomething reports whether a name has a letter or a digit: "#" and
// "×" alone say nothing a person can use.
func SaysSomething(name string) bool {
	return strings.ContainsFunc(name, func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	})
}
