package cliplog

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

// ImportOptions shape an import.
type ImportOptions struct {
	// SkipInvalid imports the valid entries of a file that has bad lines,
	// and lists the bad lines in ImportReport.Skipped. By default a file
	// with any bad line is refused whole and nothing changes.
	SkipInvalid bool
	// Known reports whether a platform and model exist (in the catalog or
	// the person's profiles). A clip added that names one it does not know
	// is imported as written and listed in ImportReport.Unknown: "runwayy"
	// typed in a spreadsheet made a platform of its own. Nil: not checked.
	Known func(profileID, modelID string) bool
	// Bundled reports whether id is a bundled catalog profile's. A
	// backup's own profile with such an id (made before the catalog had
	// the platform, or edited by hand) is restored under a free id, as
	// /profiles imports it ("<id>-custom"), and the backup's clips and
	// plan naming it name that id: stored under the bundled id it was
	// hidden by the bundled profile on every page, its clips priced on
	// models that platform does not have. Nil: not checked.
	Bundled func(id string) bool
}

// UnknownClip is a clip imported with a platform or model Known did not know.
type UnknownClip struct {
	Line, Row          int // Row: as Conflict's
	ProfileID, ModelID string
}

// Conflict is an imported entry whose ID is already in the log with other
// values. The saved entry is kept; the page may offer to replace it
// (Update with Incoming).
type Conflict struct {
	Line int
	Row  int // the spreadsheet's row of a CSV record, when not Line

	Saved    Entry // zero when the saved record could not be read
	Incoming Entry
}

// ProfileBeside is a backup's profile restored beside this device's
// profile with its id (ImportReport.ProfilesBeside): ID and Name as in
// the backup, NewID and NewName as restored.
type ProfileBeside struct{ ID, Name, NewID, NewName string }

// ImportReport says what an import did.
type ImportReport struct {
	Read      int        // valid entries in the file (an identical repeat counted once)
	Added     int        // entries saved
	Identical int        // entries already in the log with the same values, or repeated in the file
	Conflicts []Conflict // same ID, other values: left as saved
	// TimesAsUTC counts a CSV's created and updated times written
	// without a zone ("11/27/2026 14:03", as a spreadsheet saves the
	// export's "2026-11-27T14:03:05Z" again), read as UTC: the zone the
	// export writes, whose digits a spreadsheet keeps.
	TimesAsUTC int
	// Skipped lists the bad lines left out (SkipInvalid only).
	Skipped []*ImportError
	// Unknown lists the clips added that name a platform or model
	// ImportOptions.Known does not know.
	Unknown []UnknownClip
	// Plans (JSON backups): a profile that already has a plan keeps it.
	PlansAdded, PlansIdentical int
	PlanConflicts              []string // profile IDs whose saved plan differs
	// Profiles (JSON backups, version 2 on): the person's own platform
	// profiles. One whose id is free is added; one saved here with the
	// same id and the same content is counted in ProfilesIdentical; where
	// one is saved here with other content (or cannot be read), both are
	// kept: the backup's is added beside it (ProfilesBeside). A restore
	// never writes over what is on this device; ProfilesKept names a
	// backup's profile left out because no id was free for it (1,000
	// tried). ProfilesRefused lists the file's profiles that break the
	// catalog's rules, left out while the clips are imported.
	ProfilesAdded, ProfilesIdentical int
	ProfilesKept                     []string
	ProfilesRefused                  []*ImportError
	// ProfilesMoved lists the backup's profiles whose id is a bundled
	// profile's (ImportOptions.Bundled), each as its id in the file and
	// the id it was restored under.
	ProfilesMoved [][2]string
	// ProfilesBeside lists the backup's profiles whose id a profile of
	// this device's has with other content: both are kept, the backup's
	// added beside it under a free id and a numbered name (or, restored
	// so before, found there), with the backup's clips and plan on it.
	ProfilesBeside []ProfileBeside
	// SettingsAdded is true when the backup's settings were saved, whole
	// when the log had none, or in part (see ImportJSON).
	SettingsAdded bool
	// SettingsRestored holds the settings the import changed to the
	// backup's, each other field zero: the display currency (Display), the
	// exchange rates (Rates, with a Base) and the date of the last export
	// (LastExport).
	SettingsRestored Settings
	// SettingsKept is true when the backup's display currency or exchange
	// rates differ from those already set in the log, which were kept.
	SettingsKept bool
}

// Summary says in a sentence or two what the import did.
func (r ImportReport) Summary() string {
	var parts []string
	parts = append(parts, "Imported "+pricing.CountInt(r.Added, "clip", "clips"))
	if r.Identical > 0 {
		parts = append(parts, pricing.CountInt(r.Identical, "clip was", "clips were")+" already in your log")
	}
	if n := len(r.Conflicts); n > 0 {
		lines := make([]string, 0, n)
		for i, c := range r.Conflicts {
			if i == 10 {
				lines = append(lines, "…")
				break
			}
			lines = append(lines, where(c.Line, c.Row))
		}
		parts = append(parts, pricing.CountInt(n, "clip has", "clips have")+" the id of a saved clip but other values, and "+
			map[bool]string{true: "was", false: "were"}[n == 1]+" left out ("+strings.Join(lines, ", ")+")")
	}
	if n := len(r.Skipped); n > 0 {
		parts = append(parts, pricing.CountInt(n, "problem", "problems")+" in the file: those lines were left out")
	}
	if n := r.TimesAsUTC; n > 0 {
		parts = append(parts, pricing.CountInt(n, "created or updated time", "created and updated times")+
			" without a time zone read as UTC, the zone the log's export writes")
	}
	if n := len(r.Unknown); n > 0 {
		var lines []string
		for i, u := range r.Unknown {
			if i == 3 {
				lines = append(lines, "…")
				break
			}
			lines = append(lines, where(u.Line, u.Row)+": "+u.ProfileID+" · "+u.ModelID)
		}
		parts = append(parts, pricing.CountInt(n, "clip names", "clips name")+" a platform or model this app does not know ("+
			strings.Join(lines, "; ")+"), imported as written: check the spelling")
	}
	if r.PlansAdded > 0 {
		parts = append(parts, pricing.CountInt(r.PlansAdded, "plan", "plans")+" added")
	}
	if n := len(r.PlanConflicts); n > 0 {
		parts = append(parts, pricing.CountInt(n, "saved plan was", "saved plans were")+" kept ("+strings.Join(r.PlanConflicts, ", ")+")")
	}
	if r.ProfilesAdded > 0 {
		parts = append(parts, pricing.CountInt(r.ProfilesAdded, "platform profile", "platform profiles")+" added")
	}
	if r.ProfilesIdentical > 0 {
		parts = append(parts, pricing.CountInt(r.ProfilesIdentical, "platform profile was", "platform profiles were")+" already here")
	}
	if n := len(r.ProfilesKept); n > 0 {
		parts = append(parts, pricing.CountInt(n, "platform profile saved here was", "platform profiles saved here were")+
			" kept, not the backup's ("+strings.Join(r.ProfilesKept, ", ")+")")
	}
	for _, b := range r.ProfilesBeside {
		parts = append(parts, "the backup's platform profile “"+b.Name+"” differs from yours with its id ("+b.ID+"), so both are kept: "+
			"the backup's is “"+b.NewName+"” ("+b.NewID+") here, with the backup's clips and plan on it")
	}
	for _, m := range r.ProfilesMoved {
		parts = append(parts, "your platform profile "+m[0]+" is "+m[1]+" here, since a bundled platform has its id; the backup's clips and plan on it name "+m[1])
	}
	if n := len(r.ProfilesRefused); n > 0 {
		var lines []string
		for i, e := range r.ProfilesRefused {
			if i == 3 {
				lines = append(lines, "…")
				break
			}
			lines = append(lines, e.Error())
		}
		parts = append(parts, pricing.CountInt(n, "platform profile in the file could not be read: it was", "platform profiles in the file could not be read: they were")+
			" left out ("+strings.Join(lines, "; ")+")")
	}
	if set := r.SettingsRestored; set.Display != "" || set.Rates.Base != "" || set.LastExport != "" {
		var what []string
		if set.Display != "" {
			what = append(what, "totals in "+string(set.Display))
		}
		if set.Rates.Base != "" {
			what = append(what, "exchange rates")
			if set.Rates.Date != "" {
				what[len(what)-1] += " of " + set.Rates.Date
			}
		}
		if len(what) > 0 {
			parts = append(parts, "the backup's settings restored: "+strings.Join(what, ", "))
		}
		if len(set.LastExport) >= len("2006-01-02") {
			parts = append(parts, "everything in your log is in this backup, of "+set.LastExport[:len("2006-01-02")])
		}
	}
	switch set := r.SettingsRestored; {
	case !r.SettingsKept:
	case set.Rates.Base != "": // the rates here were the bundled ones
		parts = append(parts, "the display currency set here was kept: the backup's differs")
	case set.Display != "": // no display currency was picked here
		parts = append(parts, "the exchange rates set here were kept: the backup's differ")
	default:
		parts = append(parts, "the display currency and exchange rates set here were kept: the backup's differ")
	}
	return strings.Join(parts, "; ") + "."
}

// ImportJSON merges a JSON backup (ReadBackup) into the log: new entries
// are added, entries already there with the same values are skipped, and
// entries with a saved ID but other values are reported as conflicts and
// left as saved. Plans are added for profiles without one. The person's
// own platform profiles (version 2 on) are added where their id is free;
// one saved here with the same id and other content is never written
// over, and the backup's goes beside it under a free id and a numbered
// name, with the backup's clips and plan on it (ImportReport's
// ProfilesBeside), and one that breaks the catalog's rules is left out and
// listed (ProfilesRefused) while the clips are imported. The backup's
// settings are saved when the log has none; otherwise each setting the
// log still has as it came (no display currency picked, the bundled
// exchange rates, never exported) is taken from the backup, and one that
// was set and differs is kept and reported (SettingsKept): a new device
// where the display currency was picked before the backup was restored
// kept the bundled rates, and its totals differed from the old device's.
//
// Nothing changes when the import is refused: a *LimitError, a
// *ImportErrors (any bad line, unless opts.SkipInvalid), or a *StorageError
// (op "import"; the keys written so far, profiles among them, are deleted
// again).
func (l *Log) ImportJSON(data []byte, opts ImportOptions) (ImportReport, error) {
	p, err := parseBackup(data)
	if err != nil {
		return ImportReport{}, err
	}
	return l.merge(p, opts)
}

// ImportCSV merges a CSV file (ReadCSV) into the log, as ImportJSON does
// for entries.
func (l *Log) ImportCSV(data []byte, opts ImportOptions) (ImportReport, error) {
	p, err := parseCSV(data)
	if err != nil {
		return ImportReport{}, err
	}
	return l.merge(p, opts)
}

// sameClipKey is what a clip says, without what a file written by hand or
// re-saved by a spreadsheet may leave out or change: its id, names, plan
// and times, and its numbers' digits past the 15 significant ones a
// spreadsheet keeps (a custom plan's $28 for 150 credits is
// 0.1866666666666667 a credit, saved as 0.186666666666667).
func sameClipKey(e Entry) string {
	return strings.Join([]string{e.Date, e.ProfileID, e.ModelID, string(e.Res), significant15(e.Seconds), significant15(e.Credits),
		string(e.PricePerCredit.Currency), significant15(e.PricePerCredit.Amount), strconv.FormatBool(e.Kept),
		e.Project, e.Client, e.Note}, "\x1f")
}

// sameAsSaved reports whether an imported clip is the saved clip with its
// id: equal, or equal but for the digits a spreadsheet drops.
func sameAsSaved(saved, in Entry) bool {
	return saved.Equal(in) || saved.ID == in.ID && sameClipKey(saved) == sameClipKey(in) &&
		saved.ProfileName == in.ProfileName && saved.PlanID == in.PlanID && saved.ModelName == in.ModelName &&
		sameTime(saved.Created, in.Created) && sameTime(saved.Updated, in.Updated)
}

// onProfile is e naming the profile id and name.
func onProfile(e Entry, id, name string) Entry {
	e.ProfileID, e.ProfileName = id, name
	return e
}

// sameTime reports whether an imported time is the saved one as a
// spreadsheet may show it: the same instant, or one to the minute
// ("11/27/2026 14:03") or to the day ("27.11.2026") that the saved one's
// falls in, where the imported one's seconds, or hours, are all zero.
// (In Unix seconds: time.Time's Truncate costs app.wasm 3 KB.)
func sameTime(saved, in string) bool {
	s, err := time.Parse(time.RFC3339, saved)
	i, ierr := time.Parse(time.RFC3339, in)
	if saved == in || err != nil || ierr != nil {
		return saved == in
	}
	si, ii := s.Unix(), i.Unix()
	for _, unit := range [...]int64{1, 60, 24 * 60 * 60} {
		if ii%unit != 0 {
			break
		}
		if si-si%unit == ii {
			return true
		}
	}
	return false
}

// significant15 is d to 15 significant digits, as a spreadsheet keeps it.
func significant15(d decimal.Decimal) string {
	if d.IsZero() {
		return "0"
	}
	return d.Round(15 - int32(d.NumDigits()) - d.Exponent()).String()
}

// moveProfile gives the backup's profile p.profiles[i] another id: its id
// is a bundled profile's (bundled), or a profile of this device's has it
// with other content (beside; here are this device's profiles). It takes
// a profile here that is the same one but for its id and its name's
// number (SameBut: the backup was restored beside it before; already),
// else the first id of "<id>-custom", "<id>-custom-2"… that is no bundled
// profile's nor another of the backup's, and is free here or holds the
// same profile; beside, its name is numbered when a profile here or
// another of the backup's has it (FreeName: "My Runway (2)"; Rename, its
// platform too where that is its name), since both are listed. The
// backup's clips and plans naming the old id name the new one, and its
// name, the new name (a row keeps the old in from and fromName, for a
// clip saved here as it is).
func (l *Log) moveProfile(p *parsed, i int, here []pricing.Profile, bundled func(string) bool, beside bool) (already bool, err error) {
	isBundled := func(id string) bool { return bundled != nil && bundled(id) }
	from := p.profiles[i].ID
	pr := p.profiles[i]
	inFile := func(id string) bool {
		_, ok := pricing.FindProfile(p.profiles, id)
		return ok
	}
	found := false
	for _, q := range here {
		if q.ID != from && !isBundled(q.ID) && !inFile(q.ID) && SameBut(q, pr) {
			pr, found, already = q, true, true
			break
		}
	}
	if beside && !found {
		pr = Rename(pr, FreeName(pr.Name, func(name string) bool {
			for j, q := range p.profiles {
				if j != i && q.Name == name {
					return true
				}
			}
			return slices.ContainsFunc(here, func(q pricing.Profile) bool { return q.Name == name })
		}))
	}
	base := strings.TrimSuffix(from, "-custom") + "-custom"
	if len(base) > pricing.ProfileMaxID-4 { // room for "-999"
		base = strings.TrimRight(base[:pricing.ProfileMaxID-4], "-")
	}
	for n := 1; !found; n++ {
		pr.ID = base
		if n > 1 {
			pr.ID += "-" + strconv.Itoa(n)
		}
		if n < 1000 && (isBundled(pr.ID) || inFile(pr.ID)) {
			continue
		}
		v, has, err := l.store.Get(ProfileKey(pr.ID))
		if err != nil && !errors.Is(err, ErrCorrupt) {
			return false, err
		}
		if err == nil && (!has || sameProfile(v, pr)) || n >= 1000 {
			break // at 1,000 the profile is kept, not written, as any taken id
		}
	}
	name := p.profiles[i].Name
	p.profiles[i] = pr
	for j := range p.rows {
		if e := &p.rows[j].e; e.ProfileID == from {
			p.rows[j].from, p.rows[j].fromName = from, e.ProfileName
			e.ProfileID = pr.ID
			if e.ProfileName == name { // as the list shows it: "Studio (2)", not the other Studio's
				e.ProfileName = pr.Name
			}
		}
	}
	for j := range p.plans {
		if p.plans[j].ProfileID == from {
			p.plans[j].ProfileID = pr.ID
		}
	}
	return already, nil
}

func (l *Log) merge(p *parsed, opts ImportOptions) (ImportReport, error) {
	rep := ImportReport{Read: len(p.rows), Identical: p.repeated, TimesAsUTC: p.utcTimes}
	if !p.errs.empty() {
		if !opts.SkipInvalid || p.fatal {
			return ImportReport{}, &p.errs
		}
		rep.Skipped = p.errs.Errs
	}

	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.writable("import"); err != nil {
		return ImportReport{}, err
	}
	storeErr := func(key string, err error) (ImportReport, error) {
		return ImportReport{}, &StorageError{Op: "import", Key: key, Err: StoreError(err)}
	}

	// Decide, reading what is saved now (another tab may have added to it).
	type write struct{ key, value string }
	var writes []write
	// Profiles first: a clip priced on a profile this backup brings is
	// not a platform the app does not know.
	rep.ProfilesRefused = p.badProfiles
	// This device's own profiles, as its backup holds them (one that
	// cannot be read is left out, as Backup leaves it).
	here, _, err := LoadProfiles(l.store)
	if err != nil {
		return storeErr(ProfilePrefix, err)
	}
	var addedProfiles []pricing.Profile
	for i := range p.profiles {
		if opts.Bundled == nil || !opts.Bundled(p.profiles[i].ID) {
			continue
		}
		from := p.profiles[i].ID
		if _, err := l.moveProfile(p, i, here, opts.Bundled, false); err != nil {
			return storeErr(ProfileKey(from), err)
		}
		rep.ProfilesMoved = append(rep.ProfilesMoved, [2]string{from, p.profiles[i].ID})
	}
	for i := range p.profiles {
		pr := p.profiles[i]
		key := ProfileKey(pr.ID)
		v, found, err := l.store.Get(key)
		if err != nil && !errors.Is(err, ErrCorrupt) {
			return storeErr(key, err)
		}
		if err != nil || found && !sameProfile(v, pr) {
			// Another profile of this device has its id (or a record
			// there cannot be read): neither is written over nor left
			// out; the backup's goes beside it, under a free id and a
			// numbered name, with its clips and plan.
			already, err := l.moveProfile(p, i, here, opts.Bundled, true)
			if err != nil {
				return storeErr(key, err)
			}
			rep.ProfilesBeside = append(rep.ProfilesBeside, ProfileBeside{ID: pr.ID, Name: pr.Name, NewID: p.profiles[i].ID, NewName: p.profiles[i].Name})
			if already {
				rep.ProfilesIdentical++
				continue
			}
			pr = p.profiles[i]
			key = ProfileKey(pr.ID)
			v, found, err = l.store.Get(key)
			if err != nil && !errors.Is(err, ErrCorrupt) {
				return storeErr(key, err)
			}
		}
		switch {
		case err != nil || found && !sameProfile(v, pr):
			rep.ProfilesKept = append(rep.ProfilesKept, pr.ID)
		case found:
			rep.ProfilesIdentical++
		default:
			text, err := EncodeProfile(pr)
			if err != nil {
				rep.ProfilesRefused = append(rep.ProfilesRefused, &ImportError{Err: err})
				continue
			}
			writes = append(writes, write{key, text})
			addedProfiles = append(addedProfiles, pr)
		}
	}
	// Every profile of this device is in the backup as it is here: with
	// its clips, plans and settings, the backup is then this device's.
	allProfiles := true
	for _, q := range here {
		in, ok := pricing.FindProfile(p.profiles, q.ID)
		text, err := EncodeProfile(q)
		allProfiles = allProfiles && ok && err == nil && sameProfile(text, in)
	}
	known := func(profileID, modelID string) bool {
		if opts.Known == nil || opts.Known(profileID, modelID) {
			return true
		}
		pr, ok := pricing.FindProfile(addedProfiles, profileID)
		_, has := pr.FindModel(modelID)
		return ok && has
	}
	var added []Entry
	var same map[string]int // saved clips by what they say (sameClipKey): for rows without an id
	inFile := 0             // saved clips the file has as they are
	for _, r := range p.rows {
		e := r.e
		if _, ok := l.entries[e.ID]; !ok && r.derived {
			// A row without an id (a file whose id column was taken out, or
			// written by hand) is a saved clip when a saved clip says the
			// same: the log's own export with its ids removed added every
			// clip again. Each saved clip answers for one such row.
			if same == nil {
				same = map[string]int{}
				for _, s := range l.entries {
					same[sameClipKey(s)]++
				}
			}
			if k := sameClipKey(e); same[k] > 0 {
				same[k]--
				rep.Identical++
				inFile++
				continue
			}
		}
		saved, ok := l.entries[e.ID]
		if !ok {
			v, found, err := l.store.Get(EntryKey(e.ID))
			if err != nil && !errors.Is(err, ErrCorrupt) {
				return storeErr(EntryKey(e.ID), err)
			}
			if err != nil {
				found = true // unreadable: do not overwrite it
			} else if found {
				saved, _ = decodeStored(e.ID, v)
				ok = saved.ID != ""
			}
			if found && !ok {
				rep.Conflicts = append(rep.Conflicts, Conflict{Line: r.line, Row: r.row, Incoming: e})
				continue
			}
		}
		switch {
		case ok && (sameAsSaved(saved, e) || r.from != "" && sameAsSaved(saved, onProfile(e, r.from, r.fromName))):
			rep.Identical++
			inFile++
		case ok:
			rep.Conflicts = append(rep.Conflicts, Conflict{Line: r.line, Row: r.row, Saved: saved, Incoming: e})
		default:
			writes = append(writes, write{EntryKey(e.ID), encodeStored(e)})
			added = append(added, e)
			if !known(e.ProfileID, e.ModelID) {
				rep.Unknown = append(rep.Unknown, UnknownClip{r.line, r.row, e.ProfileID, e.ModelID})
			}
		}
	}
	var addedPlans []MyPlan
	for _, pl := range p.plans {
		saved, ok := l.plans[pl.ProfileID]
		if !ok {
			v, found, err := l.store.Get(PlanKey(pl.ProfileID))
			if err != nil && !errors.Is(err, ErrCorrupt) {
				return storeErr(PlanKey(pl.ProfileID), err)
			}
			if found || err != nil {
				var derr error
				saved, derr = decodePlan(PlanKey(pl.ProfileID), v)
				ok = derr == nil
				if !ok {
					rep.PlanConflicts = append(rep.PlanConflicts, pl.ProfileID)
					continue
				}
			}
		}
		switch {
		case ok && encodePlan(saved) == encodePlan(pl):
			rep.PlansIdentical++
		case ok:
			rep.PlanConflicts = append(rep.PlanConflicts, pl.ProfileID)
		default:
			writes = append(writes, write{PlanKey(pl.ProfileID), encodePlan(pl)})
			addedPlans = append(addedPlans, pl)
		}
	}
	addSettings, newSettings, oldSettings := false, Settings{}, Settings{}
	if p.settings != nil {
		// The backup's date is the last backup's when everything of the
		// log is in it as saved (its clips, its plans, and every profile of
		// this device's own: one it lacks, or holds otherwise, is not
		// backed up by it): a first backup restored on a new device said
		// "Never backed up". A backup's own last export (before version
		// 2's, the one before it) says nothing of what is here.
		in := *p.settings
		in.LastExport = ""
		if inFile == len(l.entries) && len(rep.Conflicts) == 0 && rep.PlansIdentical == len(l.plans) &&
			len(rep.PlanConflicts) == 0 && allProfiles {
			in.LastExport = p.exported
		}
		v, found, err := l.store.Get(SettingsKey)
		if err != nil && !errors.Is(err, ErrCorrupt) {
			return storeErr(SettingsKey, err)
		}
		switch {
		case err != nil: // unreadable: the log shows it; not written over
			rep.SettingsKept = true
		case !found:
			newSettings, addSettings = in, true
		default:
			saved, derr := decodeSettings(v)
			if derr != nil {
				rep.SettingsKept = true
				break
			}
			newSettings, rep.SettingsKept = mergeSettings(saved, in)
			if rep.SettingsKept && in.LastExport != "" {
				// A display currency or rates of this device's own, not
				// the backup's: it does not hold them, so it is no backup
				// of everything here.
				in.LastExport = ""
				newSettings, _ = mergeSettings(saved, in)
			}
			addSettings = encodeSettings(newSettings) != encodeSettings(saved)
			oldSettings = saved
		}
		if addSettings {
			// Last of the writes: a settings record already there is
			// written over, and the undo below deletes keys that were
			// absent; a failed Set leaves the record as it was.
			writes = append(writes, write{SettingsKey, encodeSettings(newSettings)})
		}
	}

	// Write; on failure delete what this import wrote (every key written
	// was absent before, but the settings, written last), so a refused
	// import changes nothing.
	for i, w := range writes {
		if err := l.store.Set(w.key, w.value); err != nil {
			var undoErr error
			for j := i - 1; j >= 0; j-- {
				if derr := l.store.Del(writes[j].key); derr != nil && undoErr == nil {
					undoErr = derr
				}
			}
			if undoErr != nil {
				return ImportReport{}, &StorageError{Op: "import-partial", Key: w.key, Err: StoreError(err)}
			}
			return storeErr(w.key, err)
		}
	}
	for _, e := range added {
		l.entries[e.ID] = e
	}
	if len(added) > 0 {
		l.sorted = nil
	}
	for _, pl := range addedPlans {
		l.plans[pl.ProfileID] = pl
	}
	if addSettings {
		l.settings, l.hasSettings = newSettings, true
	}
	rep.Added = len(added)
	rep.PlansAdded = len(addedPlans)
	rep.ProfilesAdded = len(addedProfiles)
	rep.SettingsAdded = addSettings
	if addSettings {
		rep.SettingsRestored = changedSettings(oldSettings, newSettings)
	}
	return rep, nil
}

// changedSettings is what of out differs from saved, each other field
// zero (ImportReport.SettingsRestored).
func changedSettings(saved, out Settings) Settings {
	var c Settings
	if out.DisplayCurrency() != saved.DisplayCurrency() {
		c.Display = out.DisplayCurrency()
	}
	// The rates alone, not their date and source: a table of the bundled
	// rates typed in again converts as the bundled one.
	rates := func(r pricing.Rates) string { return ratesKey(pricing.Rates{Base: r.Base, Per: r.Per}) }
	if rates(out.RatesOrDefault()) != rates(saved.RatesOrDefault()) {
		c.Rates = out.RatesOrDefault()
	}
	if out.LastExport != saved.LastExport {
		c.LastExport = out.LastExport
	}
	return c
}

// ratesKey is r encoded, to compare two tables.
func ratesKey(r pricing.Rates) string { return encodeSettings(Settings{Rates: r}) }

// mergeSettings takes from a backup's settings each one saved has as it
// came: no display currency picked, the bundled exchange rates; and its
// last export when later than saved's. kept reports a display currency
// or rates set in saved that differ from the backup's.
func mergeSettings(saved, in Settings) (out Settings, kept bool) {
	out = saved
	switch {
	case saved.Display == "":
		out.Display = in.Display
	case in.Display != "" && in.Display != saved.Display:
		kept = true
	}
	switch mine, theirs := ratesKey(saved.RatesOrDefault()), ratesKey(in.RatesOrDefault()); {
	case mine == theirs:
	case mine == ratesKey(pricing.DefaultRates()):
		out.Rates = in.Rates
	default:
		kept = true
	}
	if later(in.LastExport, saved.LastExport) {
		out.LastExport = in.LastExport
	}
	return out, kept
}

// later reports whether a is a time (RFC 3339) after b, or b is none.
func later(a, b string) bool {
	ta, err := time.Parse(time.RFC3339, a)
	if err != nil {
		return false
	}
	tb, err := time.Parse(time.RFC3339, b)
	return err != nil || ta.After(tb)
}
