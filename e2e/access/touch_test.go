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

// touchTargetsJS lists the touch targets of the page that fail WCAG 2.5.8
// (target size, minimum) as axe-core's target-size rule, which Lighthouse
// runs, judges them: a widget (link, button, form control) that is visible
// and not a link inside a line of text must be at least 24×24 CSS px, or be
// far enough from every other widget: a 24 px circle centred on it must not
// reach a neighbour, nor the 24 px circle of an undersized neighbour.
// Neighbours that lead to the same address do not count.
const touchTargetsJS = `(() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    '[role=button], [role=link], [role=checkbox], [role=radio], [role=tab], [role=switch]';
  const inText = (el) => {
    if (getComputedStyle(el).display !== "inline" || !el.parentElement) return false;
    for (const n of el.parentElement.childNodes) if (n.nodeType === 3 && n.textContent.trim() !== "") return true;
    return false;
  };
  const ts = [];
  for (const el of document.querySelectorAll(sel)) {
    if (el.disabled || !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    if (getComputedStyle(el).pointerEvents === "none") continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 2 || r.height <= 2) continue; // visually hidden
    ts.push({el, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2,
      small: r.width + 0.05 < 24 || r.height + 0.05 < 24, text: inText(el)});
  }
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "") +
    " " + JSON.stringify((el.getAttribute("aria-label") || el.textContent || el.value || "").trim().slice(0, 30));
  const bad = [];
  for (const t of ts) {
    if (!t.small || t.text) continue;
    for (const n of ts) {
      if (n === t || n.el.contains(t.el) || t.el.contains(n.el)) continue;
      if (n.el.href && n.el.href === t.el.href) continue;
      const dx = Math.max(n.r.left - t.cx, 0, t.cx - n.r.right), dy = Math.max(n.r.top - t.cy, 0, t.cy - n.r.bottom);
      let d = Math.hypot(dx, dy);
      if (n.small) d = Math.min(d, Math.hypot(t.cx - n.cx, t.cy - n.cy) - 12);
      if (2 * d + 0.05 < 24) {
        bad.push(name(t.el) + " is " + t.r.width.toFixed(1) + "×" + t.r.height.toFixed(1) +
          " px with " + (2 * Math.max(d, 0)).toFixed(1) + " px of room (24 needed) next to " + name(n.el));
        break;
      }
    }
  }
  return bad;
})()`

// TestTouchTargets holds what Lighthouse's accessibility audit "Touch
// targets do not have sufficient size or spacing" checks (it cost /compare
// its 100: the evidence column's "[1] [2]" source links were 18×19 px and
// 3 px apart), on every page and the embedded ranking, in Lighthouse's mobile viewport
// (412×823, 1.75 device pixels per CSS px) and on a desktop window, with
// every <details> open.
func TestTouchTargets(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	viewports := []struct {
		name string
		p    emulation.SetDeviceMetricsOverrideParams
	}{
		{"mobile", emulation.SetDeviceMetricsOverrideParams{Width: 412, Height: 823, DeviceScaleFactor: 1.75, Mobile: true}},
		{"desktop", emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 900, DeviceScaleFactor: 1}},
	}
	for _, vp := range viewports {
		tb := e2e.NewTab(t, srv.URL)
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, vp.p)
		for _, path := range append(aivc.Pages(), "/embed#view=compare") {
			tb.Open(path)
			if bad := e2e.Eval[[]string](tb, touchTargetsJS); len(bad) > 0 {
				t.Errorf("%s, %s: touch targets too small or too close:\n  %s", path, vp.name, strings.Join(bad, "\n  "))
			}
			e2e.Eval[int](tb, `(() => { const ds = document.querySelectorAll("details"); ds.forEach((d) => { d.open = true; }); return ds.length; })()`)
			time.Sleep(100 * time.Millisecond) // let the opened content lay out
			if bad := e2e.Eval[[]string](tb, touchTargetsJS); len(bad) > 0 {
				t.Errorf("%s, %s, every <details> open: touch targets too small or too close:\n  %s", path, vp.name, strings.Join(bad, "\n  "))
			}
			tb.AssertNoErrors()
		}
	}
}

// TestSkipLink: the first Tab of every page but the embed reaches "Skip to
// content", shown over the header; Enter moves the focus to the page's
// <main>, and the next Tab to a control of it, not the nav. The
// calculation in the address stays: a plain #main link would have replaced
// it, and go-app would have loaded the page anew at its defaults.
func TestSkipLink(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, p := range aivc.Pages() {
		if p == aivc.EmbedPath {
			continue
		}
		link := p + "#dur=7"
		tb.Open(link)
		e2e.Eval[bool](tb, `(document.activeElement && document.activeElement.blur(), true)`)
		tb.Do("pressing Tab", chromedp.KeyEvent(kb.Tab))
		if got := e2e.Eval[string](tb, `document.activeElement.textContent`); got != "Skip to content" {
			t.Errorf("%s: the first Tab reaches %q", p, got)
			continue
		}
		if top := e2e.Eval[float64](tb, `document.activeElement.getBoundingClientRect().top`); top < 0 {
			t.Errorf("%s: the focused skip link is out of sight (top %v px)", p, top)
		}
		tb.Do("pressing Enter", chromedp.KeyEvent(kb.Enter))
		if got := e2e.Eval[string](tb, `document.activeElement.tagName`); got != "MAIN" {
			t.Errorf("%s: Enter on the skip link focused a %s", p, got)
		}
		tb.Do("pressing Tab", chromedp.KeyEvent(kb.Tab))
		if e2e.Eval[bool](tb, `!document.activeElement.closest("main")`) {
			t.Errorf("%s: after skipping, Tab went out of the page's main part: %s", p, e2e.Eval[string](tb, `document.activeElement.outerHTML.slice(0, 200)`))
		}
		if got := e2e.Eval[string](tb, `location.pathname + location.hash`); got != link {
			t.Errorf("%s: the address became %s", p, got)
		}
		if p == "/" {
			if got := e2e.Eval[string](tb, `document.getElementById("f-dur").value`); got != "7" {
				t.Errorf("/: the duration is %q after skipping, want 7", got)
			}
		}
	}
	tb.AssertNoErrors()
}
