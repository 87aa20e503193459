package hostile

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/e2e"
	"github.com/chromedp/chromedp"
)

// TestWrongUnitRefused: a person types "$5" in a credits field, which was
// read as 5 credits. The calculator says which field is in credits, shows
// no result as current (not the guide's, not one of 5 credits), and reads
// "50 credits" as 50; on /log the clip is not logged, its cost is not
// shown, and the clip already saved stays, through a reload.
func TestWrongUnitRefused(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)

	tb.Open("/")
	e2e.WaitResults(tb, "the guide's example", e2e.GuideResults)
	const clipMsg = "Credits per clip is in credits, not money: type the number alone."
	e2e.TypeInto(tb, "f-clip", "$5")
	tb.WaitFor("the message beside Credits per clip", fmt.Sprintf(
		`document.getElementById("f-clip-msg").textContent.trim() === %q`, clipMsg), 10*time.Second)
	if v := e2e.Eval[string](tb, `document.getElementById("f-clip").getAttribute("aria-invalid") || ""`); v != "true" {
		t.Errorf("the field's aria-invalid is %q", v)
	}
	for id, r := range e2e.CalcResults(tb) {
		if r.Value != nil || r.Text != "—" {
			// (a data-value is a current result's number)
			t.Errorf("$5 as credits per clip: #%s shows %q with a data-value", id, r.Text)
		}
	}
	if s := e2e.Eval[string](tb, `document.getElementById("calc-status").textContent`); !strings.Contains(s, "not current") || !strings.Contains(s, clipMsg) {
		t.Errorf("status %q", s)
	}
	e2e.AssertNoBadNumbers(tb)
	e2e.TypeInto(tb, "f-clip", "50 credits")
	e2e.WaitResults(tb, "50 credits", e2e.GuideResults)
	if m := e2e.Eval[string](tb, `document.getElementById("f-clip-msg").textContent`); m != "" {
		t.Errorf("50 credits: message %q", m)
	}

	// /log: one clip saved, then "$5" typed as the next one's credits.
	tb.Open("/log")
	e2e.FillClip(tb, e2e.LogClip{Model: "gen-4-turbo", Dur: "10"})
	e2e.SaveClip(tb, "log-save-again")
	const creditsMsg = "Credits used is in credits, not money: type the number alone."
	e2e.TypeInto(tb, "f-credits", "$5")
	tb.WaitFor("the message beside Credits used", fmt.Sprintf(
		`document.getElementById("f-credits-msg").textContent.trim() === %q`, creditsMsg), 10*time.Second)
	if v := e2e.TotalValue(tb, "log-clip-cost"); v != "" {
		t.Errorf("$5 as credits: the clip's cost shows data-value %q", v)
	}
	tb.Do("trying to log the clip", chromedp.Click(chromedp.ID("log-save")))
	time.Sleep(300 * time.Millisecond)
	if costs := e2e.LogCosts(tb); strings.Join(costs, " ") != "1.2" {
		t.Errorf("after logging $5 as credits: rows %v, want the one saved [1.2]", costs)
	}
	tb.Open("/log")
	if costs := e2e.LogCosts(tb); strings.Join(costs, " ") != "1.2" {
		t.Errorf("after a reload: rows %v, want the one saved [1.2]", costs)
	}
	tb.AssertNoErrors()
}

// TestRateOtherCurrencyRefused: a person types "$0.5" in /log's "1 USD in
// EUR", which was saved as 0.5 euros for a dollar. The field says what the
// rate is in, the saved rate stays, and "€0.5" is read as 0.5.
func TestRateOtherCurrencyRefused(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")
	const msg = "1 USD in EUR is in EUR (what 1 USD buys), not USD: type the number alone."
	e2e.TypeInto(tb, "f-rate_EUR", "$0.5")
	tb.WaitFor("the message beside 1 USD in EUR", fmt.Sprintf(
		`document.getElementById("f-rate_EUR-msg").textContent.trim() === %q`, msg), 10*time.Second)
	if v := e2e.Eval[string](tb, `document.getElementById("f-rate_EUR").getAttribute("aria-invalid") || ""`); v != "true" {
		t.Errorf("the field's aria-invalid is %q", v)
	}
	if s := e2e.Eval[string](tb, `localStorage.getItem("aivc.log.v1.settings") || ""`); strings.Contains(s, `"EUR":"0.5"`) {
		t.Errorf("$0.5 was saved as the euro's rate: %s", s)
	}
	e2e.TypeInto(tb, "f-rate_EUR", "€0.5")
	tb.WaitFor("€0.5 saved", `(localStorage.getItem("aivc.log.v1.settings") || "").includes('"EUR":"0.5"')`, 10*time.Second)
	tb.WaitFor("€0.5's message gone", `document.getElementById("f-rate_EUR-msg").textContent.trim() === ""`, 10*time.Second)
	tb.AssertNoErrors()
}
