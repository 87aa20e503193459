package app

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

// barChart is a horizontal bar chart drawn as SVG by Go code, no chart
// library: one bar per item, its label above it and its value at its end.
// The compare page uses it for the cost per kept second; the planner and
// the clip log can use it for any list of amounts.
//
// It is a value rendered by a page, like field: the page builds it in a
// handler with newBarChart, which does the arithmetic (each bar's length),
// and Render only writes it out.
//
// The SVG has no viewBox: its width is the page's (100%), bar lengths are
// percentages of it and text keeps the page's font size, so labels stay
// readable on a phone instead of shrinking with the picture. Screen readers
// get role="img" named by its <title> and described by its <desc>, and a
// visually hidden table of every label and value as its text alternative.
type barChart struct {
	ID    string // the chart's id; its title, description and table derive theirs from it
	Title string // what the chart shows: "Cost per kept second"
	Desc  string // a sentence for screen readers: what the bars compare, and the extremes
	// ValueLabel heads the values' column in the text alternative.
	ValueLabel string
	// Mark says what a marked bar is, in a legend under the chart
	// ("Darker bar: the cheaper at that size.") and beside its value in
	// the text alternative: "the cheaper at that size". "" says nothing:
	// a chart that marks a bar sets it, or the darker bar goes unexplained.
	Mark string
	Bars []chartBar
}

// chartBar is one bar.
type chartBar struct {
	_      pricing.NotComparable
	Label  string          // "Ray 2 Flash · Luma Dream Machine (app)"
	Text   string          // the value as shown: "$0.026"
	Key    string          // data-key of the bar's group, for tests and styling
	Amount decimal.Decimal // the bar's length, in any unit; negative counts as 0
	Mark   bool            // highlighted (the cheapest)

	width string // percent of the chart's width, set by newBarChart
	y     int    // top of the bar's row, in px
	short string // Label, cut to fit a phone's width
}

// Geometry, in CSS pixels. A row is a label line and a bar under it.
const (
	chartRowHeight = 38
	chartLabelY    = 14 // baseline of the label
	chartBarY      = 19 // top of the bar
	chartBarHeight = 12
	chartValueY    = 29 // baseline of the value beside the bar
	chartPad       = 4
	// chartLabelRunes is the longest label drawn whole on a phone; a longer
	// one is cut with an ellipsis (the text alternative and the bar's
	// tooltip keep it whole). About 45 characters fit a 360 px phone.
	chartLabelRunes = 45
	// chartWideLabelRunes is the same for a chart at least 44rem wide
	// (app.css draws one label or the other): about 90 characters fit.
	chartWideLabelRunes = 90
	// chartMaxWidth is the longest bar, in percent: the rest of the width
	// holds the value written at the bar's end.
	chartMaxWidth = 72
)

// newBarChart lays out bars: the largest amount gets the longest bar and
// the others theirs in proportion (a bar that is not zero is never drawn
// thinner than a sliver). All zero amounts draw no bars at all.
func newBarChart(id, title, desc, valueLabel string, bars []chartBar) barChart {
	c := barChart{ID: id, Title: title, Desc: desc, ValueLabel: valueLabel, Bars: make([]chartBar, len(bars))}
	maxAmount := decimal.Zero
	for _, b := range bars {
		if b.Amount.GreaterThan(maxAmount) {
			maxAmount = b.Amount
		}
	}
	full := decimal.NewFromInt(chartMaxWidth)
	sliver := decimal.RequireFromString("0.5")
	for i, b := range bars {
		w := decimal.Zero
		if maxAmount.IsPositive() && b.Amount.IsPositive() {
			// maxAmount > 0 was checked: the division cannot panic.
			w = b.Amount.Mul(full).DivRound(maxAmount, 2)
			if w.LessThan(sliver) {
				w = sliver
			}
		}
		b.width = w.StringFixed(2) + "%"
		b.short = shorten(b.Label, chartLabelRunes)
		b.y = chartPad + i*chartRowHeight
		c.Bars[i] = b
	}
	return c
}

// shorten cuts s to at most n runes, ending it with an ellipsis when cut.
func shorten(s string, n int) string {
	if n < 2 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ·,(") + "…"
}

// height is the SVG's height in px.
func (c barChart) height() int {
	return 2*chartPad + len(c.Bars)*chartRowHeight
}

// svgNS is the SVG namespace: go-app creates an element in it only when
// told, element by element.
const svgNS = "http://www.w3.org/2000/svg"

// svg returns an SVG element of the given tag.
func svg(tag string) app.HTMLElem {
	return app.Elem(tag).XMLNS(svgNS)
}

// render returns the chart's markup: a figure with the SVG, its text
// alternative and, when a bar is marked, its legend (read after the
// chart by a screen reader; the table says the same beside the value).
func (c barChart) render() app.UI {
	titleID, descID := c.ID+"-title", c.ID+"-desc"
	// The SVG's title and description, then a group per bar.
	graphic := []app.UI{svg("title").ID(titleID).Text(c.Title), svg("desc").ID(descID).Text(c.Desc)}
	rows := make([]app.UI, len(c.Bars))
	var legend app.UI
	for i, b := range c.Bars {
		graphic = append(graphic, b.render())
		text := b.Text
		if b.Mark && c.Mark != "" {
			text += " (" + c.Mark + ")"
			legend = textElem("p", "chart-legend", "Darker bar: "+c.Mark+".")
		}
		rows[i] = elem("tr", "",
			textElem("th", "", b.Label).Attr("scope", "row"),
			textElem("td", "", text),
		)
	}
	return elem("figure", "chart",
		attrs(svg("svg"), "class", "chart-svg", "width", "100%", "height", strconv.Itoa(c.height()),
			// Named by the title and described by the sentence: named by
			// both, Chrome gave the picture the sentence as its name and
			// again as its description (from <desc>), read out twice.
			"role", "img", "aria-labelledby", titleID, "aria-describedby", descID, "focusable", "false").
			Body(graphic...),
		// Hidden by a wrapper, not on the table itself: a table is at least
		// as wide as its content whatever its width, so a hidden table of
		// long labels made the page wider than a phone's screen.
		elem("div", "visually-hidden",
			elem("table", "",
				textElem("caption", "", c.Title),
				elem("thead", "", elem("tr", "",
					textElem("th", "", "Item").Attr("scope", "col"),
					textElem("th", "", c.ValueLabel).Attr("scope", "col"),
				)),
				elem("tbody", "", rows...),
			).ID(c.ID+"-data"),
		),
		legend,
	).ID(c.ID)
}

// render returns one bar's group: its label, the bar and its value.
func (b chartBar) render() app.UI {
	class := "chart-bar"
	if b.Mark {
		class += " chart-bar-mark"
	}
	y := func(dy int) string { return strconv.Itoa(b.y + dy) }
	label := func(class, text string) app.UI {
		return attrs(svg("text"), "class", class, "x", "0", "y", y(chartLabelY)).Text(text)
	}
	narrow, wide := label("chart-label", b.short), app.UI(nil)
	if long := shorten(b.Label, chartWideLabelRunes); long != b.short {
		narrow, wide = label("chart-label chart-label-narrow", b.short), label("chart-label chart-label-wide", long)
	}
	return attrs(svg("g"), "class", class, "data-key", b.Key).Body(
		svg("title").Text(b.Label+": "+b.Text),
		narrow,
		wide,
		attrs(svg("rect"), "class", "chart-rect", "x", "0", "y", y(chartBarY),
			"width", b.width, "height", strconv.Itoa(chartBarHeight), "rx", "2"),
		attrs(svg("text"), "class", "chart-value", "x", b.width, "dx", "6", "y", y(chartValueY)).
			Text(b.Text),
	)
}
