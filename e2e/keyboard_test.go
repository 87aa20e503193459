package e2e

import (
	"strings"
	"testing"
)

// walkPages are the pages reviewed with the keyboard alone and the
// accessibility tree: the calculator, /compare, /plan and the embed in
// both its views.
var walkPages = []string{"/", "/compare", "/plan", "/embed", "/embed#view=compare"}

// TestGroupsNamed: every group in the accessibility tree of the walked
// pages has a name. Chrome has a <details> as a group named by nothing
// of its summary: /plan's "Working" of each platform were five unnamed
// groups, and the calculator's bonus, /compare's platform filter and
// both lists of what cannot be made one each. /plan's say whose working
// they are.
func TestGroupsNamed(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tb := newTab(t, srv.URL)
	for _, path := range walkPages {
		tb.open(path)
		groups, unnamed := map[string]bool{}, 0
		for _, n := range axNodes(tb) {
			if n.Role == "group" {
				groups[n.Name] = true
				if n.Name == "" {
					unnamed++
				}
			}
		}
		if unnamed > 0 {
			t.Errorf("%s: groups without a name: %d", path, unnamed)
		}
		if path != "/plan" {
			continue
		}
		for _, platform := range eval[[]string](tb, `[...document.querySelectorAll(".plan-table tbody th")].map((th) => th.firstChild.textContent)`) {
			if !groups["Working for "+platform] {
				t.Errorf("/plan: no group is named “Working for %s”", platform)
			}
		}
	}
	tb.assertNoErrors()
}

// TestChartsHeardOnce: a chart is heard by its title, then its sentence,
// once. Named by both the SVG's <title> and its <desc>, and described by
// the <desc> as well, /compare's chart of costs and /plan's of the
// subscription against the API read their sentence twice.
func TestChartsHeardOnce(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tb := newTab(t, srv.URL)
	for _, c := range []struct{ path, title string }{
		{"/compare", "Cost per kept second (USD)"},
		{"/plan", "Money per month: subscription and API"},
	} {
		tb.open(c.path)
		var found bool
		for _, n := range axNodes(tb) {
			if n.Role != "image" {
				continue
			}
			found = true
			if n.Name != c.title || n.Desc == "" || strings.Contains(n.Name, n.Desc) {
				t.Errorf("%s: the chart is heard as %s, want the name “%s” and its sentence once, as the description", c.path, n, c.title)
			}
		}
		if !found {
			t.Errorf("%s: no chart in the accessibility tree", c.path)
		}
	}
	tb.assertNoErrors()
}
