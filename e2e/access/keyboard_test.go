package access

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aivc/aivc/e2e"
	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// walkPages are the pages reviewed with the keyboard alone and the
// accessibility tree: the calculator, /compare, /plan and the embed in
// both its views.
var walkPages = []string{"/", "/compare", "/plan", "/embed", "/embed#view=compare"}

// tabbableJS lists the controls a Tab should reach on the page, in
// document order: each shown link, button, field and summary, and the
// scroll boxes made focusable, but of a group of radio buttons only the
// ticked one (the arrows move within it).
const tabbableJS = `[...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")].filter((el) =>
	el.tabIndex >= 0 && !el.disabled && el.checkVisibility({visibilityProperty: true}) &&
	!(el.type === "radio" && !el.checked) && !el.closest("[inert]"))`

// TestKeyboardWalk walks the calculator, /compare, /plan and the embed
// with Tab alone, at a phone's width and a desktop's: every control is
// reached, none by a tabindex that changes the order, each shows where
// the focus is, and each is heard with a name that says what it is and
// whose it is, no two alike. /compare's ranking had two links heard as
// "Kling 1.0 Standard" (Kling's own and Krea's, to different pages) and
// every row's sources as "source 1", "source 2" whatever their row, and
// its first column's sort button was heard as "#" ("number sign").
func TestKeyboardWalk(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	for _, width := range []int64{390, 1280} {
		tb := e2e.NewTab(t, srv.URL)
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 844, DeviceScaleFactor: 1, Mobile: width < 800})
		for _, path := range walkPages {
			tb.Open(path)
			where := fmt.Sprintf("%s at %d px", path, width)
			if n := e2e.Eval[int](tb, `document.querySelectorAll("[tabindex]:not([tabindex='0']):not([tabindex='-1'])").length`); n > 0 {
				t.Errorf("%s: %d elements have a tabindex that reorders the Tab order", where, n)
			}
			want := e2e.Eval[int](tb, `(window.__walk = new Set(), `+tabbableJS+`.length)`)
			e2e.Eval[bool](tb, `(document.activeElement && document.activeElement.blur(), true)`)
			seen := map[e2e.AXNode]bool{}
			for i := 0; i < want+5; i++ {
				tb.Do("pressing Tab", chromedp.KeyEvent(kb.Tab))
				at := e2e.Eval[string](tb, `(() => {
					const el = document.activeElement;
					if (!el || el === document.body || window.__walk.has(el)) return "";
					window.__walk.add(el);
					return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + JSON.stringify(el.textContent.trim().slice(0, 40));
				})()`)
				if at == "" {
					break
				}
				if !e2e.Eval[bool](tb, `(() => {
					const el = document.activeElement, s = getComputedStyle(el);
					return el.matches(":focus-visible") && s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
				})()`) {
					t.Errorf("%s: the focus on %s does not show", where, at)
				}
				n := e2e.FocusedAX(tb)
				if !e2e.SaysSomething(n.Name) {
					t.Errorf("%s: %s is heard as %s, which says nothing", where, at, n)
				}
				if seen[n] {
					t.Errorf("%s: two controls are heard alike: %s (the second is %s)", where, n, at)
				}
				seen[n] = true
			}
			if missed := e2e.Eval[[]string](tb, tabbableJS+`.filter((el) => !window.__walk.has(el)).map((el) => el.outerHTML.slice(0, 120))`); len(missed) > 0 {
				t.Errorf("%s: Tab never reached %d controls:\n  %s", where, len(missed), strings.Join(missed, "\n  "))
			}
			tb.AssertNoErrors()
		}
	}
}

// TestColumnsNamed: every column heading of the walked pages is heard as
// a word. /plan's and /compare's first column, headed "#", was heard as
// "number sign" with each rank; it is "Rank".
func TestColumnsNamed(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, path := range walkPages {
		tb.Open(path)
		for _, n := range e2e.AXNodes(tb) {
			if n.Role == "columnheader" && !e2e.SaysSomething(n.Name) {
				t.Errorf("%s: a column heading is heard as %s", path, n)
			}
		}
	}
	tb.AssertNoErrors()
}

// TestGroupsNamed: every group in the accessibility tree of the walked
// pages has a name, but a <details>, which its summary names
// (TestDetailsHeardOnce). Chrome has a <details> as a group named by
// nothing of its summary: /plan's "Working" of each platform were five
// groups heard alike, and their summaries say whose working they are.
func TestGroupsNamed(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, path := range walkPages {
		tb.Open(path)
		unnamed := 0
		for _, n := range e2e.Call(tb, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{}).Nodes {
			if n.Ignored || e2e.AXValue(n.Role) != "group" || e2e.AXValue(n.Name) != "" {
				continue
			}
			if el := e2e.Call(tb, dom.DescribeNode, dom.DescribeNodeParams{BackendNodeID: n.BackendDOMNodeID}); el.Node == nil || el.Node.NodeName != "DETAILS" {
				unnamed++
			}
		}
		if unnamed > 0 {
			t.Errorf("%s: groups without a name: %d", path, unnamed)
		}
	}
	tb.AssertNoErrors()
}

// TestDetailsHeardOnce: every <details> of the walked pages, /profiles
// and /log is heard once, by its summary, which says what it opens and,
// where several are alike, whose it is. Named by an aria-label as well,
// each was heard twice on entry: "Working for Kling AI (app), group",
// then "Working for Kling AI (app), collapsed"; /compare's platform
// filter "All 23 platforms" twice.
func TestDetailsHeardOnce(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, path := range append(walkPages, "/profiles", "/log") {
		tb.Open(path)
		n := e2e.Eval[int](tb, `document.querySelectorAll("details").length`)
		if path == "/plan" || path == "/profiles" {
			if n < 5 {
				t.Errorf("%s: %d <details>, want one a row", path, n)
			}
		}
		for i := range n {
			d := fmt.Sprintf(`document.querySelectorAll("details")[%d]`, i)
			if !e2e.Eval[bool](tb, d+`.checkVisibility()`) {
				continue
			}
			group, summary := e2e.AXOf(tb, d), e2e.AXOf(tb, d+`.querySelector(":scope > summary")`)
			if group.Name != "" || !e2e.SaysSomething(summary.Name) {
				t.Errorf("%s: a <details> is heard as %s, then its summary as %s; want its summary's name alone", path, group, summary)
			}
			if path == "/plan" && strings.HasPrefix(summary.Name, "Working") {
				platform := e2e.Eval[string](tb, d+`.closest("tr").querySelector("th").firstChild.textContent`)
				if summary.Name != "Working for "+platform {
					t.Errorf("/plan: a row's working is heard as %s, want “Working for %s”", summary, platform)
				}
			}
		}
	}
	tb.AssertNoErrors()
}

// TestChartsHeardOnce: a chart is heard by its title, then its sentence,
// once. Named by both the SVG's <title> and its <desc>, and described by
// the <desc> as well, /compare's chart of costs and /plan's of the
// subscription against the API read their sentence twice.
func TestChartsHeardOnce(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, c := range []struct{ path, title string }{
		{"/compare", "Cost per kept second (USD)"},
		{"/plan", "Money per month: subscription and API"},
	} {
		tb.Open(c.path)
		var found bool
		for _, n := range e2e.AXNodes(tb) {
			if n.Role != "image" {
				continue
			}
			found = true
			if n.Name != c.title || n.Desc == "" || strings.Contains(n.Name, n.Desc) {
				t.Errorf("%s: the chart is heard as %s, want the name “%s” and its sentence once, as the description", c.path, n, c.title)
			}
		}
		if !found {
			t.Errorf("%s: no chart in the accessibility tree", c.path)
		}
	}
	tb.AssertNoErrors()
}
