package cliplog

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	l, _ := fullLog(t, 8)
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
	}
	for _, tt := range tests {
		if got := escapeCell(tt.text); got != tt.cell {
			t.Errorf("escapeCell(%q) = %q, want %q", tt.text, got, tt.cell)
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
