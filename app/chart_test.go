package app

import (
	"strings"
	"testing"

	"github.com/aivc/aivc/cliplog"
)

// TestChartMarkSaid: every chart that draws a darker bar says what it is,
// in a legend under it (in its figure, read after the chart) and beside
// the marked value in its table: /compare's cheapest and /log's most
// spent, as /plan's cheaper at each size. /compare's and /log's darker
// bar had no legend and no words for a screen reader.
func TestChartMarkSaid(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	for _, project := range []string{"Launch", "Blog"} {
		typeClip(c, map[string]string{"model": "gen-4-turbo", "dur": "5", "project": project})
		if !c.save(false) {
			t.Fatalf("save: %q %v", c.clipMsg, c.errs)
		}
	}
	c.values["chart"] = "project"
	c.edited("chart")
	_, compareHTML := loadCompare(t, "")
	for _, p := range []struct {
		page, html, id, mark string
		one                  bool // one darker bar
	}{
		{"/log", logHTML(t, c), "log-chart", "the most spent", true},
		{"/compare", compareHTML, "cmp-chart", "the cheapest", true},
		{"/plan", render(t, openPlanner(t, "mix=broll:20:10:720p:fast:1")), "plan-chart", "the cheaper at that size", false},
	} {
		// go-app writes attributes in any order.
		_, figure, ok := strings.Cut(p.html, `id="`+p.id+`"`)
		figure, _, _ = strings.Cut(figure, "</figure>")
		marked := strings.Count(figure, `class="chart-bar chart-bar-mark"`)
		said := strings.Count(figure, " ("+p.mark+")</td>")
		if !ok || marked == 0 || said != marked || !strings.Contains(figure, `<p class="chart-legend">Darker bar: `+p.mark+`.</p>`) {
			t.Errorf("%s: %d darker bars, %d said, legend %v:\n%s", p.page, marked, said, strings.Contains(figure, "chart-legend"), figure)
		}
		if bars := strings.Count(figure, `class="chart-bar`); p.one && (marked != 1 || bars < 2) {
			t.Errorf("%s: %d darker bars of %d, want 1\n%s", p.page, marked, bars, figure)
		}
	}
}
