package cliplog

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestAppendCSVAsWriter checks AppendCSV against the encoding/csv Writer
// (UseCRLF) it replaces, byte for byte.
func TestAppendCSVAsWriter(t *testing.T) {
	cells := []string{"", "a", "a,b", `q"q`, "l\nl", "c\r\nr", "r\rr", " lead", "\tlead", "\u00a0nbsp", "\u2003em",
		`\.`, `\.x`, "trail ", "Café", "=1+2", "'x", "\xff", ";", "a;b", `""`}
	recs := [][]string{{}, {""}, {"", ""}, cells}
	for _, a := range cells {
		for _, b := range cells {
			recs = append(recs, []string{a, b})
		}
	}
	for _, rec := range recs {
		var want strings.Builder
		w := csv.NewWriter(&want)
		w.UseCRLF = true
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		if got := string(AppendCSV(nil, rec)); got != want.String() {
			t.Errorf("AppendCSV(%q) = %q, want %q", rec, got, want.String())
		}
	}
}
