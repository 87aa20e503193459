package app

import (
	"cmp"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/aivc/aivc/pricing"
)

// share is the "Share & embed" section of the calculator and compare pages:
// a link to the page's current state, the embed snippet for it (an iframe of
// /embed plus the optional /embed.js that sizes it), buttons that copy
// either, and a live preview of the embed, an iframe of /embed that follows
// the page's state. On /plan, which /embed does not show, it is "Share":
// the link and its button alone.
//
// Links and snippet name the site by the page's own origin
// (location.origin) in the browser; when prerendering, by sharePlaceholder,
// which the browser replaces before anyone can copy it.
type share struct {
	_ pricing.NotComparable
	app.Compo

	IPath  string // the page shared: "/", "/compare" or "/plan"
	IState string // the page's state as a fragment: "price=30&credits=3000"
	INote  string // what the link leaves out, said under it (/plan's rows with a mistake)

	origin  string // the site's origin
	theme   string // the embed's theme: "" (the reader's system), "light" or "dark"
	preview bool   // the live preview is open
	msg     string // what the last copy did
	msgOf   string // the field it copied: idShareLink or idShareSnippet
}

// sharePlaceholder stands for the site's origin in prerendered pages.
const sharePlaceholder = "https://calc.example"

// embedHeight is the iframe's height in the snippet, in CSS pixels: the
// frame scrolls inside it when /embed.js is not there to fit it.
const embedHeight = "720"

// Ids of the share section, for tests.
const (
	idShareLink    = "share-link"
	idShareSnippet = "share-snippet"
	idShareFrame   = "share-frame"
)

// themeChoices are the embed's themes.
var themeChoices = []choice{
	{Value: "auto", Label: "Reader's system setting"},
	{Value: "light", Label: "Light"},
	{Value: "dark", Label: "Dark"},
}

var _ app.Updater = (*share)(nil)

// shareSection returns the share section for the page at path in the state
// state (a fragment, without "#": see shareState).
func shareSection(path, state string) *share {
	return &share{IPath: path, IState: state}
}

// Note sets what the link leaves out, said under it.
func (s *share) Note(v string) *share {
	s.INote = v
	return s
}

// siteOrigin is the page's own origin in the browser, read at the first
// render rather than in OnMount: a Mounter's dispatch re-renders every
// component above it, the whole page, as the app starts.
func (s *share) siteOrigin() string {
	if s.origin == "" && app.IsClient {
		if o := app.Window().Get("location").Get("origin"); o.Truthy() {
			s.origin = o.String()
		}
	}
	return cmp.Or(s.origin, sharePlaceholder)
}

// OnUpdate forgets what the last copy did when the page's state changes:
// "Copied the link." stayed beside a link of another calculation than the
// one on the clipboard.
func (s *share) OnUpdate(ctx app.Context) {
	s.msg = ""
}

func (s *share) Render() app.UI {
	origin := s.siteOrigin()
	link := shareLink(origin, s.IPath, s.IState)
	title, lede, label := "Share & embed", "Send a link to this calculation, or put it live in an article: paste the embed code "+
		"into any page or blog post that accepts HTML. Readers can change the numbers; "+
		"nothing they type leaves their device.", "Link to this calculation"
	// Each copy button's status is under it: the link's status was below
	// the embed code and its buttons, off a phone's screen.
	linkMsg, embedMsg := "", s.msg
	if s.msgOf == idShareLink {
		linkMsg, embedMsg = s.msg, ""
	}
	var embed, actions, embedStatus, preview app.UI
	input := void("input").ID(idShareLink).Class("share-input").Attr("type", "text").
		Attr("readonly", true).Attr("spellcheck", "false").Attr("value", link).
		On("focus", selectField)
	// A slot: /plan's note comes and goes as a row is typed, and the copy
	// status after it, a live region, was made again (see slot).
	note := slot(s.INote != "", textElem("p", "share-hint share-note", s.INote).ID("share-note"))
	if s.INote != "" {
		input = input.Attr("aria-describedby", "share-note")
	}
	if s.IPath == "/plan" {
		title, lede, label = "Share", "Send a link to this month: it opens the same rows, billing and currency on any device.",
			"Link to this plan"
	} else {
		embed, actions, preview = s.renderEmbed(origin)
		embedStatus = shareStatus("share-status", embedMsg)
	}
	return attrs(elem("section", "share",
		textElem("h2", "", title).ID("share-title"),
		textElem("p", "share-lede", lede),
		elem("div", "share-field",
			textElem("label", "", label).Attr("for", idShareLink),
			elem("div", "share-row",
				input,
				attrs(textElem("button", "secondary", "Copy link"), "id", "share-copy-link", "type", "button").
					On("click", s.onCopy(idShareLink, "Copied the link.")),
			),
			note,
			shareStatus("share-link-status", linkMsg),
		),
		embed,
		actions,
		embedStatus,
		preview,
	), "id", "share", "aria-labelledby", "share-title")
}

// shareStatus is the live status of a copy button, id.
func shareStatus(id, msg string) app.UI {
	return attrs(textElem("p", "share-status", msg), "id", id, "role", "status", "aria-live", "polite")
}

// renderEmbed renders the embed code, the actions on it (its theme, copy,
// preview) and the live preview when it is open.
func (s *share) renderEmbed(origin string) (code, actions, preview app.UI) {
	src := embedSrc(origin, s.IPath, s.IState, s.theme)
	toggle := "Show a live preview"
	if s.preview {
		toggle = "Hide the preview"
		preview = elem("div", "share-preview",
			attrs(el("iframe"), "id", idShareFrame, "src", src, "title", "Preview of the embedded "+embedName(s.IPath)),
			// Sizes the preview as /embed.js sizes the frame in an
			// article (the same file, from web/, which works offline).
			el("script").Attr("src", "/web/embed.js").Attr("async", true),
		).ID("share-preview-box")
	}
	code = elem("div", "share-field",
		textElem("label", "", "Embed code").Attr("for", idShareSnippet),
		attrs(textElem("textarea", "share-code", embedSnippet(origin, src, s.IPath)), "id", idShareSnippet,
			"rows", "5", "spellcheck", "false").Attr("readonly", true).On("focus", selectField),
		textElem("p", "share-hint",
			"The script sizes the frame to the calculator; without it the frame is "+embedHeight+
				" pixels high and scrolls. For your own colour, add &accent=ff5500 (any hex colour) to the address in the code."),
	)
	actions = elem("div", "share-actions",
		picker{
			Name: "share_theme", Label: "Embed theme", Value: cmp.Or(s.theme, "auto"),
			Choices: themeChoices, OnChange: s.onTheme,
		}.render(),
		attrs(textElem("button", "", "Copy embed code"), "id", "share-copy-embed", "type", "button").
			On("click", s.onCopy(idShareSnippet, "Copied the embed code.")),
		attrs(textElem("button", "secondary", toggle), "id", "share-preview", "type", "button",
			"aria-controls", "share-preview-box", "aria-expanded", strconv.FormatBool(s.preview)).
			On("click", s.onPreview),
	)
	return code, actions, preview
}

// onCopy copies the text of the field with id fieldID (the link or the
// snippet), and says whether it worked; when it did not, the text is
// selected in its field for the person to copy. The text is read when
// clicked: go-app keeps the handler of the first render.
func (s *share) onCopy(fieldID, done string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		origin := s.siteOrigin()
		text := shareLink(origin, s.IPath, s.IState)
		if fieldID == idShareSnippet {
			text = embedSnippet(origin, embedSrc(origin, s.IPath, s.IState, s.theme), s.IPath)
		}
		s.msg, s.msgOf = "Copying…", fieldID
		copyText(ctx, text, func(ok bool) {
			s.msg = done
			if !ok {
				s.msg = "The browser did not allow copying: the text is selected, copy it with Ctrl+C or ⌘C."
				if f := app.Window().GetElementByID(fieldID); f.Truthy() {
					f.Call("focus")
					f.Call("select")
				}
			}
		})
	}
}

// onTheme picks the embed's theme.
func (s *share) onTheme(ctx app.Context, e app.Event) {
	switch v := ctx.JSSrc().Get("value").String(); v {
	case "light", "dark":
		s.theme = v
	default:
		s.theme = ""
	}
	s.msg = ""
}

// onPreview opens or closes the live preview.
func (s *share) onPreview(ctx app.Context, e app.Event) {
	s.preview = !s.preview
}

// selectField selects the text of the field that got focus, ready to copy.
func selectField(ctx app.Context, e app.Event) {
	ctx.JSSrc().Call("select")
}

// copyText puts text on the clipboard (through go-app's JS API) and calls
// done, in the app's goroutine, with whether it worked. A browser without
// the asynchronous clipboard (or an insecure origin) is "did not work".
func copyText(ctx app.Context, text string, done func(ok bool)) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		done(false)
		return
	}
	var ok, failed app.Func
	settle := func(v bool) {
		ctx.Dispatch(func(app.Context) {
			ok.Release()
			failed.Release()
			done(v)
		})
	}
	ok = app.FuncOf(func(app.Value, []app.Value) any { settle(true); return nil })
	failed = app.FuncOf(func(app.Value, []app.Value) any { settle(false); return nil })
	clip.Call("writeText", text).Call("then", ok, failed)
}

// shareState returns a page's state for a link, without the values that
// have a message (a bad value is not worth sharing, and would put the
// person's typo in someone else's article): their fields take the default.
func shareState(v url.Values, errs map[string]string, order []string) string {
	good := url.Values{}
	for key := range v {
		if errs[key] == "" {
			good[key] = v[key]
		}
	}
	return formatLinkState(good, order)
}

// shareLink returns the absolute link to the page at path with state.
func shareLink(origin, path, state string) string {
	if state == "" {
		return origin + path
	}
	return origin + path + "#" + state
}

// embedSrc returns the address of the embed of the page at path with state
// and theme ("" for the reader's system setting).
func embedSrc(origin, path, state, theme string) string {
	frag := state
	if path == "/compare" {
		frag = joinPairs("view="+viewCompare, frag)
	}
	if theme != "" {
		frag = joinPairs(frag, "theme="+theme)
	}
	return shareLink(origin, EmbedPath, frag)
}

// joinPairs joins two fragments' pairs.
func joinPairs(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "&" + b
}

// embedName names what the embed of the page at path shows: the frame's
// title, which a screen reader gives as the frame's name.
func embedName(path string) string {
	if path == "/compare" {
		return "AI video cost comparison"
	}
	return "AI video cost calculator"
}

// embedSnippet returns the HTML an author pastes: the iframe of src (the
// embed of the page at path), at a fixed height that works alone, and the
// script that fits it to its content. The frame's title names what it
// shows: the ranking's was "AI video cost calculator" too.
func embedSnippet(origin, src, path string) string {
	return `<iframe src="` + escapeAttr(src) + `" title="` + embedName(path) + `" ` +
		`width="100%" height="` + embedHeight + `" style="border:0;width:100%" loading="lazy"></iframe>` + "\n" +
		`<script src="` + escapeAttr(origin) + `/embed.js" async></script>`
}

// escapeAttr escapes s for an HTML attribute value in double quotes. (The
// html package's EscapeString would add 34 KB to app.wasm.)
func escapeAttr(s string) string {
	for _, r := range [][2]string{{"&", "&amp;"}, {`"`, "&#34;"}, {"<", "&lt;"}, {">", "&gt;"}} {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return s
}
