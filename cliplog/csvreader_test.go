package cliplog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"testing"
)

// csvReaderSeeds are the import seeds and the corners of encoding/csv's
// Reader: line ends, blank lines, quotes out of place and the line each
// error is on.
func csvReaderSeeds(t testing.TB) [][]byte {
	seeds := csvSeeds(t)
	for _, s := range []string{
		"\n", "\r\n", "\r", "\n\r", "a\r", "a\r\r", "\r\r\n", "\ra\n", "a\rb\r\n",
		"a,b\r\n\r\n\nc,d", ",", "a,", ",\n,", " \n\t",
		`"a""b",c` + "\n" + `"",""`,
		"\"a\r\nb\",\"c\rd\"\r\n\"e\nf\"",
		"\"\n\n\"\n\"\r\n\r\n\"", `""""`, `"a"` + "\r", `"a"` + "\r\r",
		`a"b`, "a\n\nb,c\"d", `"a"b`, "x\n\"a\nb\"c", `"a" ,b`, `"a"` + "\rb",
		`"`, `"abc`, "\"abc\n", "\"abc\n\n\n", "\"abc\n\r", "\"abc\r\n\r", "x\n\"abc\ndef", "\"a\n\"\"\n",
		"a;b,c\n\"d;e\";\"f,g\"", "\xEF\xBB\xBF\"a\"", "é,\"ü\"\n\xff,\"\xfe\"",
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

// FuzzCSVReader holds csvReader to encoding/csv's Reader as parseCSV sets
// it up: the same records starting on the same lines, and an error on the
// same line where it has one.
func FuzzCSVReader(f *testing.F) {
	for i, s := range csvReaderSeeds(f) {
		f.Add(s, i%2 == 1)
	}
	f.Fuzz(func(t *testing.T, data []byte, semicolons bool) {
		sep := byte(',')
		if semicolons {
			sep = ';'
		}
		want := csv.NewReader(bytes.NewReader(data))
		want.Comma = rune(sep)
		want.FieldsPerRecord = -1
		got := newCSVReader(data, sep)
		var rec []string
		for n := 1; ; n++ {
			wantRec, wantErr := want.Read()
			var line int
			var err error
			rec, line, err = got.read(rec)
			var pe *csv.ParseError
			switch {
			case errors.Is(wantErr, io.EOF):
				if !errors.Is(err, io.EOF) {
					t.Fatalf("record %d: %q, %d, %v; encoding/csv: EOF", n, rec, line, err)
				}
				return
			case errors.As(wantErr, &pe):
				wantLine := pe.Line
				if errors.Is(pe.Err, csv.ErrQuote) && errors.Is(err, errUnclosed) {
					wantLine = pe.StartLine // the record with the open quote, not the file's last line
				}
				if err == nil || errors.Is(err, io.EOF) || line != wantLine {
					t.Fatalf("record %d: %q, %d, %v; encoding/csv: %v", n, rec, line, err, wantErr)
				}
				return
			case wantErr != nil:
				t.Fatalf("encoding/csv: %v", wantErr)
			}
			wantLine, _ := want.FieldPos(0)
			if err != nil || line != wantLine || !slices.Equal(rec, wantRec) {
				t.Fatalf("record %d: %q, %d, %v; encoding/csv: %q, %d", n, rec, line, err, wantRec, wantLine)
			}
		}
	})
}
