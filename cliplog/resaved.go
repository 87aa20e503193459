package cliplog

import (
	"strconv"
	"strings"
	"time"
)

// A CSV export opened in a spreadsheet and saved again comes back with its
// dates and numbers as the spreadsheet writes them: Excel writes a date in
// the computer's short form ("27/11/2026" in Britain, "11/27/2026" in the
// United States, "27.11.2026" in Germany, "27/11/26" with a two-digit
// year), some tools add a time ("2026-11-27 00:00:00"), the created and
// updated times lose their zone and often their seconds ("11/27/2026
// 14:03"), and a spreadsheet set to a language with a decimal comma writes
// "0,024" and "1 234,50". ReadCSV reads them back where a cell, or the
// file's other cells, say how they are meant; it never guesses.

// shown is what a file's cells show of how they are written: one of two
// readings (1 or 2), both (some cells one, some the other), or neither
// (0). A cell's is or-ed into the file's.
type shown uint8

const (
	dayFirst   shown = 1 // a date shows its day first: 27/11/2026
	monthFirst shown = 2 // or its month: 11/27/2026

	decimalComma shown = 1 // a number shows a decimal comma: 0,024, 1.200,50
	decimalPoint shown = 2 // or a decimal point: 0.024, 1,200.50

	yearFirst shown = 1 // a dashed date with two digits at both ends is year first: 25-03-01
	yearLast  shown = 2 // or year last: 01-03-25
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
// the month and b the day), or a and b before the year, as written; sep
// is the mark between them and clock what follows the date ("" for none).
type sheetDate struct {
	y, a, b   int
	yearFirst bool
	// twoYears is a dashed date with two digits at both ends ("25-03-01"),
	// split as year last (01-03-25 as 1 March 2025): its year may be
	// first as well (2025-03-01), which its column settles (years).
	twoYears bool
	sep      byte
	clock    string
}

// splitDate splits a date as a spreadsheet may have saved the log's
// YYYY-MM-DD: the year (four digits) first or last, or two digits last
// ("27/11/26": AI video is younger than 2000, so 26 is 2026), a day and a
// month of one or two digits, '-', '/' or '.' between them (the same
// twice; dots may be followed by spaces, and end the date too, as
// Hungarian "2025. 03. 01." and "2025.03.01." and Czech and Slovak "1. 3.
// 2025" write them), and maybe a time after a space or a T ("2026-11-27
// 00:00:00", "27/11/2026 10:00", "2026-11-27T00:00:00Z", "2025. 03. 01.
// 10:00"). ok is false for any other text.
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
		for i++; sep == '.' && i < len(s) && s[i] == ' '; i++ {
		}
	}
	if sep == '.' && i < len(s) && s[i] == '.' {
		i++ // the dot that ends a Hungarian or Czech date
	}
	rest := s[i:]
	if rest != "" {
		if _, _, _, _, ok := parseClock(rest[1:]); rest[0] != ' ' && rest[0] != 'T' || rest == " " || rest == "T" || !ok {
			return d, false
		}
		rest = rest[1:]
	}
	short := func(w int) bool { return w == 1 || w == 2 }
	switch {
	case width[0] == 4 && short(width[1]) && short(width[2]):
		return sheetDate{y: n[0], a: n[1], b: n[2], yearFirst: true, sep: sep, clock: rest}, true
	case width[2] == 4 && short(width[0]) && short(width[1]):
		return sheetDate{y: n[2], a: n[0], b: n[1], sep: sep, clock: rest}, true
	case width[2] == 2 && short(width[0]) && short(width[1]):
		return sheetDate{y: 2000 + n[2], a: n[0], b: n[1], twoYears: sep == '-' && width[0] == 2, sep: sep, clock: rest}, true
	}
	return d, false
}

// yearFirstOf is d, a twoYears date, read with its year first: 25-03-01
// as 2025-03-01.
func (d sheetDate) yearFirstOf() sheetDate {
	return sheetDate{y: 2000 + d.a, a: d.b, b: d.y - 2000, yearFirst: true, sep: d.sep, clock: d.clock}
}

// years is what a twoYears date shows of where its year is: the one
// reading that is a date (25-02-30 is not 30 February 2025, so it is 25
// February 2030), or nothing, and either, when both are.
func (d sheetDate) years() (v shown, either bool) {
	f := d.yearFirstOf()
	first := realDate(f.y, f.a, f.b)
	last := realDate(d.y, d.a, d.b) || realDate(d.y, d.b, d.a) // in either order of day and month
	switch {
	case first && last:
		return 0, true
	case first:
		return yearFirst, false
	case last:
		return yearLast, false
	}
	return 0, false // no date either way: its row says so
}

// realDate reports whether month m of year y has a day day.
func realDate(y, m, day int) bool {
	return 1 <= m && m <= 12 && 1 <= day && day <= 31 && checkDate("", isoDate(y, m, day)) == nil
}

// shows is what d shows of the order of day and month: a first number
// over 12 is a day, a second number over 12 is one too. A dotted date
// shows nothing of the file's other dates: it is always day first.
func (d sheetDate) shows() shown {
	switch {
	case d.yearFirst || d.sep == '.':
		return 0
	case d.a > 12 && d.b <= 12:
		return dayFirst
	case d.b > 12 && d.a <= 12:
		return monthFirst
	}
	return 0
}

// monthDay is d's month and day, in the order of day and month the file
// shows (order); ok is false when a day and month each 12 or less,
// different, could be either. A date with dots ("27.11.2026", "5.11.2026")
// is day first: so is every language that writes one (German, Russian,
// Polish, Finnish…).
func (d sheetDate) monthDay(order shown) (m, day int, ok bool) {
	switch {
	case d.yearFirst:
		return d.a, d.b, true
	case d.sep == '.' || d.a > 12 || d.a == d.b || d.b <= 12 && order == dayFirst:
		return d.b, d.a, true
	case d.b > 12 || order == monthFirst:
		return d.a, d.b, true
	}
	return 0, 0, false
}

// readDate reads a date cell as YYYY-MM-DD (splitDate's forms, in the
// order of day and month the file shows, order): a date that is no such
// form comes back as it is, for checkDate to refuse. One whose day and
// month could be either is refused naming both readings and the column
// (column: its letter in a spreadsheet). A date with two digits at both
// ends ("25-03-01") is read with its year where its column has it
// (years; year last unless it says first).
func readDate(s string, order, years shown, column string) (string, error) {
	d, ok := splitDate(s)
	if !ok {
		return s, nil
	}
	if d.twoYears && years == yearFirst {
		d = d.yearFirstOf()
	}
	m, day, ok := d.monthDay(order)
	if !ok {
		return s, eitherDate(FieldDate, ErrBadDate, s, column, d, func(m, day int) string { return isoDate(d.y, m, day) })
	}
	return isoDate(d.y, m, day), nil
}

// readTime reads a created or updated cell (field) as RFC 3339: as
// written when it is one, else as a spreadsheet rewrites the export's
// "2026-11-27T14:03:05Z" ("11/27/2026 14:03", "27.11.2026 14:03:05",
// "2026-11-27 2:03 PM"; splitDate's dates, in the file's order, then
// parseClock's time, or none: midnight). A time without a zone (utc) is
// read as UTC: the export writes UTC, and a spreadsheet keeps its digits
// and drops the Z. What is no such form comes back as it is, for
// checkTime to refuse; a date whose day and month could be either is
// refused as readDate refuses it, and its year is where years says.
func readTime(field, s string, order, years shown, column string) (t string, utc bool, err error) {
	if len(s) == len("2006-01-02T15:04:05Z") && s[10] == 'T' && s[19] == 'Z' {
		return s, false, nil // the export's form, checked with the clip
	}
	d, ok := splitDate(s)
	if !ok || checkTime(field, s) == nil {
		return s, false, nil
	}
	if d.twoYears && years == yearFirst {
		d = d.yearFirstOf()
	}
	h, mi, sec, zoned, ok := parseClock(d.clock)
	if !ok {
		return s, false, nil
	}
	at := func(m, day int) string { // Timestamp's form
		clock := []byte("T00:00:00Z")
		for k, v := range [...]int{h, mi, sec} {
			clock[1+3*k], clock[2+3*k] = byte('0'+v/10), byte('0'+v%10)
		}
		return isoDate(d.y, m, day) + string(clock)
	}
	m, day, ok := d.monthDay(order)
	switch {
	case !ok:
		return s, false, eitherDate(field, ErrBadTime, s, column, d, at)
	case checkDate(field, isoDate(d.y, m, day)) != nil:
		return s, false, nil // no such day: "must be a time like …"
	}
	return at(m, day), !zoned, nil
}

// eitherDate refuses s, a date or time whose day and month could be
// either, naming both readings: "Date "05/11/2026" (column B) could be 5
// November 2026 or 11 May 2026, and the file's other dates do not say
// which: write it as 2026-11-05 or 2026-05-11" (write writes each).
func eitherDate(field string, sentinel error, s, column string, d sheetDate, write func(m, day int) string) error {
	return inputErr(field, s, describe(sentinel, strconv.Quote(s)+" (column "+column+") could be "+
		spokenDate(d.y, d.b, d.a)+" or "+spokenDate(d.y, d.a, d.b)+", and the file's other dates do not say which: "+
		"write it as "+write(d.b, d.a)+" or "+write(d.a, d.b)))
}

// parseClock reads a time of day as a spreadsheet writes one after a
// date: hours and minutes, maybe seconds and their fraction (dropped),
// maybe AM or PM, maybe a Z: "14:03", "2:03:05 PM", "14:03:05.250Z". ""
// is midnight. zoned is whether the Z was written. A spreadsheet writes no
// other zone; "+01:00" is refused. (A loop over the text: closures cost
// app.wasm 6 KB here.)
func parseClock(t string) (h, m, s int, zoned, ok bool) {
	var n, digits [3]int // hours, minutes, seconds: at most 2 digits each
	field, pm := 0, -1
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case '0' <= c && c <= '9' && field < 3 && digits[field] < 2:
			n[field], digits[field] = n[field]*10+int(c-'0'), digits[field]+1
		case c == ':' && field < 2 && digits[field] > 0:
			field++
		case (c == '.' || c == ',') && field == 2 && digits[2] == 2:
			for i+1 < len(t) && '0' <= t[i+1] && t[i+1] <= '9' { // a fraction: dropped
				i++
			}
			field = 3
		case c == ' ' && field > 0 && !zoned:
			field = 3 // after the time: AM, PM or Z
		case (c == 'A' || c == 'a' || c == 'P' || c == 'p') && field > 0 && pm < 0 && !zoned &&
			i+1 < len(t) && (t[i+1] == 'M' || t[i+1] == 'm'):
			pm = 0
			if c == 'P' || c == 'p' {
				pm = 12
			}
			i, field = i+1, 3
		case (c == 'Z' || c == 'z') && field > 0 && !zoned:
			zoned, field = true, 3
		default:
			return
		}
	}
	h, m, s = n[0], n[1], n[2]
	if pm >= 0 {
		if h < 1 || h > 12 {
			return 0, 0, 0, false, false
		}
		h = h%12 + pm
	}
	if t != "" && (digits[0] == 0 || digits[1] != 2 || digits[2] == 1) {
		return 0, 0, 0, false, false
	}
	return h, m, s, zoned, h < 24 && m < 60 && s < 60
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

// dateColumns are the CSV's dates and times, written alike by a
// spreadsheet: each settles the order of day and month for the others.
var dateColumns = [...]string{"date", "created", "updated"}

// readings reads a CSV file's dates, times and amounts for what they show
// (the order of day and month, the decimal mark, each date column's
// place of a two-digit year) before its rows are read: a row's
// "05/11/2026", "25-03-01" or "1,125" may be settled by a row after it.
// Records past one that cannot be read are not looked at (the import
// stops there).
func readings(data []byte, sep byte, col map[string]int) (dates, marks shown, years [len(dateColumns)]yearColumn) {
	r := newCSVReader(data, sep)
	var rec []string
	var late [len(dateColumns)]shown // the order of day and month twoYears dates show, read year last
	for first := true; ; first = false {
		rec, line, err := r.read(rec)
		if err != nil {
			for k := range years {
				if years[k].shows == yearLast {
					dates |= late[k]
				}
			}
			return dates, marks, years
		}
		if first {
			continue // the header
		}
		for k, name := range dateColumns {
			if i, ok := col[name]; ok && i < len(rec) {
				cell := strings.TrimSpace(unescapeCell(rec[i]))
				d, ok := splitDate(cell)
				switch {
				case !ok:
				case d.twoYears:
					late[k] |= d.shows()
					years[k].add(d, cell, line)
				default:
					dates |= d.shows()
				}
			}
		}
		for _, name := range numberColumns {
			if i, ok := col[name]; ok && i < len(rec) {
				marks |= decimalMark(rec[i])
			}
		}
	}
}

// yearColumn is what a date column's dates with two digits at both ends
// ("25-03-01", "01-03-25") show of where their year is: shows, or-ed from
// each date that can be read one way only (years), and the first such
// date of each reading and the first that could be either, with their
// lines. A column whose dates are all either way is refused (yearError),
// not guessed.
type yearColumn struct {
	shows  shown
	firsts [3]yearCell // by what a date shows: either, yearFirst, yearLast
}

// yearCell is a date cell and its line.
type yearCell struct {
	cell string
	line int
	d    sheetDate
}

func (y *yearColumn) add(d sheetDate, cell string, line int) {
	v, either := d.years()
	if v == 0 && !either {
		return
	}
	y.shows |= v
	if y.firsts[v].cell == "" {
		y.firsts[v] = yearCell{cell, line, d}
	}
}

// yearError refuses a date column (field, the spreadsheet's column)
// whose dates with two digits at both ends do not say where their year
// is, naming both readings of its first ("Date "25-03-01" (column B)
// could be 1 March 2025, year first, or 25 March 2001, year last…"), or
// that say both, naming a date of each; order is the file's order of day
// and month, for the year-last reading. The line is the date's.
func (y *yearColumn) yearError(field string, sentinel error, column string, order shown) (int, error) {
	switch {
	case y.shows == yearFirst|yearLast:
		f, l := y.firsts[yearFirst], y.firsts[yearLast]
		return f.line, inputErr(field, f.cell, describe(sentinel, strconv.Quote(f.cell)+" (column "+column+") can only be read with its year first and "+
			strconv.Quote(l.cell)+" (line "+strconv.Itoa(l.line)+") only with its year last: write the column's dates with four-digit years, as 2025-03-01"))
	case y.shows == 0 && y.firsts[0].cell != "":
		e := y.firsts[0]
		f := e.d.yearFirstOf()
		m, day, ok := e.d.monthDay(order)
		if !ok { // either: day first, as the countries that write dashes
			m, day = e.d.b, e.d.a
		}
		return e.line, inputErr(field, e.cell, describe(sentinel, strconv.Quote(e.cell)+" (column "+column+") could be "+
			spokenDate(f.y, f.a, f.b)+", year first, or "+spokenDate(e.d.y, m, day)+", year last, and no date in the column says which: "+
			"write the column's dates with four-digit years, as "+isoDate(f.y, f.a, f.b)+" or "+isoDate(e.d.y, m, day)))
	}
	return 0, nil
}

// columnName is a column's letter in a spreadsheet: A for the first. A
// header has at most len(CSVColumns) columns, each a known one.
func columnName(i int) string { return string(rune('A' + i%26)) }
