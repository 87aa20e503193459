package cliplog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/pricing"
)

// TestReadDate: a date cell as spreadsheets save the log's YYYY-MM-DD,
// read in the order of day and month its file shows. What is no date
// form comes back as written, for the date check to refuse.
func TestReadDate(t *testing.T) {
	for _, c := range []struct {
		in    string
		order shown
		want  string
	}{
		// As exported, and with a time (read without it).
		{"2026-11-27", 0, "2026-11-27"},
		{"2026-11-27 00:00:00", 0, "2026-11-27"},
		{"2026-11-27T00:00:00Z", 0, "2026-11-27"},
		{"2026-11-27 10:30", 0, "2026-11-27"},
		{"2026-11-27 10:30:05.250", 0, "2026-11-27"},
		{"2026/11/27", 0, "2026-11-27"},
		{"2026-1-5", 0, "2026-01-05"},
		// A day over 12 says the order whatever the file's other dates.
		{"27/11/2026", 0, "2026-11-27"},
		{"11/27/2026", 0, "2026-11-27"},
		{"27.11.2026", 0, "2026-11-27"},
		{"27-11-2026", 0, "2026-11-27"},
		{"11/27/2026 12:00:00 AM", 0, "2026-11-27"},
		{"27/11/2026 00:00", monthFirst, "2026-11-27"},
		{"11/27/2026", dayFirst, "2026-11-27"},
		// A day and month alike read the same either way.
		{"11/11/2026", 0, "2026-11-11"},
		// Both 12 or less: the file's other dates settle it.
		{"05/11/2026", dayFirst, "2026-11-05"},
		{"5/11/2026", monthFirst, "2026-05-11"},
		// Dots are day first, whatever the file's other dates: 5 November,
		// not 11 May (it was refused, or read by the file's slashes).
		{"05.11.2026", dayFirst, "2026-11-05"},
		{"05.11.2026", 0, "2026-11-05"},
		{"5.11.2026", monthFirst, "2026-11-05"},
		{"05.11.2026", dayFirst | monthFirst, "2026-11-05"},
		{"2026.11.05", 0, "2026-11-05"},
		// A two-digit year last is 20YY (it was refused).
		{"27/11/26", 0, "2026-11-27"},
		{"11/27/26", 0, "2026-11-27"},
		{"27.11.26", 0, "2026-11-27"},
		{"5.11.26", 0, "2026-11-05"},
		{"5/11/26", monthFirst, "2026-05-11"},
		{"27/11/26 14:03", 0, "2026-11-27"},
		{"01/01/00", 0, "2000-01-01"},
		// With a zone after the time.
		{"2026-11-27 14:03:05Z", 0, "2026-11-27"},
		{"27.11.2026 14:03:05,250", 0, "2026-11-27"},
		// Not a date form this reads: as written.
		{"26-11-27x", 0, "26-11-27x"},
		{"27/11/2026 25:00x", 0, "27/11/2026 25:00x"},
		{"2026-11-27 ", 0, "2026-11-27 "},
		{"2026-11-27T", 0, "2026-11-27T"},
		{"27/11/2", 0, "27/11/2"},
		{"27/11/202", 0, "27/11/202"},
		{"2026-11-27x", 0, "2026-11-27x"},
		{"2026-11-27 noon", 0, "2026-11-27 noon"},
		{"2026-11-27 10", 0, "2026-11-27 10"},
		{"2026-11/27", 0, "2026-11/27"},
		{"20261-11-27", 0, "20261-11-27"},
		{"027/11/2026", 0, "027/11/2026"},
		{"", 0, ""},
		{"yesterday", 0, "yesterday"},
		// Read, then refused by the date check: a 13th month, a 32nd day.
		{"27/13/2026", 0, "2026-13-27"},
		{"32/11/2026", 0, "2026-11-32"},
	} {
		got, err := readDate(c.in, c.order, 0, "B")
		if got != c.want || err != nil {
			t.Errorf("readDate(%q, %d) = %q, %v; want %q", c.in, c.order, got, err, c.want)
		}
	}
	for _, order := range []shown{0, dayFirst | monthFirst} {
		_, err := readDate("05/11/2026", order, 0, "B")
		want := `Date "05/11/2026" (column B) could be 5 November 2026 or 11 May 2026, and the file's other dates do not say which: write it as 2026-11-05 or 2026-05-11`
		if err == nil || err.Error() != want || !errors.Is(err, ErrBadDate) {
			t.Errorf("readDate(05/11/2026, %d): %v\nwant %s", order, err, want)
		}
		_, err = readDate("05/11/26", order, 0, "B")
		want = `Date "05/11/26" (column B) could be 5 November 2026 or 11 May 2026, and the file's other dates do not say which: write it as 2026-11-05 or 2026-05-11`
		if err == nil || err.Error() != want {
			t.Errorf("readDate(05/11/26, %d): %v\nwant %s", order, err, want)
		}
	}
}

// TestReadTime: a created or updated cell as spreadsheets save the
// export's "2026-11-27T14:03:05Z" again, read in the order of day and
// month its file shows; one without a zone is UTC (utc), the export's
// zone, whose digits a spreadsheet keeps. What is no such form comes back
// as written, for the time check to refuse. Each was refused: "Created
// must be a time like 2025-03-01T14:05:00Z".
func TestReadTime(t *testing.T) {
	for _, c := range []struct {
		in    string
		order shown
		want  string
		utc   bool
	}{
		// As exported (RFC 3339): as written, its zone too.
		{"2026-11-27T14:03:05Z", 0, "2026-11-27T14:03:05Z", false},
		{"2026-11-27T14:03:05+01:00", 0, "2026-11-27T14:03:05+01:00", false},
		// As spreadsheets save it: without the zone, often the seconds.
		{"2026-11-27 14:03:05", 0, "2026-11-27T14:03:05Z", true},
		{"2026-11-27 14:03", 0, "2026-11-27T14:03:00Z", true},
		{"2026-11-27T14:03:05", 0, "2026-11-27T14:03:05Z", true},
		{"11/27/2026 14:03", 0, "2026-11-27T14:03:00Z", true},
		{"11/27/2026 2:03 PM", 0, "2026-11-27T14:03:00Z", true},
		{"11/27/2026 12:03:05 AM", 0, "2026-11-27T00:03:05Z", true},
		{"11/27/2026 12:03 pm", 0, "2026-11-27T12:03:00Z", true},
		{"27/11/2026 14:03", 0, "2026-11-27T14:03:00Z", true},
		{"27.11.2026 14:03", 0, "2026-11-27T14:03:00Z", true},
		{"27.11.2026 14:03:05,250", 0, "2026-11-27T14:03:05Z", true},
		{"2026-11-27 14:03:05.999", 0, "2026-11-27T14:03:05Z", true},
		{"27/11/26 9:03", 0, "2026-11-27T09:03:00Z", true},
		{"27.11.2026", 0, "2026-11-27T00:00:00Z", true},
		// In the file's order; dots day first.
		{"05/11/2026 14:03", dayFirst, "2026-11-05T14:03:00Z", true},
		{"05/11/2026 14:03", monthFirst, "2026-05-11T14:03:00Z", true},
		{"05.11.2026 14:03", monthFirst, "2026-11-05T14:03:00Z", true},
		// UTC written: said.
		{"2026-11-27 14:03:05Z", 0, "2026-11-27T14:03:05Z", false},
		{"11/27/2026 2:03 PM Z", 0, "2026-11-27T14:03:00Z", false},
		// Not a time this reads: as written.
		{"", 0, "", false},
		{"yesterday", 0, "yesterday", false},
		{"2026-11-27 24:00", 0, "2026-11-27 24:00", false},
		{"2026-11-27 14:60", 0, "2026-11-27 14:60", false},
		{"2026-11-27 14:3", 0, "2026-11-27 14:3", false},
		{"2026-11-27 13:03 PM", 0, "2026-11-27 13:03 PM", false},
		{"2026-11-27 0:03 AM", 0, "2026-11-27 0:03 AM", false},
		{"2026-11-27 14:03 +1", 0, "2026-11-27 14:03 +1", false},
		{"2026-11-27 14:03 05", 0, "2026-11-27 14:03 05", false},
		{"2026-11-27 14:03 +", 0, "2026-11-27 14:03 +", false},
		{"2026-11-27 14:03:05:07", 0, "2026-11-27 14:03:05:07", false},
		{"2026-11-27 14:03 PM PM", 0, "2026-11-27 14:03 PM PM", false},
		{"2026-11-27 PM", 0, "2026-11-27 PM", false},
		{"2026-11-27 145:03", 0, "2026-11-27 145:03", false},
		{"2026-11-27 14:03:5", 0, "2026-11-27 14:03:5", false},
		{"2026-11-27 15:03:05 +01:00", 0, "2026-11-27 15:03:05 +01:00", false}, // no spreadsheet writes one
		{"2026-11-27 14:03ZZ", 0, "2026-11-27 14:03ZZ", false},
		{"2026-11-27 14:03Z PM", 0, "2026-11-27 14:03Z PM", false},
		{"31.02.2026 14:03", 0, "31.02.2026 14:03", false},
		{"27/13/2026 14:03", 0, "27/13/2026 14:03", false},
	} {
		got, utc, err := readTime(FieldCreated, c.in, c.order, 0, "R")
		if got != c.want || utc != c.utc || err != nil {
			t.Errorf("readTime(%q, %d) = %q, %v, %v; want %q, %v", c.in, c.order, got, utc, err, c.want, c.utc)
		}
	}
	_, _, err := readTime(FieldUpdated, "05/11/2026 14:03", 0, 0, "S")
	want := `Updated "05/11/2026 14:03" (column S) could be 5 November 2026 or 11 May 2026, and the file's other dates do not say which: ` +
		`write it as 2026-11-05T14:03:00Z or 2026-05-11T14:03:00Z`
	if err == nil || err.Error() != want || !errors.Is(err, ErrBadTime) {
		t.Errorf("readTime(05/11/2026 14:03): %v\nwant %s", err, want)
	}
}

// TestDecimalMark: what a number cell shows of its decimal mark.
func TestDecimalMark(t *testing.T) {
	for in, want := range map[string]shown{
		"10": 0, "": 0, "1,200": 0, "1.200": 0, "$1,125": 0,
		"0,024": decimalComma, "28,8": decimalComma, "1234,5": decimalComma, "1 234,50": decimalComma,
		"1.200,50": decimalComma, "1.200.000": decimalComma, "€ 0,02": decimalComma, "1,2345": decimalComma, ",125": decimalComma,
		"0.024": decimalPoint, "1.5": decimalPoint, "1,200.50": decimalPoint, "1,200,000": decimalPoint, "$0.125": decimalPoint,
	} {
		if got := decimalMark(in); got != want {
			t.Errorf("decimalMark(%q) = %d, want %d", in, got, want)
		}
	}
}

// resaveAs rewrites the log's CSV export as a spreadsheet saves it: cells
// separated by sep, each date through date (a Go layout), each amount
// with a decimal comma when comma is set.
func resaveAs(t *testing.T, export string, sep rune, layout string, comma bool) string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(export, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = sep
	for n, rec := range recs {
		for i, v := range rec {
			switch col := recs[0][i]; {
			case n == 0:
			case col == "date":
				day, err := time.Parse(time.DateOnly, v)
				if err != nil {
					t.Fatal(err)
				}
				rec[i] = day.Format(layout)
			case comma && amountColumn(col):
				rec[i] = strings.ReplaceAll(v, ".", ",")
			}
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return b.String()
}

// TestImportResavedDates: the log's CSV, saved again by a spreadsheet in
// Britain, the United States or Germany (dates "27/11/2026",
// "11/27/2026", "27.11.2026") or with times ("2026-11-27 00:00:00"),
// imports as the clips already saved. Each was refused whole: "Date must
// be a date like 2025-03-01" on every line. The 5th of November is read
// by the 27th's order; a file whose dates are all 12 or less is refused,
// each such date with its two readings.
func TestImportResavedDates(t *testing.T) {
	l := openLog(t, NewMemStore())
	addAll(t, l, []Entry{
		mk("a1", "2026-11-05", "5", "50", "0.024", pricing.USD, true),
		mk("a2", "2026-11-27", "10", "100", "0.024", pricing.USD, false),
		mk("a3", "2026-12-12", "5", "42.5", "0.0186666666666667", pricing.EUR, true),
	})
	var b bytes.Buffer
	if err := l.ExportCSV(&b, CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	for name, file := range map[string]string{
		"Excel, Britain":        resaveAs(t, b.String(), ',', "02/01/2006", false),
		"Excel, United States":  resaveAs(t, b.String(), ',', "1/2/2006", false),
		"Excel, Germany":        "\ufeff" + resaveAs(t, b.String(), ';', "02.01.2006", true),
		"with times":            resaveAs(t, b.String(), ',', "2006-01-02 15:04:05", false),
		"United States, 12-h":   resaveAs(t, b.String(), ',', "1/2/2006 3:04:05 PM", false),
		"LibreOffice, ISO, ';'": resaveAs(t, b.String(), ';', time.DateOnly, true),
	} {
		rep, err := l.ImportCSV([]byte(file), ImportOptions{})
		if err != nil || rep.Identical != 3 || rep.Added != 0 || len(rep.Conflicts) != 0 {
			t.Errorf("%s: %v; %s\n%s", name, err, rep.Summary(), file)
		}
	}

	// Without its id column (a clip written by hand), a clip is still the
	// one saved: its date is read, then compared.
	noID := resave(t, resaveAs(t, b.String(), ',', "02/01/2006", false), slicesWithout(CSVColumns, "id"), func(_, v string) string { return v })
	if rep, err := l.ImportCSV([]byte(noID), ImportOptions{}); err != nil || rep.Identical != 3 || rep.Added != 0 {
		t.Errorf("without ids: %v; %s", err, rep.Summary())
	}

	// Every date 12 or less: which is the day cannot be told.
	const head = "date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept\r\n"
	_, err := ReadCSV([]byte(head + "05/11/2026,runway,gen4,5,50,USD,0.024,yes\r\n" + "06/11/2026,runway,gen4,5,50,USD,0.024,yes\r\n" +
		"11/11/2026,runway,gen4,5,50,USD,0.024,yes\r\n"))
	want := "The file has 2 problems; nothing was imported:\n" +
		`line 2: Date "05/11/2026" (column A) could be 5 November 2026 or 11 May 2026, and the file's other dates do not say which: write it as 2026-11-05 or 2026-05-11` + "\n" +
		`line 3: Date "06/11/2026" (column A) could be 6 November 2026 or 11 June 2026, and the file's other dates do not say which: write it as 2026-11-06 or 2026-06-11`
	if err == nil || err.Error() != want {
		t.Errorf("ambiguous dates: %v\nwant %s", err, want)
	}
	// Dates written both ways: each with a day over 12 is read, the
	// others are not; a bad date is still said as before.
	es, err := ReadCSV([]byte("id," + head + "x1,27/11/2026,runway,gen4,5,50,USD,0.024,yes\r\n" + "x2,11/28/2026,runway,gen4,5,50,USD,0.024,yes\r\n" +
		"x3,05/11/2026,runway,gen4,5,50,USD,0.024,yes\r\n" + "x4,31/02/2026,runway,gen4,5,50,USD,0.024,yes\r\n"))
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	if len(es) != 2 || es[0].Date != "2026-11-27" || es[1].Date != "2026-11-28" ||
		!strings.Contains(msg, `line 4: Date "05/11/2026" (column B) could be`) || !strings.Contains(msg, "line 5: Date (column B) must be a date like 2025-03-01") {
		t.Errorf("dates both ways: %+v\n%s", es, msg)
	}
}

// TestImportResavedTimes: the log's CSV saved again by a spreadsheet that
// rewrote its created and updated times as well as its dates ("11/27/2026
// 14:03", "27.11.2026 14:03:05", "2026-11-27 14:03:05": no zone, often no
// seconds; "27/11/26" with a two-digit year) imports as the clips already
// saved, and the summary says the times were read as UTC. Each file was
// refused whole ("Created must be a time like 2025-03-01T14:05:00Z" on
// every line). A time whose day and month the file cannot settle is
// refused naming its row, column and both readings.
func TestImportResavedTimes(t *testing.T) {
	l := openLog(t, NewMemStore())
	es := []Entry{
		mk("a1", "2026-11-05", "5", "50", "0.024", pricing.USD, true),
		mk("a2", "2026-11-27", "10", "100", "0.024", pricing.USD, false),
		mk("a3", "2026-12-12", "5", "42.5", "0.0186666666666667", pricing.EUR, true),
	}
	es[0].Created, es[0].Updated = "2026-11-05T14:03:05Z", "2026-11-27T09:30:45Z"
	es[1].Created, es[1].Updated = "2026-11-27T23:59:59Z", "2026-11-27T23:59:59Z"
	addAll(t, l, es)
	var b bytes.Buffer
	if err := l.ExportCSV(&b, CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	// resaveAs's dates, then each time through layout.
	times := func(file, layout string) string {
		return resave(t, file, CSVColumns, func(col, v string) string {
			if col != "created" && col != "updated" {
				return v
			}
			at, err := time.Parse(time.RFC3339, v)
			if err != nil {
				t.Fatal(err)
			}
			return at.Format(layout)
		})
	}
	for _, c := range []struct{ name, file string }{
		{"Excel, United States", times(resaveAs(t, b.String(), ',', "1/2/2006", false), "1/2/2006 15:04")},
		{"Excel, United States, 12-h", times(resaveAs(t, b.String(), ',', "1/2/2006", false), "1/2/2006 3:04:05 PM")},
		{"Excel, Britain, two-digit years", times(resaveAs(t, b.String(), ',', "02/01/06", false), "02/01/06 15:04")},
		{"LibreOffice, ISO", times(resaveAs(t, b.String(), ',', time.DateOnly, false), time.DateTime)},
		{"times as dates only", times(resaveAs(t, b.String(), ',', time.DateOnly, false), "02.01.2006")},
	} {
		rep, err := l.ImportCSV([]byte(c.file), ImportOptions{})
		if err != nil || rep.Identical != 3 || rep.Added != 0 || len(rep.Conflicts) != 0 || rep.TimesAsUTC != 6 ||
			!strings.Contains(rep.Summary(), "; 6 created and updated times without a time zone read as UTC, the zone the log's export writes.") {
			t.Errorf("%s: %v; %s\n%s", c.name, err, rep.Summary(), c.file)
		}
	}
	// Germany: semicolons, decimal commas, dots day first (5 November is
	// not 11 May, whatever the file's other dates).
	german := strings.ReplaceAll(times(resaveAs(t, b.String(), ',', "02.01.2006", false), "02.01.2006 15:04:05"), ",", ";")
	if rep, err := l.ImportCSV([]byte(german), ImportOptions{}); err != nil || rep.Identical != 3 || rep.TimesAsUTC != 6 {
		t.Errorf("Germany: %v; %s\n%s", err, rep.Summary(), german)
	}

	// New clips from such a file: their times as UTC.
	fresh, err := ReadCSV([]byte(times(resaveAs(t, b.String(), ',', "1/2/2006", false), "1/2/2006 15:04")))
	if err != nil || len(fresh) != 3 || fresh[0].Created != "2026-11-05T14:03:00Z" || fresh[0].Updated != "2026-11-27T09:30:00Z" || fresh[0].Date != "2026-11-05" {
		t.Errorf("read: %v %+v", err, fresh)
	}

	// A time no date of the file settles: refused, with its readings.
	const head = "date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept,created\r\n"
	_, err = ReadCSV([]byte(head + "2026-11-05,runway,gen4,5,50,USD,0.024,yes,05/11/2026 14:03\r\n"))
	want := "The file has 1 problem; nothing was imported:\n" +
		`line 2: Created "05/11/2026 14:03" (column I) could be 5 November 2026 or 11 May 2026, and the file's other dates do not say which: ` +
		"write it as 2026-11-05T14:03:00Z or 2026-05-11T14:03:00Z"
	if err == nil || err.Error() != want {
		t.Errorf("an ambiguous time: %v\nwant %s", err, want)
	}
	// Settled by another row's date (the 27th: day first).
	got, err := ReadCSV([]byte(head + "2026-11-05,runway,gen4,5,50,USD,0.024,yes,05/11/2026 14:03\r\n" +
		"27/11/2026,runway,gen4,5,50,USD,0.024,yes,\r\n"))
	if err != nil || len(got) != 2 || got[0].Created != "2026-11-05T14:03:00Z" {
		t.Errorf("settled by the file: %v %+v", err, got)
	}
}

// TestImportResavedAmounts: a file's amounts are read with the decimal
// mark its other amounts show. "1,125" (a clip of $1.125 on an API
// profile, whose credits are money) beside "7,5" seconds is 1.125, where
// it was read as 1,125 credits ($1,125.00) with the cost "1,125" agreeing;
// "1.125" in a file with semicolons and decimal points was 1,125 too.
func TestImportResavedAmounts(t *testing.T) {
	const head = "date,profile_id,model_id,seconds,credits,currency,price_per_credit,cost,kept\r\n"
	semi := strings.ReplaceAll(head, ",", ";")
	for _, c := range []struct {
		name, file, want string
	}{
		{"commas, decimal commas (LibreOffice)", head + `2026-11-27,kling-api,kling-2-1,"7,5","1,125",USD,1,"1,125",yes` + "\r\n", "7.5 s 1.125 × 1 = 1.125"},
		{"semicolons, decimal points", semi + "2026-11-27;kling-api;kling-2-1;7.5;1.125;USD;1;1.125;yes\r\n", "7.5 s 1.125 × 1 = 1.125"},
		{"semicolons, a point then a comma", semi + "2026-11-27;runway;gen4;5;1,200.50;USD;0.01;;yes\r\n", "5 s 1200.5 × 0.01 = 12.005"},
		{"semicolons, grouped with spaces", semi + "2026-11-27;runway;gen4;5;1 234,50;USD;0,02;;yes\r\n2026-11-27;runway;gen4;5;1234,5;USD;0,02;;yes\r\n",
			"5 s 1234.5 × 0.02 = 24.69\n5 s 1234.5 × 0.02 = 24.69"},
		{"semicolons, nothing shown: decimal commas", semi + "2026-11-27;runway;gen4;5;1.200;USD;1;;yes\r\n", "5 s 1200 × 1 = 1200"},
		{"commas, nothing shown: decimal points", head + `2026-11-27,runway,gen4,5,"1,200",USD,1,,yes` + "\r\n", "5 s 1200 × 1 = 1200"},
		{"commas, decimal points", head + `2026-11-27,runway,gen4,5,"1,200",USD,0.024,,yes` + "\r\n", "5 s 1200 × 0.024 = 28.8"},
	} {
		es, err := ReadCSV([]byte(c.file))
		var got []string
		for _, e := range es {
			got = append(got, e.Seconds.String()+" s "+e.Credits.String()+" × "+e.PricePerCredit.Amount.String()+" = "+e.Cost.Amount.String())
		}
		if err != nil || strings.Join(got, "\n") != c.want {
			t.Errorf("%s: %v\n%s\nwant %s", c.name, err, strings.Join(got, "\n"), c.want)
		}
	}
}

// TestImportDatesAsWritten: a date column as spreadsheets in more
// languages write it. Hungarian "2025. 03. 01." and "2025.03.01." and
// Czech and Slovak "1. 3. 2025" were refused ("must be a date like
// 2025-03-01"). A dashed date with two digits at both ends ("25-03-01")
// was read year last, 25 March 2001, without a word: its column decides
// where its year is, from a date that can only be read one way
// ("25-02-30" is no date year first), and a column whose dates could all
// be either is refused, naming the column and both readings of its first.
func TestImportDatesAsWritten(t *testing.T) {
	const head = "date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept\r\n"
	for _, c := range []struct {
		name  string
		dates []string
		want  []string // the dates read, or
		err   string   // the import's refusal
	}{
		// As written in Hungary: year first, dots, maybe spaces, a dot at the end.
		{"Hungarian", []string{"2025. 03. 01.", "2025. 11. 27."}, []string{"2025-03-01", "2025-11-27"}, ""},
		{"Hungarian without spaces", []string{"2025.03.01.", "2025.3.1."}, []string{"2025-03-01", "2025-03-01"}, ""},
		{"Hungarian with a time", []string{"2025. 03. 01. 10:00", "2025.03.01. 0:00:00"}, []string{"2025-03-01", "2025-03-01"}, ""},
		// Czech and Slovak: day first, dots and spaces.
		{"Czech", []string{"1. 3. 2025", "27. 11. 2025"}, []string{"2025-03-01", "2025-11-27"}, ""},
		{"Czech with a dot at the end", []string{"1. 3. 2025."}, []string{"2025-03-01"}, ""},
		{"Czech, two-digit year", []string{"1. 3. 25"}, []string{"2025-03-01"}, ""},
		// Dashes and two-digit years: the column decides.
		{"year first, decided", []string{"25-03-01", "31-04-30"}, []string{"2025-03-01", "2031-04-30"}, ""}, // no 31 April
		{"year first, decided by a 32", []string{"25-03-01", "32-01-15"}, []string{"2025-03-01", "2032-01-15"}, ""},
		{"year last, decided", []string{"01-03-25", "01-02-30", "13-02-30"}, []string{"2025-03-01", "2030-02-01", "2030-02-13"}, ""}, // no 30 February
		// Read year last, the dates settle the order of day and month too.
		{"year last, month first", []string{"03-01-25", "03-13-25"}, []string{"2025-03-01", "2025-03-13"}, ""},
		{"year first, every date either", []string{"25-03-01", "25-11-27"}, nil,
			`line 2: Date "25-03-01" (column A) could be 1 March 2025, year first, or 25 March 2001, year last, and no date in the column says which: ` +
				`write the column's dates with four-digit years, as 2025-03-01 or 2001-03-25`},
		{"year last, every date either", []string{"01-03-25"}, nil,
			`line 2: Date "01-03-25" (column A) could be 25 March 2001, year first, or 1 March 2025, year last, and no date in the column says which: ` +
				`write the column's dates with four-digit years, as 2001-03-25 or 2025-03-01`},
		{"both ways", []string{"32-01-15", "25-12-31", "01-03-45"}, nil,
			`line 2: Date "32-01-15" (column A) can only be read with its year first and "01-03-45" (line 4) only with its year last: ` +
				`write the column's dates with four-digit years, as 2025-03-01`},
		// Not two digits at both ends, or not dashes: as before.
		{"a day of one digit", []string{"1-03-25", "1-13-25"}, []string{"2025-01-03", "2025-01-13"}, ""},
		{"slashes", []string{"27/11/25"}, []string{"2025-11-27"}, ""},
		{"four-digit year", []string{"2025-03-01", "27-03-2025"}, []string{"2025-03-01", "2025-03-27"}, ""},
	} {
		var b strings.Builder
		b.WriteString(head)
		for _, d := range c.dates {
			b.WriteString(`"` + d + `",runway,gen4,5,50,USD,0.024,yes` + "\r\n")
		}
		es, err := ReadCSV([]byte(b.String()))
		var got []string
		for _, e := range es {
			got = append(got, e.Date)
		}
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		switch {
		case c.err != "" && !strings.Contains(msg, c.err):
			t.Errorf("%s: %q, %v\nwant the error %s", c.name, got, msg, c.err)
		case c.err == "" && (err != nil || strings.Join(got, " ") != strings.Join(c.want, " ")):
			t.Errorf("%s: %q, %v; want %q", c.name, got, msg, c.want)
		}
	}
	// The created column decides for itself: its dates are year first
	// ("32-01-15 10:00"), the date column's (a day over 12) year last.
	es, err := ReadCSV([]byte("created," + head + "25-03-01 10:00,27-03-25,runway,gen4,5,50,USD,0.024,yes\r\n" +
		"32-01-15 10:00,15-01-32,runway,gen4,5,50,USD,0.024,yes\r\n"))
	if err != nil || len(es) != 2 || es[0].Created != "2025-03-01T10:00:00Z" || es[0].Date != "2025-03-27" || es[1].Date != "2032-01-15" {
		t.Errorf("a created column year first: %+v, %v", es, err)
	}
	_, err = ReadCSV([]byte("created," + head + "25-03-01 10:00,2025-03-01,runway,gen4,5,50,USD,0.024,yes\r\n"))
	if want := `line 2: Created "25-03-01 10:00" (column A) could be 1 March 2025, year first, or 25 March 2001, year last`; err == nil ||
		!strings.Contains(err.Error(), want) || !errors.Is(err, ErrBadTime) {
		t.Errorf("a created column either way: %v\nwant %s", err, want)
	}
}
