package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestWrongUnitRefused: a person types "$5" in a credits field, which was
// read as 5 credits. The calculator says which field is in credits, shows
// no result as current (not the guide's, not one of 5 credits), and reads
// "50 credits" as 50; on /log the clip is not logged, its cost is not
// shown, and the clip already saved stays, through a reload.
func TestWrongUnitRefused(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tb := newTab(t, srv.URL)

	tb.open("/")
	waitResults(tb, "the guide's example", guideResults)
	const clipMsg = "Credits per clip is in credits, not money: type the number alone."
	typeInto(tb, "f-clip", "$5")
	tb.waitFor("the message beside Credits per clip", fmt.Sprintf(
		`document.getElementById("f-clip-msg").textContent.trim() === %q`, clipMsg), 10*time.Second)
	if v := eval[string](tb, `document.getElementById("f-clip").getAttribute("aria-invalid") || ""`); v != "true" {
		t.Errorf("the field's aria-invalid is %q", v)
	}
	for id, r := range calcResults(tb) {
		if r.Value != nil || r.Text != "—" {
			// (a data-value is a current result's number)
			t.Errorf("$5 as credits per clip: #%s shows %q with a data-value", id, r.Text)
		}
	}
	if s := eval[string](tb, `document.getElementById("calc-status").textContent`); !strings.Contains(s, "not current") || !strings.Contains(s, clipMsg) {
		t.Errorf("status %q", s)
	}
	assertNoBadNumbers(tb)
	typeInto(tb, "f-clip", "50 credits")
	waitResults(tb, "50 credits", guideResults)
	if m := eval[string](tb, `document.getElementById("f-clip-msg").textContent`); m != "" {
		t.Errorf("50 credits: message %q", m)
	}

	// /log: one clip saved, then "$5" typed as the next one's credits.
	tb.open("/log")
	fillClip(tb, logClip{model: "gen-4-turbo", dur: "10"})
	saveClip(tb, "log-save-again")
	const creditsMsg = "Credits used is in credits, not money: type the number alone."
	typeInto(tb, "f-credits", "$5")
	tb.waitFor("the message beside Credits used", fmt.Sprintf(
		`document.getElementById("f-credits-msg").textContent.trim() === %q`, creditsMsg), 10*time.Second)
	if v := totalValue(tb, "log-clip-cost"); v != "" {
		t.Errorf("$5 as credits: the clip's cost shows data-value %q", v)
	}
	tb.do("trying to log the clip", chromedp.Click(chromedp.ID("log-save")))
	time.Sleep(300 * time.Millisecond)
	if costs := logCosts(tb); strings.Join(costs, " ") != "1.2" {
		t.Errorf("after logging $5 as credits: rows %v, want the one saved [1.2]", costs)
	}
	tb.open("/log")
	if costs := logCosts(tb); strings.Join(costs, " ") != "1.2" {
		t.Errorf("after a reload: rows %v, want the one saved [1.2]", costs)
	}
	tb.assertNoErrors()
}

// TestRateOtherCurrencyRefused: a person types "$0.5" in /log's "1 USD in
// EUR", which was saved as 0.5 euros for a dollar. The field says what the
// rate is in, the saved rate stays, and "€0.5" is read as 0.5.
func TestRateOtherCurrencyRefused(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tb := newTab(t, srv.URL)
	tb.open("/log")
	const msg = "1 USD in EUR is in EUR (what 1 USD buys), not USD: type the number alone."
	typeInto(tb, "f-rate_EUR", "$0.5")
	tb.waitFor("the message beside 1 USD in EUR", fmt.Sprintf(
		`document.getElementById("f-rate_EUR-msg").textContent.trim() === %q`, msg), 10*time.Second)
	if v := eval[string](tb, `document.getElementById("f-rate_EUR").getAttribute("aria-invalid") || ""`); v != "true" {
		t.Errorf("the field's aria-invalid is %q", v)
	}
	if s := eval[string](tb, `localStorage.getItem("aivc.log.v1.settings") || ""`); strings.Contains(s, `"EUR":"0.5"`) {
		t.Errorf("$0.5 was saved as the euro's rate: %s", s)
	}
	typeInto(tb, "f-rate_EUR", "€0.5")
	tb.waitFor("€0.5 saved", `(localStorage.getItem("aivc.log.v1.settings") || "").includes('"EUR":"0.5"')`, 10*time.Second)
	tb.waitFor("€0.5's message gone", `document.getElementById("f-rate_EUR-msg").textContent.trim() === ""`, 10*time.Second)
	tb.assertNoErrors()
}
