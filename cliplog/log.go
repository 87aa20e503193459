package cliplog

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/aivc/aivc/internal/order"
)

// Log is the clip log of one browser tab: the entries, plans and settings
// read from a Store, kept in memory, and written back one key at a time.
// Two Logs over the same Store (two tabs) never overwrite each other's new
// entries; Reload shows what the other wrote. A Log is safe for concurrent
// use.
type Log struct {
	mu          sync.Mutex
	store       Store
	entries     map[string]Entry
	sorted      []Entry // Entries' cache; nil when stale
	plans       map[string]MyPlan
	settings    Settings
	hasSettings bool
	corrupt     []CorruptRecord
	readOnly    error // why writes are refused; nil when they are not
	report      LoadReport
}

// LoadReport says what Open or Reload found.
type LoadReport struct {
	Entries int // entries loaded
	// Corrupt lists every record that could not be read: set aside this
	// time or before, and still kept (under its QuarantineKey) until the
	// person discards it. The page shows them; nothing is dropped.
	Corrupt []CorruptRecord
	// Migrated is true when this load moved a schema-0 log (LegacyKey) to
	// per-entry keys.
	Migrated bool
}

// Open reads the log from s, migrating an older layout first. It always
// returns a usable Log: on error (a *StorageError) the Log is read-only and
// holds what could be read, so the page can still show and export it. When
// storage is unavailable the page may instead Open(NewMemStore()) to let
// the person keep working until the tab is closed.
func Open(s Store) (*Log, LoadReport, error) {
	l := &Log{store: s, entries: map[string]Entry{}, plans: map[string]MyPlan{}}
	rep, err := l.Reload()
	return l, rep, err
}

// Reload reads everything again (for example when another tab changed the
// store). On error the Log keeps what it had and turns read-only.
func (l *Log) Reload() (LoadReport, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st, rep, err := load(l.store)
	if err != nil && st == nil {
		l.readOnly = err
		return l.report, err
	}
	l.entries, l.plans, l.settings, l.hasSettings = st.entries, st.plans, st.settings, st.hasSettings
	l.corrupt = rep.Corrupt
	l.sorted = nil
	l.readOnly = err
	l.report = rep
	return rep, err
}

// ReadOnly returns why the Log refuses writes, or nil.
func (l *Log) ReadOnly() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.readOnly
}

// state is what a load reads.
type state struct {
	entries     map[string]Entry
	plans       map[string]MyPlan
	settings    Settings
	hasSettings bool
}

func newState() *state {
	return &state{entries: map[string]Entry{}, plans: map[string]MyPlan{}}
}

// load reads the store. A nil state means nothing could be read; a state
// with an error means a read-only view.
func load(s Store) (*state, LoadReport, error) {
	var rep LoadReport
	openErr := func(err error) error { return &StorageError{Op: "open", Err: StoreError(err)} }
	keys, err := s.Keys()
	if err != nil {
		return nil, rep, openErr(err)
	}
	has := map[string]bool{}
	for _, k := range keys {
		if strings.HasPrefix(k, prefix) || k == LegacyKey {
			has[k] = true
		}
	}

	// Meta: the schema version.
	schema := -1 // absent
	if has[MetaKey] {
		v, ok, err := s.Get(MetaKey)
		switch {
		case err != nil && !errors.Is(err, ErrCorrupt):
			return nil, rep, openErr(err)
		case err != nil:
			rep.Corrupt = append(rep.Corrupt, CorruptRecord{Key: MetaKey, Err: err})
		case ok:
			var m metaJSON
			if derr := strictJSON([]byte(v), &m); derr != nil {
				rep.Corrupt = append(rep.Corrupt, quarantine(s, MetaKey, v, derr))
			} else {
				schema = m.Schema
			}
		}
	}
	if schema > SchemaVersion {
		return nil, rep, &StorageError{Op: "open", Key: MetaKey, Err: fmt.Errorf("%w (schema %d)", ErrNewerSchema, schema)}
	}

	st := newState()
	var failed error
	// Schema 0: one array under LegacyKey. Migrate whenever it is there
	// (migration is idempotent and deletes the old key only once the new
	// records are written and read back).
	if has[LegacyKey] {
		migrated, mrep, err := migrateV0(s)
		rep.Corrupt = append(rep.Corrupt, mrep.Corrupt...)
		if err != nil {
			if isUnavailable(err) {
				return nil, rep, openErr(err)
			}
			failed = &StorageError{Op: "migrate", Key: LegacyKey, Err: StoreError(err)}
			for _, e := range migrated {
				st.entries[e.ID] = e
			}
		} else {
			rep.Migrated = true
			// Migration wrote new keys: list them again.
			if keys, err = s.Keys(); err != nil {
				return nil, rep, openErr(err)
			}
		}
	} else if schema != SchemaVersion {
		if err := s.Set(MetaKey, metaValue()); err != nil && isUnavailable(StoreError(err)) {
			failed = openErr(err)
		}
	}

	for _, k := range keys {
		if !strings.HasPrefix(k, v1Prefix) {
			continue
		}
		v, ok, err := s.Get(k)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				return nil, rep, openErr(err)
			}
			rep.Corrupt = append(rep.Corrupt, CorruptRecord{Key: k, Err: err})
			continue
		}
		if !ok {
			continue // deleted meanwhile, by another tab
		}
		switch {
		case strings.HasPrefix(k, EntryPrefix):
			id := k[len(EntryPrefix):]
			if _, dup := st.entries[id]; dup {
				continue // read from the legacy array while migration failed
			}
			if !validID(id) {
				rep.Corrupt = append(rep.Corrupt, quarantine(s, k, v, fmt.Errorf("the key does not hold a valid id: %w", ErrBadID)))
				continue
			}
			e, err := decodeStored(id, v)
			if err != nil {
				rep.Corrupt = append(rep.Corrupt, quarantine(s, k, v, err))
				continue
			}
			st.entries[id] = e
		case strings.HasPrefix(k, PlanPrefix):
			p, err := decodePlan(k, v)
			if err != nil {
				rep.Corrupt = append(rep.Corrupt, quarantine(s, k, v, err))
				continue
			}
			st.plans[p.ProfileID] = p
		case k == SettingsKey:
			set, err := decodeSettings(v)
			if err != nil {
				rep.Corrupt = append(rep.Corrupt, quarantine(s, k, v, err))
				continue
			}
			st.settings, st.hasSettings = set, true
		case strings.HasPrefix(k, CorruptPrefix):
			rep.Corrupt = append(rep.Corrupt, readQuarantined(k, v))
		}
	}
	rep.Entries = len(st.entries)
	cs := rep.Corrupt
	order.Stable(len(cs), func(i, j int) int { return strings.Compare(corruptKey(cs[i]), corruptKey(cs[j])) },
		func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	return st, rep, failed
}

func corruptKey(c CorruptRecord) string {
	if c.QuarantineKey != "" {
		return c.QuarantineKey
	}
	return c.Key
}

func metaValue() string { return `{"schema":` + strconv.Itoa(SchemaVersion) + `}` }

// quarantine moves the unreadable value v from key to a CorruptPrefix key:
// it writes the copy, reads it back, and only then deletes key. If any step
// fails the value stays at key. Either way it is reported.
func quarantine(s Store, key, v string, cause error) CorruptRecord {
	rec := CorruptRecord{Key: key, Raw: v, Err: cause}
	b, _ := json.Marshal(quarantined{Key: key, Error: errText(cause), Raw: v})
	base := CorruptPrefix + strings.TrimPrefix(strings.TrimPrefix(key, v1Prefix), prefix)
	for n := 1; n < 100; n++ {
		q := base
		if n > 1 {
			q = base + "." + strconv.Itoa(n)
		}
		if _, ok, err := s.Get(q); err != nil {
			return rec
		} else if ok {
			continue
		}
		if s.Set(q, string(b)) != nil {
			return rec
		}
		if got, ok, err := s.Get(q); err != nil || !ok || !sameJSON(got, string(b)) {
			return rec
		}
		if s.Del(key) == nil {
			rec.QuarantineKey = q
		}
		return rec
	}
	return rec
}

func readQuarantined(key, v string) CorruptRecord {
	var q quarantined
	if err := json.Unmarshal([]byte(v), &q); err != nil || q.Key == "" {
		return CorruptRecord{Key: key, QuarantineKey: key, Raw: v, Err: ErrCorrupt}
	}
	return CorruptRecord{Key: q.Key, QuarantineKey: key, Raw: q.Raw, Err: errors.New(q.Error)}
}

// Entries returns every entry, sorted by Date, then ID (oldest first). The
// slice is shared until the next change: do not modify it.
func (l *Log) Entries() []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.entriesLocked()
}

func (l *Log) entriesLocked() []Entry {
	if l.sorted == nil {
		l.sorted = make([]Entry, 0, len(l.entries))
		for _, e := range l.entries {
			l.sorted = append(l.sorted, e)
		}
		sortEntries(l.sorted)
	}
	return l.sorted
}

func sortEntries(es []Entry) {
	order.Stable(len(es), func(i, j int) int {
		return cmp.Or(strings.Compare(es[i].Date, es[j].Date), strings.Compare(es[i].ID, es[j].ID))
	}, func(i, j int) { es[i], es[j] = es[j], es[i] })
}

// sortPlans sorts ps by profile ID.
func sortPlans(ps []MyPlan) {
	order.Stable(len(ps), func(i, j int) int { return strings.Compare(ps[i].ProfileID, ps[j].ProfileID) },
		func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
}

// Len returns the number of entries.
func (l *Log) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.entries)
}

// Entry returns the entry with id.
func (l *Log) Entry(id string) (Entry, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[id]
	return e, ok
}

// Corrupt returns the records set aside (see LoadReport.Corrupt).
func (l *Log) Corrupt() []CorruptRecord {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]CorruptRecord(nil), l.corrupt...)
}

func (l *Log) writable(op string) error {
	if l.readOnly != nil {
		return &StorageError{Op: op, Err: fmt.Errorf("%w: %v", ErrReadOnly, l.readOnly)}
	}
	return nil
}

// Add saves a new entry under its own key and returns it as saved (Cost
// derived, Updated defaulting to Created). A field problem is a
// *pricing.InputError; an ID already used wraps ErrDuplicate; a storage
// failure is a *StorageError (ErrStorageFull, ErrStorageUnavailable), and
// then nothing was saved: the page keeps the entry on screen.
func (l *Log) Add(e Entry) (Entry, error) {
	e = e.Derive()
	if err := e.Validate(); err != nil {
		return Entry{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.writable("add"); err != nil {
		return Entry{}, err
	}
	key := EntryKey(e.ID)
	if _, ok := l.entries[e.ID]; ok {
		return Entry{}, fmt.Errorf("%w: %s", ErrDuplicate, e.ID)
	}
	if _, ok, err := l.store.Get(key); err != nil && !errors.Is(err, ErrCorrupt) {
		return Entry{}, &StorageError{Op: "add", Key: key, Err: StoreError(err)}
	} else if ok || err != nil {
		return Entry{}, fmt.Errorf("%w: %s (saved by another tab)", ErrDuplicate, e.ID)
	}
	if err := l.store.Set(key, encodeStored(e)); err != nil {
		return Entry{}, &StorageError{Op: "add", Key: key, Err: StoreError(err)}
	}
	l.entries[e.ID] = e
	l.sorted = nil
	return e, nil
}

// Update saves a changed entry (same ID) over the version the log holds,
// and returns it as saved. The caller sets Updated. It wraps ErrNotFound
// when the entry is not in the log, or was deleted from the store since
// (another tab), and ErrConflict when the store holds another version than
// the log's (another tab changed it since the log was read): the log then
// holds the stored version, and nothing was written.
func (l *Log) Update(e Entry) (Entry, error) {
	e = e.Derive()
	if err := e.Validate(); err != nil {
		return Entry{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.writable("update"); err != nil {
		return Entry{}, err
	}
	held, ok := l.entries[e.ID]
	if !ok {
		return Entry{}, fmt.Errorf("%w: %s", ErrNotFound, e.ID)
	}
	key := EntryKey(e.ID)
	raw, ok, err := l.store.Get(key)
	switch {
	case err != nil && !errors.Is(err, ErrCorrupt):
		return Entry{}, &StorageError{Op: "update", Key: key, Err: StoreError(err)}
	case !ok:
		delete(l.entries, e.ID)
		l.sorted = nil
		return Entry{}, fmt.Errorf("%w: %s (deleted by another tab)", ErrNotFound, e.ID)
	}
	if cur, derr := decodeStored(e.ID, raw); derr != nil {
		// Unreadable now: set it aside rather than write over it.
		c := quarantine(l.store, key, raw, derr)
		if c.QuarantineKey == "" {
			return Entry{}, fmt.Errorf("%w: %s", ErrCorrupt, key)
		}
		l.corrupt = append(l.corrupt, c)
	} else if !cur.Equal(held) {
		l.entries[e.ID] = cur
		l.sorted = nil
		return Entry{}, fmt.Errorf("%w: %s (changed by another tab)", ErrConflict, e.ID)
	}
	if err := l.store.Set(key, encodeStored(e)); err != nil {
		return Entry{}, &StorageError{Op: "update", Key: key, Err: StoreError(err)}
	}
	l.entries[e.ID] = e
	l.sorted = nil
	return e, nil
}

// Deleted is what Restore needs to undo a Delete: the entry and the exact
// text that was stored.
type Deleted struct {
	Entry Entry
	Key   string
	Raw   string
}

// Delete removes an entry and returns what Restore needs to put it back.
func (l *Log) Delete(id string) (Deleted, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.writable("delete"); err != nil {
		return Deleted{}, err
	}
	e, ok := l.entries[id]
	if !ok {
		return Deleted{}, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	key := EntryKey(id)
	raw, ok, err := l.store.Get(key)
	if err != nil && !errors.Is(err, ErrCorrupt) {
		return Deleted{}, &StorageError{Op: "delete", Key: key, Err: StoreError(err)}
	}
	if ok {
		// Keep what is stored now (another tab may have changed it).
		if cur, derr := decodeStored(id, raw); derr == nil {
			e = cur
		} else {
			// Unreadable now: set it aside rather than delete it.
			c := quarantine(l.store, key, raw, derr)
			if c.QuarantineKey == "" {
				return Deleted{}, fmt.Errorf("%w: %s", ErrCorrupt, key)
			}
			l.corrupt = append(l.corrupt, c)
			ok = false
		}
	}
	if !ok {
		raw = encodeStored(e)
	}
	if err := l.store.Del(key); err != nil {
		return Deleted{}, &StorageError{Op: "delete", Key: key, Err: StoreError(err)}
	}
	delete(l.entries, id)
	l.sorted = nil
	return Deleted{Entry: e, Key: key, Raw: raw}, nil
}

// Restore undoes a Delete: it writes back the exact text that was stored.
// If the entry is there again it does nothing when identical and wraps
// ErrConflict when not.
func (l *Log) Restore(d Deleted) error {
	e, err := decodeStored(d.Entry.ID, d.Raw)
	if err != nil || d.Key != EntryKey(e.ID) {
		return fmt.Errorf("%w: the deleted clip cannot be restored", ErrCorrupt)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.writable("restore"); err != nil {
		return err
	}
	cur, ok, gerr := l.store.Get(d.Key)
	if gerr != nil && !errors.Is(gerr, ErrCorrupt) {
		return &StorageError{Op: "restore", Key: d.Key, Err: StoreError(gerr)}
	}
	if ok || gerr != nil {
		if ok && sameJSON(cur, d.Raw) {
			l.entries[e.ID] = e
			l.sorted = nil
			return nil
		}
		return fmt.Errorf("%w: %s", ErrConflict, e.ID)
	}
	if err := l.store.Set(d.Key, d.Raw); err != nil {
		return &StorageError{Op: "restore", Key: d.Key, Err: StoreError(err)}
	}
	l.entries[e.ID] = e
	l.sorted = nil
	return nil
}

// DiscardCorrupt deletes a record that was set aside, once the person has
// seen (and perhaps copied) it. key is its QuarantineKey, or its Key when it
// was left in place.
func (l *Log) DiscardCorrupt(key string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.writable("delete"); err != nil {
		return err
	}
	i := -1
	for j, c := range l.corrupt {
		if corruptKey(c) == key {
			i = j
		}
	}
	if i < 0 {
		return fmt.Errorf("%w: %s", ErrNotFound, key)
	}
	if err := l.store.Del(key); err != nil {
		return &StorageError{Op: "delete", Key: key, Err: StoreError(err)}
	}
	l.corrupt = append(l.corrupt[:i:i], l.corrupt[i+1:]...)
	return nil
}

// Plans returns the saved plans, sorted by profile ID.
func (l *Log) Plans() []MyPlan {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.plansLocked()
}

func (l *Log) plansLocked() []MyPlan {
	ps := make([]MyPlan, 0, len(l.plans))
	for _, p := range l.plans {
		ps = append(ps, p)
	}
	sortPlans(ps)
	return ps
}

// Plan returns the plan saved for a profile.
func (l *Log) Plan(profileID string) (MyPlan, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	p, ok := l.plans[profileID]
	return p, ok
}

// SetPlan saves the plan for p.ProfileID, replacing the one there.
func (l *Log) SetPlan(p MyPlan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.writable("plan"); err != nil {
		return err
	}
	key := PlanKey(p.ProfileID)
	if err := l.store.Set(key, encodePlan(p)); err != nil {
		return &StorageError{Op: "plan", Key: key, Err: StoreError(err)}
	}
	l.plans[p.ProfileID] = p
	return nil
}

// DeletePlan forgets the plan of a profile.
func (l *Log) DeletePlan(profileID string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.writable("plan"); err != nil {
		return err
	}
	key := PlanKey(profileID)
	if err := l.store.Del(key); err != nil {
		return &StorageError{Op: "plan", Key: key, Err: StoreError(err)}
	}
	delete(l.plans, profileID)
	return nil
}

// SavedPlan returns the plan saved in s for a profile, read alone: a page
// that prices the profile's clips without opening the log (the calculator)
// starts from the plan the person is on. ok is false when none is saved or
// it cannot be read.
func SavedPlan(s Store, profileID string) (p MyPlan, ok bool) {
	key := PlanKey(profileID)
	v, ok, err := s.Get(key)
	if !ok || err != nil {
		return MyPlan{}, false
	}
	p, err = decodePlan(key, v)
	return p, err == nil
}

// MovePlan gives the plan saved in s for profile from to profile to, for a
// page that renames a custom profile; with to "" it deletes the plan, for a
// page that deletes the profile: a profile given that id later must not
// inherit it. It returns the record it removed ("" when there was none),
// which s.Set(PlanKey(from), was) puts back. A record that cannot be read is
// left where it is: the log shows it as damaged, to download.
func MovePlan(s Store, from, to string) (was string, err error) {
	key := PlanKey(from)
	v, ok, err := s.Get(key)
	if !ok || err != nil {
		return "", StoreError(err)
	}
	p, err := decodePlan(key, v)
	if err != nil {
		return "", nil
	}
	if to != "" {
		p.ProfileID = to
		if err := s.Set(PlanKey(to), encodePlan(p)); err != nil {
			return "", StoreError(err)
		}
	}
	return v, StoreError(s.Del(key))
}

// Settings returns the saved settings (the zero Settings if none).
func (l *Log) Settings() Settings {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.settings
}

// SaveSettings saves s.
func (l *Log) SaveSettings(s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.saveSettingsLocked("settings", s)
}

func (l *Log) saveSettingsLocked(op string, s Settings) error {
	if err := l.writable(op); err != nil {
		return err
	}
	if err := l.store.Set(SettingsKey, encodeSettings(s)); err != nil {
		return &StorageError{Op: op, Key: SettingsKey, Err: StoreError(err)}
	}
	l.settings, l.hasSettings = s, true
	return nil
}

// MarkExported records when the log was last exported (RFC 3339), after
// the page has handed the file to the person.
func (l *Log) MarkExported(at string) error {
	if err := checkTime("Last export", at); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.settings
	s.LastExport = at
	return l.saveSettingsLocked("export", s)
}
