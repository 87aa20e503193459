package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Shorthands for the most common elements, for app.wasm's size (issue 8).
//
// Every go-app element method (Class, Text, Body…) is an interface call,
// and in WebAssembly each call costs code at its call site:
// el("p").Class("note").Text(s) is three calls plus boxing s into an any.
// elem and textElem make it one plain call. Measured with go1.26.8, a tree
// of six elements takes 4.4 KB of code written with el and 2.0 KB with
// these; they are kept out of line (go:noinline) so that the compiler does
// not copy them back into every call site.
//
// Two more habits save as much:
//
//   - A plain if that leaves a child nil (Body drops nil children) instead
//     of app.If(cond, func() app.UI {...}): each app.If adds its closure
//     and a copy of go-app's wrapper, about 0.9 KB.
//   - A loop that fills a []app.UI instead of app.Range(s).Slice(func...).
//
// Both render the same HTML: Body flattens conditions and ranges into the
// list of children anyway.

// elem returns <tag class="class">body…</tag>; an empty class sets none.
//
//go:noinline
func elem(tag, class string, body ...app.UI) app.HTMLElem {
	return app.Elem(tag).Class(class).Body(body...)
}

// textElem returns <tag class="class">text</tag>; an empty class sets none.
//
//go:noinline
func textElem(tag, class, text string) app.HTMLElem {
	return app.Elem(tag).Class(class).Text(text)
}

// resultsClass is the class of a page's results: "results", which
// web/early.js marks busy when a person types before the app has taken
// over; the page's own class; and "is-stale" while they are not for what
// the form holds.
func resultsClass(page string, current bool) string {
	if current {
		return "results " + page
	}
	return "results " + page + " is-stale"
}

// peek is a page's results in one sentence at the end of its form: on a
// phone, where the results are below the form, it stays at the bottom of the
// screen while the form is on it (.peek in web/app.css). It is text, not a
// link, so that it covers no tap target. In the embed, whose frame is as
// tall as its page so that nothing would stick, the calculator puts it at
// the top of its form instead (peek-top).
func peek(id, text string, current bool) app.HTMLElem {
	return textElem("p", resultsClass("peek", current), text).ID(id)
}
