package app

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// loadProfilesPage mounts /profiles in a test engine.
func loadProfilesPage(t *testing.T) (*profilesPage, string) {
	t.Helper()
	c := newProfiles()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return c, app.HTMLString(c)
}

func TestProfilesPageRenders(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	if err := saveCustom(s, blankProfile(never), ""); err != nil {
		t.Fatal(err)
	}
	s.Put(customKey("broken"), "not json")
	c, html := loadProfilesPage(t)
	ps, _ := pricing.Catalog()
	for _, p := range ps {
		if !strings.Contains(html, `data-profile="`+p.ID+`"`) {
			t.Errorf("no %s", p.ID)
		}
	}
	for _, want := range []string{`data-profile="my-platform"`, `data-custom`, `class="tag"`,
		`data-key="aivc.profiles.v1.broken"`, `rel="noopener noreferrer"`, `href="/catalog.schema.json"`,
		"read 2026-10-01 · official", "Runway (app)"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	// Each profile's buttons are named with it ("Clone and edit: Runway
	// (app)"): the name begins with what the button says, and no two share
	// a name (they were 23 "Clone and edit" and 24 "Export JSON").
	names := map[string]int{}
	for _, m := range regexp.MustCompile(`<button [^>]*data-action="(clone|export|edit|delete)"[^>]*>`).FindAllString(html, -1) {
		label, _ := attr(m, "aria-label")
		names[label]++
		if names[label] > 1 || !strings.Contains(label, ": ") {
			t.Errorf("button %s", m)
		}
	}
	if names["Clone and edit: Runway (app)"] != 1 || names["Delete: My platform"] != 1 {
		t.Errorf("profile buttons named %v", names)
	}
	// And each pricing page link ("pricing page" 23 times).
	links := map[string]int{}
	for _, m := range regexp.MustCompile(`<a [^>]*>pricing page</a>`).FindAllString(html, -1) {
		label, _ := attr(m, "aria-label")
		if links[label]++; links[label] > 1 || !strings.HasSuffix(label, " pricing page") {
			t.Errorf("link %s", m)
		}
	}
	if links["Runway (app) pricing page"] != 1 {
		t.Errorf("pricing page links named %v", links)
	}
	// And each profile's summary, to a screen reader, which lists the
	// summaries alone ("4 plans, 1 pack, … with sources" 24 times).
	sums := map[string]int{}
	for _, m := range regexp.MustCompile(`<summary>\s*<span class="visually-hidden">([^<]*)</span>`).FindAllStringSubmatch(html, -1) {
		sums[m[1]]++
	}
	if len(sums) != len(ps)+1 || sums["Runway (app): "] != 1 || sums["My platform: "] != 1 {
		t.Errorf("profile summaries named %v, want each of %d profiles once", sums, len(ps)+1)
	}
	// So are the editor's Remove buttons, with their item ("Remove: Plan
	// 1: Standard"): there were about 20 named "Remove" alone.
	ed, err := newProfileEditor(cloneProfile(catalogProfile(t, "runway"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	removes := map[string]int{}
	for _, m := range regexp.MustCompile(`<button [^>]*>Remove</button>`).FindAllString(app.HTMLString(ed.render(c)), -1) {
		label, _ := attr(m, "aria-label")
		removes[label]++
		if removes[label] > 1 || !strings.HasPrefix(label, "Remove: ") {
			t.Errorf("editor button %s", m)
		}
	}
	if len(removes) < 10 {
		t.Errorf("the editor of Runway has %d Remove buttons", len(removes))
	}
	if c.countText() != "24 profiles" && c.countText() != "" {
		t.Logf("count: %s", c.countText())
	}
	c.q = "veo"
	c.filter()
	for _, p := range ps {
		if c.hidden[p.ID] == profileMatches(p, "veo") {
			t.Errorf("search veo: %s hidden %v", p.ID, c.hidden[p.ID])
		}
	}
	if !c.hidden["my-platform"] {
		t.Error("search veo shows my-platform")
	}
}

// editorField returns the editor's field at path.
func editorField(t *testing.T, ed *profileEditor, path string) editField {
	t.Helper()
	for _, f := range ed.fields() {
		if f.Path == path {
			return f
		}
	}
	t.Fatalf("no field %s", path)
	return editField{}
}

func TestProfileEditor(t *testing.T) {
	ed, err := newProfileEditor(cloneProfile(catalogProfile(t, "runway"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	field := func(path string) editField { return editorField(t, ed, path) }
	if got := ed.text(field("plans[0].monthly")); got != "15" {
		t.Errorf("monthly shows %q", got)
	}
	ed.set(field("plans[0].credits"), "0")
	// Beside the field, in its own words (it read "Plan 1, credits must be
	// more than 0. (plans[0].credits)"), as a number that is no number does.
	if got := ed.errs["plans[0].credits"]; got != "Credits a month must be more than 0." {
		t.Errorf("credits 0: %q", got)
	}
	ed.set(field("plans[0].credits"), "abc")
	if got := ed.errs["plans[0].credits"]; got != "Credits a month must be a number, like 30 or 1,200.50." {
		t.Errorf("credits abc: %q", got)
	}
	if ed.text(field("plans[0].credits")) != "abc" {
		t.Error("the typed text is not kept")
	}
	ed.set(field("plans[0].credits"), "1,250")
	ed.set(field("plans[0].monthly"), "$20")
	ed.set(field("models[1].rates[0].rule"), "buckets")
	ed.set(field("models[1].rates[0].buckets"), "5: 25, 10: 60")
	ed.set(field("models[1].durations"), "5, 10")
	ed.set(field("name"), "My Runway")
	p, ok := ed.check()
	if !ok || len(ed.errs) != 0 || ed.general != "" {
		t.Fatalf("check: %v %v %q", ok, ed.errs, ed.general)
	}
	if p.Name != "My Runway" || p.Plans[0].Credits.String() != "1250" || p.Plans[0].Monthly.Decimal.String() != "20" ||
		p.Plans[0].Source != (pricing.Source{}) || p.Plans[1].Source == (pricing.Source{}) {
		t.Errorf("plan: %q %s %s %+v", p.Name, p.Plans[0].Credits, p.Plans[0].Monthly.Decimal, p.Plans[0].Source)
	}
	r := p.Models[1].Rates[0]
	if len(r.Buckets) != 2 || r.PerSecond.Valid || !r.Buckets[1].Units.Equal(decimal.NewFromInt(60)) {
		t.Errorf("rate %+v", r)
	}
	u, err := p.Models[1].Usage(pricing.Shot{Seconds: decimal.NewFromInt(10), Res: pricing.Res720p})
	if err != nil || !u.Units.Equal(decimal.NewFromInt(60)) {
		t.Errorf("usage of the edited model: %v %v", u.Units, err)
	}

	// A bucket for a length the model does not offer is a broken rule,
	// shown beside the buckets.
	ed.set(field("models[1].rates[0].buckets"), "5: 25, 8: 40")
	if got := ed.errs["models[1].rates[0].buckets"]; got != "Credits by clip length: 8 s is not one of the model's clip lengths (5, 10 s); add it to Clip lengths (s), or price another length." {
		t.Errorf("bad bucket: %q (general %q)", got, ed.general)
	}
	ed.set(field("models[1].durations"), "two to ten")
	// A sentence ("Clip lengths write them like…" was not).
	if got := ed.errs["models[1].durations"]; got != "Clip lengths (s) must be seconds, like 5, 10, or a range like 2-10." {
		t.Errorf("bad durations: %q", got)
	}
}

// TestEditorMessagesInFormWords: a broken rule is worded for the form it
// is shown in. Beside a field, by the field's label and the part of what
// was typed it is about; above the form, by the item as its legend names
// it, with the JSON path only for what the form does not show. They named
// the JSON ("Model 2, clip lengths, min must be more than 0.
// (models[1].durations.min)"), as an imported file's messages do, which
// keep it.
func TestEditorMessagesInFormWords(t *testing.T) {
	ed, err := newProfileEditor(cloneProfile(catalogProfile(t, "runway"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	field := func(path string) editField { return editorField(t, ed, path) }
	for _, tt := range []struct{ path, typed, want string }{
		{"models[1].durations", "0-10", "Clip lengths (s): the shortest must be more than 0."},
		{"models[1].durations", "5, 3", "Clip lengths (s): list the lengths from the shortest to the longest, like 5, 10."},
		{"models[1].durations", "5, 5", "Clip lengths (s): 5 s is listed twice."},
		{"models[1].durations", "10-5", "Clip lengths (s) must be a range from the shortest to the longest, like 2-10."},
		{"models[1].rates[0].buckets", "5: 0, 10: 40", "Credits by clip length at 5 s must be more than 0."},
		{"models[1].rates[0].buckets", "5: 10, 5: 40", "Credits by clip length: 5 s is listed twice."},
	} {
		if tt.path == "models[1].rates[0].buckets" {
			ed.set(field("models[1].durations"), "5, 10")
			ed.set(field("models[1].rates[0].rule"), "buckets")
		}
		ed.set(field(tt.path), tt.typed)
		if got := ed.errs[tt.path]; got != tt.want || ed.general != "" {
			t.Errorf("%s typed %q: %q (above the form %q), want %q", tt.path, tt.typed, got, ed.general, tt.want)
		}
	}
	ed.set(field("models[1].rates[0].buckets"), "5: 25, 10: 40")
	// A resolution given twice names the other rate as the form does
	// (it said "duplicate resolution \"720p\" (also rates[0])").
	rates := obj(list(ed.tree["models"])[1])
	first := str(obj(list(rates["rates"])[0])["res"])
	rates["rates"] = append(list(rates["rates"]), jsonTree(`{"res":"4k","per_second":"10"}`))
	last := "models[1].rates[" + strconv.Itoa(len(list(rates["rates"]))-1) + "].res"
	ed.set(field(last), first)
	if got, want := ed.errs[last], "Resolution: "+first+" has a price already, in rate 1; pick another resolution."; got != want {
		t.Errorf("a resolution twice: %q, want %q", got, want)
	}
	rates["rates"] = list(rates["rates"])[:len(list(rates["rates"]))-1]
	delete(ed.texts, last)
	if _, ok := ed.check(); !ok {
		t.Fatalf("the profile is still broken: %v %q", ed.errs, ed.general)
	}

	// A rule the form shows no field for: above it, by the model's legend,
	// and where it is in the JSON, which the person changes after export.
	models := list(ed.tree["models"])
	obj(models[0])["min_charge"] = "-1"
	ed.check()
	name := str(obj(models[0])["name"])
	if want := "Model 1 “" + name + "”, minimum charge cannot be negative. (models[0].min_charge)"; ed.general != want {
		t.Errorf("above the form: %q, want %q", ed.general, want)
	}
	delete(obj(models[0]), "min_charge")
	ed.tree["models"] = []any{}
	ed.check()
	if want := "Models: a profile needs at least one model; add one with “Add a model”."; ed.general != want {
		t.Errorf("no model: %q, want %q", ed.general, want)
	}
	// An imported file's message keeps the path, to find in the file.
	_, err = pricing.DecodeProfile([]byte(`{"id":"x","name":"X","platform":"X","kind":"credits","currency":"USD","custom":true,
		"models":[{"id":"m","name":"M","tier":"standard","durations":{"min":0,"max":10},"rates":[{"res":"720p","per_second":"1"}]}]}`))
	if got, want := profileMessage(err), "Model 1, clip lengths, min must be more than 0. (models[0].durations.min)"; got != want {
		t.Errorf("import: %q, want %q", got, want)
	}
}

func TestParseDurationsBuckets(t *testing.T) {
	d, err := parseDurations("Clip lengths (s)", "2–10")
	if err != nil || str(d["min"]) != "2" || str(d["max"]) != "10" {
		t.Errorf("range: %v %v", d, err)
	}
	d, err = parseDurations("Clip lengths (s)", "5 s, 10s")
	if err != nil || len(list(d["list"])) != 2 {
		t.Errorf("list: %v %v", d, err)
	}
	if _, err := parseBuckets("Credits by clip length", "5: 50, ten: 100", false, ""); err == nil {
		t.Error("bad buckets accepted")
	}
	b, err := parseBuckets("Credits by clip length", "5 s: 1,000", false, "")
	if err != nil || str(obj(b[0])["units"]) != "1000" {
		t.Errorf("buckets: %v %v", b, err)
	}
}

func TestRateWords(t *testing.T) {
	fal := catalogProfile(t, "fal")
	m, _ := fal.FindModel("kling-2-5-turbo-standard")
	money := func(d decimal.Decimal) string { return pricing.FormatMoney(pricing.NewMoney(d, fal.Currency)) }
	if got := rateWords(m, money); len(got) != 1 || got[0] != "720p: $0.21 for the first 5 s, then $0.042 per extra second" {
		t.Errorf("fal Kling 2.5 Turbo: %q", got)
	}
	luma := catalogProfile(t, "luma")
	m, _ = luma.FindModel("ray-2-flash")
	credits := func(d decimal.Decimal) string { return pricing.FormatNumber(d) + " credits" }
	if got := strings.Join(rateWords(m, credits), "; "); got != "720p: 5 s: 55 credits, 10 s: 110 credits; 1080p: 5 s: 65 credits, 10 s: 130 credits" {
		t.Errorf("Luma Ray2 Flash: %q", got)
	}
}

// TestModelExtrasAudioOnce: /profiles' "Also" column says a model's
// unpriced native audio once, with the reason. It said a tag, "native
// audio, price with it not published", then the catalog's note saying the
// same with why ("Kling 3.0 makes native audio, but its price with audio
// at 720p is not given, …"). A model whose notes do not say it (LTX
// Studio's Veo 3, priced at nothing the sources give) keeps the tag. A
// model whose audio no source states says so, and only Veo 2's says none.
func TestModelExtrasAudioOnce(t *testing.T) {
	credits := func(d decimal.Decimal) string { return pricing.FormatNumber(d) + " credits" }
	kling := catalogProfile(t, "kling")
	m, _ := kling.FindModel("kling-3-0-standard")
	if got, want := modelExtras(m, false, credits), "Clip lengths not in the sources; 5 s and 10 s as Kling's other prices. Kling 3.0 makes "+
		"native audio, but its price with audio at 720p is not given, so a shot with audio is not priced."; got != want {
		t.Errorf("Kling 3.0 Standard (silent):\n%s\nwant\n%s", got, want)
	}
	ltx := catalogProfile(t, "ltx-studio")
	m, _ = ltx.FindModel("veo-3")
	if got, want := modelExtras(m, false, credits), "native audio: its price is not published, so a shot with audio is not priced; "+
		"Price unknown: the source gives only a range (about 875 to 3,500 CS for 8 s, with Veo 3 Fast)."; got != want {
		t.Errorf("LTX Studio Veo 3:\n%s\nwant\n%s", got, want)
	}
	// Every bundled model whose audio is unpriced: said once, with what it
	// means for a shot.
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range ps {
		for _, m := range p.Models {
			if m.Audio != pricing.AudioUnpriced {
				continue
			}
			n++
			got := modelExtras(m, false, credits)
			if c := strings.Count(got, "native audio"); c != 1 || !strings.Contains(got, "so a shot with audio is not priced") {
				t.Errorf("%s/%s says native audio %d times: %q", p.ID, m.ID, c, got)
			}
		}
	}
	if n == 0 {
		t.Error("no bundled model's audio is unpriced: the test tests nothing")
	}
	// A model no source says makes audio or not is not said to be silent;
	// Veo 2, which the research says makes none, is.
	runway := catalogProfile(t, "runway")
	m, _ = runway.FindModel("gen-4-5")
	if got, want := modelExtras(m, false, credits), "native audio not stated by its source; "+
		"Resolution not stated in the source; listed at 720p (the API prices Gen-4.5 at 720p)."; got != want {
		t.Errorf("Runway Gen-4.5:\n%s\nwant\n%s", got, want)
	}
	veo := catalogProfile(t, "veo-api")
	m, _ = veo.FindModel("veo-2")
	if got, want := modelExtras(m, false, credits), "no native audio; "+
		"Clips are 4, 6 or 8 s (8 s is the default). Resolution not stated in the source; listed at 720p."; got != want {
		t.Errorf("Veo 2:\n%s\nwant\n%s", got, want)
	}
}

// TestOneSaidSingular: a count of one is singular wherever a page builds
// it from a number a profile or a person gives. It wrote "valid 1 days"
// (/profiles and its editor), "for 1 months" (a promotion), "$5.00 for 1
// credits" (/log's own plan) and "1 credits a month" (the calculator's
// plan hint).
func TestOneSaidSingular(t *testing.T) {
	one, five := decimal.NewFromInt(1), decimal.NewFromInt(5)
	p := pricing.Profile{ID: "p", Name: "P", Platform: "P", Kind: pricing.KindCredits, Currency: pricing.USD,
		Plans: []pricing.Plan{{ID: "a", Name: "A", Credits: one}}}
	tests := []struct{ got, want string }{
		{validityWords(pricing.Pack{ValidDays: 1}, "P"), "valid 1 day"},
		{validityWords(pricing.Pack{ValidDays: 30}, "P"), "valid 30 days"},
		{validityChoices(map[string]any{"valid_days": json.Number("1")})[2].Label, "Valid 1 day"},
		{validityChoices(map[string]any{"valid_days": json.Number("365")})[2].Label, "Valid 365 days"},
		{promoWords(&pricing.Promo{IntroPrice: decimal.NewNullDecimal(five), IntroMonths: 1}, pricing.USD),
			"Promotion: $5.00 a month at first for 1 month."},
		{promoWords(&pricing.Promo{IntroPrice: decimal.NewNullDecimal(five), IntroMonths: 3}, pricing.USD),
			"Promotion: $5.00 a month at first for 3 months."},
		{planWords(p, cliplog.MyPlan{ProfileID: "p", Price: pricing.NewMoney(five, pricing.USD), Credits: one}), "$5.00 for 1 credit"},
		{planCredits(p, "a"), "1 credit a month"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%q, want %q", tt.got, tt.want)
		}
	}
}

func TestIsStale(t *testing.T) {
	for _, tt := range []struct {
		read, today string
		want        bool
	}{
		{"2026-10-01", "2026-11-25", false},
		{"2026-05-28", "2026-11-25", true},
		{"2026-05-29", "2026-11-24", false},
		{"", "2026-11-25", false},
	} {
		if got := isStale(tt.read, tt.today); got != tt.want {
			t.Errorf("isStale(%s, %s) = %v", tt.read, tt.today, got)
		}
	}
}

// TestLinkElem: only https links are made; anything else, and every
// text, is a text node.
func TestLinkElem(t *testing.T) {
	if got := app.HTMLString(linkElem("javascript:alert(1)", "x<", "y")); strings.Contains(got, "<a") || strings.Contains(got, "x<") {
		t.Errorf("a non-https link: %q", got)
	}
	got := app.HTMLString(linkElem("https://example.com/?a=1&b=2", `"><b>`, ""))
	if !strings.Contains(got, `rel="noopener noreferrer"`) || strings.Contains(got, "<b>") || strings.Contains(got, "aria-label") {
		t.Errorf("an https link: %q", got)
	}
	// Named for what it leads to, its text in its name (WCAG 2.5.3).
	got = app.HTMLString(linkElem("https://runwayml.com/pricing", "pricing page", "Runway (app) pricing page"))
	if !strings.Contains(got, `aria-label="Runway (app) pricing page"`) {
		t.Errorf("a named link: %q", got)
	}
}

// TestProfileImportOwnExport: a profile imported where it is already (its
// own export, a bundled profile's imported a second time) is not copied,
// and says so: Higgsfield's export imported twice made "Higgsfield (2)", on
// the platform "Higgsfield (2)". Another profile of the same name goes
// beside, told apart by its id and its name; its platform is numbered
// with the name only where it was the name and is no vendor's: "Studio"
// showed as the platform of both copies.
func TestProfileImportOwnExport(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	p := cloneProfile(catalogProfile(t, "runway"), never)
	p.Name = "My Runway"
	if err := saveCustom(s, p, ""); err != nil {
		t.Fatal(err)
	}
	c, _ := loadProfilesPage(t)
	already := func(what string, n int) {
		t.Helper()
		if c.alert != "" || len(c.custom) != n || !strings.Contains(c.status, "is already on this device") {
			t.Errorf("%s: alert %q, status %q, profiles %v; want nothing imported, said", what, c.alert, c.status, profilePlatforms(c.custom))
		}
	}
	onPlatform := func(what, name, platform string) {
		t.Helper()
		if i := slices.IndexFunc(c.custom, func(q pricing.Profile) bool { return q.Name == name }); i < 0 || c.custom[i].Platform != platform {
			t.Errorf("%s: %v; want %s on the platform %s", what, profilePlatforms(c.custom), name, platform)
		}
	}
	c.importData([]byte(exportProfile(p)))
	already("My Runway's export", 1)
	if want := "“My Runway” (runway-custom) is already on this device, the same in every figure: nothing was imported."; !strings.HasPrefix(c.status, want) {
		t.Errorf("status %q; want %q", c.status, want)
	}
	other := p
	other.URL = "https://example.com/my-runway"
	for _, want := range []string{"My Runway (2)", "My Runway (3)"} {
		other.URL += "/x" // another profile each time
		c.importData([]byte(exportProfile(other)))
		if c.alert != "" {
			t.Fatalf("import: %s", c.alert)
		}
		if !slices.ContainsFunc(c.custom, func(q pricing.Profile) bool { return q.Name == want }) {
			t.Errorf("after importing another My Runway, the profiles are %v; want one named %q", profileNames(c.custom), want)
		}
	}
	// Its platform is the vendor's and stays.
	onPlatform("another My Runway imported", "My Runway (2)", p.Platform)

	// A bundled profile's export: the first import is the person's own
	// (Higgsfield, marked custom), the second is that one.
	s = cliplog.NewMemStore()
	useStore(t, s)
	c, _ = loadProfilesPage(t)
	hf := catalogProfile(t, "higgsfield")
	c.importData([]byte(exportProfile(hf)))
	if len(c.custom) != 1 || c.custom[0].Name != "Higgsfield" || c.custom[0].Platform != "Higgsfield" {
		t.Fatalf("Higgsfield's export imported: alert %q, profiles %v", c.alert, profilePlatforms(c.custom))
	}
	c.importData([]byte(exportProfile(hf)))
	already("Higgsfield's export again", 1)
	// Another Higgsfield is numbered; its platform is the vendor's, not.
	hf.URL = "https://example.com/higgsfield"
	c.importData([]byte(exportProfile(hf)))
	onPlatform("another Higgsfield imported", "Higgsfield (2)", "Higgsfield")

	// A platform that is the profile's name, and no vendor's.
	studio := p
	studio.ID, studio.Name, studio.Platform = "studio", "Studio", "Studio"
	if err := saveCustom(s, studio, ""); err != nil {
		t.Fatal(err)
	}
	c, _ = loadProfilesPage(t)
	c.importData([]byte(exportProfile(studio)))
	already("Studio's export", 3)
	studio.URL = "https://example.com/studio"
	c.importData([]byte(exportProfile(studio)))
	onPlatform("another Studio imported", "Studio (2)", "Studio (2)")
}

// profilePlatforms lists each profile as "id: name on platform".
// TestProfileCloneOwn: one's own profile can be cloned, as a bundled one
// can (importing its own export, the one way to copy it before, is a no-op
// that says so since): its card offers "Clone and edit", and the clone
// opens under a free id and a name of its own ("My Runway (2)"), on the same
// vendor; a platform that was the name is numbered with it. A bundled
// profile's first clone keeps the bundled name, told apart by its mark.
func TestProfileCloneOwn(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	mine := cloneProfile(catalogProfile(t, "runway"), never) // runway-custom
	mine.Name = "My Runway"
	studio := blankProfile(never) // my-platform
	studio = cliplog.Rename(studio, "Studio")
	for _, p := range []pricing.Profile{mine, studio} {
		if err := saveCustom(s, p, ""); err != nil {
			t.Fatal(err)
		}
	}
	c, html := loadProfilesPage(t)
	for _, id := range []string{mine.ID, studio.ID} {
		// A button's attributes come in no set order.
		clone := regexp.MustCompile(`<button[^>]*data-id="` + id + `"[^>]*>`)
		if !slices.ContainsFunc(clone.FindAllString(html, -1), func(b string) bool { return strings.Contains(b, `data-action="clone"`) }) {
			t.Errorf("own profile %s: no Clone and edit in its card", id)
		}
	}
	for _, tc := range []struct{ id, wantID, wantName, wantPlatform string }{
		{mine.ID, "runway-custom-2", "My Runway (2)", "Runway"},
		{studio.ID, "my-platform-custom", "Studio (2)", "Studio (2)"},
		{"kling", "kling-custom", "Kling AI (app)", "Kling"},
	} {
		p, ok := c.find(tc.id)
		if !ok {
			t.Fatalf("no profile %s", tc.id)
		}
		got := c.nameApart(cloneProfile(p, c.taken))
		if got.ID != tc.wantID || got.Name != tc.wantName || got.Platform != tc.wantPlatform || !got.Custom {
			t.Errorf("clone of %s: %s, custom %v; want %s: %s on %s", tc.id, profilePlatforms([]pricing.Profile{got}), got.Custom,
				tc.wantID, tc.wantName, tc.wantPlatform)
		}
	}
}

func profilePlatforms(ps []pricing.Profile) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID+": "+p.Name+" on "+p.Platform)
	}
	return out
}

func profileNames(ps []pricing.Profile) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID+": "+p.Name)
	}
	return out
}

// TestEditorKeepsOneRate: a model's only resolution cannot be removed in
// the editor (its Remove is disabled): saved without one, the pages said
// the person's own model's prices were "not published".
func TestEditorKeepsOneRate(t *testing.T) {
	c, _ := loadProfilesPage(t)
	ed, err := newProfileEditor(cloneProfile(catalogProfile(t, "runway"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(ed.render(c))
	removes := map[string][]bool{} // a model's rates list → its Remove buttons, disabled or not
	for _, m := range regexp.MustCompile(`<button [^>]*data-list="models\[\d+\]\.rates"[^>]*>`).FindAllString(html, -1) {
		list, _ := attr(m, "data-list")
		index, _ := attr(m, "data-index")
		_, disabled := attr(m, "disabled")
		if index != "-1" {
			removes[list] = append(removes[list], disabled)
		}
	}
	if len(removes) == 0 {
		t.Fatal("no resolution buttons in the editor")
	}
	for list, ds := range removes {
		for _, disabled := range ds {
			if disabled != (len(ds) == 1) {
				t.Errorf("%s: %d resolutions, a Remove disabled %v", list, len(ds), disabled)
			}
		}
	}
}

// TestShiftTyped: removing an item keeps what was typed everywhere else in
// the editor, the later items' text moving up with them.
func TestShiftTyped(t *testing.T) {
	typed := map[string]string{
		"name": "My Runway", "plans[0].monthly": "€x", "plans[1].monthly": "12,5", "plans[2].credits": "1 000",
		"plans[10].name": "Ten", "models[0].rates[1].per_second": "5x", "models[1].rates[0].per_second": "7",
		"packs[1].price": "9",
	}
	for _, tt := range []struct {
		list string
		i    int
		want map[string]string
	}{
		{"plans", 1, map[string]string{"name": "My Runway", "plans[0].monthly": "€x", "plans[1].credits": "1 000",
			"plans[9].name": "Ten", "models[0].rates[1].per_second": "5x", "models[1].rates[0].per_second": "7", "packs[1].price": "9"}},
		{"models[0].rates", 0, map[string]string{"name": "My Runway", "plans[0].monthly": "€x", "plans[1].monthly": "12,5",
			"plans[2].credits": "1 000", "plans[10].name": "Ten", "models[0].rates[0].per_second": "5x",
			"models[1].rates[0].per_second": "7", "packs[1].price": "9"}},
		{"models", 0, map[string]string{"name": "My Runway", "plans[0].monthly": "€x", "plans[1].monthly": "12,5",
			"plans[2].credits": "1 000", "plans[10].name": "Ten", "models[0].rates[0].per_second": "7", "packs[1].price": "9"}},
	} {
		if got := shiftTyped(typed, tt.list, tt.i); !maps.Equal(got, tt.want) {
			t.Errorf("removing %s[%d]:\n got %v\nwant %v", tt.list, tt.i, got, tt.want)
		}
	}
}

// TestNextRes: a model's new rate takes the next resolution up, else the
// first it lacks, and none when it has them all (its Add is then disabled).
func TestNextRes(t *testing.T) {
	rates := func(rs ...string) map[string]any {
		var out, mul []any
		for _, r := range rs {
			// "×1080p": a multiplier's resolution (fal's Luma Ray2).
			if m, ok := strings.CutPrefix(r, "×"); ok {
				mul = append(mul, map[string]any{"res": m})
				continue
			}
			out = append(out, map[string]any{"res": r})
		}
		return map[string]any{"rates": out, "multipliers": mul}
	}
	for _, tt := range []struct {
		have []string
		want pricing.Resolution
	}{
		{[]string{"540p", "×720p", "×1080p"}, "4k"},
		{[]string{"540p", "×720p", "4k"}, "360p"},
		{[]string{"720p"}, "1080p"},
		{[]string{"480p", "720p"}, "1080p"},
		{[]string{"720p", "1080p", "4k"}, "360p"},
		{nil, "360p"},
		{[]string{"360p", "480p", "540p", "720p", "1080p", "4k"}, ""},
	} {
		if got, ok := nextRes(rates(tt.have...)); got != tt.want || ok != (tt.want != "") {
			t.Errorf("nextRes(%v) = %q, %v; want %q", tt.have, got, ok, tt.want)
		}
	}
}

// TestEditorPlanMonth: a plan's figures are a month's, read as a pricing
// page writes them ("$20/month", "3,000 credits a month", which were no
// number); a year's is refused beside its field, and so is a month in a
// pack's credits.
func TestEditorPlanMonth(t *testing.T) {
	ed, err := newProfileEditor(cloneProfile(catalogProfile(t, "runway"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	field := func(path string) editField { return editorField(t, ed, path) }
	ed.set(field("plans[0].monthly"), "$20/month")
	ed.set(field("plans[0].credits"), "3,000 credits a month")
	p, _ := ed.check()
	if p.Plans[0].Monthly.Decimal.String() != "20" || p.Plans[0].Credits.String() != "3000" ||
		ed.errs["plans[0].monthly"] != "" || ed.errs["plans[0].credits"] != "" {
		t.Errorf("a month as a pricing page writes it: %s, %s credits, %v", p.Plans[0].Monthly.Decimal, p.Plans[0].Credits, ed.errs)
	}
	for path, tt := range map[string]struct{ typed, want string }{
		"plans[0].monthly": {"$240 a year", "Monthly price (USD) is per month, not per year: type the price of one month."},
		"plans[0].credits": {"36,000 credits/yr", "Credits a month is per month, not per year: type the number for one month."},
		"packs[0].credits": {"500 credits a month", "Credits is not per month: type the number alone."},
	} {
		ed.set(field(path), tt.typed)
		if got := ed.errs[path]; got != tt.want {
			t.Errorf("%s %q: %q, want %q", path, tt.typed, got, tt.want)
		}
	}
}

// TestEditorMoneyInItsCurrency: a price typed with another currency's
// mark is refused beside its field, as the calculator refuses it; it was
// read as the profile's currency ("€20" saved as $20). The same mark is
// fine, and so is the other once the profile's currency is changed to it.
// An API's rates are money; a credit's are not.
func TestEditorMoneyInItsCurrency(t *testing.T) {
	ed, err := newProfileEditor(cloneProfile(catalogProfile(t, "runway"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	field := func(path string) editField { return editorField(t, ed, path) }
	ed.set(field("plans[0].monthly"), "€20")
	if got, want := ed.errs["plans[0].monthly"], "Monthly price (USD) is in USD, not EUR: type the amount alone, or change the currency."; got != want {
		t.Errorf("€20 in a USD plan: %q, want %q", got, want)
	}
	if p, _ := ed.check(); p.Plans[0].Monthly.Decimal.String() != "15" {
		t.Errorf("the refused price was kept as %s", p.Plans[0].Monthly.Decimal)
	}
	ed.set(field("packs[0].price"), "£8")
	if ed.errs["packs[0].price"] == "" {
		t.Error("£8 for a USD pack is accepted")
	}
	ed.set(field("packs[0].price"), "$8")
	ed.set(field("models[0].rates[0].per_second"), "12 credits")
	ed.set(field("models[0].rates[0].per_second"), "12")
	if ed.errs["packs[0].price"] != "" || ed.errs["models[0].rates[0].per_second"] != "" {
		t.Errorf("a price in its own currency: %q %q", ed.errs["packs[0].price"], ed.errs["models[0].rates[0].per_second"])
	}
	ed.set(field("currency"), "EUR")
	if p, _ := ed.check(); p.Plans[0].Monthly.Decimal.String() != "20" || ed.errs["plans[0].monthly"] != "" {
		t.Errorf("€20 once the profile is in EUR: %s %v", p.Plans[0].Monthly.Decimal, ed.errs)
	}
	if ed.errs["packs[0].price"] == "" {
		t.Error("$8 in a EUR profile is accepted")
	}

	api, err := newProfileEditor(cloneProfile(catalogProfile(t, "runway-api"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range api.fields() {
		if f.Kind == "amount" && strings.Contains(f.Path, ".rates[") {
			n++
			api.set(f, "€0.05")
			if api.errs[f.Path] == "" {
				t.Errorf("€0.05 for %s of a USD API is accepted", f.Path)
			}
		}
	}
	if n == 0 {
		t.Error("no rate of the API's models to type into")
	}
}

// TestEditorAudioPriceInItsCurrency: the audio extra cost (setAudio) is
// read as the profile's other prices are: in an API profile whose currency
// is not USD, "$5" is refused with the field's name, as a rate's price is,
// and its own currency's mark or none is a price; in a credits profile it
// is read as the rates' credits are.
func TestEditorAudioPriceInItsCurrency(t *testing.T) {
	for _, tt := range []struct {
		profile, rule, typed, want string
	}{
		{"runway-api", "per_second", "$5", "Audio is in EUR, not USD: type the amount alone, or change the currency."},
		{"runway-api", "per_clip", "$5", "Audio is in EUR, not USD: type the amount alone, or change the currency."},
		{"runway-api", "per_clip", "£5", "Audio is in EUR, not GBP: type the amount alone, or change the currency."},
		{"runway-api", "per_second", "€5", ""},
		{"runway-api", "per_clip", "5", ""},
		{"runway", "per_second", "5", ""},
		{"runway", "per_clip", "abc", "Audio must be a number, like 30 or 1,200.50."},
		// Money in a credits profile's price was read as credits: "$5"
		// was 5 credits a second.
		{"runway", "per_second", "$5", "Audio is in credits, not money: type the number alone."},
		{"runway", "per_clip", "5 USD", "Audio is in credits, not money: type the number alone."},
		{"runway", "per_clip", "5 credits", ""},
		{"runway-api", "per_clip", "5 credits", "Audio is in EUR, not credits: type the amount alone."},
	} {
		ed, err := newProfileEditor(cloneProfile(catalogProfile(t, tt.profile), never), "")
		if err != nil {
			t.Fatal(err)
		}
		field := func(path string) editField { return editorField(t, ed, path) }
		ed.set(field("currency"), "EUR")
		ed.set(field("models[0].audio"), tt.rule)
		k, _ := audioAddon(obj(list(ed.tree["models"])[0]))
		path := "models[0].addons[" + strconv.Itoa(k) + "]." + tt.rule
		ed.set(field(path), tt.typed)
		ed.check()
		if got := ed.errs[path]; got != tt.want {
			t.Errorf("%s, audio %s %q: %q, want %q", tt.profile, tt.rule, tt.typed, got, tt.want)
		}
		// As a rate's price of the same profile says it, but for the label.
		rate := field("models[0].rates[0].per_second")
		ed.set(rate, tt.typed)
		ed.check()
		if a, r := strings.TrimPrefix(ed.errs[path], field(path).Label), strings.TrimPrefix(ed.errs[rate.Path], rate.Label); a != r {
			t.Errorf("%s %q: the audio's price says %q, a rate's %q", tt.profile, tt.typed, ed.errs[path], ed.errs[rate.Path])
		}
	}
}

// TestEditorUnitNamed: LTX Studio's credits are "computing seconds"; "5 s"
// typed as one of its rates said "is in credits, not seconds", which
// confused (its credits are seconds). The message names them as it does.
func TestEditorUnitNamed(t *testing.T) {
	ed, err := newProfileEditor(cloneProfile(catalogProfile(t, "ltx-studio"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	f := editorField(t, ed, "models[0].rates[0].per_clip")
	for _, tt := range []struct{ typed, want string }{
		{"5 s", "Computing seconds per clip is in computing seconds, not seconds of video: type the number alone."},
		{"$5", "Computing seconds per clip is in computing seconds, not money: type the number alone."},
		{"5", ""},
	} {
		ed.set(f, tt.typed)
		ed.check()
		if got := ed.errs[f.Path]; got != tt.want {
			t.Errorf("%s %q: %q, want %q", f.Label, tt.typed, got, tt.want)
		}
	}
}

// editExported opens /profiles with a clone of Runway saved as the
// person's own, its export shown, and an editor on it, not yet the page's.
func editExported(t *testing.T) (*profilesPage, *profileEditor) {
	t.Helper()
	s := cliplog.NewMemStore()
	useStore(t, s)
	p := cloneProfile(catalogProfile(t, "runway"), never)
	if err := saveCustom(s, p, ""); err != nil {
		t.Fatal(err)
	}
	c, _ := loadProfilesPage(t)
	c.export(p.ID)
	ed, err := newProfileEditor(p, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c, ed
}

// saveEdited saves ed as the page's editor, and fails the test if it was
// not saved.
func saveEdited(t *testing.T, c *profilesPage, ed *profileEditor) {
	t.Helper()
	c.ed = ed
	c.onEdSave(app.Context{}, app.Event{Value: app.Null()})
	if c.ed != nil {
		t.Fatalf("not saved: %v %q", ed.errs, ed.general)
	}
}

// TestProfileExportFollowsSave: a profile's export open while the profile
// is edited and saved shows the saved profile, not the one before. It
// kept the JSON of the export click: a person who exported, corrected a
// price and downloaded got the old price.
func TestProfileExportFollowsSave(t *testing.T) {
	c, ed := editExported(t)
	if !strings.Contains(c.exportText, `"monthly": "15"`) {
		t.Fatalf("the export lacks the plan's price: %s", c.exportText[:200])
	}
	ed.set(editorField(t, ed, "plans[0].monthly"), "17")
	saveEdited(t, c, ed)
	if c.exportID != ed.origID || strings.Contains(c.exportText, `"monthly": "15"`) || !strings.Contains(c.exportText, `"monthly": "17"`) {
		t.Errorf("after the save, the export of %q shows the price before it", c.exportID)
	}
}

// TestProfileExportFollowsRename: an export open while its profile's id
// is changed in the editor and saved stays open, as the profile under its
// new id. It was looked up by the old id after the save, found nothing and
// closed without a word.
func TestProfileExportFollowsRename(t *testing.T) {
	c, ed := editExported(t)
	ed.set(editorField(t, ed, "name"), "Runway, my rates")
	ed.set(editorField(t, ed, "id"), "runway-mine")
	saveEdited(t, c, ed)
	if c.exportID != "runway-mine" || !strings.Contains(c.exportText, `"id": "runway-mine"`) ||
		!strings.Contains(c.exportText, `"name": "Runway, my rates"`) {
		t.Fatalf("after the rename, the export shown is %q: %.120s", c.exportID, c.exportText)
	}
	q, _ := c.find("runway-mine")
	if html := app.HTMLString(c.renderProfile(&q, true)); !strings.Contains(html, `download="runway-mine.json"`) {
		t.Error("the download is not named for the new id")
	}
}

// TestProfilesPrerendered: the generated /profiles, shown until the app
// starts (seconds on a phone), does not know the person's own profiles, so
// it does not say they have none; once the app reads the browser's
// storage, an empty one says so.
func TestProfilesPrerendered(t *testing.T) {
	useStore(t, nil) // as when the site is generated
	_, html := loadProfilesPage(t)
	if !strings.Contains(html, "Reading the profiles this browser keeps") || strings.Contains(html, "no profiles of your own") {
		t.Errorf("the generated page says of the person's own profiles: %q", mineText(html))
	}
	useStore(t, cliplog.NewMemStore())
	if _, html := loadProfilesPage(t); !strings.Contains(html, "You have no profiles of your own yet.") {
		t.Errorf("an empty browser's page says: %q", mineText(html))
	}
}

// mineText is the sentence /profiles says of the person's own profiles.
func mineText(html string) string {
	m := regexp.MustCompile(`<p>([^<]*) They are kept in this browser only`).FindStringSubmatch(html)
	if m == nil {
		return ""
	}
	return m[1]
}

// TestEditorNameCarriesID: a new profile's id and platform follow its
// name until the person types them: a blank profile named "Acme Video"
// was saved as "my-platform" on a platform called "My platform", which
// /compare showed on its rows. A saved profile keeps its id (links name
// it), a clone its "-custom" id, and a typed id or platform stays typed.
func TestEditorNameCarriesID(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	if err := saveCustom(s, blankProfile(never), ""); err != nil { // takes my-platform
		t.Fatal(err)
	}
	c, _ := loadProfilesPage(t)
	blank := blankProfile(c.taken)
	if blank.ID != "my-platform-2" {
		t.Fatalf("blank id %q", blank.ID)
	}
	typeName := func(p pricing.Profile, origID string, typed map[string]string, name string) *profileEditor {
		t.Helper()
		ed, err := newProfileEditor(p, origID)
		if err != nil {
			t.Fatal(err)
		}
		ed.follow = p.ID == blank.ID // as the "new" action opens a blank profile
		c.ed = ed
		for path, v := range typed {
			c.edit(editorField(t, ed, path), v)
		}
		for i := range name { // as typed, a key at a time
			if utf8.RuneStart(name[i]) {
				c.edit(editorField(t, ed, "name"), name[:i])
			}
		}
		c.edit(editorField(t, ed, "name"), name)
		return ed
	}
	tests := []struct {
		what         string
		ed           *profileEditor
		id, platform string
	}{
		{"a blank profile", typeName(blank, "", nil, "Acme Video 2.0"), "acme-video-2-0", "Acme Video 2.0"},
		{"its platform typed", typeName(blank, "", map[string]string{"platform": "Acme"}, "Acme Video"), "acme-video", "Acme"},
		{"its id typed", typeName(blank, "", map[string]string{"id": "acme"}, "Acme Video"), "acme", "Acme Video"},
		{"a name of no letters", typeName(blank, "", nil, "…"), "my-platform-2", "…"},
		{"a name taken", typeName(blank, "", nil, "My platform"), "my-platform-2", "My platform"},
		{"a clone", typeName(cloneProfile(catalogProfile(t, "runway"), c.taken), "", nil, "Runway mine"), "runway-custom", "Runway"},
		{"a saved profile", typeName(mustProfile(t, c, "my-platform"), "my-platform", nil, "Renamed"), "my-platform", "My platform"},
	}
	for _, tt := range tests {
		if id, platform := str(tt.ed.tree["id"]), str(tt.ed.tree["platform"]); id != tt.id || platform != tt.platform {
			t.Errorf("%s: id %q, platform %q; want %q, %q", tt.what, id, platform, tt.id, tt.platform)
		}
	}
	c.ed = tests[0].ed
	c.onEdSave(app.Context{}, app.Event{Value: app.Null()})
	if p, ok := c.find("acme-video-2-0"); c.ed != nil || !ok || p.Platform != "Acme Video 2.0" {
		t.Errorf("saved: editor %v, found %v, platform %q", c.ed != nil, ok, p.Platform)
	}
}

func mustProfile(t *testing.T, c *profilesPage, id string) pricing.Profile {
	t.Helper()
	p, ok := c.find(id)
	if !ok {
		t.Fatalf("no profile %s", id)
	}
	return p
}

// TestEditorDraftKept: the profile being edited comes back, as it was
// left, after a reload or a visit to another page (the tab's own storage):
// the editor closed and every field typed into it was lost. A value that
// could not be read comes back with its message; a closed editor, or an
// edit of a profile deleted since, does not come back.
func TestEditorDraftKept(t *testing.T) {
	s, tab := cliplog.NewMemStore(), cliplog.NewMemStore()
	useStore(t, s)
	oldTab := tabStore
	tabStore = func() cliplog.Store { return tab }
	t.Cleanup(func() { tabStore = oldTab })

	c, _ := loadProfilesPage(t)
	ed, err := newProfileEditor(blankProfile(c.taken), "")
	if err != nil {
		t.Fatal(err)
	}
	ed.follow = true
	c.ed = ed
	c.edit(editorField(t, ed, "name"), "Acme Video")
	c.edit(editorField(t, ed, "plans[0].credits"), "lots")
	c.keepEditor()

	back, _ := loadProfilesPage(t)
	if back.ed == nil {
		t.Fatal("after a reload the editor is closed")
	}
	if got := back.ed.text(editorField(t, back.ed, "name")); got != "Acme Video" {
		t.Errorf("name %q", got)
	}
	if got := back.ed.text(editorField(t, back.ed, "plans[0].credits")); got != "lots" || back.ed.bad["plans[0].credits"] == "" {
		t.Errorf("credits %q with message %q: the typed value and its message", got, back.ed.bad["plans[0].credits"])
	}
	if id := str(back.ed.tree["id"]); id != "acme-video" || !back.ed.follow {
		t.Errorf("id %q, still following the name: %v", id, back.ed.follow)
	}
	if !strings.Contains(back.status, "“Acme Video” is back") {
		t.Errorf("status %q", back.status)
	}

	back.ed = nil // saved or cancelled
	back.keepEditor()
	if again, _ := loadProfilesPage(t); again.ed != nil {
		t.Error("a closed editor came back")
	}

	tab.Put(editorDraftKey, `{"orig":"gone","tree":{"id":"gone","name":"Gone"}}`)
	if again, _ := loadProfilesPage(t); again.ed != nil {
		t.Error("the edit of a deleted profile came back")
	}
	if _, ok, _ := tab.Get(editorDraftKey); ok {
		t.Error("the edit of a deleted profile is still kept")
	}
}

// TestEditorAudio: a model's Native audio is picked in the editor with
// the catalog's meanings, its extra cost typed beside it, checked with a
// message naming the field, priced on a shot with audio, and kept through
// an export and an import. Every model of a person's own profile was "not
// stated", so a shot with audio was never priced on it.
func TestEditorAudio(t *testing.T) {
	ed, err := newProfileEditor(cloneProfile(catalogProfile(t, "runway"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	field := func(path string) editField { return editorField(t, ed, path) }
	const audio, price = "models[1].audio", "models[1].addons[0].per_second"
	if got := ed.text(field(audio)); got != "not_set" {
		t.Errorf("Gen-4 Turbo's audio shows %q, want not_set", got)
	}
	var values []string
	for _, c := range field(audio).Choices {
		values = append(values, c.Value)
	}
	if want := []string{"not_set", "none", "included", "per_second", "per_clip", "unpriced"}; !slices.Equal(values, want) {
		t.Errorf("audio choices %v, want %v", values, want)
	}

	// An extra cost per second: its price is to be typed, and the field
	// says so until it is.
	ed.set(field(audio), "per_second")
	f := field(price)
	if f.Label != "Audio" || f.After != "credits per second" {
		t.Errorf("the price's label is %q, its unit %q; want Audio, credits per second", f.Label, f.After)
	}
	for _, tt := range []struct{ typed, want string }{
		{"", "Audio is empty: type what audio adds to a clip, or pick another Native audio."},
		{"abc", "Audio must be a number, like 30 or 1,200.50."},
		{"-2", "Audio cannot be negative."},
	} {
		if tt.typed != "" {
			ed.set(f, tt.typed)
		}
		if _, ok := ed.check(); ok || ed.errs[price] != tt.want {
			t.Errorf("price %q: %q, want %q (general %q)", tt.typed, ed.errs[price], tt.want, ed.general)
		}
	}
	ed.set(f, "2")
	p, ok := ed.check()
	if !ok {
		t.Fatalf("check: %v %q", ed.errs, ed.general)
	}
	m := p.Models[1]
	if m.Audio != pricing.AudioAddon || len(m.Addons) != 1 || m.Addons[0].Kind != pricing.AddonAudio ||
		!m.Addons[0].PerSecond.Decimal.Equal(decimal.NewFromInt(2)) || m.Source != (pricing.Source{}) {
		t.Errorf("Gen-4 Turbo with audio: %+v", m)
	}
	// 10 s: 5 credits/s × 10 + 2 credits/s of audio × 10.
	u, err := p.Usage(m.ID, pricing.Shot{Seconds: decimal.NewFromInt(10), Res: pricing.Res720p, Addons: []pricing.AddonKind{pricing.AddonAudio}})
	if err != nil || !u.Units.Equal(decimal.NewFromInt(70)) {
		t.Errorf("10 s with audio: %v %v", u.Units, err)
	}

	// Kept through an export and an import.
	back, err := importProfile([]byte(exportProfile(p)))
	if err != nil || back.Models[1].Audio != pricing.AudioAddon || !back.Models[1].Addons[0].PerSecond.Decimal.Equal(decimal.NewFromInt(2)) {
		t.Errorf("exported and imported: %+v, %v", back.Models[1], err)
	}

	// Per clip carries the number over; the other choices drop the add-on.
	ed.set(field(audio), "per_clip")
	if got := ed.text(field("models[1].addons[0].per_clip")); got != "2" {
		t.Errorf("per clip shows %q, want the 2 carried over", got)
	}
	for _, tt := range []struct {
		choice string
		want   pricing.AudioSupport
	}{
		{"included", pricing.AudioIncluded},
		{"none", pricing.AudioNone},
		{"unpriced", pricing.AudioUnpriced},
		{"not_set", pricing.AudioNotStated},
	} {
		ed.set(field(audio), tt.choice)
		p, ok := ed.check()
		if !ok || p.Models[1].Audio != tt.want || len(p.Models[1].Addons) != 0 || ed.text(field(audio)) != tt.choice {
			t.Errorf("%s: audio %q, add-ons %v, %v %q", tt.choice, p.Models[1].Audio, p.Models[1].Addons, ed.errs, ed.general)
		}
	}

	// An API's audio price is money; one priced per started block (its
	// JSON's) is kept as it is.
	ed, err = newProfileEditor(cloneProfile(catalogProfile(t, "fal"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range list(ed.tree["models"]) {
		if str(obj(m)["id"]) == "veo-3" {
			mp := "models[" + strconv.Itoa(i) + "]"
			if got := ed.text(editorField(t, ed, mp+".audio")); got != "per_second" {
				t.Errorf("fal's Veo 3 audio shows %q", got)
			}
			if f := editorField(t, ed, mp+".addons[0].per_second"); f.Label != "Audio" || f.After != "USD per second" || !f.Money || ed.text(f) != "0.2" {
				t.Errorf("fal's Veo 3 audio price: %+v shows %q", f, ed.text(f))
			}
		}
	}
	ed, err = newProfileEditor(cloneProfile(catalogProfile(t, "pixverse-api"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	if f := editorField(t, ed, "models[0].audio"); ed.text(f) != "addon" || f.Choices[len(f.Choices)-1].Value != "addon" {
		t.Errorf("PixVerse's audio shows %q of %v", ed.text(f), f.Choices)
	}
}
