package cliplog

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/pricing"
)

const csvHeader = "date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept,project\n"

func TestImportCSVErrorsPerLine(t *testing.T) {
	file := csvHeader +
		"2025-03-01,runway,gen4,10,50,USD,0.012,yes,A\n" + // line 2
		"2025-03-01,runway,gen4,10,50,USD,0.012,no,A\n" + // line 3
		"2025-03-01,runway,gen4,\"1,200.50\",50,USD,$0.01,TRUE,A\n" + // line 4: people's formats
		"\n" + // line 5: blank
		"2025-03-01,runway,gen4,10,50,USD,0.012,yes,\"two\n" + // lines 6-7: a quoted newline
		"lines\"\n" +
		"2025-03-01,runway,gen4,ten,50,USD,0.012,yes,A\n" + // line 8
		"2025-13-01,runway,gen4,10,-5,usd$,0.012,maybe,A\n" + // line 9
		"2025-03-01,,gen4,0,50,USD,0.012,yes\n" // line 10: a cell short
	s := NewMemStore()
	l := openLog(t, s)
	addAll(t, l, sample(3))
	before := s.Snapshot()
	_, err := l.ImportCSV([]byte(file), ImportOptions{})
	var ie *ImportErrors
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		"line 6: Project (column I) contains characters that cannot be saved (control characters or invalid text)",
		// After the quoted line break, a spreadsheet's rows are one behind
		// the file's lines: it was "line 8" where the spreadsheet shows row 7.
		"row 7 (line 8): Seconds (column D) must be a number, like 30 or 1,200.50",
		"row 8 (line 9): Credits used (column E) cannot be negative",
		"row 8 (line 9): Kept (column H) must be yes or no",
		"row 8 (line 9): Date (column A) must be a date like 2025-03-01",
		"row 8 (line 9): Currency (column F) must be a currency code like USD or EUR",
		"row 9 (line 10): this row has 8 cells but the header has 9",
	}
	var got []string
	for _, e := range ie.Errs {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.HasPrefix(err.Error(), "The file has 7 problems; nothing was imported:\nline 6: Project") {
		t.Errorf("message: %s", err)
	}
	if !sameMaps(before, s.Snapshot()) || l.Len() != 3 {
		t.Error("a refused import changed the log")
	}

	// SkipInvalid imports the good rows and lists the bad ones.
	rep, err := l.ImportCSV([]byte(file), ImportOptions{SkipInvalid: true})
	if err != nil || rep.Added != 3 || rep.Identical != 0 || len(rep.Skipped) != 7 {
		t.Fatalf("SkipInvalid: %+v, %v", rep, err)
	}
	var big Entry
	for _, e := range l.Entries() {
		if e.Seconds.Equal(d("1200.5")) {
			big = e
		}
	}
	if !big.Kept || pricing.Exact(big.PricePerCredit.Amount) != "0.01" || big.Created != "2025-03-01T00:00:00Z" || !strings.HasPrefix(big.ID, "csv-") {
		t.Errorf("row in people's formats: %+v", big)
	}
	if e, ok := l.Entry(big.ID); !ok || e.Project != "A" {
		t.Error("not saved")
	}
	// The same file again adds nothing: IDs are made from the rows.
	rep, err = l.ImportCSV([]byte(file), ImportOptions{SkipInvalid: true})
	if err != nil || rep.Added != 0 || rep.Identical != 3 {
		t.Errorf("again: %+v, %v", rep, err)
	}
}

func TestImportCSVHeader(t *testing.T) {
	tests := []struct {
		file string
		err  error
		msg  string
	}{
		{"", ErrBadCSV, "the file is empty"},
		{"date,profile_id\n", ErrMissingColumn, `line 1: column "model_id" is missing`},
		{strings.Replace(csvHeader, "project", "colour", 1), ErrUnknownColumn, `line 1: unknown column "colour"`},
		{strings.Replace(csvHeader, "project", "date", 1), ErrUnknownColumn, `line 1: column "date" appears twice`},
		{csvHeader + "2025-03-01,\"runway,gen4,10\n", ErrBadCSV, "line 2: the file is not readable CSV from here on (a quoted cell is not closed); check the quotes on this line"},
		// A quote never closed is named where it opens, not on the file's
		// last line (encoding/csv's).
		{csvHeader + "2025-03-01,\"runway,gen4,10\n2025-03-02,runway,gen4,10,50,USD,0.012,yes,A\n2025-03-03,runway,gen4,10,50,USD,0.012,yes,A\n", ErrBadCSV,
			"line 2: the file is not readable CSV from here on (a quoted cell is not closed); check the quotes on this line"},
		{csvHeader + "2025-03-01,runway,gen4,10,50,USD,0.012,yes,A\n\n2025-03-01,run\"way\n", ErrBadCSV, "line 4: the file is not readable CSV from here on (a quote inside a cell that does not start with one)"},
		{csvHeader + "2025-03-01,runway,gen4,10,50,USD,0.012,yes,\"A\" B\n", ErrBadCSV, "line 2: the file is not readable CSV from here on (a quoted cell goes on after its closing quote)"},
	}
	for _, tt := range tests {
		_, err := ReadCSV([]byte(tt.file))
		var ie *ImportErrors
		if !errors.As(err, &ie) || !errors.Is(ie.Errs[0], tt.err) || !strings.HasPrefix(ie.Errs[0].Error(), tt.msg) ||
			tt.err == ErrBadCSV && len(ie.Errs) != 1 {
			t.Errorf("%q: %v, want %q", tt.file, err, tt.msg)
		}
	}
	// Column names are matched without case or surrounding spaces; a BOM is skipped.
	file := "\xEF\xBB\xBF Date ,PROFILE_ID,Model_ID,Seconds,Credits,Currency,Price Per Credit,Kept\r\n2025-03-01,runway,gen4,10,50,USD,0.012,yes\r\n"
	es, err := ReadCSV([]byte(file))
	if err != nil || len(es) != 1 {
		t.Errorf("loose header: %v", err)
	}
	// A cost that is not credits × price is an error, with the product.
	file = csvHeader[:len(csvHeader)-1] + ",cost\n2025-03-01,runway,gen4,10,50,USD,0.012,yes,A,0.61\n"
	_, err = ReadCSV([]byte(file))
	if err == nil || !strings.Contains(err.Error(), "line 2: Cost (column J) does not equal credits × price per credit (50 × 0.012 = 0.6); leave it empty to compute it") {
		t.Errorf("cost mismatch: %v", err)
	}
}

func backupWith(entries ...string) string {
	return `{"app":"aivc","kind":"backup","version":1,"exported":"2025-12-31T18:00:00Z","entries":[` + "\n" +
		strings.Join(entries, ",\n") + "\n],\"plans\":[],\"settings\":{}}"
}

const goodJSON = `{"id":"a1","date":"2025-03-01","profile_id":"runway","profile_name":"","plan_id":"","model_id":"gen4","model_name":"","res":"","seconds":"10","credits":"50","currency":"USD","price_per_credit":"0.012","cost":"0.6","kept":true,"project":"","client":"","note":"","created":"2025-03-01T10:00:00Z","updated":"2025-03-01T10:00:00Z"}`

func TestImportJSONErrorsPerLine(t *testing.T) {
	bad := strings.Replace(strings.Replace(goodJSON, `"a1"`, `"a2"`, 1), `"seconds":"10"`, `"seconds":"ten"`, 1)
	badType := strings.Replace(strings.Replace(goodJSON, `"a1"`, `"a3"`, 1), `"kept":true`, `"kept":"yes"`, 1)
	unknown := strings.Replace(strings.Replace(goodJSON, `"a1"`, `"a4"`, 1), `"note":""`, `"note":"","colour":"red"`, 1)
	number := strings.Replace(strings.Replace(goodJSON, `"a1"`, `"a5"`, 1), `"seconds":"10"`, `"seconds":10`, 1)
	conflict := strings.Replace(goodJSON, `"kept":true`, `"kept":false`, 1)
	// An amount neither a number nor text was "(value, expected …)".
	credits := strings.Replace(strings.Replace(goodJSON, `"a1"`, `"a6"`, 1), `"credits":"50"`, `"credits":{"n":50}`, 1)
	file := backupWith(goodJSON, bad, badType, unknown, number, goodJSON, conflict, credits)
	_, err := ReadBackup([]byte(file))
	var ie *ImportErrors
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		"line 3: Seconds must be a number, like 30 or 1,200.50",
		"line 4: Kept has the wrong type (string, expected true or false)",
		`line 5: unknown field "colour"`,
		`line 8: id "a1" is also on line 2, with other values`,
		"line 9: Credits used has the wrong type (object, expected text in quotes)",
	}
	var got []string
	for _, e := range ie.Errs {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	tests := []struct {
		file string
		err  error
		msg  string
	}{
		{``, ErrBadJSON, "line 1: not a readable JSON file: the file is empty"},
		{`[1,2]`, ErrNotBackup, "line 1: this file is not a backup made by this app"},
		{`{"app":"other","kind":"backup","version":1}`, ErrNotBackup, "line 1: this file is not a backup"},
		{`{"app":"aivc","kind":"backup","version":3,"entries":[]}`, ErrBackupVersion, "line 1: this backup was made by a newer version of the app (version 3)"},
		{"{\"app\":\"aivc\",\n\"kind\":\"backup\",\n\"version\":1,\n\"entries\":[\n{\"id\":}", ErrBadJSON, "line 5: not a readable JSON file: invalid character '}'"},
		{`{"app":"aivc","kind":"backup","version":1,"entries":[]} trailing`, ErrBadJSON, "line 1: not a readable JSON file: unexpected text"},
		{`{"app":"aivc","kind":"backup","version":1,"extra":1}`, ErrBadJSON, `line 1: not a readable JSON file: unknown field "extra"`},
	}
	for _, tt := range tests {
		_, err := ReadBackup([]byte(tt.file))
		var ie *ImportErrors
		if !errors.As(err, &ie) || !errors.Is(ie.Errs[0], tt.err) || !strings.HasPrefix(ie.Errs[0].Error(), tt.msg) ||
			tt.err == ErrBadCSV && len(ie.Errs) != 1 {
			t.Errorf("%q: %v, want %q", tt.file, err, tt.msg)
		}
	}
}

func TestImportMerge(t *testing.T) {
	s := NewMemStore()
	l := openLog(t, s)
	saved := mk("a1", "2025-03-01", "10", "50", "0.012", pricing.USD, false)
	saved.ProfileID, saved.ModelID = "runway", "gen4"
	saved.ProfileName, saved.PlanID, saved.ModelName, saved.Res = "", "", "", ""
	addAll(t, l, []Entry{saved})
	other := strings.Replace(goodJSON, `"a1"`, `"b1"`, 1)
	rep, err := l.ImportJSON([]byte(backupWith(goodJSON, other)), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || rep.Identical != 0 || len(rep.Conflicts) != 1 || rep.Conflicts[0].Line != 2 ||
		rep.Conflicts[0].Saved.Kept || !rep.Conflicts[0].Incoming.Kept {
		t.Errorf("report %+v", rep)
	}
	if got, _ := l.Entry("a1"); got.Kept {
		t.Error("a conflict replaced the saved entry")
	}
	if got := rep.Summary(); got != "Imported 1 clip; 1 clip has the id of a saved clip but other values, and was left out (line 2)." {
		t.Errorf("summary %q", got)
	}
	// Another tab saved b2 after this tab loaded: it is not overwritten.
	tab2 := openLog(t, s)
	b2 := strings.Replace(goodJSON, `"a1"`, `"b2"`, 1)
	e2 := saved
	e2.ID = "b2"
	addAll(t, tab2, []Entry{e2})
	rep, err = l.ImportJSON([]byte(backupWith(b2)), ImportOptions{})
	if err != nil || rep.Added != 0 || len(rep.Conflicts) != 1 {
		t.Errorf("entry of another tab: %+v, %v", rep, err)
	}
}

// Storage fills up part way through an import: nothing is left of it.
func TestImportFullMidway(t *testing.T) {
	l, s := fullLog(t, 10)
	src, _ := fullLog(t, 200)
	var file bytes.Buffer
	if err := src.ExportJSON(&file, exported); err != nil {
		t.Fatal(err)
	}
	before := s.Snapshot()
	entriesBefore := len(l.Entries())
	s.FailWritesAfter(50)
	_, err := l.ImportJSON(file.Bytes(), ImportOptions{})
	var se *StorageError
	if !errors.As(err, &se) || se.Op != "import" || !errors.Is(err, ErrStorageFull) {
		t.Fatalf("err = %v", err)
	}
	if want := "Your browser's storage is full: nothing was imported. Export your log, then delete old entries."; err.Error() != want {
		t.Errorf("message %q", err)
	}
	if !sameMaps(before, s.Snapshot()) || len(l.Entries()) != entriesBefore {
		t.Error("a refused import changed the log")
	}
	// With a quota instead of a count.
	s.FailWritesAfter(-1)
	s.SetQuota(s.Size() + 5000)
	if _, err := l.ImportJSON(file.Bytes(), ImportOptions{}); !errors.Is(err, ErrStorageFull) || !sameMaps(before, s.Snapshot()) {
		t.Errorf("quota: %v", err)
	}
	s.SetQuota(0)
	if rep, err := l.ImportJSON(file.Bytes(), ImportOptions{}); err != nil || rep.Added != 190 {
		t.Errorf("with room: %+v, %v", rep, err)
	}
}

func TestImportUnavailable(t *testing.T) {
	l, s := fullLog(t, 3)
	s.SetUnavailable(true)
	_, err := l.ImportCSV([]byte(csvHeader+"2025-03-01,runway,gen4,10,50,USD,0.012,yes,A\n"), ImportOptions{})
	if !errors.Is(err, ErrStorageUnavailable) {
		t.Errorf("err = %v", err)
	}
}

// TestImportLimits: a file over a limit is refused, changing nothing,
// with a message that says what to do, and its refusal takes time that
// grows with the file no faster than reading it (checkGrowth: CPU time,
// the least of largeRuns runs, a file of 10 times the rows beside one just
// over). It held the three refusals to 5 s on the wall clock, which a
// loaded machine failed.
func TestImportLimits(t *testing.T) {
	l, s := fullLog(t, 3)
	before := s.Snapshot()
	check := func(name string, err error, want error) {
		t.Helper()
		var le *LimitError
		if !errors.As(err, &le) || !errors.Is(err, want) {
			t.Errorf("%s: %v", name, err)
		}
		if !sameMaps(before, s.Snapshot()) {
			t.Errorf("%s: a refused import changed the log", name)
		}
	}
	bigs := [2][]byte{
		bytes.Repeat([]byte("x"), MaxImportBytes+MaxImportBytes/10),
		bytes.Repeat([]byte("x"), 2*MaxImportBytes),
	}
	_, err := l.ImportCSV(bigs[0], ImportOptions{})
	check("CSV over the limit", err, ErrImportTooLarge)
	_, err = l.ImportJSON(bigs[0], ImportOptions{})
	check("JSON over the limit", err, ErrImportTooLarge)
	if err.Error() != "This file is 17.6 MB; an import takes at most 16 MB, so nothing was imported. Split it into smaller files." {
		t.Errorf("message %q", err)
	}
	rows := [2][]byte{
		[]byte(csvHeader + strings.Repeat("a,b,c,d,e,f,g,h,i\n", MaxImportRows+1)),
		[]byte(csvHeader + strings.Repeat("a,b,c,d,e,f,g,h,i\n", 10*(MaxImportRows+1))),
	}
	_, err = l.ImportCSV(rows[0], ImportOptions{})
	check("CSV over 50,000 rows", err, ErrTooManyRows)
	if err.Error() != "This file has more than 50,000 rows, the most one import takes; nothing was imported. Split it into smaller files." {
		t.Errorf("message %q", err)
	}
	entries := [2][]byte{
		[]byte(`{"app":"aivc","kind":"backup","version":1,"entries":[` + strings.Repeat("{},", MaxImportRows) + "{}]}"),
		[]byte(`{"app":"aivc","kind":"backup","version":1,"entries":[` + strings.Repeat("{},", 10*MaxImportRows) + "{}]}"),
	}
	_, err = l.ImportJSON(entries[0], ImportOptions{})
	check("JSON over 50,000 entries", err, ErrTooManyRows)
	if testing.Short() {
		return
	}
	t.Logf("%-28s %10s %10s %7s   (%s, the least of %d runs)", "", "smaller", "larger", "growth", cpuClock, largeRuns)
	checkGrowth(t, "refuse CSV over 16 MB", [2]string{"17.6 MB", "32 MB"}, time.Second, func(i int) {
		l.ImportCSV(bigs[i], ImportOptions{}) //nolint:errcheck // refused, as checked above
	})
	checkGrowth(t, "refuse CSV over 50,000 rows", [2]string{"50,001 rows", "500,010 rows"}, time.Second, func(i int) {
		l.ImportCSV(rows[i], ImportOptions{}) //nolint:errcheck // refused, as checked above
	})
	checkGrowth(t, "refuse JSON over 50,000", [2]string{"50,001 entries", "500,001 entries"}, time.Second, func(i int) {
		l.ImportJSON(entries[i], ImportOptions{}) //nolint:errcheck // refused, as checked above
	})
	if !sameMaps(before, s.Snapshot()) {
		t.Errorf("a refused import changed the log")
	}
	// Exactly at the limit is fine (rows with quoted newlines count once).
	ok := csvHeader + strings.Repeat("2025-03-01,runway,gen4,10,50,USD,0.012,yes,\"a\nb\"\n", 3)
	if n := countRecords([]byte(ok)); n != 4 {
		t.Errorf("countRecords = %d, want 4", n)
	}
}

func TestImportReadOnly(t *testing.T) {
	s := NewMemStore()
	s.Put(MetaKey, `{"schema":9}`)
	l, _, _ := Open(s)
	_, err := l.ImportJSON([]byte(backupWith(goodJSON)), ImportOptions{})
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("err = %v", err)
	}
}

func ExampleLog_ImportCSV() {
	l, _, _ := Open(NewMemStore())
	file := "date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept\n" +
		"2025-03-01,runway,gen4_turbo,10,50,USD,0.012,yes\n" +
		"2025-03-01,runway,gen4_turbo,10,fifty,USD,0.012,no\n"
	_, err := l.ImportCSV([]byte(file), ImportOptions{})
	fmt.Println(err)
	rep, _ := l.ImportCSV([]byte(file), ImportOptions{SkipInvalid: true})
	fmt.Println(rep.Summary())
	// Output:
	// The file has 1 problem; nothing was imported:
	// line 3: Credits used (column E) must be a number, like 30 or 1,200.50
	// Imported 1 clip; 1 problem in the file: those lines were left out.
}

// TestImportUnknownNames: clips that name a platform or model Known does
// not know are imported as written and listed, three at most by line; a
// clip already saved is not listed again.
func TestImportUnknownNames(t *testing.T) {
	l := openLog(t, NewMemStore())
	known := func(p, m string) bool { return p == "runway" && m == "gen4" }
	file := csvHeader +
		"2025-03-01,runway,gen4,10,50,USD,0.012,yes,A\n" +
		"2025-03-01,runwayy,gen4,10,50,USD,0.012,yes,A\n" +
		"2025-03-02,runway,gen-9,10,50,USD,0.012,yes,A\n" +
		"2025-03-03,x,y,10,50,USD,0.012,yes,A\n" +
		"2025-03-04,x,y,10,50,USD,0.012,yes,A\n"
	rep, err := l.ImportCSV([]byte(file), ImportOptions{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	want := "Imported 5 clips; 4 clips name a platform or model this app does not know (line 3: runwayy · gen4; " +
		"line 4: runway · gen-9; line 5: x · y; …), imported as written: check the spelling."
	if got := rep.Summary(); got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if rep, _ := l.ImportCSV([]byte(file), ImportOptions{Known: known}); len(rep.Unknown) != 0 {
		t.Errorf("the same file again lists %v", rep.Unknown)
	}
}

// TestImportCostTooLarge: credits × price of 16 digits is refused where it
// is made; a CSV imported it, and its backup was then refused ("Cost is
// too large": FuzzImportCSV found it).
func TestImportCostTooLarge(t *testing.T) {
	_, err := ReadCSV([]byte(csvHeader + "2025-03-01,runway,gen4,10,10,USD,100000000000000,yes,A\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2: Cost is too large") {
		t.Errorf("a cost of 1e15: %v", err)
	}
}

// TestImportSummaryRows: the summary names a clip by the spreadsheet's row
// as the errors do ("row 4 (line 6)") after a note with a line break.
func TestImportSummaryRows(t *testing.T) {
	l := openLog(t, NewMemStore())
	file := "date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept,note\n" +
		"2025-03-01,runway,gen4,10,50,USD,0.012,yes,\"two\nlines\"\n" +
		"2025-03-02,runwayy,gen4,10,50,USD,0.012,yes,A\n"
	rep, err := l.ImportCSV([]byte(file), ImportOptions{Known: func(p, _ string) bool { return p == "runway" }})
	if err != nil {
		t.Fatal(err)
	}
	if want := "row 3 (line 4): runwayy · gen4"; !strings.Contains(rep.Summary(), want) {
		t.Errorf("summary %q, want %q in it", rep.Summary(), want)
	}
}

// TestImportNotCSVText: a file that is not CSV text (a workbook, UTF-16
// text, an image) or not UTF-8 (Excel for Windows' "CSV (Comma
// delimited)") is refused in one sentence saying what to do; it was a list
// of garbled "unknown column"s, or a problem on every row with an accent.
func TestImportNotCSVText(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"xlsx", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00bh\xd0\x80[Content_Types].xml",
			`line 1: this is a spreadsheet workbook (.xlsx, .ods or .numbers), not a CSV file: open it in your spreadsheet, save it as "CSV UTF-8", and import that file`},
		{"utf-16", "\xff\xfed\x00a\x00t\x00e\x00\t\x00",
			`line 1: this file is UTF-16 text (Excel's "Unicode Text"), which this app does not read: open it in your spreadsheet, save it as "CSV UTF-8", and import that file`},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 1: this is not a text file: import a CSV file or a JSON backup"},
		{"windows-1252", csvHeader + "2025-03-01,runway,gen4,10,50,USD,0.012,yes,Acme\n2025-03-02,runway,gen4,10,50,USD,0.012,yes,Caf\xe9 No\xebl\n",
			`line 3: this line is not UTF-8 text: the file was saved in another encoding (Excel's "CSV (Comma delimited)" does that): open it in your spreadsheet, save it as "CSV UTF-8", and import that file`},
	} {
		s := NewMemStore()
		l := openLog(t, s)
		addAll(t, l, sample(2))
		before := s.Snapshot()
		_, err := l.ImportCSV([]byte(c.data), ImportOptions{SkipInvalid: true})
		ie, ok := errors.AsType[*ImportErrors](err)
		if !ok || len(ie.Errs) != 1 || ie.Errs[0].Error() != c.want || !errors.Is(err, ErrBadCSV) {
			t.Errorf("%s: %v\nwant one problem: %s", c.name, err, c.want)
		}
		if !sameMaps(before, s.Snapshot()) {
			t.Errorf("%s: the refused file changed the log", c.name)
		}
	}
}
