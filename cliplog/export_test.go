package cliplog

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const exported = "2025-12-31T18:00:00Z"

// fullLog is a log with entries, plans and settings.
func fullLog(t testing.TB, n int) (*Log, *MemStore) {
	t.Helper()
	s := NewMemStore()
	l := openLog(t, s)
	addAll(t, l, sample(n))
	for _, p := range []MyPlan{
		{ProfileID: "runway", PlanID: "standard", Billing: Monthly},
		{ProfileID: "kling", Price: money("10", pricing.USD), Credits: d("660")},
	} {
		if err := l.SetPlan(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.SaveSettings(Settings{Display: pricing.EUR, Rates: testRates, LastExport: "2025-11-30T09:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	return l, s
}

func exportJSON(t testing.TB, l *Log) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := l.ExportJSON(&b, exported); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func exportCSV(t testing.TB, l *Log, bom bool) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := l.ExportCSV(&b, CSVOptions{BOM: bom}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, got)
	}
}

func TestExportGolden(t *testing.T) {
	l, s := fullLog(t, 8)
	saveProfile(t, s, customProfile(t, "studio", "Studio rates", "99"))
	saveProfile(t, s, customProfile(t, "my-runway", "My Runway", "28"))
	golden(t, "backup.golden.json", exportJSON(t, l))
	golden(t, "export.golden.csv", exportCSV(t, l, false))
	empty := openLog(t, NewMemStore())
	golden(t, "empty.golden.json", exportJSON(t, empty))
}

// JSON export → import into an empty store → JSON export is byte-equal.
func TestJSONRoundTrip(t *testing.T) {
	l, _ := fullLog(t, 500)
	first := exportJSON(t, l)
	s2 := NewMemStore()
	l2 := openLog(t, s2)
	rep, err := l2.ImportJSON(first, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 500 || rep.PlansAdded != 2 || !rep.SettingsAdded || len(rep.Conflicts) != 0 {
		t.Errorf("report %+v", rep)
	}
	if second := exportJSON(t, l2); !bytes.Equal(first, second) {
		t.Error("export → import → export is not byte-equal")
	}
	// And after a reload from storage.
	if third := exportJSON(t, openLog(t, s2)); !bytes.Equal(first, third) {
		t.Error("export after reload differs")
	}
	// Importing the same backup again adds nothing.
	rep, err = l2.ImportJSON(first, ImportOptions{})
	if err != nil || rep.Added != 0 || rep.Identical != 500 || rep.PlansIdentical != 2 || rep.SettingsAdded {
		t.Errorf("second import: %+v, %v", rep, err)
	}
	if got := rep.Summary(); got != "Imported 0 clips; 500 clips were already in your log." {
		t.Errorf("summary %q", got)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	l, _ := fullLog(t, 300)
	for _, bom := range []bool{false, true} {
		first := exportCSV(t, l, bom)
		if bom != bytes.HasPrefix(first, bom3) {
			t.Errorf("BOM %v: file starts %q", bom, first[:3])
		}
		l2 := openLog(t, NewMemStore())
		rep, err := l2.ImportCSV(first, ImportOptions{})
		if err != nil || rep.Added != 300 {
			t.Fatalf("import: %+v, %v", rep, err)
		}
		for _, e := range l.Entries() {
			if g, ok := l2.Entry(e.ID); !ok || !g.Equal(e) {
				t.Fatalf("entry %s: %+v, want %+v", e.ID, g, e)
			}
		}
		if second := exportCSV(t, l2, bom); !bytes.Equal(first, second) {
			t.Error("CSV export → import → export is not byte-equal")
		}
	}
}

var bom3 = []byte("\xEF\xBB\xBF")

// excelCells returns the cells a spreadsheet makes of one line of a CSV
// file when it splits on sep, honouring a quote only where it starts a
// field (as Excel and LibreOffice do): after the closing quote the rest of
// the field is taken as it is.
func excelCells(line string, sep byte) []string {
	var cells []string
	for _, f := range strings.Split(line, string(sep)) {
		if strings.HasPrefix(f, `"`) {
			var b strings.Builder
			i := 1
			for ; i < len(f); i++ {
				if f[i] == '"' {
					if i+1 < len(f) && f[i+1] == '"' {
						b.WriteByte('"')
						i++
						continue
					}
					i++
					break
				}
				b.WriteByte(f[i])
			}
			if i < len(f) {
				b.WriteString(f[i:])
			}
			f = b.String()
		}
		cells = append(cells, f)
	}
	return cells
}

// TestCSVFormulaGuardAfterSeparator: a text with a formula after a ';' or
// a tab ("Acme;=HYPERLINK(…)") was written as it is, and a spreadsheet
// that splits on ';' (Excel set to German or French opens a .csv so) or
// on tabs made a cell of what followed: a formula. Every such cell now
// starts with the apostrophe, and the import reads the text back exactly.
func TestCSVFormulaGuardAfterSeparator(t *testing.T) {
	texts := []string{
		`Acme;=HYPERLINK("http://x","y")`,
		"Acme;=cmd|' /C calc'!A0",
		"Beta;+1;-2;@SUM(A1)",
		"tab\t=1+1",
		`quote;"=1+1"`,
		`quote;""=1+1`,
		"apos;'=1",
		"a;;=b",
	}
	l := openLog(t, NewMemStore())
	var es []Entry
	for i, s := range texts {
		e := mk(fmt.Sprintf("g%d", i), "2025-03-01", "5", "50", "0.01", pricing.USD, true)
		e.Client, e.Project = s, s
		if !strings.Contains(s, "\t") {
			e.Note = s
		}
		es = append(es, e.Derive())
	}
	addAll(t, l, es)
	csv := string(exportCSV(t, l, false))
	for _, line := range strings.Split(csv, "\r\n") {
		for _, sep := range []byte{';', '\t'} {
			for _, c := range excelCells(line, sep) {
				if c != "" && formulaStart(c[0]) {
					t.Errorf("split on %q, a cell starts a formula: %q\nline %q", sep, c, line)
				}
			}
		}
	}
	l2 := openLog(t, NewMemStore())
	if rep, err := l2.ImportCSV([]byte(csv), ImportOptions{}); err != nil || rep.Added != len(es) {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	for _, e := range es {
		if g, ok := l2.Entry(e.ID); !ok || !g.Equal(e) {
			t.Errorf("entry %s: client %q, want %q", e.ID, g.Client, e.Client)
		}
	}
}

// FuzzCSVGuard: the guard apostrophes come off exactly as they went on,
// and no cell a spreadsheet could make of a guarded text starts a formula.
func FuzzCSVGuard(f *testing.F) {
	for _, s := range []string{"=a", "a;=b", "a\t\t=b", `a;""=b`, "''", "a;'", "';'\t'=", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := GuardCell(s)
		if back := unescapeCell(g); back != s {
			t.Fatalf("unescapeCell(GuardCell(%q)) = %q (escaped %q)", s, back, g)
		}
		for i := 0; i < len(g); i++ {
			if (i == 0 || splitsCell(g[i-1])) && formulaStart(g[i]) {
				t.Fatalf("GuardCell(%q) = %q: a formula at %d", s, g, i)
			}
			if i > 0 && splitsCell(g[i-1]) && g[i] == '"' {
				t.Fatalf("GuardCell(%q) = %q: a quote after a separator at %d", s, g, i)
			}
		}
	})
}

func TestCSVFormulaGuard(t *testing.T) {
	tests := []struct{ text, cell string }{
		{"=SUM(A1:A9)", "'=SUM(A1:A9)"},
		{"+1", "'+1"},
		{"-minus", "'-minus"},
		{"@cmd", "'@cmd"},
		{"\tx", "'\tx"},
		{"'=already", "''=already"},
		{"''", "'''"},
		{"'plain", "'plain"},
		{"'", "'"},
		{"a=b", "a=b"},
		{"", ""},
		// After a ';' or a tab, where a spreadsheet splitting on it starts
		// a cell, a quote leads too.
		{"Acme;=HYPERLINK(A1)", "Acme;'=HYPERLINK(A1)"},
		{"a;-1;+2", "a;'-1;'+2"},
		{"a\t@b", "a\t'@b"},
		{"a;\t=b", "a;'\t'=b"},
		{`a;"=1"`, `a;'"=1"`},
		{"a;'=b", "a;''=b"},
		{"a;'x", "a;'x"},
		{"a;'", "a;'"},
		{"a; =b", "a; =b"},
		{"a,=b", "a,=b"},
		{`"=b`, `"=b`},
		{"=a;=b", "'=a;'=b"},
	}
	for _, tt := range tests {
		if got := GuardCell(tt.text); got != tt.cell {
			t.Errorf("GuardCell(%q) = %q, want %q", tt.text, got, tt.cell)
		}
		if got := unescapeCell(tt.cell); got != tt.text {
			t.Errorf("unescapeCell(%q) = %q, want %q", tt.cell, got, tt.text)
		}
	}
	l, _ := fullLog(t, 5)
	csv := string(exportCSV(t, l, false))
	if strings.Contains(csv, ",=SUM") || !strings.Contains(csv, ",'=SUM(A1),") || !strings.Contains(csv, ",'-minus,") {
		t.Errorf("formula cells not guarded:\n%s", csv)
	}
}

// TestRestoreSettingsOnNewDevice: a backup restored on a device where the
// display currency was picked first (which saves the bundled rates with
// it) brings its exchange rates (and its export date only where it holds
// this device's display currency and rates too: Log.Holds counts them); a
// display currency or rates set here are kept, and the summary says so. The bundled rates
// stayed, silently, so the totals differed from the old device's.
func TestRestoreSettingsOnNewDevice(t *testing.T) {
	typed := pricing.Rates{Base: pricing.USD, Date: "2025-11-02", Source: "Typed in on the clip log page.",
		Per: map[pricing.Currency]decimal.Decimal{pricing.EUR: d("0.92"), pricing.GBP: d("0.79")}}
	old := openLog(t, NewMemStore())
	addAll(t, old, sample(3))
	if err := old.SaveSettings(Settings{Display: pricing.GBP, Rates: typed, LastExport: "2025-11-30T09:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	backup := exportJSON(t, old)

	s := NewMemStore()
	l := openLog(t, s)
	if err := l.SaveSettings(Settings{Display: pricing.EUR, Rates: pricing.DefaultRates()}); err != nil { // the display picked
		t.Fatal(err)
	}
	rep, err := l.ImportJSON(backup, ImportOptions{})
	if err != nil || rep.Added != 3 || !rep.SettingsAdded || !rep.SettingsKept {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	// No last backup: the backup holds every clip here, but not the
	// display currency picked here, which differs from its own (it was
	// the backup's date, and a device lost after it lost EUR).
	want := Settings{Display: pricing.EUR, Rates: typed}
	for name, got := range map[string]Settings{"in memory": l.Settings(), "stored": openLog(t, s).Settings()} {
		if encodeSettings(got) != encodeSettings(want) {
			t.Errorf("settings %s %s, want %s", name, encodeSettings(got), encodeSettings(want))
		}
	}
	if sum := rep.Summary(); !strings.Contains(sum, "the display currency set here was kept: the backup's differs") {
		t.Errorf("summary %q", sum)
	}
	tot, err := Total(l.Entries(), pricing.EUR, l.Settings().RatesOrDefault())
	tot0, err0 := Total(old.Entries(), pricing.EUR, old.Settings().RatesOrDefault())
	if err != nil || err0 != nil || !tot.Spent.Amount.Equal(tot0.Spent.Amount) {
		t.Errorf("spent in EUR %s here, %s on the old device (%v, %v)", tot.Spent.Amount, tot0.Spent.Amount, err, err0)
	}

	// Rates typed here are kept, and said; the display currency, not
	// picked here, is the backup's.
	s2 := NewMemStore()
	l2 := openLog(t, s2)
	mine := Settings{Rates: pricing.Rates{Base: pricing.USD, Per: map[pricing.Currency]decimal.Decimal{pricing.EUR: d("0.9")}}}
	if err := l2.SaveSettings(mine); err != nil {
		t.Fatal(err)
	}
	rep, err = l2.ImportJSON(backup, ImportOptions{})
	if err != nil || !rep.SettingsKept {
		t.Fatalf("import over typed rates: %+v, %v", rep, err)
	}
	if got := openLog(t, s2).Settings(); !got.Rates.Per[pricing.EUR].Equal(d("0.9")) || got.Display != pricing.GBP {
		t.Errorf("typed rates: %s", encodeSettings(got))
	}

	// Storage full at the settings, the last write: the clips written are
	// deleted again and the settings are as they were.
	s3 := NewMemStore()
	l3 := openLog(t, s3)
	if err := l3.SaveSettings(Settings{Display: pricing.EUR, Rates: pricing.DefaultRates()}); err != nil {
		t.Fatal(err)
	}
	before := s3.Snapshot()
	s3.FailWritesAfter(3)
	if _, err := l3.ImportJSON(backup, ImportOptions{}); !errors.Is(err, ErrStorageFull) {
		t.Fatalf("import into full storage: %v", err)
	}
	if !sameMaps(before, s3.Snapshot()) || l3.Len() != 0 || l3.Settings().Display != pricing.EUR {
		t.Error("a refused import changed the log")
	}
}

// TestRestoreSummarySettings: the summary of a restore names the settings
// it took from the backup, and which of this device's it kept. It named
// none: a person did not know the totals' currency or rates had changed.
func TestRestoreSummarySettings(t *testing.T) {
	typed := pricing.Rates{Base: pricing.USD, Date: "2025-11-02", Source: "Typed in on the clip log page.",
		Per: map[pricing.Currency]decimal.Decimal{pricing.GBP: d("0.79"), pricing.EUR: d("0.92")}}
	old := openLog(t, NewMemStore())
	addAll(t, old, sample(3))
	if err := old.SaveSettings(Settings{Display: pricing.GBP, Rates: typed, LastExport: "2025-11-30T09:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	backup := exportJSON(t, old)
	const rates = "exchange rates of 2025-11-02"
	empty := openLog(t, NewMemStore())
	for _, c := range []struct {
		name string
		l    *Log
		here Settings
		want string
	}{
		{"a new device", empty, Settings{},
			"Imported 3 clips; the backup's settings restored: totals in GBP, " + rates + "; everything in your log is in this backup, of 2025-12-31."},
		{"the same again", empty, Settings{}, "Imported 0 clips; 3 clips were already in your log."},
		{"the display currency picked here", openLog(t, NewMemStore()), Settings{Display: pricing.EUR, Rates: pricing.DefaultRates()},
			"Imported 3 clips; the backup's settings restored: " + rates + "; " +
				"the display currency set here was kept: the backup's differs."},
		{"rates typed here", openLog(t, NewMemStore()), Settings{Rates: pricing.Rates{Base: pricing.USD, Per: map[pricing.Currency]decimal.Decimal{pricing.EUR: d("0.9")}}},
			"Imported 3 clips; the backup's settings restored: totals in GBP; " +
				"the exchange rates set here were kept: the backup's differ."},
	} {
		if c.here.Rates.Base != "" {
			if err := c.l.SaveSettings(c.here); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := c.l.ImportJSON(backup, ImportOptions{})
		if err != nil || rep.Summary() != c.want {
			t.Errorf("%s: %v\n%s\nwant %s", c.name, err, rep.Summary(), c.want)
		}
	}
}

// TestRestoreIsLastBackup: a backup restored where everything of the log
// is in it makes its date the log's last backup: a first backup (whose
// settings had no last export, as every backup before this one) restored
// on a new device left "Never backed up". Where the log has a clip, or a
// plan, that the backup does not, or one of its own profiles differs, it
// is not backed up by it; a later backup of its own is kept. A profile
// of its own that the backup lacks leaves it not backed up too (it said
// "Last backed up", and a new device restoring that backup lost the
// profile).
func TestRestoreIsLastBackup(t *testing.T) {
	oldStore := NewMemStore()
	old := openLog(t, oldStore)
	addAll(t, old, sample(3))
	mine := customProfile(t, "mine", "Mine", "28")
	saveProfile(t, oldStore, mine)
	first := old.Backup(exported)
	first.Settings.LastExport = "" // as a first backup was written
	var file bytes.Buffer
	if err := WriteBackup(&file, first); err != nil {
		t.Fatal(err)
	}
	const clipsIn = "everything in your log is in this backup, of 2025-12-31"
	for _, c := range []struct {
		name    string
		here    func(l *Log)
		want    string // LastExport after the restore
		summary bool   // it says clipsIn
	}{
		{"a new device", func(*Log) {}, exported, true},
		{"the same clips already here", func(l *Log) { addAll(t, l, sample(3)) }, exported, true},
		{"a clip of its own", func(l *Log) { addAll(t, l, []Entry{mk("mine", "2026-01-02", "5", "50", "0.01", pricing.USD, true)}) }, "", false},
		{"a clip edited here", func(l *Log) {
			es := sample(3)
			es[1].Client = "Edited"
			addAll(t, l, es)
		}, "", false},
		{"a plan of its own", func(l *Log) {
			if err := l.SetPlan(MyPlan{ProfileID: "pika", PlanID: "standard", Billing: Monthly}); err != nil {
				t.Fatal(err)
			}
		}, "", false},
		{"its profile here as the backup has it", func(l *Log) { saveProfile(t, l.store.(*MemStore), mine) }, exported, true},
		{"a profile of its own", func(l *Log) { saveProfile(t, l.store.(*MemStore), customProfile(t, "studio", "Studio", "99")) }, "", false},
		{"its profile edited here", func(l *Log) { saveProfile(t, l.store.(*MemStore), customProfile(t, "mine", "Mine", "30")) }, "", false},
		{"backed up here later", func(l *Log) {
			if err := l.MarkExported("2026-01-05T08:00:00Z"); err != nil {
				t.Fatal(err)
			}
		}, "2026-01-05T08:00:00Z", false},
	} {
		l := openLog(t, NewMemStore())
		c.here(l)
		rep, err := l.ImportJSON(file.Bytes(), ImportOptions{})
		if got := l.Settings().LastExport; err != nil || got != c.want || strings.Contains(rep.Summary(), clipsIn) != c.summary {
			t.Errorf("%s: last export %q, want %q; %v; %s", c.name, got, c.want, err, rep.Summary())
		}
	}
}
