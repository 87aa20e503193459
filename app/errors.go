package app

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// genericErrorMessage is what a person reads for an error nobody expected.
const genericErrorMessage = "Something went wrong with this calculation. Check the numbers, or reload the page."

// errorMessage turns any error into the sentence a person reads, next to
// the field it is about (wtf's ErrorMessage). It is the one place where
// pricing's typed errors become words; an error it does not know becomes a
// generic sentence and is logged.
func errorMessage(err error) string {
	if err == nil {
		return ""
	}

	// errors.AsType, not errors.As: it needs no reflection, which keeps
	// internal/reflectlite out of app.wasm when no other code uses errors.As.
	if input, ok := errors.AsType[*pricing.InputError](err); ok {
		return inputMessage(input)
	}
	if notOffered, ok := errors.AsType[*pricing.NotOfferedError](err); ok {
		if notOffered.Reason != "" {
			return sentence(notOffered.Reason)
		}
		return "This model cannot make that clip."
	}
	if choice, ok := errors.AsType[*choiceError](err); ok {
		return sentence(choice.Error())
	}
	if unknown, ok := errors.AsType[*unknownError](err); ok {
		return sentence(unknown.Error())
	}
	switch {
	case errors.Is(err, pricing.ErrNoPrice):
		return "This plan has no price for that billing; pick another billing or plan."
	case errors.Is(err, pricing.ErrCurrency):
		return "There is no exchange rate for this currency."
	case errors.Is(err, pricing.ErrUnknown):
		return "That choice is not in the catalog; pick one from the list."
	case errors.Is(err, pricing.ErrInvalidProfile):
		app.Logf("calculator: %v", err)
		return "This platform's prices could not be read. Pick another platform, or type your own numbers."
	}
	app.Logf("calculator: unexpected error: %v", err)
	return genericErrorMessage
}

// inputMessage words a bad value: pricing's InputError already names the
// field in a sentence.
func inputMessage(e *pricing.InputError) string { return sentence(e.Error()) }

// choiceError is a choice a link carried that is not in the list it must
// come from (a platform, plan, model or resolution): Field is the label of
// the picker, Value what the link said. It wraps pricing.ErrUnknown.
type choiceError struct {
	_     pricing.NotComparable
	Field string
	Value string
}

func (e *choiceError) Error() string {
	return e.Field + " “" + e.Value + "” is not in the list; pick one of the choices"
}

func (e *choiceError) Unwrap() error { return pricing.ErrUnknown }

// unknownError is a price the catalog does not know (its sources do not
// publish it), so the page cannot compute it: Subject names what is missing
// ("the plan prices of Hailuo AI (app)"). It wraps pricing.ErrNoPrice.
type unknownError struct {
	_       pricing.NotComparable
	Subject string // "the plan prices of Hailuo AI (app)"
	Other   string // what to pick instead: "platform"
}

func (e *unknownError) Error() string {
	return e.Subject + " are not published; pick another " + e.Other + ", or type your own numbers"
}

func (e *unknownError) Unwrap() error { return pricing.ErrNoPrice }

// Names of what the sources do not publish, for a sentence. The name comes
// last, not as a possessive: "Hailuo AI (app)'s plan prices" and "Kling 3.0
// Standard (silent)'s price" read badly, and many names end in parentheses.

// planPrices names a platform's plan prices: "the plan prices of Hailuo AI (app)".
func planPrices(p pricing.Profile) string { return "the plan prices of " + p.Name }

// modelPrices names a model's prices: "the credit costs of Veo 3", on an
// API "the prices of Veo 3".
func modelPrices(m pricing.Model, api bool) string {
	if api {
		return "the prices of " + m.Name
	}
	return "the credit costs of " + m.Name
}

// unpricedAudio says why a shot with native audio is not priced on m,
// naming the model (the engine's reasons, "native audio price not
// published" and "native audio not stated by its source", name none): it
// makes audio at a price no source gives (pricing.AudioUnpriced), or no
// source says whether it makes audio (pricing.AudioNotStated; on a
// person's own profile, custom, which has no source, their profile does
// not set it). It is "" for a model that is silent or prices its audio.
func unpricedAudio(m pricing.Model, custom bool) string {
	switch {
	case !audioUnknown(m):
	case m.Audio == pricing.AudioUnpriced:
		return "the price of " + m.Name + " with native audio is not published"
	case custom:
		return "whether " + m.Name + " makes native audio is not set in your profile"
	default:
		return "whether " + m.Name + " makes native audio is not stated by its source"
	}
	return ""
}

// audioUnknown reports whether m's price with native audio is unknown:
// made at a price no source gives (Sora 2), or made or not, no source says
// (Gen-4). unpricedAudio says why.
func audioUnknown(m pricing.Model) bool {
	return m.Audio == pricing.AudioUnpriced || m.Audio == pricing.AudioNotStated
}

// sentence starts s with a capital letter and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}
