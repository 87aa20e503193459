package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Element constructors.
//
// go-app gives every HTML element its own Go type (app.Div, app.Span, …),
// each with about a hundred methods, and the linker keeps all of them for
// every element type a program uses. Measured with go1.26.8 on a bare
// go-app page: thirteen element types add 161 KB to app.wasm, the same
// thirteen tags built with app.Elem add 30 KB. app.wasm has a size budget
// (issue 8), so every page builds its elements with el and void:
//
//	el("div").Class("result").Body(...)
//	void("input").Attr("name", "price").Attr("value", v).On("input", c.onInput)
//
// Typed setters become Attr ("href", "type", "for", "value", "checked"…) and
// typed handlers become On ("click", "input", "change", "submit"…). go-app
// treats attributes by name, so "value", "checked" and "selected" still set
// the live property, as the typed setters do. Only set boolean attributes
// ("checked", "selected", "disabled", "open") when true: go-app writes
// Attr(name, false) as name="false", which HTML reads as on.
func el(tag string) app.HTMLElem { return app.Elem(tag) }

// void builds an element without children or end tag: input, img, br, meta.
func void(tag string) app.HTMLElemSelfClosing { return app.ElemSelfClosing(tag) }

// focusAfterRender moves the focus, once the page shows the change at
// hand, to the first element that matches one of selectors, in order. A
// button that removes itself (Delete, Undo, Remove) would otherwise leave
// the focus nowhere, and a keyboard user back at the start of the page.
// Callers keep it where the person was: the same place in the list, the
// list's heading, the status that says what came back; not a control far
// up the page, which scrolls a mouse user's page away. page is the page's
// own context (from OnMount), not the event's: go-app drops a deferred
// call when the element that fired the event is gone.
func focusAfterRender(page app.Context, selectors ...string) {
	if !app.IsClient {
		return
	}
	page.Defer(func(app.Context) {
		doc := app.Window().Get("document")
		for _, s := range selectors {
			if el := doc.Call("querySelector", s); el.Truthy() {
				el.Call("focus")
				return
			}
		}
	})
}

// await calls then, in a dispatch on ctx, once promise settles: with its
// value and true when it is fulfilled, with undefined and false when it is
// rejected. The callbacks given to the promise are released then. go-app
// drops a dispatch on the context of an element no longer on the page: a
// handler whose element may go meanwhile passes the page's context.
func await(ctx app.Context, promise app.Value, then func(ctx app.Context, v app.Value, ok bool)) {
	var done, failed app.Func
	settle := func(v app.Value, ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			done.Release()
			failed.Release()
			then(ctx, v, ok)
		})
	}
	done = app.FuncOf(func(_ app.Value, args []app.Value) any {
		v := app.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		settle(v, true)
		return nil
	})
	failed = app.FuncOf(func(app.Value, []app.Value) any {
		settle(app.Undefined(), false)
		return nil
	})
	promise.Call("then", done, failed)
}
