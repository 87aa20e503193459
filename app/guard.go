package app

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Two things a browser may hold kill a go-app program before any page of
// ours runs, and a dead wasm leaves only the prerendered HTML, with no
// calculation and no message. GuardBrowser repairs both before go-app
// starts:
//
//   - An address url.Parse rejects. The browser keeps a stray "%" as it is
//     ("/#price=%zz", "/#price=50%"); go-app then gets a nil *url.URL from
//     Window().URL() and dereferences it when it starts and on every
//     popstate (a fragment changed by hand or by a link).
//   - Storage the browser blocks (site data switched off): reading
//     window.localStorage throws, go-app reads it when it starts (to clean
//     up its persisted states), and an exception thrown while the wasm
//     reads a property cannot be recovered; it ends the program.

// GuardBrowser repairs the page's address now and before every popstate
// reaches go-app, and puts a stand-in in place of blocked storage. The
// wasm main calls it before app.RunWhenOnBrowser: its popstate listener is
// then registered before go-app's window.onpopstate, so it runs first. It
// does nothing outside the browser.
func GuardBrowser() {
	if !app.IsClient {
		return
	}
	guardStorage()
	repair := func() {
		href := app.Window().Get("location").Get("href").String()
		if fixed := repairURL(href); fixed != href {
			history := app.Window().Get("history")
			history.Call("replaceState", history.Get("state"), "", fixed)
		}
	}
	repair()
	app.Window().Call("addEventListener", "popstate", app.FuncOf(func(app.Value, []app.Value) any {
		repair()
		return nil
	}))
}

// guardStorage replaces localStorage and sessionStorage, when reading them
// throws, with a stand-in that reads as empty (length 0) and throws, as
// the real one did, on every call (getItem, setItem…: a Storage method
// called on another object). go-app then starts (it only reads length),
// and the app's own store (browserStore) still finds storage unavailable
// at its first call, which it can recover from, and says so: the clip log
// opens in memory with its warning, a profile is not saved and the page
// says why. (/embed's frame script has already put a memory store there
// for a frame, where storage is often blocked: that one reads fine.)
func guardStorage() {
	w := app.Window().JSValue()
	object := w.Get("Object")
	for _, name := range []string{"localStorage", "sessionStorage"} {
		if readable(w, name) {
			continue
		}
		stub := object.Call("create", w.Get("Storage").Get("prototype"))
		object.Call("defineProperty", stub, "length", map[string]any{"value": 0})
		object.Call("defineProperty", w, name, map[string]any{"value": stub, "configurable": true})
	}
}

// readable reports whether reading w[name] does not throw. The read goes
// through Reflect.get, a call, so that an exception comes back as a panic
// that can be recovered.
func readable(w app.Value, name string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	w.Get("Reflect").Call("get", w, name)
	return true
}

// repairURL returns href when url.Parse reads it, else href with every "%"
// that does not start an escape written as "%25"; if that still does not
// parse, href without its query and fragment, and at last "/". The result
// always parses.
func repairURL(href string) string {
	if _, err := url.Parse(href); err == nil {
		return href
	}
	var b strings.Builder
	for i := 0; i < len(href); i++ {
		if href[i] == '%' && (i+2 >= len(href) || !isHex(href[i+1]) || !isHex(href[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(href[i])
	}
	if s := b.String(); parses(s) {
		return s
	}
	if i := strings.IndexAny(href, "?#"); i >= 0 && parses(href[:i]) {
		return href[:i]
	}
	return "/"
}

func parses(s string) bool {
	_, err := url.Parse(s)
	return err == nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
