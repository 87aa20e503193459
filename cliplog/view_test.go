package cliplog

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

// rates: 1 USD = 0.86 EUR = 0.76 GBP.
var testRates = pricing.Rates{Base: pricing.USD, Per: map[pricing.Currency]decimal.Decimal{
	pricing.EUR: d("0.86"), pricing.GBP: d("0.76"),
}}

func TestTotal(t *testing.T) {
	a := mk("a", "2025-03-01", "10", "50", "0.012", pricing.USD, true)   // $0.6
	b := mk("b", "2025-03-02", "10", "50", "0.012", pricing.USD, false)  // $0.6
	c := mk("c", "2025-03-03", "5", "100", "0.0086", pricing.EUR, true)  // €0.86 = $1
	g := mk("g", "2025-04-01", "8.5", "10", "0.076", pricing.GBP, false) // £0.76 = $1
	tests := []struct {
		name                    string
		es                      []Entry
		display                 pricing.Currency
		spent, perKept          string // perKept "" when none is kept
		count, kept             int
		secsGenerated, secsKept string
		byCurrency              []string
	}{
		{"empty", nil, pricing.USD, "0", "", 0, 0, "0", "0", nil},
		{"one kept", []Entry{a}, pricing.USD, "0.6", "0.06", 1, 1, "10", "10", []string{"0.6 USD"}},
		{"kept and rejected", []Entry{a, b}, pricing.USD, "1.2", "0.12", 2, 1, "20", "10", []string{"1.2 USD"}},
		{"nothing kept", []Entry{b}, pricing.USD, "0.6", "", 1, 0, "10", "0", []string{"0.6 USD"}},
		// Each currency is summed exactly, then converted once.
		{"USD and EUR shown in USD", []Entry{a, c}, pricing.USD, "1.6", "0.1066666666666667", 2, 2, "15", "15", []string{"0.86 EUR", "0.6 USD"}},
		{"USD and EUR shown in EUR", []Entry{a, c}, pricing.EUR, "1.376", "0.0917333333333333", 2, 2, "15", "15", []string{"0.86 EUR", "0.6 USD"}},
		{"three currencies in GBP", []Entry{a, b, c, g}, pricing.GBP, "2.432", "0.1621333333333333", 4, 2, "33.5", "15", []string{"0.86 EUR", "0.76 GBP", "1.2 USD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Total(tt.es, tt.display, testRates)
			if err != nil {
				t.Fatal(err)
			}
			if pricing.Exact(got.Spent.Amount) != tt.spent || got.Spent.Currency != tt.display {
				t.Errorf("Spent = %s %s, want %s %s", pricing.Exact(got.Spent.Amount), got.Spent.Currency, tt.spent, tt.display)
			}
			if got.HasCostPerKeptSecond != (tt.perKept != "") {
				t.Errorf("HasCostPerKeptSecond = %v", got.HasCostPerKeptSecond)
			}
			if tt.perKept != "" && pricing.Exact(got.CostPerKeptSecond.Amount) != tt.perKept {
				t.Errorf("CostPerKeptSecond = %s, want %s", pricing.Exact(got.CostPerKeptSecond.Amount), tt.perKept)
			}
			if got.Count != tt.count || got.KeptCount != tt.kept {
				t.Errorf("Count, KeptCount = %d, %d", got.Count, got.KeptCount)
			}
			if pricing.Exact(got.SecondsGenerated) != tt.secsGenerated || pricing.Exact(got.SecondsKept) != tt.secsKept {
				t.Errorf("seconds = %s, %s", got.SecondsGenerated, got.SecondsKept)
			}
			var by []string
			for _, m := range got.ByCurrency {
				by = append(by, pricing.Exact(m.Amount)+" "+string(m.Currency))
			}
			if len(by) != len(tt.byCurrency) {
				t.Fatalf("ByCurrency = %v, want %v", by, tt.byCurrency)
			}
			for i := range by {
				if by[i] != tt.byCurrency[i] {
					t.Errorf("ByCurrency = %v, want %v", by, tt.byCurrency)
				}
			}
		})
	}
}

// The GBP case above, worked by hand: $1.2 → £0.912; €0.86 → £0.76; £0.76.
// Spent £2.432 ÷ 15 kept seconds = £0.16213333…

func TestTotalMissingRate(t *testing.T) {
	es := []Entry{
		mk("a", "2025-03-01", "10", "50", "0.012", pricing.USD, true),
		mk("j", "2025-03-01", "10", "50", "2", "JPY", true),
	}
	got, err := Total(es, pricing.EUR, testRates)
	if !errors.Is(err, pricing.ErrCurrency) {
		t.Fatalf("err = %v, want ErrCurrency", err)
	}
	if !got.Spent.Amount.IsZero() || got.HasCostPerKeptSecond || got.Count != 2 || len(got.ByCurrency) != 2 {
		t.Errorf("totals with a missing rate: %+v", got)
	}
}

func TestFilter(t *testing.T) {
	es := sample(60)
	tests := []struct {
		name string
		f    Filter
		want int
	}{
		{"all", Filter{}, 60},
		{"all, said", Filter{Kept: KeptAll}, 60},
		{"kept", Filter{Kept: KeptOnly}, 40},
		{"rejected", Filter{Kept: RejectedOnly}, 20},
		{"project", Filter{Project: "Acme launch"}, 12},
		{"client", Filter{Client: "Acme"}, 15},
		{"profile", Filter{ProfileID: "kling"}, 20},
		{"month", Filter{Month: "2025-03"}, 5},
		{"month and kept", Filter{Month: "2025-03", Kept: KeptOnly}, 5},
		{"profile and rejected", Filter{ProfileID: "runway", Kept: RejectedOnly}, 20},
		{"no such project", Filter{Project: "nope"}, 0},
	}
	for _, tt := range tests {
		got := Select(es, tt.f)
		if len(got) != tt.want {
			t.Errorf("%s: %d entries, want %d", tt.name, len(got), tt.want)
		}
		for _, e := range got {
			if !tt.f.Match(e) {
				t.Errorf("%s: %s does not match", tt.name, e.ID)
			}
		}
	}
	if err := (Filter{Month: "2025-13"}).Validate(); !errors.Is(err, ErrBadMonth) {
		t.Errorf("bad month: %v", err)
	}
	if err := (Filter{Kept: "maybe"}).Validate(); err == nil {
		t.Error("bad kept: want an error")
	}
	c := ChoicesOf(es)
	if len(c.Projects) != 4 || len(c.Clients) != 3 || len(c.Profiles) != 3 || len(c.Months) != 12 {
		t.Errorf("ChoicesOf = %+v", c)
	}
}

func TestMeasureRetakes(t *testing.T) {
	var es []Entry
	add := func(profile, model string, gens, kept int) {
		for i := 0; i < gens; i++ {
			e := mk(profile+model+string(rune('a'+i)), "2025-03-01", "5", "10", "0.01", pricing.USD, i < kept)
			e.ProfileID, e.ModelID = profile, model
			es = append(es, e)
		}
	}
	add("runway", "gen4", 12, 8)
	add("runway", "gen3", 3, 0)
	add("kling", "k21", 10, 3)
	add("veo", "veo3", 1, 1)
	rs := MeasureRetakes(es)
	tests := []struct {
		profile, model string
		ok             bool
		perKept        string
		source         string
	}{
		{"runway", "gen4", true, "1.5", "measured from your log: 12 clips, 8 kept"},
		{"runway", "gen3", false, "0", "measured from your log: 3 clips, none kept"},
		{"kling", "k21", true, "3.3333333333333333", "measured from your log: 10 clips, 3 kept"},
		{"veo", "veo3", true, "1", "measured from your log: 1 clip, 1 kept"},
	}
	for _, tt := range tests {
		r, ok := FindRetakes(rs, tt.profile, tt.model)
		if ok != tt.ok || pricing.Exact(r.PerKept) != tt.perKept || r.Source() != tt.source {
			t.Errorf("%s/%s: ok %v, PerKept %s, %q", tt.profile, tt.model, ok, r.PerKept, r.Source())
		}
	}
	if _, ok := FindRetakes(rs, "runway", "nope"); ok {
		t.Error("unknown model: want false")
	}
	if len(rs) != 4 || rs[0].ProfileID != "kling" || rs[1].ModelID != "gen3" {
		t.Errorf("order: %+v", rs)
	}
}

func TestSpendSeries(t *testing.T) {
	es := []Entry{
		mk("a", "2025-01-10", "10", "50", "0.012", pricing.USD, true),
		mk("b", "2025-01-20", "10", "100", "0.0086", pricing.EUR, true),
		mk("c", "2025-04-01", "10", "50", "0.012", pricing.USD, false),
	}
	es[0].Project, es[1].Project = "Acme", "Acme"
	months, err := SpendByMonth(es, pricing.USD, testRates)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		key, spent string
		count      int
	}{{"2025-01", "1.6", 2}, {"2025-02", "0", 0}, {"2025-03", "0", 0}, {"2025-04", "0.6", 1}}
	if len(months) != len(want) {
		t.Fatalf("months = %+v", months)
	}
	for i, w := range want {
		if months[i].Key != w.key || pricing.Exact(months[i].Spent.Amount) != w.spent || months[i].Count != w.count {
			t.Errorf("month %d = %+v, want %+v", i, months[i], w)
		}
	}
	projects, err := SpendByProject(es, pricing.USD, testRates)
	if err != nil || len(projects) != 2 || projects[0].Key != "Acme" || pricing.Exact(projects[0].Spent.Amount) != "1.6" || projects[1].Key != "" {
		t.Errorf("projects = %+v, %v", projects, err)
	}
	// Per client, for the bills: the clip without a client (€0.86, $1.00)
	// first, then Acme and Beta ($0.60 each), by name.
	es[0].Client, es[1].Client, es[2].Client = "Acme", "", "Beta"
	clients, err := SpendByClient(es, pricing.USD, testRates)
	if err != nil || len(clients) != 3 || clients[0].Key != "" || clients[1].Key != "Acme" || clients[2].Key != "Beta" ||
		pricing.Exact(clients[0].Spent.Amount) != "1" || pricing.Exact(clients[2].Spent.Amount) != "0.6" {
		t.Errorf("clients = %+v, %v", clients, err)
	}
	// A project name two clients' clips carry is two bars, one per client:
	// summed, one "Acme" bar was neither client's bill.
	projects, err = SpendByProject(es, pricing.USD, testRates)
	if err != nil || len(projects) != 3 {
		t.Fatalf("projects of two clients = %+v, %v", projects, err)
	}
	for i, w := range []struct {
		key, client, spent string
		split              bool
	}{{"Acme", "", "1", true}, {"", "", "0.6", false}, {"Acme", "Acme", "0.6", true}} {
		if p := projects[i]; p.Key != w.key || p.Client != w.client || p.Split != w.split || pricing.Exact(p.Spent.Amount) != w.spent {
			t.Errorf("project %d = %+v, want %+v", i, p, w)
		}
	}
	if _, err := SpendByMonth(es, "JPY", testRates); !errors.Is(err, pricing.ErrCurrency) {
		t.Errorf("missing rate: %v", err)
	}
}
