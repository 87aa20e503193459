package hostile

import (
	"fmt"
	"testing"
	"time"

	"github.com/aivc/aivc/e2e"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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
func markNode(tb *e2e.Tab, name, sel string) {
	tb.T.Helper()
	if !e2e.Eval[bool](tb, fmt.Sprintf(`(() => { const e = document.querySelector(%q); window[%q] = e; return !!e; })()`, sel, "__mark_"+name)) {
		tb.T.Errorf("no %s (%s) to mark", name, sel)
	}
}

// sameNode reports whether sel still selects the element markNode marked
// as name: go-app kept it, rather than building another in its place.
func sameNode(tb *e2e.Tab, name, sel string) bool {
	tb.T.Helper()
	return e2e.Eval[bool](tb, fmt.Sprintf(`document.querySelector(%q) === window[%q]`, sel, "__mark_"+name))
}

// keptTyping checks that the focus is on the input id and that it holds
// want.
func keptTyping(tb *e2e.Tab, when, id, want string) {
	tb.T.Helper()
	if got := e2e.Eval[string](tb, `(document.activeElement || {}).id || ""`); got != id {
		tb.T.Errorf("%s: the focus is on %q, want #%s", when, got, id)
	}
	if got := e2e.Eval[string](tb, fmt.Sprintf(`(document.getElementById(%q) || {}).value`, id)); got != want {
		tb.T.Errorf("%s: #%s holds %q, want %q", when, id, got, want)
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
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/")
	e2e.TypeInto(tb, "f-dur", "1")
	markNode(tb, "announce", "#announce")
	markNode(tb, "region", "#update-banner-region")
	e2e.Eval[bool](tb, `(goappOnUpdate(), true)`)
	tb.WaitFor("the update banner", `!!document.querySelector("#update-banner button")`, 10*time.Second)
	tb.Do("typing on", chromedp.KeyEvent("2"))
	keptTyping(tb, "after the banner came", "f-dur", "12")
	if !sameNode(tb, "announce", "#announce") {
		t.Error("the live region #announce was made again when the banner came")
	}
	if !sameNode(tb, "region", "#update-banner-region") || e2e.Eval[string](tb, `document.getElementById("update-banner").parentElement.getAttribute("role")`) != "status" {
		t.Error("the banner is not in the status region that was there before it")
	}
	tb.AssertNoErrors()
}

// TestInsertLogCorrupt: another tab sets a record aside (it cannot be
// read) while a clip is typed here. Its section came in above the form, and
// the note being typed lost its focus and the keys after.
func TestInsertLogCorrupt(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")
	e2e.TypeInto(tb, "f-note", "ab")
	e2e.Eval[bool](tb, `(() => {
		const key = "aivc.log.v1.e.m7q16ps0-000000000001";
		localStorage.setItem(key, "{half a record");
		window.dispatchEvent(new StorageEvent("storage", {key, newValue: "{half a record"}));
		return true;
	})()`)
	tb.WaitFor("the record set aside", `!!document.getElementById("log-corrupt")`, 10*time.Second)
	tb.Do("typing on", chromedp.KeyEvent("c"))
	keptTyping(tb, "after the section came", "f-note", "abc")
	tb.AssertNoErrors()
}

// TestInsertLogEditEnd: Save changes, pressed with Enter in a field, finds
// the clip deleted (in another tab, whose news has not come): the edit
// ends, the form keeps what was typed, to log as a new clip, and the focus
// goes to the message that says so, as on any failed save. The line
// "Editing …" above the form went, and go-app built the form again: the
// fields were other elements (the field's own Ctrl+Z lost what was typed).
func TestInsertLogEditEnd(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.SeedLog(tb, 1)
	tb.Open("/log")
	id := e2e.LogIDs(tb)[0]
	tb.Do("pressing Edit", chromedp.Click(chromedp.CSS(`#log-table tr[data-entry-id="`+id+`"] .log-edit`)))
	tb.WaitFor("the form editing the clip", `!!document.getElementById("log-editing")`, 10*time.Second)
	e2e.Eval[bool](tb, `(localStorage.removeItem("aivc.log.v1.e." + `+e2e.JSString(id)+`), true)`)
	e2e.TypeInto(tb, "f-note", "ab")
	markNode(tb, "note", "#f-note")
	tb.Do("saving with Enter", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the edit ended", `!document.getElementById("log-editing") && document.getElementById("log-clip-msg").textContent.includes("no longer in your log")`, 10*time.Second)
	if !sameNode(tb, "note", "#f-note") {
		t.Error("the form was built again when the edit ended")
	}
	if got := e2e.Eval[string](tb, `(document.activeElement || {}).id || ""`); got != "log-clip-msg" {
		t.Errorf("the focus is on %q, want the message", got)
	}
	tb.Do("typing on", chromedp.Click(chromedp.ID("f-note")), chromedp.KeyEvent(kb.End+"c"))
	keptTyping(tb, "after the edit ended", "f-note", "abc")
	tb.AssertNoErrors()
}

// TestInsertLogReplace: a file chosen for import while an exchange rate is
// typed (the focus stays in the rate) brings the offer to replace saved
// clips, above the rates: the rate lost its focus and the keys after.
func TestInsertLogReplace(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.SeedLog(tb, 3)
	tb.Open("/log")
	e2e.TypeInto(tb, "f-rate_EUR", "0.9")
	e2e.Upload(tb, "corrected.csv", "id,date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept,client\r\n"+
		"e2e000000,2025-01-01,runway,gen-4-turbo,5,25,USD,0.024,no,Acme Ltd\r\n")
	tb.WaitFor("the offer to replace", `!!document.getElementById("log-replace")`, 10*time.Second)
	tb.Do("typing on", chromedp.KeyEvent("5"))
	keptTyping(tb, "after the offer came", "f-rate_EUR", "0.95")
	tb.AssertNoErrors()
}

// TestInsertPlanYours: a count typed wrong plans no month, and the line
// that says where your platform stands goes; typed right, it comes back.
// The focus stays in the count, and the table after the line is the same
// element (it was built again: its scroll and an open Working were lost).
func TestInsertPlanYours(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=hero:10:8:720p:standard:1&platform=kling")
	tb.WaitFor("the marked month", `!!document.getElementById("plan-yours")`, 10*time.Second)
	markNode(tb, "table", "#plan-results .cmp-scroll")
	e2e.TypeInto(tb, "f-mix-0-count", "1x")
	tb.WaitFor("the line gone", `!document.getElementById("plan-yours")`, 10*time.Second)
	if !sameNode(tb, "table", "#plan-results .cmp-scroll") {
		t.Error("the table was built again when the line went")
	}
	tb.Do("typing on", chromedp.KeyEvent(kb.Backspace+"0"))
	tb.WaitFor("the line back", `!!document.getElementById("plan-yours")`, 10*time.Second)
	keptTyping(tb, "after the line came back", "f-mix-0-count", "10")
	if !sameNode(tb, "table", "#plan-results .cmp-scroll") {
		t.Error("the table was built again when the line came back")
	}
	tb.AssertNoErrors()
}

// TestInsertShareNote: /plan's note under the share link ("Row 2 … is not
// in the link") comes and goes as a row is typed; the copy button's status
// after it, a live region, was made again each time.
func TestInsertShareNote(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=hero:10:8:720p:standard:1,broll:100:5:720p:any:1")
	markNode(tb, "status", "#share-link-status")
	e2e.TypeInto(tb, "f-mix-1-count", "1x")
	tb.WaitFor("the note", `!!document.getElementById("share-note")`, 10*time.Second)
	if !sameNode(tb, "status", "#share-link-status") {
		t.Error("the copy status was made again when the note came")
	}
	tb.Do("typing on", chromedp.KeyEvent(kb.Backspace+"0"))
	tb.WaitFor("the note gone", `!document.getElementById("share-note")`, 10*time.Second)
	keptTyping(tb, "after the note went", "f-mix-1-count", "10")
	if !sameNode(tb, "status", "#share-link-status") {
		t.Error("the copy status was made again when the note went")
	}
	tb.AssertNoErrors()
}

// TestInsertHiddenSlots: a slot with nothing to show is not drawn, on any
// page, and a Tab passes over it. /log's offer to replace saved clips, a
// <button hidden> until an import brings one, showed under the import
// field as an empty blue square (app.css gives every button a display),
// and the Tab after the import field stopped on it, heard as a button
// with no name.
func TestInsertHiddenSlots(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, path := range []string{"/", "/compare", "/plan", "/profiles", "/log"} {
		tb.Open(path)
		if shown := e2e.Eval[[]string](tb, `[...document.querySelectorAll("[hidden]")].filter((el) => el.checkVisibility()).map((el) => el.outerHTML.slice(0, 80))`); len(shown) > 0 {
			t.Errorf("%s: %d hidden elements are drawn: %v", path, len(shown), shown)
		}
	}
	e2e.Eval[bool](tb, `(document.getElementById("log-import").focus(), true)`)
	tb.Do("pressing Tab", chromedp.KeyEvent(kb.Tab))
	if n := e2e.FocusedAX(tb); !e2e.SaysSomething(n.Name) {
		t.Errorf("the Tab after the import field lands on %s (%s), which says nothing", n,
			e2e.Eval[string](tb, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	tb.AssertNoErrors()
}
