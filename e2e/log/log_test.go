package log

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/e2e"
	"github.com/aivc/aivc/pricing"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/shopspring/decimal"
)

// keptMeasure checks the measured generations per kept clip the log page
// keeps for the other pages' start (cliplog.MeasuredKey): Runway's Gen-4
// Turbo, made and kept so many times.
func keptMeasure(tb *e2e.Tab, when string, made, kept int) {
	tb.T.Helper()
	want := fmt.Sprintf(`{"n":%d,"rs":[{"p":"runway","m":"gen-4-turbo","g":%d,"k":%d}]}`, made, made, kept)
	if got := e2e.Eval[string](tb, `(m => m ? JSON.stringify({n: m.n, rs: m.rs.map(r => ({p: r.p, m: r.m, g: r.g, k: r.k}))}) : "nothing")(JSON.parse(localStorage.getItem(`+e2e.JSString(cliplog.MeasuredKey)+`)))`); got != want {
		tb.T.Errorf("%s: the log keeps %s, want %s", when, got, want)
	}
}

// TestLogPersists: clips logged on /log are there after a reload, and
// after a reload with the server gone (the service worker serves the page).
func TestLogPersists(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")

	// Runway's default plan: Standard, $15 for 625 credits = $0.024 a credit.
	e2e.FillClip(tb, e2e.LogClip{Model: "gen-4-turbo", Dur: "10", Project: "Acme launch"})
	if v := e2e.Eval[string](tb, `document.getElementById("f-credits").value`); v != "50" {
		t.Errorf("credits prefilled %q, want 50 (5 credits/s × 10 s)", v)
	}
	if v := e2e.TotalValue(tb, "log-clip-cost"); v != "1.2" {
		t.Errorf("the form's cost %q, want 1.2", v)
	}
	e2e.SaveClip(tb, "log-save-again")
	// Log another like this: the fields stay; this one was rejected.
	if v := e2e.Eval[string](tb, `document.getElementById("f-project").value`); v != "Acme launch" {
		t.Errorf("log another like this lost the project: %q", v)
	}
	e2e.FillClip(tb, e2e.LogClip{Credits: "55", Rejected: true})
	e2e.SaveClip(tb, "log-save")

	want := map[string]string{
		"log-total-clips": "2", "log-total-cost": "2.52", "log-total-seconds": "20",
		"log-total-kept-seconds": "10", "log-cost-per-kept-second": "0.252",
	}
	check := func(when string) {
		t.Helper()
		costs := e2e.LogCosts(tb)
		if strings.Join(costs, " ") != "1.32 1.2" {
			t.Errorf("%s: rows cost %v, want [1.32 1.2] (newest first)", when, costs)
		}
		for id, v := range want {
			if got := e2e.TotalValue(tb, id); got != v {
				t.Errorf("%s: #%s data-value %q, want %q", when, id, got, v)
			}
		}
	}
	check("after logging")
	keptMeasure(tb, "after logging", 2, 1)
	tb.Open("/log")
	check("after a reload")

	// The calculator and compare offer the measured 2 generations per kept
	// clip (1 kept of 2) as their default, and say where it comes from.
	tb.Open("/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10")
	e2e.WaitResults(tb, "the calculator with the log's takes", map[string][2]string{"cost-per-kept-clip": {"2.4", "$2.40"}})
	if hint := e2e.Eval[string](tb, `document.getElementById("f-takes-hint").textContent`); hint != "Measured from your log: 2 clips, 1 kept." {
		t.Errorf("calculator takes hint %q", hint)
	}
	tb.Open("/compare")
	if v := e2e.Eval[string](tb, `document.getElementById("f-takes").value`); v != "2" {
		t.Errorf("compare takes %q, want 2 from the log", v)
	}
	// The measured figure stays out of the address as the shot changes, so
	// that a reload still follows the log; typed, it is in.
	e2e.TypeInto(tb, "f-dur", "7")
	tb.WaitFor("the new duration in the address", `location.hash.includes("dur=7")`, 10*time.Second)
	if h := e2e.Hash(tb); strings.Contains(h, "takes") {
		t.Errorf("compare's address %q holds the log's measured takes", h)
	}
	e2e.TypeInto(tb, "f-takes", "2")
	tb.WaitFor("typed takes in the address", `location.hash.includes("takes=2")`, 10*time.Second)

	tb.Open("/log")
	tb.WaitFor("the service worker to control the page", `navigator.serviceWorker.controller !== null`, 60*time.Second)
	tb.WaitFor("the precache to hold /log", `caches.match("/log").then(r => !!r)`, 60*time.Second)
	srv.CloseClientConnections()
	srv.Close()
	if _, err := http.Get(srv.URL + "/log"); err == nil {
		t.Fatal("the server still answers")
	}
	tb.Open("/log")
	check("after a reload offline")

	// Delete the newest clip (the first row), then undo, with the keyboard:
	// the focus goes from Delete, which is gone, to the Delete of the row
	// that takes its place, and the page stays where it is; after Undo, to
	// the status that says so (it fell to <body>, the start of the page;
	// then a move to Undo, far up, made the page jump).
	ids := e2e.Eval[[]string](tb, `Array.from(document.querySelectorAll("#log-table tr[data-entry-id]"), r => r.dataset.entryId)`)
	e2e.Eval[bool](tb, `(document.querySelector("#log-table tr[data-entry-id] .log-delete").scrollIntoView(), document.querySelector("#log-table tr[data-entry-id] .log-delete").focus(), true)`)
	scrolled := e2e.Eval[float64](tb, `scrollY`)
	tb.Do("deleting the first row", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("one row", `document.querySelectorAll("#log-table tr[data-entry-id]").length === 1`, 10*time.Second)
	tb.WaitFor("the focus on the next row's Delete", `document.activeElement.matches("tr[data-entry-id='`+ids[1]+`'] .log-delete")`, 5*time.Second)
	if y := e2e.Eval[float64](tb, `scrollY`); y < scrolled-100 || y > scrolled+100 {
		t.Errorf("deleting a row scrolled the page from %v to %v px", scrolled, y)
	}
	e2e.Eval[bool](tb, `(document.getElementById("log-undo").focus(), true)`)
	// Undo says what it undoes: it was "Undo" alone in a list of buttons.
	if got := e2e.FocusedAX(tb); got.Name != "Undo" || !strings.HasPrefix(got.Desc, "Deleted the ") {
		t.Errorf("Undo is heard as %s, want it described by the deletion", got)
	}
	if left := e2e.LogIDs(tb); len(left) != 1 || left[0] != ids[1] {
		t.Errorf("deleting the first row (%s) left %v, want [%s]", ids[0], left, ids[1])
	}
	keptMeasure(tb, "after deleting the rejected one", 1, 1)
	tb.Do("undoing", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("two rows", `document.querySelectorAll("#log-table tr[data-entry-id]").length === 2`, 10*time.Second)
	// The focus is on the clip's Edit, the status saying what came back:
	// it was on the status, heard as a nameless "status".
	tb.WaitFor("the focus on the clip's Edit", `document.activeElement.matches("tr[data-entry-id='`+ids[0]+`'] .log-edit")`, 5*time.Second)
	if s := e2e.Eval[string](tb, `document.getElementById("log-status").textContent`); !strings.HasPrefix(s, "Put back ") {
		t.Errorf("after Undo the status says %q", s)
	}
	keptMeasure(tb, "after undoing it", 2, 1)
	tb.Open("/log")
	check("after undo and a reload")
	tb.AssertNoErrors()
}

// TestLogTwoTabs: two tabs of the same browser each log a clip, one right
// after the other; neither is lost, and each tab shows both.
func TestLogTwoTabs(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	a := e2e.NewTab(t, srv.URL)
	b := e2e.NewTab(t, srv.URL)
	a.Open("/log")
	b.Open("/log")

	e2e.FillClip(a, e2e.LogClip{Note: "from tab A"})
	e2e.FillClip(b, e2e.LogClip{Note: "from tab B", Dur: "10"})
	e2e.SaveClip(a, "log-save")
	b.Do("saving in tab B", chromedp.Click(chromedp.ID("log-save")))
	for _, tb := range []*e2e.Tab{a, b} {
		tb.WaitFor("both clips", `document.querySelectorAll("#log-table tr[data-entry-id]").length === 2`, 10*time.Second)
	}
	if ia, ib := e2e.LogIDs(a), e2e.LogIDs(b); strings.Join(ia, " ") != strings.Join(ib, " ") {
		t.Errorf("the tabs show different clips: %v and %v", ia, ib)
	}
	c := e2e.NewTab(t, srv.URL)
	c.Open("/log")
	if n := len(e2e.LogCosts(c)); n != 2 {
		t.Errorf("a new tab shows %d clips, want 2", n)
	}
	notes := e2e.Eval[string](c, `document.getElementById("log-table").innerText`)
	if !strings.Contains(notes, "from tab A") || !strings.Contains(notes, "from tab B") {
		t.Errorf("a clip is missing:\n%s", notes)
	}
	a.AssertNoErrors()
	b.AssertNoErrors()
}

// TestLogTwoTabsDrafts: each of two tabs on /log keeps its own half-typed
// clip. They shared one draft in localStorage: a reload showed the other
// tab's typing, and a clip logged in one emptied the other's draft. A clip
// logged in one tab shows in the other's list, whose typing stays.
func TestLogTwoTabsDrafts(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	a := e2e.NewTab(t, srv.URL)
	b := e2e.NewTab(t, srv.URL)
	a.Open("/log")
	b.Open("/log")
	form := `document.getElementById("f-project").value + "|" + document.getElementById("f-note").value`
	holds := func(tb *e2e.Tab, when, want string) {
		t.Helper()
		tb.WaitFor(when+": "+want, form+` === `+e2e.JSString(want), 10*time.Second)
	}
	e2e.TypeInto(a, "f-project", "A project")
	e2e.TypeInto(a, "f-note", "typed in A")
	e2e.TypeInto(b, "f-project", "B project")
	e2e.TypeInto(b, "f-note", "typed in B")
	time.Sleep(200 * time.Millisecond)

	a.Do("reloading tab A", chromedp.Reload())
	a.WaitReady()
	holds(a, "tab A after a reload", "A project|typed in A")

	e2e.SaveClip(b, "log-save")
	a.WaitFor("tab B's clip in tab A", `document.querySelectorAll("#log-table tr[data-entry-id]").length === 1`, 10*time.Second)
	holds(a, "tab A after tab B logged a clip", "A project|typed in A")
	a.Do("reloading tab A", chromedp.Reload())
	a.WaitReady()
	holds(a, "tab A reloaded after tab B logged a clip", "A project|typed in A")
	if n := len(e2e.LogCosts(a)); n != 1 {
		t.Errorf("tab A shows %d clips, want 1", n)
	}

	c := e2e.NewTab(t, srv.URL)
	c.Open("/log")
	if got := e2e.Eval[string](c, form); got != "|" {
		t.Errorf("a new tab opened with a draft: %q", got)
	}
	e2e.SaveClip(a, "log-save")
	for _, tb := range []*e2e.Tab{a, b, c} {
		tb.WaitFor("both clips", `document.querySelectorAll("#log-table tr[data-entry-id]").length === 2`, 10*time.Second)
	}
	if ia, ib := e2e.LogIDs(a), e2e.LogIDs(b); strings.Join(ia, " ") != strings.Join(ib, " ") {
		t.Errorf("the tabs show different clips: %v and %v", ia, ib)
	}
	a.AssertNoErrors()
	b.AssertNoErrors()
	c.AssertNoErrors()
}

// TestLogClipKeyboard: pressing Log clip with a bad field moves the focus
// to it, where a screen reader reads its message (nothing was said
// before); two identical clips logged in a row are each confirmed.
func TestLogClipKeyboard(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")
	e2e.TypeInto(tb, "f-dur", "abc")
	e2e.Eval[bool](tb, `(document.getElementById("log-save").focus(), true)`)
	tb.Do("pressing Log clip", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the focus on the bad field", `document.activeElement.id === "f-dur" && document.activeElement.getAttribute("aria-invalid") === "true"`, 10*time.Second)
	if n := len(e2e.LogCosts(tb)); n != 0 {
		t.Errorf("a bad clip was logged: %d rows", n)
	}
	e2e.TypeInto(tb, "f-dur", "5")
	tb.WaitFor("the length fixed", `document.getElementById("f-dur").value === "5" && !document.getElementById("f-dur").hasAttribute("aria-invalid") &&
		document.getElementById("f-credits").value !== ""`, 10*time.Second)
	e2e.SaveClip(tb, "log-save-again")
	first := e2e.Eval[string](tb, `document.getElementById("log-status").textContent`)
	e2e.SaveClip(tb, "log-save-again")
	tb.WaitFor("the second confirmation", `document.getElementById("log-status").textContent !== `+e2e.JSString(first), 10*time.Second)
	if s := e2e.Eval[string](tb, `document.getElementById("log-status").textContent`); !strings.Contains(s, "2 clips in your log") {
		t.Errorf("the second confirmation reads %q", s)
	}
	tb.AssertNoErrors()
}

// TestLogDraftKept: a half-typed clip survives going to another page and
// back, and a reload (the new version's banner reloads); logging it starts
// a fresh form. Both lost it.
func TestLogDraftKept(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")
	e2e.TypeInto(tb, "f-project", "Unsaved project")
	e2e.TypeInto(tb, "f-note", "half typed note")
	kept := `document.getElementById("f-project").value === "Unsaved project" && document.getElementById("f-note").value === "half typed note"`
	e2e.FollowNav(tb, "Calculator")
	tb.WaitFor("the calculator", `location.pathname === "/" && !!document.getElementById("f-dur")`, 10*time.Second)
	e2e.FollowNav(tb, "Log")
	tb.WaitFor("the half-typed clip, back through the nav", kept, 10*time.Second)
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	tb.WaitFor("the half-typed clip, after a reload", kept, 10*time.Second)
	e2e.SaveClip(tb, "log-save")
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	if got := e2e.Eval[string](tb, `document.getElementById("f-project").value + "|" + document.getElementById("f-note").value`); got != "|" {
		t.Errorf("after logging the clip and a reload, the form holds %q", got)
	}
	tb.AssertNoErrors()
}

// TestLogExportImport: export → clear → import gives back the same log:
// the second JSON export is byte for byte the first. The CSV export has a
// header and a row per clip, and a CSV with a bad line is refused, naming
// the line.
func TestLogExportImport(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, src := range []string{frozenClock, e2e.CaptureDownloads} {
		e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
	}
	tb.Open("/log")
	e2e.FillClip(tb, e2e.LogClip{Project: "Acme", Note: "first, with a comma and \"quotes\""})
	e2e.SaveClip(tb, "log-save-again")
	e2e.FillClip(tb, e2e.LogClip{Rejected: true, Note: "=SUM(A1:A2)"})
	e2e.SaveClip(tb, "log-save-again")
	e2e.FillClip(tb, e2e.LogClip{Model: "gen-4-turbo", Dur: "10", Project: "Café"})
	e2e.SaveClip(tb, "log-save")
	ids := e2e.LogIDs(tb)

	first, name := e2e.LastDownload(tb, "log-export-json")
	if name != "aivc-clip-log-2025-03-01.json" || !strings.Contains(first, `"kind": "backup"`) {
		t.Fatalf("JSON export %q:\n%s", name, first)
	}
	tb.WaitFor("the export date", `document.getElementById("log-last-export").textContent.includes("2025-03-01")`, 10*time.Second)
	csv, name := e2e.LastDownload(tb, "log-export-csv")
	lines := strings.Split(strings.TrimSuffix(csv, "\r\n"), "\r\n")
	bom := e2e.Eval[[]int](tb, `window.__blobs[window.__blobs.length - 1].arrayBuffer().then(b => Array.from(new Uint8Array(b, 0, 3)))`)
	if fmt.Sprint(bom) != "[239 187 191]" {
		t.Errorf("the CSV starts with %v, not a UTF-8 byte order mark (Excel needs it)", bom)
	}
	if name != "aivc-clip-log-2025-03-01.csv" || len(lines) != 4 || !strings.HasPrefix(lines[0], "id,date,") ||
		!strings.Contains(csv, `'=SUM(A1:A2)`) {
		t.Errorf("CSV export %q, %d lines:\n%s", name, len(lines), csv)
	}
	// Filtered, the CSV holds the clips shown (a client's bill, not the
	// other clients' work: Acme's two, not Café's) and says so; the backup
	// still holds all.
	e2e.Pick(tb, "f-f_project", "Acme")
	tb.WaitFor("the export button to follow the filter", `document.getElementById("log-export-csv").textContent === "Export CSV: 2 clips shown"`, 10*time.Second)
	if csv, name := e2e.LastDownload(tb, "log-export-csv"); strings.Count(csv, "\r\n") != 3 || strings.Contains(csv, "Café") || name != "aivc-clip-log-2025-03-01-acme.csv" {
		t.Errorf("CSV export %s of the clips of Acme:\n%s", name, csv)
	}
	tb.WaitFor("the status to say the file is not a backup", `document.getElementById("log-status").textContent.includes("2 clips shown") &&
		document.getElementById("log-status").textContent.includes("not a backup")`, 10*time.Second)
	if backup, _ := e2e.LastDownload(tb, "log-export-json"); !strings.Contains(backup, "Café") || !strings.Contains(backup, "Acme") {
		t.Errorf("filtered, the JSON backup does not hold every clip:\n%s", backup)
	}
	e2e.Pick(tb, "f-f_project", "")

	e2e.Eval[bool](tb, `localStorage.clear(), true`)
	tb.Open("/log")
	if n := len(e2e.LogCosts(tb)); n != 0 {
		t.Fatalf("%d clips after clearing storage", n)
	}
	e2e.Upload(tb, "backup.json", first)
	tb.WaitFor("the imported clips", `document.querySelectorAll("#log-table tr[data-entry-id]").length === 3`, 10*time.Second)
	if got := e2e.LogIDs(tb); strings.Join(got, " ") != strings.Join(ids, " ") {
		t.Errorf("imported ids %v, want %v", got, ids)
	}
	second, _ := e2e.LastDownload(tb, "log-export-json")
	if second != first {
		t.Errorf("export → clear → import → export differs:\nfirst:\n%s\nsecond:\n%s", first, second)
	}
	// Importing the same file again adds nothing.
	e2e.Upload(tb, "backup.json", first)
	tb.WaitFor("the import's summary", `document.getElementById("log-status").textContent.includes("already in your log")`, 10*time.Second)
	if n := len(e2e.LogCosts(tb)); n != 3 {
		t.Errorf("importing twice: %d clips, want 3", n)
	}

	// A CSV with a bad line: refused, the line named, nothing added.
	bad := "date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept\r\n" +
		"2025-03-04,runway,gen-4,5,60,USD,0.024,yes\r\n" +
		"2025-03-05,runway,gen-4,five,60,USD,0.024,yes\r\n"
	e2e.Upload(tb, "bad.csv", bad)
	tb.WaitFor("the import's errors", `document.getElementById("log-import-errors").textContent.includes("line 3:")`, 10*time.Second)
	if errs := e2e.Eval[string](tb, `document.getElementById("log-import-errors").innerText`); !strings.Contains(errs, "Seconds") {
		t.Errorf("import errors do not name the field:\n%s", errs)
	}
	// A list a screen reader reads as one (its role was lost to the
	// alert's), tied to the file field, marked invalid.
	if !e2e.Eval[bool](tb, `document.querySelectorAll('#log-import-errors[role=alert] > ul > li').length > 0 &&
		document.getElementById("log-import").getAttribute("aria-invalid") === "true" &&
		document.getElementById("log-import").getAttribute("aria-describedby").split(" ").includes("log-import-errors")`) {
		t.Errorf("the import's errors: %s", e2e.Eval[string](tb, `document.getElementById("log-import-errors").outerHTML.slice(0, 200) + " / " + document.getElementById("log-import").outerHTML`))
	}
	if n := len(e2e.LogCosts(tb)); n != 3 {
		t.Errorf("a refused CSV changed the log: %d clips", n)
	}
	e2e.Upload(tb, "good.csv", strings.Replace(bad, "five", "5", 1))
	tb.WaitFor("the CSV's clips", `document.querySelectorAll("#log-table tr[data-entry-id]").length === 5`, 10*time.Second)
	tb.AssertNoErrors()
}

// TestLogStorageFull: with the browser's storage full, saving a clip says
// so and keeps everything typed; with room again, the same form saves.
func TestLogStorageFull(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")
	e2e.SaveClip(tb, "log-save")
	e2e.FillClip(tb, e2e.LogClip{Project: "Quota test", Note: "keep what I typed", Credits: "61"})

	filled := e2e.Eval[int](tb, `(() => {
		let n = 0;
		for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
			const s = "x".repeat(size);
			try { for (;;) { localStorage.setItem("test.fill." + n, s); n++; } } catch (e) {}
		}
		return n;
	})()`)
	if filled == 0 {
		t.Fatal("could not fill the storage")
	}
	tb.Do("saving into a full storage", chromedp.Click(chromedp.ID("log-save")))
	tb.WaitFor("the alert", `document.getElementById("log-alert").textContent.includes("storage is full")`, 10*time.Second)
	if role := e2e.Eval[string](tb, `document.getElementById("log-alert").getAttribute("role")`); role != "alert" {
		t.Errorf("the message has role %q, want alert", role)
	}
	for id, want := range map[string]string{"f-project": "Quota test", "f-note": "keep what I typed", "f-credits": "61"} {
		if got := e2e.Eval[string](tb, fmt.Sprintf(`document.getElementById(%q).value`, id)); got != want {
			t.Errorf("#%s = %q after the failed save, want %q", id, got, want)
		}
	}
	if n := len(e2e.LogCosts(tb)); n != 1 {
		t.Errorf("%d clips listed after the failed save, want 1", n)
	}

	e2e.Eval[bool](tb, `(() => { for (const k of Object.keys(localStorage)) { if (k.startsWith("test.fill.")) localStorage.removeItem(k); } return true; })()`)
	e2e.SaveClip(tb, "log-save")
	if alert := e2e.Eval[string](tb, `document.getElementById("log-alert").textContent`); alert != "" {
		t.Errorf("the alert stayed after a good save: %q", alert)
	}
	tb.Open("/log")
	if n := len(e2e.LogCosts(tb)); n != 2 {
		t.Errorf("%d clips after a reload, want 2", n)
	}
	tb.AssertNoErrors()
}

// TestLogCorruptRecord: a stored record that cannot be read is reported,
// with a way to download it, and the rest of the log is shown.
func TestLogCorruptRecord(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: e2e.CaptureDownloads})
	tb.Open("/log")
	e2e.Eval[bool](tb, `(() => {
		localStorage.setItem("aivc.log.meta", '{"schema":1}');
		localStorage.setItem("aivc.log.v1.e.m7q16ps0-9f3a21bc04de", JSON.stringify({d: "2025-03-01", p: "runway",
			pn: "Runway (app)", m: "gen-4", mn: "Gen-4", r: "720p", s: "5", c: "60", cu: "USD", pc: "0.024", k: true,
			t: "2025-03-01T10:00:00Z"}));
		localStorage.setItem("aivc.log.v1.e.m7q16ps0-000000000001", "{half a record");
		return true;
	})()`)
	tb.Open("/log")
	if costs := e2e.LogCosts(tb); strings.Join(costs, " ") != "1.44" {
		t.Errorf("rows %v, want the good clip (1.44)", costs)
	}
	text := e2e.Eval[string](tb, `(document.getElementById("log-corrupt") || {innerText: ""}).innerText`)
	if !strings.Contains(text, "could not be read") || !strings.Contains(text, "{half a record") {
		t.Fatalf("the corrupt record is not reported:\n%s", text)
	}
	got, name := e2e.LastDownload(tb, "log-corrupt-download-0")
	if got != "{half a record" || !strings.HasSuffix(name, ".txt") {
		t.Errorf("downloaded %q as %q", got, name)
	}
	// Set aside, not dropped: still in storage after another reload.
	tb.Open("/log")
	if n := e2e.Eval[int](tb, `Object.keys(localStorage).filter(k => localStorage.getItem(k) && localStorage.getItem(k).includes("half a record")).length`); n != 1 {
		t.Errorf("the corrupt record is in storage %d times, want 1", n)
	}
	// Discarded by keyboard, the focus goes to the heading of the form
	// that takes the section's place (it fell to <body>, then went to the
	// status, no control to go on from).
	e2e.Eval[bool](tb, `(document.querySelector(".log-corrupt-list li button:last-child").focus(), true)`)
	tb.Do("discarding it", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the record gone", `!document.getElementById("log-corrupt")`, 10*time.Second)
	tb.WaitFor("the focus on the form's heading", `document.activeElement.id === "log-add-title"`, 5*time.Second)
	tb.AssertNoErrors()
}

// TestLogSpreadsheetResave: what a person does with a spreadsheet and a
// backup. The CSV export says it is not a backup and leaves the reminder
// as it was (it marked the log backed up, without its plans, profiles or
// settings); saved again by Excel in Britain (dates "13/01/2025", times
// "13/01/2025 10:00" without their zone and seconds) it imports as the
// clips already in the log (it was refused on every line), the summary
// saying the times were read as UTC; the backup, named backup.txt, is
// read as a backup by what it holds (it was read as CSV: "unknown
// column"), the summary names the settings it restored, and the reminder
// takes it as the last backup (it said "Never backed up").
func TestLogSpreadsheetResave(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, src := range []string{frozenClock, e2e.CaptureDownloads} {
		e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
	}
	e2e.SeedLog(tb, 14) // 2025-01-01 … 2025-12-12, 2025-01-13, 2025-02-14
	tb.Open("/log")
	e2e.SaveClip(tb, "log-save") // 2025-03-01: "01/03/2025", settled by the 13th
	e2e.Pick(tb, "f-disp", "EUR")
	const reminder = `document.getElementById("log-last-export").textContent`
	const status = `document.getElementById("log-status").textContent`
	tb.WaitFor("the reminder", reminder+` === "Never backed up."`, 10*time.Second)

	export, _ := e2e.LastDownload(tb, "log-export-csv")
	tb.WaitFor("the status to say what a CSV leaves out", status+`.includes("Exported 15 clips") && `+status+`.includes("not a backup") && `+
		status+`.includes("without your plans")`, 10*time.Second)
	if got := e2e.Eval[string](tb, reminder); got != "Never backed up." {
		t.Errorf("after a CSV export the reminder says %q", got)
	}
	if hint := e2e.Eval[string](tb, `document.getElementById(document.getElementById("log-export-csv").getAttribute("aria-describedby")).textContent`); !strings.Contains(hint, "not a backup") {
		t.Errorf("the CSV button is described by %q", hint)
	}

	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(export, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	for n, rec := range recs {
		if day, err := time.Parse(time.DateOnly, rec[1]); n > 0 && err == nil {
			rec[1] = day.Format("02/01/2006")
		}
		for _, i := range []int{17, 18} { // created, updated: no zone, no seconds
			if at, err := time.Parse(time.RFC3339, rec[i]); n > 0 && err == nil {
				rec[i] = at.Format("02/01/2006 15:04")
			}
		}
		w.Write(rec)
	}
	w.Flush()
	if !strings.Contains(b.String(), ",01/03/2025,") || !strings.Contains(b.String(), ",13/01/2025,") || !strings.Contains(b.String(), ",01/03/2025 10:00,") {
		t.Fatalf("the file as Excel saves it:\n%s", b.String())
	}
	e2e.Upload(tb, "clips-excel.txt", "\ufeff"+b.String())
	tb.WaitFor("the import's summary", status+` === "Read clips-excel.txt as CSV. Imported 0 clips; 15 clips were already in your log; `+
		`30 created and updated times without a time zone read as UTC, the zone the log's export writes."`, 10*time.Second)
	if errs := e2e.Eval[string](tb, `document.getElementById("log-import-errors").textContent`); errs != "" {
		t.Errorf("the file as Excel saves it was refused: %s", errs)
	}

	backup, _ := e2e.LastDownload(tb, "log-export-json")
	tb.WaitFor("the reminder to say the backup", reminder+` === "Last backed up 2025-03-01."`, 10*time.Second)
	e2e.Eval[bool](tb, `localStorage.clear(), true`)
	tb.Open("/log")
	e2e.Upload(tb, "backup.txt", backup)
	tb.WaitFor("the restore's summary", status+` === "Read backup.txt as a JSON backup. Imported 15 clips; the backup's settings restored: totals in EUR; `+
		`everything in your log is in this backup, of 2025-03-01."`, 10*time.Second)
	if got := e2e.Eval[string](tb, `document.getElementById("f-disp").value`); got != "EUR" {
		t.Errorf("the display currency after the restore: %q", got)
	}
	// The backup restored is the log's last: it said "Never backed up".
	if got := e2e.Eval[string](tb, reminder); got != "Last backed up 2025-03-01." {
		t.Errorf("after the restore the reminder says %q", got)
	}
	tb.AssertNoErrors()
}

// TestLogFilterAll: the list's filters go back to "All", chosen as
// a person chooses it (its place in the list, not a value). Before, "All"
// had no value attribute (go-app drops empty ones), so it came back as a
// filter for the project, client… "All": 0 clips, until a reload. The
// filters are in the address.
func TestLogFilterAll(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.SeedLog(tb, 12)
	tb.Open("/log")
	const count = `document.getElementById("log-count").textContent`
	tb.WaitFor("the 12 clips", count+` === "12 clips"`, 10*time.Second)
	for _, f := range []struct{ id, value string }{
		{"f-f_project", "Blog"}, {"f-f_client", "Acme"}, {"f-f_month", "2025-03"}, {"f-f_kept", "rejected"},
	} {
		e2e.Pick(tb, f.id, f.value)
		tb.WaitFor(f.id+" filtering", count+` !== "12 clips"`, 10*time.Second)
		e2e.Eval[bool](tb, fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.selectedIndex = [...s.options].findIndex((o) => o.label === "All"); return s.dispatchEvent(new Event("change", {bubbles: true})); })()`, f.id))
		tb.WaitFor(f.id+" back to All", count+` === "12 clips"`, 10*time.Second)
		if v := e2e.Eval[string](tb, fmt.Sprintf(`document.getElementById(%q).selectedOptions[0].label`, f.id)); v != "All" {
			t.Errorf("%s shows %q after choosing All", f.id, v)
		}
	}

	// The filters are in the address: a reload (or a bookmark) shows the
	// same clips; they were lost.
	e2e.Pick(tb, "f-f_client", "Acme")
	tb.WaitFor("the filter in the address", `location.hash === "#client=Acme"`, 10*time.Second)
	want := e2e.Eval[string](tb, count)
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	tb.WaitFor("Acme's clips after a reload", count+fmt.Sprintf(" === %q", want), 10*time.Second)
	if v := e2e.Eval[string](tb, `document.getElementById("f-f_client").value`); v != "Acme" {
		t.Errorf("after a reload the client filter is %q", v)
	}
	// The chart's choice too: a reload put it back to months.
	e2e.Pick(tb, "f-chart", "client")
	tb.WaitFor("the chart in the address", `location.hash === "#client=Acme&chart=client"`, 10*time.Second)
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	tb.WaitFor("the chart per client after a reload", `document.getElementById("f-chart").value === "client" && !!document.querySelector("#log-chart")`, 10*time.Second)
	e2e.Pick(tb, "f-chart", "month")
	tb.WaitFor("the chart per month, out of the address", `location.hash === "#client=Acme"`, 10*time.Second)
	// Back to All, the nav forgets the filter, after a reload too (the
	// tab kept the last non-empty states).
	e2e.Eval[bool](tb, `(() => { const s = document.getElementById("f-f_client"); s.selectedIndex = 0; return s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	tb.WaitFor("no filter in the address", `location.hash === ""`, 10*time.Second)
	e2e.FollowNav(tb, "Calculator")
	tb.WaitFor("the calculator", `location.pathname === "/"`, 10*time.Second)
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	if href := e2e.Eval[string](tb, `document.querySelector('nav[aria-label="Main"] a[href^="/log"]').getAttribute("href")`); href != "/log" {
		t.Errorf("after All and a reload the nav's Log link is %q", href)
	}
	tb.AssertNoErrors()
}

// TestLogAddonBoxes: a box put where another model's box was counts for its
// own add-on. go-app kept the old box's handler (the same function literal,
// another key): from Veo 3 (Audio) to Luma's Ray2 (Upscale), ticking
// Upscale set "audio", and the credits stayed. Ray2 then got an Audio box
// too (its audio is in the price), first, and no model of the catalog has
// an Upscale box alone: the test went on passing with the fault back. So
// the person has a profile of their own, Luma's with Ray2 priced without
// its audio: its Upscale box is the first, where Veo 3's Audio was.
func TestLogAddonBoxes(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")
	e2e.Seed(tb, map[string]string{"aivc.profiles.v1.luma-upscale": upscaleOnlyProfile(t)})
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	e2e.Pick(tb, "f-profile", "veo-api")
	e2e.Pick(tb, "f-model", "veo-3")
	tb.WaitFor("Veo 3's Audio box", `!!document.getElementById("f-audio") && !document.getElementById("f-upscale")`, 10*time.Second)
	e2e.Pick(tb, "f-profile", "luma-upscale")
	tb.WaitFor("Ray2's Upscale box, alone", `!!document.getElementById("f-upscale") && !document.getElementById("f-audio")`, 10*time.Second)
	before := e2e.Eval[string](tb, `document.getElementById("f-credits").value`)
	tb.Do("ticking Upscale", chromedp.Click(chromedp.CSS(`label[for="f-upscale"]`)))
	tb.WaitFor("the upscale in the credits", fmt.Sprintf(`document.getElementById("f-credits").value !== %q`, before), 10*time.Second)
	if !e2e.Eval[bool](tb, `document.getElementById("f-upscale").checked`) {
		t.Error("the Upscale box is not ticked")
	}
	tb.AssertNoErrors()
}

// upscaleOnlyProfile is a custom profile as /profiles stores it: Luma's,
// with Ray2 alone, whose only add-on is its upscale.
func upscaleOnlyProfile(t *testing.T) string {
	t.Helper()
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	p, ok := pricing.FindProfile(ps, "luma")
	if !ok {
		t.Fatal("no luma in the catalog")
	}
	m, ok := p.FindModel("ray-2")
	if !ok {
		t.Fatal("no Ray2 in Luma's profile")
	}
	addons := m.Addons
	m.Audio, m.Addons = pricing.AudioNone, nil // a new slice: the catalog's are shared
	for _, a := range addons {
		if a.Kind == pricing.AddonUpscale {
			m.Addons = append(m.Addons, a)
		}
	}
	if len(m.Addons) != 1 {
		t.Fatalf("Ray2's add-ons: %+v, want one upscale", m.Addons)
	}
	p.ID, p.Name, p.Custom, p.Models = "luma-upscale", "Luma upscale only", true, []pricing.Model{m}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestLogOneCredit: a clip of one credit is worked as "1 credit" beside
// its cost, where it read "1 credits × $0.024".
func TestLogOneCredit(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")
	e2e.Pick(tb, "f-profile", "runway")
	tb.WaitFor("Runway's credits", `document.getElementById("f-credits").value !== ""`, 10*time.Second)
	e2e.TypeInto(tb, "f-credits", "1")
	const working = `document.getElementById("log-clip-cost").closest("dd").querySelector(".calc-working").textContent`
	tb.WaitFor("the clip's cost", `document.getElementById("log-clip-cost").textContent === "$0.024"`, 10*time.Second)
	if got := e2e.Eval[string](tb, working); got != "1 credit × $0.024" {
		t.Errorf("the cost of a clip of 1 credit is worked as %q, want %q", got, "1 credit × $0.024")
	}
	tb.AssertNoErrors()
}

// TestLogUnpricedAudio: a Sora 2 clip made with audio is logged with it.
// Sora 2 makes native audio at a price no source gives; its form had no
// Audio box, and filled in the silent clip's $0.80 as what it cost. Now
// ticked, the credits are left for the person to type, and the clip
// keeps its audio in storage and in the CSV file.
func TestLogUnpricedAudio(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: e2e.CaptureDownloads})
	tb.Open("/log")
	e2e.Pick(tb, "f-profile", "sora-api")
	e2e.Pick(tb, "f-model", "sora-2")
	tb.WaitFor("Sora 2's Audio box", `!!document.getElementById("f-audio") && document.getElementById("f-credits").value !== ""`, 10*time.Second)
	tb.Do("ticking Audio", chromedp.Click(chromedp.CSS(`label[for="f-audio"]`)))
	tb.WaitFor("the credits left to type", `document.getElementById("f-audio").checked && document.getElementById("f-credits").value === "" &&
		document.getElementById("f-credits-hint").textContent === "The price of Sora 2 with native audio is not published: type what the platform charged."`, 10*time.Second)
	e2e.TypeInto(tb, "f-credits", "1.2")
	tb.WaitFor("the cost typed", `document.getElementById("log-clip-cost").textContent.includes("$1.20")`, 10*time.Second)
	// Log another like this: the credits typed were this clip's; the
	// next clip's are left to type (they were kept, and logged unseen).
	e2e.SaveClip(tb, "log-save-again")
	if got := e2e.Eval[string](tb, `document.getElementById("f-audio").checked + " " + JSON.stringify(document.getElementById("f-credits").value)`); got != `true ""` {
		t.Errorf("the next clip: audio and credits %s, want audio ticked and no credits", got)
	}
	if got := e2e.Eval[string](tb, `document.getElementById("log-status-text").textContent`); !strings.HasSuffix(got, "Type the next clip's credits: the 1.2 typed were this clip's.") {
		t.Errorf("status %q", got)
	}
	id := e2e.LogIDs(tb)[0]
	if stored := e2e.Eval[string](tb, `localStorage.getItem("aivc.log.v1.e." + `+e2e.JSString(id)+`)`); !strings.Contains(stored, `"a":"audio"`) ||
		!strings.Contains(stored, `"m":"sora-2"`) {
		t.Errorf("the clip is stored without its audio: %s", stored)
	}
	if csv, _ := e2e.LastDownload(tb, "log-export-csv"); !strings.Contains(csv, ",sora-2,") || !strings.HasSuffix(csv, ",audio\r\n") {
		t.Errorf("the CSV file lost the audio:\n%s", csv)
	}
	tb.AssertNoErrors()
}

// TestLogIncludedAudio: a clip of a model priced with native audio (Kling
// 2.6 "with audio") says it had audio. Its form had no Audio box, so the
// clip could not. Now the box is there, ticked, "(in the price)"; the
// clip is stored with it, its row says so after a reload, and Edit shows
// it ticked.
func TestLogIncludedAudio(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")
	e2e.Pick(tb, "f-profile", "kling")
	e2e.Pick(tb, "f-model", "kling-2-6-standard")
	tb.WaitFor("Kling 2.6's Audio box, ticked", `!!document.getElementById("f-audio") && document.getElementById("f-audio").checked &&
		document.querySelector('label[for="f-audio"]').textContent === "Native audio (in the price)"`, 10*time.Second)
	e2e.SaveClip(tb, "log-save")
	id := e2e.LogIDs(tb)[0]
	if stored := e2e.Eval[string](tb, `localStorage.getItem("aivc.log.v1.e." + `+e2e.JSString(id)+`)`); !strings.Contains(stored, `"a":"audio"`) {
		t.Errorf("the clip is stored without its audio: %s", stored)
	}
	tb.Open("/log")
	row := `#log-table tr[data-entry-id="` + id + `"]`
	if th := e2e.Eval[string](tb, `document.querySelector('`+row+` th').textContent`); !strings.HasSuffix(th, " + native audio") {
		t.Errorf("after a reload the row says %q, not that the clip had audio", th)
	}
	tb.Do("pressing Edit", chromedp.Click(chromedp.CSS(row+" .log-edit")))
	tb.WaitFor("the form editing the clip, Audio ticked", `document.getElementById("log-editing") !== null && document.getElementById("f-audio").checked`, 10*time.Second)
	tb.AssertNoErrors()
}

// TestLogEditAddons: a clip logged with Luma's upscale comes back in
// Edit with Upscale ticked, and Save changes without a change leaves the
// stored clip as it was. Edit guessed the add-ons from the credits, so a
// clip whose credits were typed came back with others.
func TestLogEditAddons(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")
	e2e.Pick(tb, "f-profile", "luma")
	e2e.Pick(tb, "f-model", "ray-2")
	tb.WaitFor("Ray2's Upscale box", `!!document.getElementById("f-upscale")`, 10*time.Second)
	tb.Do("ticking Upscale", chromedp.Click(chromedp.CSS(`label[for="f-upscale"]`)))
	tb.WaitFor("the upscale in the credits", `document.getElementById("f-upscale").checked && document.getElementById("f-credits").value === "170"`, 10*time.Second)
	e2e.SaveClip(tb, "log-save")
	id := e2e.LogIDs(tb)[0]
	const record = `localStorage.getItem("aivc.log.v1.e." + %s)`
	stored := e2e.Eval[string](tb, fmt.Sprintf(record, e2e.JSString(id)))
	if !strings.Contains(stored, `"a":"upscale"`) {
		t.Errorf("the clip is stored without its upscale: %s", stored)
	}
	row := `#log-table tr[data-entry-id="` + id + `"]`
	tb.Do("pressing Edit", chromedp.Click(chromedp.CSS(row+" .log-edit")))
	tb.WaitFor("the form editing the clip", `document.getElementById("log-editing") !== null`, 10*time.Second)
	if got := e2e.Eval[string](tb, `document.getElementById("f-upscale").checked + " " + document.getElementById("f-credits").value`); got != "true 170" {
		t.Errorf("editing: Upscale ticked and credits %q, want true 170", got)
	}
	tb.Do("saving unchanged", chromedp.Click(chromedp.ID("log-save")))
	tb.WaitFor("the status", `document.getElementById("log-status").textContent.startsWith("Nothing was changed")`, 10*time.Second)
	if now := e2e.Eval[string](tb, fmt.Sprintf(record, e2e.JSString(id))); now != stored {
		t.Errorf("saved unchanged, the clip went from %s to %s", stored, now)
	}
	tb.AssertNoErrors()
}

// TestLogReplaceBack: a clip corrected in a file (its client) replaces the
// saved one, and Put back brings the saved one back. go-app kept Replace's
// handler for Put back (one button, handlers from one function literal):
// Put back said "Replaced 0 clips" and changed nothing.
func TestLogReplaceBack(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.SeedLog(tb, 3) // clips e2e000000…: clients Acme, none, Beta & Co
	tb.Open("/log")
	const file = "id,date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept,client\r\n" +
		"e2e000000,2025-01-01,runway,gen-4-turbo,5,25,USD,0.024,no,Acme Ltd\r\n"
	e2e.Upload(tb, "corrected.csv", file)
	tb.WaitFor("the offer to replace", `document.getElementById("log-replace")?.textContent === "Replace 1 saved clip with the file's version"`, 10*time.Second)
	clients := `[...document.querySelectorAll("#log-table tbody tr")].map(r => r.cells[9].textContent).sort().join("|")`
	tb.Do("replacing", chromedp.Click(chromedp.ID("log-replace")))
	tb.WaitFor("the file's client", clients+` === "|Acme Ltd|Beta & Co"`, 10*time.Second)
	tb.WaitFor("the offer to put it back", `document.getElementById("log-replace")?.textContent === "Put the replaced clip back as it was"`, 10*time.Second)
	tb.Do("putting it back", chromedp.Click(chromedp.ID("log-replace")))
	tb.WaitFor("the saved client back", clients+` === "|Acme|Beta & Co"`, 10*time.Second)
	if s := e2e.Eval[string](tb, `document.getElementById("log-status").textContent`); s != "Put back 1 clip as it was." {
		t.Errorf("status %q", s)
	}
	tb.AssertNoErrors()
}

// TestLogEditClip: a person corrects a clip's client with the keyboard:
// Edit on its row fills the form and takes the focus there, a reload keeps
// the edit, Save changes saves it in place (no second clip) and brings the
// focus back to the row's Edit, and a reload shows the change.
func TestLogEditClip(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.SeedLog(tb, 3) // clips e2e000000…: clients Acme, none, Beta & Co
	tb.Open("/log")
	const id = "e2e000000"
	row := `#log-table tr[data-entry-id="` + id + `"]`
	e2e.Eval[bool](tb, `(document.querySelector(`+e2e.JSString(row+" .log-edit")+`).focus(), true)`)
	tb.Do("pressing Edit", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the form editing the clip", `document.getElementById("log-editing") !== null && document.activeElement.id === "f-date"`, 10*time.Second)
	if v := e2e.Eval[string](tb, `document.getElementById("f-client").value`); v != "Acme" {
		t.Fatalf("the form's client %q, want Acme", v)
	}
	if !e2e.Eval[bool](tb, `document.querySelector(`+e2e.JSString(row)+`).classList.contains("log-editing-row")`) {
		t.Error("the row being edited is not marked")
	}
	e2e.TypeInto(tb, "f-client", "Acme Ltd")
	// A reload (the new version's, say) keeps the edit as it keeps a
	// half-typed clip.
	time.Sleep(300 * time.Millisecond)
	tb.Open("/log")
	tb.WaitFor("the edit back after a reload", `document.getElementById("log-editing") !== null && document.getElementById("f-client").value === "Acme Ltd"`, 10*time.Second)
	e2e.TypeInto(tb, "f-client", "Acme Ltd")
	tb.Do("saving with Enter", chromedp.KeyEvent(kb.Enter))
	client := `document.querySelector(` + e2e.JSString(row) + `)?.cells[9].textContent`
	tb.WaitFor("the new client in the row", client+` === "Acme Ltd"`, 10*time.Second)
	tb.WaitFor("the focus back on the row's Edit", `document.activeElement.matches(`+e2e.JSString(row+" .log-edit")+`)`, 5*time.Second)
	if n := len(e2e.LogIDs(tb)); n != 3 {
		t.Errorf("%d clips after the edit, want 3", n)
	}
	if s := e2e.Eval[string](tb, `document.getElementById("log-status").textContent`); !strings.HasPrefix(s, "Saved your changes: ") {
		t.Errorf("status %q", s)
	}
	if v := e2e.Eval[string](tb, `document.getElementById("f-client").value + "|" + document.getElementById("log-save").textContent`); v != "|Log clip" {
		t.Errorf("after the edit the form shows %q, want a new clip's", v)
	}
	tb.Open("/log")
	tb.WaitFor("the change kept", client+` === "Acme Ltd"`, 10*time.Second)
	tb.AssertNoErrors()
}

// TestRatesFollowTheLog: the euro rate typed on /log converts /compare's
// and /plan's euros too. They kept the bundled 0.86, so the same dollars
// were other euros there than in the log.
func TestRatesFollowTheLog(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	const cmpRow = `document.querySelector('#ranking tbody tr[data-model="runway/gen-4-turbo"]').dataset.costPerSecond`
	const planRow = `document.querySelector('#plan-table tr[data-platform="runway"]').dataset.monthlyCost`
	tb.Open("/compare#dur=5&res=720p&tier=fast&billing=monthly&platforms=runway")
	usd := e2e.Eval[string](tb, cmpRow)
	tb.Open("/plan#mix=broll:20:10:720p:fast:1")
	usdMonth := e2e.Eval[string](tb, planRow)

	tb.Open("/log")
	e2e.TypeInto(tb, "f-rate_EUR", "0.5")
	tb.WaitFor("the rate saved", `(localStorage.getItem("aivc.log.v1.settings") || "").includes('"EUR":"0.5"')`, 10*time.Second)

	half := func(s string) string {
		d, err := decimal.NewFromString(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return d.Mul(decimal.RequireFromString("0.5")).String()
	}
	tb.Open("/compare#dur=5&res=720p&tier=fast&billing=monthly&platforms=runway&cur=EUR")
	if got := e2e.Eval[string](tb, cmpRow); got != half(usd) {
		t.Errorf("/compare: Gen-4 Turbo €%s a second, $%s at the log's 0.5", got, usd)
	}
	tb.Open("/plan#mix=broll:20:10:720p:fast:1&cur=EUR")
	if got := e2e.Eval[string](tb, planRow); got != half(usdMonth) {
		t.Errorf("/plan: Runway's month €%s, $%s at the log's 0.5", got, usdMonth)
	}
	tb.AssertNoErrors()
}

// holdPersisted, run in a page before its scripts, makes the browser's
// answer to navigator.storage.persisted() wait until the page calls
// window.answerPersisted().
const holdPersisted = `(() => {
  const s = navigator.storage;
  if (!s || !s.persisted) return;
  const real = s.persisted.bind(s);
  let answer;
  const held = new Promise((resolve) => { answer = resolve; });
  window.answerPersisted = () => answer();
  s.persisted = () => held.then(real);
})();`

// TestLogKeepAnswerKeepsTyping: the browser's answer on keeping the log
// comes just after /log starts, and the block that says it appears above
// the exchange rates. A person typing a rate then kept the focus and every
// key: go-app rebuilt the section's children after the block, the rate's
// input too, and the keys typed after the answer went nowhere (CI: "waiting
// for the rate saved", TestRatesFollowTheLog, once, on a busy machine).
func TestLogKeepAnswerKeepsTyping(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: holdPersisted})
	tb.Open("/log")
	e2e.TypeInto(tb, "f-rate_EUR", "0.")
	e2e.Eval[bool](tb, `(window.answerPersisted(), true)`)
	tb.WaitFor("the browser's answer said", `((document.getElementById("log-keep-status") || {}).textContent || "").includes("may clear your log")`, 10*time.Second)
	tb.Do("typing the rate's last digit", chromedp.KeyEvent("5"))
	if got := e2e.Eval[string](tb, `(document.activeElement || {}).id || ""`); got != "f-rate_EUR" {
		t.Errorf("after the browser's answer the focus is on %q, want the rate's input", got)
	}
	if got := e2e.Eval[string](tb, `document.getElementById("f-rate_EUR").value`); got != "0.5" {
		t.Errorf("the rate's input holds %q, want 0.5", got)
	}
	tb.WaitFor("the rate saved", `(localStorage.getItem("aivc.log.v1.settings") || "").includes('"EUR":"0.5"')`, 10*time.Second)
	tb.AssertNoErrors()
}

// TestLogRowFocusOnReload: a clip logged in another tab, newer, comes
// first in the list while the focus is on a row's Edit: the focus stays on
// that clip's Edit. go-app keeps each row in its place and changes what it
// shows, and the focused Edit became the new clip's.
func TestLogRowFocusOnReload(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.SeedLog(tb, 2)
	tb.Open("/log")
	id := e2e.Eval[string](tb, `document.querySelector("#log-table tbody tr").dataset.entryId`)
	e2e.Eval[bool](tb, `(document.querySelector("#log-table tbody tr .log-edit").focus(), true)`)
	e2e.Eval[bool](tb, `(() => {
		const key = "aivc.log.v1.e.m7q16ps0-9f3a21bc04de";
		localStorage.setItem(key, JSON.stringify({d: "2026-11-01", p: "runway", pn: "Runway (app)", m: "gen-4", mn: "Gen-4",
			r: "720p", s: "5", c: "60", cu: "USD", pc: "0.024", k: true, t: "2026-11-01T10:00:00Z"}));
		window.dispatchEvent(new StorageEvent("storage", {key}));
		return true;
	})()`)
	tb.WaitFor("the other tab's clip first", `document.querySelector("#log-table tbody tr").dataset.entryId === "m7q16ps0-9f3a21bc04de"`, 10*time.Second)
	tb.WaitFor("the focus on the same clip's Edit", `document.activeElement.classList.contains("log-edit") && document.activeElement.closest("tr").dataset.entryId === `+e2e.JSString(id), 5*time.Second)
	tb.AssertNoErrors()
}

// TestLogKeep: /log says whether the browser may clear the log to free
// space, and asks it not to when the person presses the button; it says
// what the browser answered, puts the focus on that, and a reload reads
// the answer again without asking.
func TestLogKeep(t *testing.T) {
	t.Parallel()
	tb := e2e.NewTab(t, "")
	status := `(document.getElementById("log-keep-status") || {}).textContent || ""`
	// Each answer on a site of its own: Chromium's persisted() follows the
	// permission as soon as it is set.
	for _, c := range []struct {
		setting cdpbrowser.PermissionSetting
		answer  string
	}{
		{cdpbrowser.PermissionSettingDenied, "did not agree"},
		{cdpbrowser.PermissionSettingGranted, "has agreed to keep your log"},
	} {
		srv := e2e.NewServer(t)
		tb.Base = srv.URL
		tb.Open("/log")
		tb.WaitFor("the log's storage said best effort", fmt.Sprintf(`(%s).includes("may clear your log")`, status), 10*time.Second)
		if _, err := chromedp.CallBrowser(tb.Ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: "persistent-storage"},
			Setting:    c.setting,
			Origin:     srv.URL,
		}); err != nil {
			t.Fatalf("setting persistent-storage to %s: %v", c.setting, err)
		}
		tb.Do("asking the browser to keep the log", chromedp.Click(chromedp.ID("log-keep")))
		tb.WaitFor("the browser's answer", fmt.Sprintf(`(%s).includes(%q)`, status, c.answer), 10*time.Second)
		if got := e2e.Eval[string](tb, `document.activeElement.id`); got != "log-keep-status" {
			t.Errorf("%s: after the answer the focus is on %q, want the status", c.setting, got)
		}
	}
	tb.Open("/log")
	tb.WaitFor("kept, read again", fmt.Sprintf(`(%s).includes("has agreed")`, status), 10*time.Second)
	if e2e.Eval[bool](tb, `!!document.getElementById("log-keep")`) {
		t.Errorf("the log is kept, and the page still offers to ask")
	}
	tb.AssertNoErrors()
}

// TestLogPlansByKeyboard: My plans by keyboard alone and as a screen reader
// hears it. Each field of the page has a name of its own: there were three
// pickers called "Platform" (the clip's, the filter's and the plan's), and
// a Project and a Client both typed and picked. Two plans saved, each
// Remove pressed with Enter puts the focus on the plan that takes its
// place, then on the form below the list: it fell to <body>, and the next
// Tab started from the top of the page.
func TestLogPlansByKeyboard(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")

	seen := map[string]int{}
	for _, n := range e2e.AXNodes(tb) {
		switch n.Role {
		case "combobox", "textbox", "searchbox", "spinbutton", "checkbox", "radio":
			seen[n.Name]++
		}
	}
	for name, n := range seen {
		if n > 1 || name == "" {
			t.Errorf("%d fields of /log are named %q", n, name)
		}
	}

	// From the platform picker of My plans: a letter picks a platform,
	// Tab goes on to Save plan, Enter saves it.
	plan := func(letter string) string {
		t.Helper()
		e2e.Eval[bool](tb, `(document.getElementById("f-plan_profile").focus(), true)`)
		if got := e2e.FocusedAX(tb); got.Role != "combobox" || got.Name != "Platform of your plan" {
			t.Errorf("My plans' platform is heard as %s", got)
		}
		tb.Do("picking a platform", chromedp.KeyEvent(letter))
		tb.WaitFor("its plans", `document.getElementById("f-plan")?.options.length > 0`, 10*time.Second)
		id := e2e.Eval[string](tb, `document.getElementById("f-plan_profile").value`)
		e2e.TabTo(tb, "#log-plan-save", 5)
		tb.Do("saving the plan", chromedp.KeyEvent(kb.Enter))
		tb.WaitFor("the plan listed", `!!document.querySelector('#log-plan-list li[data-profile="`+id+`"]')`, 10*time.Second)
		return id
	}
	first, second := plan("p"), plan("s")
	if first == second {
		t.Fatalf("both letters picked %s", first)
	}
	order := e2e.Eval[[]string](tb, `[...document.querySelectorAll("#log-plan-list li")].map((li) => li.dataset.profile)`)
	if len(order) != 2 {
		t.Fatalf("plans listed: %v", order)
	}
	e2e.Eval[bool](tb, `(document.querySelector("#log-plan-list li button").focus(), true)`)
	if got := e2e.FocusedAX(tb); !strings.HasPrefix(got.Name, "Remove: ") || got.Name == "Remove: " {
		t.Errorf("a plan's Remove is heard as %s", got)
	}
	tb.Do("removing the first plan", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("one plan left", `document.querySelectorAll("#log-plan-list li").length === 1`, 10*time.Second)
	tb.WaitFor("the focus on the Remove of the plan left", `document.activeElement.matches('#log-plan-list li[data-profile="`+order[1]+`"] button')`, 5*time.Second)
	tb.Do("removing the other", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("no plan left", `document.querySelectorAll("#log-plan-list li").length === 0`, 10*time.Second)
	tb.WaitFor("the focus on the plan form", `document.activeElement.id === "f-plan_profile"`, 5*time.Second)
	if got := e2e.Eval[string](tb, `document.getElementById("log-status").textContent`); !strings.Contains(got, "Removed your plan") {
		t.Errorf("the status says %q after the plans were removed", got)
	}
	tb.AssertNoErrors()
}

// TestLogMoreByKeyboard: "Show … more" pressed with Enter puts the focus on
// the first clip it shows, whose Edit names it, while the button stays and
// once it goes with the last clips: it fell to <body> then, and the next
// Tab started from the top of the page.
func TestLogMoreByKeyboard(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.SeedLog(tb, 250)
	tb.Open("/log")
	for _, shown := range []int{100, 200} {
		e2e.Eval[bool](tb, `(document.getElementById("log-more").focus(), true)`)
		tb.Do("showing more", chromedp.KeyEvent(kb.Enter))
		tb.WaitFor("more rows", fmt.Sprintf(`document.querySelectorAll("#log-table tr[data-entry-id]").length > %d`, shown), 10*time.Second)
		tb.WaitFor("the focus on the first row shown", fmt.Sprintf(`document.activeElement.matches("#log-table tbody tr:nth-child(%d) .log-edit")`, shown+1), 5*time.Second)
		if got := e2e.FocusedAX(tb); !strings.HasPrefix(got.Name, fmt.Sprintf("Edit row %d: ", shown+1)) {
			t.Errorf("after Show more, the focus is heard as %s", got)
		}
	}
	if e2e.Eval[bool](tb, `!!document.getElementById("log-more")`) {
		t.Error("Show more is still there with every clip shown")
	}
	tb.AssertNoErrors()
}

// TestRateTypingSurvivesOtherTab: an exchange rate half-typed on /log ("0.",
// not yet a rate, so not saved) or typed in a form of its own ("0.90",
// saved as 0.9) stays as typed when another tab logs a clip. The other
// tab's change read the saved rates back into every rate's field: "0."
// became the saved rate under the person's caret, and "0.90" became "0.9".
func TestRateTypingSurvivesOtherTab(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	a := e2e.NewTab(t, srv.URL)
	b := e2e.NewTab(t, srv.URL)
	a.Open("/log")
	b.Open("/log")
	e2e.TypeInto(a, "f-rate_GBP", "0.90")
	a.WaitFor("the GBP rate saved", `(localStorage.getItem("aivc.log.v1.settings") || "").includes('"GBP":"0.9"')`, 10*time.Second)
	e2e.TypeInto(a, "f-rate_EUR", "0.")
	a.WaitFor("the EUR rate's message", `document.getElementById("f-rate_EUR").getAttribute("aria-invalid") === "true"`, 5*time.Second)

	e2e.FillClip(b, e2e.LogClip{Note: "from tab B"})
	e2e.SaveClip(b, "log-save")
	a.WaitFor("tab B's clip in tab A", `document.querySelectorAll("#log-table tr[data-entry-id]").length === 1`, 10*time.Second)
	time.Sleep(300 * time.Millisecond) // the reload's deferred field updates
	for id, want := range map[string]string{"f-rate_EUR": "0.", "f-rate_GBP": "0.90"} {
		if got := e2e.Eval[string](a, `document.getElementById("`+id+`").value`); got != want {
			t.Errorf("after tab B logged a clip, #%s holds %q, want %q as typed", id, got, want)
		}
	}
	if got := e2e.Eval[string](a, `document.activeElement.id`); got != "f-rate_EUR" {
		t.Errorf("the focus is on %q, want the EUR rate", got)
	}
	a.Do("typing on", chromedp.KeyEvent("5"))
	a.WaitFor("the EUR rate saved as typed", `(localStorage.getItem("aivc.log.v1.settings") || "").includes('"EUR":"0.5"')`, 10*time.Second)
	a.AssertNoErrors()
	b.AssertNoErrors()
}

// TestRatesKeepTheirPlaces: a rate being typed on /log keeps the focus and
// its keys when another tab imports clips in a currency that sorts before
// it. The rates were sorted anew on every change, so the field under the
// caret became the new currency's (the same input, another id), and the
// next key went into that rate.
func TestRatesKeepTheirPlaces(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	a := e2e.NewTab(t, srv.URL)
	b := e2e.NewTab(t, srv.URL)
	const header = "id,date,profile_id,profile,plan_id,model_id,model,res,seconds,credits,currency,price_per_credit,cost,kept,project,client,note,created,updated,addons\n"
	clip := func(id, cur string) string {
		return header + id + ",2025-01-01,runway,Runway (app),standard,gen4_turbo,Gen-4 Turbo,720p,5,25," + cur + ",0.1,2.5,yes,,,,2025-01-01T10:00:00Z,2025-01-01T10:00:00Z,\n"
	}
	a.Open("/log")
	e2e.Upload(a, "sek.csv", clip("sek00001", "SEK"))
	a.WaitFor("the SEK rate", `!!document.getElementById("f-rate_SEK")`, 10*time.Second)
	b.Open("/log")
	e2e.TypeInto(a, "f-rate_SEK", "1")

	e2e.Upload(b, "cad.csv", clip("cad00001", "CAD"))
	a.WaitFor("the CAD rate in tab A", `!!document.getElementById("f-rate_CAD")`, 10*time.Second)
	if got := e2e.Eval[string](a, `document.activeElement.id`); got != "f-rate_SEK" {
		t.Errorf("after tab B's import the focus is on %q, want the SEK rate", got)
	}
	a.Do("typing on", chromedp.KeyEvent("0"))
	a.WaitFor("SEK at 10", `(localStorage.getItem("aivc.log.v1.settings") || "").includes('"SEK":"10"')`, 10*time.Second)
	if got := e2e.Eval[string](a, `document.getElementById("f-rate_CAD").value`); got == "10" || got == "0" || got == "10.0" {
		t.Errorf("the CAD rate holds %q, typed for SEK", got)
	}
	a.AssertNoErrors()
	b.AssertNoErrors()
}

// TestLogImportShowsResult: a file chosen at the foot of /log brings its
// result into sight. The summary ("Read clips.csv as CSV. Imported 2
// clips.") is above the list, 1,600 px above the import field on a
// desktop: the field emptied and nothing near it changed, as if the file
// had done nothing. The focus goes to the summary, or, where the file
// corrects saved clips, to the offer to replace them, under the field.
func TestLogImportShowsResult(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 800, DeviceScaleFactor: 1})
	tb.Open("/log")
	const header = "id,date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept,project,client\r\n"
	inSight := func(when, id string) {
		t.Helper()
		tb.WaitFor(when+": the focus on #"+id, `document.activeElement && document.activeElement.id === "`+id+`"`, 10*time.Second)
		if !e2e.Eval[bool](tb, `(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`) {
			t.Errorf("%s: #%s is out of sight", when, id)
		}
	}
	chooseAtFoot := func(name, text string) {
		t.Helper()
		e2e.Eval[bool](tb, `(document.getElementById("log-import").scrollIntoView({block: "center"}), document.getElementById("log-import").focus(), true)`)
		e2e.Upload(tb, name, text)
	}
	chooseAtFoot("clips.csv", header+
		"e2e-a,2026-11-02,runway,gen-4-turbo,10,50,USD,0.024,yes,Promo,Acme\r\n"+
		"e2e-b,2026-11-03,luma,ray-2-flash,5,55,USD,0.003121875,yes,Teaser,Bolt\r\n")
	tb.WaitFor("the import's summary", `document.getElementById("log-status").textContent.includes("Imported 2 clips")`, 10*time.Second)
	inSight("imported", "log-status")

	chooseAtFoot("corrected.csv", header+"e2e-a,2026-11-02,runway,gen-4-turbo,10,50,USD,0.024,yes,Promo,Acme Ltd\r\n")
	tb.WaitFor("the offer to replace", `!!document.getElementById("log-replace")`, 10*time.Second)
	inSight("a saved clip corrected", "log-replace")
	tb.AssertNoErrors()
}

// frozenClock fixes the page's clock (Go's time.Now reads Date), so that
// two exports made at different moments carry the same date.
const frozenClock = `(() => {
  const fixed = Date.UTC(2025, 2, 1, 10, 0, 0);
  const D = Date;
  class Frozen extends D {
    constructor(...a) { if (a.length === 0) { super(fixed); } else { super(...a); } }
    static now() { return fixed; }
  }
  window.Date = Frozen;
})();`
