package app

import (
	"strconv"
	"strings"
	"testing"
)

// TestFiguresShown: where the research gives a range or two figures and
// the catalog takes one (pricing's TestResearchFigures), each page that
// shows the price says which figure it took, beside it: Flow's Ultra
// plan has 25,000 credits a month where Google One help gives 12,500, and
// Higgsfield's Kling 3.0 costs 10 credits, the top of 7–10. It was only
// in the JSON's source notes, and /profiles.
func TestFiguresShown(t *testing.T) {
	const ultra = "Google AI Ultra: 25,000 credits a month is the later of two figures (toolcolumn.com, buzzrag.com); " +
		"Google One help gives 12,500, at which a credit costs twice as much."
	const kling3 = "Kling 3.0: 10 credits, the top of the 7–10 its source gives."

	// The calculator: under the plan picker, and in the credits per
	// clip's working.
	c, _ := loadCalculator(t, "/#profile=google-flow&plan=ai-ultra&model=veo-3-1-quality&res=720p&dur=8")
	if !strings.HasSuffix(c.choices.planHint, " "+ultra) {
		t.Errorf("calculator, Ultra's hint: %q", c.choices.planHint)
	}
	c, _ = loadCalculator(t, "/#profile=higgsfield&plan=plus&model=kling-3-0&res=720p&dur=5")
	if w := c.rows[1].Working; c.rows[1].ID != idCreditsPerClip || !strings.HasSuffix(w, " "+kling3) {
		t.Errorf("calculator, Kling 3.0's credits per clip: %q", w)
	}

	// /compare: under the row's evidence, and in the Markdown and CSV.
	cmp, html := loadCompare(t, "/compare#dur=5&res=720p&tier=standard&billing=monthly&platforms=higgsfield")
	if !strings.Contains(pageText(html), kling3) {
		t.Errorf("/compare does not say %q", kling3)
	}
	if _, html := loadCompare(t, "/compare#dur=8&res=720p&tier=premium&billing=monthly&platforms=google-flow"); !strings.Contains(pageText(html), ultra) {
		t.Errorf("/compare does not say %q", ultra)
	}
	if md := cmp.table.Markdown(); !strings.Contains(md, strings.TrimSuffix(kling3, ".")) {
		t.Errorf("/compare's Markdown does not say %q", kling3)
	}
	if csv := cmp.table.CSV(); !strings.Contains(csv, strings.TrimSuffix(kling3, ".")) {
		t.Errorf("/compare's CSV does not say %q", kling3)
	}

	// /plan: under the month's credits.
	p := openPlanner(t, "mix=b:20:5:720p:standard:1")
	for _, l := range p.results {
		if l.ID == "higgsfield" && sentence(l.Figures) != kling3 {
			t.Errorf("/plan, Higgsfield's month: figures %q", l.Figures)
		}
	}
	p = openPlanner(t, "mix=b:200:8:720p:premium:1") // 200 × 100 credits: Ultra
	found := false
	for _, l := range p.results {
		if l.ID == "google-flow" {
			found = true
			if !strings.HasPrefix(l.Way, "Google AI Ultra") || sentence(l.Figures) != ultra {
				t.Errorf("/plan, Flow's month: %q, figures %q", l.Way, l.Figures)
			}
		}
	}
	if !found {
		t.Error("/plan: Flow cannot make the mix")
	}
}

// TestFigureGoesWithTheSource: a number changed in the profile editor is
// the person's own: it loses the bundled source, and the words saying
// which of the sources' figures it was ("the later of two figures").
func TestFigureGoesWithTheSource(t *testing.T) {
	ed, err := newProfileEditor(cloneProfile(catalogProfile(t, "google-flow"), never), "")
	if err != nil {
		t.Fatal(err)
	}
	i := len(list(ed.tree["plans"])) - 1 // AI Ultra
	ed.set(editorField(t, ed, "plans["+strconv.Itoa(i)+"].credits"), "12500")
	p, ok := ed.check()
	if !ok || p.Plans[i].ID != "ai-ultra" || p.Plans[i].Figure != "" {
		t.Errorf("Ultra typed 12,500: %v, %s, figure %q", ok, p.Plans[i].ID, p.Plans[i].Figure)
	}
	if figs := p.Figures("", "veo-3-1-fast"); len(figs) != 1 {
		t.Errorf("a model not changed lost its figure: %q", figs)
	}
}
