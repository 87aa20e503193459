package cliplog

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aivc/aivc/pricing"
)

// customProfile is a person's own profile as /profiles saves it: one plan,
// one model (id model-1) priced per clip.
func customProfile(t testing.TB, id, name, monthly string) pricing.Profile {
	t.Helper()
	p, err := pricing.DecodeProfile([]byte(`{"id":"` + id + `","name":"` + name + `","platform":"` + name + `",
		"kind":"credits","currency":"USD","url":"","custom":true,
		"plans":[{"id":"plan-1","name":"My plan","monthly":"` + monthly + `","credits":"3000","source":{"url":"","read":"","evidence":""}}],
		"models":[{"id":"model-1","name":"My model","tier":"standard","durations":{"list":[5]},
			"rates":[{"res":"720p","per_clip":"50"}],"source":{"url":"","read":"","evidence":""}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	p.Custom = true
	return p
}

// saveProfile stores p where /profiles keeps it.
func saveProfile(t testing.TB, s *MemStore, p pricing.Profile) {
	t.Helper()
	v, err := EncodeProfile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Set(ProfileKey(p.ID), v); err != nil {
		t.Fatal(err)
	}
}

func storedProfiles(t testing.TB, s Store) []pricing.Profile {
	t.Helper()
	ps, bad, err := LoadProfiles(s)
	if err != nil || len(bad) > 0 {
		t.Fatalf("LoadProfiles: %v %v", bad, err)
	}
	return ps
}

// clipOn is a clip priced on the custom profile id.
func clipOn(id, profileID string) Entry {
	e := mk(id, "2025-03-01", "5", "50", "0.01", pricing.USD, true)
	e.ProfileID, e.ProfileName, e.PlanID, e.ModelID, e.ModelName = profileID, "Mine", "plan-1", "model-1", "My model"
	return e.Derive()
}

// A backup carries the person's own profiles, and restoring it into an
// empty store brings them back with the clips priced on them: before, a
// new device got the clips, each naming "a platform this app does not
// know", and no profile.
func TestBackupRestoresProfiles(t *testing.T) {
	l, s := fullLog(t, 6)
	mine, studio := customProfile(t, "my-runway", "My Runway", "28"), customProfile(t, "studio", "Studio rates", "99")
	saveProfile(t, s, studio)
	saveProfile(t, s, mine)
	addAll(t, l, []Entry{clipOn("c1", "my-runway"), clipOn("c2", "studio")})
	first := exportJSON(t, l)
	if !bytes.Contains(first, []byte("\n  \"profiles\": [\n    {\"id\":\"my-runway\",")) {
		t.Fatalf("the backup does not carry the profiles one a line, sorted:\n%s", first)
	}

	s2 := NewMemStore()
	l2 := openLog(t, s2)
	known := func(profileID, modelID string) bool { return profileID != "my-runway" && profileID != "studio" }
	rep, err := l2.ImportJSON(first, ImportOptions{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 8 || rep.ProfilesAdded != 2 || len(rep.ProfilesKept) != 0 || len(rep.Unknown) != 0 {
		t.Errorf("report %+v", rep)
	}
	if got, want := rep.Summary(), "Imported 8 clips; 2 plans added; 2 platform profiles added; the backup's settings restored: totals in EUR; everything in your log is in this backup, of 2025-12-31."; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if got := storedProfiles(t, s2); !reflect.DeepEqual(got, []pricing.Profile{mine, studio}) {
		t.Errorf("restored profiles %+v", got)
	}
	if !reflect.DeepEqual(l2.Entries(), l.Entries()) {
		t.Error("the clips differ")
	}
	if again := exportJSON(t, openLog(t, s2)); !bytes.Equal(first, again) {
		t.Errorf("export → restore → export differs:\n%s\n%s", first, again)
	}
	// Again: nothing more.
	rep, err = l2.ImportJSON(first, ImportOptions{})
	if err != nil || rep.ProfilesAdded != 0 || rep.ProfilesIdentical != 2 {
		t.Errorf("second restore: %+v, %v", rep, err)
	}
}

// TestBackupProfileConflicts: a profile saved here under the backup's id
// with other content and the backup's are both kept: the backup's is
// added beside it, under a free id and a numbered name ("Edited (2)"),
// with the backup's clips and plan on it, and the summary says so (the
// backup's was dropped, its clips left naming the profile here). Restored
// again, nothing more is added. One that breaks the rules is named and
// left out, and the clips are restored all the same.
func TestBackupProfileConflicts(t *testing.T) {
	src, srcStore := fullLog(t, 0)
	same, theirs, fresh := customProfile(t, "same", "Same", "10"), customProfile(t, "edited", "Edited", "20"), customProfile(t, "fresh", "Fresh", "30")
	for _, p := range []pricing.Profile{same, theirs, fresh} {
		saveProfile(t, srcStore, p)
	}
	onEdited := clipOn("c2", "edited")
	onEdited.ProfileName = "Edited"
	addAll(t, src, []Entry{clipOn("c1", "fresh"), onEdited})
	if err := src.SetPlan(MyPlan{ProfileID: "edited", PlanID: "plan-1", Billing: Monthly}); err != nil {
		t.Fatal(err)
	}
	file := string(exportJSON(t, src))
	// A profile of the file that breaks the catalog's rules.
	broken := strings.Replace(`{"id":"broken",`+strings.TrimPrefix(mustEncode(t, customProfile(t, "x", "Broken", "1")), `{"id":"x",`),
		`"monthly":"1"`, `"monthly":"-1"`, 1)
	file = strings.Replace(file, "\n  \"profiles\": [\n", "\n  \"profiles\": [\n    "+broken+",\n", 1)

	l, s := fullLog(t, 0)
	mine := customProfile(t, "edited", "Edited", "25") // its name too
	// A profile of one's own already named as the backup's would be.
	named := customProfile(t, "other", "Edited (2)", "7")
	for _, p := range []pricing.Profile{same, mine, named} {
		saveProfile(t, s, p)
	}
	rep, err := l.ImportJSON([]byte(file), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	beside := []ProfileBeside{{ID: "edited", Name: "Edited", NewID: "edited-custom", NewName: "Edited (3)"}}
	if rep.Added != 2 || rep.ProfilesAdded != 2 || rep.ProfilesIdentical != 1 || len(rep.ProfilesKept) != 0 ||
		!reflect.DeepEqual(rep.ProfilesBeside, beside) || len(rep.ProfilesRefused) != 1 || rep.PlansAdded != 1 {
		t.Errorf("report %+v", rep)
	}
	want := "Imported 2 clips; 1 plan added; 2 platform profiles added; 1 platform profile was already here; " +
		"the backup's platform profile “Edited” differs from yours with its id (edited), so both are kept: " +
		"the backup's is “Edited (3)” (edited-custom) here, with the backup's clips and plan on it; " +
		`1 platform profile in the file could not be read: it was left out (line 16: profile "broken": plans[0].monthly: cannot be negative).`
	if got := rep.Summary(); got != want {
		t.Errorf("summary\n%q, want\n%q", got, want)
	}
	moved := theirs
	// Its platform, which was its name, is the numbered name too: the
	// pages that show the platform showed "Edited" for both.
	moved.ID, moved.Name, moved.Platform = "edited-custom", "Edited (3)", "Edited (3)"
	if got := storedProfiles(t, s); !reflect.DeepEqual(got, []pricing.Profile{mine, moved, fresh, named, same}) {
		t.Errorf("profiles now %+v", got)
	}
	if e, ok := l.Entry("c2"); !ok || e.ProfileID != "edited-custom" || e.ProfileName != "Edited (3)" {
		t.Errorf("the backup's clip on its profile: %+v", e)
	}
	if pls := l.Plans(); len(pls) != 3 || pls[0].ProfileID != "edited-custom" {
		t.Errorf("plans %+v", pls)
	}
	// Again: nothing more (a third copy, "Edited (4)", was added).
	rep, err = l.ImportJSON([]byte(file), ImportOptions{})
	if err != nil || rep.Added != 0 || rep.Identical != 2 || rep.ProfilesAdded != 0 || rep.ProfilesIdentical != 3 ||
		len(rep.Conflicts) != 0 || rep.PlansIdentical != 3 || len(storedProfiles(t, s)) != 5 {
		t.Errorf("second restore: %+v, %v", rep, err)
	}
	// ReadBackup lists the broken profile as a problem of the file.
	var ie *ImportErrors
	if _, err := ReadBackup([]byte(file)); !errors.As(err, &ie) || len(ie.Errs) != 1 || ie.Errs[0].Line != 16 {
		t.Errorf("ReadBackup: %v", err)
	}
}

// TestRename: a copy's platform follows its numbered name where it was
// the name (a blank profile takes both from the name typed), and a
// vendor's stays; SameBut still knows the copy for the profile it is.
func TestRename(t *testing.T) {
	studio := customProfile(t, "studio", "Studio", "45")
	got := Rename(studio, "Studio (2)")
	if got.Name != "Studio (2)" || got.Platform != "Studio (2)" {
		t.Errorf("Rename of a platform named as the profile: name %q, platform %q; want both Studio (2)", got.Name, got.Platform)
	}
	if !SameBut(got, studio) || !SameBut(studio, got) {
		t.Error("SameBut does not know the renamed copy")
	}
	old := studio // restored before the platform followed the name
	old.Name = "Studio (2)"
	if !SameBut(old, studio) {
		t.Error("SameBut does not know a copy whose platform kept the name")
	}
	vendor := studio
	vendor.Name, vendor.Platform = "My Runway", "Runway"
	if got := Rename(vendor, "My Runway (2)"); got.Name != "My Runway (2)" || got.Platform != "Runway" {
		t.Errorf("Rename of a vendor's profile: name %q, platform %q; want My Runway (2), Runway", got.Name, got.Platform)
	}
}

// TestCopyID: the ids a profile is given where its id is taken
// (moveProfile, /profiles' import) are its copies' and no others.
func TestCopyID(t *testing.T) {
	long := strings.Repeat("a", pricing.ProfileMaxID)
	cut := strings.Repeat("a", pricing.ProfileMaxID-4)
	tests := []struct {
		from, id string
		want     bool
	}{
		{"studio", "studio-custom", true},
		{"studio", "studio-custom-2", true},
		{"studio", "studio-custom-12", true},
		{"studio-custom", "studio-custom-2", true}, // a copy's copy
		{"studio-custom", "studio-custom", false},
		{"studio", "studio", false},
		{"studio", "studio-2", false},
		{"studio", "studio-custom-1", false},
		{"studio", "studio-custom-02", false},
		{"studio", "studio-custom-x", false},
		{"studio", "studio-customer", false},
		{"studio", "my-studio-custom", false},
		{"Studio", "studio-custom", false}, // ids are compared as written
		{long, cut, true},
		{long, cut + "-2", true},
	}
	for _, tt := range tests {
		if got := CopyID(tt.from, tt.id); got != tt.want {
			t.Errorf("CopyID(%q, %q) = %v, want %v", tt.from, tt.id, got, tt.want)
		}
	}
}

// TestFreeName: a second copy's name is numbered, the first number free.
func TestFreeName(t *testing.T) {
	taken := map[string]bool{"Mine": true, "Mine (2)": true, "Solo (2)": true}
	named := func(s string) bool { return taken[s] }
	for _, c := range []struct{ in, want string }{
		{"Mine", "Mine (3)"},
		{"Solo", "Solo"},
		{"New", "New"},
		{strings.Repeat("é", pricing.ProfileMaxString), strings.Repeat("é", pricing.ProfileMaxString)},
	} {
		if got := FreeName(c.in, named); got != c.want {
			t.Errorf("FreeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := strings.Repeat("é", pricing.ProfileMaxString)
	if got := FreeName(long, func(s string) bool { return s == long }); len([]rune(got)) > pricing.ProfileMaxString || !strings.HasSuffix(got, " (2)") {
		t.Errorf("FreeName of a name at the limit: %d runes, %q…", len([]rune(got)), got[len(got)-8:])
	}
	for in, want := range map[string]string{"Mine (2)": "Mine", "Mine (1)": "Mine (1)", "Mine (02)": "Mine (02)", "(2)": "(2)", "A (x)": "A (x)"} {
		if got := baseName(in); got != want {
			t.Errorf("baseName(%q) = %q, want %q", in, got, want)
		}
	}
}

func mustEncode(t testing.TB, p pricing.Profile) string {
	t.Helper()
	v, err := EncodeProfile(p)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A version 1 backup, made before backups carried profiles, is read as it
// always was: the same clips, plans and settings, and "profiles" in it is
// an unknown field.
func TestBackupVersion1(t *testing.T) {
	v1, err := os.ReadFile(filepath.Join("testdata", "backup-v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(v1, []byte(`"version": 1,`)) {
		t.Fatal("testdata/backup-v1.json is not a version 1 backup")
	}
	want, _ := fullLog(t, 8)
	l := openLog(t, NewMemStore())
	rep, err := l.ImportJSON(v1, ImportOptions{})
	if err != nil || rep.Added != 8 || rep.PlansAdded != 2 || !rep.SettingsAdded || rep.ProfilesAdded != 0 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	// It was made before clips kept their add-ons.
	noAddons := bytes.ReplaceAll(exportJSON(t, want), []byte(`,"addons":"audio upscale"`), nil)
	if a, b := noAddons, exportJSON(t, l); !bytes.Equal(a, b) {
		t.Errorf("a version 1 backup restores otherwise:\n%s\n%s", a, b)
	}
	withProfiles := bytes.Replace(v1, []byte(`  "settings":`), []byte(`  "profiles": [],`+"\n"+`  "settings":`), 1)
	if _, err := ReadBackup(withProfiles); err == nil || !strings.Contains(err.Error(), `unknown field "profiles"`) {
		t.Errorf("version 1 with profiles: %v", err)
	}
}

// Storage that fills up while a backup is restored leaves nothing of it,
// its profiles included.
func TestBackupProfilesFull(t *testing.T) {
	src, srcStore := fullLog(t, 3)
	saveProfile(t, srcStore, customProfile(t, "mine", "Mine", "28"))
	file := exportJSON(t, src)
	for n := range 7 { // a profile, 3 clips, 2 plans and the settings
		s := NewMemStore()
		l := openLog(t, s)
		before := s.Snapshot()
		s.FailWritesAfter(n)
		if _, err := l.ImportJSON(file, ImportOptions{}); !errors.Is(err, ErrStorageFull) || !sameMaps(before, s.Snapshot()) {
			t.Errorf("full after %d writes: %v, store %v", n, err, s.Snapshot())
		}
		s.FailWritesAfter(-1)
		if rep, err := l.ImportJSON(file, ImportOptions{}); err != nil || rep.ProfilesAdded != 1 || len(storedProfiles(t, s)) != 1 {
			t.Errorf("with room: %+v, %v", rep, err)
		}
	}
}

// TestBackupProfileBundledID: a backup's own profile with the id of a
// bundled profile (made before the catalog had the platform) was stored
// under that id, where every page showed the bundled profile instead: the
// summary said it was added, and its clips named models the bundled
// platform has not, without a word. It is restored as "<id>-custom", with
// its clips and plan; a second restore adds nothing.
func TestBackupProfileBundledID(t *testing.T) {
	src, srcStore := fullLog(t, 0)
	saveProfile(t, srcStore, customProfile(t, "hailuo", "My Hailuo", "28"))
	addAll(t, src, []Entry{clipOn("c1", "hailuo"), clipOn("c2", "hailuo")})
	if err := src.SetPlan(MyPlan{ProfileID: "hailuo", PlanID: "plan-1", Billing: Monthly}); err != nil {
		t.Fatal(err)
	}
	file := exportJSON(t, src)

	l, s := fullLog(t, 0)
	// A profile of one's own already at hailuo-custom: the next id.
	saveProfile(t, s, customProfile(t, "hailuo-custom", "Another", "5"))
	bundled := func(id string) bool { return id == "hailuo" || id == "runway" || id == "kling" }
	known := func(profileID, modelID string) bool { return bundled(profileID) && modelID != "model-1" }
	opts := ImportOptions{Known: known, Bundled: bundled}
	rep, err := l.ImportJSON(file, opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 2 || rep.ProfilesAdded != 1 || !reflect.DeepEqual(rep.ProfilesMoved, [][2]string{{"hailuo", "hailuo-custom-2"}}) || len(rep.Unknown) != 0 {
		t.Errorf("report %+v", rep)
	}
	// Not this device's backup: it lacks hailuo-custom, saved here.
	if got, want := rep.Summary(), "Imported 2 clips; 1 plan added; 1 platform profile added; your platform profile hailuo is hailuo-custom-2 here, "+
		"since a bundled platform has its id; the backup's clips and plan on it name hailuo-custom-2."; got != want {
		t.Errorf("summary\n%q, want\n%q", got, want)
	}
	if _, ok, _ := s.Get(ProfileKey("hailuo")); ok {
		t.Error("the profile was stored under the bundled id")
	}
	want := customProfile(t, "hailuo-custom-2", "My Hailuo", "28")
	if ps := storedProfiles(t, s); len(ps) != 2 || !reflect.DeepEqual(ps[1], want) {
		t.Errorf("profiles %+v", ps)
	}
	for _, e := range l.Entries() {
		if e.ProfileID != "hailuo-custom-2" {
			t.Errorf("clip %s names %s", e.ID, e.ProfileID)
		}
	}
	if pls := l.Plans(); len(pls) != 3 || pls[0].ProfileID != "hailuo-custom-2" || pls[0].PlanID != "plan-1" {
		t.Errorf("plans %+v", pls)
	}
	rep, err = l.ImportJSON(file, opts)
	if err != nil || rep.Added != 0 || rep.Identical != 2 || rep.ProfilesAdded != 0 || rep.ProfilesIdentical != 1 || rep.PlansIdentical != 3 || len(rep.Conflicts) != 0 {
		t.Errorf("second restore: %+v, %v", rep, err)
	}
}
