package app

import (
	stdhtml "html"
	"strings"
	"testing"

	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// TestRateElem: each part of a rate's description, as the engine writes
// it and as the pages put it in a sentence, is a span of its own (kept on
// one line by web/app.css) with the punctuation it touches; the rest is
// text as it was, and the page reads the same, prerendered too (where
// go-app's HTML has a line break beside each element).
func TestRateElem(t *testing.T) {
	at := func(d string) pricing.Rates {
		return withRate(pricing.DefaultRates(), decimal.RequireFromString(d), "typed")
	}
	dated := "[1 USD = 0.86 EUR] [(rate of " + pricing.DefaultRates().Date + ")]"
	tests := []struct{ in, want string }{
		// The engine's descriptions, alone and in a line of working.
		{pricing.DefaultRates().Describe(pricing.USD, pricing.EUR), dated},
		{pricing.DefaultRates().Describe(pricing.EUR, pricing.USD), "[1 EUR = 1.1628 USD] [(rate of 2026-11-01)]"},
		{at("0.9").Describe(pricing.USD, pricing.EUR), "[1 USD = 0.9 EUR]"},
		{at("1234.5").Describe(pricing.USD, pricing.EUR), "[1 USD = 1,234.5 EUR]"},
		{pricing.FormatConversion(pricing.NewMoney(decimal.NewFromInt(10), pricing.USD),
			pricing.NewMoney(decimal.NewFromInt(9), pricing.EUR), at("0.9")), "$10.00 = €9.00 at [1 USD = 0.9 EUR]"},
		// The pages' sentences.
		{"Euros for 1 USD. Bundled: 1 USD = 0.86 EUR (rate of 2026-11-01), approximate; type your own",
			"Euros for 1 USD. Bundled: " + dated[:len(dated)-1] + ",] approximate; type your own"},
		{"your clip log's; the link's 1 USD = 0.8 EUR is not used", "your clip log's; the link's [1 USD = 0.8 EUR] is not used"},
		{"≈ converted into EUR: 1 USD = 0.86 EUR (rate of 2026-11-01); 1 GBP = 1.1316 EUR (rate of 2026-11-01).",
			"≈ converted into EUR: " + dated[:len(dated)-1] + ";] [1 GBP = 1.1316 EUR] [(rate of 2026-11-01).]"},
		// No rate.
		{"", ""},
		{"Euros for 1 USD.", "Euros for 1 USD."},
		{"11 USD = 9 EUR", "11 USD = 9 EUR"},
		{"1 USD = EUR", "1 USD = EUR"},
		{"(rate of )", "(rate of )"},
		{"(rate of 2026-11-01", "(rate of 2026-11-01"},
	}
	for _, tt := range tests {
		html := app.HTMLString(rateElem("p", "", tt.in))
		html = strings.Join(strings.Fields(html), " ") // as a browser shows it
		got := stdhtml.UnescapeString(strings.NewReplacer(`<span class="rate">`, "[", "</span>", "]", "<p>", "", "</p>", "").Replace(html))
		got = strings.TrimSpace(got)
		if got != tt.want {
			t.Errorf("rateElem(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
