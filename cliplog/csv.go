package cliplog

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aivc/aivc/pricing"
)

// CSVColumns are the columns WriteCSV writes, in order. ReadCSV takes them
// in any order, names compared without case; the required ones are date,
// profile_id, model_id, seconds, credits, currency, price_per_credit and
// kept.
var CSVColumns = []string{
	"id", "date", "profile_id", "profile", "plan_id", "model_id", "model", "res",
	"seconds", "credits", "currency", "price_per_credit", "cost", "kept",
	"project", "client", "note", "created", "updated", "addons",
}

var requiredColumns = []string{"date", "profile_id", "model_id", "seconds", "credits", "currency", "price_per_credit", "kept"}

// CSVOptions shape a CSV export.
type CSVOptions struct {
	// BOM starts the file with a UTF-8 byte order mark. Excel (Windows and
	// Mac) reads a CSV without one in the computer's legacy code page, so
	// "Café" shows as "CafÃ©"; with it, Excel reads UTF-8. LibreOffice,
	// Numbers and Google Sheets read either. The page's download sets it;
	// ReadCSV accepts files with or without it.
	BOM bool
}

// WriteCSV writes entries as RFC 4180 CSV (AppendCSV, CRLF line ends)
// with a header row of CSVColumns, sorted by Date then ID:
//
//   - dates are YYYY-MM-DD and times RFC 3339;
//   - amounts are plain decimals with '.' and no grouping ("1200.5"), cost
//     is exact (credits × price per credit), currency has its own column;
//   - kept is "yes" or "no";
//   - a text cell that a spreadsheet would run as a formula (it starts with
//     =, +, -, @, a tab or a carriage return) is written with a leading
//     apostrophe, as is a cell starting with an apostrophe followed by one
//     of those or another apostrophe; so is the text after each ';' or tab
//     in a cell (where a quote leads too), since a spreadsheet set to split
//     on it (Excel in German or French) starts a new cell there whatever the
//     quotes. ReadCSV removes exactly those apostrophes, so the text comes
//     back unchanged.
func WriteCSV(w io.Writer, es []Entry, opts CSVOptions) error {
	sorted := append([]Entry(nil), es...)
	sortEntries(sorted)
	var b []byte
	if opts.BOM {
		b = append(b, bom...)
	}
	b = AppendCSV(b, CSVColumns)
	rec := make([]string, len(CSVColumns))
	for _, e := range sorted {
		kept := "no"
		if e.Kept {
			kept = "yes"
		}
		vals := [...]string{
			e.ID, e.Date, e.ProfileID, e.ProfileName, e.PlanID, e.ModelID, e.ModelName, string(e.Res),
			pricing.Exact(e.Seconds), pricing.Exact(e.Credits), string(e.PricePerCredit.Currency),
			pricing.Exact(e.PricePerCredit.Amount), pricing.Exact(e.Cost.Amount), kept,
			e.Project, e.Client, e.Note, e.Created, e.Updated, joinAddons(e.Addons),
		}
		for i, v := range vals {
			rec[i] = GuardCell(v)
		}
		b = AppendCSV(b, rec)
	}
	_, err := w.Write(b)
	return err
}

// AppendCSV appends rec to b as one CSV record, byte for byte as
// encoding/csv's Writer with UseCRLF writes it: cells separated by commas,
// a cell quoted when it holds a comma, a quote, CR or LF, starts with a
// space or is \. (quotes doubled, CR dropped, LF written CRLF), and CRLF
// at the end; and a cell holding a ';' or a tab is quoted too, so that a
// spreadsheet told to split on those as well as commas (LibreOffice's
// import dialog) keeps it one cell. It is here because encoding/csv's
// Writer and the bufio.Writer under it cost ~10 KB of app.wasm.
func AppendCSV(b []byte, rec []string) []byte {
	for i, f := range rec {
		if i > 0 {
			b = append(b, ',')
		}
		r, _ := utf8.DecodeRuneInString(f)
		if f != `\.` && !strings.ContainsAny(f, ",\"\r\n;\t") && !unicode.IsSpace(r) {
			b = append(b, f...)
			continue
		}
		b = append(b, '"')
		for j := 0; j < len(f); j++ {
			switch c := f[j]; c {
			case '"':
				b = append(b, '"', '"')
			case '\r':
			case '\n':
				b = append(b, '\r', '\n')
			default:
				b = append(b, c)
			}
		}
		b = append(b, '"')
	}
	return append(b, '\r', '\n')
}

func formulaStart(c byte) bool {
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
}

// splitsCell reports whether c is a character a spreadsheet may split a
// line on without regard to our quotes: ';', the list separator of Excel
// set to German, French and most languages with a decimal comma, and tab.
// Excel (and LibreOffice) honour a quote only at the start of a field, so
// a comma file read with ';' as its separator splits "Acme;=1+1" into
// "…,\"Acme" and "=1+1\",…", quoted or not; the second is a formula.
func splitsCell(c byte) bool { return c == ';' || c == '\t' }

// guarded reports whether s[i], the start of a cell or the first byte after
// a splitsCell byte (afterSep), gets (on export) or, when it is the
// apostrophe, is (on import) the guard apostrophe. After a separator a
// quote leads too: Excel reads `""=x` there as an empty quoted field and
// then the text "=x".
func guarded(s string, i int, afterSep bool) bool {
	lead := func(c byte) bool { return formulaStart(c) || afterSep && c == '"' }
	return lead(s[i]) || s[i] == '\'' && i+1 < len(s) && (lead(s[i+1]) || s[i+1] == '\'')
}

// GuardCell writes the guard apostrophe where a spreadsheet could start a
// formula: before a text that starts like one, and before what follows
// each ';' or tab in it (see splitsCell). The log's CSV export and
// /compare's ranking CSV both write their text cells through it.
// unescapeCell removes exactly what it writes.
func GuardCell(s string) string {
	var b []byte
	from := 0
	for i := 0; i < len(s); i++ {
		if (i == 0 || splitsCell(s[i-1])) && guarded(s, i, i > 0) {
			b = append(append(b, s[from:i]...), '\'')
			from = i
		}
	}
	if b == nil {
		return s
	}
	return string(append(b, s[from:]...))
}

func unescapeCell(s string) string {
	var b []byte
	from := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' && (i == 0 || splitsCell(s[i-1])) && guarded(s, i, i > 0) {
			b = append(b, s[from:i]...)
			from = i + 1
		}
	}
	if b == nil && from == 0 {
		return s
	}
	return string(append(b, s[from:]...))
}

// countRecords counts the non-blank records of a CSV file without parsing
// it: newlines outside quotes.
func countRecords(data []byte) int {
	n, inQuote, blank := 0, false, true
	for _, c := range data {
		switch {
		case c == '"':
			inQuote = !inQuote
			blank = false
		case c == '\n' && !inQuote:
			if !blank {
				n++
			}
			blank = true
		case c != '\r':
			blank = false
		}
	}
	if !blank {
		n++
	}
	return n
}

// ReadCSV reads entries from a CSV file with a header row (WriteCSV's, or
// one made in a spreadsheet). A file over MaxImportBytes or with more than
// MaxImportRows rows is a *LimitError, refused before parsing; any problem
// is reported in a *ImportErrors, one per bad cell, with its line ("line 7:
// Seconds must be a number, like 30 or 1,200.50"), and then the entries
// returned are the valid ones.
//
// Amounts are read as people type them ("1,200.50", "$30"), with the
// decimal mark the file's amounts show ("0,024" beside "1,125" makes it
// 1.125); dates and the created and updated times as spreadsheets save
// them again ("27/11/2026", "27.11.26", "2026-11-27 00:00:00", "11/27/2026
// 14:03", "2025. 03. 01.", "1. 3. 2025"), a day and month in the order the
// file's dates show (with dots, day first), and one that could be either
// is an error giving both readings; a two-digit year at both ends of a
// dashed date ("25-03-01") is where its column's dates say, and a column
// that does not say is refused whole, with both readings of its first
// date; a time without a zone is UTC, as the export writes it.
// A missing or
// empty id is made from the row's content ("csv-" and 16 hex digits), so
// importing the same file again adds nothing; missing created and updated
// are the date at midnight UTC; an empty cost is computed, and a cost that
// is not credits × price per credit is an error.
func ReadCSV(data []byte) ([]Entry, error) {
	p, err := parseCSV(data)
	if err != nil {
		return nil, err
	}
	es := make([]Entry, len(p.rows))
	for i, r := range p.rows {
		es[i] = r.e
	}
	if !p.errs.empty() {
		return es, &p.errs
	}
	return es, nil
}

func parseCSV(data []byte) (*parsed, error) {
	if len(data) > MaxImportBytes {
		return nil, &LimitError{Size: len(data), MaxSize: MaxImportBytes}
	}
	data = bytes.TrimPrefix(data, bom)
	if n := countRecords(data) - 1; n > MaxImportRows {
		return nil, &LimitError{Rows: n, MaxRows: MaxImportRows}
	}
	p := &parsed{}
	if line, msg := notCSVText(data); msg != "" {
		p.errs.add(line, describe(ErrBadCSV, msg))
		p.fatal = true
		return p, nil
	}
	// A spreadsheet set to a language that writes decimal commas (German,
	// French, Spanish…) separates columns with semicolons.
	first, _, _ := bytes.Cut(data, []byte{'\n'})
	semicolons := bytes.Count(first, []byte{';'}) > bytes.Count(first, []byte{','})
	sep := byte(',')
	if semicolons {
		sep = ';'
	}
	r := newCSVReader(data, sep)
	readErr := func(line int, err error) (*parsed, error) {
		if errors.Is(err, io.EOF) {
			err = describe(ErrBadCSV, "the file is empty")
		} else {
			err = describe(ErrBadCSV, "the file is not readable CSV from here on ("+err.Error()+"); check the quotes on this line")
		}
		p.errs.add(line, err)
		p.fatal = true
		return p, nil
	}
	header, line, err := r.read(nil)
	if err != nil {
		return readErr(line, err)
	}
	col := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(unescapeCell(h)))
		name = strings.ReplaceAll(name, " ", "_")
		switch name {
		case "profile_name":
			name = "profile"
		case "model_name":
			name = "model"
		}
		if !known(name) {
			p.errs.add(1, describe(ErrUnknownColumn, fmt.Sprintf("unknown column %q; the columns are %s", clip(h), strings.Join(CSVColumns, ", "))))
			continue
		}
		if _, dup := col[name]; dup {
			p.errs.add(1, describe(ErrUnknownColumn, fmt.Sprintf("column %q appears twice", name)))
			continue
		}
		col[name] = i
	}
	for _, c := range requiredColumns {
		if _, ok := col[c]; !ok {
			p.errs.add(1, describe(ErrMissingColumn, fmt.Sprintf("column %q is missing", c)))
		}
	}
	if !p.errs.empty() {
		p.fatal = true
		return p, nil
	}

	// Dates in a day and month order and numbers with a decimal mark the
	// file's cells settle (see resaved.go). Numbers with a decimal comma
	// are read with their points and commas swapped ("1.200,50" as
	// "1,200.50"), so that the amount parser checks the grouping; a file
	// whose numbers do not say is read as its separator's custom has it
	// (semicolons: decimal commas).
	dates, marks, years := readings(data, sep, col)
	comma := marks == decimalComma || semicolons && marks != decimalPoint
	dateCol := col["date"] // a required column
	// A date column whose two-digit years could be first or last, every
	// one ("25-03-01": 1 March 2025 or 25 March 2001), is refused, not
	// guessed: a guess put every clip in another year.
	for k, f := range [...][2]string{{"date", FieldDate}, {"created", FieldCreated}, {"updated", FieldUpdated}} {
		sentinel := ErrBadTime
		if k == 0 {
			sentinel = ErrBadDate
		}
		if i, ok := col[f[0]]; ok {
			if line, err := years[k].yearError(f[1], sentinel, columnName(i), dates); err != nil {
				p.errs.add(line, err)
				p.fatal = true
				return p, nil
			}
		}
	}
	seen := map[string]int{}
	made := map[string]int{} // derived IDs given so far
	breaks := 0              // line breaks inside the cells read so far
	for _, h := range header {
		breaks += strings.Count(h, "\n")
	}
	var rec []string
	for {
		rec, line, err = r.read(rec)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return readErr(line, err)
		}
		sheetRow := line - breaks // as a spreadsheet numbers it
		for _, c := range rec {
			breaks += strings.Count(c, "\n")
		}
		if blankRecord(rec) {
			continue
		}
		p.rowsTotal++
		if p.rowsTotal > MaxImportRows { // cannot happen after countRecords; kept as a guard
			return nil, &LimitError{Rows: p.rowsTotal, MaxRows: MaxImportRows}
		}
		if len(rec) != len(header) {
			p.errs.addRow(line, sheetRow, describe(ErrBadCSV, fmt.Sprintf("this row has %d cells but the header has %d", len(rec), len(header))))
			continue
		}
		// The date and times as a spreadsheet may have rewritten them;
		// one whose day and month could be either is refused with its two
		// readings, not "must be a date like 2025-03-01".
		date, dateErr := readDate(strings.TrimSpace(unescapeCell(rec[dateCol])), dates, years[0].shows, columnName(dateCol))
		var times [2]string
		var timeErrs [2]error
		utc := 0 // times read as UTC, their zone left out
		for k, f := range [...][2]string{{"created", FieldCreated}, {"updated", FieldUpdated}} {
			if i, ok := col[f[0]]; ok {
				var noZone bool
				times[k], noZone, timeErrs[k] = readTime(f[1], strings.TrimSpace(unescapeCell(rec[i])), dates, years[1+k].shows, columnName(i))
				if noZone {
					utc++
				}
			}
		}
		cell := func(name string) string {
			i, ok := col[name]
			switch {
			case !ok:
				return ""
			case name == "date":
				return date
			case name == "created":
				return times[0]
			case name == "updated":
				return times[1]
			case comma && amountColumn(name):
				return swapDecimalComma(rec[i])
			}
			return unescapeCell(rec[i])
		}
		e, errs := entryFromCells(cell)
		for _, err := range errs {
			ie, ok := errors.AsType[*pricing.InputError](err)
			switch {
			case !ok:
			case ie.Field == FieldDate && dateErr != nil:
				err = dateErr
			case ie.Field == FieldCreated && timeErrs[0] != nil:
				err = timeErrs[0]
			case ie.Field == FieldUpdated && timeErrs[1] != nil:
				err = timeErrs[1]
			case ie.Field == FieldUpdated && times[1] == "":
				continue // the created time's, whose problem is said
			default:
				// "$5" in the credits column, "€0.96" in a USD clip's: say
				// which column, as a spreadsheet letters it, where the cell
				// is to fix. (The dates' own messages above name theirs.)
				if i, ok := col[fieldColumns[ie.Field]]; ok {
					err = &pricing.InputError{Field: ie.Field + " (column " + columnName(i) + ")", Value: ie.Value, Err: ie.Err}
				}
			}
			p.errs.addRow(line, sheetRow, err)
		}
		if len(errs) > 0 {
			continue
		}
		p.utcTimes += utc
		derived := e.ID == ""
		if derived {
			e.ID = derivedID(cell, made)
		}
		p.add(seen, line, sheetRow, e, derived)
	}
	return p, nil
}

// fieldColumns names the column of each field a cell's error may name.
var fieldColumns = map[string]string{
	FieldID: "id", FieldDate: "date", FieldProfileID: "profile_id", FieldProfileName: "profile",
	FieldPlanID: "plan_id", FieldModelID: "model_id", FieldModelName: "model", FieldRes: "res",
	FieldSeconds: "seconds", FieldCredits: "credits", FieldCurrency: "currency",
	FieldPricePerCredit: "price_per_credit", FieldCost: "cost", FieldKept: "kept",
	FieldProject: "project", FieldClient: "client", FieldNote: "note",
	FieldCreated: "created", FieldUpdated: "updated", FieldAddons: "addons",
}

// saveAsCSV is what a file a spreadsheet saved in another form needs.
const saveAsCSV = `: open it in your spreadsheet, save it as "CSV UTF-8", and import that file`

// notCSVText says why data is not CSV text this app reads, with the line
// where that shows, or returns "": a workbook (.xlsx, .ods and .numbers
// files are zip archives), UTF-16 text (Excel's "Unicode Text"), a binary
// file, or text in another encoding than UTF-8 (Excel for Windows saves
// "CSV (Comma delimited)" in the computer's code page, so "Café" is
// "Caf\xe9"). Each read as CSV was a list of garbled unknown columns, or a
// problem on every row with an accent ("Project contains characters that
// cannot be saved"), without saying what to do.
func notCSVText(data []byte) (line int, msg string) {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return 1, "this is a spreadsheet workbook (.xlsx, .ods or .numbers), not a CSV file" + saveAsCSV
	case bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return 1, "this file is UTF-16 text (Excel's \"Unicode Text\"), which this app does not read" + saveAsCSV
	case bytes.IndexByte(data, 0) >= 0:
		return 1, "this is not a text file: import a CSV file or a JSON backup"
	}
	if utf8.Valid(data) {
		return 0, ""
	}
	bad := 0
	for bad < len(data) {
		r, n := utf8.DecodeRune(data[bad:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		bad += n
	}
	return 1 + bytes.Count(data[:bad], []byte{'\n'}), "this line is not UTF-8 text: the file was saved in another encoding " +
		"(Excel's \"CSV (Comma delimited)\" does that)" + saveAsCSV
}

// swapDecimalComma turns a number written with a decimal comma ("0,024",
// "1.200,50") into one written with a point ("0.024", "1,200.50").
// (strings.Replacer would do it for 37 KB of app.wasm.)
func swapDecimalComma(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch c {
		case '.':
			b[i] = ','
		case ',':
			b[i] = '.'
		}
	}
	return string(b)
}

func known(name string) bool {
	for _, c := range CSVColumns {
		if c == name {
			return true
		}
	}
	return false
}

func blankRecord(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// entryFromCells builds an entry from a CSV row; errs lists every bad cell.
func entryFromCells(cell func(string) string) (Entry, []error) {
	var errs []error
	// What the totals and filters group by is trimmed, as the page's form
	// trims it: "Acme " typed in a spreadsheet made a second client Acme,
	// whose clips one client's bill left out, and "runway " a platform the
	// app did not know.
	trim := func(name string) string { return strings.TrimSpace(cell(name)) }
	e := Entry{
		ID: trim("id"), Date: trim("date"),
		ProfileID: trim("profile_id"), ProfileName: cell("profile"), PlanID: trim("plan_id"),
		ModelID: trim("model_id"), ModelName: cell("model"),
		Res:     pricing.Resolution(strings.ToLower(trim("res"))),
		Project: trim("project"), Client: trim("client"), Note: cell("note"),
		Created: trim("created"), Updated: trim("updated"), Addons: splitAddons(cell("addons")),
	}
	var err error
	if e.Seconds, err = pricing.ParsePositiveIn(FieldSeconds, cell("seconds"), pricing.UnitSeconds); err != nil {
		errs = append(errs, err)
	}
	// The price first: an API clip's credits are money (ParseCredits).
	price, priceErr := pricing.ParseIn(FieldPricePerCredit, cell("price_per_credit"), pricing.UnitMoney)
	e.PricePerCredit = pricing.NewMoney(price, pricing.Currency(upperASCII(strings.TrimSpace(cell("currency")))))
	if e.Credits, err = ParseCredits(cell("credits"), e.PricePerCredit); err != nil {
		errs = append(errs, err)
	}
	if priceErr != nil {
		errs = append(errs, priceErr)
	}
	switch strings.ToLower(strings.TrimSpace(cell("kept"))) {
	case "yes", "y", "true", "1", "kept":
		e.Kept = true
	case "no", "n", "false", "0", "rejected":
	default:
		errs = append(errs, inputErr(FieldKept, clip(cell("kept")), ErrBadKept))
	}
	if e.Created == "" {
		if checkDate(FieldDate, e.Date) == nil {
			e.Created = e.Date + "T00:00:00Z"
		} else {
			e.Created = "2000-01-01T00:00:00Z" // the date's own error says it
		}
	}
	if len(errs) > 0 {
		// Still report the other fields' problems.
		e.Seconds, e.Credits, e.PricePerCredit.Amount = decInt(1), decInt(0), decInt(0)
		e = e.Derive()
		if e.ID == "" {
			e.ID = "x"
		}
		for _, err := range validateAll(e) {
			if ie, ok := errors.AsType[*pricing.InputError](err); ok && (ie.Field == FieldSeconds || ie.Field == FieldCredits || ie.Field == FieldPricePerCredit || ie.Field == FieldCost) {
				continue
			}
			errs = append(errs, err)
		}
		return e, errs
	}
	e = e.Derive()
	if err := checkCost(e, cell("cost")); err != nil {
		errs = append(errs, err)
	}
	check := e
	if check.ID == "" {
		check.ID = "x" // made later
	}
	return e, append(errs, validateAll(check)...)
}

// derivedID makes an ID for a row without one from a hash of its cells, so
// that importing the same file twice does not duplicate it. The n-th
// identical row of a file gets "-n" added.
func derivedID(cell func(string) string, made map[string]int) string {
	h := sha256.New()
	for _, c := range CSVColumns {
		if c == "id" || c == "addons" && cell(c) == "" { // as before the column
			continue
		}
		h.Write([]byte(cell(c)))
		h.Write([]byte{0x1f})
	}
	id := "csv-" + hex.EncodeToString(h.Sum(nil))[:16]
	made[id]++
	if n := made[id]; n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	return id
}
