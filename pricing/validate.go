package pricing

import (
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Limits a valid profile stays within. They are far beyond any real price
// list; they exist so that a profile a person imports cannot make the page
// slow or the engine's numbers absurd.
const (
	// ProfileMaxModels is the most models one profile may list.
	ProfileMaxModels = 500
	// ProfileMaxItems is the most plans, packs, rates, add-ons, notes or
	// durations one list may hold.
	ProfileMaxItems = 100
	// ProfileMaxString is the longest text (name, note, URL) in runes.
	ProfileMaxString = 500
	// ProfileMaxID is the longest id in bytes.
	ProfileMaxID = 64
	// ProfileMaxSeconds is the longest clip length, bucket or block.
	ProfileMaxSeconds = 3600
	// ProfileMaxIntDigits and ProfileMaxFracDigits bound every amount: at
	// most 15 digits before the decimal point and 16 after it.
	ProfileMaxIntDigits  = 15
	ProfileMaxFracDigits = 16
)

const (
	maxProfilePixels  = 16384 // width or height of a per-megapixel rate
	maxProfileFPS     = 1000  // frames per second of a per-megapixel rate
	maxProfileDays    = 36500 // a pack's validity, 100 years
	maxProfileMonths  = 120   // a promotion's intro months
	maxProfilePercent = 1000  // a promotion's bonus percent
	maxProfileFactor  = 10000 // a multiplier or add-on factor
)

// Validate checks p against the catalog's rules. It returns nil or the
// first broken rule as a *ProfileError whose Path names the field in the
// profile's JSON ("plans[1].credits", "models[0].rates[2].buckets[0].units")
// and whose Err says what is wrong in lower case ("must be more than 0").
// errors.Is(err, ErrInvalidProfile) holds for every such error.
//
// The rules, in short:
//
//   - ids (profile, plan, pack, model) are lower-case a-z, 0-9 and single
//     hyphens, unique within their list; names, platform and currency are
//     set; currency is three upper-case letters; kind is credits or api;
//   - an api profile prices its models in money: it has no plans, packs or
//     free tier, and its models name no plans;
//   - every plan, promotion, pack, free tier, model and add-on has a source
//     with an https URL, a real read date (YYYY-MM-DD) and an evidence of
//     official, secondary or derived (a Custom profile may leave a whole
//     source empty: a person's own numbers have none);
//   - a plan has credits > 0 and at least one price (monthly,
//     yearly_per_month or yearly, never both yearly forms); a price may be 0
//     (a free plan); packs cost more than 0 for credits > 0;
//   - a model's every rate sets exactly one rule (per_second, buckets, base,
//     per_clip or per_megapixel, the last with width, height and fps), each
//     resolution at most once across rates and multipliers, durations as a
//     list or a min-max range, bucket lengths among the offered durations and
//     every offered length priced; a model with no rates at all is "price
//     unknown" (the sources do not give it; the page says so and the person
//     can type it), and may then leave its durations empty;
//   - audio is left out (not stated), none, included, addon or unpriced;
//     "addon" needs an add-on of kind audio and only then may one exist; each add-on kind appears once per model and sets exactly one of
//     per_clip, per_second, block or factor (an add-on may cost 0);
//   - amounts have at most 15 digits before the point and 16 after it, and
//     the sizes stay within the Profile* limits above.
func (p Profile) Validate() error {
	v := profileValidator{p: &p}
	v.profile()
	return v.err
}

// validator records the first broken rule; every check returns at once
// when one is recorded, so later checks never see out-of-range values.
//
// The small checks below (text, amount, id…) are marked go:noinline: they
// are called from about a hundred places, and inlining copies them into
// each, which costs app.wasm about 20 KB (issue 8) for no speed a person
// would notice.
type profileValidator struct {
	p   *Profile
	err error
}

// fail records msg as the first broken rule, at field name of path ("" for
// path itself). Paths are joined only here, when a rule is broken, so a
// valid profile costs no string building.
//
//go:noinline
func (v *profileValidator) fail(path, name, msg string) {
	if v.err == nil {
		if name != "" {
			path = pathField(path, name)
		}
		v.err = &ProfileError{Profile: v.p.ID, Path: path, Err: errors.New(msg)}
	}
}

//go:noinline
func (v *profileValidator) failf(path, name, format string, args ...any) {
	if v.err == nil {
		v.fail(path, name, fmt.Sprintf(format, args...))
	}
}

func (v *profileValidator) ok() bool { return v.err == nil }

func pathField(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func pathIndex(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func (v *profileValidator) profile() {
	p := v.p
	v.id("", "id", p.ID)
	v.text("", "name", p.Name, true)
	v.text("", "platform", p.Platform, true)
	switch p.Kind {
	case KindCredits, KindAPI:
	case "":
		v.fail("kind", "", "is empty (want credits or api)")
	default:
		v.failf("kind", "", "unknown kind %q (want credits or api)", quoteClip(string(p.Kind)))
	}
	v.currency("", "currency", p.Currency)
	v.text("", "unit", p.Unit, false)
	if p.URL != "" || !p.Custom {
		v.url("", "url", p.URL)
	}
	v.texts("", "notes", p.Notes)
	v.texts("", "unknown", p.Unknown)
	if !v.ok() {
		return
	}

	api := p.Kind == KindAPI
	if api && len(p.Plans) > 0 {
		v.fail("plans", "", "an api profile has no plans (its models cost money directly)")
	}
	if api && len(p.Packs) > 0 {
		v.fail("packs", "", "an api profile has no packs (its models cost money directly)")
	}
	if api && p.Free != nil {
		v.fail("free", "", "an api profile has no free credits (its models cost money directly)")
	}
	v.count("", "plans", len(p.Plans), ProfileMaxItems)
	v.count("", "packs", len(p.Packs), ProfileMaxItems)
	v.count("", "models", len(p.Models), ProfileMaxModels)
	if len(p.Models) == 0 {
		v.fail("models", "", "is empty (a profile needs at least one model)")
	}

	var ids []string // of the list being checked, for duplicates
	for i := range p.Plans {
		path := pathIndex("plans", i)
		ids = v.unique(path, ids, p.Plans[i].ID, "plans")
		v.plan(path, &p.Plans[i])
	}
	ids = ids[:0]
	for i := range p.Packs {
		path := pathIndex("packs", i)
		ids = v.unique(path, ids, p.Packs[i].ID, "packs")
		v.pack(path, &p.Packs[i])
	}
	if p.Free != nil {
		v.free("free", p.Free)
	}
	ids = ids[:0]
	for i := range p.Models {
		path := pathIndex("models", i)
		ids = v.unique(path, ids, p.Models[i].ID, "models")
		v.model(path, &p.Models[i])
	}
}

func (v *profileValidator) plan(path string, pl *Plan) {
	if !v.ok() {
		return
	}
	v.id(path, "id", pl.ID)
	v.text(path, "name", pl.Name, true)
	v.nullAmount(path, "monthly", pl.Monthly, false)
	v.nullAmount(path, "yearly_per_month", pl.YearlyPerMonth, false)
	v.nullAmount(path, "yearly", pl.Yearly, false)
	if pl.YearlyPerMonth.Valid && pl.Yearly.Valid {
		v.fail(path, "yearly", "set yearly or yearly_per_month, not both")
	}
	if !pl.Monthly.Valid && !pl.YearlyPerMonth.Valid && !pl.Yearly.Valid {
		v.fail(path, "monthly", "is missing (a plan needs a monthly or a yearly price)")
	}
	v.amount(path, "credits", pl.Credits, true)
	if pl.Promo != nil {
		v.promo(pathField(path, "promo"), pl.Promo)
	}
	v.res(path, "max_res", pl.MaxRes, true)
	v.source(path, pl.Source)
	v.text(path, "notes", pl.Notes, false)
	v.text(path, "figure", pl.Figure, false)
}

func (v *profileValidator) promo(path string, pr *Promo) {
	if !v.ok() {
		return
	}
	if !pr.BonusPercent.Valid && !pr.IntroPrice.Valid {
		v.fail(path, "", "needs bonus_percent or intro_price")
		return
	}
	v.nullAmount(path, "bonus_percent", pr.BonusPercent, true)
	v.nullAmount(path, "bonus_cap", pr.BonusCap, true)
	if v.ok() && pr.BonusPercent.Valid && pr.BonusPercent.Decimal.Cmp(decimal.NewFromInt(maxProfilePercent)) > 0 {
		v.failf(path, "bonus_percent", "is more than %d", maxProfilePercent)
	}
	if pr.BonusCap.Valid && !pr.BonusPercent.Valid {
		v.fail(path, "bonus_cap", "needs bonus_percent")
	}
	v.nullAmount(path, "intro_price", pr.IntroPrice, false)
	switch {
	case pr.IntroPrice.Valid && pr.IntroMonths <= 0:
		v.fail(path, "intro_months", "must be more than 0 when intro_price is set")
	case !pr.IntroPrice.Valid && pr.IntroMonths != 0:
		v.fail(path, "intro_months", "needs intro_price")
	case pr.IntroMonths > maxProfileMonths:
		v.failf(path, "intro_months", "is more than %d", maxProfileMonths)
	}
	v.source(path, pr.Source)
}

func (v *profileValidator) pack(path string, pk *Pack) {
	if !v.ok() {
		return
	}
	v.id(path, "id", pk.ID)
	v.text(path, "name", pk.Name, true)
	v.amount(path, "price", pk.Price, true)
	v.amount(path, "credits", pk.Credits, true)
	switch {
	case pk.ValidDays < 0:
		v.fail(path, "valid_days", "cannot be negative (0 means the credits never expire)")
	case pk.ValidDays > maxProfileDays:
		v.failf(path, "valid_days", "is more than %d", maxProfileDays)
	case pk.ValidDays > 0 && pk.ValidityNotStated:
		v.fail(path, "validity_not_stated", "cannot be set with valid_days (the period is stated)")
	}
	v.source(path, pk.Source)
	v.text(path, "notes", pk.Notes, false)
}

func (v *profileValidator) free(path string, f *Free) {
	if !v.ok() {
		return
	}
	v.amount(path, "credits", f.Credits, true)
	switch f.Period {
	case FreeOnce, FreeDay, FreeMonth:
	default:
		v.failf(path, "period", "unknown period %q (want once, day or month)", quoteClip(string(f.Period)))
	}
	v.res(path, "max_res", f.MaxRes, true)
	v.source(path, f.Source)
	v.text(path, "notes", f.Notes, false)
}

func (v *profileValidator) model(path string, m *Model) {
	if !v.ok() {
		return
	}
	v.id(path, "id", m.ID)
	v.text(path, "name", m.Name, true)
	switch m.Tier {
	case TierFast, TierStandard, TierPremium:
	default:
		v.failf(path, "tier", "unknown tier %q (want fast, standard or premium)", quoteClip(string(m.Tier)))
	}
	v.count(path, "rates", len(m.Rates), ProfileMaxItems)
	v.count(path, "multipliers", len(m.Multipliers), ProfileMaxItems)
	v.count(path, "addons", len(m.Addons), ProfileMaxItems)
	v.count(path, "plans", len(m.Plans), ProfileMaxItems)
	priced := len(m.Rates) > 0
	if priced || !dursEmpty(&m.Durations) {
		v.durations(pathField(path, "durations"), &m.Durations)
	}
	if !v.ok() {
		return
	}

	var res []Resolution // of the rates, then the multipliers
	for i := range m.Rates {
		rp := pathIndex(pathField(path, "rates"), i)
		res = v.resOnce(rp, res, m.Rates[i].Res, len(m.Rates))
		v.rate(rp, &m.Rates[i], &m.Durations)
	}
	if len(m.Multipliers) > 0 && !priced {
		v.fail(path, "multipliers", "needs rates[0] to multiply")
	}
	for i := range m.Multipliers {
		mp := pathIndex(pathField(path, "multipliers"), i)
		mu := &m.Multipliers[i]
		res = v.resOnce(mp, res, mu.Res, len(m.Rates))
		v.text(mp, "label", mu.Label, false)
		v.amount(mp, "factor", mu.Factor, true)
		if v.ok() && mu.Factor.Cmp(decimal.NewFromInt(maxProfileFactor)) > 0 {
			v.failf(mp, "factor", "is more than %d", maxProfileFactor)
		}
	}

	hasAudio := -1
	for i := range m.Addons {
		ap := pathIndex(pathField(path, "addons"), i)
		a := &m.Addons[i]
		for j := range i {
			if m.Addons[j].Kind == a.Kind {
				v.failf(ap, "kind", "duplicate add-on kind %q (also addons[%d])", quoteClip(string(a.Kind)), j)
				break
			}
		}
		if a.Kind == AddonAudio {
			hasAudio = i
		}
		v.addon(ap, a)
	}
	switch m.Audio {
	case AudioNotStated, AudioNone, AudioIncluded, AudioUnpriced:
		if hasAudio >= 0 {
			is := `not stated`
			if m.Audio != AudioNotStated {
				is = strconv.Quote(string(m.Audio))
			}
			v.failf(pathIndex(pathField(path, "addons"), hasAudio), "kind",
				"an audio add-on needs audio \"addon\" (audio is %s)", is)
		}
	case AudioAddon:
		if hasAudio < 0 {
			v.fail(path, "audio", `is "addon" but the model has no add-on of kind audio`)
		}
	default:
		v.failf(path, "audio", "unknown audio %q (want none, included, addon or unpriced, or leave it out)", quoteClip(string(m.Audio)))
	}

	v.nullAmount(path, "min_charge", m.MinCharge, true)

	for i, id := range m.Plans {
		if !v.ok() {
			break
		}
		pp := pathIndex(pathField(path, "plans"), i)
		switch {
		case v.p.Kind == KindAPI:
			v.fail(pp, "", "an api profile has no plans")
		case slices.Contains(m.Plans[:i], id):
			v.failf(pp, "", "duplicate plan %q", quoteClip(id))
		default:
			if _, ok := v.p.FindPlan(id); !ok {
				v.failf(pp, "", "unknown plan %q", quoteClip(id))
			}
		}
	}
	v.source(path, m.Source)
	v.text(path, "notes", m.Notes, false)
	v.text(path, "figure", m.Figure, false)
}

func dursEmpty(d *Durations) bool { return len(d.List) == 0 && d.Min == 0 && d.Max == 0 }

func dursText(d *Durations) string {
	if len(d.List) == 0 {
		return strconv.Itoa(d.Min) + "–" + strconv.Itoa(d.Max) + " s"
	}
	s := make([]string, len(d.List))
	for i, x := range d.List {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ") + " s"
}

func (v *profileValidator) durations(path string, d *Durations) {
	if !v.ok() {
		return
	}
	ranged := d.Min != 0 || d.Max != 0
	switch {
	case len(d.List) > 0 && ranged:
		v.fail(path, "", "has both a list and a min-max range (want one)")
	case len(d.List) > 0:
		v.count(path, "list", len(d.List), ProfileMaxItems)
		for i, s := range d.List {
			lp := pathIndex(pathField(path, "list"), i)
			v.seconds(lp, "", s)
			if v.ok() && i > 0 && s <= d.List[i-1] {
				v.failf(lp, "", "must be longer than the one before (%d s)", d.List[i-1])
			}
		}
	case ranged:
		v.seconds(path, "min", d.Min)
		v.seconds(path, "max", d.Max)
		if v.ok() && d.Min > d.Max {
			v.failf(path, "min", "is more than max (%d s)", d.Max)
		}
	default:
		v.fail(path, "", "is empty (want a list or a min and a max)")
	}
}

//go:noinline
func (v *profileValidator) seconds(path, name string, s int) {
	switch {
	case s <= 0:
		v.fail(path, name, "must be more than 0")
	case s > ProfileMaxSeconds:
		v.failf(path, name, "is more than %d s", ProfileMaxSeconds)
	}
}

func (v *profileValidator) rate(path string, r *Rate, model *Durations) {
	if !v.ok() {
		return
	}
	v.text(path, "label", r.Label, false)
	durs := model
	if r.Durations != nil {
		v.durations(pathField(path, "durations"), r.Durations)
		durs = r.Durations
	}
	var rules []string
	if r.PerSecond.Valid {
		rules = append(rules, "per_second")
	}
	if r.Buckets != nil {
		rules = append(rules, "buckets")
	}
	if r.Base != nil {
		rules = append(rules, "base")
	}
	if r.PerClip.Valid {
		rules = append(rules, "per_clip")
	}
	if r.PerMegapixel.Valid {
		rules = append(rules, "per_megapixel")
	}
	switch len(rules) {
	case 0:
		v.fail(path, "", "needs a rule: per_second, buckets, base, per_clip or per_megapixel")
	case 1:
	default:
		v.failf(path, rules[1], "is set with %s (want exactly one rule per rate)", rules[0])
	}
	if !v.ok() {
		return
	}
	v.nullAmount(path, "per_second", r.PerSecond, true)
	v.nullAmount(path, "per_clip", r.PerClip, true)
	if r.PerMegapixel.Valid {
		v.nullAmount(path, "per_megapixel", r.PerMegapixel, true)
		v.size(path, "width", r.Width, maxProfilePixels)
		v.size(path, "height", r.Height, maxProfilePixels)
		v.size(path, "fps", r.FPS, maxProfileFPS)
	} else if r.Width != 0 || r.Height != 0 || r.FPS != 0 {
		name := "width"
		if r.Width == 0 {
			name = "height"
			if r.Height == 0 {
				name = "fps"
			}
		}
		v.fail(path, name, "is only for per_megapixel")
	}
	if r.Buckets != nil {
		v.buckets(pathField(path, "buckets"), r.Buckets, durs)
	}
	if r.Base != nil {
		b := r.Base
		bp := pathField(path, "base")
		v.seconds(bp, "seconds", b.Seconds)
		if v.ok() && b.Seconds > dursLongest(durs) {
			v.failf(bp, "seconds", "is longer than the longest offered duration (%d s)", dursLongest(durs))
		}
		v.amount(bp, "units", b.Units, true)
		v.amount(bp, "per_extra_second", b.PerExtraSecond, false)
	}
}

func dursLongest(d *Durations) int {
	if len(d.List) > 0 {
		return d.List[len(d.List)-1]
	}
	return d.Max
}

func (v *profileValidator) buckets(path string, bs []Bucket, durs *Durations) {
	if len(bs) == 0 {
		v.fail(path, "", "is empty")
		return
	}
	v.count(path, "", len(bs), ProfileMaxItems)
	for i := range bs {
		bp := pathIndex(path, i)
		s := bs[i].Seconds
		v.seconds(bp, "seconds", s)
		if !v.ok() {
			return
		}
		if j := bucketAt(bs[:i], s); j >= 0 {
			v.failf(bp, "seconds", "duplicate bucket for %d s (also buckets[%d])", s, j)
		}
		if !durs.Offers(s) {
			v.failf(bp, "seconds", "%d s is not an offered duration (%s)", s, dursText(durs))
		}
		v.amount(bp, "units", bs[i].Units, true)
	}
	// Every offered length must have its price: each listed length, or the
	// longest of a range (shorter ones are paid at the next bucket up).
	need := durs.List
	if len(need) == 0 {
		need = []int{durs.Max}
	}
	for _, s := range need {
		if bucketAt(bs, s) < 0 {
			v.failf(path, "", "has no bucket for %d s, an offered duration", s)
		}
	}
}

// bucketAt returns the index of the first of bs for s seconds, or -1.
func bucketAt(bs []Bucket, s int) int {
	for i := range bs {
		if bs[i].Seconds == s {
			return i
		}
	}
	return -1
}

func (v *profileValidator) addon(path string, a *Addon) {
	if !v.ok() {
		return
	}
	switch a.Kind {
	case AddonAudio, AddonUpscale, AddonLipSync, AddonExtend:
	default:
		v.failf(path, "kind", "unknown add-on kind %q (want audio, upscale, lip_sync or extend)", quoteClip(string(a.Kind)))
	}
	v.text(path, "name", a.Name, true)
	var rules []string
	if a.PerClip.Valid {
		rules = append(rules, "per_clip")
	}
	if a.PerSecond.Valid {
		rules = append(rules, "per_second")
	}
	if a.Block != nil {
		rules = append(rules, "block")
	}
	if a.Factor.Valid {
		rules = append(rules, "factor")
	}
	switch len(rules) {
	case 0:
		v.fail(path, "", "needs a price: per_clip, per_second, block or factor")
	case 1:
	default:
		v.failf(path, rules[1], "is set with %s (want exactly one price per add-on)", rules[0])
	}
	v.nullAmount(path, "per_clip", a.PerClip, false)
	v.nullAmount(path, "per_second", a.PerSecond, false)
	if a.Block != nil {
		v.seconds(path, "block.seconds", a.Block.Seconds)
		v.amount(path, "block.units", a.Block.Units, false)
	}
	v.nullAmount(path, "factor", a.Factor, true)
	if v.ok() && a.Factor.Valid && a.Factor.Decimal.Cmp(decimal.NewFromInt(maxProfileFactor)) > 0 {
		v.failf(path, "factor", "is more than %d", maxProfileFactor)
	}
	v.source(path, a.Source)
}

// source checks the source of the item at path.
func (v *profileValidator) source(path string, s Source) {
	if !v.ok() || v.p.Custom && s == (Source{}) {
		return
	}
	path = pathField(path, "source")
	v.url(path, "url", s.URL)
	if !v.ok() {
		return
	}
	if s.Read == "" {
		v.fail(path, "read", "is empty (want the date the source was read, YYYY-MM-DD)")
		return
	}
	if _, err := time.Parse(time.DateOnly, s.Read); err != nil {
		v.failf(path, "read", "%q is not a date (want YYYY-MM-DD)", quoteClip(s.Read))
		return
	}
	switch s.Evidence {
	case EvidenceOfficial, EvidenceSecondary, EvidenceDerived:
	case "":
		v.fail(path, "evidence", "is empty (want official, secondary or derived)")
	default:
		v.failf(path, "evidence", "unknown evidence %q (want official, secondary or derived)", quoteClip(string(s.Evidence)))
	}
	v.text(path, "note", s.Note, false)
}

// clip shortens a value quoted in a message.
func quoteClip(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

//go:noinline
func (v *profileValidator) url(path, name, s string) {
	if !v.ok() {
		return
	}
	if s == "" {
		v.fail(path, name, "is empty (want an https:// address)")
		return
	}
	v.text(path, name, s, true)
	if !v.ok() {
		return
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		v.failf(path, name, "%q is not an https:// address", quoteClip(s))
	}
}

// id checks a lower-case id: a-z, 0-9 and single hyphens between them.
//
//go:noinline
func (v *profileValidator) id(path, name, s string) {
	switch {
	case !v.ok():
	case s == "":
		v.fail(path, name, "is empty")
	case len(s) > ProfileMaxID:
		v.failf(path, name, "is longer than %d characters", ProfileMaxID)
	case !isProfileID(s):
		v.failf(path, name, "%q is not a valid id (use a-z, 0-9 and single hyphens, like \"gen-4-turbo\")", quoteClip(s))
	}
}

func isProfileID(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-':
			if i == 0 || i == len(s)-1 || s[i-1] == '-' {
				return false
			}
		default:
			return false
		}
	}
	return s != ""
}

// unique checks that id, of the item of list at path, is none of the ids
// before it, and returns ids with id added.
//
//go:noinline
func (v *profileValidator) unique(path string, ids []string, id, list string) []string {
	if j := slices.Index(ids, id); j >= 0 {
		v.failf(path, "id", "duplicate id %q (also %s[%d])", quoteClip(id), list, j)
	}
	return append(ids, id)
}

//go:noinline
func (v *profileValidator) text(path, name, s string, required bool) {
	switch {
	case !v.ok():
	case s == "" && required:
		v.fail(path, name, "is empty")
	case len(s) > ProfileMaxString && utf8.RuneCountInString(s) > ProfileMaxString:
		v.failf(path, name, "is longer than %d characters", ProfileMaxString)
	}
}

//go:noinline
func (v *profileValidator) texts(path, name string, ss []string) {
	v.count(path, name, len(ss), ProfileMaxItems)
	for i, s := range ss {
		if s == "" || len(s) > ProfileMaxString {
			v.text(pathIndex(pathField(path, name), i), "", s, true)
		}
	}
}

//go:noinline
func (v *profileValidator) count(path, name string, n, limit int) {
	if n > limit {
		v.failf(path, name, "has %d items (at most %d)", n, limit)
	}
}

//go:noinline
func (v *profileValidator) size(path, name string, n, limit int) {
	switch {
	case n <= 0:
		v.fail(path, name, "must be more than 0")
	case n > limit:
		v.failf(path, name, "is more than %d", limit)
	}
}

//go:noinline
func (v *profileValidator) currency(path, name string, c Currency) {
	ok := len(c) == 3
	for i := 0; ok && i < len(c); i++ {
		ok = c[i] >= 'A' && c[i] <= 'Z'
	}
	switch {
	case c == "":
		v.fail(path, name, "is empty (want a currency code like USD)")
	case !ok:
		v.failf(path, name, "%q is not a currency code (want 3 upper-case letters, like USD)", quoteClip(string(c)))
	}
}

//go:noinline
func (v *profileValidator) res(path, name string, r Resolution, optional bool) {
	switch {
	case r == "" && optional, slices.Contains(Resolutions, r):
	case r == "":
		v.fail(path, name, "is empty (want 360p, 480p, 540p, 720p, 1080p or 4k)")
	default:
		v.failf(path, name, "unknown resolution %q (want 360p, 480p, 540p, 720p, 1080p or 4k)", quoteClip(string(r)))
	}
}

// resOnce checks the resolution of a model's rate or multiplier (at path):
// seen holds those of the model's rates, then multipliers, before it
// (nRates rates). It returns seen with r added.
//
//go:noinline
func (v *profileValidator) resOnce(path string, seen []Resolution, r Resolution, nRates int) []Resolution {
	v.res(path, "res", r, false)
	if j := slices.Index(seen, r); j >= 0 {
		other := pathIndex("rates", j)
		if j >= nRates {
			other = pathIndex("multipliers", j-nRates)
		}
		v.failf(path, "res", "duplicate resolution %q (also %s)", r, other)
	}
	return append(seen, r)
}

//go:noinline
func (v *profileValidator) nullAmount(path, name string, d decimal.NullDecimal, positive bool) {
	if d.Valid {
		v.amount(path, name, d.Decimal, positive)
	}
}

// amount checks that d is within the profile limits and not negative (or,
// when positive is set, more than 0). It looks at the exponent before any
// arithmetic, so an absurd value like 1e9000 costs nothing.
//
//go:noinline
func (v *profileValidator) amount(path, name string, d decimal.Decimal, positive bool) {
	if !v.ok() {
		return
	}
	if err := checkProfileAmount(d, positive); err != nil {
		v.fail(path, name, err.Error())
	}
}

func checkProfileAmount(d decimal.Decimal, positive bool) error {
	exp := int64(d.Exponent())
	switch {
	case d.Sign() == 0:
		if exp > ProfileMaxIntDigits {
			return fmt.Errorf("is too large (at most %d digits before the decimal point)", ProfileMaxIntDigits)
		}
	case int64(d.NumDigits())+exp > ProfileMaxIntDigits:
		return fmt.Errorf("is too large (at most %d digits before the decimal point)", ProfileMaxIntDigits)
	case exp < -ProfileMaxFracDigits && !profileZerosAfter(d, -ProfileMaxFracDigits-exp):
		return fmt.Errorf("has more than %d decimal places", ProfileMaxFracDigits)
	}
	switch {
	case d.Sign() < 0:
		return errors.New("cannot be negative")
	case d.Sign() == 0 && positive:
		return errors.New("must be more than 0")
	}
	return nil
}

// profileZerosAfter reports whether the last n digits of d's coefficient are all
// zeros ("1.500000000000000000" has more places than the limit, but only
// zeros beyond it). n is at most the coefficient's length here, because the
// caller has checked that d is not too large.
func profileZerosAfter(d decimal.Decimal, n int64) bool {
	if n > int64(d.NumDigits()) {
		return false
	}
	c := d.Coefficient()
	var r big.Int
	c.QuoRem(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(n), nil), &r)
	return r.Sign() == 0
}
