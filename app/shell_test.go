package app

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func loadShell(t *testing.T, s *shell) {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(s); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
}

func TestShellFrame(t *testing.T) {
	s := newShell().Path("/").Content(el("main").ID("page"))
	loadShell(t, s)
	for _, tt := range []struct {
		what string
		want app.UI
		path []int
	}{
		{"the frame", el("div").Class("shell"), []int{0}},
		{"the header", el("header").Class("site-header"), []int{0, 0}},
		{"the skip link", el("a").Class("skip-link").Attr("href", "#main"), []int{0, 0, 0}},
		{"the brand", el("a").Class("brand").Attr("href", "/"), []int{0, 0, 1}},
		{"the nav", el("nav").Class("site-nav").Aria("label", "Main"), []int{0, 0, 2}},
		{"the current page's link", el("a").Attr("href", "/").Aria("current", "page"), []int{0, 0, 2, 0, 0, 0}},
		{"the page", el("main").ID("page"), []int{0, 1}},
		{"the footer", el("footer").Class("site-footer"), []int{0, 2}},
	} {
		if err := app.Match(tt.want, s, tt.path...); err != nil {
			t.Errorf("%s: %v", tt.what, err)
		}
	}
}

func TestShellEmbed(t *testing.T) {
	s := newShell().Path(EmbedPath).Embed(true).Content(el("main").ID("page"))
	loadShell(t, s)
	// No header (nav, install): the page comes first, then the footer.
	if err := app.Match(el("div").Class("shell shell-embed"), s, 0); err != nil {
		t.Error(err)
	}
	if err := app.Match(el("main").ID("page"), s, 0, 0); err != nil {
		t.Errorf("embed mode: the page should come first: %v", err)
	}
	if err := app.Match(el("footer").Class("site-footer"), s, 0, 1); err != nil {
		t.Error(err)
	}
	s.OnAppInstallChange(app.Context{}) // not installable in embed mode, whatever the browser says
	if s.installable {
		t.Error("embed mode offers to install")
	}
}

// TestUpdateLater: the update banner offers Reload and Later, and Later
// hides it (it had no way out but Reload, over the end of a form).
func TestUpdateLater(t *testing.T) {
	s := newShell().Path("/").Content(el("main").ID("page"))
	s.updateAvailable = true
	loadShell(t, s)
	html := app.HTMLString(s)
	if !strings.Contains(html, `id="update-banner"`) || !strings.Contains(html, ">Reload<") || !strings.Contains(html, ">Later<") {
		t.Fatalf("the banner: %s", html)
	}
	s = newShell().Path("/").Content(el("main").ID("page"))
	s.updateAvailable = true
	s.onLater(app.Context{}, app.Event{})
	loadShell(t, s)
	if strings.Contains(app.HTMLString(s), `id="update-banner"`) {
		t.Error("Later left the banner")
	}
}

func TestRouteTable(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range pages {
		if p.path == "" || p.path[0] != '/' || seen[p.path] {
			t.Errorf("bad or duplicate path %q", p.path)
		}
		seen[p.path] = true
		if p.title == "" || p.desc == "" || p.content == nil {
			t.Errorf("%s: needs a title, a description and content", p.path)
		}
		if p.embed != (p.path == EmbedPath) {
			t.Errorf("%s: only %s is the embed page", p.path, EmbedPath)
		}
	}
	if got := Pages(); len(got) != len(pages) || got[0] != "/" {
		t.Errorf("Pages() = %v", got)
	}
	if h := Handler("v"); h.Version != "v" || h.Icon.Default == "" || h.Icon.SVG == "" || h.Icon.Maskable == "" || h.Icon.Large == "" {
		t.Errorf("Handler: version or icons unset: %+v", h.Icon)
	}
}

// TestIsPage: the browser registers the not-found catch-all only when
// isPage says the address is not a page of the table, so every address
// that does not render a page of the table must be refused here.
func TestIsPage(t *testing.T) {
	for _, p := range Pages() {
		if !isPage(p) {
			t.Errorf("isPage(%q) = false for a page of the table", p)
		}
	}
	for _, p := range []string{"", "/no-such-page", NotFoundPath, "/compare/", "/Compare", "/compare.html", "/index.html", "//", "/log/x"} {
		if isPage(p) {
			t.Errorf("isPage(%q) = true, want false", p)
		}
	}
}

// Each page, counting its renders, for TestPagesRenderOnceAtStart.
type (
	countedCalculator struct {
		*calculator
		n *int
	}
	countedCompare struct {
		*compare
		n *int
	}
	countedPlanner struct {
		*planner
		n *int
	}
	countedProfiles struct {
		*profilesPage
		n *int
	}
	countedLog struct {
		*clipLog
		n *int
	}
	countedEmbed struct {
		*embed
		n *int
	}
)

func (c countedCalculator) Render() app.UI { *c.n++; return c.calculator.Render() }
func (c countedCompare) Render() app.UI    { *c.n++; return c.compare.Render() }
func (c countedPlanner) Render() app.UI    { *c.n++; return c.planner.Render() }
func (c countedProfiles) Render() app.UI   { *c.n++; return c.profilesPage.Render() }
func (c countedLog) Render() app.UI        { *c.n++; return c.clipLog.Render() }
func (c countedEmbed) Render() app.UI      { *c.n++; return c.embed.Render() }

// go-app dispatches OnMount in the browser only; these do it in the tests,
// with the page's context, before OnNav, as the browser does.
func (c countedPlanner) OnNav(ctx app.Context) { ctx.Dispatch(c.planner.OnMount); c.planner.OnNav(ctx) }
func (c countedProfiles) OnNav(ctx app.Context) {
	ctx.Dispatch(c.profilesPage.OnMount)
	c.profilesPage.OnNav(ctx)
}
func (c countedLog) OnNav(ctx app.Context) { ctx.Dispatch(c.clipLog.OnMount); c.clipLog.OnNav(ctx) }

// TestPagesRenderOnceAtStart: as the app starts, go-app mounts the page
// (its first render) and then calls the OnMount and OnNav of every
// component, and re-renders each one whose handler ran, and all the
// components above it, whether or not anything changed. Each page
// rendered and diffed its whole tree twice (~20 ms of the calculator's
// start, more on /compare and /log), for the same result.
func TestPagesRenderOnceAtStart(t *testing.T) {
	for _, tt := range []struct {
		path string
		page func(n *int) app.UI
	}{
		{"/", func(n *int) app.UI { return countedCalculator{newCalculator(), n} }},
		{"/compare", func(n *int) app.UI { return countedCompare{newCompare(), n} }},
		{"/plan", func(n *int) app.UI { return countedPlanner{newPlanner(), n} }},
		{"/profiles", func(n *int) app.UI { return countedProfiles{newProfiles(), n} }},
		{"/log", func(n *int) app.UI { return countedLog{newClipLog(), n} }},
		{EmbedPath, func(n *int) app.UI { return countedEmbed{newEmbed(), n} }},
	} {
		renders := 0
		e := app.NewTestEngine()
		nav := e.(interface{ Navigate(*url.URL, bool) })
		// The test engine has no routes: this loads its "not found" page,
		// and leaves an address the next navigation differs from.
		nav.Navigate(mustURL(t, "/#before"), false)
		if err := e.Load(newShell().Path(tt.path).Content(tt.page(&renders))); err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		nav.Navigate(mustURL(t, "/"), false) // every component's OnNav, as at the start
		e.ConsumeAll()
		if renders != 1 {
			t.Errorf("%s rendered %d times as it started; want 1", tt.path, renders)
		}
	}
	// A component in a page that is a Mounter re-renders the page too:
	// share names the site by the page's origin at its first render.
	if _, ok := any(&share{}).(app.Mounter); ok {
		t.Error("share has an OnMount: it re-renders the calculator and /compare as they start")
	}
}

// TestShellToastsKeepPlaces: the toasts come and go in status regions that
// are always there, so the shell's children keep their places: the banner,
// put in among them, moved the live region #announce to a place go-app
// filled with a new one (see slot), and a region put in with its words is
// not read out.
func TestShellToastsKeepPlaces(t *testing.T) {
	for _, state := range []struct{ update, hint bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
		s := newShell().Path("/").Content(el("main").ID("page"))
		s.updateAvailable, s.appleHint = state.update, state.hint
		loadShell(t, s)
		for _, tt := range []struct {
			what string
			want app.UI
			path []int
		}{
			{"the banner's region", el("div").ID("update-banner-region").Attr("role", "status"), []int{0, 3}},
			{"the hint's region", el("div").ID("install-hint-region").Attr("role", "status"), []int{0, 4}},
			{"the live region", el("p").Class("visually-hidden").ID("announce").Attr("role", "status").Aria("live", "polite"), []int{0, 5}},
		} {
			if err := app.Match(tt.want, s, tt.path...); err != nil {
				t.Errorf("banner %v, hint %v: %s: %v", state.update, state.hint, tt.what, err)
			}
		}
		html := app.HTMLString(s)
		if got := strings.Contains(html, `id="update-banner"`); got != state.update {
			t.Errorf("banner %v: the banner shown: %v", state.update, got)
		}
		if got := strings.Contains(html, `id="install-hint"`); got != state.hint {
			t.Errorf("hint %v: the hint shown: %v", state.hint, got)
		}
	}
}
