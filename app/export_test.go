package app

import (
	"encoding/csv"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aivc/aivc/pricing"
	"github.com/shopspring/decimal"
)

// compareProfiles is a small catalog whose ranking is worked out by hand:
//
//   - beta-api/b1: pay as you go, $0.03/s × 10 s = $0.30 a clip, $0.03 a
//     second; its price was read on 2025-01-01, stale on 2026-11-25;
//   - alpha/a-fast: $20 ÷ 2,000 credits = $0.01 a credit, 5 credits/s ×
//     10 s = 50 credits, $0.50 a clip, $0.05 a second; 100 free credits a
//     month make 2 clips, 20 s, worth $1.00;
//   - gamma/g1: €8 ÷ 1,000 tokens = €0.008, at 1 USD = 0.8 EUR $0.01 a
//     token, 100 tokens = $1.00 a clip, $0.10 a second;
//   - alpha/a-short cannot make 10 s (5 s only).
func compareProfiles() []pricing.Profile {
	d := decimal.RequireFromString
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }
	src := func(u, read string, ev pricing.Evidence) pricing.Source {
		return pricing.Source{URL: u, Read: read, Evidence: ev}
	}
	alpha := src("https://alpha.example/pricing", "2026-10-01", pricing.EvidenceOfficial)
	return []pricing.Profile{
		{
			ID: "alpha", Name: "Alpha (app)", Platform: "Alpha", Kind: pricing.KindCredits, Currency: pricing.USD,
			URL:   "https://alpha.example/pricing",
			Plans: []pricing.Plan{{ID: "pro", Name: "Pro", Monthly: nd("20"), Credits: d("2000"), Source: alpha}},
			Free:  &pricing.Free{Credits: d("100"), Period: pricing.FreeMonth, Source: alpha},
			Models: []pricing.Model{
				{
					ID: "a-fast", Name: "A Fast", Tier: pricing.TierFast, Durations: pricing.Durations{List: []int{5, 10}},
					Rates:  []pricing.Rate{{Res: pricing.Res1080p, PerSecond: nd("5")}},
					Source: src("https://alpha.example/models", "2026-10-01", pricing.EvidenceOfficial),
				},
				{
					ID: "a-short", Name: "A Short", Tier: pricing.TierPremium, Durations: pricing.Durations{List: []int{5}},
					Rates:  []pricing.Rate{{Res: pricing.Res1080p, Buckets: []pricing.Bucket{{Seconds: 5, Units: d("40")}}}},
					Source: alpha,
				},
			},
		},
		{
			ID: "beta-api", Name: "Beta (API)", Platform: "Beta", Kind: pricing.KindAPI, Currency: pricing.USD,
			URL: "https://beta.example/api",
			Models: []pricing.Model{{
				ID: "b1", Name: "B1", Tier: pricing.TierStandard, Durations: pricing.Durations{Min: 1, Max: 20},
				Rates:  []pricing.Rate{{Res: pricing.Res1080p, PerSecond: nd("0.03")}},
				Source: src("https://beta.example/api", "2025-01-01", pricing.EvidenceSecondary),
			}},
		},
		{
			ID: "gamma", Name: "Gamma (app)", Platform: "Gamma", Kind: pricing.KindCredits, Currency: pricing.EUR,
			Unit: "tokens", URL: "https://gamma.example/",
			Plans: []pricing.Plan{{ID: "std", Name: "Standard", Monthly: nd("8"), Credits: d("1000"),
				Source: src("https://gamma.example/", "2026-09-01", pricing.EvidenceOfficial)}},
			Models: []pricing.Model{{
				ID: "g1", Name: "G|1", Tier: pricing.TierStandard, Durations: pricing.Durations{Min: 1, Max: 15},
				Rates:  []pricing.Rate{{Res: pricing.Res1080p, PerSecond: nd("10")}},
				Source: src("https://gamma.example/", "2026-09-01", pricing.EvidenceOfficial),
			}},
		},
	}
}

// compareRates is 1 USD = 0.8 EUR, so conversions are exact.
func compareRates() pricing.Rates {
	return pricing.Rates{Base: pricing.USD, Date: "2026-11-01", Per: map[pricing.Currency]decimal.Decimal{
		pricing.EUR: decimal.RequireFromString("0.8"),
	}}
}

// fixtureTable ranks the standard shot on compareProfiles.
func fixtureTable(t *testing.T) rankTable {
	t.Helper()
	shot := pricing.Shot{Seconds: decimal.NewFromInt(10), Res: pricing.Res1080p, Tier: pricing.TierAny, Takes: decimal.NewFromInt(1)}
	r := pricing.Rank(compareProfiles(), shot, pricing.RankOptions{
		Lens: pricing.LensCheapest, Rates: compareRates(), Display: pricing.USD, Today: "2026-11-25",
	})
	return newRankTable(r, map[string]string{"gamma": "tokens"}, "2026-11-25")
}

func TestRankTable(t *testing.T) {
	tab := fixtureTable(t)
	want := [][]string{
		{"1", "Beta (API)", "B1", "standard", "pay as you go", "n/a", "$0.30", "$0.03", "$0.03", "×1", "secondary · 2025-01-01"},
		{"2", "Alpha (app)", "A Fast", "fast", "Pro (billed monthly)", "50", "$0.50", "$0.05", "$0.05", "×1.67", "official · 2026-10-01"},
		{"3", "Gamma (app)", "G|1", "standard", "Standard (billed monthly)", "100 tokens", "≈$1.00", "≈$0.10", "≈$0.10", "×3.33", "official · 2026-09-01"},
	}
	if len(tab.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(tab.Rows), len(want))
	}
	for i, w := range want {
		if got := tab.Rows[i].cells(); !reflect.DeepEqual(got, w) {
			t.Errorf("row %d = %q\nwant %q", i+1, got, w)
		}
	}
	if keys := []string{tab.Rows[0].Key, tab.Rows[1].Key, tab.Rows[2].Key}; !reflect.DeepEqual(keys, []string{"beta-api/b1", "alpha/a-fast", "gamma/g1"}) {
		t.Errorf("keys = %v", keys)
	}
	if !tab.Rows[0].Stale || tab.Rows[1].Stale || tab.Rows[2].Stale {
		t.Errorf("stale = %v %v %v, want only the first", tab.Rows[0].Stale, tab.Rows[1].Stale, tab.Rows[2].Stale)
	}
	// Sources: each once, numbered in order of first use.
	var urls []string
	for _, s := range tab.Sources {
		urls = append(urls, s.URL)
	}
	if want := []string{"https://beta.example/api", "https://alpha.example/models", "https://alpha.example/pricing", "https://gamma.example/"}; !reflect.DeepEqual(urls, want) {
		t.Errorf("sources = %v, want %v", urls, want)
	}
	if got := [][]int{tab.Rows[0].Refs, tab.Rows[1].Refs, tab.Rows[2].Refs}; !reflect.DeepEqual(got, [][]int{{1}, {2, 3}, {4}}) {
		t.Errorf("refs = %v", got)
	}
	if tab.Shot != "10 s at 1080p, any tier, 1 generation per kept clip, no add-ons" || tab.Billing != "cheapest available" {
		t.Errorf("shot %q, billing %q", tab.Shot, tab.Billing)
	}
}

const wantMarkdown = `### AI video cost per kept second: 10 s at 1080p, any tier

Shot: 10 s at 1080p, any tier, 1 generation per kept clip, no add-ons. Billing: cheapest available. Costs in USD. Compared on 2026-11-25.

| # | Platform | Model | Tier | Plan used | Credits per clip | Cost per clip | Cost per second | Cost per kept second | × the cheapest | Evidence and date |
| ---: | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |
| 1 | Beta (API) | B1 | standard | pay as you go | n/a | $0.30 | $0.03 | $0.03 | ×1 | secondary · 2025-01-01 ⚠ [1] |
| 2 | Alpha (app) | A Fast | fast | Pro (billed monthly) | 50 | $0.50 | $0.05 | $0.05 | ×1.67 | official · 2026-10-01 [2] [3] |
| 3 | Gamma (app) | G\|1 | standard | Standard (billed monthly) | 100 tokens | ≈$1.00 | ≈$0.10 | ≈$0.10 | ×3.33 | official · 2026-09-01 [4] |

⚠ Possibly stale: the price was read more than 180 days before 2026-11-25.
≈ Converted into USD: 1 EUR = 1.25 USD (rate of 2026-11-01).
Plan used: each credit at the plan's price per credit, as if every credit of it is used.
Evidence: official, the platform's own page; secondary, another site quoting it; derived, worked out from sourced numbers.

Not ranked: 1 model cannot make this shot, for 1 reason:

- 10 s not offered at 1080p (longest is 5 s) — 1 model: Alpha (app): A Short.

Sources:

1. <https://beta.example/api> (read 2025-01-01, secondary)
2. <https://alpha.example/models> (read 2026-10-01, official)
3. <https://alpha.example/pricing> (read 2026-10-01, official)
4. <https://gamma.example/> (read 2026-09-01, official)

Made with AIVC, the AI video cost calculator. Check each source before you buy.
`

func TestRankTableMarkdown(t *testing.T) {
	tab := fixtureTable(t)
	got := tab.Markdown()
	if got != wantMarkdown {
		t.Errorf("Markdown:\n%s\nwant:\n%s", got, wantMarkdown)
	}
	// Read back: every table row of the Markdown holds the page's cells.
	rows := markdownRows(got)
	if len(rows) != len(tab.Rows)+1 {
		t.Fatalf("%d Markdown rows, want %d", len(rows), len(tab.Rows)+1)
	}
	for i, l := range tab.Rows {
		cells := l.cells()
		md := rows[i+1]
		for j := range cells[:len(cells)-1] {
			if md[j] != cells[j] {
				t.Errorf("row %d, column %s: Markdown %q, table %q", i+1, rankColumns[j].Label, md[j], cells[j])
			}
		}
		if !strings.HasPrefix(md[len(md)-1], l.Evidence) {
			t.Errorf("row %d evidence: Markdown %q, table %q", i+1, md[len(md)-1], l.Evidence)
		}
	}

	// Only a ranking with a plan says what a plan's price assumes.
	api := fixtureTable(t)
	api.Rows = api.Rows[:1]
	if md := api.Markdown(); strings.Contains(md, "Plan used:") {
		t.Errorf("a ranking of APIs alone says what a plan's price assumes:\n%s", md)
	}

	empty := newRankTable(pricing.Ranking{Shot: pricing.Shot{Seconds: decimal.NewFromInt(5), Res: pricing.Res4K}}, nil, "2026-11-25")
	if md := empty.Markdown(); !strings.Contains(md, "No model can make this shot.") || strings.Contains(md, "| # |") {
		t.Errorf("empty ranking's Markdown:\n%s", md)
	}
}

// markdownRows returns the cells of a Markdown text's table rows (the
// header first, the separator left out), unescaping \|.
func markdownRows(md string) [][]string {
	var rows [][]string
	for line := range strings.SplitSeq(md, "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| ---") {
			continue
		}
		line = strings.TrimSuffix(strings.TrimPrefix(line, "| "), " |")
		line = strings.ReplaceAll(line, `\|`, "\x00")
		var cells []string
		for c := range strings.SplitSeq(line, " | ") {
			cells = append(cells, strings.ReplaceAll(c, "\x00", "|"))
		}
		rows = append(rows, cells)
	}
	return rows
}

func TestRankTableCSV(t *testing.T) {
	tab := fixtureTable(t)
	got := tab.CSV()
	shot := `"10 s at 1080p, any tier, 1 generation per kept clip, no add-ons"`
	want := strings.Join([]string{
		strings.Join(csvColumns, ","),
		"1,beta-api,Beta (API),Beta,b1,B1,standard,api,pay as you go,,,USD,0.3,0.03,0.3,0.03,1,,secondary,2025-01-01,yes,https://beta.example/api,10,1080p,any,1,," + shot + ",2026-11-25,,",
		"2,alpha,Alpha (app),Alpha,a-fast,A Fast,fast,monthly,Pro (billed monthly),50,credits,USD,0.5,0.05,0.5,0.05,1.67,,official,2026-10-01,no,https://alpha.example/models https://alpha.example/pricing,10,1080p,any,1,," + shot + ",2026-11-25,,",
		"3,gamma,Gamma (app),Gamma,g1,G|1,standard,monthly,Standard (billed monthly),100,tokens,USD,1,0.1,1,0.1,3.33,EUR,official,2026-09-01,no,https://gamma.example/,10,1080p,any,1,," + shot + ",2026-11-25,,",
		// Left out of the ranking, with why: no rank, plan or cost.
		",alpha,Alpha (app),Alpha,a-short,A Short,,cheapest,,,,,,,,,,,,,,,10,1080p,any,1,," + shot + ",2026-11-25,,10 s not offered at 1080p (longest is 5 s)",
		"",
	}, "\r\n")
	if got != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", got, want)
	}

	// Read back with encoding/csv: the exact numbers of the ranking.
	recs, err := csv.NewReader(strings.NewReader(got)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int {
		for i, c := range recs[0] {
			if c == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	for i, l := range tab.Rows {
		rec := recs[i+1]
		if key := rec[col("profile_id")] + "/" + rec[col("model_id")]; key != l.Key {
			t.Errorf("CSV row %d is %s, table %s", i+1, key, l.Key)
		}
		if v := rec[col("cost_per_kept_second")]; v != pricing.Exact(l.row.CostPerKeptSecond.Amount) {
			t.Errorf("CSV row %d cost per kept second %s", i+1, v)
		}
		if rec[col("shot")] != tab.Shot || rec[col("date")] != "2026-11-25" || rec[col("sources")] == "" {
			t.Errorf("CSV row %d lacks the shot, the date or the sources: %q", i+1, rec)
		}
	}
}

// TestRankTableCSVGuards: a profile of the person's own named like a
// formula, or with one after a ';' (German or French Excel splits cells
// there), reaches the ranking's CSV guarded: only a cell's first character
// was, so "Acme;=1+1" opened as a cell "=1+1".
func TestRankTableCSVGuards(t *testing.T) {
	tab := fixtureTable(t)
	tab.Rows[0].row.ProfileName = "Acme;=1+1"
	tab.Rows[1].row.ModelName = "@SUM(A1)"
	recs, err := csv.NewReader(strings.NewReader(tab.CSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := recs[1][2]; got != "Acme;'=1+1" {
		t.Errorf("profile cell %q, want %q", got, "Acme;'=1+1")
	}
	if got := recs[2][5]; got != "'@SUM(A1)" {
		t.Errorf("model cell %q, want %q", got, "'@SUM(A1)")
	}
}

func TestCSVDataURL(t *testing.T) {
	text := "a,b\r\n\"x, \"\"y\"\"\",€1 & <2> #3 %4\r\n"
	u := csvDataURL(text)
	const prefix = "data:text/csv;charset=utf-8,"
	if !strings.HasPrefix(u, prefix) {
		t.Fatalf("data URL %q", u)
	}
	if i := strings.IndexAny(u, "\"&<> #\\\r\n"); i >= 0 {
		t.Errorf("data URL holds %q, unsafe in an attribute: %s", u[i], u)
	}
	got, err := url.PathUnescape(strings.TrimPrefix(u, prefix))
	if err != nil {
		t.Fatal(err)
	}
	if got != "\ufeff"+text {
		t.Errorf("decoded %q, want BOM + %q", got, text)
	}
}

func TestCSVFileName(t *testing.T) {
	s := pricing.Shot{Seconds: decimal.RequireFromString("7.5"), Res: pricing.Res4K, Tier: pricing.TierPremium}
	if got, want := csvFileName(s, "2026-11-25"), "aivc-compare-7-5s-4k-premium-2026-11-25.csv"; got != want {
		t.Errorf("csvFileName = %q, want %q", got, want)
	}
}

func TestDescribeShot(t *testing.T) {
	s := pricing.Shot{
		Seconds: decimal.NewFromInt(8), Res: pricing.Res720p, Tier: pricing.TierFast,
		Takes: decimal.RequireFromString("1.5"), Addons: []pricing.AddonKind{pricing.AddonAudio, pricing.AddonUpscale},
	}
	if got, want := describeShot(s), "8 s at 720p, fast tier, 1.5 generations per kept clip, with native audio and upscale"; got != want {
		t.Errorf("describeShot = %q, want %q", got, want)
	}
}

func TestRankTableOrder(t *testing.T) {
	tab := fixtureTable(t)
	tests := []struct {
		key  string
		desc bool
		want []int
	}{
		{"rank", false, []int{0, 1, 2}},
		{"rank", true, []int{2, 1, 0}},
		{"", false, []int{0, 1, 2}},
		{"no-such-column", false, []int{0, 1, 2}},
		{"platform", false, []int{1, 0, 2}}, // Alpha, Beta, Gamma
		{"platform", true, []int{2, 0, 1}},
		{"model", false, []int{1, 0, 2}}, // A Fast, B1, G|1
		{"tier", false, []int{1, 0, 2}},  // fast, then the standards in rank order
		{"tier", true, []int{0, 2, 1}},
		{"plan", false, []int{0, 1, 2}}, // pay…, Pro…, Standard…
		{"credits", false, []int{1, 2, 0}},
		{"credits", true, []int{2, 1, 0}}, // n/a last either way
		{"clip", true, []int{2, 1, 0}},
		{"second", false, []int{0, 1, 2}},
		{"kept", true, []int{2, 1, 0}},
		{"times", false, []int{0, 1, 2}},
		{"evidence", false, []int{0, 2, 1}}, // oldest first
	}
	for _, tt := range tests {
		if got := tab.order(tt.key, tt.desc); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("order(%q, %v) = %v, want %v", tt.key, tt.desc, got, tt.want)
		}
	}
}

func TestMDCell(t *testing.T) {
	for in, want := range map[string]string{
		"Ray2 Flash":        "Ray2 Flash",
		"G|1":               `G\|1`,
		`a\b`:               `a\\b`,
		"<script>":          "&lt;script>",
		"two\r\nlines\nend": "two lines end",
	} {
		if got := mdCell(in); got != want {
			t.Errorf("mdCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRankTableNotRanked: the exports say which models the ranking left
// out, and why, as the page does: the Markdown under the table, a reason
// a line; the CSV as rows with no rank, plan or cost and the reason in
// not_ranked_because, a whole platform with no model. Neither said that 72
// models were left out of a shot with native audio.
func TestRankTableNotRanked(t *testing.T) {
	rank := func(secs int64, lens pricing.Lens) rankTable {
		shot := pricing.Shot{Seconds: decimal.NewFromInt(secs), Res: pricing.Res1080p, Tier: pricing.TierAny, Takes: decimal.NewFromInt(1)}
		r := pricing.Rank(compareProfiles(), shot, pricing.RankOptions{Lens: lens, Rates: compareRates(), Today: "2026-11-25"})
		return newRankTable(r, map[string]string{"gamma": "tokens"}, "2026-11-25")
	}
	tab := rank(10, pricing.LensMonthly)
	const gone = "\nNot ranked: 1 model and 1 platform cannot make this shot, for 2 reasons:\n\n" +
		"- 10 s not offered at 1080p (longest is 5 s) — 1 model: Alpha (app): A Short.\n" +
		"- Pay-as-you-go only: choose API or cheapest — 1 platform: Beta (API): every model.\n"
	if md := tab.Markdown(); !strings.Contains(md, gone+"\nSources:") {
		t.Errorf("Markdown:\n%s\nwant it to hold:\n%s", md, gone)
	}
	recs, err := csv.NewReader(strings.NewReader(tab.CSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+len(tab.Rows)+2 {
		t.Fatalf("%d records for %d ranked and 2 left out", len(recs), len(tab.Rows))
	}
	if !slices.Contains(csvColumns, "not_ranked_because") {
		t.Fatalf("the CSV has no column not_ranked_because: %v", csvColumns)
	}
	cell := func(rec []string, name string) string { return rec[slices.Index(csvColumns, name)] }
	for i, want := range []struct{ profile, model, why string }{
		{"alpha", "a-short", "10 s not offered at 1080p (longest is 5 s)"},
		{"beta-api", "", "Pay-as-you-go only: choose API or cheapest"},
	} {
		rec := recs[1+len(tab.Rows)+i]
		if len(rec) != len(csvColumns) || cell(rec, "profile_id") != want.profile || cell(rec, "model_id") != want.model ||
			cell(rec, "not_ranked_because") != want.why || cell(rec, "rank") != "" || cell(rec, "cost_per_kept_second") != "" ||
			cell(rec, "billing") != "monthly" || cell(rec, "shot") != tab.Shot || cell(rec, "date") != "2026-11-25" {
			t.Errorf("left out %d: %q", i+1, rec)
		}
	}
	for _, rec := range recs[1 : 1+len(tab.Rows)] {
		if cell(rec, "not_ranked_because") != "" {
			t.Errorf("a ranked row says why it is not ranked: %q", rec)
		}
	}

	// Nothing ranked: the Markdown still says why.
	tab = rank(30, pricing.LensCheapest)
	if md := tab.Markdown(); len(tab.Rows) != 0 || !strings.Contains(md, "No model can make this shot.\n\nNot ranked: 4 models cannot make this shot, for 4 reasons:\n\n- 30 s not offered") {
		t.Errorf("Markdown of %d rows:\n%s", len(tab.Rows), md)
	}
}
