package app

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file is the one route table of the site, and the *app.Handler
// settings. Both mains use it: wasm/main.go calls Routes and runs the app in
// the browser; internal/site (cmd/build) calls Routes and Handler and
// generates the static site, one prerendered HTML file per page.
//
// Every page is wrapped in the shell (shell.go): the table below names the
// page, and Routes puts it inside the common frame (header, nav, footer,
// update banner, install button). A page component therefore renders only
// its own <main>.
//
// Adding a page is one line in pages. The page then gets, with no other
// change: a route, a prerendered file (/compare → compare.html), a place in
// the service worker's precache (offline), a nav link when nav is set, its
// own title and description, and its headers in internal/site's table
// (run `go test ./internal/site -update` to rewrite netlify.toml).

// EmbedPath is the page made to be framed by other sites (blog embeds).
// Its headers allow any site to frame it; every other page refuses framing.
const EmbedPath = "/embed"

// page is one row of the route table.
type page struct {
	path    string        // URL path, "/compare"
	nav     string        // label in the header nav; "" keeps it out of the nav
	title   string        // <title> and og:title
	desc    string        // meta description
	embed   bool          // the compact frame view: no nav, no install button
	content func() app.UI // a fresh page component
}

// pages is the route table, in nav order.
//
// Coming: {path: "/compare", nav: "Compare", ...}, {path: "/plan", nav: "Plan", ...},
// {path: "/profiles", nav: "Profiles", ...}, {path: "/log", nav: "Log", ...},
// {path: EmbedPath, embed: true, ...}.
var pages = []page{
	{
		path:    "/",
		nav:     "Calculator",
		title:   "AIVC — AI video cost calculator",
		desc:    "What does one AI video clip really cost? Turn a plan's price and credits into cost per credit, per clip, per second and per kept clip. Runs on your device and works offline.",
		content: func() app.UI { return newCalculator() },
	},
	{path: "/compare", nav: "Compare", title: "Compare AI video platforms on one shot — AIVC", desc: "Every AI video platform's models priced on the same shot and ranked by cost per second of video you keep, with the plan behind each price and how fresh it is.", content: func() app.UI { return newCompare() }},
	{path: "/plan", nav: "Plan", title: "Plan a month of AI video — AIVC", desc: "A month of hero shots and b-roll priced the cheapest way on every AI video platform: plan, plan plus top-ups, packs or pay as you go, with the break-even between subscriptions and APIs.", content: func() app.UI { return newPlanner() }},
	{path: "/profiles", nav: "Profiles", title: "AI video platform profiles and their sources — AIVC", desc: "Every AI video platform's plans, packs, free credits and models with the page each number was read from and when; make your own profile, export it as JSON or import one.", content: func() app.UI { return newProfiles() }},
	{path: "/log", nav: "Log", title: "Clip log: what your AI video really costs — AIVC", desc: "Log every AI video clip you generate and see what it really cost, per kept second, project and client, with how many tries a kept clip takes. Kept in your browser only; export and import as CSV or JSON.", content: func() app.UI { return newClipLog() }},
	{path: EmbedPath, embed: true, title: "AI video cost calculator — AIVC", desc: "A live AI video cost calculator to embed in an article: cost per credit, per clip and per second for any platform's plan.", content: func() app.UI { return newEmbed() }},
}

// Pages returns the path of every page in the route table, in nav order.
// internal/site uses it to precache every page for offline use and to give
// each page its headers.
func Pages() []string {
	paths := make([]string, 0, len(pages))
	for _, p := range pages {
		paths = append(paths, p.path)
	}
	return paths
}

// NotFoundPath is generated as 404.html, which hosts serve for unknown
// paths. It is not precached: a host answers it with status 404.
const NotFoundPath = "/404"

var routesOnce sync.Once

// Routes registers every page of the route table with go-app, plus a
// catch-all that shows the "page not found" page in the shell. It is safe to
// call more than once.
//
// In the browser, the catch-all is registered only when the page was opened
// at an address that is not in the table (a host serves 404.html there):
// every link of the site leads to a page of the table, so no other visit
// can reach it, and compiling its pattern is the costliest step of a cold
// start that can be skipped (go-app compiles it with package regexp: 16 ms
// of the wasm's start-up on this project's machine, issue 8).
func Routes() {
	routesOnce.Do(func() {
		for _, p := range pages {
			app.Route(p.path, func() app.Composer {
				return newShell().Path(p.path).Embed(p.embed).Content(p.content())
			})
		}
		if app.IsClient && isPage(app.Window().Get("location").Get("pathname").String()) {
			return
		}
		// Exact routes win over patterns, so this only catches unknown paths.
		app.RouteWithRegexp("^/.*", func() app.Composer {
			return newShell().Path(NotFoundPath).Content(notFound())
		})
	})
}

// isPage reports whether path is the path of a page of the route table.
func isPage(path string) bool {
	for _, p := range pages {
		if p.path == path {
			return true
		}
	}
	return false
}

// earlyScript carries input typed before the wasm runs into the live page.
const earlyScript = "/web/early.js"

// Colors shared by the manifest, the page head and web/app.css.
const (
	themeColor      = "#4338ca"
	backgroundColor = "#ffffff"
)

// Handler returns the go-app handler settings of the site. version must
// change when, and only when, the site's files change (internal/site uses a
// content hash); go-app's service worker uses it to tell a new version.
//
// Every URL here is on the site itself: go-app's defaults (icons on
// raw.githubusercontent.com) are all overridden, so the app never asks
// another origin for anything.
func Handler(version string) *app.Handler {
	return &app.Handler{
		Name:        "AIVC — AI video cost calculator",
		ShortName:   "AIVC",
		Title:       pages[0].title,
		Description: pages[0].desc,
		Author:      "AIVC",
		Keywords:    []string{"AI video", "credits", "cost calculator", "price per clip", "price per second"},
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			SVG:      "/web/icon.svg",
			Maskable: "/web/icon-maskable-512.png",
		},
		Image:           "/web/icon-512.png",
		BackgroundColor: backgroundColor,
		ThemeColor:      themeColor,
		Lang:            "en",
		Styles:          []string{"/web/app.css"},
		// Keeps what a person types into the prerendered page before the
		// wasm has taken over (see the script).
		Scripts: []string{earlyScript + " defer"},
		// Start downloading app.wasm while the page is parsed, not after the
		// deferred app.js runs (which waits for the stylesheets): the wasm is
		// the long pole of the first visit. crossorigin matches the mode of
		// go-app's fetch, so the browser reuses the preloaded response.
		RawHeaders: []string{`<link rel="preload" href="/web/app.wasm" as="fetch" type="application/wasm" crossorigin>`},
		// Written into app.js inside a JS string: plain ASCII, no quotes.
		// One label for every page (hidden, read by a screen reader): it
		// said "the live calculator" on /compare, /plan, /log and
		// /profiles too. The ranking's frame names the comparison
		// (web/embed-frame.js).
		LoadingLabel: "Loading the live page: {progress}%",
		Version:      version,
	}
}

// notFound is the content of the "page not found" page.
func notFound() app.UI {
	return elem("main", "page",
		textElem("h1", "", "Page not found"),
		elem("p", "",
			app.Text("There is no page at this address. "),
			textElem("a", "", "Open the calculator").Attr("href", "/"),
			app.Text("."),
		),
	).ID("not-found")
}

// pageInfo returns the table row of path, or the not-found row.
func pageInfo(path string) page {
	for _, p := range pages {
		if p.path == path {
			return p
		}
	}
	return page{
		path:  NotFoundPath,
		title: "Page not found — AIVC",
		desc:  pages[0].desc,
	}
}
