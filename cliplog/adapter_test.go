package cliplog

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/aivc/aivc/pricing"
)

// goAppLike behaves as the app's adapter over go-app's BrowserStorage does:
// values are stored as raw JSON, re-encoded by json.Marshal (which
// compacts and escapes <, > and &), and a value that is not JSON cannot be
// read (ErrCorrupt).
type goAppLike struct{ m *MemStore }

func (g goAppLike) Get(k string) (string, bool, error) {
	v, ok, err := g.m.Get(k)
	if err != nil || !ok {
		return v, ok, err
	}
	var raw json.RawMessage
	if err := json.Unmarshal([]byte(v), &raw); err != nil {
		return "", false, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return string(raw), true, nil
}

func (g goAppLike) Set(k, v string) error {
	b, err := json.Marshal(json.RawMessage(v))
	if err != nil {
		return err
	}
	return StoreError(g.m.Set(k, string(b)))
}

func (g goAppLike) Del(k string) error      { return g.m.Del(k) }
func (g goAppLike) Keys() ([]string, error) { return g.m.Keys() }

func TestGoAppLikeStore(t *testing.T) {
	m := NewMemStore()
	m.Put(LegacyKey, legacyLog)
	m.Put(EntryKey("broken"), "{not json")
	m.Put(EntryKey("wrong"), `{"d":"2025-02-30","p":"x","m":"y","s":"1","c":"1","cu":"USD","pc":"1","t":"2025-03-01T00:00:00Z"}`)
	s := goAppLike{m}
	l, rep, err := Open(s)
	if err != nil || !rep.Migrated || rep.Entries != 3 || len(rep.Corrupt) != 4 {
		t.Fatalf("%+v, %v", rep, err)
	}
	e := mk("amp", "2025-03-01", "5", "10", "0.01", pricing.USD, true)
	e.Project, e.Note = "R&D <test>", "a \u2028 b"
	if _, err := l.Add(e); err != nil {
		t.Fatal(err)
	}
	del, err := l.Delete("amp")
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Restore(del); err != nil {
		t.Fatal(err)
	}
	if err := l.Restore(del); err != nil {
		t.Errorf("second restore: %v", err)
	}
	l2, rep, err := Open(s)
	if err != nil || rep.Entries != 4 || len(rep.Corrupt) != 4 {
		t.Fatalf("reopen: %+v, %v", rep, err)
	}
	if g, _ := l2.Entry("amp"); !g.Equal(e) {
		t.Errorf("entry: %+v", g)
	}
	if v, _, _ := m.Get(EntryKey("broken")); v != "{not json" {
		t.Error("an unreadable value was not left in place")
	}
}
