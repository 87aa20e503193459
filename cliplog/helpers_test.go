package cliplog

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func money(amount string, c pricing.Currency) pricing.Money { return pricing.NewMoney(d(amount), c) }

// mk returns a valid entry; fields are overridden by the caller.
func mk(id, date string, secs, credits, price string, cur pricing.Currency, kept bool) Entry {
	return Entry{
		ID: id, Date: date, ProfileID: "runway", ProfileName: "Runway (app)", PlanID: "standard",
		ModelID: "gen4_turbo", ModelName: "Gen-4 Turbo", Res: pricing.Res720p,
		Seconds: d(secs), Credits: d(credits), PricePerCredit: money(price, cur), Kept: kept,
		Created: date + "T10:00:00Z",
	}.Derive()
}

// sample returns n varied entries.
func sample(n int) []Entry {
	projects := []string{"Acme launch", "Blog", "", "=SUM(A1)", "Café Noël"}
	clients := []string{"Acme", "", "Beta & Co", "-minus"}
	curs := []pricing.Currency{pricing.USD, pricing.EUR, pricing.GBP}
	out := make([]Entry, n)
	for i := range out {
		e := mk(fmt.Sprintf("id%06d", i), fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28),
			[]string{"5", "10", "8.5"}[i%3], []string{"25", "50", "42.5", "0"}[i%4],
			[]string{"0.012", "0.01", "0.0333333333333333"}[i%3], curs[i%3], i%3 != 0)
		e.ProfileID = []string{"runway", "kling", "veo"}[i%3]
		e.ModelID = []string{"gen4_turbo", "kling21", "veo3"}[(i/3)%3]
		e.Project = projects[i%len(projects)]
		e.Client = clients[i%len(clients)]
		if i%7 == 0 {
			e.Note = "line one\nline \"two\", with comma"
		}
		if i%11 == 0 {
			e.Updated = "2025-12-31T23:59:59Z"
		}
		if i%5 == 2 { // logged with add-ons ticked
			e.Addons = []pricing.AddonKind{pricing.AddonAudio, pricing.AddonUpscale}
		}
		out[i] = e.Derive()
	}
	return out
}

// openLog opens a log over s and fails the test on error.
func openLog(t testing.TB, s Store) *Log {
	t.Helper()
	l, _, err := Open(s)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return l
}

func addAll(t testing.TB, l *Log, es []Entry) {
	t.Helper()
	for _, e := range es {
		if _, err := l.Add(e); err != nil {
			t.Fatalf("Add(%s): %v", e.ID, err)
		}
	}
}

func sameMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
