package cliplog

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/aivc/aivc/pricing"
)

func TestAddReload(t *testing.T) {
	s := NewMemStore()
	s.Put("other.app.key", "not ours") // other keys of the site are left alone
	l := openLog(t, s)
	es := sample(30)
	addAll(t, l, es)
	l2, rep, err := Open(s)
	if err != nil || rep.Entries != 30 || len(rep.Corrupt) != 0 {
		t.Fatalf("reopen: %+v, %v", rep, err)
	}
	got := l2.Entries()
	if len(got) != 30 {
		t.Fatalf("%d entries after reload", len(got))
	}
	for _, e := range es {
		g, ok := l2.Entry(e.ID)
		if !ok || !g.Equal(e) {
			t.Errorf("entry %s: got %+v, want %+v", e.ID, g, e)
		}
	}
	for i := 1; i < len(got); i++ {
		if got[i-1].Date > got[i].Date || got[i-1].Date == got[i].Date && got[i-1].ID >= got[i].ID {
			t.Fatalf("Entries not sorted by date then ID at %d", i)
		}
	}
	keys, _ := s.Keys()
	if len(keys) != 32 || keys[0] != MetaKey || !strings.HasPrefix(keys[1], EntryPrefix) || keys[31] != "other.app.key" {
		t.Errorf("keys: %v", keys)
	}
	if v, _, _ := s.Get(MetaKey); v != `{"schema":1}` {
		t.Errorf("meta = %s", v)
	}
	if v, _, _ := s.Get("other.app.key"); v != "not ours" {
		t.Error("another app's key was changed")
	}
	if _, err := l.Add(es[0]); !errors.Is(err, ErrDuplicate) {
		t.Errorf("adding an ID twice: %v", err)
	}
}

func TestStoredRecord(t *testing.T) {
	e := mk("m7q16ps0-9f3a21bc04de", "2025-03-01", "10", "50", "0.012", pricing.USD, true)
	e.Project, e.Client, e.Note = "Acme launch", "Acme", "take 3"
	const want = `{"d":"2025-03-01","p":"runway","pn":"Runway (app)","pl":"standard","m":"gen4_turbo",` +
		`"mn":"Gen-4 Turbo","r":"720p","s":"10","c":"50","cu":"USD","pc":"0.012","k":true,` +
		`"pj":"Acme launch","cl":"Acme","n":"take 3","t":"2025-03-01T10:00:00Z"}`
	if got := encodeStored(e); got != want {
		t.Errorf("stored record:\n got %s\nwant %s", got, want)
	}
	back, err := decodeStored(e.ID, want)
	if err != nil || !back.Equal(e) {
		t.Errorf("decode: %+v, %v", back, err)
	}
	t.Logf("a typical record is %d bytes, its key %d", len(want), len(EntryKey(e.ID)))
}

func TestUpdateDeleteRestore(t *testing.T) {
	s := NewMemStore()
	l := openLog(t, s)
	addAll(t, l, sample(5))
	e, _ := l.Entry("id000002")
	e.Kept, e.Note, e.Updated = true, "kept after all", "2025-04-01T00:00:00Z"
	if _, err := l.Update(e); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(mk("nope", "2025-03-01", "1", "1", "1", pricing.USD, true)); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of a missing entry: %v", err)
	}
	before := s.Snapshot()
	del, err := l.Delete("id000002")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Entry("id000002"); ok || openLog(t, s).Len() != 4 {
		t.Fatal("deleted entry still there")
	}
	if err := l.Restore(del); err != nil {
		t.Fatal(err)
	}
	if !sameMaps(before, s.Snapshot()) {
		t.Error("restore did not give back the same storage")
	}
	if g, ok := openLog(t, s).Entry("id000002"); !ok || g.Note != "kept after all" {
		t.Errorf("restored entry: %+v", g)
	}
	if err := l.Restore(del); err != nil {
		t.Errorf("restoring twice: %v", err)
	}
	if _, err := l.Delete("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete of a missing entry: %v", err)
	}
}

func TestStorageUnavailable(t *testing.T) {
	s := NewMemStore()
	s.SetUnavailable(true)
	l, _, err := Open(s)
	if !errors.Is(err, ErrStorageUnavailable) || l == nil || l.ReadOnly() == nil {
		t.Fatalf("Open on unavailable storage: %v", err)
	}
	if !strings.HasPrefix(err.Error(), "Your browser is not letting this app save data") {
		t.Errorf("message: %q", err)
	}
	if _, err := l.Add(sample(1)[0]); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Add on a read-only log: %v", err)
	}

	// Available at start, gone later (a private window locking down).
	s = NewMemStore()
	l = openLog(t, s)
	addAll(t, l, sample(2))
	s.SetUnavailable(true)
	e := mk("late", "2025-03-01", "5", "10", "0.01", pricing.USD, true)
	_, err = l.Add(e)
	var se *StorageError
	if !errors.As(err, &se) || !errors.Is(err, ErrStorageUnavailable) || se.Op != "add" {
		t.Fatalf("Add: %v", err)
	}
	if want := "Your browser is not letting this app save data (private browsing, or site data blocked): this clip was not saved. Keep this page open and export your log before you leave."; err.Error() != want {
		t.Errorf("message:\n got %q\nwant %q", err, want)
	}
	if _, ok := l.Entry("late"); ok || l.Len() != 2 {
		t.Error("a clip that was not saved is in the log")
	}
	if _, err := l.Delete("id000000"); !errors.Is(err, ErrStorageUnavailable) || l.Len() != 2 {
		t.Errorf("Delete: %v", err)
	}
	if _, err := l.Reload(); !errors.Is(err, ErrStorageUnavailable) || l.Len() != 2 {
		t.Errorf("Reload keeps what it had: %v, %d", err, l.Len())
	}
	s.SetUnavailable(false)
	if _, err := l.Reload(); err != nil || l.ReadOnly() != nil || l.Len() != 2 {
		t.Errorf("Reload once storage is back: %v", err)
	}
	if _, err := l.Add(e); err != nil {
		t.Errorf("Add once storage is back: %v", err)
	}
}

func TestStorageFull(t *testing.T) {
	s := NewMemStore()
	l := openLog(t, s)
	addAll(t, l, sample(3))
	s.SetQuota(s.Size() + 100)
	before := s.Snapshot()
	e := mk("big", "2025-03-01", "5", "10", "0.01", pricing.USD, true)
	e.Note = strings.Repeat("n", 200)
	_, err := l.Add(e)
	if !errors.Is(err, ErrStorageFull) {
		t.Fatalf("Add past the quota: %v", err)
	}
	if want := "Your browser's storage is full: this clip was not saved. Export your log, then delete old entries."; err.Error() != want {
		t.Errorf("message:\n got %q\nwant %q", err, want)
	}
	if !sameMaps(before, s.Snapshot()) || l.Len() != 3 {
		t.Error("a failed Add changed the log")
	}
	// A person can still delete to make room, then save.
	for _, id := range []string{"id000000", "id000001"} {
		if _, err := l.Delete(id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.Add(e); err != nil {
		t.Errorf("Add after making room: %v", err)
	}
	// Classifying a browser's own errors.
	for msg, want := range map[string]error{
		"Failed to execute 'setItem' on 'Storage': Setting the value of 'x' exceeded the quota.": ErrStorageFull,
		"QuotaExceededError: The quota has been exceeded.":                                       ErrStorageFull,
		"NS_ERROR_DOM_QUOTA_REACHED":                                                             ErrStorageFull,
		"SecurityError: The operation is insecure.":                                              ErrStorageUnavailable,
	} {
		if got := StoreError(errors.New(msg)); !errors.Is(got, want) {
			t.Errorf("StoreError(%q) = %v, want %v", msg, got, want)
		}
	}
	if StoreError(nil) != nil {
		t.Error("StoreError(nil) != nil")
	}
}

func TestCorruptRecordAmongGood(t *testing.T) {
	s := NewMemStore()
	addAll(t, openLog(t, s), sample(10))
	bad := map[string]string{
		EntryKey("badjson"):   `{"d":"2025-03-01",`,
		EntryKey("unknown"):   `{"d":"2025-03-01","p":"x","m":"y","s":"1","c":"1","cu":"USD","pc":"1","t":"2025-03-01T00:00:00Z","zz":1}`,
		EntryKey("exponent"):  `{"d":"2025-03-01","p":"x","m":"y","s":"1e3","c":"1","cu":"USD","pc":"1","t":"2025-03-01T00:00:00Z"}`,
		EntryKey("baddate"):   `{"d":"2025-02-30","p":"x","m":"y","s":"1","c":"1","cu":"USD","pc":"1","t":"2025-03-01T00:00:00Z"}`,
		EntryKey("bad id!"):   `{"d":"2025-03-01","p":"x","m":"y","s":"1","c":"1","cu":"USD","pc":"1","t":"2025-03-01T00:00:00Z"}`,
		PlanPrefix + "runway": `{"profile_id":"kling","plan_id":"x"}`,
		SettingsKey:           `[]`,
	}
	for k, v := range bad {
		s.Put(k, v)
	}
	s.Break(EntryKey("unreadable"), nil)
	l, rep, err := Open(s)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Entries != 10 || l.Len() != 10 {
		t.Errorf("%d good entries loaded, want 10", rep.Entries)
	}
	if len(rep.Corrupt) != len(bad)+1 {
		t.Fatalf("%d corrupt reported, want %d: %+v", len(rep.Corrupt), len(bad)+1, rep.Corrupt)
	}
	snap := s.Snapshot()
	for _, c := range rep.Corrupt {
		if !errors.Is(c, ErrCorrupt) || !strings.Contains(c.Error(), "could not be read") {
			t.Errorf("report %v", c)
		}
		if c.Key == EntryKey("unreadable") {
			if c.QuarantineKey != "" {
				t.Errorf("an unreadable value cannot be moved: %+v", c)
			}
			continue
		}
		if c.Raw != bad[c.Key] || !strings.HasPrefix(c.QuarantineKey, CorruptPrefix) {
			t.Errorf("report %+v", c)
		}
		if _, ok := snap[c.Key]; ok {
			t.Errorf("%s still in place after quarantine", c.Key)
		}
		if !strings.Contains(snap[c.QuarantineKey], `"raw"`) {
			t.Errorf("quarantine value: %s", snap[c.QuarantineKey])
		}
	}
	// A second load reports the same records (from quarantine), once each.
	_, rep2, err := Open(s)
	if err != nil || len(rep2.Corrupt) != len(rep.Corrupt) {
		t.Fatalf("second load: %d corrupt, %v", len(rep2.Corrupt), err)
	}
	for i := range rep.Corrupt {
		if rep2.Corrupt[i].Key != rep.Corrupt[i].Key || rep2.Corrupt[i].Raw != rep.Corrupt[i].Raw {
			t.Errorf("second load: %+v, first %+v", rep2.Corrupt[i], rep.Corrupt[i])
		}
	}
	q := rep.Corrupt[0].QuarantineKey
	if err := l.DiscardCorrupt(q); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Get(q); ok || len(l.Corrupt()) != len(rep.Corrupt)-1 {
		t.Error("DiscardCorrupt left the record")
	}
}

func TestCorruptWhenFull(t *testing.T) {
	s := NewMemStore()
	addAll(t, openLog(t, s), sample(3))
	s.Put(EntryKey("bad"), "{")
	s.FailWritesAfter(0)
	_, rep, err := Open(s)
	if err != nil || rep.Entries != 3 || len(rep.Corrupt) != 1 || rep.Corrupt[0].QuarantineKey != "" {
		t.Fatalf("%+v, %v", rep, err)
	}
	if v, _, _ := s.Get(EntryKey("bad")); v != "{" {
		t.Error("a record that could not be moved was not left in place")
	}
}

func TestNewerSchema(t *testing.T) {
	s := NewMemStore()
	s.Put(MetaKey, `{"schema":2}`)
	s.Put("aivc.log.v2.e.x", `{}`)
	before := s.Snapshot()
	l, _, err := Open(s)
	if !errors.Is(err, ErrNewerSchema) || l.ReadOnly() == nil {
		t.Fatalf("Open: %v", err)
	}
	if !strings.Contains(err.Error(), "newer version") || !sameMaps(before, s.Snapshot()) {
		t.Errorf("%q; storage changed: %v", err, !sameMaps(before, s.Snapshot()))
	}
}

func TestCorruptMeta(t *testing.T) {
	s := NewMemStore()
	addAll(t, openLog(t, s), sample(2))
	s.Put(MetaKey, "garbage")
	_, rep, err := Open(s)
	if err != nil || rep.Entries != 2 || len(rep.Corrupt) != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if v, _, _ := s.Get(MetaKey); v != `{"schema":1}` {
		t.Errorf("meta not rewritten: %s", v)
	}
}

// Two tabs: two Logs over one Store, adding at the same time. Neither
// overwrites the other's entries; after a reload both see all of them.
// TestUpdateTwoTabs: an update in one tab never writes over what another
// tab changed or deleted since the first read the log (its storage event
// comes ~150 ms later, if at all): it says so, and the log then holds the
// stored version, which the next update may save over.
func TestUpdateTwoTabs(t *testing.T) {
	s := NewMemStore()
	a, b := openLog(t, s), openLog(t, s)
	addAll(t, a, sample(2))
	if _, err := b.Reload(); err != nil {
		t.Fatal(err)
	}
	theirs, _ := b.Entry("id000000")
	theirs.Client = "Theirs"
	if _, err := b.Update(theirs); err != nil {
		t.Fatal(err)
	}
	mine, _ := a.Entry("id000000")
	mine.Note = "mine"
	before := s.Snapshot()
	if _, err := a.Update(mine); !errors.Is(err, ErrConflict) {
		t.Fatalf("update over another tab's change: %v, want ErrConflict", err)
	}
	if !sameMaps(before, s.Snapshot()) {
		t.Error("a refused update changed the storage")
	}
	if now, _ := a.Entry("id000000"); now.Client != "Theirs" {
		t.Errorf("after the conflict the log holds %+v, want the stored version", now)
	}
	mine.Client = "Theirs"
	if _, err := a.Update(mine); err != nil {
		t.Fatalf("update over the version now held: %v", err)
	}
	if got, _ := openLog(t, s).Entry("id000000"); got.Note != "mine" || got.Client != "Theirs" {
		t.Errorf("saved %+v", got)
	}

	if _, err := b.Delete("id000001"); err != nil {
		t.Fatal(err)
	}
	gone, _ := a.Entry("id000001")
	gone.Note = "too late"
	if _, err := a.Update(gone); !errors.Is(err, ErrNotFound) {
		t.Fatalf("update of a clip deleted in another tab: %v, want ErrNotFound", err)
	}
	if _, ok := a.Entry("id000001"); ok || openLog(t, s).Len() != 1 {
		t.Error("an update brought back a clip deleted in another tab")
	}
}

func TestTwoTabs(t *testing.T) {
	s := NewMemStore()
	a, b := openLog(t, s), openLog(t, s)
	var wg sync.WaitGroup
	for tab, l := range []*Log{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				e := mk(fmt.Sprintf("tab%d-%03d", tab, i), "2025-03-01", "5", "10", "0.01", pricing.USD, i%2 == 0)
				if _, err := l.Add(e); err != nil {
					t.Error(err)
					return
				}
				if i%50 == 0 {
					if _, err := l.Reload(); err != nil {
						t.Error(err)
					}
				}
			}
		}()
	}
	wg.Wait()
	for i, l := range []*Log{a, b} {
		if _, err := l.Reload(); err != nil || l.Len() != 600 {
			t.Errorf("tab %d sees %d entries, %v", i, l.Len(), err)
		}
	}
	// A plan saved in one tab and settings in the other both survive.
	if err := a.SetPlan(MyPlan{ProfileID: "runway", PlanID: "standard"}); err != nil {
		t.Fatal(err)
	}
	if err := b.SetPlan(MyPlan{ProfileID: "kling", Price: money("10", pricing.USD), Credits: d("660")}); err != nil {
		t.Fatal(err)
	}
	if err := b.SaveSettings(Settings{Display: pricing.EUR}); err != nil {
		t.Fatal(err)
	}
	c := openLog(t, s)
	if len(c.Plans()) != 2 || c.Settings().Display != pricing.EUR {
		t.Errorf("plans %+v, settings %+v", c.Plans(), c.Settings())
	}
}

func TestPlansAndSettings(t *testing.T) {
	s := NewMemStore()
	l := openLog(t, s)
	if err := l.SetPlan(MyPlan{ProfileID: "runway"}); !errors.Is(err, pricing.ErrEmpty) {
		t.Errorf("invalid plan: %v", err)
	}
	p := MyPlan{ProfileID: "runway", PlanID: "pro", Billing: Yearly}
	if err := l.SetPlan(p); err != nil {
		t.Fatal(err)
	}
	if err := l.MarkExported("2025-03-01T10:00:00Z"); err != nil {
		t.Fatal(err)
	}
	l2 := openLog(t, s)
	if got, ok := l2.Plan("runway"); !ok || got.ProfileID != p.ProfileID || got.PlanID != p.PlanID || got.Billing != p.Billing ||
		!got.Price.Amount.IsZero() || !got.Credits.IsZero() {
		t.Errorf("plan after reload: %+v", got)
	}
	if l2.Settings().LastExport != "2025-03-01T10:00:00Z" {
		t.Errorf("settings: %+v", l2.Settings())
	}
	if err := l2.DeletePlan("runway"); err != nil || len(openLog(t, s).Plans()) != 0 {
		t.Errorf("DeletePlan: %v", err)
	}
	s.SetQuota(s.Size())
	if err := l2.SaveSettings(Settings{Display: "GBP", LastExport: "2025-03-02T10:00:00Z"}); !errors.Is(err, ErrStorageFull) ||
		!strings.Contains(err.Error(), "these settings were not saved") {
		t.Errorf("settings when full: %v", err)
	}
}

// MovePlan renames a profile's plan, deletes it, gives back what it removed,
// and leaves a record it cannot read where it is.
func TestMovePlan(t *testing.T) {
	s := NewMemStore()
	l := openLog(t, s)
	if err := l.SetPlan(MyPlan{ProfileID: "mine", PlanID: "pro", Billing: Yearly}); err != nil {
		t.Fatal(err)
	}
	if was, err := MovePlan(s, "mine", "ours"); err != nil || !strings.Contains(was, `"profile_id":"mine"`) {
		t.Fatalf("MovePlan = %q, %v", was, err)
	}
	if p, ok := openLog(t, s).Plan("ours"); !ok || p.PlanID != "pro" || p.Billing != Yearly || len(openLog(t, s).Plans()) != 1 {
		t.Errorf("after the move: %+v", openLog(t, s).Plans())
	}
	was, err := MovePlan(s, "ours", "")
	if err != nil || len(openLog(t, s).Plans()) != 0 {
		t.Fatalf("deleting: %v, plans %+v", err, openLog(t, s).Plans())
	}
	if err := s.Set(PlanKey("ours"), was); err != nil || len(openLog(t, s).Plans()) != 1 {
		t.Errorf("putting back what MovePlan gave: %v", err)
	}
	if was, err := MovePlan(s, "none", ""); was != "" || err != nil {
		t.Errorf("no plan: %q, %v", was, err)
	}
	s.Put(PlanKey("bad"), "garbage")
	if was, err := MovePlan(s, "bad", ""); was != "" || err != nil {
		t.Errorf("a record that cannot be read: %q, %v", was, err)
	}
	if v, ok, _ := s.Get(PlanKey("bad")); !ok || v != "garbage" {
		t.Errorf("a record that cannot be read was not left as it was: %q %v", v, ok)
	}
}

// Another tab left garbage under a key this tab still shows: deleting the
// entry sets the garbage aside instead of dropping it.
func TestDeleteOverCorrupt(t *testing.T) {
	s := NewMemStore()
	l := openLog(t, s)
	addAll(t, l, sample(2))
	s.Put(EntryKey("id000001"), "garbage")
	del, err := l.Delete("id000001")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Corrupt()) != 1 || l.Corrupt()[0].Raw != "garbage" {
		t.Errorf("corrupt: %+v", l.Corrupt())
	}
	if err := l.Restore(del); err != nil {
		t.Fatal(err)
	}
	if _, rep, _ := Open(s); rep.Entries != 2 || len(rep.Corrupt) != 1 {
		t.Errorf("reopen: %+v", rep)
	}
}
