package hostile

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	aivc "github.com/aivc/aivc/app"
	"github.com/aivc/aivc/e2e"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
)

// hostile is a value a stranger may put into a link or a field.
type hostile struct {
	name  string // for messages
	value string
	// raw: put into a fragment as it is, not escaped (it tests how the
	// address is decoded: a stray "%" once killed the app).
	raw bool
}

var hostiles = []hostile{
	{"1e400", "1e400", false},
	{"20 nines", "99999999999999999999", false},
	{"negative", "-5", false},
	{"empty", "", false},
	{"zero", "0", false},
	{"Arabic-Indic digits", "١٢٣", false},
	{"full-width digits", "３０", false},
	{"10,000 letters", strings.Repeat("x", 10000), false},
	{"10,000 digits", strings.Repeat("9", 10000), false},
	{"script tag", "<script>alert(1)</script>", false},
	{"img onerror", `"><img src=x onerror=alert(1)>`, false},
	{"NaN", "NaN", false},
	{"Infinity", "Infinity", false},
	{"%00", "%00", true},
	{"%zz", "%zz", true},
	{"%E2%82", "%E2%82", true},
	{"lone %", "%", true},
}

// keyed are values typed key by key (the others are pasted: set and
// announced with an input event, as a paste is).
var keyed = []string{"-5", "３０"}

// fewer are the values for a page's second and later groups of keys, and
// for typing: every kind of value once (the escapes only matter in an
// address).
func fewer() []hostile {
	var out []hostile
	for _, h := range hostiles {
		switch h.name {
		case "zero", "10,000 digits", "Infinity", "%00", "%E2%82":
			continue
		}
		out = append(out, h)
	}
	return out
}

// hostilePage is a page and how to attack it.
type hostilePage struct {
	path string
	// frags are fragments with "{v}" where the hostile value goes: every
	// key the page reads, in groups that reach each mode of the page.
	frags []string
	// live proves the page still answers: a valid state, typing, a result.
	live func(tb *e2e.Tab, path string)
}

var calcFrags = []string{
	"price={v}&credits={v}&clip={v}&dur={v}&takes={v}&clips={v}&cur={v}&bonus={v}&bonus_cap={v}",
	"ppc={v}&cps={v}&dur={v}",
	"profile=runway&plan={v}&billing={v}&model={v}&res={v}&dur={v}&takes={v}&clips={v}",
	"profile={v}",
}

var compareFrags = []string{
	"dur={v}&res={v}&tier={v}&takes={v}&billing={v}&audio={v}&upscale={v}&platforms={v}&cur={v}&rate={v}",
	"dur={v}", "takes={v}", "cur=EUR&rate={v}", "platforms={v}",
}

var hostilePages = []hostilePage{
	{path: "/", frags: calcFrags, live: liveCalc},
	{path: "/compare", frags: compareFrags, live: liveCompare},
	{path: "/plan", frags: []string{
		"mix={v}", "mix={v}:{v}:{v}:{v}:{v}:{v}", "mix=hero:{v}:5:1080p:premium:1.5",
		"mix=hero:20:{v}:1080p:premium:{v}", "billing={v}&cur={v}",
	}, live: livePlan},
	{path: "/profiles", frags: []string{"q={v}"}, live: liveProfiles},
	{path: "/log", live: liveLog}, // no state in its address
	{path: aivc.EmbedPath, frags: []string{
		"view={v}&theme={v}&accent={v}", "price={v}&credits={v}&clip={v}&dur={v}&theme={v}&accent={v}",
		"profile=runway&model={v}&res={v}&dur={v}",
	}, live: liveCalc},
	{path: aivc.EmbedPath + "#view=compare", frags: []string{
		"view=compare&theme={v}&accent={v}&" + compareFrags[0], "view=compare&dur={v}",
	}, live: liveCompare},
}

// hostileProbe runs in every document: it records alert() instead of
// showing it, and gives settle(), which resolves once the page has had no
// DOM change for a while (the wasm runs on the page's thread, so no timer
// fires while it computes).
const hostileProbe = `(() => {
  window.__alerts = [];
  window.alert = (m) => { window.__alerts.push(String(m)); };
  window.__settle = (quiet = 40, max = 8000) => new Promise((resolve) => {
    const start = performance.now();
    let last = start;
    const mo = new MutationObserver(() => { last = performance.now(); });
    mo.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
    const tick = () => {
      const now = performance.now();
      if (now - last >= quiet || now - start >= max) { mo.disconnect(); resolve(true); return; }
      setTimeout(tick, 10);
    };
    requestAnimationFrame(() => setTimeout(tick, 10));
  });
})();`

// pageShape counts what markup injected into the page would add.
type pageShape struct {
	Scripts  int      `json:"scripts"`
	Images   int      `json:"images"`
	Handlers int      `json:"handlers"` // elements with an on… attribute
	Alerts   []string `json:"alerts"`
	Text     string   `json:"text"`
}

const shapeJS = `(() => ({
  scripts: document.querySelectorAll("script").length,
  images: document.querySelectorAll("img").length,
  handlers: [...document.querySelectorAll("*")].filter(el => [...el.attributes].some(a => /^on/i.test(a.name))).length,
  alerts: window.__alerts || [],
  text: document.body.innerText,
}))()`

// badText is what no page may show unless a person typed it: a float's NaN
// or infinity, a nil printed, a fmt verb gone wrong, a Go panic.
var badText = regexp.MustCompile(`\bNaN\b|\b[+-]?Inf(inity)?\b|<nil>|%!|(?i:\bpanic\b)|\bundefined\b`)

// attack is one page under attack in one tab.
type attack struct {
	t     *testing.T
	tb    *e2e.Tab
	base  pageShape
	seen  int // console messages already checked
	steps int
	start time.Time
}

// check fails on anything the last step broke: an error or a panic in the
// console, raw number text on the page that the value did not bring,
// markup the value injected, an alert.
func (a *attack) check(step, value string) {
	a.t.Helper()
	a.steps++
	msgs := a.tb.Messages()
	for _, m := range msgs[a.seen:] {
		s := m.String()
		if m.IsException() || m.Type == chromedp.ConsoleError || strings.Contains(s, "panic") || strings.Contains(s, "exit code") {
			a.t.Errorf("%s: console: %s", step, shorten(s, 300))
		}
	}
	a.seen = len(msgs)
	got := e2e.Eval[pageShape](a.tb, shapeJS)
	text := got.Text
	for _, v := range []string{value, strings.TrimSpace(value)} {
		if v != "" {
			text = strings.ReplaceAll(text, v, "")
		}
	}
	if m := badText.FindString(text); m != "" {
		i := strings.Index(text, m)
		a.t.Errorf("%s: the page shows %q: …%s…", step, m, text[max(0, i-60):min(len(text), i+len(m)+60)])
	}
	if got.Scripts != a.base.Scripts || got.Images != a.base.Images || got.Handlers != a.base.Handlers {
		a.t.Errorf("%s: markup injected: %d scripts, %d images, %d elements with on… handlers; want %d, %d, %d",
			step, got.Scripts, got.Images, got.Handlers, a.base.Scripts, a.base.Images, a.base.Handlers)
	}
	if len(got.Alerts) > 0 {
		a.t.Fatalf("%s: a script ran: alert(%q)", step, got.Alerts)
	}
}

// shorten cuts s to n bytes, for messages.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// fragValue is h as it goes into a fragment.
func fragValue(h hostile) string {
	if h.raw {
		return h.value
	}
	return url.QueryEscape(h.value)
}

// settle waits until the page has stopped changing.
func settle(tb *e2e.Tab) {
	tb.T.Helper()
	e2e.Eval[bool](tb, `window.__settle()`)
}

// TestHostileInput: every page, driven with hostile values from its
// address (every key it reads) and by typing into every text field, never
// panics, logs no error, shows no raw NaN, Inf, <nil> or fmt error, runs
// no injected markup, and still answers a valid value afterwards.
func TestHostileInput(t *testing.T) {
	t.Parallel()
	covered := map[string]bool{}
	for _, p := range hostilePages {
		covered[strings.Split(p.path, "#")[0]] = true
	}
	for _, p := range aivc.Pages() {
		if !covered[p] {
			t.Errorf("page %s is not attacked: add it to hostilePages", p)
		}
	}
	srv := e2e.NewServer(t)
	// The subtests mostly wait for the page; run four at a time whatever
	// -parallel says (e2e.Main makes it 1 unless it is given).
	var wg sync.WaitGroup
	slots := make(chan struct{}, 4)
	run := func(name string, f func(t *testing.T)) {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			t.Run(name, f)
		})
	}
	for _, p := range hostilePages {
		name := strings.ReplaceAll(strings.Trim(p.path, "/"), "/", "-")
		if name == "" {
			name = "home"
		}
		if len(p.frags) > 0 {
			run(name+"/address", func(t *testing.T) { attackAddress(t, srv.URL, p) })
		}
		run(name+"/typing", func(t *testing.T) { attackFields(t, srv.URL, p) })
	}
	wg.Wait()
}

// newAttack opens a tab on the page and records its shape.
func newAttack(t *testing.T, base string, p hostilePage) *attack {
	t.Helper()
	tb := e2e.NewTab(t, base)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hostileProbe})
	tb.Open(p.path)
	a := &attack{t: t, tb: tb, base: e2e.Eval[pageShape](tb, shapeJS), start: time.Now()}
	a.check("the page as it loads", "")
	return a
}

// finish proves the page still answers and the console stayed clean.
func (a *attack) finish(p hostilePage) {
	a.t.Helper()
	p.live(a.tb, p.path)
	a.check("a valid value after all that", "")
	a.tb.AssertNoErrors()
	a.t.Logf("%s: %d steps in %s", p.path, a.steps, time.Since(a.start).Round(time.Millisecond))
}

// attackAddress opens the page with hostile values in its address, then
// changes the address of the open page, value by value, for every key.
func attackAddress(t *testing.T, base string, p hostilePage) {
	a := newAttack(t, base, p)
	tb := a.tb
	path, keep, _ := strings.Cut(p.path, "#")
	join := func(frag string) string {
		if keep == "" || strings.Contains(frag, keep) {
			return frag
		}
		return keep + "&" + frag
	}
	// Opened with a hostile address: the start-up path.
	for _, h := range []hostile{hostiles[7], hostiles[9], hostiles[14]} {
		frag := join(strings.ReplaceAll(p.frags[0], "{v}", fragValue(h)))
		tb.Open(path + "#" + frag)
		settle(tb)
		a.check("opening "+path+" with "+h.name+" in every key", h.value)
	}
	// The address of the open page changed: the navigation path.
	tb.Open(p.path)
	for i, f := range p.frags {
		values := hostiles
		if i > 0 {
			values = fewer()
		}
		for _, h := range values {
			frag := join(strings.ReplaceAll(f, "{v}", fragValue(h)))
			e2e.Eval[bool](tb, fmt.Sprintf(`(location.hash = %s, window.__settle())`, e2e.JSString("#"+frag)))
			a.check(fmt.Sprintf("#%s with %s", shorten(f, 60), h.name), h.value)
		}
	}
	a.finish(p)
}

// attackFields pastes and types hostile values into every text field.
func attackFields(t *testing.T, base string, p hostilePage) {
	a := newAttack(t, base, p)
	tb := a.tb
	ids := e2e.Eval[[]string](tb, `[...document.querySelectorAll("input, textarea")].filter(el => el.id && !el.disabled && !el.readOnly &&
		(el.tagName === "TEXTAREA" || ["text", "search", "number", "tel", "url", "email"].includes((el.getAttribute("type") || "text").toLowerCase()))).map(el => el.id)`)
	if len(ids) == 0 {
		t.Fatalf("%s has no text field", p.path)
	}
	for _, id := range ids {
		orig, ok := fieldValue(tb, id)
		if !ok {
			continue // gone with an earlier value
		}
		for _, h := range fewer() {
			if _, ok := fieldValue(tb, id); !ok {
				break
			}
			paste(tb, id, h.value)
			a.check(fmt.Sprintf("pasting %s into #%s", h.name, id), h.value)
		}
		if e2e.Eval[bool](tb, fmt.Sprintf(`(el => !!el && el.getClientRects().length > 0)(document.getElementById(%s))`, e2e.JSString(id))) {
			for _, v := range keyed {
				e2e.TypeInto(tb, id, v)
				settle(tb)
				a.check(fmt.Sprintf("typing %s into #%s", v, id), v)
			}
		}
		paste(tb, id, orig)
	}
	if strings.HasPrefix(p.path, "/profiles") {
		paste(tb, "f-import", hostiles[9].value)
		e2e.Eval[bool](tb, `(document.getElementById("prof-import-paste").click(), window.__settle())`)
		tb.WaitFor("the import refused", `document.getElementById("prof-alert").textContent.includes("Import refused")`, 10*time.Second)
		a.check("importing a script tag as a profile", hostiles[9].value)
	}
	t.Logf("%d text fields: %s", len(ids), strings.Join(ids, " "))
	a.finish(p)
}

// fieldValue returns the value of the field with id, and whether it is there.
func fieldValue(tb *e2e.Tab, id string) (string, bool) {
	tb.T.Helper()
	v := e2e.Eval[*string](tb, fmt.Sprintf(`(el => el ? el.value : null)(document.getElementById(%s))`, e2e.JSString(id)))
	if v == nil {
		return "", false
	}
	return *v, true
}

// paste sets the field's text as a paste does, announces it with an input
// event, and waits for the page to settle.
func paste(tb *e2e.Tab, id, text string) {
	tb.T.Helper()
	e2e.Eval[bool](tb, fmt.Sprintf(`(el => {
		if (!el) return true;
		el.value = %s;
		el.dispatchEvent(new Event("input", {bubbles: true}));
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return window.__settle();
	})(document.getElementById(%s))`, e2e.JSString(text), e2e.JSString(id)))
}

// frag sets the fragment of path (keeping the embed's view) and settles.
func setFrag(tb *e2e.Tab, path, frag string) {
	tb.T.Helper()
	if _, base, ok := strings.Cut(path, "#"); ok {
		frag = base + "&" + frag
	}
	e2e.Eval[bool](tb, fmt.Sprintf(`(location.hash = %s, window.__settle())`, e2e.JSString("#"+frag)))
}

func liveCalc(tb *e2e.Tab, path string) {
	tb.T.Helper()
	setFrag(tb, path, "price=30&credits=3000&clip=50&dur=5")
	e2e.WaitResults(tb, "the guide's example", map[string][2]string{"price-per-credit": {"0.01", "$0.01"}})
	e2e.TypeInto(tb, "f-price", "60")
	e2e.WaitResults(tb, "typing 60 after the hostile values", map[string][2]string{"price-per-credit": {"0.02", "$0.02"}})
}

func liveCompare(tb *e2e.Tab, path string) {
	tb.T.Helper()
	setFrag(tb, path, "dur=10")
	tb.WaitFor("a ranking", `document.querySelectorAll("#ranking tbody tr").length > 0`, 10*time.Second)
	e2e.TypeInto(tb, "f-dur", "ten")
	tb.WaitFor("no ranking for a bad duration", `document.querySelectorAll("#ranking tbody tr").length === 0`, 10*time.Second)
	e2e.TypeInto(tb, "f-dur", "5")
	tb.WaitFor("a ranking again", `document.querySelectorAll("#ranking tbody tr").length > 0`, 10*time.Second)
}

func livePlan(tb *e2e.Tab, path string) {
	tb.T.Helper()
	setFrag(tb, path, "mix=broll:40:10:720p:fast:1")
	tb.WaitFor("a plan", `document.querySelectorAll("#plan-table tbody tr").length > 0`, 10*time.Second)
	e2e.TypeInto(tb, "f-mix-0-sec", "ten")
	tb.WaitFor("no plan for bad seconds", `document.querySelectorAll("#plan-table tbody tr").length === 0`, 10*time.Second)
	e2e.TypeInto(tb, "f-mix-0-sec", "10")
	tb.WaitFor("a plan again", `document.querySelectorAll("#plan-table tbody tr").length > 0`, 10*time.Second)
}

func liveProfiles(tb *e2e.Tab, path string) {
	tb.T.Helper()
	e2e.TypeInto(tb, "f-q", "zzqqzz")
	tb.WaitFor("no profile matches", `document.getElementById("prof-count").textContent.startsWith("0 of")`, 10*time.Second)
	e2e.TypeInto(tb, "f-q", "runway")
	tb.WaitFor("Runway's profiles", `/^[1-9]\d* of/.test(document.getElementById("prof-count").textContent)`, 10*time.Second)
}

func liveLog(tb *e2e.Tab, path string) {
	tb.T.Helper()
	cost := func(credits string) decimal.Decimal {
		tb.T.Helper()
		e2e.TypeInto(tb, "f-credits", credits)
		settle(tb)
		v := e2e.TotalValue(tb, "log-clip-cost")
		d, err := decimal.NewFromString(v)
		if err != nil {
			tb.T.Fatalf("the clip's cost for %s credits is %q", credits, v)
		}
		return d
	}
	one, two := cost("50"), cost("100")
	if one.IsZero() || !two.Equal(one.Mul(decimal.NewFromInt(2))) {
		tb.T.Errorf("50 credits cost %s, 100 cost %s", one, two)
	}
}

// TestHostileValuesCovered: the browser test's values are the ones the
// issue names.
func TestHostileValuesCovered(t *testing.T) {
	var names []string
	for _, h := range hostiles {
		names = append(names, h.value)
	}
	for _, want := range []string{"1e400", "99999999999999999999", "-5", "", "١٢٣", "３０", strings.Repeat("x", 10000),
		"<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`, "NaN", "Infinity", "%00", "%zz"} {
		if !slices.Contains(names, want) {
			t.Errorf("no hostile value %q", shorten(want, 20))
		}
	}
}

// TestPrerenderedAttributes: go-app (v10.1.11) writes the attributes of
// prerendered pages with strconv.Quote, so a value holding a double quote
// comes out as \" , which HTML does not read as an escape: the attribute
// ends there and the rest becomes markup. Prerendering only sees the
// catalog and the code, never a visitor's text, so this test keeps a quote
// or a backslash of the catalog (a note, a name) from ever reaching an
// attribute of a built page.
func TestPrerenderedAttributes(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(e2e.Dist, "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no built pages in %s: %v", e2e.Dist, err)
	}
	scripts := regexp.MustCompile(`(?s)<script\b[^>]*>.*?</script>`)
	for _, name := range pages {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		html := scripts.ReplaceAllString(string(data), "")
		for _, bad := range []string{`\"`, `\\`} {
			if i := strings.Index(html, bad); i >= 0 {
				t.Errorf("%s: %s in the markup, an attribute written with strconv.Quote: …%s…",
					filepath.Base(name), bad, html[max(0, i-80):min(len(html), i+40)])
			}
		}
	}
}
