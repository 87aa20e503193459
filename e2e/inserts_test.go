package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The tests of this file: a part of a page that comes and goes while a
// person types elsewhere on it is a slot (app/markup.go), always there and
// hidden when it has nothing to show. go-app matches an element's children
// by their place, so a part put in or taken out made it build every later
// sibling again: the input being typed in lost its focus and the keys
// after, a live region was made again, a table lost its scroll. Each test
// types, makes the part come or go, types more, and checks the focus and
// the whole value, and the node after the part where that is what it cost.

// markNode, run in the page, marks the element that sel selects, for
// sameNode to find again.
func markNode(tb *tab, name, sel string) {
	tb.t.Helper()
	if !eval[bool](tb, fmt.Sprintf(`(() => { const e = document.querySelector(%q); window[%q] = e; return !!e; })()`, sel, "__mark_"+name)) {
		tb.t.Errorf("no %s (%s) to mark", name, sel)
	}
}

// sameNode reports whether sel still selects the element markNode marked
// as name: go-app kept it, rather than building another in its place.
func sameNode(tb *tab, name, sel string) bool {
	tb.t.Helper()
	return eval[bool](tb, fmt.Sprintf(`document.querySelector(%q) === window[%q]`, sel, "__mark_"+name))
}

// keptTyping checks that the focus is on the input id and that it holds
// want.
func keptTyping(tb *tab, when, id, want string) {
	tb.t.Helper()
	if got := eval[string](tb, `(document.activeElement || {}).id || ""`); got != id {
		tb.t.Errorf("%s: the focus is on %q, want #%s", when, got, id)
	}
	if got := eval[string](tb, fmt.Sprintf(`(document.getElementById(%q) || {}).value`, id)); got != want {
		tb.t.Errorf("%s: #%s holds %q, want %q", when, id, got, want)
	}
}

// TestInsertUpdateBanner: the "new version" banner comes while a person
// types a number on the calculator. It came in among the shell's children
// before the live region the pages' results are read out in (#announce),
// which go-app then made again; and a region put in with its words is not
// read out. Now each toast goes into a status region of its own, there
// from the start.
func TestInsertUpdateBanner(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tb := newTab(t, srv.URL)
	tb.open("/")
	typeInto(tb, "f-dur", "1")
	markNode(tb, "announce", "#announce")
	markNode(tb, "region", "#update-banner-region")
	eval[bool](tb, `(goappOnUpdate(), true)`)
	tb.waitFor("the update banner", `!!document.querySelector("#update-banner button")`, 10*time.Second)
	tb.do("typing on", chromedp.KeyEvent("2"))
	keptTyping(tb, "after the banner came", "f-dur", "12")
	if !sameNode(tb, "announce", "#announce") {
		t.Error("the live region #announce was made again when the banner came")
	}
	if !sameNode(tb, "region", "#update-banner-region") || eval[string](tb, `document.getElementById("update-banner").parentElement.getAttribute("role")`) != "status" {
		t.Error("the banner is not in the status region that was there before it")
	}
	tb.assertNoErrors()
}
