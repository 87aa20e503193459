package figures

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/e2e"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// splitFiguresJS returns the figures of the ranking's and the plan's
// tables (a cell's text without a space: "≈€0.0153") that the cell breaks
// over two lines or more.
const splitFiguresJS = `(() => {
  const bad = [];
  for (const td of document.querySelectorAll(".cmp-table tbody td, .plan-table tbody td.num")) {
    const text = td.textContent.trim();
    if (text === "" || /\s/.test(text) || !td.checkVisibility()) continue;
    const r = document.createRange();
    r.selectNodeContents(td);
    const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
    if (lines > 1) bad.push(td.className + " shows " + JSON.stringify(text) + " on " + lines + " lines");
  }
  return bad;
})()`

// TestFiguresWhole: on a phone and a desktop, in euros, every figure of the
// ranking (every row, shown all) and of the plan is on one line. The cost
// per kept second, the bold column the ranking is by, broke every
// converted figure after its third decimal ("≈€0.015" above "3"), at every
// width: "≈€0.0153" is 77.6 px of bold text, and the column gave it 76.
func TestFiguresWhole(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	for _, width := range []int64{390, 1280} {
		tb := e2e.NewTab(t, srv.URL)
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 844, DeviceScaleFactor: 1, Mobile: width < 800})
		for _, p := range []string{"/compare#cur=EUR", "/compare#dur=10&res=1080p&takes=3&cur=EUR",
			"/plan#mix=short:30:5:720p:any:1,long:10:10:1080p:any:1&cur=EUR"} {
			tb.Open(p)
			if strings.HasPrefix(p, "/compare") {
				tb.WaitFor("a ranking in euros", `document.querySelectorAll("#ranking tbody tr").length > 0 &&
					document.querySelector("#ranking tbody td.cmp-col-kept").textContent.includes("€")`, 10*time.Second)
				var n int
				if _, err := fmt.Sscanf(e2e.Eval[string](tb, `document.getElementById("cmp-status").textContent`), "%d models", &n); err != nil {
					t.Fatalf("%s: the status names no number of models (%v)", p, err)
				}
				if n > 20 {
					tb.Do("showing every model", chromedp.Click(chromedp.ID("cmp-more")))
				}
				tb.WaitFor("every model", fmt.Sprintf(`document.querySelectorAll("#ranking tbody tr").length === %d`, n), 10*time.Second)
			} else {
				tb.WaitFor("a plan in euros", `document.querySelectorAll("#plan-table tbody tr").length > 0 &&
					document.querySelector("#plan-table td.plan-cost").textContent.includes("€")`, 10*time.Second)
			}
			for _, m := range e2e.Eval[[]string](tb, splitFiguresJS) {
				t.Errorf("%s, %d px wide: %s", p, width, m)
			}
			tb.AssertNoErrors()
		}
	}
}

// chartLabelsJS returns, for each bar of /compare's chart, the label drawn
// (exactly one must be), the whole label (its tooltip without the value)
// and how far the drawn one runs past the chart's right edge; and the
// chart's width.
const chartLabelsJS = `(() => {
  const svg = document.querySelector("#cmp-chart svg"), width = svg.getBoundingClientRect().width, bars = [];
  for (const g of svg.querySelectorAll("g.chart-bar")) {
    const drawn = [...g.querySelectorAll("text.chart-label")].filter(t => getComputedStyle(t).display !== "none");
    const value = g.querySelector(".chart-value").textContent, title = g.querySelector("title").textContent;
    bars.push({
      drawn: drawn.map(t => t.textContent),
      whole: title.slice(0, title.length - (": " + value).length),
      over: Math.max(0, ...drawn.map(t => t.getBBox().x + t.getComputedTextLength() - width)),
    });
  }
  return {width, bars};
})()`

// TestChartLabels: /compare's chart draws each label once, inside the
// chart: cut to fit a phone, and whole where the chart is wide. A 1,280 px
// window cut "Kling 1.0 Standard · Krea (API, fixed-price…" at 45
// characters, the phone's limit, with half the chart's width empty.
func TestChartLabels(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, width := range []int64{360, 412, 800, 1280} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 800, DeviceScaleFactor: 1, Mobile: width < 500})
		tb.Open("/compare")
		tb.Do("showing all", chromedp.Click(chromedp.ID("cmp-more")))
		tb.WaitFor("every bar", `document.querySelectorAll("#cmp-chart g.chart-bar").length > 20`, 10*time.Second)
		type bar struct {
			Drawn []string
			Whole string
			Over  float64
		}
		got := e2e.Eval[struct {
			Width float64
			Bars  []bar
		}](tb, chartLabelsJS)
		wide, cut := got.Width >= 44*16, 0
		if width == 1280 && !wide || width == 360 && wide {
			t.Fatalf("%d px wide: the chart is %.0f px, not what this test expects", width, got.Width)
		}
		for _, b := range got.Bars {
			switch {
			case len(b.Drawn) != 1:
				t.Errorf("%d px wide: %q draws %d labels: %q", width, b.Whole, len(b.Drawn), b.Drawn)
			case b.Over > 0:
				t.Errorf("%d px wide: %q runs %.0f px past the chart's edge", width, b.Drawn[0], b.Over)
			case wide && b.Drawn[0] != b.Whole:
				t.Errorf("%d px wide, a %.0f px chart: %q drawn as %q", width, got.Width, b.Whole, b.Drawn[0])
			case b.Drawn[0] != b.Whole:
				cut++
				if !strings.HasSuffix(b.Drawn[0], "…") || !strings.HasPrefix(b.Whole, strings.TrimSuffix(b.Drawn[0], "…")) {
					t.Errorf("%d px wide: %q drawn as %q", width, b.Whole, b.Drawn[0])
				}
			}
		}
		if !wide && cut == 0 {
			t.Errorf("%d px wide: no label cut for a phone: nothing checked the cut ones", width)
		}
		tb.AssertNoErrors()
	}
}

// TestRankedFigureInSight: where a ranking is wider than its box (a phone,
// a blog's column), the figure it ranks by stays in sight at the box's
// right edge, in the header and every row, wherever the table is scrolled
// to. /compare's cost per kept second was the ninth of eleven columns, its
// free tiers' worth the fourth of four, and /plan's cost per month the
// fourth of seven behind a 170 px "#": all off a phone's screen until
// scrolled to.
func TestRankedFigureInSight(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, c := range []struct {
		path, cells string
		width       int64
	}{
		{"/compare", "#ranking .cmp-col-kept", 412},
		{"/compare", "#ranking .cmp-col-kept", 800},
		{"/embed#view=compare", "#ranking .cmp-col-kept", 700},
		{"/compare", "#free :is(th, td):last-child", 412},
		{"/plan", "#plan-table :is(th, td):nth-child(4)", 412},
	} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: c.width, Height: 800, DeviceScaleFactor: 1, Mobile: c.width < 500})
		tb.Open(c.path)
		tb.WaitFor("the ranking", fmt.Sprintf(`document.querySelectorAll(%q).length > 2`, c.cells), 10*time.Second)
		for _, scroll := range []string{"0", "box.scrollWidth / 3"} {
			hidden := e2e.Eval[[]string](tb, fmt.Sprintf(`(() => {
				const cells = document.querySelectorAll(%q), box = cells[0].closest(".cmp-scroll");
				box.scrollLeft = %s;
				const edge = box.getBoundingClientRect(), bad = [];
				if (box.scrollWidth <= box.clientWidth) return ["the table fits its box: nothing to check"];
				for (const cell of cells) {
					scrollTo(0, scrollY + cell.getBoundingClientRect().top - innerHeight / 2);
					const r = cell.getBoundingClientRect();
					const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
					if (r.left < edge.left || r.right > edge.right + 1 || !cell.contains(top))
						bad.push(JSON.stringify(cell.textContent) + " at " + r.left.toFixed(0) + "–" + r.right.toFixed(0) +
							" px in a box at " + edge.left.toFixed(0) + "–" + edge.right.toFixed(0) + ", under " + (top && top.outerHTML.slice(0, 60)));
				}
				return bad;
			})()`, c.cells, scroll))
			for i, m := range hidden {
				if i < 3 {
					t.Errorf("%s at %d px, scrolled to %s: out of sight: %s", c.path, c.width, scroll, m)
				}
			}
		}
		tb.AssertNoErrors()
	}
}

// screenBox is where an element is on the screen, top to bottom, and the
// window's inner height.
type screenBox struct{ Top, Bottom, Inner float64 }

// boxOf returns where the element with id is on the screen.
func boxOf(tb *e2e.Tab, id string) screenBox {
	tb.T.Helper()
	return e2e.Eval[screenBox](tb, fmt.Sprintf(`(() => {
		const r = document.getElementById(%q).getBoundingClientRect();
		return {top: r.top, bottom: r.bottom, inner: innerHeight};
	})()`, id))
}

// TestCalculatorPeek: on a phone, where the results are below the form,
// their summary stays at the bottom of the screen while the form is on it,
// follows what is typed, leaves the field being typed into in sight, and
// gives way to the results themselves; beside the form (a desktop) it is
// not shown.
func TestCalculatorPeek(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 412, Height: 800, DeviceScaleFactor: 2, Mobile: true})
	tb.Open("/")
	if p := boxOf(tb, "calc-peek"); p.Bottom > p.Inner || p.Bottom < p.Inner-24 {
		t.Errorf("at the top of the page the summary spans %v–%v px of an %v px screen; want it at the bottom", p.Top, p.Bottom, p.Inner)
	}

	e2e.TypeInto(tb, "f-price", "60")
	want := "Cost per kept clip $1.00; total for 1 kept clip $1.00." // 60 ÷ 3,000 × 50 credits
	tb.WaitFor("the summary of what was typed", fmt.Sprintf(`document.getElementById("calc-peek").textContent === %q`, want), 10*time.Second)

	// The last field, scrolled under the summary, then reached with Tab:
	// the browser brings it into sight above the summary.
	e2e.Eval[bool](tb, `(() => {
		const r = document.getElementById("f-clips").getBoundingClientRect();
		scrollBy(0, r.bottom - innerHeight + 10);
		return true;
	})()`)
	e2e.TypeInto(tb, "f-takes", "2")
	tb.Do("pressing Tab", chromedp.KeyEvent(kb.Tab))
	if got := e2e.Eval[string](tb, `document.activeElement.id`); got != "f-clips" {
		t.Fatalf("Tab went to #%s, want #f-clips", got)
	}
	if f, p := boxOf(tb, "f-clips"), boxOf(tb, "calc-peek"); f.Bottom > p.Top {
		t.Errorf("the focused field ends at %v px, under the summary (from %v px)", f.Bottom, p.Top)
	}

	e2e.Eval[bool](tb, `(document.getElementById("results").scrollIntoView(), true)`)
	if p, r := boxOf(tb, "calc-peek"), boxOf(tb, "results"); p.Bottom > r.Top {
		t.Errorf("the summary (to %v px) covers the results (from %v px)", p.Bottom, r.Top)
	}

	e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 800, DeviceScaleFactor: 1})
	if shown := e2e.Eval[bool](tb, `document.getElementById("calc-peek").checkVisibility()`); shown {
		t.Error("beside the results, on a desktop, the summary is shown too")
	}
	tb.AssertNoErrors()
}

// TestPagePeeks: /compare and /plan end their forms with the same summary
// as the calculator. On a phone it stays at the bottom of the screen while
// the form is on it, follows a change, and gives way to the results; on a
// desktop it is not shown.
func TestPagePeeks(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	for _, tt := range []struct {
		path, peek, results string
		change              func(tb *e2e.Tab)
	}{
		{"/compare", "cmp-peek", "ranking-section", func(tb *e2e.Tab) { e2e.Pick(tb, "f-tier", "premium") }},
		{"/plan", "plan-peek", "plan-results", func(tb *e2e.Tab) { e2e.TypeInto(tb, "f-mix-0-count", "400") }},
	} {
		t.Run(tt.path[1:], func(t *testing.T) {
			tb := e2e.NewTab(t, srv.URL)
			e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 412, Height: 800, DeviceScaleFactor: 2, Mobile: true})
			tb.Open(tt.path)
			if p := boxOf(tb, tt.peek); p.Bottom > p.Inner || p.Bottom < p.Inner-24 {
				t.Errorf("at the top of the page the summary spans %v–%v px of an %v px screen; want it at the bottom", p.Top, p.Bottom, p.Inner)
			}
			text := func() string {
				return e2e.Eval[string](tb, fmt.Sprintf(`document.getElementById(%q).textContent`, tt.peek))
			}
			before := text()
			if !strings.HasPrefix(before, "Cheapest of ") {
				t.Errorf("summary %q", before)
			}
			tt.change(tb)
			tb.WaitFor("the summary of the change", fmt.Sprintf(`(t => t.startsWith("Cheapest of ") && t !== %q)(document.getElementById(%q).textContent)`, before, tt.peek), 10*time.Second)

			e2e.Eval[bool](tb, fmt.Sprintf(`(document.getElementById(%q).scrollIntoView(), true)`, tt.results))
			if p, r := boxOf(tb, tt.peek), boxOf(tb, tt.results); p.Bottom > r.Top {
				t.Errorf("the summary (to %v px) covers the results (from %v px)", p.Bottom, r.Top)
			}

			// A window as low as a page at 400% zoom (320×256): the summary
			// would cover a third of it; it stays in its place in the page.
			e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 256, DeviceScaleFactor: 1, Mobile: true})
			e2e.Eval[bool](tb, fmt.Sprintf(`(document.getElementById(%q).parentElement.scrollIntoView(), true)`, tt.peek))
			if p := boxOf(tb, tt.peek); p.Bottom <= p.Inner {
				t.Errorf("in a 256 px high window the summary is on screen at %v–%v px, over the form", p.Top, p.Bottom)
			}

			e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 800, DeviceScaleFactor: 1})
			if shown := e2e.Eval[bool](tb, fmt.Sprintf(`document.getElementById(%q).checkVisibility()`, tt.peek)); shown {
				t.Error("on a desktop the summary is shown")
			}
			tb.AssertNoErrors()
		})
	}
}

// ratePartsJS returns, for each element selectors match, each part of an
// exchange rate's description in it ("1 USD = 0.86 EUR", "(rate of
// 2026-11-01)") with the number of lines it is shown on. The <details> of
// /plan's working are opened first, to be laid out.
const ratePartsJS = `((selectors) => {
  for (const d of document.querySelectorAll("details.plan-how")) d.open = true;
  const parts = /1[\s\u00a0][A-Z]{3}[\s\u00a0]=[\s\u00a0][0-9.,]+[\s\u00a0][A-Z]{3}|\(rate[\s\u00a0]of[\s\u00a0][0-9-]+\)/g;
  const out = [];
  for (const el of document.querySelectorAll(selectors)) {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (const m of n.data.matchAll(parts)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
        out.push({where: el.id || el.className, text: m[0].replace(/\u00a0/g, " "), lines});
      }
    }
  }
  return out;
})`

// TestRatesWhole: on a phone and a desktop, every part of an exchange
// rate's description is on one line: /compare's rate hint and legend, and
// /plan's currency hint and working. /compare's hint, in its narrow
// column, read "1 USD = 0.86" above "EUR (rate of 2026-11-01)".
func TestRatesWhole(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	const selectors = "#f-rate-hint, #f-cur-hint, .cmp-legend-item, li.plan-working"
	type part struct {
		Where, Text string
		Lines       int
	}
	for _, width := range []int64{390, 1280} {
		tb := e2e.NewTab(t, srv.URL)
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 844, DeviceScaleFactor: 1, Mobile: width < 800})
		for _, p := range []string{"/compare#cur=EUR", "/compare#cur=EUR&rate=0.9",
			"/plan#mix=short:30:5:720p:any:1,long:10:10:1080p:any:1&cur=EUR"} {
			tb.Open(p)
			tb.WaitFor("costs in euros", `[...document.querySelectorAll("#ranking td.cmp-col-kept, #plan-table td.plan-cost")].some((td) => td.textContent.includes("€"))`, 10*time.Second)
			got := e2e.Eval[[]part](tb, ratePartsJS+"("+e2e.JSString(selectors)+")")
			if len(got) < 3 { // a hint's rate and date, and one more
				t.Errorf("%s, %d px wide: %d parts of a rate found, want a hint's and more: %v", p, width, len(got), got)
			}
			for _, r := range got {
				if r.Lines != 1 {
					t.Errorf("%s, %d px wide: %s shows %q on %d lines", p, width, r.Where, r.Text, r.Lines)
				}
			}
			tb.AssertNoErrors()
		}
	}
}
