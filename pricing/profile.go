package pricing

import (
	"slices"

	"github.com/shopspring/decimal"
)

// This file holds the catalog's schema: the values a platform profile is
// made of, exactly as they are written in pricing/catalog/*.json. Money and
// credit amounts are JSON strings ("15.00"), decoded into decimal.Decimal.
// Optional amounts are decimal.NullDecimal: absent (or null) means "not
// offered" or "unknown", never zero.

// Currency is an ISO 4217 code such as "USD" or "EUR".
type Currency string

// Resolution is the class of a clip's output resolution. Platforms name
// theirs in many ways ("768P", "1280×720"); the catalog maps each to the
// nearest class and keeps the platform's own name in Rate.Label.
type Resolution string

const (
	Res360p  Resolution = "360p"
	Res480p  Resolution = "480p"
	Res540p  Resolution = "540p"
	Res720p  Resolution = "720p"
	Res1080p Resolution = "1080p"
	Res4K    Resolution = "4k"
)

// Name is the resolution as people write it: "4K", which links, the
// catalog and saved data keep as "4k"; the others as they are.
func (r Resolution) Name() string {
	if r == Res4K {
		return "4K"
	}
	return string(r)
}

// Resolutions lists every resolution class, lowest first.
var Resolutions = []Resolution{Res360p, Res480p, Res540p, Res720p, Res1080p, Res4K}

// Tier is a model's quality tier, so that different platforms compare tier
// against tier. TierAny is only used as a filter.
type Tier string

const (
	TierAny      Tier = "any"
	TierFast     Tier = "fast"
	TierStandard Tier = "standard"
	TierPremium  Tier = "premium"
)

// Evidence says how a number was seen (research/pricing.md's codes O, S, D).
type Evidence string

const (
	EvidenceOfficial  Evidence = "official"  // the vendor's own page, docs or help centre
	EvidenceSecondary Evidence = "secondary" // a third-party page quoting the number verbatim
	EvidenceDerived   Evidence = "derived"   // arithmetic on other sourced numbers
)

// Source says where a number came from. Every plan, pack, free tier, model
// and add-on in the catalog carries one.
type Source struct {
	URL      string   `json:"url"`
	Read     string   `json:"read"` // date the source was read, YYYY-MM-DD
	Evidence Evidence `json:"evidence"`
	Note     string   `json:"note,omitempty"` // e.g. a disagreeing older figure
}

// Figures says, for people, which figure the plan and the model of a
// price are where the sources give a range or two figures (Plan.Figure,
// Model.Figure): "Kling 3.0: 10 credits, the top of the 7–10 its source
// gives". Either id may be "" or unknown; nil when nothing is to be said.
func (p Profile) Figures(planID, modelID string) []string {
	var out []string
	if pl, ok := p.FindPlan(planID); ok {
		out = figureNotes(out, &pl, nil)
	}
	if m, ok := p.FindModel(modelID); ok {
		out = figureNotes(out, nil, &m)
	}
	return out
}

// figureNotes appends Figures' words for pl and m (either may be nil).
func figureNotes(out []string, pl *Plan, m *Model) []string {
	if pl != nil && pl.Figure != "" {
		out = append(out, pl.Name+": "+pl.Figure)
	}
	if m != nil && m.Figure != "" && !slices.Contains(out, m.Name+": "+m.Figure) {
		out = append(out, m.Name+": "+m.Figure)
	}
	return out
}

// Sources returns every source p's numbers cite, in this order: each plan's
// and its promotion's, each pack's, the free tier's, each model's and its
// add-ons'.
func (p Profile) Sources() []Source {
	var ss []Source
	for _, pl := range p.Plans {
		ss = append(ss, pl.Source)
		if pl.Promo != nil {
			ss = append(ss, pl.Promo.Source)
		}
	}
	for _, pk := range p.Packs {
		ss = append(ss, pk.Source)
	}
	if p.Free != nil {
		ss = append(ss, p.Free.Source)
	}
	for _, m := range p.Models {
		ss = append(ss, m.Source)
		for _, a := range m.Addons {
			ss = append(ss, a.Source)
		}
	}
	return ss
}

// ProfileKind says how a profile's models are priced.
type ProfileKind string

const (
	// KindCredits: models cost credits; plans and packs sell credits for money.
	KindCredits ProfileKind = "credits"
	// KindAPI: models cost money directly (pay as you go); no plans.
	KindAPI ProfileKind = "api"
)

// Profile is one credit economy of one platform: the consumer app and the
// developer API of the same vendor are separate profiles, because their
// credits are separate (pricing.md, pattern 21).
type Profile struct {
	ID       string      `json:"id"`       // stable, lower-case, used in links: "runway"
	Name     string      `json:"name"`     // shown: "Runway (app)"
	Platform string      `json:"platform"` // the vendor, for filters: "Runway"
	Kind     ProfileKind `json:"kind"`
	Currency Currency    `json:"currency"`
	Unit     string      `json:"unit,omitempty"` // what the platform calls a credit; "credits" if empty
	URL      string      `json:"url"`            // the pricing page
	Notes    []string    `json:"notes,omitempty"`
	// Unknown lists what the sources do not tell (e.g. "plan prices"), so the
	// page can say so and the user can type it instead of us guessing.
	Unknown []string `json:"unknown,omitempty"`
	Plans   []Plan   `json:"plans,omitempty"`
	Packs   []Pack   `json:"packs,omitempty"`
	Free    *Free    `json:"free,omitempty"`
	Models  []Model  `json:"models"`
	// Custom is set on profiles the user made or edited; never in the catalog.
	Custom bool `json:"custom,omitempty"`
}

// Plan is a subscription. Credits are per month whatever the billing.
// A plan offered only yearly has no Monthly price.
type Plan struct {
	_    NotComparable // decimals: see NotComparable
	ID   string        `json:"id"`
	Name string        `json:"name"`
	// Monthly is the price per month when billed monthly.
	Monthly decimal.NullDecimal `json:"monthly"`
	// YearlyPerMonth is the price per month when billed yearly; Yearly is the
	// price of a year. At most one of the two is set.
	YearlyPerMonth decimal.NullDecimal `json:"yearly_per_month"`
	Yearly         decimal.NullDecimal `json:"yearly"`
	Credits        decimal.Decimal     `json:"credits"` // per month
	Promo          *Promo              `json:"promo,omitempty"`
	// MaxRes is the highest resolution the plan allows, if it limits it.
	MaxRes Resolution `json:"max_res,omitempty"`
	Source Source     `json:"source"`
	Notes  string     `json:"notes,omitempty"`
	// Figure says which figure a number is where the sources give a
	// range or two figures (see Model.Figure).
	Figure string `json:"figure,omitempty"`
}

// Promo is a first-period promotion on a plan.
type Promo struct {
	_ NotComparable // decimals: see NotComparable
	// BonusPercent adds that share of the plan's credits in the first
	// period, up to BonusCap credits (no cap when BonusCap is absent).
	BonusPercent decimal.NullDecimal `json:"bonus_percent"`
	BonusCap     decimal.NullDecimal `json:"bonus_cap"`
	// IntroPrice is the monthly price for the first IntroMonths months.
	IntroPrice  decimal.NullDecimal `json:"intro_price"`
	IntroMonths int                 `json:"intro_months,omitempty"`
	Source      Source              `json:"source"`
}

// Pack is a one-off top-up of credits that can be bought again and again.
type Pack struct {
	_       NotComparable   // decimals: see NotComparable
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	Price   decimal.Decimal `json:"price"`
	Credits decimal.Decimal `json:"credits"`
	// ValidDays is how long the credits stay usable; 0 means they never
	// expire, unless ValidityNotStated is set.
	ValidDays int `json:"valid_days,omitempty"`
	// ValidityNotStated says the platform gives no period: the credits
	// may expire, no one knows when (Kling's terms: "cleared upon
	// expiration"). ValidDays is then 0. Absent (older profiles), 0 days
	// keeps its meaning: they never expire.
	ValidityNotStated bool   `json:"validity_not_stated,omitempty"`
	RequiresPlan      bool   `json:"requires_plan,omitempty"` // only subscribers can buy it
	Source            Source `json:"source"`
	Notes             string `json:"notes,omitempty"`
}

// FreePeriod says how often free credits arrive.
type FreePeriod string

const (
	FreeOnce  FreePeriod = "once"
	FreeDay   FreePeriod = "day"
	FreeMonth FreePeriod = "month"
)

// Free is a free tier's allowance.
type Free struct {
	_       NotComparable   // decimals: see NotComparable
	Credits decimal.Decimal `json:"credits"`
	Period  FreePeriod      `json:"period"`
	MaxRes  Resolution      `json:"max_res,omitempty"`
	Source  Source          `json:"source"`
	Notes   string          `json:"notes,omitempty"`
}

// Model is one video model (or mode) of a profile and its credit rule.
// Its units are credits in a credit profile and money in an API profile.
type Model struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Tier      Tier      `json:"tier"`
	Durations Durations `json:"durations"`
	// Rates price the model at each resolution it offers. A resolution
	// absent from Rates (and Multipliers) is not offered.
	Rates []Rate `json:"rates"`
	// Multipliers price more resolutions as a factor of Rates[0].
	Multipliers []Multiplier `json:"multipliers,omitempty"`
	// Audio says whether the model makes native audio, as its sources
	// state: absent (AudioNotStated) when none says, "none" (a source says
	// it makes none), "included" (always on, in the price), "addon" (an
	// Addon of kind audio) or "unpriced" (it makes audio, but no source
	// gives its price with audio).
	Audio  AudioSupport `json:"audio,omitempty"`
	Addons []Addon      `json:"addons,omitempty"`
	// MinCharge is the fewest units one clip costs.
	MinCharge decimal.NullDecimal `json:"min_charge"`
	// RoundUp rounds a clip's units up to a whole number.
	RoundUp bool `json:"round_up,omitempty"`
	// Plans lists the plan IDs that can use the model; empty means all.
	Plans  []string `json:"plans,omitempty"`
	Source Source   `json:"source"`
	Notes  string   `json:"notes,omitempty"`
	// Figure says which figure a price is where the sources give a range
	// or two figures, or only an approximate one, in words that follow the
	// model's name wherever its price is shown: "10 credits, the top of
	// the 7–10 its source gives".
	Figure string `json:"figure,omitempty"`
}

// Durations are the clip lengths a model offers, in whole seconds: either a
// List of fixed lengths (5 and 10) or a range from Min to Max. A shot
// between two offered lengths is made at the next longer one and paid so.
type Durations struct {
	List []int `json:"list,omitempty"`
	Min  int   `json:"min,omitempty"`
	Max  int   `json:"max,omitempty"`
}

// Offers reports whether d offers a clip of exactly s seconds: one of its
// List, or within Min–Max.
func (d *Durations) Offers(s int) bool {
	if len(d.List) > 0 {
		return slices.Contains(d.List, s)
	}
	return s >= d.Min && s <= d.Max
}

// Rate is a model's rule at one resolution. Exactly one of PerSecond,
// Buckets, Base, PerClip or PerMegapixel is set.
type Rate struct {
	Res   Resolution `json:"res"`
	Label string     `json:"label,omitempty"` // the platform's own name, e.g. "768P"
	// Durations overrides the model's durations at this resolution
	// (Hailuo offers 1080p only at 6 s).
	Durations *Durations `json:"durations,omitempty"`

	PerSecond decimal.NullDecimal `json:"per_second"` // units × paid seconds
	Buckets   []Bucket            `json:"buckets,omitempty"`
	Base      *Base               `json:"base,omitempty"`
	PerClip   decimal.NullDecimal `json:"per_clip"`
	// PerMegapixel prices by pixel volume: units per million pixels of
	// Width × Height × FPS × paid seconds.
	PerMegapixel decimal.NullDecimal `json:"per_megapixel"`
	Width        int                 `json:"width,omitempty"`
	Height       int                 `json:"height,omitempty"`
	FPS          int                 `json:"fps,omitempty"`
}

// Bucket is the price of one fixed clip length.
type Bucket struct {
	Seconds int             `json:"seconds"`
	Units   decimal.Decimal `json:"units"`
}

// Base is a price for the first Seconds plus a price per extra second.
type Base struct {
	Seconds        int             `json:"seconds"`
	Units          decimal.Decimal `json:"units"`
	PerExtraSecond decimal.Decimal `json:"per_extra_second"`
}

// Multiplier prices a resolution as Factor × the model's first rate.
type Multiplier struct {
	Res    Resolution      `json:"res"`
	Label  string          `json:"label,omitempty"`
	Factor decimal.Decimal `json:"factor"`
}

// AudioSupport says whether a model makes native audio.
type AudioSupport string

const (
	// AudioNotStated: no source says whether the model makes native
	// audio. It is the field left out, so a model, or a person's profile,
	// is never said to be silent by default; a shot with audio is not
	// priced on it, as on AudioUnpriced.
	AudioNotStated AudioSupport = ""
	AudioNone      AudioSupport = "none" // a source says it makes none
	AudioIncluded  AudioSupport = "included"
	AudioAddon     AudioSupport = "addon"
	AudioUnpriced  AudioSupport = "unpriced"
)

// AddonKind names an option a shot can ask for.
type AddonKind string

const (
	AddonAudio   AddonKind = "audio"
	AddonUpscale AddonKind = "upscale"
	AddonLipSync AddonKind = "lip_sync"
	AddonExtend  AddonKind = "extend"
)

// Addon is an option priced on top of a clip. Exactly one of PerClip,
// PerSecond, Block or Factor is set.
type Addon struct {
	_         NotComparable       // decimals: see NotComparable
	Kind      AddonKind           `json:"kind"`
	Name      string              `json:"name"`
	PerClip   decimal.NullDecimal `json:"per_clip"`
	PerSecond decimal.NullDecimal `json:"per_second"`
	Block     *Bucket             `json:"block,omitempty"`    // Units per started block of Seconds
	Factor    decimal.NullDecimal `json:"factor"`             // multiplies the clip's units
	RoundUp   bool                `json:"round_up,omitempty"` // whole units
	Source    Source              `json:"source"`
}
