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
//     and a copy of go-app's wrapper, about 0.9 KB. Only where no sibling
//     follows it, or where it is settled before the page runs: see slot.
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

// lede returns a page's lede, <p class="class" elementtiming="lede">, the
// largest paint of each page's first screen. web/early.js holds the wasm's
// start until the browser has reported that paint (Element Timing): the
// takeover drops a paint not yet reported, and the live page's lede became
// the page's largest paint instead (TestLCPIsPrerendered).
func lede(class, text string) app.HTMLElem {
	return textElem("p", class, text).Attr("elementtiming", "lede")
}

// slot returns ui when show is true, and otherwise an empty element of
// ui's tag, hidden, that holds its place.
//
// The rule: a child that comes and goes while a person uses the page, with
// siblings after it, is always rendered; when it has nothing to show it is
// a slot, hidden, never nil (nor app.If). go-app matches an element's
// children by their place: a child put in or taken out moves every later
// sibling to a place that held another, and go-app changes that one into
// it, or replaces it. An input being typed in lost its focus and the keys
// after (/log's keep block, TestLogKeepAnswerKeepsTyping), a live region was
// made again, a table lost its scroll. A nil child is fine last among its
// siblings, or when it is settled before the page runs (an embed's). The
// empty element has no class, and app.css's [hidden] rule wins over any
// display a rule gives its tag (a button's drew /log's empty replace
// button); ui's attributes come with it when it shows. A status that comes
// and goes is heard only when its region was there before its words: it
// goes, alone, into an element that is always there (the shell's toasts).
// Tests: e2e/hostile/inserts_test.go.
//
//go:noinline
func slot(show bool, ui app.HTMLElem) app.HTMLElem {
	if show {
		return ui
	}
	return app.Elem(ui.Tag()).Attr("hidden", true)
}

// textElem returns <tag class="class">text</tag>; an empty class sets none.
//
//go:noinline
func textElem(tag, class, text string) app.HTMLElem {
	return app.Elem(tag).Class(class).Text(text)
}

// details returns <details class="class"> with the summary and the body.
// The summary names it, for the whole name a screen reader needs ("Working
// for Kling AI (app)", with a visually hidden part where the words on
// screen say less), and nothing else does: Chrome has a <details> as a
// group named by nothing of its summary, and named as well (aria-label),
// each was heard twice on entry, the group's name and then the summary's.
// Unnamed, the group is not announced.
//
//go:noinline
func details(class string, summary app.UI, body ...app.UI) app.HTMLElem {
	return app.Elem("details").Class(class).Body(append([]app.UI{summary}, body...)...)
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

// rateElem is textElem for a text that may say an exchange rate: each
// part of a rate's description in it (pricing.Rates.Describe: "1 USD =
// 0.86 EUR" and "(rate of 2026-11-01)") is in a <span class="rate">, which
// web/app.css keeps on one line. In a hint's narrow column they broke
// after "=", and a no-break space would not stop Chromium breaking a date
// after "2026-". Every text that may say a rate is rendered with it (a
// field's and a picker's hint, /compare's legend, /plan's working); the
// text itself, and so the exports, keep plain spaces.
//
//go:noinline
func rateElem(tag, class, s string) app.HTMLElem {
	var out []app.UI
	done := 0 // s[:done] is in out
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i-1] != ' ' {
			continue // a part starts a word
		}
		n := shaped(s[i:], "1 A = 9 A")
		if n == 0 {
			n = shaped(s[i:], "(rate of 9)")
		}
		if n == 0 {
			continue
		}
		// The span runs on to the next space, with the punctuation that
		// ends the part ("(rate of 2026-11-01),"): go-app's prerendered
		// HTML has a line break after an element, which reads as a space.
		for n += i; n < len(s) && s[n] != ' '; n++ {
		}
		if done < i {
			out = append(out, app.Text(s[done:i]))
		}
		out = append(out, textElem("span", "rate", s[i:n]))
		done, i = n, n // s[n] is a space, or the end
	}
	if done == 0 {
		return textElem(tag, class, s)
	}
	if done < len(s) {
		out = append(out, app.Text(s[done:]))
	}
	return elem(tag, class, out...)
}

// shaped returns the length of the start of s that has the shape of
// pattern, or 0. In pattern 'A' stands for a currency's code (three
// capitals) and '9' for a number (digits, with '.', ',' or '-' after the
// first); any other byte for itself.
func shaped(s, pattern string) int {
	n := 0
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; c {
		case 'A':
			for end := n + 3; n < end; n++ {
				if n == len(s) || s[n] < 'A' || s[n] > 'Z' {
					return 0
				}
			}
		case '9':
			first := n
			for n < len(s) && ('0' <= s[n] && s[n] <= '9' || n > first && (s[n] == '.' || s[n] == ',' || s[n] == '-')) {
				n++
			}
			if n == first {
				return 0
			}
		default:
			if n == len(s) || s[n] != c {
				return 0
			}
			n++
		}
	}
	return n
}
