package cliplog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/aivc/aivc/pricing"
)

// Schema 0 is the first layout of the log: the whole log as one JSON array
// under LegacyKey ("aivc.log"), each element shaped as v0Entry, with
// seconds and credits written as JSON numbers. Reading it meant parsing the
// whole log, and two tabs saving it overwrote each other's new entries.

// v0Entry is one element of the schema-0 array.
type v0Entry struct {
	ID       json.RawMessage `json:"id"` // a number (Unix ms) or a string
	Date     string          `json:"date"`
	Platform string          `json:"platform"` // the profile ID
	Model    string          `json:"model"`    // the model ID
	Res      string          `json:"res"`      // "720p", "720P", "4K"
	Seconds  amountText      `json:"seconds"`  // a JSON number
	Credits  amountText      `json:"credits"`  // a JSON number
	Price    amountText      `json:"price"`    // price per credit, a string
	Currency string          `json:"currency"`
	Kept     bool            `json:"kept"`
	Project  string          `json:"project"`
	Note     string          `json:"note"`
	Created  amountText      `json:"created"` // Unix ms, optional
}

// fromV0 converts element i of the schema-0 array.
func fromV0(i int, raw []byte) (Entry, error) {
	var v v0Entry
	if err := strictJSON(raw, &v); err != nil {
		return Entry{}, err
	}
	e := Entry{
		ID: v0ID(i, v.ID), Date: v.Date, ProfileID: v.Platform, ModelID: v.Model,
		Res: pricing.Resolution(strings.ToLower(strings.TrimSpace(v.Res))), Kept: v.Kept,
		Project: v.Project, Note: v.Note,
	}
	var err error
	if e.Seconds, err = pricing.ParsePositiveIn(FieldSeconds, string(v.Seconds), pricing.UnitSeconds); err != nil {
		return Entry{}, err
	}
	// The price first: an API clip's credits are money (ParseCredits).
	price, err := pricing.ParseIn(FieldPricePerCredit, string(v.Price), pricing.UnitMoney)
	if err != nil {
		return Entry{}, err
	}
	e.PricePerCredit = pricing.NewMoney(price, pricing.Currency(upperASCII(strings.TrimSpace(v.Currency))))
	if e.Credits, err = ParseCredits(string(v.Credits), e.PricePerCredit); err != nil {
		return Entry{}, err
	}
	e.Created = v.Date + "T00:00:00Z"
	if ms, err := strconv.ParseInt(string(v.Created), 10, 64); err == nil && ms > 0 && ms < 1<<50 {
		e.Created = Timestamp(time.UnixMilli(ms))
	}
	e = e.Derive()
	return e, e.Validate()
}

// v0ID keeps a schema-0 ID when it is a valid one, makes "v0-<ms>" from a
// numeric ID, and "v0-i<index>" otherwise.
func v0ID(i int, raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil && validID(s) {
		return s
	}
	var n json.Number
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&n) == nil && n != "" && validID("v0-"+n.String()) {
		return "v0-" + n.String()
	}
	return "v0-i" + strconv.Itoa(i)
}

// migrateV0 moves the schema-0 array to one key per entry. It is
// idempotent, and deletes LegacyKey only once every entry is written and
// read back and MetaKey says schema 1:
//
//  1. each element is converted; one that cannot be is copied, as is, to
//     CorruptPrefix+"v0.<index>" and reported;
//  2. each entry is written to its key unless that key already holds it; a
//     key holding a different entry is left alone and the old element is
//     set aside like a bad one, so nothing is lost;
//  3. every written key is read back and compared;
//  4. MetaKey is written and read back;
//  5. LegacyKey is deleted (if that fails, the next load repeats the
//     migration, which then writes nothing).
//
// If a write fails, the keys this run wrote are deleted again, LegacyKey
// stays, and the converted entries are returned for a read-only view.
func migrateV0(s Store) ([]Entry, LoadReport, error) {
	var rep LoadReport
	raw, ok, err := s.Get(LegacyKey)
	if err != nil {
		if errors.Is(err, ErrCorrupt) {
			rep.Corrupt = append(rep.Corrupt, CorruptRecord{Key: LegacyKey, Err: err})
			return nil, rep, setMeta(s)
		}
		return nil, rep, err
	}
	if !ok {
		return nil, rep, setMeta(s)
	}

	var elems []json.RawMessage
	listErr := json.Unmarshal([]byte(raw), &elems)
	if listErr != nil {
		elems = nil
	}
	// Convert everything first (no writes), so that a failed migration can
	// still show every old entry.
	type item struct {
		origin, raw string
		index       int
		e           Entry
		err         error
	}
	items := make([]item, 0, len(elems))
	var entries []Entry
	seen := map[string]string{} // ID → stored value, for repeats in the array
	for i, el := range elems {
		it := item{origin: LegacyKey + "[" + strconv.Itoa(i) + "]", raw: string(el), index: i}
		it.e, it.err = fromV0(i, el)
		if it.err == nil {
			v := encodeStored(it.e)
			if w, dup := seen[it.e.ID]; dup {
				if w == v {
					continue // the same entry twice
				}
				it.e.ID = "v0-i" + strconv.Itoa(i)
				v = encodeStored(it.e)
			}
			seen[it.e.ID] = v
			entries = append(entries, it.e)
		}
		items = append(items, it)
	}

	var written []string
	var problems []CorruptRecord
	fail := func(err error) ([]Entry, LoadReport, error) {
		for i := len(written) - 1; i >= 0; i-- {
			s.Del(written[i]) //nolint:errcheck // best effort: the data is still under LegacyKey
		}
		for _, c := range problems {
			c.QuarantineKey = "" // rolled back: still in the old array
			rep.Corrupt = append(rep.Corrupt, c)
		}
		return entries, rep, err
	}
	// setAside copies a value to a quarantine key, reusing one that
	// already holds the same copy (a repeated migration).
	setAside := func(name, origin, value string, cause error) error {
		b, _ := json.Marshal(quarantined{Key: origin, Error: errText(cause), Raw: value})
		base := CorruptPrefix + name
		for n := 1; n < 100; n++ {
			q := base
			if n > 1 {
				q = base + "." + strconv.Itoa(n)
			}
			cur, ok, err := s.Get(q)
			if err != nil && !errors.Is(err, ErrCorrupt) {
				return err
			}
			if ok && sameJSON(cur, string(b)) {
				problems = append(problems, CorruptRecord{Key: origin, QuarantineKey: q, Raw: value, Err: cause})
				return nil
			}
			if ok || err != nil {
				continue
			}
			if err := s.Set(q, string(b)); err != nil {
				return err
			}
			written = append(written, q)
			problems = append(problems, CorruptRecord{Key: origin, QuarantineKey: q, Raw: value, Err: cause})
			return nil
		}
		return fmt.Errorf("too many copies of %s", base)
	}

	if listErr != nil {
		if err := setAside("v0", LegacyKey, raw, fmt.Errorf("the old log is not a list: %v", jsonError(listErr))); err != nil {
			return fail(err)
		}
	}
	want := map[string]string{} // key → value written this run
	for _, it := range items {
		name := "v0." + strconv.Itoa(it.index)
		if it.err != nil {
			if err := setAside(name, it.origin, it.raw, it.err); err != nil {
				return fail(err)
			}
			continue
		}
		key, v := EntryKey(it.e.ID), encodeStored(it.e)
		cur, ok, err := s.Get(key)
		if err != nil && !errors.Is(err, ErrCorrupt) {
			return fail(err)
		}
		switch {
		case ok && sameJSON(cur, v):
			continue
		case ok || err != nil:
			cause := fmt.Errorf("%w: %s is saved with other values", ErrConflict, it.e.ID)
			if err := setAside(name, it.origin, it.raw, cause); err != nil {
				return fail(err)
			}
			continue
		}
		if err := s.Set(key, v); err != nil {
			return fail(err)
		}
		written = append(written, key)
		want[key] = v
	}
	for key, v := range want {
		got, ok, err := s.Get(key)
		if err != nil || !ok || !sameJSON(got, v) {
			if err == nil {
				err = fmt.Errorf("%w: %s did not read back as written", ErrStorageUnavailable, key)
			}
			return fail(err)
		}
	}
	if err := setMeta(s); err != nil {
		return fail(err)
	}
	s.Del(LegacyKey) //nolint:errcheck // a leftover is migrated again, idempotently
	// The records set aside are reported by the load, from their keys.
	return entries, rep, nil
}

// setMeta writes MetaKey and reads it back.
func setMeta(s Store) error {
	if err := s.Set(MetaKey, metaValue()); err != nil {
		return err
	}
	if got, ok, err := s.Get(MetaKey); err != nil || !ok || !sameJSON(got, metaValue()) {
		return fmt.Errorf("%w: %s did not read back as written", ErrStorageUnavailable, MetaKey)
	}
	return nil
}
