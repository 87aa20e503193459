package cliplog

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

// resave rewrites a CSV export as a spreadsheet saves it after an edit:
// numbers to 15 significant digits, the columns in cols only (by name, in
// that order), each cell through edit.
func resave(t *testing.T, text string, cols []string, edit func(col, v string) string) string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]int{}
	for i, h := range recs[0] {
		at[h] = i
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for n, rec := range recs {
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = rec[at[c]]
			if n == 0 {
				continue
			}
			if d, err := decimal.NewFromString(out[i]); err == nil && c != "date" {
				out[i] = significant15(d)
			}
			out[i] = edit(c, out[i])
		}
		if err := w.Write(out); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return b.String()
}

// TestImportSpreadsheetRoundTrip: the log's own CSV, opened in a
// spreadsheet and saved again, imports as what is already saved. A
// spreadsheet keeps 15 significant digits (the whole file was refused for
// a cost of 0.431666666666666 against 0.4316666666666655), may change
// "yes" to "YES", and a person may take out the id column (every clip was
// added again). Two clips alike stay two.
func TestImportSpreadsheetRoundTrip(t *testing.T) {
	l := openLog(t, NewMemStore())
	kling := mk("k1", "2026-11-05", "5", "35", "0.0123333333333333", pricing.USD, true) // Kling Pro: $37 / 3,000
	kling.ProfileID, kling.ModelID = "kling", "kling-2-1-pro"
	twin := mk("r2", "2026-11-05", "5", "50", "0.024", pricing.USD, false)
	twin2 := mk("r3", "2026-11-05", "5", "50", "0.024", pricing.USD, false)
	// A custom plan of $28 for 150 credits: 0.1866666666666667 a credit, 16
	// significant digits, saved by the spreadsheet as 0.186666666666667
	// (a conflict with its id, a second clip without).
	custom := mk("c5", "2026-11-07", "5", "10", "0.1866666666666667", pricing.USD, true)
	addAll(t, l, []Entry{kling.Derive(), twin, twin2, mk("r4", "2026-11-06", "10", "20", "0.0151515151515152", pricing.USD, true), custom})
	var b bytes.Buffer
	if err := l.ExportCSV(&b, CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	upper := func(col, v string) string {
		if col == "kept" {
			return strings.ToUpper(v)
		}
		return v
	}
	noID := slicesWithout(CSVColumns, "id")
	for name, file := range map[string]string{
		"saved unchanged":   resave(t, b.String(), CSVColumns, func(_, v string) string { return v }),
		"without ids":       resave(t, b.String(), noID, upper),
		"without ids, cost": resave(t, b.String(), slicesWithout(noID, "cost", "created", "profile", "model"), upper),
	} {
		if !strings.Contains(file, "0.431666666666666") && name == "saved unchanged" {
			t.Fatalf("the spreadsheet's copy kept more digits:\n%s", file)
		}
		rep, err := l.ImportCSV([]byte(file), ImportOptions{})
		if err != nil {
			t.Errorf("%s: %v\n%s", name, err, file)
			continue
		}
		if rep.Added != 0 || rep.Identical != 5 || len(rep.Conflicts) != 0 || l.Len() != 5 {
			t.Errorf("%s: %s; the log holds %d clips", name, rep.Summary(), l.Len())
		}
	}

	// One more clip alike in the file: one more clip in the log.
	file := resave(t, b.String(), noID, upper)
	file += file[strings.Index(file, "\n")+1:]
	rep, err := l.ImportCSV([]byte(file), ImportOptions{})
	if err != nil || rep.Added != 5 || l.Len() != 10 {
		t.Errorf("the file twice over: %v, %s; the log holds %d clips", err, rep.Summary(), l.Len())
	}

	// A cost that really differs is still refused.
	bad := strings.Replace(resave(t, b.String(), noID, upper), "0.431666666666666", "0.4317", 1)
	if _, err := openLog(t, NewMemStore()).ImportCSV([]byte(bad), ImportOptions{}); err == nil ||
		!strings.Contains(err.Error(), "(column L) does not equal credits × price per credit") {
		t.Errorf("a cost of 0.4317 for 0.4316666666666655: %v", err)
	}
}

// TestImportDecimalComma: "0,024" in a spreadsheet's file is 0.024 a credit
// ($1.20 for 50 credits); it was read as 24 ($1,200.00), silently.
func TestImportDecimalComma(t *testing.T) {
	l := openLog(t, NewMemStore())
	file := "date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept\r\n" +
		"2026-11-02,runway,gen-4-turbo,10,50,USD,\"0,024\",yes\r\n"
	if _, err := l.ImportCSV([]byte(file), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if es := l.Entries(); len(es) != 1 || es[0].Cost.Amount.String() != "1.2" {
		t.Errorf("entries %+v", es)
	}
}

// TestImportSemicolons: a spreadsheet set to German, French or Spanish
// saves CSV with semicolons between columns and decimal commas in numbers;
// the file was refused ("save the file as CSV with commas"), which such a
// spreadsheet cannot do. Its numbers are read with points and commas
// swapped, so "1.200" is 1,200 credits and "12.3456" is no number.
func TestImportSemicolons(t *testing.T) {
	file := "\ufeff\"date\";\"profile_id\";\"model_id\";\"seconds\";\"credits\";\"currency\";\"price_per_credit\";\"cost\";\"kept\";\"project\";\"note\"\r\n" +
		"2025-03-01;runway;gen4;10;50;USD;0,024;1,2;yes;;\r\n" +
		"2025-03-02;runway;gen4;8,5;1.200;USD;0,024;28,8;no;\"Kunde; A\";\"Notiz, mit Komma\"\r\n" +
		"2025-03-03;runway;gen4;5;50;EUR;€ 0,02;;yes;;\r\n" +
		"2025-03-04;runway;gen4;5;50;USD;0.024;;yes;;\r\n" // points, as an English spreadsheet with semicolons writes them
	es, err := ReadCSV([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Seconds.String()+" s "+e.Credits.String()+" × "+e.PricePerCredit.Amount.String()+" = "+
			e.Cost.Amount.String()+" "+string(e.Cost.Currency)+" "+e.Project+"|"+e.Note)
	}
	want := []string{
		"10 s 50 × 0.024 = 1.2 USD |",
		"8.5 s 1200 × 0.024 = 28.8 USD Kunde; A|Notiz, mit Komma",
		"5 s 50 × 0.02 = 1 EUR |",
		"5 s 50 × 0.024 = 1.2 USD |",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_, err = ReadCSV([]byte("date;profile_id;model_id;seconds;credits;currency;price_per_credit;kept\n2025-03-01;runway;gen4;10;12.3456;USD;0,024;yes\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2: Credits used (column E) must be a number") {
		t.Errorf("12.3456 credits: %v", err)
	}
}

func slicesWithout(s []string, drop ...string) []string {
	var out []string
	for _, x := range s {
		if !strings.Contains(" "+strings.Join(drop, " ")+" ", " "+x+" ") {
			out = append(out, x)
		}
	}
	return out
}

// TestImportTrimsWhatTotalsGroupBy: rows typed in a spreadsheet with a
// space after the client ("Acme ") or the platform ("runway ") are Acme's
// and Runway's, as the page's form would save them: "Acme " was a second
// client Acme in the filter, whose clips a bill filtered on Acme left out.
func TestImportTrimsWhatTotalsGroupBy(t *testing.T) {
	csv := "date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept,project,client\r\n" +
		"2025-03-01,runway,gen4_turbo,5,25,USD,0.01,yes,Launch,Acme\r\n" +
		"2025-03-02,runway ,gen4_turbo ,5,25,USD,0.01,yes,Launch ,Acme \r\n" +
		"2025-03-03, runway,gen4_turbo,5,25,USD,0.01,yes, Launch, Acme\r\n"
	l := openLog(t, NewMemStore())
	rep, err := l.ImportCSV([]byte(csv), ImportOptions{Known: func(p, m string) bool { return p == "runway" && m == "gen4_turbo" }})
	if err != nil || rep.Added != 3 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	if len(rep.Unknown) != 0 {
		t.Errorf("unknown platforms: %+v", rep.Unknown)
	}
	ch := ChoicesOf(l.Entries())
	if !slices.Equal(ch.Clients, []string{"Acme"}) || !slices.Equal(ch.Projects, []string{"Launch"}) || !slices.Equal(ch.Profiles, []string{"runway"}) {
		t.Errorf("choices %+v, want one client, project and platform", ch)
	}
	got, err := Total(Select(l.Entries(), Filter{Client: "Acme"}), pricing.USD, pricing.DefaultRates())
	if err != nil || got.Count != 3 || !got.Spent.Amount.Equal(d("0.75")) {
		t.Errorf("Acme's bill: %d clips, %s, %v; want 3 clips, 0.75", got.Count, got.Spent.Amount, err)
	}
	// A backup edited by hand, the same.
	b, err := ReadBackup([]byte(backupWith(strings.Replace(goodJSON, `"client":""`, `"client":"Acme "`, 1))))
	if err != nil || len(b.Entries) != 1 || b.Entries[0].Client != "Acme" {
		t.Errorf("backup: %+v, %v; want client Acme", b.Entries, err)
	}
}
