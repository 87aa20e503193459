package cliplog

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/aivc/aivc/internal/order"
	"github.com/aivc/aivc/pricing"
)

// Import limits, checked before a file is parsed (for JSON, the row count
// is checked while the entries are streamed, before any is kept).
//
// MaxImportBytes is above the largest backup a browser can produce: local
// storage holds about 5 MB per site, about 20,000 entries, whose JSON backup
// is 7.6 MB (measured in TestLarge20k). A smaller limit would refuse
// people's own backups.
const (
	MaxImportBytes = 16 << 20 // 16 MiB
	MaxImportRows  = 50000
)

// Backup is everything the log holds, as a JSON backup carries it.
type Backup struct {
	Exported string // RFC 3339, when the backup was made
	Entries  []Entry
	Plans    []MyPlan
	// Profiles are the person's own platform profiles (LoadProfiles),
	// which clips and plans may name: version 2 on.
	Profiles []pricing.Profile
	Settings Settings
}

// BackupVersion is the version of the JSON backup format WriteBackup
// writes. Version 1 had no "profiles"; it is read as it always was.
const BackupVersion = 2

// Backup returns everything in the log, with the custom profiles stored
// beside it (one that cannot be read is left out: /profiles shows it),
// stamped with exported (RFC 3339), which is its settings' LastExport
// too: this backup is the log's last, as MarkExported then records.
func (l *Log) Backup(exported string) Backup {
	l.mu.Lock()
	defer l.mu.Unlock()
	ps, _, _ := LoadProfiles(l.store)
	set := l.settings
	set.LastExport = exported
	return Backup{
		Exported: exported,
		Entries:  append([]Entry(nil), l.entriesLocked()...),
		Plans:    l.plansLocked(),
		Profiles: ps,
		Settings: set,
	}
}

// Holds counts what a backup made now would hold of this device's own:
// its clips, saved plans and custom profiles, every one stored that can be
// read (LoadProfiles), as Backup takes them, also one whose id is a bundled
// platform's, which the pages' lists of profiles leave out; and settings
// reports a display currency or exchange rates of its own (Settings.Own),
// which a backup holds too.
func (l *Log) Holds() (clips, plans, profiles int, settings bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	ps, _, _ := LoadProfiles(l.store)
	display, rates := l.settings.Own()
	return len(l.entries), len(l.plans), len(ps), display || rates
}

// ExportJSON writes the full backup (WriteBackup).
func (l *Log) ExportJSON(w io.Writer, exported string) error {
	return WriteBackup(w, l.Backup(exported))
}

// ExportCSV writes every entry as CSV (WriteCSV).
func (l *Log) ExportCSV(w io.Writer, opts CSVOptions) error {
	return WriteCSV(w, l.Entries(), opts)
}

// WriteBackup writes b as JSON, always the same bytes for the same log:
//
//	{
//	  "app": "aivc",
//	  "kind": "backup",
//	  "version": 1,
//	  "exported": "2025-03-01T10:00:00Z",
//	  "entries": [
//	    {"id":"…","date":"2025-03-01",…,"seconds":"10","credits":"50","currency":"USD","price_per_credit":"0.012","cost":"0.6","kept":true,…},
//	    …
//	  ],
//	  "plans": [
//	    {"profile_id":"runway","plan_id":"standard","billing":"monthly"}
//	  ],
//	  "profiles": [
//	    {"id":"my-runway","name":"My Runway",…,"custom":true,"plans":[…],"models":[…]}
//	  ],
//	  "settings": {"display":"EUR","rates":{…},"last_export":"…"}
//	}
//
// Entries are sorted by Date then ID and written one per line, with every
// field in a fixed order; plans are sorted by profile ID; profiles, in the
// catalog's schema as /profiles exports them, are sorted by ID, one a
// line; amounts are strings in plain decimal notation. Exported must be an
// RFC 3339 time.
func WriteBackup(w io.Writer, b Backup) error {
	if err := checkTime("Exported", b.Exported); err != nil {
		return err
	}
	es := append([]Entry(nil), b.Entries...)
	sortEntries(es)
	ps := append([]MyPlan(nil), b.Plans...)
	sortPlans(ps)

	prs := append([]pricing.Profile(nil), b.Profiles...)
	order.Stable(len(prs), func(i, j int) int { return strings.Compare(prs[i].ID, prs[j].ID) },
		func(i, j int) { prs[i], prs[j] = prs[j], prs[i] })

	// One buffer and one Write, not a bufio.Writer: bufio.Writer is ~7 KB of
	// app.wasm, and the page writes to memory anyway.
	var bw []byte
	exp, _ := marshal(b.Exported)
	bw = append(bw, "{\n  \"app\": \"aivc\",\n  \"kind\": \"backup\",\n  \"version\": "+
		strconv.Itoa(BackupVersion)+",\n  \"exported\": "+string(exp)...)
	bw, err := appendList(bw, "entries", len(es), func(i int) any { return toBackupEntry(es[i]) })
	if err == nil {
		bw, err = appendList(bw, "plans", len(ps), func(i int) any { return toPlanJSON(ps[i]) })
	}
	if err == nil {
		bw, err = appendList(bw, "profiles", len(prs), func(i int) any { p := prs[i]; p.Custom = true; return p })
	}
	if err != nil {
		return err
	}
	set, err := marshal(toSettingsJSON(b.Settings))
	if err != nil {
		return err
	}
	bw = append(bw, ",\n  \"settings\": "...)
	bw = append(bw, set...)
	bw = append(bw, "\n}\n"...)
	_, err = w.Write(bw)
	return err
}

// appendList appends a member of the backup, "key": [...], with its n
// items (item(i)) one a line.
func appendList(bw []byte, key string, n int, item func(int) any) ([]byte, error) {
	bw = append(bw, ",\n  \""+key+"\": ["...)
	for i := range n {
		v, err := marshal(item(i))
		if err != nil {
			return nil, err
		}
		if i > 0 {
			bw = append(bw, ',')
		}
		bw = append(bw, "\n    "...)
		bw = append(bw, v...)
	}
	if n > 0 {
		bw = append(bw, "\n  "...)
	}
	return append(bw, ']'), nil
}

// parsed is a file read for import: the valid entries with their lines.
type parsed struct {
	rows     []row
	plans    []MyPlan
	profiles []pricing.Profile
	// badProfiles are the profiles of a backup that could not be read
	// (pricing.DecodeProfile's error, with the line): left out of an
	// import, which goes on without them (ImportReport.ProfilesRefused).
	badProfiles []*ImportError
	settings    *Settings
	exported    string
	repeated    int  // entries twice in the file, identical: counted once
	utcTimes    int  // a CSV's created and updated times without a zone, read as UTC
	fatal       bool // the file could not be read to its end (or is not a log)
	errs        ImportErrors
	rowsTotal   int
}

type row struct {
	line    int
	row     int // the spreadsheet's row of a CSV record (ImportError.Row)
	e       Entry
	derived bool // the file gave no id: e.ID is made from its cells (derivedID)
	// from and fromName are the profile id and name the file gave e,
	// when the import gave its profile others (moveProfile): a clip
	// saved here as the file has it is already here, not a conflict.
	from, fromName string
}

// add keeps a valid entry, checking its ID against the file's others.
func (p *parsed) add(seen map[string]int, line, rowNum int, e Entry, derived bool) {
	if i, ok := seen[e.ID]; ok {
		if p.rows[i].e.Equal(e) {
			p.repeated++
			return
		}
		p.errs.add(line, describe(ErrDuplicateInFile, fmt.Sprintf("id %q is also on line %d, with other values", e.ID, p.rows[i].line)))
		return
	}
	seen[e.ID] = len(p.rows)
	p.rows = append(p.rows, row{line: line, row: rowNum, e: e, derived: derived})
}

// lines turns byte offsets (in increasing order) into line numbers.
type lines struct {
	data []byte
	pos  int
	line int
}

func (l *lines) at(off int64) int {
	if off > int64(len(l.data)) {
		off = int64(len(l.data))
	}
	if off > int64(l.pos) {
		l.line += bytes.Count(l.data[l.pos:off], []byte{'\n'})
		l.pos = int(off)
	}
	return l.line
}

// ReadBackup reads a JSON backup made by WriteBackup (or edited by hand:
// amounts may also be JSON numbers, and "cost" may be empty). A file over
// MaxImportBytes or with more than MaxImportRows entries is a *LimitError;
// anything wrong inside is a *ImportErrors listing every problem with its
// line, and then Backup holds the entries that were valid.
func ReadBackup(data []byte) (Backup, error) {
	p, err := parseBackup(data)
	if err != nil {
		return Backup{}, err
	}
	b := Backup{Exported: p.exported, Plans: p.plans, Profiles: p.profiles}
	for _, r := range p.rows {
		b.Entries = append(b.Entries, r.e)
	}
	if p.settings != nil {
		b.Settings = *p.settings
	}
	for _, e := range p.badProfiles {
		p.errs.add(e.Line, e.Err)
	}
	if !p.errs.empty() {
		return b, &p.errs
	}
	return b, nil
}

// parseBackup returns a *LimitError, or a parsed file whose errs may list
// problems (a fatal one ends the list).
func parseBackup(data []byte) (*parsed, error) {
	if len(data) > MaxImportBytes {
		return nil, &LimitError{Size: len(data), MaxSize: MaxImportBytes}
	}
	data = bytes.TrimPrefix(data, bom)
	p := &parsed{}
	ln := &lines{data: data, line: 1}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	offset := dec.InputOffset
	fatal := func(err error) (*parsed, error) {
		// The line of the value that failed: encoding/json's offsets
		// are relative, so skip from where the decoder stopped.
		off := dec.InputOffset()
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
			off++
		}
		if _, ok := errors.AsType[*json.SyntaxError](err); ok {
			err = fmt.Errorf("%w: %v", ErrBadJSON, jsonError(err))
		} else if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("%w: the text ends too early", ErrBadJSON)
		}
		p.errs.add(ln.at(off), err)
		p.fatal = true
		return p, nil
	}
	notBackup := describe(ErrNotBackup, `this file is not a backup made by this app (it should start with {"app": "aivc", "kind": "backup"})`)
	tok, err := dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return fatal(fmt.Errorf("%w: the file is empty", ErrBadJSON))
		}
		return fatal(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fatal(notBackup)
	}
	var app, kind, version string
	seenKey := map[string]bool{}
	seen := map[string]int{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fatal(err)
		}
		key, _ := tok.(string)
		if seenKey[key] {
			return fatal(fmt.Errorf("%w: %q appears twice", ErrBadJSON, key))
		}
		seenKey[key] = true
		switch key {
		case "app", "kind", "exported":
			var s string
			if err := dec.Decode(&s); err != nil {
				return fatal(fmt.Errorf("%q must be text in quotes: %w", key, jsonError(err)))
			}
			switch key {
			case "app":
				app = s
			case "kind":
				kind = s
			case "exported":
				p.exported = s
				if s != "" {
					if err := checkTime("Exported", s); err != nil {
						p.errs.add(ln.at(offset()), err)
					}
				}
			}
		case "version":
			var n json.Number
			if err := dec.Decode(&n); err != nil {
				return fatal(fmt.Errorf("\"version\" must be a number: %w", jsonError(err)))
			}
			version = n.String()
		case "entries":
			if err := expectDelim(dec, '['); err != nil {
				return fatal(err)
			}
			for dec.More() {
				p.rowsTotal++
				if p.rowsTotal > MaxImportRows {
					return nil, &LimitError{Rows: p.rowsTotal, MaxRows: MaxImportRows}
				}
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return fatal(err)
				}
				line := ln.at(offset() - int64(len(raw)))
				var be backupEntry
				if err := strictJSON(raw, &be); err != nil {
					p.errs.add(line, err)
					continue
				}
				e, errs := fromBackupEntry(be)
				for _, err := range errs {
					p.errs.add(line, err)
				}
				if len(errs) == 0 {
					p.add(seen, line, 0, e, false)
				}
			}
			if err := expectDelim(dec, ']'); err != nil {
				return fatal(err)
			}
		case "plans":
			if err := expectDelim(dec, '['); err != nil {
				return fatal(err)
			}
			profiles := map[string]bool{}
			for dec.More() {
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return fatal(err)
				}
				line := ln.at(offset() - int64(len(raw)))
				if len(p.plans) >= 10000 {
					return fatal(fmt.Errorf("%w: more than 10,000 plans", ErrTooManyRows))
				}
				var j planJSON
				if err := strictJSON(raw, &j); err != nil {
					p.errs.add(line, err)
					continue
				}
				pl, err := fromPlanJSON(j)
				switch {
				case err != nil:
					p.errs.add(line, err)
				case profiles[pl.ProfileID]:
					p.errs.add(line, describe(ErrDuplicateInFile, fmt.Sprintf("a second plan for %q", pl.ProfileID)))
				default:
					profiles[pl.ProfileID] = true
					p.plans = append(p.plans, pl)
				}
			}
			if err := expectDelim(dec, ']'); err != nil {
				return fatal(err)
			}
		case "profiles":
			if version == "1" { // as it was read before version 2
				return fatal(fmt.Errorf("%w: unknown field %q", ErrBadJSON, key))
			}
			if err := expectDelim(dec, '['); err != nil {
				return fatal(err)
			}
			ids := map[string]int{}
			for dec.More() {
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return fatal(err)
				}
				line := ln.at(offset() - int64(len(raw)))
				if len(p.profiles)+len(p.badProfiles) >= 10000 {
					return fatal(fmt.Errorf("%w: more than 10,000 profiles", ErrTooManyRows))
				}
				pr, err := pricing.DecodeProfile(raw)
				if err == nil {
					if first, twice := ids[pr.ID]; twice {
						err = describe(ErrDuplicateInFile, fmt.Sprintf("profile %q is also on line %d", pr.ID, first))
					}
				}
				if err != nil {
					p.badProfiles = append(p.badProfiles, &ImportError{Line: line, Err: err})
					continue
				}
				pr.Custom = true
				ids[pr.ID] = line
				p.profiles = append(p.profiles, pr)
			}
			if err := expectDelim(dec, ']'); err != nil {
				return fatal(err)
			}
		case "settings":
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return fatal(err)
			}
			line := ln.at(offset() - int64(len(raw)))
			var j settingsJSON
			if err := strictJSON(raw, &j); err != nil {
				p.errs.add(line, fmt.Errorf("settings: %w", err))
				continue
			}
			s, err := fromSettingsJSON(j)
			if err != nil {
				p.errs.add(line, fmt.Errorf("settings: %w", err))
				continue
			}
			p.settings = &s
		default:
			return fatal(fmt.Errorf("%w: unknown field %q", ErrBadJSON, key))
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return fatal(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fatal(fmt.Errorf("%w: unexpected text after the backup", ErrBadJSON))
	}
	// Version 1 is read as it always was: it had no "profiles".
	known := version == strconv.Itoa(BackupVersion) || version == "1"
	switch {
	case app != "aivc" || kind != "backup" || !known:
		p.fatal = true
	}
	switch {
	case app != "aivc" || kind != "backup":
		p.errs = ImportErrors{}
		p.errs.add(1, notBackup)
	case version == "":
		p.errs.add(1, describe(ErrNotBackup, `this backup has no "version"`))
	case version == "1" && seenKey["profiles"]:
		p.errs.add(1, fmt.Errorf("%w: unknown field %q", ErrBadJSON, "profiles"))
		p.fatal = true
	case !known:
		if v, err := strconv.Atoi(version); err == nil && v > BackupVersion {
			p.errs = ImportErrors{}
			p.errs.add(1, describe(ErrBackupVersion, fmt.Sprintf("this backup was made by a newer version of the app (version %d); reload the page to update the app, then import it again", v)))
		} else {
			p.errs.add(1, describe(ErrNotBackup, fmt.Sprintf("unknown backup version %q", version)))
		}
	}
	es := p.errs.Errs
	order.Stable(len(es), func(i, j int) int { return cmp.Compare(es[i].Line, es[j].Line) }, func(i, j int) { es[i], es[j] = es[j], es[i] })
	return p, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("%w: expected %q here", ErrBadJSON, string(want))
	}
	return nil
}

var bom = []byte("\xEF\xBB\xBF")

// IsJSON reports whether an import is JSON (ImportJSON) rather than CSV
// (ImportCSV), by what it holds, not by its name ("backup.txt", a CSV
// saved as "clips.json.csv"): its first character after a byte order mark
// and white space is "{", as a backup's is, or "[". A CSV's first line is
// a header of column names, which start with neither.
func IsJSON(data []byte) bool {
	for _, c := range bytes.TrimPrefix(data, bom) {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c == '{' || c == '['
		}
	}
	return false
}
