package cliplog

import (
	"errors"
	"strings"
	"testing"

	"github.com/aivc/aivc/pricing"
)

// legacyLog is a schema-0 log as the first version of the page wrote it:
// one array under "aivc.log", amounts as JSON numbers.
const legacyLog = `[
 {"id":1733140000000,"date":"2024-12-02","platform":"runway","model":"gen3a_turbo","res":"720P","seconds":10,"credits":50,"price":"0.01","currency":"usd","kept":true,"project":"Acme","note":"first","created":1733140000000},
 {"id":"abc-1","date":"2024-12-02","platform":"kling","model":"kling16","res":"1080p","seconds":5,"credits":0.1,"price":"0.3","currency":"EUR","kept":false,"project":"","note":""},
 {"id":"bad","date":"2024-12-03","platform":"runway","model":"gen3a_turbo","res":"720p","seconds":"abc","credits":1,"price":"1","currency":"USD","kept":true,"project":"","note":""},
 {"id":"extra","date":"2024-12-03","platform":"runway","model":"gen3a_turbo","res":"720p","seconds":5,"credits":1,"price":"1","currency":"USD","kept":true,"project":"","note":"","colour":"red"},
 {"id":"abc-1","date":"2024-12-02","platform":"kling","model":"kling16","res":"1080p","seconds":5,"credits":0.1,"price":"0.3","currency":"EUR","kept":false,"project":"","note":""},
 {"id":null,"date":"2024-12-04","platform":"veo","model":"veo3","res":"4K","seconds":8,"credits":3.2,"price":"1","currency":"USD","kept":true,"project":"Blog","note":"api"}
]`

func TestMigrateV0(t *testing.T) {
	s := NewMemStore()
	s.Put(LegacyKey, legacyLog)
	l, rep, err := Open(s)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Migrated || rep.Entries != 3 || len(rep.Corrupt) != 2 {
		t.Fatalf("report %+v", rep)
	}
	want := map[string]struct{ date, res, secs, credits, cost, cur, created string }{
		"v0-1733140000000": {"2024-12-02", "720p", "10", "50", "0.5", "USD", "2024-12-02T11:46:40Z"},
		"abc-1":            {"2024-12-02", "1080p", "5", "0.1", "0.03", "EUR", "2024-12-02T00:00:00Z"},
		"v0-i5":            {"2024-12-04", "4k", "8", "3.2", "3.2", "USD", "2024-12-04T00:00:00Z"},
	}
	for id, w := range want {
		e, ok := l.Entry(id)
		if !ok {
			t.Errorf("entry %s missing", id)
			continue
		}
		if e.Date != w.date || string(e.Res) != w.res || pricing.Exact(e.Seconds) != w.secs ||
			pricing.Exact(e.Credits) != w.credits || pricing.Exact(e.Cost.Amount) != w.cost ||
			string(e.Cost.Currency) != w.cur || e.Created != w.created || e.Updated != w.created {
			t.Errorf("entry %s = %+v", id, e)
		}
	}
	snap := s.Snapshot()
	if _, ok := snap[LegacyKey]; ok {
		t.Error("legacy key kept after a successful migration")
	}
	if snap[MetaKey] != `{"schema":1}` {
		t.Errorf("meta %q", snap[MetaKey])
	}
	for _, c := range rep.Corrupt {
		if !strings.HasPrefix(c.Key, LegacyKey+"[") || !strings.HasPrefix(c.QuarantineKey, CorruptPrefix+"v0.") || snap[c.QuarantineKey] == "" {
			t.Errorf("set aside: %+v", c)
		}
	}
	if rep.Corrupt[0].Key != "aivc.log[2]" || !strings.Contains(rep.Corrupt[0].Err.Error(), "Seconds must be a number") ||
		rep.Corrupt[1].Key != "aivc.log[3]" || !strings.Contains(rep.Corrupt[1].Err.Error(), `unknown field "colour"`) {
		t.Errorf("reasons: %v / %v", rep.Corrupt[0].Err, rep.Corrupt[1].Err)
	}
	// Reopening finds schema 1 and does nothing more.
	_, rep2, err := Open(s)
	if err != nil || rep2.Migrated || rep2.Entries != 3 || len(rep2.Corrupt) != 2 || !sameMaps(snap, s.Snapshot()) {
		t.Errorf("reopen: %+v, %v", rep2, err)
	}
}

// A crash after the new keys and meta were written but before the old key
// was deleted: the next start migrates again, and that changes nothing but
// deleting the old key.
func TestMigrateIdempotent(t *testing.T) {
	s := NewMemStore()
	s.Put(LegacyKey, legacyLog)
	openLog(t, s)
	once := s.Snapshot()
	s.Put(LegacyKey, legacyLog)
	w0 := s.Writes()
	_, rep, err := Open(s)
	if err != nil || !rep.Migrated || rep.Entries != 3 || len(rep.Corrupt) != 2 {
		t.Fatalf("second migration: %+v, %v", rep, err)
	}
	if !sameMaps(once, s.Snapshot()) {
		t.Errorf("second migration changed storage:\n%v\n%v", once, s.Snapshot())
	}
	if got := s.Writes() - w0; got != 1 {
		t.Errorf("second migration wrote %d keys, want 1 (meta)", got)
	}
}

// Storage fills up part way: what the migration wrote is deleted again, the
// old key stays, and the log opens read-only with the old entries.
func TestMigrateFull(t *testing.T) {
	s := NewMemStore()
	s.Put(LegacyKey, legacyLog)
	before := s.Snapshot()
	s.FailWritesAfter(3)
	l, rep, err := Open(s)
	if !errors.Is(err, ErrStorageFull) || rep.Migrated {
		t.Fatalf("Open: %+v, %v", rep, err)
	}
	if want := "Your browser's storage is full: your log could not be upgraded to this version; it is shown read-only and nothing was lost. Export your log, then delete old entries."; err.Error() != want {
		t.Errorf("message:\n got %q\nwant %q", err, want)
	}
	if !sameMaps(before, s.Snapshot()) {
		t.Errorf("storage changed:\n%v", s.Snapshot())
	}
	if l.Len() != 3 || l.ReadOnly() == nil {
		t.Errorf("read-only view: %d entries, read-only %v", l.Len(), l.ReadOnly())
	}
	if _, err := l.Add(mk("x", "2025-01-01", "1", "1", "1", pricing.USD, true)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Add during a failed migration: %v", err)
	}
	s.FailWritesAfter(-1)
	if _, rep, err := Open(s); err != nil || !rep.Migrated || rep.Entries != 3 {
		t.Errorf("retry: %+v, %v", rep, err)
	}
}

func TestMigrateNotAList(t *testing.T) {
	s := NewMemStore()
	s.Put(LegacyKey, `{"entries": "??"`)
	_, rep, err := Open(s)
	if err != nil || len(rep.Corrupt) != 1 || rep.Corrupt[0].Raw != `{"entries": "??"` {
		t.Fatalf("%+v %v", rep, err)
	}
	if _, ok, _ := s.Get(LegacyKey); ok {
		t.Error("legacy key kept although its copy is set aside")
	}
	if v, ok, _ := s.Get(CorruptPrefix + "v0"); !ok || !strings.Contains(v, `\"entries\"`) {
		t.Errorf("copy: %s", v)
	}
}

// An entry saved under schema 1 with the same ID but other values is kept;
// the old element is set aside, not lost.
func TestMigrateConflict(t *testing.T) {
	s := NewMemStore()
	l := openLog(t, s)
	e := mk("abc-1", "2025-01-01", "5", "1", "1", pricing.USD, true)
	addAll(t, l, []Entry{e})
	s.Put(LegacyKey, legacyLog)
	l, rep, err := Open(s)
	if err != nil || rep.Entries != 3 || len(rep.Corrupt) != 3 {
		t.Fatalf("%+v %v", rep, err)
	}
	if got, _ := l.Entry("abc-1"); !got.Equal(e) {
		t.Errorf("saved entry replaced: %+v", got)
	}
	found := false
	for _, c := range rep.Corrupt {
		if strings.Contains(c.Err.Error(), "saved with other values") && c.Key == "aivc.log[1]" {
			found = true
		}
	}
	if !found {
		t.Errorf("conflict not reported: %+v", rep.Corrupt)
	}
}
