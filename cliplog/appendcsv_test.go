package cliplog

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestAppendCSVAsWriter checks AppendCSV against the encoding/csv Writer
// (UseCRLF) it replaces, byte for byte, but for one difference: a cell
// with a ';' or a tab is quoted too (which the Writer does only when its
// Comma is that character), so that a spreadsheet splitting on those as
// well keeps it one cell.
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
		for i, c := range rec {
			var one strings.Builder
			w := csv.NewWriter(&one)
			w.UseCRLF = true
			if strings.ContainsAny(c, ";\t") {
				w.Comma = rune(c[strings.IndexAny(c, ";\t")]) // which quotes it
			}
			if err := w.Write([]string{c}); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			if i > 0 {
				want.WriteByte(',')
			}
			want.WriteString(strings.TrimSuffix(one.String(), "\r\n"))
		}
		want.WriteString("\r\n")
		if got := string(AppendCSV(nil, rec)); got != want.String() {
			t.Errorf("AppendCSV(%q) = %q, want %q", rec, got, want.String())
		}
	}
}
