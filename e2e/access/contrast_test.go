package access

import (
	"strings"
	"testing"
	"time"

	aivc "github.com/aivc/aivc/app"
	"github.com/aivc/aivc/e2e"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// fieldContrastJS lists the form fields whose edge shows less than 3:1
// against what is behind them (WCAG 1.4.11: a field's edge is all that
// shows where it is) and whose placeholder reads under 4.5:1 (1.4.3).
// Colours are read back through a canvas, as accentContrastJS does.
const fieldContrastJS = `(() => {
  const ctx = Object.assign(document.createElement("canvas"), {width: 1, height: 1}).getContext("2d", {willReadFrequently: true});
  const rgb = (css) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = "#010203"; ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1); return [...ctx.getImageData(0, 0, 1, 1).data]; };
  const lum = (c) => c.slice(0, 3).map((v) => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
  const behind = (el) => { for (let e = el.parentElement; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c[3] === 255) return c; } return rgb(getComputedStyle(document.documentElement).backgroundColor); };
  const bad = [];
  for (const el of document.querySelectorAll("input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=hidden]), select, textarea")) {
    if (!el.checkVisibility()) continue;
    const name = el.tagName.toLowerCase() + "#" + el.id, bg = behind(el);
    const edge = ratio(rgb(getComputedStyle(el).borderTopColor), bg);
    if (edge < 3) bad.push(name + "'s edge: " + edge.toFixed(2) + ":1");
    if (el.placeholder) {
      const ph = ratio(rgb(getComputedStyle(el, "::placeholder").color), rgb(getComputedStyle(el).backgroundColor));
      if (ph < 4.5) bad.push(name + "'s placeholder: " + ph.toFixed(2) + ":1");
    }
  }
  return bad;
})()`

// TestFieldContrast: every page's fields show their edges and placeholders
// on both themes. Their border was the tables' grey, 1.4:1 on white and
// 1.52:1 on the dark theme; the dark placeholder 4.05:1.
func TestFieldContrast(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	for _, scheme := range []string{"light", "dark"} {
		tb := e2e.NewTab(t, srv.URL)
		e2e.Call(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		for _, path := range append(aivc.Pages(), "/embed#view=compare") {
			tb.Open(path)
			if bad := e2e.Eval[[]string](tb, fieldContrastJS); len(bad) > 0 {
				t.Errorf("%s, %s: %d fields under the contrast they need:\n  %s", path, scheme, len(bad), strings.Join(bad, "\n  "))
			}
		}
	}
}

// TestFocusNotUnderStickyColumn: a control reached with Tab in a table that
// scrolls sideways is scrolled clear of the column kept at its right edge
// (WCAG 2.4.11). At 360 px /compare's "Credits per clip" and "Cost per
// second" sort buttons were wholly under the cost per kept second.
func TestFocusNotUnderStickyColumn(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 360, Height: 740, DeviceScaleFactor: 1, Mobile: true})
	for _, path := range []string{"/compare", "/plan"} {
		tb.Open(path)
		// From the control before the first table, Tab through the tables.
		e2e.Eval[bool](tb, `(() => {
			const first = document.querySelector(".cmp-scroll");
			const all = [...document.querySelectorAll("a[href], button, input, select, summary, [tabindex]")];
			const before = all.filter((el) => first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING && !first.contains(el) && el.checkVisibility()).pop();
			before.focus();
			return true;
		})()`)
		var hidden []string
		for range 60 {
			tb.Do("pressing Tab", chromedp.KeyEvent(kb.Tab))
			if msg := e2e.Eval[string](tb, `(() => {
				const el = document.activeElement, scroll = el.closest(".cmp-scroll");
				if (!scroll || el === scroll) return "";
				const r = el.getBoundingClientRect();
				for (const c of scroll.querySelectorAll("th, td")) {
					if (getComputedStyle(c).position !== "sticky" || c.contains(el)) continue;
					const s = c.getBoundingClientRect();
					if (r.right > s.left + 1 && r.left < s.right - 1 && r.bottom > s.top && r.top < s.bottom)
						return JSON.stringify(el.textContent.trim().slice(0, 30)) + " at " + r.left.toFixed(0) + "–" + r.right.toFixed(0) +
							" px, under the sticky cell at " + s.left.toFixed(0) + "–" + s.right.toFixed(0);
				}
				return "";
			})()`); msg != "" {
				hidden = append(hidden, msg)
			}
		}
		if len(hidden) > 0 {
			t.Errorf("%s at 360 px: %d focused controls under the sticky column:\n  %s", path, len(hidden), strings.Join(hidden, "\n  "))
		}
	}
}

// TestResultsAnnouncedOnce: a screen reader hears a page's results once the
// person stops typing, not at every keystroke. The results' summaries were
// live regions: typing "2500" queued four announcements in 124 ms, and a
// half-typed "-" read out its error.
func TestResultsAnnouncedOnce(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, c := range []struct{ path, field, text, status string }{
		{"/", "f-price", "2500", "calc-status"},
		{"/compare", "f-dur", "12", "cmp-status"},
		{"/plan", "f-mix-0-count", "-3", "plan-status"},
	} {
		tb.Open(c.path)
		if live := e2e.Eval[bool](tb, `(() => { const s = document.getElementById("`+c.status+`"); return s.matches("[role=status], [aria-live], [role=alert]"); })()`); live {
			t.Errorf("%s: #%s is itself a live region", c.path, c.status)
		}
		e2e.Eval[bool](tb, `(() => {
			window.__announced = [];
			new MutationObserver(() => window.__announced.push(document.getElementById("announce").textContent))
				.observe(document.getElementById("announce"), {childList: true, characterData: true, subtree: true});
			return true;
		})()`)
		e2e.TypeInto(tb, c.field, c.text) // a key at a time
		if n := e2e.Eval[int](tb, `window.__announced.length`); n != 0 {
			t.Errorf("%s: announced while typing: %q", c.path, e2e.Eval[[]string](tb, `window.__announced`))
		}
		tb.WaitFor("the announcement", `window.__announced.length > 0`, 5*time.Second)
		time.Sleep(1200 * time.Millisecond)
		got := e2e.Eval[[]string](tb, `window.__announced`)
		want := e2e.Eval[string](tb, `document.getElementById("`+c.status+`").textContent.trim()`)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s: announced %q, want once %q", c.path, got, want)
		}
		// It does not stay, for a screen reader's cursor to meet on the
		// next page.
		tb.WaitFor("the announcement to go", `document.getElementById("announce").textContent === ""`, 10*time.Second)
	}
}

// landmarksJS lists what breaks the page's landmarks as axe-core's
// landmark-unique and region rules do: two landmarks of a role with the
// same name, and text outside every landmark.
const landmarksJS = `(() => {
  const bad = [], seen = new Map();
  const name = (el) => (el.getAttribute("aria-label") ||
    (el.getAttribute("aria-labelledby") || "").split(" ").map((id) => (document.getElementById(id) || {}).textContent || "").join(" ")).trim();
  const role = (el) => el.getAttribute("role") || ({HEADER: "banner", NAV: "navigation", MAIN: "main", FOOTER: "contentinfo", ASIDE: "complementary", SECTION: "region"})[el.tagName];
  const marks = [...document.querySelectorAll("header, nav, main, footer, aside, section[aria-label], section[aria-labelledby], [role=region], [role=navigation], [role=banner], [role=contentinfo], [role=main]")]
    .filter((el) => el.checkVisibility() &&
      // a header or footer inside sectioning content is no landmark
      !(["HEADER", "FOOTER"].includes(el.tagName) && el.parentElement.closest("article, aside, main, nav, section")));
  for (const el of marks) {
    const key = role(el) + ": " + name(el);
    if (seen.has(key)) bad.push("two landmarks " + JSON.stringify(key));
    seen.set(key, el);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode()); ) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el.checkVisibility() || el.closest("script, style, [aria-hidden=true], .visually-hidden, #app-wasm-loader")) continue;
    if (!el.closest("header, nav, main, footer, aside, section[aria-label], section[aria-labelledby], [role=region], [role=navigation], [role=banner], [role=contentinfo], [role=main], [role=status], [role=alert]"))
      bad.push("text outside every landmark: " + JSON.stringify(n.textContent.trim().slice(0, 40)));
  }
  return bad;
})()`

// TestLandmarks: every page's landmarks have names of their own, and no text
// is outside them. /compare and /plan had two regions named "Ranking" (the
// section and its table's scroll box), and the framed ranking's "Open the
// full comparison" was outside every landmark.
func TestLandmarks(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, path := range append(aivc.Pages(), "/embed#view=compare") {
		tb.Open(path)
		if bad := e2e.Eval[[]string](tb, landmarksJS); len(bad) > 0 {
			t.Errorf("%s:\n  %s", path, strings.Join(bad, "\n  "))
		}
	}
}

// TestTablesNamed: every table has a name (its caption) and every column
// heading a text, for a screen reader's list of tables and its reading of
// cells. /log's tables and the free tiers had none, and /log's last column
// heading was empty (axe: empty-table-header). Every row of data has a row
// header: the ranking, /plan, the free tiers and /log's clips had none.
func TestTablesNamed(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.SeedLog(tb, 30)
	for _, path := range aivc.Pages() {
		tb.Open(path)
		bad := e2e.Eval[[]string](tb, `(() => {
			const bad = [];
			for (const table of document.querySelectorAll("table")) {
				if (!table.checkVisibility()) continue;
				const name = (table.caption ? table.caption.textContent : "") || table.getAttribute("aria-label") || "";
				if (!name.trim()) bad.push("table#" + table.id + " has no name");
				for (const th of table.querySelectorAll("th")) {
					if (!th.textContent.trim()) bad.push("table#" + table.id + " has an empty heading");
				}
				// A row of data is named by its header cell, which a screen
				// reader says as it moves down a column.
				for (const tr of table.querySelectorAll("tbody tr")) {
					if (tr.cells.length > 1 && !tr.querySelector(":scope > th[scope=row]")) {
						bad.push("table#" + table.id + " (" + (table.caption ? table.caption.textContent : "") + ") has a row without a row header");
						break;
					}
				}
			}
			return bad;
		})()`)
		if len(bad) > 0 {
			t.Errorf("%s:\n  %s", path, strings.Join(bad, "\n  "))
		}
	}
}
