package app

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/shopspring/decimal"
)

// useStore makes deviceStore return s for the test.
func useStore(t *testing.T, s cliplog.Store) {
	t.Helper()
	old := deviceStore
	deviceStore = func() cliplog.Store { return s }
	t.Cleanup(func() { deviceStore = old })
}

// catalogProfile returns a bundled profile.
func catalogProfile(t *testing.T, id string) pricing.Profile {
	t.Helper()
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	p, ok := pricing.FindProfile(ps, id)
	if !ok {
		t.Fatalf("no %s in the catalog", id)
	}
	return p
}

func never(string) bool { return false }

func TestSaveLoadCustom(t *testing.T) {
	s := cliplog.NewMemStore()
	p := cloneProfile(catalogProfile(t, "runway"), never)
	if p.ID != "runway-custom" || !p.Custom {
		t.Fatalf("clone: id %q custom %v", p.ID, p.Custom)
	}
	p.Plans[0].Monthly = decimal.NewNullDecimal(decimal.RequireFromString("30"))
	if err := saveCustom(s, p, ""); err != nil {
		t.Fatal(err)
	}
	if got := catalogProfile(t, "runway").Plans[0].Monthly.Decimal.String(); got != "15" {
		t.Errorf("editing the clone changed the catalog: %s", got)
	}
	ps, bad, err := loadCustom(s)
	if err != nil || len(bad) != 0 || len(ps) != 1 {
		t.Fatalf("loadCustom = %d profiles, %v bad, %v", len(ps), bad, err)
	}
	if got := ps[0].Plans[0].Monthly.Decimal.String(); got != "30" || !ps[0].Custom {
		t.Errorf("loaded monthly %s, custom %v", got, ps[0].Custom)
	}
	if _, ok, _ := s.Get("aivc.profiles.v1.runway-custom"); !ok {
		t.Error("not stored under its versioned key")
	}

	// A rename writes the new key, then drops the old one; the plan the
	// clip log keeps for the profile goes with it.
	l, _, err := cliplog.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.SetPlan(cliplog.MyPlan{ProfileID: p.ID, PlanID: "standard", Billing: cliplog.Yearly}); err != nil {
		t.Fatal(err)
	}
	p.ID = "my-runway"
	if err := saveCustom(s, p, "runway-custom"); err != nil {
		t.Fatal(err)
	}
	keys, _ := s.Keys()
	if got := strings.Join(keys, " "); got != "aivc.log.meta aivc.log.v1.p.my-runway aivc.profiles.v1.my-runway" {
		t.Errorf("keys after a rename: %v", got)
	}
	if l, _, _ = cliplog.Open(s); l.Plans()[0].ProfileID != "my-runway" || l.Plans()[0].Billing != cliplog.Yearly {
		t.Errorf("plan after a rename: %+v", l.Plans())
	}

	// Delete takes the plan too, so that a profile given the id later does
	// not inherit it, and returns it for undo.
	plan, err := deleteCustom(s, "my-runway")
	if err != nil {
		t.Fatal(err)
	}
	if keys, _ := s.Keys(); len(keys) != 1 {
		t.Errorf("keys after delete: %v", keys)
	}
	if !strings.Contains(plan, `"profile_id":"my-runway"`) {
		t.Errorf("delete returned the plan %q", plan)
	}
}

func TestSaveCustomRefused(t *testing.T) {
	p := blankProfile(never)
	p.Plans[0].Credits = decimal.Zero
	s := cliplog.NewMemStore()
	err := saveCustom(s, p, "")
	var pe *pricing.ProfileError
	if !errors.As(err, &pe) || pe.Path != "plans[0].credits" {
		t.Fatalf("saveCustom = %v, want a ProfileError at plans[0].credits", err)
	}
	if msg := profileMessage(err); msg != "Plan 1, credits must be more than 0. (plans[0].credits)" {
		t.Errorf("message %q", msg)
	}
	if s.Writes() != 0 {
		t.Error("an invalid profile was written")
	}

	full := cliplog.NewMemStore()
	full.SetQuota(100)
	err = saveCustom(full, blankProfile(never), "")
	if !errors.Is(err, cliplog.ErrStorageFull) || !strings.Contains(profileMessage(err), "storage is full") {
		t.Errorf("a full storage: %v (%q)", err, profileMessage(err))
	}
	off := cliplog.NewMemStore()
	off.SetUnavailable(true)
	if err := saveCustom(off, blankProfile(never), ""); !errors.Is(err, cliplog.ErrStorageUnavailable) {
		t.Errorf("unavailable storage: %v", err)
	}
	if err := saveCustom(nil, blankProfile(never), ""); !errors.Is(err, cliplog.ErrStorageUnavailable) {
		t.Errorf("no storage: %v", err)
	}
}

func TestLoadCustomKeepsBadRecords(t *testing.T) {
	s := cliplog.NewMemStore()
	if err := saveCustom(s, blankProfile(never), ""); err != nil {
		t.Fatal(err)
	}
	s.Put("aivc.profiles.v1.broken", `{"id":"broken"`)
	s.Put("aivc.profiles.v1.other", strings.Replace(exportProfile(blankProfile(never)), `"my-platform"`, `"elsewhere"`, 1))
	s.Put("aivc.log.meta", `{"schema":1}`)
	ps, bad, err := loadCustom(s)
	if err != nil || len(ps) != 1 || ps[0].ID != "my-platform" {
		t.Fatalf("loadCustom = %v, %v", ps, err)
	}
	if len(bad) != 2 || bad[0].Key != "aivc.profiles.v1.broken" || bad[0].Raw != `{"id":"broken"` ||
		!strings.Contains(bad[1].Err.Error(), `its id is "elsewhere"`) {
		t.Errorf("bad records %+v", bad)
	}
	if _, ok, _ := s.Get("aivc.profiles.v1.broken"); !ok {
		t.Error("a record that cannot be read was deleted")
	}
}

func TestImportProfile(t *testing.T) {
	big := make([]byte, pricing.ProfileMaxBytes+1)
	if _, err := importProfile(big); !errors.Is(err, errTooBig) {
		t.Errorf("a big import: %v", err)
	}
	_, err := importProfile([]byte(`{"id":"x","name":"X","platform":"X","kind":"credits","currency":"USD","url":"",
		"custom":true,"models":[{"id":"m","name":"M","tier":"ultra","durations":{},"rates":[],"source":{}}]}`))
	if msg := profileMessage(err); !strings.Contains(msg, "(models[0].tier)") || !strings.HasPrefix(msg, "Model 1, tier: ") {
		t.Errorf("message %q", msg)
	}
	p, err := importProfile([]byte(exportProfile(catalogProfile(t, "kling"))))
	if err != nil || !p.Custom || p.ID != "kling" {
		t.Errorf("importing an export: %v, %+v", err, p.ID)
	}
}

// TestImportProfileByContent: a profile is read by what the file holds,
// after a byte order mark; a file that is no profile says what it is and
// where it goes. A clip log backup was refused with "App: unknown field
// "app". (app)", a CSV with "The profile is not valid JSON: invalid
// character 'i' looking for beginning of value.", and a profile saved by
// Notepad (with a byte order mark) as not valid JSON.
func TestImportProfileByContent(t *testing.T) {
	kling := exportProfile(catalogProfile(t, "kling"))
	for _, c := range []struct{ name, data, want string }{
		{"a profile", kling, ""},
		{"a profile saved by Notepad", "\ufeff" + kling, ""},
		{"a profile after blank lines", "\r\n\n  " + kling, ""},
		{"a clip log backup", `{"app": "aivc", "kind": "backup", "version": 2, "exported": "2025-03-01T10:00:00Z", "entries": []}`,
			"This is not a platform profile: it is a clip log backup. Restore it on the Clip log page (/log): it brings back the profiles it holds too."},
		{"catalog.json", `{"profiles": [` + kling + `]}`,
			"This is not a platform profile: it is a list of profiles (as catalog.json is). Import one profile: the text from its “{” to its “}”."},
		{"the clip log's CSV", "\ufeffid,date,profile_id,profile\r\nx,2025-03-01,runway,Runway\r\n",
			"This is not a platform profile: it is a clip log CSV. Import it on the Clip log page (/log)."},
		{"other text", "Hello,\nhere is the profile you asked for.",
			"This is not a platform profile: a profile is JSON, starting with “{”, as /profiles exports it; this starts with “Hello,”."},
		{"long text", strings.Repeat("word ", 20),
			"This is not a platform profile: a profile is JSON, starting with “{”, as /profiles exports it; this starts with “word word word word word word…”."},
		{"a picture", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			"This is not a platform profile: it is not text. A profile is JSON, as /profiles exports it."},
		{"Windows-1252 text", "Caf\xe9", "This is not a platform profile: it is not text. A profile is JSON, as /profiles exports it."},
		// Nothing: still "empty", as pasting nothing said.
		{"nothing", " \r\n", "The profile is empty (want a JSON object)."},
		// A profile with a mistake is still told by its field.
		{"a profile with a mistake", strings.Replace(kling, `"kind": "credits"`, `"kind": "coins"`, 1), "(kind)"},
	} {
		p, err := importProfile([]byte(c.data))
		msg := profileMessage(err)
		switch {
		case c.want == "" && (err != nil || p.ID != "kling"):
			t.Errorf("%s: %s", c.name, msg)
		case c.want != "" && c.want[0] == '(' && !strings.Contains(msg, c.want):
			t.Errorf("%s: %q, want the field %s", c.name, msg, c.want)
		case c.want != "" && c.want[0] != '(' && msg != c.want:
			t.Errorf("%s:\n%q, want\n%q", c.name, msg, c.want)
		}
	}
}

func TestAllProfiles(t *testing.T) {
	ps, _ := pricing.Catalog()
	s := cliplog.NewMemStore()
	useStore(t, s)
	mine := blankProfile(never)
	if err := saveCustom(s, mine, ""); err != nil {
		t.Fatal(err)
	}
	clash := cloneProfile(catalogProfile(t, "runway"), never)
	clash.ID = "runway"
	s.Put(customKey("runway"), exportProfile(clash))

	all, err := allProfiles()
	if err != nil || len(all) != len(ps)+1 {
		t.Fatalf("allProfiles = %d profiles (%v), want %d", len(all), err, len(ps)+1)
	}
	last := all[len(all)-1]
	if last.ID != "my-platform" || last.Name != "My platform (custom)" || !last.Custom {
		t.Errorf("custom profile listed as %q %q %v", last.ID, last.Name, last.Custom)
	}
	if r, _ := pricing.FindProfile(all, "runway"); r.Custom {
		t.Error("a custom profile took a bundled one's id")
	}

	s.SetUnavailable(true)
	if all, err := allProfiles(); err != nil || len(all) != len(ps) {
		t.Errorf("with storage blocked: %d profiles, %v", len(all), err)
	}
}

func TestPathWords(t *testing.T) {
	for path, want := range map[string]string{
		"plans[0].monthly":                    "plan 1, monthly price",
		"models[2].rates[1].per_second":       "model 3, rate 2, units per second",
		"models[0].rates[0].buckets[1].units": "model 1, rate 1, clip length 2, units",
		"packs[0].source.read":                "pack 1, source, date read",
		"id":                                  "id",
		"plans[0].colour":                     "plan 1, colour",
	} {
		if got := pathWords(path); got != want {
			t.Errorf("pathWords(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestProfileMessage: an import's refusals read as sentences. They read
// "The profile invalid json: unexpected end of input." and "Name: is
// empty. (name)".
func TestProfileMessage(t *testing.T) {
	for in, want := range map[string]string{
		"{":           "The profile is not valid JSON: unexpected end of input.",
		`{"id": "x"}`: "Name is empty. (name)",
		`{"id": "x", "name": "X", "platform": "X", "kind": "z"}`: "Kind: unknown kind \"z\" (want credits or api). (kind)",
	} {
		_, err := pricing.DecodeProfile([]byte(in))
		if got := profileMessage(err); got != want {
			t.Errorf("importing %s: %q, want %q", in, got, want)
		}
	}
}

func TestUniqueID(t *testing.T) {
	taken := map[string]bool{"a": true, "a-2": true}
	if got := uniqueID("a", func(s string) bool { return taken[s] }); got != "a-3" {
		t.Errorf("uniqueID = %q", got)
	}
	long := strings.Repeat("x", 80)
	if got := uniqueID(long, never); len(got) > pricing.ProfileMaxID {
		t.Errorf("uniqueID of a long id = %d bytes", len(got))
	}
}

// TestStoredProfileSurvivesGoApp: go-app's start-up deletes every
// localStorage value that decodes as an expired persisted state
// ({"Value", "EncryptedValue", "ExpiresAt"}, names matched in any case);
// a stored profile has none of those fields, so it is left alone.
func TestStoredProfileSurvivesGoApp(t *testing.T) {
	s := cliplog.NewMemStore()
	if err := saveCustom(s, cloneProfile(catalogProfile(t, "runway"), never), ""); err != nil {
		t.Fatal(err)
	}
	raw, _, _ := s.Get(customKey("runway-custom"))
	var state struct {
		Value          json.RawMessage
		EncryptedValue []byte
		ExpiresAt      time.Time
	}
	if err := json.Unmarshal([]byte(raw), &state); err != nil {
		t.Fatal(err)
	}
	if len(state.Value) != 0 || len(state.EncryptedValue) != 0 || !state.ExpiresAt.IsZero() {
		t.Errorf("a stored profile looks like a go-app state: %+v", state)
	}
}

// TestPackValidity: a top-up whose validity the platform does not state
// (Kling's: "cleared upon expiration", no period) stays so through a
// clone, an export and an import, and /profiles says so; a custom profile
// saved before the field existed (no validity_not_stated, valid_days 0)
// still loads and keeps its meaning, never expire; the editor shows and
// sets all three.
func TestPackValidity(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	kling := cloneProfile(catalogProfile(t, "kling"), never)
	p, err := importProfile([]byte(exportProfile(kling)))
	if err != nil || len(p.Packs) != 1 || !p.Packs[0].ValidityNotStated || p.Packs[0].ValidDays != 0 {
		t.Fatalf("Kling's export imported: %v, %+v", err, p.Packs)
	}
	if err := saveCustom(s, p, ""); err != nil {
		t.Fatal(err)
	}
	// Written by an older version: the field did not exist.
	old := `{"id":"old-one","name":"Old one","platform":"Old","kind":"credits","currency":"USD","url":"","custom":true,` +
		`"packs":[{"id":"p","name":"Pack","price":"10","credits":"1000","source":{}}],` +
		`"models":[{"id":"m","name":"M","tier":"fast","durations":{"list":[5]},"rates":[{"res":"720p","per_clip":"10"}],"source":{}}]}`
	s.Put("aivc.profiles.v1.old-one", old)
	ps, bad, err := loadCustom(s)
	if err != nil || len(bad) != 0 || len(ps) != 2 {
		t.Fatalf("loadCustom = %v, bad %v, %v", profileNames(ps), bad, err)
	}
	for _, q := range ps {
		if q.ID == "old-one" && (q.Packs[0].ValidityNotStated || q.Packs[0].ValidDays != 0) {
			t.Errorf("the old profile's pack: %+v", q.Packs[0])
		}
	}
	_, html := loadProfilesPage(t)
	article := func(id string) string { // a profile's text on the page
		_, a, _ := strings.Cut(html, `id="prof-`+id+`"`)
		a, _, _ = strings.Cut(a, "</article>")
		return pageText(a)
	}
	for _, tt := range []struct{ id, want string }{
		{"kling", "validity not stated by Kling; subscribers only;"},
		{"kling", "'cleared upon expiration'"},                              // what Kling's terms say
		{"kling-custom", "validity not stated by Kling; subscribers only;"}, // imported
		{"old-one", "never expire"},                                         // as it meant
		{"luma", "valid 365 days"},                                          // as the research gives it
		{"runway", "never expire"},                                          // as the research gives it
	} {
		if !strings.Contains(article(tt.id), tt.want) {
			t.Errorf("/profiles, %s does not say %q", tt.id, tt.want)
		}
	}

	ed, err := newProfileEditor(kling, "")
	if err != nil {
		t.Fatal(err)
	}
	f := editorField(t, ed, "packs[0].validity")
	if got := ed.text(f); got != "not_stated" || len(f.Choices) != 2 {
		t.Errorf("Kling's pack in the editor: %q of %v", got, f.Choices)
	}
	ed.set(f, "never")
	if q, ok := ed.check(); !ok || q.Packs[0].ValidityNotStated || q.Packs[0].Source != (pricing.Source{}) {
		t.Errorf("set to for ever: %v %+v", ok, q.Packs[0])
	}
	ed.set(f, "not_stated")
	if q, ok := ed.check(); !ok || !q.Packs[0].ValidityNotStated {
		t.Errorf("set to not stated: %v %+v", ok, q.Packs[0])
	}
	luma, err := newProfileEditor(cloneProfile(catalogProfile(t, "luma"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	f = editorField(t, luma, "packs[0].validity")
	if got := luma.text(f); got != "days" || f.Choices[2].Label != "Valid 365 days" {
		t.Errorf("Luma's pack in the editor: %q of %v", got, f.Choices)
	}
	luma.set(f, "not_stated")
	if q, ok := luma.check(); !ok || !q.Packs[0].ValidityNotStated || q.Packs[0].ValidDays != 0 {
		t.Errorf("Luma's pack set to not stated: %v %+v", ok, q.Packs[0])
	}
}

// TestCustomAudioNotStated: a person's profile, stored or imported,
// without an audio field (saved before the editor had one, when it meant
// "none") still loads. Its models' audio is not stated: /profiles says
// the profile does not set it (not "not stated by its source": a
// person's profile has none), a clip without audio is priced as before,
// and one with audio is not priced (it said "cannot add native audio", a
// silence no one had stated).
func TestCustomAudioNotStated(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	old := `{"id":"mine","name":"Mine","platform":"Mine","kind":"credits","currency":"USD","url":"","custom":true,` +
		`"plans":[{"id":"p","name":"P","monthly":"10","credits":"1000","source":{}}],` +
		`"models":[{"id":"m","name":"My model","tier":"fast","durations":{"list":[5]},"rates":[{"res":"720p","per_clip":"10"}],"source":{}}]}`
	s.Put("aivc.profiles.v1.mine", old)
	ps, bad, err := loadCustom(s)
	if err != nil || len(bad) != 0 || len(ps) != 1 || ps[0].Models[0].Audio != pricing.AudioNotStated {
		t.Fatalf("loadCustom = %v, bad %v, %v", ps, bad, err)
	}
	if _, err := importProfile([]byte(old)); err != nil {
		t.Errorf("the file imported: %v", err)
	}
	_, html := loadProfilesPage(t)
	_, a, _ := strings.Cut(html, `id="prof-mine"`)
	a, _, _ = strings.Cut(a, "</article>")
	if !strings.Contains(pageText(a), "native audio not set in your profile") {
		t.Errorf("/profiles says of Mine: %s", pageText(a))
	}
	c, html := loadCalculator(t, "/#profile=mine&plan=p&model=m&res=720p&dur=5")
	checkResults(t, html, []wantResult{{"cost-per-clip", "0.1", "$0.10"}})
	c, _ = loadCalculator(t, "/#profile=mine&plan=p&model=m&res=720p&dur=5&audio=1")
	if want := "Whether My model makes native audio is not set in your profile; untick the Native audio box."; c.current || c.errs["audio"] != want {
		t.Errorf("with audio: current %v, message %q, want %q", c.current, c.errs["audio"], want)
	}
}

// TestPackValiditySaidOnce: /profiles puts "validity not stated by Kling"
// first in a pack's terms, its notes after it; notes that said again
// that how long the credits last is not stated made the cell say it
// twice. What the notes add (Kling's terms, Pika's carry-over) stays.
func TestPackValiditySaidOnce(t *testing.T) {
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	_, html := loadProfilesPage(t)
	for _, p := range ps {
		_, a, _ := strings.Cut(html, `id="prof-`+p.ID+`"`)
		a, _, _ = strings.Cut(a, "</article>")
		for _, pk := range p.Packs {
			if !pk.ValidityNotStated {
				continue
			}
			_, row, _ := strings.Cut(a, `data-pack="`+pk.ID+`"`)
			row, _, _ = strings.Cut(row, "</tr>")
			terms := pageText(row)
			if n := strings.Count(terms, "not stated"); n != 1 || !strings.Contains(terms, "validity not stated by "+p.Platform) {
				t.Errorf("%s's %s says “not stated” %d times: %q", p.ID, pk.ID, n, terms)
			}
		}
	}
}
