package app

import (
	"net/url"
	"slices"
	"strings"

	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file holds the codec for state that survives a link. A page's state
// lives in the URL fragment ("/#price=30&credits=3000&clip=50&dur=5"),
// because go-app's service worker serves cached pages by exact URL and a
// query string would break offline links; the same keys in a query string
// ("/?price=30") are read too, for links made by hand while online. Form
// fields carry `name` attributes equal to these keys.

// pageURL is the page's address in the browser, and nil while the page is
// prerendered: a page's OnInit reads its link state from it, and without
// one shows its default example.
func pageURL() *url.URL {
	if !app.IsClient {
		return nil
	}
	return app.Window().URL()
}

// linkState reads a page's state from u: the query's values first, then the
// fragment's, which win when a key is in both. A key given twice keeps its
// last value. Malformed pairs (a stray "%") are skipped, not fatal: a link
// with one bad pair still carries the others.
func linkState(u *url.URL) url.Values {
	v := url.Values{}
	if u == nil {
		return v
	}
	for _, raw := range []string{u.RawQuery, u.EscapedFragment()} {
		for key, vals := range parsePairs(raw) {
			v[key] = vals
		}
	}
	return v
}

// listKeys are the keys whose values are lists: /plan's mix, rows
// separated by "," and fields by ":". A field is escaped on its own, its
// own "," and ":" too (a number typed "1,200" is "1%2C200"), and the list
// is written and read as it is: escaped a second time, a typed comma was
// "%252C" in the address. The page splits the list, then unescapes each
// field.
var listKeys = []string{"mix"}

// parsePairs decodes "a=1&b=2" like url.ParseQuery, but keeps only the last
// value of each key and skips pairs that do not decode instead of stopping.
// A list's value (listKeys) is kept escaped, for its page to split.
func parsePairs(raw string) url.Values {
	v := url.Values{}
	for _, pair := range strings.Split(raw, "&") {
		if pair == "" {
			continue
		}
		key, escaped, _ := strings.Cut(pair, "=")
		key, err1 := url.QueryUnescape(key)
		val, err2 := url.QueryUnescape(escaped)
		if err1 != nil || err2 != nil || key == "" {
			continue
		}
		if slices.Contains(listKeys, key) {
			val = escaped
		}
		if key == "cur" {
			// A currency code in any case: an author typing a snippet's
			// link by hand writes "cur=eur". (A loop: strings.ToUpper
			// costs app.wasm 2.9 KB.)
			b := []byte(val)
			for i, c := range b {
				if 'a' <= c && c <= 'z' {
					b[i] = c - 'a' + 'A'
				}
			}
			val = string(b)
		}
		v[key] = []string{strings.TrimSpace(val)}
	}
	return v
}

// formatLinkState writes v as "a=1&b=2" with the keys in order first, then any
// other keys sorted, so that the same state always makes the same link. Empty
// values are left out. Values are escaped only where they must be, so that
// "3,000" and "$30" stay readable in the address bar.
func formatLinkState(v url.Values, order []string) string {
	var b strings.Builder
	write := func(key string) {
		val := v.Get(key)
		if val == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(escapeLinkValue(key))
		b.WriteByte('=')
		if slices.Contains(listKeys, key) {
			b.WriteString(escapeLinkList(val))
		} else {
			b.WriteString(escapeLinkValue(val))
		}
	}
	for _, key := range order {
		write(key)
	}
	var rest []string
	for key := range v {
		if !slices.Contains(order, key) {
			rest = append(rest, key)
		}
	}
	slices.Sort(rest)
	for _, key := range rest {
		write(key)
	}
	return b.String()
}

// escapeLinkValue percent-encodes s for a fragment's key or value: every byte
// but letters, digits and -._~,$:@!*'()/ is escaped, so "&", "=", "+", "#",
// "%" and spaces never change the meaning of the pairs.
func escapeLinkValue(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~,$:@!*'()/", c) >= 0:
			b.WriteByte(c)
		default:
			writeEscape(&b, c)
		}
	}
	return b.String()
}

// writeEscape writes c as "%XX".
func writeEscape(b *strings.Builder, c byte) {
	const hex = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&15])
}

// escapeLinkList writes a list (listKeys), whose fields are escaped
// already, as escapeLinkValue would but for its "%": they start the
// fields' escapes.
func escapeLinkList(s string) string {
	parts := strings.Split(s, "%")
	for i, p := range parts {
		parts[i] = escapeLinkValue(p)
	}
	return strings.Join(parts, "%")
}

// withLinkState returns a copy of u whose fragment carries v (keys in order)
// and whose query no longer holds any of the keys in order, so the fragment
// alone is the state. Other query parameters, and the fragment's keys
// that are not in order, are kept.
func withLinkState(u *url.URL, v url.Values, order []string) *url.URL {
	out := &url.URL{Path: "/"}
	if u != nil {
		c := *u
		out = &c
		out.User = nil
	}
	if out.RawQuery != "" {
		q := parsePairs(out.RawQuery)
		for _, key := range order {
			q.Del(key)
		}
		out.RawQuery = formatLinkState(q, nil)
	}
	// The fragment's other keys stay: they are another's, such as the
	// embed's view, theme and accent, which a reader's edit must not erase.
	state := url.Values{}
	for key, vals := range parsePairs(out.EscapedFragment()) {
		if !slices.Contains(order, key) {
			state[key] = vals
		}
	}
	for key, vals := range v {
		state[key] = vals
	}
	frag := formatLinkState(state, order)
	out.RawFragment = frag
	out.Fragment, _ = url.PathUnescape(frag)
	if out.Fragment == "" {
		out.RawFragment = ""
	}
	return out
}

// lastLinks holds the state each page last had in this tab, by path, for
// the nav: through its links, going to another page and back does not
// reset a page's work (a month's mix on /plan, the calculator's numbers).
// The tab's sessionStorage keeps a copy (navKey), so that a reload (the
// new version's Reload, say) does not reset the other pages' work either.
var lastLinks = map[string]string{}

// navKey is lastLinks in sessionStorage, as path=state pairs.
const navKey = "aivc.nav.v1"

// navLoaded is whether lastLinks holds what sessionStorage had.
var navLoaded bool

// navLinks returns lastLinks, with the tab's stored states on first use;
// a state this page set before that stays.
func navLinks() map[string]string {
	if !navLoaded {
		navLoaded = true
		if v, ok := sessionItem(navKey, "", false); ok {
			for path, frags := range parsePairs(v) {
				if _, set := lastLinks[path]; !set && strings.HasPrefix(path, "/") {
					lastLinks[path] = frags[0]
				}
			}
		}
	}
	return lastLinks
}

// keepNavLinks writes lastLinks to the tab's sessionStorage.
func keepNavLinks() {
	v := url.Values{}
	for path, frag := range navLinks() {
		v.Set(path, frag)
	}
	sessionItem(navKey, formatLinkState(v, nil), true)
}

// sessionItem reads the tab's sessionStorage item key, or with write
// writes value there ("" removes it: the pages' states all emptied were
// left stored, and came back after a reload). Storage that throws
// (blocked, full) is as none: the nav then remembers in memory only. The
// embed, which uses no storage (deviceStore is none there), has none.
func sessionItem(key, value string, write bool) (v string, ok bool) {
	if !app.IsClient || deviceStore() == nil {
		return "", false
	}
	defer func() {
		if recover() != nil {
			v, ok = "", false
		}
	}()
	s := app.Window().Get("sessionStorage")
	switch {
	case write && value == "":
		s.Call("removeItem", key)
		return "", true
	case write:
		s.Call("setItem", key, value)
		return value, true
	}
	item := s.Call("getItem", key)
	if item.IsNull() || item.IsUndefined() {
		return "", false
	}
	return item.String(), true
}

// keepLink notes u's state as its page's last.
func keepLink(u *url.URL) {
	navLinks()[u.Path] = u.EscapedFragment()
	keepNavLinks()
}

// relinkProfile changes the nav's remembered states that show profile id,
// on plan from when from is not "": it sets their plan and billing (a plan
// saved in /log since was hidden behind the one the calculator had by
// default), or with plan and billing "" drops them, so the calculator
// picks its default again (a plan removed in /log since stayed there).
func relinkProfile(id, from, plan, billing string) {
	defer keepNavLinks()
	for path, frag := range navLinks() {
		v := parsePairs(frag)
		if v.Get("profile") != id || from != "" && v.Get("plan") != from {
			continue
		}
		v.Set("plan", plan) // "" is left out of the link
		v.Del("billing")
		if billing == string(pricing.LensYearly) {
			v.Set("billing", billing)
		}
		lastLinks[path] = formatLinkState(v, calcKeys)
	}
}

// renameProfileLinks makes the nav's remembered states follow a custom
// profile whose id changed to id, or that was deleted (id ""): the
// calculator's profile, /compare's platforms and /plan's platform kept the
// old id, and the pages, reached through the nav, said it was "not in the
// list". A calculator's state on a deleted profile is forgotten (it came
// back as "not in the list"), /compare forgets it among its platforms (all
// of them, if it was the only one), and /plan marks no platform.
func renameProfileLinks(old, id string) {
	defer keepNavLinks()
	for path, frag := range navLinks() {
		v := parsePairs(frag)
		order := calcKeys
		if v.Get("profile") == old && id == "" {
			delete(lastLinks, path)
			continue
		} else if v.Get("profile") == old {
			v.Set("profile", id)
		} else if v.Get("platform") == old {
			// /plan's platform: its month marked under the new id, or no
			// more (with the model, which was the profile's).
			order = planKeys
			v.Set("platform", id) // "" is left out of the link
			if id == "" {
				v.Del("model")
			}
		} else if ids := strings.Split(v.Get("platforms"), ","); slices.Contains(ids, old) {
			order = compareKeys
			kept := ids[:0]
			for _, p := range ids {
				if p != old {
					kept = append(kept, p)
				} else if id != "" {
					kept = append(kept, id)
				}
			}
			v.Del("platforms")
			if len(kept) > 0 {
				v.Set("platforms", strings.Join(kept, ","))
			}
		} else {
			continue
		}
		lastLinks[path] = formatLinkState(v, order)
	}
}

// replaceLink writes a page's state v into the address, without a new
// history entry, and keeps it for the nav.
func replaceLink(ctx app.Context, v url.Values, order []string) {
	u := withLinkState(ctx.Page().URL(), v, order)
	keepLink(u)
	ctx.Page().ReplaceURL(u)
}

// linkTo returns "path#state" (or "path" when the state is empty): an href
// for a link to another page that carries state.
func linkTo(path string, v url.Values, order []string) string {
	if frag := formatLinkState(v, order); frag != "" {
		return path + "#" + frag
	}
	return path
}
