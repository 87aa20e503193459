package site

import (
	"net/http"
	"slices"
	"strings"

	aivc "github.com/aivc/aivc/app"
)

// Rule is one [[headers]] block of netlify.toml: the headers sent for the
// paths that For matches.
type Rule struct {
	// For is a Netlify path pattern: an exact path ("/compare"), or a prefix
	// ending in "/*" ("/web/*" matches every path under /web/).
	For    string
	Values map[string]string
}

// Matches reports whether the rule applies to the request path p.
func (r Rule) Matches(p string) bool {
	if prefix, ok := strings.CutSuffix(r.For, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return p == r.For
}

// Header values.
const (
	// cspBase allows only the site's own origin, no inline script or style,
	// and WebAssembly compilation ('wasm-unsafe-eval'), which Go's wasm needs.
	cspBase = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
		"style-src 'self'; img-src 'self'; connect-src 'self'; " +
		"manifest-src 'self'; worker-src 'self'; object-src 'none'; " +
		"base-uri 'none'; form-action 'self'"

	// CSPPage is the policy of every page but the embed: no framing.
	CSPPage = cspBase + "; frame-ancestors 'none'"

	// CSPEmbed is the policy of the embed page: any site may frame it.
	CSPEmbed = cspBase + "; frame-ancestors *"

	// cspWorker is the policy of the service worker (a worker's CSP comes
	// from its script's response).
	cspWorker = "default-src 'self'"

	// revalidate makes every cache ask before reusing a copy. go-app's file
	// names carry no hash (/app.js, /web/app.wasm), so nothing may be kept
	// "immutable": the service worker would precache a stale copy and mix two
	// versions. It is Netlify's default, written out.
	revalidate = "public, max-age=0, must-revalidate"
)

// Headers returns the header table of the site: what NewHandler sends and
// what netlify.toml declares. No two rules that can match one path set the
// same header (see the package doc).
func Headers() []Rule {
	rules := []Rule{{
		For: "/*",
		Values: map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "strict-origin-when-cross-origin",
		},
	}}
	for _, p := range documentPaths() {
		csp := CSPPage
		if framable(p) {
			csp = CSPEmbed
		}
		rules = append(rules, Rule{For: p, Values: map[string]string{
			"Content-Security-Policy": csp,
			"Cache-Control":           revalidate,
		}})
	}
	return append(rules,
		Rule{For: "/app-worker.js", Values: map[string]string{
			"Cache-Control":           "no-cache",
			"Content-Security-Policy": cspWorker,
		}},
		Rule{For: "/app.js", Values: map[string]string{"Cache-Control": revalidate}},
		Rule{For: "/wasm_exec.js", Values: map[string]string{"Cache-Control": revalidate}},
		Rule{For: "/app.css", Values: map[string]string{"Cache-Control": revalidate}},
		Rule{For: "/embed.js", Values: map[string]string{"Cache-Control": revalidate}},
		Rule{For: "/manifest.webmanifest", Values: map[string]string{
			"Content-Type":  "application/manifest+json",
			"Cache-Control": revalidate,
		}},
		Rule{For: "/web/*", Values: map[string]string{"Cache-Control": revalidate}},
		Rule{For: "/web/app.wasm", Values: map[string]string{"Content-Type": "application/wasm"}},
	)
}

// documentPaths returns every URL path that serves a page: each route with
// and without ".html" ("/" as "/" and "/index.html"), the not-found page,
// and the embed page even before it exists, so that its headers are right
// the day it lands.
func documentPaths() []string {
	var ps []string
	add := func(p string) {
		if p == "/" {
			ps = append(ps, "/", "/index.html")
			return
		}
		ps = append(ps, p, p+".html")
	}
	for _, p := range aivc.Pages() {
		add(p)
	}
	if !slices.Contains(aivc.Pages(), aivc.EmbedPath) {
		add(aivc.EmbedPath)
	}
	ps = append(ps, aivc.NotFoundPath+".html")
	return ps
}

// framable reports whether the document at path p may be framed by other
// sites.
func framable(p string) bool {
	return p == aivc.EmbedPath || p == aivc.EmbedPath+".html"
}

// setHeaders writes the headers of every rule that matches the request path
// p.
func setHeaders(h http.Header, rules []Rule, p string) {
	for _, r := range rules {
		if !r.Matches(p) {
			continue
		}
		for k, v := range r.Values {
			h.Set(k, v)
		}
	}
}
