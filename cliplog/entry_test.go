package cliplog

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

func TestCostIsExact(t *testing.T) {
	tests := []struct {
		credits, price, want string
	}{
		{"50", "0.012", "0.6"},
		{"42.5", "0.0333333333333333", "1.41666666666666525"},
		{"0", "0.01", "0"},
		{"1000000", "0.0000000000000001", "0.0000000001"},
		{"999999999999999", "999999999999999", "999999999999998000000000000001"},
	}
	for _, tt := range tests {
		got := CostOf(d(tt.credits), money(tt.price, pricing.USD))
		if pricing.Exact(got.Amount) != tt.want || got.Currency != pricing.USD {
			t.Errorf("CostOf(%s, %s) = %s, want %s", tt.credits, tt.price, pricing.Exact(got.Amount), tt.want)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := mk("m3kq2x1c-9f3a21bc04de", "2025-03-01", "10", "50", "0.012", pricing.USD, true)
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid entry: %v", err)
	}
	tests := []struct {
		name   string
		change func(*Entry)
		field  string
		err    error
		msg    string
	}{
		// IDs
		{"no id", func(e *Entry) { e.ID = "" }, FieldID, pricing.ErrEmpty, "ID is empty"},
		{"id with space", func(e *Entry) { e.ID = "a b" }, FieldID, ErrBadID, ""},
		{"id starting with dash", func(e *Entry) { e.ID = "-a" }, FieldID, ErrBadID, ""},
		{"id too long", func(e *Entry) { e.ID = strings.Repeat("a", 65) }, FieldID, ErrBadID, ""},
		// dates and times
		{"no date", func(e *Entry) { e.Date = "" }, FieldDate, pricing.ErrEmpty, "Date is empty"},
		{"bad date", func(e *Entry) { e.Date = "2025-02-30" }, FieldDate, ErrBadDate, "Date must be a date like 2025-03-01"},
		{"us date", func(e *Entry) { e.Date = "03/01/2025" }, FieldDate, ErrBadDate, ""},
		{"bad created", func(e *Entry) { e.Created = "yesterday" }, FieldCreated, ErrBadTime, ""},
		{"bad updated", func(e *Entry) { e.Updated = "2025-03-01" }, FieldUpdated, ErrBadTime, ""},
		// text
		{"no profile", func(e *Entry) { e.ProfileID = " " }, FieldProfileID, pricing.ErrEmpty, ""},
		{"no model", func(e *Entry) { e.ModelID = "" }, FieldModelID, pricing.ErrEmpty, ""},
		{"long project", func(e *Entry) { e.Project = strings.Repeat("x", MaxNameLen+1) }, FieldProject, ErrTooLong, ""},
		{"long note", func(e *Entry) { e.Note = strings.Repeat("x", MaxNoteLen+1) }, FieldNote, ErrTooLong, ""},
		// add-ons
		{"unknown add-on", func(e *Entry) { e.Addons = []pricing.AddonKind{"sparkles"} }, FieldAddons, ErrBadAddon,
			"Add-ons must be audio, upscale, lip_sync or extend, each once"},
		{"add-on twice", func(e *Entry) { e.Addons = []pricing.AddonKind{"audio", "audio"} }, FieldAddons, ErrBadAddon, ""},
		{"newline in client", func(e *Entry) { e.Client = "a\nb" }, FieldClient, ErrBadText, ""},
		{"carriage return in note", func(e *Entry) { e.Note = "a\r\nb" }, FieldNote, ErrBadText, ""},
		{"invalid utf-8", func(e *Entry) { e.Project = "\xff" }, FieldProject, ErrBadText, ""},
		{"bad res", func(e *Entry) { e.Res = "768P" }, FieldRes, ErrBadRes, ""},
		// amounts
		{"zero seconds", func(e *Entry) { e.Seconds = decimal.Zero }, FieldSeconds, pricing.ErrZero, "Seconds must be more than 0"},
		{"negative seconds", func(e *Entry) { e.Seconds = d("-5") }, FieldSeconds, pricing.ErrNegative, "Seconds cannot be negative"},
		{"a day and more", func(e *Entry) { e.Seconds = d("86401") }, FieldSeconds, pricing.ErrTooLarge, ""},
		{"negative credits", func(e *Entry) { e.Credits = d("-1"); *e = e.Derive() }, FieldCredits, pricing.ErrNegative, ""},
		{"huge credits", func(e *Entry) { e.Credits = d("1e20"); *e = e.Derive() }, FieldCredits, pricing.ErrTooLarge, ""},
		{"tiny price", func(e *Entry) { e.PricePerCredit.Amount = d("1e-17"); *e = e.Derive() }, FieldPricePerCredit, pricing.ErrTooPrecise, ""},
		{"absurd exponent", func(e *Entry) { e.PricePerCredit.Amount = decimal.New(1, -100000); *e = e.Derive() }, FieldPricePerCredit, pricing.ErrTooPrecise, ""},
		{"no currency", func(e *Entry) { e.PricePerCredit.Currency = ""; *e = e.Derive() }, FieldCurrency, pricing.ErrEmpty, ""},
		{"lower-case currency", func(e *Entry) { e.PricePerCredit.Currency = "usd"; *e = e.Derive() }, FieldCurrency, ErrBadCurrency, ""},
		{"cost not derived", func(e *Entry) { e.Cost = money("1", pricing.USD) }, FieldCost, ErrCostMismatch, ""},
		{"cost in other currency", func(e *Entry) { e.Cost.Currency = pricing.EUR }, FieldCost, ErrCostMismatch, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ok
			tt.change(&e)
			err := e.Validate()
			var ie *pricing.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Validate() = %v, want *pricing.InputError", err)
			}
			if ie.Field != tt.field || !errors.Is(err, tt.err) {
				t.Errorf("Validate() = %q (field %q), want field %q wrapping %v", err, ie.Field, tt.field, tt.err)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err, tt.msg)
			}
		})
	}
}

func TestNewID(t *testing.T) {
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	a, err := NewID(now, bytes.NewReader([]byte{1, 2, 3, 4, 5, 6}))
	if err != nil || a != "m7q16ps0-010203040506" {
		t.Fatalf("NewID = %q, %v", a, err)
	}
	b, _ := NewID(now.Add(time.Millisecond), bytes.NewReader([]byte{0, 0, 0, 0, 0, 0}))
	if !(a < b) || !validID(a) || !validID(b) {
		t.Errorf("IDs %q, %q: want later IDs to sort later, and valid", a, b)
	}
	if _, err := NewID(now, bytes.NewReader(nil)); err == nil {
		t.Error("NewID with no random bytes: want an error")
	}
	if got := Timestamp(time.Date(2025, 3, 1, 11, 0, 0, 5, time.FixedZone("CET", 3600))); got != "2025-03-01T10:00:00Z" {
		t.Errorf("Timestamp = %q", got)
	}
}

func TestCostPerSecond(t *testing.T) {
	e := mk("a", "2025-03-01", "3", "10", "0.01", pricing.USD, true)
	got, ok := e.CostPerSecond()
	if !ok || pricing.Exact(got.Amount) != "0.0333333333333333" {
		t.Errorf("CostPerSecond = %s, %v", pricing.Exact(got.Amount), ok)
	}
	e.Seconds = decimal.Zero
	if _, ok := e.CostPerSecond(); ok {
		t.Error("CostPerSecond of 0 s: want false")
	}
}

func TestAPIEntry(t *testing.T) {
	e := mk("api1", "2025-03-01", "8", "0.40", "1", pricing.USD, true)
	e.PricePerCredit = APIPrice(pricing.USD)
	e = e.Derive()
	if err := e.Validate(); err != nil || pricing.Exact(e.Cost.Amount) != "0.4" {
		t.Errorf("API entry: cost %s, %v", pricing.Exact(e.Cost.Amount), err)
	}
}
