package cliplog

import (
	"strconv"
	"strings"
	"time"
)

// A CSV export opened in a spreadsheet and saved again comes back with its
// dates and numbers as the spreadsheet writes them: Excel writes a date in
// the computer's short form ("27/11/2026" in Britain, "11/27/2026" in the
// United States, "27.11.2026" in Germany), some tools add a time
// ("2026-11-27 00:00:00"), and a spreadsheet set to a language with a
// decimal comma writes "0,024" and "1 234,50". ReadCSV reads them back
// where a cell, or the file's other cells, say how they are meant; it
// never guesses.

// shown is what a file's cells show of how they are written: one of two
// readings (1 or 2), both (some cells one, some the other), or neither
// (0). A cell's is or-ed into the file's.
type shown uint8

const (
	dayFirst   shown = 1 // a date shows its day first: 27/11/2026
	monthFirst shown = 2 // or its month: 11/27/2026

	decimalComma shown = 1 // a number shows a decimal comma: 0,024, 1.200,50
	decimalPoint shown = 2 // or a decimal point: 0.024, 1,200.50
)

// numberColumns are the CSV's amounts, read with the file's decimal mark.
var numberColumns = []string{"seconds", "credits", "price_per_credit", "cost"}

// amountColumn reports whether name is one of numberColumns.
func amountColumn(name string) bool {
	for _, c := range numberColumns {
		if c == name {
			return true
		}
	}
	return false
}

// sheetDate is a date cell split into its numbers: year first (y, then a
// the month and b the day), or a and b before the year, as written.
type sheetDate struct {
	y, a, b   int
	yearFirst bool
}

// splitDate splits a date as a spreadsheet may have saved the log's
// YYYY-MM-DD: the year (four digits) first or last, a day and a month of
// one or two digits, '-', '/' or '.' between them (the same twice), and
// maybe a time after a space or a T ("2026-11-27 00:00:00", "27/11/2026
// 10:00", "2026-11-27T00:00:00Z"). ok is false for any other text.
func splitDate(s string) (d sheetDate, ok bool) {
	var n, width [3]int
	i, sep := 0, byte(0)
	for k := range 3 {
		start := i
		for ; i < len(s) && '0' <= s[i] && s[i] <= '9' && i-start < 4; i++ {
			n[k] = n[k]*10 + int(s[i]-'0')
		}
		width[k] = i - start
		if k == 2 {
			break
		}
		if i >= len(s) || s[i] != '-' && s[i] != '/' && s[i] != '.' || sep != 0 && s[i] != sep {
			return d, false
		}
		sep = s[i]
		i++
	}
	if rest := s[i:]; rest != "" && (rest[0] != ' ' && rest[0] != 'T' || !isClock(rest[1:])) {
		return d, false
	}
	short := func(w int) bool { return w == 1 || w == 2 }
	switch {
	case width[0] == 4 && short(width[1]) && short(width[2]):
		return sheetDate{y: n[0], a: n[1], b: n[2], yearFirst: true}, true
	case width[2] == 4 && short(width[0]) && short(width[1]):
		return sheetDate{y: n[2], a: n[0], b: n[1]}, true
	}
	return d, false
}

// isClock reports whether t, after a date, looks like a time of day as a
// spreadsheet writes one ("0:00", "10:00:00.000", "12:00:00 AM", maybe
// with a Z): digits and a colon, and only such characters. It is read
// for the date before it; the time itself is dropped.
func isClock(t string) bool {
	colon := false
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == ':':
			colon = i > 0
		case '0' <= c && c <= '9', c == '.', c == ' ', strings.IndexByte("APMZapm", c) >= 0:
		default:
			return false
		}
	}
	return colon
}

// shows is what d shows of the order of day and month: a first number
// over 12 is a day, a second number over 12 is one too.
func (d sheetDate) shows() shown {
	switch {
	case d.yearFirst:
		return 0
	case d.a > 12 && d.b <= 12:
		return dayFirst
	case d.b > 12 && d.a <= 12:
		return monthFirst
	}
	return 0
}

// readDate reads a date cell as YYYY-MM-DD (splitDate's forms, in the
// order of day and month the file shows, order): a date that is no such
// form comes back as it is, for checkDate to refuse. A day and month
// each 12 or less, different, in a file whose other dates do not settle
// which comes first, is refused naming both readings and the column
// (column: its letter in a spreadsheet).
func readDate(s string, order shown, column string) (string, error) {
	d, ok := splitDate(s)
	if !ok {
		return s, nil
	}
	m, day := d.a, d.b
	if !d.yearFirst {
		switch {
		case d.a > 12 || d.a == d.b || d.b <= 12 && order == dayFirst:
			m, day = d.b, d.a
		case d.b > 12 || order == monthFirst:
		default:
			return s, inputErr(FieldDate, s, describe(ErrBadDate, strconv.Quote(s)+" (column "+column+") could be "+
				spokenDate(d.y, d.b, d.a)+" or "+spokenDate(d.y, d.a, d.b)+", and the file's other dates do not say which: "+
				"write it as "+isoDate(d.y, d.b, d.a)+" or "+isoDate(d.y, d.a, d.b)))
		}
	}
	return isoDate(d.y, m, day), nil
}

// isoDate writes a date as YYYY-MM-DD (0 ≤ y < 10,000; m and d under 100).
func isoDate(y, m, d int) string {
	b := []byte("0000-00-00")
	for _, f := range [...]struct{ end, n int }{{3, y}, {6, m}, {9, d}} {
		for i := f.end; i >= 0 && b[i] != '-'; i-- {
			b[i] = byte('0' + f.n%10)
			f.n /= 10
		}
	}
	return string(b)
}

// spokenDate says a date in words: "5 November 2026".
func spokenDate(y, m, d int) string {
	return strconv.Itoa(d) + " " + time.Month(m).String() + " " + strconv.Itoa(y)
}

// decimalMark is what a number cell shows of its decimal mark: the last
// of two marks ("1,200.50", "1.200,50"); the other one of a mark written
// twice ("1.200.000"); a lone mark unless three digits follow it and a
// number other than 0 comes before ("0,024", "28,8", "1234,5"); nothing
// for "1,200" or "1.200", which is 1200 or 1.2 by the file's other cells.
func decimalMark(s string) shown {
	dot, comma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	at, mark, other := dot, decimalPoint, decimalComma
	if comma > dot {
		at, mark, other = comma, decimalComma, decimalPoint
	}
	switch {
	case at < 0:
		return 0
	case dot >= 0 && comma >= 0:
		return mark
	case strings.IndexByte(s, s[at]) < at:
		return other
	}
	after := 0
	for at+1+after < len(s) && '0' <= s[at+1+after] && s[at+1+after] <= '9' {
		after++
	}
	whole := false // a digit other than 0 before the mark
	for i := at - 1; i >= 0 && '0' <= s[i] && s[i] <= '9'; i-- {
		whole = whole || s[i] != '0'
	}
	if after != 3 || !whole {
		return mark
	}
	return 0
}

// readings reads a CSV file's dates and amounts for what they show (the
// order of day and month, the decimal mark) before its rows are read: a
// row's "05/11/2026" or "1,125" may be settled by a row after it.
// Records past one that cannot be read are not looked at (the import
// stops there).
func readings(data []byte, sep byte, col map[string]int) (dates, marks shown) {
	r := newCSVReader(data, sep)
	var rec []string
	for first := true; ; first = false {
		var err error
		if rec, _, err = r.read(rec); err != nil {
			return dates, marks
		}
		if first {
			continue // the header
		}
		if i, ok := col["date"]; ok && i < len(rec) {
			if d, ok := splitDate(strings.TrimSpace(unescapeCell(rec[i]))); ok {
				dates |= d.shows()
			}
		}
		for _, name := range numberColumns {
			if i, ok := col[name]; ok && i < len(rec) {
				marks |= decimalMark(rec[i])
			}
		}
	}
}

// columnName is a column's letter in a spreadsheet: A for the first. A
// header has at most len(CSVColumns) columns, each a known one.
func columnName(i int) string { return string(rune('A' + i%26)) }
