package cliplog

import (
	"encoding/json"
	"strings"
	"testing"
)

// readCounter is a Store that counts the entries read.
type readCounter struct {
	*MemStore
	entryReads int
}

func (r *readCounter) Get(key string) (string, bool, error) {
	if strings.HasPrefix(key, EntryPrefix) {
		r.entryReads++
	}
	return r.MemStore.Get(key)
}

// measures lists what Source says of each profile and model, and its
// figure: enough to tell two measures apart.
func measures(rs []Retakes) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.ProfileID + "/" + r.ModelID + " " + r.ProfileName + " · " + r.ModelName + ": " + r.PerKept.String() + ", " + r.Source() + "\n")
	}
	return b.String()
}

// TestMeasured: the measured generations per kept clip come from
// MeasuredKey while the log holds the entries they were measured from, without
// reading one entry, and from the log itself after any add, delete or
// import, or when the key holds anything but a measure.
func TestMeasured(t *testing.T) {
	s := &readCounter{MemStore: NewMemStore()}
	if rs := Measured(s); rs != nil || s.Writes() != 0 {
		t.Fatalf("no log: %v, %d writes", rs, s.Writes())
	}
	l := openLog(t, s)
	if err := l.SaveSettings(Settings{Display: "EUR"}); err != nil {
		t.Fatal(err)
	}
	writes := s.Writes()
	if rs := Measured(s); rs != nil || s.Writes() != writes {
		t.Fatalf("settings without clips: %v, %d writes", rs, s.Writes()-writes)
	}
	addAll(t, l, sample(30))

	// want reads the log afresh, as a page did before MeasuredKey.
	want := func() string {
		t.Helper()
		return measures(MeasureRetakes(openLog(t, s.MemStore).Entries()))
	}
	check := func(what string, reads bool) {
		t.Helper()
		s.entryReads = 0
		if got, want := measures(Measured(s)), want(); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", what, got, want)
		}
		if got := s.entryReads > 0; got != reads {
			t.Errorf("%s: %d entries read", what, s.entryReads)
		}
	}
	check("first use", true)
	check("the same log again", false)
	check("and again", false)

	other := openLog(t, s.MemStore) // another tab
	e := mk("zz-new", "2025-06-01", "5", "10", "0.01", "USD", false)
	e.ProfileID, e.ModelID = "kling", "kling21"
	addAll(t, other, []Entry{e})
	check("a clip added by another tab", true)
	check("after it", false)
	del, err := other.Delete(sample(1)[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	check("a clip deleted", true)
	if err := other.Restore(del); err != nil {
		t.Fatal(err)
	}
	check("the clip restored", true)
	check("after it", false)

	// Whatever the key holds that MeasureRetakes could not have given is
	// measured again from the log.
	v, _, _ := s.Get(MeasuredKey)
	var kept measuredValue
	if err := json.Unmarshal([]byte(v), &kept); err != nil || len(kept.Rs) < 2 {
		t.Fatalf("MeasuredKey holds %s (%v)", v, err)
	}
	edit := func(f func(c *measuredValue)) string {
		c := kept
		c.Rs = append([]Retakes(nil), kept.Rs...)
		f(&c)
		b, _ := json.Marshal(c)
		return string(b)
	}
	for what, bad := range map[string]string{
		"not JSON":               v[:len(v)/2],
		"more kept than made":    edit(func(c *measuredValue) { c.Rs[0].Kept = c.Rs[0].Generations + 1 }),
		"no clip made":           edit(func(c *measuredValue) { c.Rs[0].Generations, c.Rs[0].Kept = 0, 0 }),
		"out of order":           edit(func(c *measuredValue) { c.Rs[0], c.Rs[1] = c.Rs[1], c.Rs[0] }),
		"another set of entries": edit(func(c *measuredValue) { c.Sum++ }),
	} {
		s.Put(MeasuredKey, bad)
		check(what, true)
		if got, _, _ := s.Get(MeasuredKey); got != v {
			t.Errorf("%s: MeasuredKey holds %s after, want %s", what, got, v)
		}
	}

	// A figure it holds for these entries is the one given: nothing else
	// is read.
	s.Put(MeasuredKey, edit(func(c *measuredValue) { c.Rs[0].Kept = 1 }))
	s.entryReads = 0
	if r := Measured(s)[0]; r.Kept != 1 || s.entryReads != 0 {
		t.Errorf("kept figures: %+v, %d entries read", r, s.entryReads)
	}
	s.Put(MeasuredKey, v)

	// The schema 0 array is migrated first, whatever the key holds.
	s.Put(LegacyKey, `[]`)
	check("a schema 0 log beside", true)

	// Keeping the same figures writes nothing; an empty log leaves no key.
	writes = s.Writes()
	es := openLog(t, s.MemStore).Entries()
	KeepMeasured(s, es, MeasureRetakes(es))
	if s.Writes() != writes {
		t.Errorf("KeepMeasured wrote %d times to keep what the key holds", s.Writes()-writes)
	}
	KeepMeasured(s, nil, nil)
	if _, ok, _ := s.Get(MeasuredKey); ok {
		t.Error("MeasuredKey stays for an empty log")
	}
}
