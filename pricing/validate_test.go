package pricing_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/aivc/aivc/pricing"
	"github.com/shopspring/decimal"
)

// demoProfileJSON is a small valid profile; the tables below break it one
// rule at a time.
const demoProfileJSON = `{
  "id": "demo", "name": "Demo", "platform": "Demo", "kind": "credits", "currency": "USD",
  "url": "https://example.com/pricing",
  "plans": [
    {"id": "basic", "name": "Basic", "monthly": "10.00", "credits": "1000",
     "source": {"url": "https://example.com/pricing", "read": "2026-01-02", "evidence": "official"}},
    {"id": "big", "name": "Big", "monthly": "30.00", "yearly_per_month": "25.00", "credits": "4000",
     "source": {"url": "https://example.com/pricing", "read": "2026-01-02", "evidence": "official"}}
  ],
  "packs": [
    {"id": "top-up", "name": "Top-up", "price": "5.00", "credits": "500", "valid_days": 365,
     "source": {"url": "https://example.com/pricing", "read": "2026-01-02", "evidence": "official"}}
  ],
  "free": {"credits": "50", "period": "day",
           "source": {"url": "https://example.com/free", "read": "2026-01-02", "evidence": "secondary"}},
  "models": [
    {"id": "fast-one", "name": "Fast One", "tier": "fast", "durations": {"list": [5, 10]},
     "rates": [{"res": "720p", "per_second": "5"}],
     "source": {"url": "https://example.com/models", "read": "2026-01-02", "evidence": "official"}},
    {"id": "big-one", "name": "Big One", "tier": "premium", "durations": {"min": 4, "max": 8},
     "rates": [{"res": "1080p", "buckets": [{"seconds": 4, "units": "40"}, {"seconds": 8, "units": "80"}]}],
     "multipliers": [{"res": "4k", "factor": "2.5"}],
     "audio": "addon",
     "addons": [{"kind": "audio", "name": "Audio", "per_second": "1",
                 "source": {"url": "https://example.com/models", "read": "2026-01-02", "evidence": "derived"}}],
     "plans": ["big"],
     "source": {"url": "https://example.com/models", "read": "2026-01-02", "evidence": "official"}}
  ]
}`

// demoProfile decodes demoProfileJSON afresh, so each case may change it.
func demoProfile(t *testing.T) pricing.Profile {
	t.Helper()
	p, err := pricing.DecodeProfile([]byte(demoProfileJSON))
	if err != nil {
		t.Fatalf("demo profile: %v", err)
	}
	return p
}

func profDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func profNullDec(s string) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: profDec(s), Valid: true}
}

func TestValidateOK(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *pricing.Profile)
	}{
		{"demo as is", func(p *pricing.Profile) {}},
		{"free plan costs 0", func(p *pricing.Profile) { p.Plans[0].Monthly = profNullDec("0") }},
		{"yearly only", func(p *pricing.Profile) {
			p.Plans[0].Monthly = decimal.NullDecimal{}
			p.Plans[0].Yearly = profNullDec("100")
		}},
		{"promo bonus with cap", func(p *pricing.Profile) {
			p.Plans[0].Promo = &pricing.Promo{BonusPercent: profNullDec("50"), BonusCap: profNullDec("5000"),
				Source: p.Plans[0].Source}
		}},
		{"promo intro price", func(p *pricing.Profile) {
			p.Plans[1].Promo = &pricing.Promo{IntroPrice: profNullDec("12.50"), IntroMonths: 3, Source: p.Plans[1].Source}
		}},
		{"price unknown model", func(p *pricing.Profile) {
			p.Models[0].Rates = nil
			p.Models[0].Durations = pricing.Durations{}
		}},
		{"free add-on", func(p *pricing.Profile) { p.Models[1].Addons[0].PerSecond = profNullDec("0") }},
		{"pack validity not stated", func(p *pricing.Profile) { p.Packs[0].ValidDays, p.Packs[0].ValidityNotStated = 0, true }},
		{"per megapixel", func(p *pricing.Profile) {
			p.Models[0].Rates[0] = pricing.Rate{Res: pricing.Res540p, PerMegapixel: profNullDec("0.0064"),
				Width: 960, Height: 540, FPS: 24}
		}},
		{"base plus extra", func(p *pricing.Profile) {
			p.Models[0].Rates[0] = pricing.Rate{Res: pricing.Res720p,
				Base: &pricing.Base{Seconds: 5, Units: profDec("1.40"), PerExtraSecond: profDec("0.28")}}
		}},
		{"rate durations override", func(p *pricing.Profile) {
			p.Models[0].Rates = append(p.Models[0].Rates, pricing.Rate{Res: pricing.Res1080p,
				Durations: &pricing.Durations{List: []int{5}}, Buckets: []pricing.Bucket{{Seconds: 5, Units: profDec("30")}}})
		}},
		{"trailing zeros beyond 16 places", func(p *pricing.Profile) {
			p.Models[0].Rates[0].PerSecond = profNullDec("1.500000000000000000000")
		}},
		{"custom profile without sources", func(p *pricing.Profile) {
			p.Custom = true
			p.URL = ""
			p.Models[0].Source = pricing.Source{}
			p.Plans[0].Source = pricing.Source{}
		}},
		{"api profile", func(p *pricing.Profile) {
			p.Kind = pricing.KindAPI
			p.Plans, p.Packs, p.Free = nil, nil, nil
			p.Models[1].Plans = nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := demoProfile(t)
			tt.change(&p)
			if err := p.Validate(); err != nil {
				t.Fatalf("Validate() = %v, want nil", err)
			}
		})
	}
}

func TestValidateErrors(t *testing.T) {
	long := strings.Repeat("é", pricing.ProfileMaxString+1)
	tests := []struct {
		name   string
		change func(p *pricing.Profile)
		path   string
		msg    string
	}{
		// Ids, names, kind, currency.
		{"empty id", func(p *pricing.Profile) { p.ID = "" }, "id", "is empty"},
		{"upper-case id", func(p *pricing.Profile) { p.ID = "Demo" }, "id", `"Demo" is not a valid id`},
		{"double hyphen", func(p *pricing.Profile) { p.Models[0].ID = "a--b" }, "models[0].id", "is not a valid id"},
		{"leading hyphen", func(p *pricing.Profile) { p.Plans[1].ID = "-big" }, "plans[1].id", "is not a valid id"},
		{"duplicate model", func(p *pricing.Profile) { p.Models[1].ID = "fast-one" }, "models[1].id",
			`duplicate id "fast-one" (also models[0])`},
		{"duplicate plan", func(p *pricing.Profile) { p.Plans[1].ID = "basic"; p.Models[1].Plans = nil }, "plans[1].id",
			"duplicate id"},
		{"no name", func(p *pricing.Profile) { p.Name = "" }, "name", "is empty"},
		{"long name", func(p *pricing.Profile) { p.Models[0].Name = long }, "models[0].name", "is longer than 500 characters"},
		{"kind", func(p *pricing.Profile) { p.Kind = "hybrid" }, "kind", `unknown kind "hybrid" (want credits or api)`},
		{"currency lower case", func(p *pricing.Profile) { p.Currency = "usd" }, "currency", "is not a currency code"},
		{"currency long", func(p *pricing.Profile) { p.Currency = "EURO" }, "currency", "want 3 upper-case letters"},
		{"profile url", func(p *pricing.Profile) { p.URL = "http://example.com" }, "url", "is not an https:// address"},
		{"empty note", func(p *pricing.Profile) { p.Unknown = []string{""} }, "unknown[0]", "is empty"},
		{"too many models", func(p *pricing.Profile) {
			for len(p.Models) <= pricing.ProfileMaxModels {
				p.Models = append(p.Models, p.Models[0])
			}
		}, "models", "has 501 items (at most 500)"},
		{"no models", func(p *pricing.Profile) { p.Models = nil }, "models", "is empty"},

		// API profiles.
		{"plans in api", func(p *pricing.Profile) { p.Kind = pricing.KindAPI }, "plans", "an api profile has no plans"},
		{"packs in api", func(p *pricing.Profile) { p.Kind = pricing.KindAPI; p.Plans = nil }, "packs",
			"an api profile has no packs"},
		{"model plans in api", func(p *pricing.Profile) {
			p.Kind = pricing.KindAPI
			p.Plans, p.Packs, p.Free = nil, nil, nil
		}, "models[1].plans[0]", "an api profile has no plans"},

		// Plans, promotions, packs, free tiers.
		{"zero credits", func(p *pricing.Profile) { p.Plans[1].Credits = profDec("0") }, "plans[1].credits", "must be more than 0"},
		{"negative price", func(p *pricing.Profile) { p.Plans[0].Monthly = profNullDec("-1") }, "plans[0].monthly", "cannot be negative"},
		{"no price", func(p *pricing.Profile) { p.Plans[0].Monthly = decimal.NullDecimal{} }, "plans[0].monthly",
			"a plan needs a monthly or a yearly price"},
		{"both yearly forms", func(p *pricing.Profile) { p.Plans[1].Yearly = profNullDec("300") }, "plans[1].yearly",
			"set yearly or yearly_per_month, not both"},
		{"empty promo", func(p *pricing.Profile) { p.Plans[0].Promo = &pricing.Promo{Source: p.Plans[0].Source} },
			"plans[0].promo", "needs bonus_percent or intro_price"},
		{"intro without months", func(p *pricing.Profile) {
			p.Plans[0].Promo = &pricing.Promo{IntroPrice: profNullDec("5"), Source: p.Plans[0].Source}
		}, "plans[0].promo.intro_months", "must be more than 0"},
		{"cap without bonus", func(p *pricing.Profile) {
			p.Plans[0].Promo = &pricing.Promo{IntroPrice: profNullDec("5"), IntroMonths: 2, BonusCap: profNullDec("10"),
				Source: p.Plans[0].Source}
		}, "plans[0].promo.bonus_cap", "needs bonus_percent"},
		{"promo source", func(p *pricing.Profile) {
			p.Plans[0].Promo = &pricing.Promo{BonusPercent: profNullDec("50")}
		}, "plans[0].promo.source.url", "is empty"},
		{"plan max res", func(p *pricing.Profile) { p.Plans[0].MaxRes = "8k" }, "plans[0].max_res",
			`unknown resolution "8k" (want 360p, 480p, 540p, 720p, 1080p or 4k)`},
		{"pack price", func(p *pricing.Profile) { p.Packs[0].Price = profDec("0") }, "packs[0].price", "must be more than 0"},
		{"pack validity", func(p *pricing.Profile) { p.Packs[0].ValidDays = -1 }, "packs[0].valid_days", "cannot be negative"},
		// A period and "not stated" contradict each other.
		{"pack validity stated and not", func(p *pricing.Profile) { p.Packs[0].ValidityNotStated = true },
			"packs[0].validity_not_stated", "cannot be set with valid_days (the period is stated)"},
		{"free period", func(p *pricing.Profile) { p.Free.Period = "week" }, "free.period",
			`unknown period "week" (want once, day or month)`},
		{"free credits", func(p *pricing.Profile) { p.Free.Credits = profDec("0") }, "free.credits", "must be more than 0"},

		// Sources.
		{"source url", func(p *pricing.Profile) { p.Models[1].Source.URL = "" }, "models[1].source.url", "is empty"},
		{"source http", func(p *pricing.Profile) { p.Packs[0].Source.URL = "ftp://example.com" }, "packs[0].source.url",
			"is not an https:// address"},
		{"read date missing", func(p *pricing.Profile) { p.Plans[0].Source.Read = "" }, "plans[0].source.read", "is empty"},
		{"read date not real", func(p *pricing.Profile) { p.Plans[0].Source.Read = "2026-02-30" }, "plans[0].source.read",
			`"2026-02-30" is not a date (want YYYY-MM-DD)`},
		{"read date format", func(p *pricing.Profile) { p.Free.Source.Read = "1/2/2026" }, "free.source.read", "is not a date"},
		{"evidence", func(p *pricing.Profile) { p.Models[0].Source.Evidence = "rumour" }, "models[0].source.evidence",
			`unknown evidence "rumour" (want official, secondary or derived)`},
		{"add-on source", func(p *pricing.Profile) { p.Models[1].Addons[0].Source.Evidence = "" },
			"models[1].addons[0].source.evidence", "is empty"},

		// Models.
		{"tier", func(p *pricing.Profile) { p.Models[0].Tier = "ultra" }, "models[0].tier",
			`unknown tier "ultra" (want fast, standard or premium)`},
		{"tier any", func(p *pricing.Profile) { p.Models[0].Tier = pricing.TierAny }, "models[0].tier", "unknown tier"},
		{"no durations", func(p *pricing.Profile) { p.Models[0].Durations = pricing.Durations{} }, "models[0].durations",
			"is empty"},
		{"list and range", func(p *pricing.Profile) { p.Models[0].Durations.Max = 10 }, "models[0].durations",
			"has both a list and a min-max range"},
		{"min above max", func(p *pricing.Profile) { p.Models[1].Durations.Min = 9 }, "models[1].durations.min",
			"is more than max (8 s)"},
		{"zero length", func(p *pricing.Profile) { p.Models[0].Durations.List[0] = 0 }, "models[0].durations.list[0]",
			"must be more than 0"},
		{"unsorted list", func(p *pricing.Profile) { p.Models[0].Durations.List = []int{10, 5} }, "models[0].durations.list[1]",
			"must be longer than the one before (10 s)"},
		{"too long", func(p *pricing.Profile) { p.Models[0].Durations.List = []int{5, 4000} }, "models[0].durations.list[1]",
			"is more than 3600 s"},
		{"no rule", func(p *pricing.Profile) { p.Models[0].Rates[0].PerSecond = decimal.NullDecimal{} }, "models[0].rates[0]",
			"needs a rule"},
		{"two rules", func(p *pricing.Profile) { p.Models[0].Rates[0].PerClip = profNullDec("1") }, "models[0].rates[0].per_clip",
			"is set with per_second (want exactly one rule per rate)"},
		{"zero rate", func(p *pricing.Profile) { p.Models[0].Rates[0].PerSecond = profNullDec("0") }, "models[0].rates[0].per_second",
			"must be more than 0"},
		{"rate resolution", func(p *pricing.Profile) { p.Models[0].Rates[0].Res = "" }, "models[0].rates[0].res", "is empty"},
		{"duplicate resolution", func(p *pricing.Profile) {
			p.Models[0].Rates = append(p.Models[0].Rates, p.Models[0].Rates[0])
		}, "models[0].rates[1].res", `duplicate resolution "720p" (also rates[0])`},
		{"multiplier repeats a rate", func(p *pricing.Profile) { p.Models[1].Multipliers[0].Res = pricing.Res1080p },
			"models[1].multipliers[0].res", `duplicate resolution "1080p" (also rates[0])`},
		{"multiplier factor", func(p *pricing.Profile) { p.Models[1].Multipliers[0].Factor = profDec("0") },
			"models[1].multipliers[0].factor", "must be more than 0"},
		{"multiplier without rates", func(p *pricing.Profile) { p.Models[1].Rates = nil }, "models[1].multipliers",
			"needs rates[0] to multiply"},
		{"megapixel without size", func(p *pricing.Profile) {
			p.Models[0].Rates[0] = pricing.Rate{Res: pricing.Res720p, PerMegapixel: profNullDec("0.0064"), Width: 1280, FPS: 24}
		}, "models[0].rates[0].height", "must be more than 0"},
		{"size without megapixel", func(p *pricing.Profile) { p.Models[0].Rates[0].FPS = 24 }, "models[0].rates[0].fps",
			"is only for per_megapixel"},
		{"bucket not offered", func(p *pricing.Profile) { p.Models[1].Rates[0].Buckets[1].Seconds = 9 },
			"models[1].rates[0].buckets[1].seconds", "9 s is not an offered duration (4–8 s)"},
		{"bucket not in list", func(p *pricing.Profile) {
			p.Models[0].Rates[0] = pricing.Rate{Res: pricing.Res720p, Buckets: []pricing.Bucket{
				{Seconds: 5, Units: profDec("25")}, {Seconds: 8, Units: profDec("40")}}}
		}, "models[0].rates[0].buckets[1].seconds", "8 s is not an offered duration (5, 10 s)"},
		{"offered length unpriced", func(p *pricing.Profile) {
			p.Models[0].Rates[0] = pricing.Rate{Res: pricing.Res720p, Buckets: []pricing.Bucket{{Seconds: 5, Units: profDec("25")}}}
		}, "models[0].rates[0].buckets", "has no bucket for 10 s"},
		{"longest of range unpriced", func(p *pricing.Profile) { p.Models[1].Rates[0].Buckets = p.Models[1].Rates[0].Buckets[:1] },
			"models[1].rates[0].buckets", "has no bucket for 8 s"},
		{"duplicate bucket", func(p *pricing.Profile) { p.Models[1].Rates[0].Buckets[0].Seconds = 8 },
			"models[1].rates[0].buckets[1].seconds", "duplicate bucket for 8 s"},
		{"bucket units", func(p *pricing.Profile) { p.Models[1].Rates[0].Buckets[1].Units = profDec("-80") },
			"models[1].rates[0].buckets[1].units", "cannot be negative"},
		{"empty buckets", func(p *pricing.Profile) { p.Models[1].Rates[0].Buckets = []pricing.Bucket{} },
			"models[1].rates[0].buckets", "is empty"},
		{"base longer than offered", func(p *pricing.Profile) {
			p.Models[0].Rates[0] = pricing.Rate{Res: pricing.Res720p,
				Base: &pricing.Base{Seconds: 12, Units: profDec("1.40"), PerExtraSecond: profDec("0.28")}}
		}, "models[0].rates[0].base.seconds", "is longer than the longest offered duration (10 s)"},
		{"audio addon missing", func(p *pricing.Profile) { p.Models[1].Addons = nil }, "models[1].audio",
			`is "addon" but the model has no add-on of kind audio`},
		{"audio addon unwanted", func(p *pricing.Profile) { p.Models[1].Audio = pricing.AudioIncluded },
			"models[1].addons[0].kind", `an audio add-on needs audio "addon" (audio is "included")`},
		{"audio addon unpriced", func(p *pricing.Profile) { p.Models[1].Audio = pricing.AudioUnpriced },
			"models[1].addons[0].kind", `an audio add-on needs audio "addon" (audio is "unpriced")`},
		{"audio value", func(p *pricing.Profile) { p.Models[0].Audio = "stereo" }, "models[0].audio",
			`unknown audio "stereo" (want none, included, addon or unpriced, or leave it out)`},
		{"audio addon not stated", func(p *pricing.Profile) { p.Models[1].Audio = pricing.AudioNotStated },
			"models[1].addons[0].kind", `an audio add-on needs audio "addon" (audio is not stated)`},
		{"add-on kind", func(p *pricing.Profile) { p.Models[1].Addons[0].Kind = "karaoke" }, "models[1].addons[0].kind",
			`unknown add-on kind "karaoke"`},
		{"add-on kind twice", func(p *pricing.Profile) {
			p.Models[1].Addons = append(p.Models[1].Addons, p.Models[1].Addons[0])
		}, "models[1].addons[1].kind", `duplicate add-on kind "audio" (also addons[0])`},
		{"add-on two prices", func(p *pricing.Profile) { p.Models[1].Addons[0].Factor = profNullDec("2") },
			"models[1].addons[0].factor", "is set with per_second (want exactly one price per add-on)"},
		{"add-on no price", func(p *pricing.Profile) { p.Models[1].Addons[0].PerSecond = decimal.NullDecimal{} },
			"models[1].addons[0]", "needs a price"},
		{"add-on block", func(p *pricing.Profile) {
			p.Models[1].Addons[0].PerSecond = decimal.NullDecimal{}
			p.Models[1].Addons[0].Block = &pricing.Bucket{Units: profDec("10")}
		}, "models[1].addons[0].block.seconds", "must be more than 0"},
		{"unknown plan", func(p *pricing.Profile) { p.Models[1].Plans = []string{"gold"} }, "models[1].plans[0]",
			`unknown plan "gold"`},
		{"min charge", func(p *pricing.Profile) { p.Models[0].MinCharge = profNullDec("0") }, "models[0].min_charge",
			"must be more than 0"},

		// Amounts out of range.
		{"too large", func(p *pricing.Profile) { p.Plans[0].Credits = profDec("1e400") }, "plans[0].credits", "is too large"},
		{"too many digits", func(p *pricing.Profile) { p.Plans[0].Credits = profDec("1234567890123456") }, "plans[0].credits",
			"is too large"},
		{"too precise", func(p *pricing.Profile) { p.Models[0].Rates[0].PerSecond = profNullDec("0.00000000000000001") },
			"models[0].rates[0].per_second", "has more than 16 decimal places"},
		{"tiny exponent", func(p *pricing.Profile) { p.Models[0].Rates[0].PerSecond = profNullDec("1e-9000") },
			"models[0].rates[0].per_second", "has more than 16 decimal places"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := demoProfile(t)
			tt.change(&p)
			checkProfileError(t, p.Validate(), tt.path, tt.msg)
		})
	}
}

// checkProfileError wants err to be a *ProfileError at path whose message
// contains msg.
func checkProfileError(t *testing.T, err error, path, msg string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got nil, want an error at %q containing %q", path, msg)
	}
	var pe *pricing.ProfileError
	if !errors.As(err, &pe) {
		t.Fatalf("got %T %v, want a *pricing.ProfileError", err, err)
	}
	if !errors.Is(err, pricing.ErrInvalidProfile) {
		t.Errorf("errors.Is(%v, ErrInvalidProfile) = false", err)
	}
	if pe.Path != path {
		t.Errorf("path = %q, want %q (error: %v)", pe.Path, path, err)
	}
	if !strings.Contains(pe.Err.Error(), msg) {
		t.Errorf("message = %q, want it to contain %q", pe.Err.Error(), msg)
	}
	if m := pe.Err.Error(); m != "" && strings.ToLower(m[:1]) != m[:1] {
		t.Errorf("message %q should start in lower case", m)
	}
}
