package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// A site's storage is "best effort" by default: a browser short of disk
// space may clear it without asking, and the clip log with it. The
// Storage standard's persistent mode (navigator.storage.persist()) asks
// the browser not to: it then clears the site's data only when the person
// says so. Chromium grants it without a prompt to a site the person uses
// (installed, bookmarked, visited often) and refuses it otherwise; Firefox
// asks the person. So /log asks only when the person presses its button,
// and says what the browser answered; it reads the current state, which
// asks nothing, when the page opens.

// keepState is what the page knows of the log's storage mode.
type keepState int

const (
	keepUnknown    keepState = iota // not read yet, or a browser without the API
	keepBestEffort                  // the browser may clear it to free space
	keepAsking                      // asked; no answer yet
	keepRefused                     // asked; the browser said no
	keepPersistent                  // the browser clears it only when told to
)

// storageManager returns navigator.storage when the browser has persist
// and persisted, else a falsy value.
func storageManager() app.Value {
	s := app.Window().Get("navigator").Get("storage")
	if !s.Truthy() || !s.Get("persist").Truthy() || !s.Get("persisted").Truthy() {
		return app.Undefined()
	}
	return s
}

// readKeep reads whether the log's storage is persistent, asking nothing.
func (c *clipLog) readKeep(ctx app.Context) {
	s := storageManager()
	if !s.Truthy() {
		return
	}
	await(ctx, s.Call("persisted"), func(_ app.Context, v app.Value, ok bool) {
		if c.keep == keepUnknown && ok {
			c.keep = keepBestEffort
			if v.Truthy() {
				c.keep = keepPersistent
			}
		}
	})
}

// onKeep asks the browser to keep the log until the person deletes it.
func (c *clipLog) onKeep(ctx app.Context, e app.Event) {
	s := storageManager()
	if !s.Truthy() {
		return
	}
	c.keep = keepAsking
	// On the page's context, not the event's: the button goes as the page
	// says it is asking, and go-app drops a dispatch from an element gone.
	await(c.page, s.Call("persist"), func(_ app.Context, v app.Value, ok bool) {
		c.keep = keepRefused
		if ok && v.Truthy() {
			c.keep = keepPersistent
		}
		focusAfterRender(c.page, "#log-keep-status")
	})
}

// renderKeep says whether the browser may clear the log, and offers to ask
// it not to.
func (c *clipLog) renderKeep() app.UI {
	var text string
	var ask app.UI
	switch c.keep {
	case keepBestEffort:
		text = "This browser may clear your log on its own when the device runs short of space."
		ask = button("log-keep", "secondary", "Ask the browser to keep it", c.onKeep)
	case keepAsking:
		text = "Asking the browser…"
	case keepRefused:
		text = "The browser did not agree to keep your log for good; it may still clear it when space runs short. " +
			"Browsers agree more often for a site that is installed or bookmarked. Export a backup now and then."
	case keepPersistent:
		text = "This browser has agreed to keep your log: it will not clear it on its own to free space."
	}
	// A slot: the browser's answer comes just after the start, and a block
	// put in among its section's children made go-app rebuild the ones
	// after it, the exchange rates' inputs too, and a rate being typed lost
	// its focus and its keys.
	return slot(c.keep != keepUnknown, elem("div", "log-keep",
		attrs(textElem("p", "log-note", text), "id", "log-keep-status", "role", "status", "tabindex", "-1"),
		ask,
	))
}
