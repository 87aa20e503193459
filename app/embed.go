package app

import (
	"net/url"
	"strings"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embed is the page at /embed: the calculator (or, with view=compare, the
// ranking of /compare), compact, for a frame in another site — a blog
// article that pasted the snippet of the "Share & embed" section
// (share.go). The shell shows it without nav, install button or update
// banner; links open in a new tab, since every other page refuses to be
// framed.
//
// It is set up by the URL fragment, with the full pages' keys for the
// state ("/embed#profile=runway&model=gen4&dur=10", "/embed#view=compare&dur=10&res=1080p")
// and three keys of its own:
//
//	view    calc (default) or compare
//	theme   auto (default: the reader's system), light or dark
//	accent  a colour for links and buttons: "ff5500", "f50" or "%23ff5500";
//	        anything else keeps the site's own
//
// Bad values of these three fall back to the default, silently: the reader
// of an article cannot fix the author's snippet.
//
// The frame's own script, web/embed-frame.js, is loaded by the prerendered
// page before go-app's scripts. In the frame it:
//
//   - posts the page's height to the parent ({type: "aivc:height", height}),
//     from a ResizeObserver, for /embed.js on the host page to size the
//     iframe (no inner scrollbar, no empty gap); once /embed.js has asked,
//     the page does not scroll inside the frame, since a scrollbar of its
//     own narrowed the page and the height posted was the narrower page's,
//     unless the host's style holds the frame shorter than asked (then it
//     scrolls, for good, a second after asking);
//   - replaces localStorage and sessionStorage with memory stores when
//     they throw (third-party storage blocked): go-app reads localStorage
//     when it starts, and a throw would stop the wasm. The embed itself
//     keeps nothing: its state is the fragment, and nothing is read from
//     storage (with storage partitioned, the clip log and custom profiles
//     of the full app are not there anyway);
//   - keeps go-app from registering its service worker when framed: in a
//     frame it would precache the whole site (every page, app.wasm) in
//     the storage partition of each blog, serve the embed cache-first so
//     readers got the previous version after a deploy, and show its update
//     banner inside the article — and where a browser blocks service
//     workers in frames it only logs an error. The embed does not need it:
//     a reader of an online article is online;
//   - sets the theme before the first paint (the wasm applies theme and
//     accent again, authoritatively, when it runs);
//   - makes every link but a download open in a new tab, and keeps the
//     href of a link with data-follow to the page's state (the fragment,
//     less the embed's own keys) at all times: a copied, dragged or
//     middle-clicked link is read without a click.
//
// go-app's install prompt never shows: the shell hides it in embed mode,
// and browsers do not fire beforeinstallprompt in frames.
type embed struct {
	_ pricing.NotComparable
	app.Compo

	opts embedOptions
	page app.UI // the calculator or the ranking
}

// embedOptions are the embed's own settings, read from a link.
type embedOptions struct {
	View   string // viewCalc or viewCompare
	Theme  string // "light", "dark", or "" for the reader's system
	Accent string // "#rrggbb", or "" for the site's accent
}

// Views of the embed.
const (
	viewCalc    = "calc"
	viewCompare = "compare"
)

// embedKeys are the link keys of the embed's own options.
var embedKeys = []string{"view", "theme", "accent"}

// frameScript is the frame side of the embed (web/embed-frame.js).
const frameScript = "/web/embed-frame.js"

var (
	_ app.Initializer = (*embed)(nil)
	_ app.Navigator   = (*embed)(nil)
)

// newEmbed returns the embed page.
func newEmbed() *embed {
	return &embed{}
}

// OnInit reads the options of the link the frame was opened with, so the
// first render shows the right view.
func (e *embed) OnInit() {
	if e.page != nil {
		return
	}
	e.setOptions(parseEmbedOptions(linkState(pageURL())))
}

// OnNav applies a new link (the live preview of the Share section changes
// the frame's fragment as the page's state changes) and the look.
func (e *embed) OnNav(ctx app.Context) {
	was := e.opts
	e.setOptions(parseEmbedOptions(linkState(ctx.Page().URL())))
	if app.IsClient {
		applyLook(e.opts)
	}
	if e.opts == was {
		ctx.PreventUpdate() // nothing new to draw (see calculator.OnNav)
	}
}

func (e *embed) Render() app.UI {
	var script app.UI
	if app.IsServer {
		// Prerendered only: the browser runs it while parsing, before
		// go-app's scripts; go-app's first render then drops the element.
		script = el("script").Attr("src", frameScript)
	}
	return elem("div", "embed embed-"+e.opts.View, script, e.page, e.renderFull())
}

// renderFull renders the frame's one link to the site: the full page of
// its view, in a landmark of its own (outside one, a screen reader's list
// of the page's parts would miss it). The pages keep their state in the
// fragment, and embed-frame.js keeps the href to data-follow and the
// fragment, less the embed's own keys (embedKeys), at all times. The
// framed pages and the shell's footer link nowhere else in the site: the
// calculator linked to it four ways (the ranking, /plan, the full
// calculator, the footer's credit), and the ranking once a row more.
func (e *embed) renderFull() app.UI {
	path, text, name := "/", "Open the full calculator", "Full calculator"
	if e.opts.View == viewCompare {
		path, text, name = "/compare", "Open the full comparison", "Full comparison"
	}
	return elem("nav", "embed-full",
		attrs(textElem("a", "", text), "id", "embed-full", "href", path,
			"data-follow", path, "target", "_blank", "rel", "noopener"),
	).Attr("aria-label", name)
}

// setOptions keeps the options and makes the view's page when the view
// changes. The page reads its own state from the URL when it starts.
func (e *embed) setOptions(o embedOptions) {
	// The frame's wasm is the embed alone, and it reads nothing of the
	// device's storage: a reader's clip log set the framed calculator's
	// generations per kept clip, and their own profiles its platforms,
	// where the blog and the app shared storage.
	deviceStore = func() cliplog.Store { return nil }
	if e.page != nil && o.View == e.opts.View {
		e.opts = o
		return
	}
	e.opts = o
	if o.View == viewCompare {
		e.page = newCompare().Framed(true)
		return
	}
	e.page = newCalculator().Compact(true)
}

// parseEmbedOptions reads the embed's options from a link's values; a
// missing or bad value gives the default.
func parseEmbedOptions(v url.Values) embedOptions {
	o := embedOptions{View: viewCalc}
	if strings.EqualFold(v.Get("view"), viewCompare) {
		o.View = viewCompare
	}
	switch t := strings.ToLower(v.Get("theme")); t {
	case "light", "dark":
		o.Theme = t
	}
	o.Accent, _ = parseHexColor(v.Get("accent"))
	return o
}

// parseHexColor reads a colour written as 3 or 6 hex digits, with or
// without "#", and returns it as "#rrggbb" in lower case. Nothing else is
// a colour here: no names, no rgb(), no alpha, no spaces inside.
func parseHexColor(s string) (string, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 3 && len(s) != 6 {
		return "", false
	}
	var b strings.Builder
	b.WriteByte('#')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9', 'a' <= c && c <= 'f':
		case 'A' <= c && c <= 'F':
			c += 'a' - 'A'
		default:
			return "", false
		}
		b.WriteByte(c)
		if len(s) == 3 {
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// accentText returns the text colour that reads on a background of the
// colour hex ("#rrggbb"): dark on light colours, white on dark ones (the
// YIQ brightness, as WCAG's contrast check would pick for most colours).
func accentText(hex string) string {
	if len(hex) != 7 {
		return "#ffffff"
	}
	n := func(i int) int {
		v := 0
		for _, c := range hex[i : i+2] {
			v *= 16
			if c >= 'a' {
				v += int(c-'a') + 10
			} else {
				v += int(c - '0')
			}
		}
		return v
	}
	if (299*n(1)+587*n(3)+114*n(5))/1000 >= 150 {
		return "#12121a"
	}
	return "#ffffff"
}

// applyLook sets the theme and the accent on <html>: data-theme, and the
// accent's custom properties through the CSSOM (the Content-Security-Policy
// forbids style attributes in markup, not the CSSOM).
func applyLook(o embedOptions) {
	root := app.Window().Get("document").Get("documentElement")
	if !root.Truthy() {
		return
	}
	setOrRemove := func(name, v string) {
		if v == "" {
			root.Call("removeAttribute", name)
			return
		}
		root.Call("setAttribute", name, v)
	}
	setOrRemove("data-theme", o.Theme)
	setOrRemove("data-accent", o.Accent)
	style := root.Get("style")
	if o.Accent == "" {
		style.Call("removeProperty", "--accent")
		style.Call("removeProperty", "--accent-text")
		return
	}
	style.Call("setProperty", "--accent", o.Accent)
	style.Call("setProperty", "--accent-text", accentText(o.Accent))
}
