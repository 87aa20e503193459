package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/aivc/aivc/pricing"
)

// shell is the common frame of every page: the header with the product name
// and the nav, the page itself, the footer, the "new version" banner and the
// install button. Routes (routes.go) wraps each page of the route table in a
// shell, so a page renders only its own <main>.
//
// In embed mode (the /embed page, framed by other sites) the shell shows no
// nav and never offers to install.
//
// Once the wasm app has mounted the page and run its first updates, the shell
// sets <body data-wasm="ready">; browser tests wait for it after a page load.
// (In-app navigation keeps the shell, so the mark stays; a test that
// navigates in the app waits for its page's own content.)
//
// The shell renders the same markup when prerendered and in the browser; the
// banner and the install button appear later in fixed or reserved places, so
// the page does not move when the wasm takes over.
type shell struct {
	_ pricing.NotComparable
	app.Compo

	Ipath    string // the route path of the page, for the nav and the title
	Iembed   bool
	Icontent app.UI // the page

	updateAvailable bool
	updateLater     bool // the person put the update off: the banner covered the form
	installable     bool
	appleHint       bool // show "Share → Add to Home Screen"

	// OnMount's context, for work after a render that removes the element
	// a handler came from (go-app drops a Defer whose element is gone).
	mounted app.Context
}

// newShell returns an empty shell.
func newShell() *shell {
	return &shell{}
}

// Path sets the route path of the page the shell holds.
func (s *shell) Path(v string) *shell {
	s.Ipath = v
	return s
}

// Embed sets embed mode: no nav, no install button.
func (s *shell) Embed(v bool) *shell {
	s.Iembed = v
	return s
}

// Content sets the page the shell holds.
func (s *shell) Content(v app.UI) *shell {
	s.Icontent = v
	return s
}

var (
	_ app.PreRenderer  = (*shell)(nil)
	_ app.Mounter      = (*shell)(nil)
	_ app.Dismounter   = (*shell)(nil)
	_ app.Navigator    = (*shell)(nil)
	_ app.AppUpdater   = (*shell)(nil)
	_ app.AppInstaller = (*shell)(nil)
)

// OnPreRender sets the page's title and description in the generated HTML.
func (s *shell) OnPreRender(ctx app.Context) {
	s.setPageInfo(ctx)
}

// OnMount reads the update and install state, then marks the app ready.
func (s *shell) OnMount(ctx app.Context) {
	s.mounted = ctx
	s.updateAvailable = ctx.AppUpdateAvailable()
	s.installable = !s.Iembed && ctx.IsAppInstallable()

	// The pages' own OnMount and OnNav are already queued behind this one.
	// A dispatch queued now runs after them, and its Defer after the update
	// that follows, so "ready" means the page has rendered its first state.
	ctx.Dispatch(func(ctx app.Context) {
		ctx.Defer(func(app.Context) {
			bodyData().Set("wasm", "ready")
		})
	})
}

// OnDismount clears the ready mark while in-app navigation swaps pages; the
// next page's shell sets it again.
func (s *shell) OnDismount() {
	if app.IsClient {
		bodyData().Delete("wasm")
	}
}

// OnNav keeps the title and the install button right after in-app
// navigation (go-app keeps the shell and swaps its page).
func (s *shell) OnNav(ctx app.Context) {
	keepLink(ctx.Page().URL())
	s.setPageInfo(ctx)
	s.installable = !s.Iembed && ctx.IsAppInstallable()
}

// OnAppUpdate shows the "new version" banner.
func (s *shell) OnAppUpdate(ctx app.Context) {
	s.updateAvailable = ctx.AppUpdateAvailable()
}

// OnAppInstallChange shows or hides the install button.
func (s *shell) OnAppInstallChange(ctx app.Context) {
	s.installable = !s.Iembed && ctx.IsAppInstallable()
}

// Render draws the frame around the page.
func (s *shell) Render() app.UI {
	class := "shell"
	if s.Iembed {
		class += " shell-embed"
	}
	var header, banner, hint app.UI
	if !s.Iembed {
		header = s.renderHeader()
	}
	if s.updateAvailable && !s.updateLater {
		banner = s.renderUpdateBanner()
	}
	if s.appleHint {
		hint = s.renderAppleHint()
	}
	return elem("div", class,
		header,
		s.Icontent,
		s.renderFooter(),
		// Each toast in a live region of its own that is always there:
		// put in among the shell's children, the banner took the place of
		// the live region below, which go-app made again after it, and a
		// region put in with its words is not heard (see slot).
		attrs(elem("div", "", banner), "id", "update-banner-region", "role", "status"),
		attrs(elem("div", "", hint), "id", "install-hint-region", "role", "status"),
		// The live region web/early.js reads a page's results into once
		// typing pauses: as live regions themselves they were read out at
		// every keystroke.
		attrs(elem("p", "visually-hidden"), "id", "announce", "role", "status", "aria-live", "polite"),
	)
}

func (s *shell) renderHeader() app.UI {
	var links []app.UI
	for _, p := range pages {
		if p.nav == "" {
			continue
		}
		href := p.path
		if f := navLinks()[p.path]; f != "" {
			href += "#" + f
		}
		a := textElem("a", "", p.nav).Attr("href", href)
		if p.path == s.Ipath {
			a = a.Attr("aria-current", "page")
		}
		links = append(links, elem("li", "", a))
	}
	var install app.UI
	if s.installable {
		install = textElem("button", "install", "Install app").
			ID("install").
			Attr("type", "button").
			On("click", s.onInstall)
	}
	return elem("header", "site-header",
		// The first stop of the keyboard: past the header and nav. Not a
		// plain #main link, which would replace the link state in the
		// fragment: web/early.js moves the focus instead.
		textElem("a", "skip-link", "Skip to content").Attr("href", "#main"),
		elem("a", "brand",
			elem("span", "brand-icon"), // drawn by app.css: decorative
			textElem("span", "brand-name", "AIVC"),
			textElem("span", "brand-tag", "AI video cost calculator"),
		).Attr("href", "/"),
		elem("nav", "site-nav", elem("ul", "", links...)).Attr("aria-label", "Main"),
		install,
	)
}

func (s *shell) renderFooter() app.UI {
	if s.Iembed {
		// Named, not linked: the frame's one link to the site is the
		// page's own, with the reader's state (app/embed.go, renderFull).
		return elem("footer", "site-footer", textElem("p", "", "AIVC — AI video cost calculator"))
	}
	return elem("footer", "site-footer",
		textElem("p", "", "Every calculation runs on your device; nothing you type leaves it. Works offline once loaded."),
		textElem("p", "", "Prices come from the platforms' public pages. Each one names its source and the date it was read; check before you buy."),
	)
}

func (s *shell) renderUpdateBanner() app.UI {
	return s.renderToast("update-banner", "A new version of AIVC is available.", "Reload", s.onReload,
		textElem("button", "secondary", "Later").Attr("type", "button").On("click", s.onLater))
}

func (s *shell) renderAppleHint() app.UI {
	return s.renderToast("install-hint", "To install AIVC, open the Share menu and choose “Add to Home Screen”.", "OK", s.onCloseHint)
}

// renderToast is a message with a button (and more), fixed at the bottom
// of the page; Render puts it in its live region.
func (s *shell) renderToast(id, text, button string, onClick app.EventHandler, more ...app.UI) app.UI {
	return elem("div", "toast", append([]app.UI{
		textElem("span", "", text),
		textElem("button", "", button).Attr("type", "button").On("click", onClick),
	}, more...)...).ID(id)
}

func (s *shell) onReload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

// onLater hides the update banner until the next page load, which brings
// the new version anyway: fixed at the bottom, it covered the end of a
// form (/log's, in a 1280×757 window) and had no other way out but Reload.
func (s *shell) onLater(ctx app.Context, e app.Event) {
	s.updateLater = true
	// The button goes: the focus, left on nothing, would start again at
	// the page's top. It goes to the page's content, as the skip link's.
	// (Not ctx.Defer: the button's context, gone with it, runs nothing.)
	if app.IsClient {
		s.mounted.Defer(func(app.Context) {
			if main := app.Window().Get("document").Call("querySelector", "main"); main.Truthy() {
				main.Set("tabIndex", -1)
				main.Call("focus")
			}
		})
	}
}

func (s *shell) onInstall(ctx app.Context, e app.Event) {
	if ctx.IsAppleBrowser() {
		// Apple browsers have no install prompt to show.
		s.appleHint = true
		return
	}
	ctx.ShowAppInstallPrompt()
}

func (s *shell) onCloseHint(ctx app.Context, e app.Event) {
	s.appleHint = false
}

func (s *shell) setPageInfo(ctx app.Context) {
	p := pageInfo(s.Ipath)
	if s.Ipath == EmbedPath && parseEmbedOptions(linkState(ctx.Page().URL())).View == viewCompare {
		// The frame's document is named for the view it shows, as the
		// snippet names the frame (embedName): a screen reader gives it for
		// the frame's content, and a frame opened in a tab of its own
		// showed the ranking as "AI video cost calculator". (A constant:
		// embedName("/compare") joined at run time cost 186 bytes more.)
		// Its description is /compare's, which describes the ranking: the
		// calculator's was given for the ranking too.
		p.title = "AI video cost comparison — AIVC"
		p.desc = pageInfo("/compare").desc
	}
	if p.title != "" {
		ctx.Page().SetTitle("%s", p.title)
	}
	if p.desc != "" {
		ctx.Page().SetDescription("%s", p.desc)
	}
}

// bodyData is document.body.dataset.
func bodyData() app.Value {
	return app.Window().Get("document").Get("body").Get("dataset")
}
