package pricing

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error the package returns wraps one of them, so
// callers match with errors.Is and read the details with errors.As.
var (
	// Input (InputError).
	ErrEmpty     = errors.New("empty")
	ErrNotNumber = errors.New("not a number")
	ErrNegative  = errors.New("negative")
	ErrZero      = errors.New("zero")
	ErrTooLarge  = errors.New("too large")
	// ErrTooPrecise: more decimal places than the engine keeps
	// (MaxFractionDigits).
	ErrTooPrecise = errors.New("too many decimal places")
	// ErrBelowOne: a count that must be 1 or more, such as generations per
	// kept clip (you cannot keep more clips than you generate).
	ErrBelowOne = errors.New("must be 1 or more")
	// ErrTooManyTakes: generations per kept clip above MaxTakes. It wraps
	// ErrTooLarge.
	ErrTooManyTakes = fmt.Errorf("%w: more than %d generations per kept clip", ErrTooLarge, MaxTakes)
	// errNotRatio: generations per kept clip written as a fraction
	// ("7/3", ParseTakes) that is not two whole numbers more than 0. It
	// wraps ErrNotNumber.
	errNotRatio = fmt.Errorf("%w: not clips made/kept", ErrNotNumber)

	// ErrNotOffered: a model cannot make a shot (NotOfferedError). It is an
	// answer, not a failure: the shot is listed apart with the reason.
	ErrNotOffered = errors.New("not offered")

	// ErrInvalidProfile: a profile breaks the catalog's rules (ProfileError).
	ErrInvalidProfile = errors.New("invalid profile")

	// ErrUnknown: an ID (profile, plan, model, pack) that does not exist.
	ErrUnknown = errors.New("unknown")

	// ErrCurrency: two currencies met without a rate to convert them.
	ErrCurrency = errors.New("no exchange rate")

	// ErrNoPrice: a lens finds no way to buy the credits a model needs
	// (for example "yearly" on a platform without yearly billing).
	ErrNoPrice = errors.New("no price")
)

// InputError is a value a person typed (or a link carried) that cannot be
// used. Field is the label shown beside the input ("Credits per month").
// Its message is a sentence a person understands and names the field.
type InputError struct {
	Field string
	Value string
	Err   error // one of ErrEmpty, ErrNotNumber, ErrNegative, ErrZero, ErrTooLarge…, a *UnitError (ParseIn), a *PeriodError (ParseInPer), a *CurrencyError (ParseRate), or what is wrong in words (ParsePrice)
}

func (e *InputError) Error() string {
	switch {
	case errors.Is(e.Err, ErrEmpty):
		return e.Field + " is empty"
	case e.Err == errNotRatio:
		return e.Field + " must be a number like 1.5, or clips made/kept like 7/3"
	case errors.Is(e.Err, ErrNotNumber) && exponentForm(e.Value):
		// "1e12" is a number: "must be a number" told the person it was not.
		return e.Field + " must be written out in full, like 1200000, not in exponent form like 1.2e6"
	case errors.Is(e.Err, ErrNotNumber):
		return e.Field + " must be a number, like 30 or 1,200.50"
	case errors.Is(e.Err, ErrNegative):
		return e.Field + " cannot be negative"
	case errors.Is(e.Err, ErrZero):
		return e.Field + " must be more than 0"
	case errors.Is(e.Err, ErrTooManyTakes):
		return e.Field + " must be at most " + FormatInt(MaxTakes)
	case errors.Is(e.Err, ErrTooLarge):
		return e.Field + " is too large"
	case errors.Is(e.Err, ErrTooPrecise):
		return e.Field + " has too many decimal places"
	case errors.Is(e.Err, ErrBelowOne):
		// "0.33" or "1/3" is a person who keeps one clip in three writing
		// the share kept: say which figure the field wants.
		return e.Field + " must be 1 or more: keeping 1 clip in 3 is 3"
	}
	// Other packages wrap their own sentinels, worded as what the value
	// must be ("must be a date like 2025-03-01"), so the sentence reads
	// "Date must be a date like 2025-03-01".
	return e.Field + " " + e.Err.Error()
}

func (e *InputError) Unwrap() error { return e.Err }

// exponentForm reports whether s is a number in exponent form: "1e12",
// "1.2E-05".
func exponentForm(s string) bool {
	mant, exp, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "e")
	exp = strings.TrimPrefix(strings.TrimPrefix(exp, "-"), "+")
	digits := func(t string) bool { return t != "" && strings.Trim(t, "0123456789") == "" }
	whole, frac, point := strings.Cut(mant, ".")
	return ok && digits(exp) && (digits(whole) && (!point || digits(frac)) || whole == "" && digits(frac))
}

// NotOfferedError says why a model cannot make a shot, in words a person
// reads: "10 s not offered at 1080p".
type NotOfferedError struct {
	Profile string
	Model   string
	Reason  string
}

func (e *NotOfferedError) Error() string { return e.Reason }

func (e *NotOfferedError) Unwrap() error { return ErrNotOffered }

// ProfileError is a broken rule in a profile: Path names the field in the
// catalog's JSON ("plans[1].credits") and Err says what is wrong with it.
type ProfileError struct {
	Profile string
	Path    string
	Err     error
}

func (e *ProfileError) Error() string {
	msg := e.Err.Error()
	if e.Path != "" {
		msg = e.Path + ": " + msg
	}
	if e.Profile != "" {
		msg = fmt.Sprintf("profile %q: %s", e.Profile, msg)
	}
	return msg
}

func (e *ProfileError) Unwrap() []error { return []error{ErrInvalidProfile, e.Err} }
