package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
)

// LogClip is what a test types into "Log a clip".
type LogClip struct {
	Model, Dur, Credits, Project, Note string
	Rejected                           bool
}

// FillClip types a clip into the form, as a person would, without saving.
func FillClip(tb *Tab, c LogClip) {
	tb.T.Helper()
	if c.Model != "" {
		Pick(tb, "f-model", c.Model)
		tb.WaitFor("the model's defaults", `document.getElementById("f-model").value === `+JSString(c.Model), 10*time.Second)
		time.Sleep(100 * time.Millisecond)
	}
	if c.Dur != "" {
		TypeInto(tb, "f-dur", c.Dur)
	}
	if c.Credits != "" {
		time.Sleep(100 * time.Millisecond) // the duration's credits first
		TypeInto(tb, "f-credits", c.Credits)
	}
	if c.Project != "" {
		TypeInto(tb, "f-project", c.Project)
	}
	if c.Note != "" {
		TypeInto(tb, "f-note", c.Note)
	}
	radio := "r-kept-yes"
	if c.Rejected {
		radio = "r-kept-no"
	}
	tb.Do("choosing kept or rejected", chromedp.Click(chromedp.ID(radio)))
	time.Sleep(150 * time.Millisecond)
}

// SaveClip logs a clip with "Log another like this" (button is the id of
// the save button) and waits until the list shows it.
func SaveClip(tb *Tab, button string) {
	tb.T.Helper()
	n := len(LogCosts(tb))
	tb.Do("saving the clip", chromedp.Click(chromedp.ID(button)))
	tb.WaitFor("the clip in the list", fmt.Sprintf(`document.querySelectorAll("#log-table tr[data-entry-id]").length === %d`, n+1), 10*time.Second)
}

// LogCosts returns the data-cost of every row of the list, in order.
func LogCosts(tb *Tab) []string {
	tb.T.Helper()
	return Eval[[]string](tb, `Array.from(document.querySelectorAll("#log-table tr[data-entry-id]"), r => r.dataset.cost)`)
}

// LogIDs returns the data-entry-id of every row, sorted.
func LogIDs(tb *Tab) []string {
	tb.T.Helper()
	return Eval[[]string](tb, `Array.from(document.querySelectorAll("#log-table tr[data-entry-id]"), r => r.dataset.entryId).sort()`)
}

// TotalValue returns the data-value of a total.
func TotalValue(tb *Tab, id string) string {
	tb.T.Helper()
	return Eval[string](tb, fmt.Sprintf(`(document.getElementById(%s) || {dataset: {}}).dataset.value || ""`, JSString(id)))
}

// CaptureDownloads keeps every Blob the page makes a URL for, and the name
// of every file the page downloads.
const CaptureDownloads = `(() => {
  window.__blobs = [];
  window.__downloads = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = (b) => { window.__blobs.push(b); return create.call(URL, b); };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) { window.__downloads.push(this.download); }
    return click.call(this);
  };
})();`

// LastDownload returns the text and name of the last file the page
// downloaded, after clicking the button with id.
func LastDownload(tb *Tab, button string) (text, name string) {
	tb.T.Helper()
	n := Eval[int](tb, `window.__blobs.length`)
	tb.Do("exporting", chromedp.Click(chromedp.ID(button)))
	tb.WaitFor("the download", fmt.Sprintf(`window.__blobs.length === %d`, n+1), 10*time.Second)
	return Eval[string](tb, `window.__blobs[window.__blobs.length - 1].text()`),
		Eval[string](tb, `window.__downloads[window.__downloads.length - 1] || ""`)
}

// Upload gives the file input #log-import a file with text.
func Upload(tb *Tab, name, text string) {
	tb.T.Helper()
	path := filepath.Join(tb.T.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		tb.T.Fatal(err)
	}
	tb.Do("choosing "+name, chromedp.SetUploadFiles(chromedp.ID("log-import"), []string{path}))
}

// Seed writes keys and values into the page's localStorage, in batches.
func Seed(tb *Tab, kv map[string]string) {
	tb.T.Helper()
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for len(keys) > 0 {
		n := min(len(keys), 2000)
		batch := map[string]string{}
		for _, k := range keys[:n] {
			batch[k] = kv[k]
		}
		keys = keys[n:]
		js, _ := json.Marshal(batch)
		Eval[bool](tb, `(o => { for (const [k, v] of Object.entries(o)) localStorage.setItem(k, v); return true; })(`+string(js)+`)`)
	}
}

// Clips returns n valid Clips of Runway's Gen-4 Turbo.
func Clips(n int) []cliplog.Entry {
	projects := []string{"Acme launch", "Blog", "", "Café Noël", "=SUM(A1)"}
	clients := []string{"Acme", "", "Beta & Co"}
	out := make([]cliplog.Entry, n)
	for i := range out {
		date := fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28)
		out[i] = cliplog.Entry{
			ID: fmt.Sprintf("e2e%06d", i), Date: date, ProfileID: "runway", ProfileName: "Runway (app)",
			PlanID: "standard", ModelID: "gen-4-turbo", ModelName: "Gen-4 Turbo", Res: pricing.Res720p,
			Seconds: decimal.NewFromInt(int64(5 + 5*(i%2))), Credits: decimal.NewFromInt(int64(25 + 25*(i%2))),
			PricePerCredit: pricing.NewMoney(decimal.RequireFromString("0.024"), pricing.USD), Kept: i%3 != 0,
			Project: projects[i%len(projects)], Client: clients[i%len(clients)], Created: date + "T10:00:00Z",
		}.Derive()
	}
	return out
}

// SeedLog opens the site in tb and writes a clip log of n clips (LogStore)
// into its localStorage.
func SeedLog(tb *Tab, n int) {
	tb.T.Helper()
	stored := LogStore(tb.T, n).Snapshot()
	tb.Open("/")
	Seed(tb, stored)
}

// LogStore returns a store holding a clip log of n clips, written by
// cliplog as the app writes it.
func LogStore(t testing.TB, n int) *cliplog.MemStore {
	t.Helper()
	s := cliplog.NewMemStore()
	l, _, err := cliplog.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range Clips(n) {
		if _, err := l.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	return s
}
