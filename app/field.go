package app

import (
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// field is a labelled text input with a hint and an error message beside
// it: <label for>, aria-invalid and aria-describedby are set for it. It is a
// value rendered by a page (not a component), so the page keeps the text and
// the message in its own state and the field only formats them.
type field struct {
	Name  string // the input's name, equal to its link key ("price")
	Label string // shown, and the name errors use ("Plan price")
	Value string // the text as typed or as a link carried it
	Hint  string // short help under the label ("per month, in USD")
	Unit  string // shown after the input ("credits", "s")
	Error string // the message to show; empty when the value is good
	// Mode is the virtual keyboard to offer: "decimal" (default) or "numeric".
	Mode string
	// Placeholder is shown in an empty input.
	Placeholder string
	// Heard, when set, is the name a screen reader hears, as picker's.
	Heard   string
	OnInput app.EventHandler
}

// fieldID is the id of the input named name; pages prefix nothing, so ids
// equal names and a <label for> can be written by hand.
func fieldID(name string) string { return "f-" + name }

// fieldMessageID is the id of the element that holds the field's message.
func fieldMessageID(name string) string { return "f-" + name + "-msg" }

// render returns the field's markup.
func (f field) render() app.UI {
	id := fieldID(f.Name)
	msgID := fieldMessageID(f.Name)
	hintID := id + "-hint"
	mode := f.Mode
	if mode == "" {
		mode = "decimal"
	}

	describedBy := msgID
	if f.Hint != "" {
		describedBy = hintID + " " + msgID
	}
	input := void("input").
		Attr("type", "text").
		ID(id).
		Attr("name", f.Name).
		Class("field-input").
		Attr("value", f.Value).
		Attr("inputmode", mode).
		Attr("autocomplete", "off").
		Attr("spellcheck", "false").
		Attr("aria-describedby", describedBy).
		On("input", f.OnInput, app.EventScope(f.Name))
	if f.Placeholder != "" {
		input = input.Attr("placeholder", f.Placeholder)
	}
	if f.Error != "" {
		input = input.Attr("aria-invalid", "true")
	}
	if f.Heard != "" {
		input = input.Attr("aria-label", f.Heard)
	}

	class := "field"
	if f.Error != "" {
		class += " field-bad"
	}
	var unit app.UI
	if f.Unit != "" {
		unit = textElem("span", "field-unit", f.Unit)
	}
	return elem("div", class,
		textElem("label", "field-label", f.Label).Attr("for", id),
		elem("span", "field-box", input, unit),
		rateElem("span", "field-hint", f.Hint).ID(hintID),
		textElem("p", "field-msg", f.Error).ID(msgID),
	)
}

// choice is one option of a picker.
type choice struct {
	_     pricing.NotComparable
	Value string
	Label string
}

// picker is a labelled <select> with a message beside it, the select-shaped
// sibling of field.
type picker struct {
	Name    string
	Label   string
	Value   string // the chosen option's value
	Hint    string
	Error   string
	Choices []choice
	// Heard, when set, is the name a screen reader hears: the label and
	// what it leaves to the picker's place on the page ("Project filter"
	// where the form above has a Project too). It starts with Label.
	Heard    string
	OnChange app.EventHandler
}

// render returns the picker's markup. A Value that is none of the Choices
// (a bad link) is shown as an extra option, so the person sees what the link
// said next to the message about it.
func (p picker) render() app.UI {
	id := fieldID(p.Name)
	msgID := fieldMessageID(p.Name)
	hintID := id + "-hint"
	describedBy := msgID
	if p.Hint != "" {
		describedBy = hintID + " " + msgID
	}

	known := false
	for _, c := range p.Choices {
		if c.Value == p.Value {
			known = true
		}
	}
	options := make([]app.UI, 0, len(p.Choices)+1)
	if !known && p.Value != "" {
		options = append(options, textElem("option", "", p.Value+" (not in the list)").Attr("value", p.Value).Attr("selected", true))
	}
	for _, c := range p.Choices {
		o := textElem("option", "", c.Label).Attr("value", c.Value)
		if c.Value == "" {
			// go-app drops an attribute whose value is empty (v10.1.11's
			// attributes.Set looks at the value, not the name), and an
			// option without one has its text as its value: /log's "All"
			// came back as a filter for "All". Without text its value is
			// "", and the label attribute names it.
			o = elem("option", "").Attr("label", c.Label)
		}
		if c.Value == p.Value {
			o = o.Attr("selected", true)
		}
		options = append(options, o)
	}

	sel := elem("select", "field-input", options...).
		ID(id).
		Attr("name", p.Name).
		Attr("aria-describedby", describedBy).
		On("change", p.OnChange, app.EventScope(p.Name))
	if p.Error != "" {
		sel = sel.Attr("aria-invalid", "true")
	}
	if p.Heard != "" {
		sel = sel.Attr("aria-label", p.Heard)
	}

	class := "field"
	if p.Error != "" {
		class += " field-bad"
	}
	return elem("div", class,
		textElem("label", "field-label", p.Label).Attr("for", id),
		elem("span", "field-box", sel),
		rateElem("span", "field-hint", p.Hint).ID(hintID),
		textElem("p", "field-msg", p.Error).ID(msgID),
	)
}

// checkedValue is a checkbox's link value, from its change event: "1"
// ticked, "" not.
func checkedValue(ctx app.Context) string {
	if ctx.JSSrc().Get("checked").Bool() {
		return "1"
	}
	return ""
}

// checkbox is a labelled checkbox; with a message (msg, shown in the
// element fieldMessageID(name)) it is marked invalid and points to it.
//
// Fields, pickers and boxes scope their handler by their name: go-app keeps
// an element's old handler when the new one comes from the same function
// literal (it compares code pointers), so /log's Upscale box, put where
// Veo 3's Audio box was, went on setting "audio" (helper 26).
func checkbox(id, name, value, label string, checked bool, msg string, h app.EventHandler) app.UI {
	in := void("input").Attr("type", "checkbox").ID(id).Attr("name", name).Attr("value", value).On("change", h, app.EventScope(name))
	// Prerendered HTML reads any checked attribute as checked, even
	// checked="false", so it is only written when true; in the browser it
	// is always set, because it sets the box's state, which the attribute
	// no longer does once the box was clicked.
	if checked || app.IsClient {
		in = in.Attr("checked", checked)
	}
	if msg != "" {
		in = in.Attr("aria-invalid", "true").Attr("aria-describedby", fieldMessageID(name))
	}
	return elem("label", "cmp-check", in, textElem("span", "", label)).Attr("for", id)
}
