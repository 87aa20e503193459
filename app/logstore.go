package app

import (
	"errors"
	"strings"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// This file connects the clip log (package cliplog) to the pages: where the
// log is stored, and the measured generations per kept clip that the
// calculator and compare pages offer as their default.
//
// The log lives in deviceStore (customprofiles.go): the browser's
// localStorage through go-app's JS API, one key per entry, values stored as
// they are. It does not go through ctx.LocalStorage(): go-app's
// BrowserStorage JSON-encodes every value and its Get, Contains and ForEach
// panic when the browser blocks storage, and a value that is not JSON could
// not be read back as text, so a corrupt record could not be shown or
// downloaded. deviceStore recovers every exception a browser throws and
// classifies it with cliplog.StoreError (QuotaExceededError →
// cliplog.ErrStorageFull, anything else → cliplog.ErrStorageUnavailable).

// openLog opens the clip log from the device's storage. When the browser
// gives no storage at all (private mode, site data blocked), the log opens
// in memory so the page still works until the tab closes: mem is true and
// err says why. When prerendering there is no device: the log is empty.
func openLog() (l *cliplog.Log, rep cliplog.LoadReport, mem bool, err error) {
	s := deviceStore()
	if s != nil {
		l, rep, err = cliplog.Open(s)
		if !errors.Is(err, cliplog.ErrStorageUnavailable) || l.Len() > 0 {
			return l, rep, false, err
		}
	}
	l, rep, _ = cliplog.Open(cliplog.NewMemStore())
	return l, rep, s != nil, err
}

// measured holds the log's measured generations per kept clip for the
// pages that offer them: read once on first use (cliplog.Measured, kept in
// storage between visits), and kept current by the log page whenever it
// changes the log.
var measured struct {
	done bool
	rs   []cliplog.Retakes
}

// setMeasured replaces the figures with those of l's entries, and keeps
// them in storage for the next page's start.
func setMeasured(l *cliplog.Log) {
	es := l.Entries()
	measured.done, measured.rs = true, cliplog.MeasureRetakes(es)
	if s := deviceStore(); s != nil {
		cliplog.KeepMeasured(s, es, measured.rs)
	}
}

// deviceRates returns the exchange rates the clip log converts with (its
// settings, typed on /log), for the pages that convert money as it does:
// the bundled table when there are none, no storage, or a table not based
// on the dollar (/compare's rate field is euros for one dollar).
func deviceRates() pricing.Rates {
	if s := deviceStore(); s != nil {
		if r := cliplog.SavedRates(s); r.Base == pricing.USD {
			return r
		}
	}
	return pricing.DefaultRates()
}

// linkedRate is the one rule /compare and /plan read a link's exchange
// rate by, where it is the rate its maker's clip log converted at (written
// "~0.9", euros for 1 USD; /plan's plain "0.9" of before too): it counts
// on a device without rates of its own, saved on /log, so that a shared
// page shows what its maker saw; where the device has rates of its own,
// they are the person's and count, and the page says the link's did not.
// (A page's own address carries its log's rate the same way, so the nav, a
// reload or Back never hold an old rate against one typed on /log since.)
// s is the rate without its "~" ("" for none); used says whether it
// counts. A rate typed in /compare's field is no link's: it always counts.
func linkedRate(base pricing.Rates, s string) (r pricing.Rates, used bool, err error) {
	if s == "" {
		return base, false, nil
	}
	d, err := pricing.ParseRate(labelRate, s, pricing.USD, pricing.EUR)
	if err != nil || base.Source != pricing.DefaultRates().Source {
		return base, false, err
	}
	return withRate(base, d, "the link's"), true, nil
}

// linkRateWords says which rate a page converts at when a link carried
// one (s, as linkedRate reads it): "" when it carried none.
func linkRateWords(s string, used bool) string {
	d, err := pricing.ParseRate(labelRate, s, pricing.USD, pricing.EUR)
	switch {
	case s == "":
		return ""
	case errors.Is(err, pricing.ErrOtherCurrency), errors.Is(err, pricing.ErrOtherUnit):
		// "~$0.9": a number, but not euros (it was read as 0.9 EUR).
		return "the link's rate is not in EUR, and is not used"
	case err != nil:
		return "the link's rate is not a number, and is not used"
	case used:
		return "the link's rate, from the clip log it was made with"
	}
	return "your clip log's; the link's 1 USD = " + pricing.FormatNumber(d) + " EUR is not used"
}

// measuredTakes returns the generations per kept clip measured in the clip
// log for a profile's model (profileID "" sums every clip of the log), as
// exactly as the log divides and at most pricing.MaxTakes (the pages show
// it with pricing.FormatApprox: "~2.33"), with where it comes
// from: "measured from your log: 12 clips, 8 kept". ok is false when the log has no kept clip of it, or no
// log at all; a page then keeps its own default. A visitor without a log
// gets nothing written by asking.
func measuredTakes(profileID, modelID string) (takes decimal.Decimal, source string, ok bool) {
	if !measured.done {
		measured.done = true
		if s := deviceStore(); s != nil {
			measured.rs = cliplog.Measured(s)
		}
	}
	var r cliplog.Retakes
	if profileID == "" {
		for _, x := range measured.rs {
			r.Generations += x.Generations
			r.Kept += x.Kept
		}
	} else {
		r, _ = cliplog.FindRetakes(measured.rs, profileID, modelID)
	}
	// Held within what the pages take (pricing.MaxTakes): the counts in the
	// source say why a log of 5,000 tries and 1 kept clip counts as 1,000.
	if takes, ok = pricing.MeasuredTakes(r.Generations, r.Kept); !ok {
		return takes, "", false
	}
	return takes, r.Source(), true
}

// takesText writes generations per kept clip for a link to another page
// or a share, exactly and readably: a clip log's measure (a model's, or
// every platform's) as its counts ("7/3", pricing.TakesText), which
// ParseTakes reads back as the very figure counted here, any other figure
// as it is ("1.5"). A measure written whole ("2.3333333333333333") landed
// in the other page's field as that.
func takesText(d decimal.Decimal) string {
	measuredTakes("", "") // reads the log on first use
	var all cliplog.Retakes
	for _, r := range measured.rs {
		if m, ok := pricing.MeasuredTakes(r.Generations, r.Kept); ok && m.Equal(d) {
			return pricing.TakesText(r.Generations, r.Kept)
		}
		all.Generations += r.Generations
		all.Kept += r.Kept
	}
	if m, ok := pricing.MeasuredTakes(all.Generations, all.Kept); ok && m.Equal(d) {
		return pricing.TakesText(all.Generations, all.Kept)
	}
	return pricing.Exact(d)
}

// takesHint says where a takes field's default comes from: the source
// alone when the field is empty or holds the measured figure, else the
// figure and its source.
func takesHint(value string, takes decimal.Decimal, source string) string {
	if v, err := pricing.ParseTakes(labelTakes, value); strings.TrimSpace(value) == "" || err == nil && v.Equal(takes) {
		return sentence(source)
	}
	return "Your log: " + pricing.FormatApprox(takes) + ", " + source + "."
}

// takesField is the calculator's "generations per kept clip" field: empty,
// it counts as the figure measured in the clip log for the chosen platform
// and model, or else for every platform, as /compare and /plan count it
// (shown as its placeholder, with where it came from), or as 1.
func (c *calculator) takesField() app.UI {
	hint, placeholder := fractionHint(c.values["takes"], "tries for each clip you keep"), "1"
	if d, src, ok := c.measuredTakes(); ok {
		hint, placeholder = takesHint(c.values["takes"], d, src), pricing.FormatApprox(d)
	}
	return c.field("takes", hint, "", placeholder)
}

// measuredTakes is measuredTakes for the chosen platform and model, or else
// for every platform.
func (c *calculator) measuredTakes() (decimal.Decimal, string, bool) {
	if c.bundled {
		if d, src, ok := measuredTakes(c.values["profile"], c.values["model"]); ok {
			return d, src, true
		}
	}
	d, src, ok := measuredTakes("", "")
	return d, src + " (every platform)", ok
}

// takesField is the compare page's "generations per kept clip" field, with
// where the clip log's measured figure came from when it is offered.
func (c *compare) takesField() app.UI {
	f := field{
		Name: "takes", Label: compareLabels["takes"], Value: c.values["takes"],
		Error: c.errs["takes"], Mode: "decimal", OnInput: c.onInput("takes"),
	}
	if d, src, ok := measuredTakes("", ""); ok && c.takesMeasured {
		f.Hint = sentence(src + " (every platform)")
	} else if ok {
		f.Hint = takesHint(c.values["takes"], d, src+" (every platform)")
	} else {
		f.Hint = fractionHint(c.values["takes"], "")
	}
	return f.render()
}

// fractionHint is the hint of a takes field typed as its counts, "7/3"
// (as a link from a clip log carries them): the figure they stand for,
// "~2.33", before hint. Any other value keeps hint.
func fractionHint(value, hint string) string {
	if !strings.Contains(value, "/") {
		return hint
	}
	d, err := pricing.ParseTakes(labelTakes, value)
	if err != nil {
		return hint
	}
	return strings.TrimSpace(pricing.FormatApprox(d) + " " + hint)
}
