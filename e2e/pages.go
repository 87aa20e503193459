package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The calculator's result ids (issue 3, item 7).
var CalcResultIDs = []string{
	"price-per-credit", "credits-per-clip", "cost-per-clip",
	"cost-per-second", "cost-per-kept-clip", "total-cost",
}

// CalcResult is one result as the page shows it: data-value (nil when
// absent) and text.
type CalcResult struct {
	Value *string `json:"v"`
	Text  string  `json:"t"`
}

// CalcResults reads every result of the page.
func CalcResults(tb *Tab) map[string]CalcResult {
	tb.T.Helper()
	ids, _ := json.Marshal(CalcResultIDs)
	return Eval[map[string]CalcResult](tb, fmt.Sprintf(`Object.fromEntries(%s.map(id => {
		const el = document.getElementById(id);
		return [id, el ? {v: el.hasAttribute("data-value") ? el.dataset.value : null, t: el.textContent.trim()} : {v: null, t: "(missing)"}];
	}))`, ids))
}

// WaitResults waits until the results hold want (id → data-value, text).
func WaitResults(tb *Tab, what string, want map[string][2]string) {
	tb.T.Helper()
	js, _ := json.Marshal(want)
	ok, err := chromedp.Run(tb.Ctx, chromedp.Poll[bool](fmt.Sprintf(`Object.entries(%s).every(([id, [v, t]]) => {
		const el = document.getElementById(id);
		return el && el.dataset.value === v && el.textContent.trim() === t;
	})`, js), chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil || !ok {
		tb.T.Fatalf("%s: results = %v, want %v (%v)%s", what, CalcResults(tb), want, err, tb.ConsoleDump())
	}
}

// TypeInto replaces the text of the input with id by typing text, key by
// key, as a person would ("" clears it).
func TypeInto(tb *Tab, id, text string) {
	tb.T.Helper()
	if !Eval[bool](tb, fmt.Sprintf(`(() => {
		const el = document.getElementById(%q);
		if (!el) return false;
		el.focus(); el.select(); return true;
	})()`, id)) {
		tb.T.Fatalf("no input #%s", id)
	}
	keys := text
	if keys == "" {
		keys = kb.Backspace
	}
	tb.Do("typing into #"+id, chromedp.KeyEvent(keys))
}

// Hash returns the page's fragment, without "#".
func Hash(tb *Tab) string {
	tb.T.Helper()
	return strings.TrimPrefix(Eval[string](tb, `location.hash`), "#")
}

// AssertNoBadNumbers fails when the page shows NaN, Infinity or a negative price.
func AssertNoBadNumbers(tb *Tab) {
	tb.T.Helper()
	text := Eval[string](tb, `document.body.innerText`)
	for _, bad := range []string{"NaN", "Infinity", "undefined", "-$", "$-"} {
		if strings.Contains(text, bad) {
			tb.T.Errorf("the page shows %q", bad)
		}
	}
}

var GuideResults = map[string][2]string{
	"price-per-credit":   {"0.01", "$0.01"},
	"credits-per-clip":   {"50", "50"},
	"cost-per-clip":      {"0.5", "$0.50"},
	"cost-per-second":    {"0.1", "$0.10"},
	"cost-per-kept-clip": {"0.5", "$0.50"},
	"total-cost":         {"0.5", "$0.50"},
}

// RankedRow is one row of the ranking table.
type RankedRow struct {
	Model string `json:"model"`
	Cost  string `json:"cost"`
}

// WaitRanking waits until the table's first rows are want.
func WaitRanking(tb *Tab, what string, want []RankedRow) {
	tb.T.Helper()
	js, _ := json.Marshal(want)
	_, err := chromedp.Run(tb.Ctx, chromedp.Poll[bool](fmt.Sprintf(`(() => {
		const want = %s;
		const rows = [...document.querySelectorAll("#ranking tbody tr")];
		return rows.length >= want.length && want.every((w, i) =>
			rows[i].dataset.model === w.model && rows[i].dataset.costPerSecond === w.cost);
	})()`, js), chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		got := Eval[[]RankedRow](tb, `[...document.querySelectorAll("#ranking tbody tr")].map((r) => ({model: r.dataset.model, cost: r.dataset.costPerSecond}))`)
		tb.T.Fatalf("%s: ranking starts %v, want %v (%v)%s", what, got, want, err, tb.ConsoleDump())
	}
}

// Pick chooses an option of the select with id, as a person would.
func Pick(tb *Tab, id, value string) {
	tb.T.Helper()
	// A select's choices may follow an earlier pick (a platform's models):
	// set the value once it is one of them, or the app's render may replace
	// the node under chromedp ("could not set value on node").
	tb.WaitFor("the choice "+value, fmt.Sprintf(`((e) => !!e && (e.tagName !== "SELECT" || [...e.options].some((o) => o.value === %q)))(document.getElementById(%q))`, value, id), 10*time.Second)
	tb.Do("picking "+value, chromedp.SetValue(chromedp.ID(id), value))
	Eval[bool](tb, fmt.Sprintf(`document.getElementById(%q).dispatchEvent(new Event("change", {bubbles: true}))`, id))
}

// LaterBuiltJS is what of /compare is built: its ranking's rows, its
// sections after the ranking, whether parts are still to come, and the
// page's scroll.
const LaterBuiltJS = `({
  rows: document.querySelectorAll("#ranking tbody tr").length,
  sections: ["chart-section", "free-section", "unavailable", "export", "share"].filter((id) => document.getElementById(id)),
  waiting: !!document.querySelector("[data-later]"),
  scrollY: Math.round(scrollY),
})`

// LaterBuilt is LaterBuiltJS's value.
type LaterBuilt struct {
	Rows     int      `json:"rows"`
	Sections []string `json:"sections"`
	Waiting  bool     `json:"waiting"`
	ScrollY  int      `json:"scrollY"`
}

// WatchNoWasm, run in a page before its scripts, sets window.noWasmSeen if
// the page ever says the app cannot run (TestNoWasm): go-app's first render
// would drop the message with the prerendered page.
const WatchNoWasm = `new MutationObserver(() => {
	if (document.getElementById("no-wasm")) window.noWasmSeen = true;
}).observe(document, {subtree: true, childList: true});`

// CustomKeysJS lists the custom profiles' storage keys.
const CustomKeysJS = `Object.keys(localStorage).filter(k => k.startsWith("aivc.profiles.v1.")).sort()`

// StartBlankProfile opens the editor on a blank profile, on /profiles.
func StartBlankProfile(tb *Tab) {
	tb.T.Helper()
	tb.Do("starting a blank profile", chromedp.Click(chromedp.ID("prof-new")))
	tb.WaitFor("the editor", `!!document.getElementById("prof-save")`, 10*time.Second)
}
