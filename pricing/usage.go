package pricing

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// Shot is what a person wants made: a clip of Seconds at Res, on a model of
// Tier (TierAny or "" for any), generated Takes times per clip kept
// (generations per kept clip: 1.5 means every other clip is made twice; 0
// counts as 1), with Addons.
type Shot struct {
	Seconds decimal.Decimal
	Res     Resolution
	Tier    Tier
	Takes   decimal.Decimal
	Addons  []AddonKind
}

// Usage is what one generated clip of a shot costs on a model, in the
// model's units: credits on a credit profile, money on an API profile.
type Usage struct {
	// Units per generated clip, after add-ons, minimum charge and rounding.
	Units decimal.Decimal
	// PaidSeconds is the length the clip is made and paid at: the shortest
	// offered length at least as long as the shot.
	PaidSeconds decimal.Decimal
	// UnusedSeconds = PaidSeconds − the shot's seconds.
	UnusedSeconds decimal.Decimal
	// Label is the resolution as the platform names it ("768P"), or the
	// resolution class when it has no name of its own.
	Label string
	// Lines is the working, one step a line:
	// "Gen-4 Turbo: 5 credits/s × 10 s = 50 credits".
	Lines []string
}

// Usage prices one generated clip of s on m, in credits. A shot m cannot
// make is a *NotOfferedError (errors.Is ErrNotOffered) with a Reason a
// person reads: "10 s not offered at 1080p (longest is 6 s)", "4k not
// offered (720p, 1080p)", "no native audio", "native audio not stated by
// its source", "credit cost not published".
// A shot without seconds is an *InputError for the field "Duration".
func (m Model) Usage(s Shot) (Usage, error) {
	si, err := prepareShot(s)
	if err != nil {
		return Usage{}, err
	}
	return m.usageErr(&si, &unitFormat{word: "credits", lines: true})
}

// Usage is Model.Usage for p's model modelID, written in p's units: "Veo 3:
// $0.20/s × 8 s = $1.60" on an API, where Model.Usage says "credits".
func (p Profile) Usage(modelID string, s Shot) (Usage, error) {
	m := findModel(&p, modelID)
	if m == nil {
		return Usage{}, fmt.Errorf("%w model %q on %s", ErrUnknown, modelID, p.ID)
	}
	si, err := prepareShot(s)
	if err != nil {
		return Usage{}, err
	}
	f := profileFormat(&p, true)
	return m.usageErr(&si, &f)
}

// shotInfo is a Shot checked and prepared once for many models.
type shotInfo struct {
	Shot
	ceil   int64  // whole seconds, rounded up (capped far beyond any model)
	text   string // the seconds asked, for people: "7.5 s"
	whole  bool   // Seconds is a whole number
	res    int    // index in Resolutions; -1 when not a known class
	addons []AddonKind
}

// maxWholeSeconds caps shotInfo.ceil; no model offers anything near it.
const maxWholeSeconds = 1 << 40

var maxWholeSecondsDec = decimal.NewFromInt(maxWholeSeconds)

func prepareShot(s Shot) (shotInfo, error) {
	if s.Seconds.Sign() <= 0 {
		e := ErrZero
		if s.Seconds.IsNegative() {
			e = ErrNegative
		}
		return shotInfo{}, &InputError{Field: FieldDuration, Value: Exact(s.Seconds), Err: e}
	}
	if err := checkTakes(FieldTakes, s.Takes, Exact(s.Takes)); err != nil {
		return shotInfo{}, err
	}
	if s.Takes.IsZero() {
		s.Takes = one
	}
	if s.Tier == "" {
		s.Tier = TierAny
	}
	si := shotInfo{Shot: s, res: resIndex(s.Res), whole: s.Seconds.IsInteger(), text: secs(s.Seconds)}
	if s.Seconds.Cmp(maxWholeSecondsDec) >= 0 {
		si.ceil = maxWholeSeconds
	} else {
		si.ceil = s.Seconds.Ceil().IntPart()
	}
	// Each add-on once, in the order asked.
	for _, a := range s.Addons {
		dup := false
		for _, b := range si.addons {
			dup = dup || a == b
		}
		if !dup {
			si.addons = append(si.addons, a)
		}
	}
	return si, nil
}

// MaxTakes is the most generations per kept clip the engine takes: a
// person who keeps one clip in a thousand tries does not plan a month on
// it, and a figure past it is a slip ("1000000" for "1") that would price a
// month in billions.
const MaxTakes = 1000

var maxTakesDec = decimal.NewFromInt(MaxTakes)

// checkTakes is the one rule for generations per kept clip, which every
// entry point (Calculate, Quote, Rank, PlanMonth, ParseTakes) applies: 0
// (meaning 1), or from 1 to MaxTakes. The error names field and carries
// value, the figure as typed.
func checkTakes(field string, takes decimal.Decimal, value string) error {
	var err error
	switch {
	case takes.IsNegative():
		err = ErrNegative
	case takes.IsZero():
		return nil
	case takes.Cmp(one) < 0:
		err = ErrBelowOne
	case takes.Cmp(maxTakesDec) > 0:
		err = ErrTooManyTakes
	default:
		return nil
	}
	return &InputError{Field: field, Value: value, Err: err}
}

// ParseTakes reads generations per kept clip as typed or linked: a number
// ("1.5", as ParsePositiveIn reads a UnitCount: "$2" and "33%" are
// *UnitError, the percentage saying how to write a share kept), or clips
// made and kept as two whole
// numbers ("7/3"), divided as MeasuredTakes divides them, which is how
// TakesText writes a clip log's measure for a field or a link; then from 1
// to MaxTakes (ErrBelowOne, ErrTooManyTakes). A fraction that is not two
// whole numbers more than 0 is ErrNotNumber.
func ParseTakes(field, s string) (decimal.Decimal, error) {
	var d decimal.Decimal
	var err error
	if num, den, ok := strings.Cut(s, "/"); ok {
		n, err1 := ParsePositive(field, num)
		k, err2 := ParsePositive(field, den)
		if err1 != nil || err2 != nil || !n.IsInteger() || !k.IsInteger() {
			return zero, &InputError{Field: field, Value: s, Err: errNotRatio}
		}
		d = n.DivRound(k, DivisionScale)
	} else {
		d, err = ParsePositiveIn(field, s, UnitCount)
		// "33%" is the share kept, which the field takes the other way
		// up: say how, not "type the number alone" (33 generations).
		if u, ok := errors.AsType[*UnitError](err); ok && u.Got == UnitPercent {
			u.Hint = "keeping 1 clip in 3 is 3"
		}
	}
	if err == nil {
		err = checkTakes(field, d, s)
	}
	if err != nil {
		return zero, err
	}
	return d, nil
}

// TakesText writes MeasuredTakes(generations, kept) for a field or a link,
// so that ParseTakes reads back the very figure, and a person reads it: a
// figure of at most approxPlaces places as it is ("2", "2.5", and the
// bounds 1 and MaxTakes), another as the counts in lowest terms ("7/3" for
// 14 clips made and 6 kept, where the division is 2.3333333333333333).
// It is "" when nothing was kept.
func TakesText(generations, kept int) string {
	d, ok := MeasuredTakes(generations, kept)
	switch {
	case !ok:
		return ""
	case d.Round(approxPlaces).Equal(d):
		return Exact(d)
	}
	a, b := generations, kept
	for b != 0 {
		a, b = b, a%b
	}
	return strconv.Itoa(generations/a) + "/" + strconv.Itoa(kept/a)
}

// MeasuredTakes is the generations per kept clip measured from counts
// (a clip log's): generations ÷ kept to DivisionScale places, as every
// division, at least 1 and at most MaxTakes, so that a measure always
// prices: a log of 5,000 tries and 1 kept clip counts as MaxTakes, and the
// counts shown beside it say why. ok is false when nothing was kept.
// FormatApprox shows it to people ("~2.33" for 7 ÷ 3); the pages price with
// it as it is, as the clip log divides (rounded to 2 places, 7 tries for 3
// kept $1.20 clips cost $2.796 a kept clip, where the log said $2.80).
func MeasuredTakes(generations, kept int) (takes decimal.Decimal, ok bool) {
	if kept <= 0 {
		return zero, false
	}
	takes = intDec(int64(generations)).DivRound(intDec(int64(kept)), DivisionScale)
	return decimal.Max(one, decimal.Min(takes, maxTakesDec)), true
}

func resIndex(r Resolution) int {
	// The classes in Resolutions' order, by switch: Rank asks often.
	switch r {
	case Res360p:
		return 0
	case Res480p:
		return 1
	case Res540p:
		return 2
	case Res720p:
		return 3
	case Res1080p:
		return 4
	case Res4K:
		return 5
	}
	for i, x := range Resolutions {
		if x == r {
			return i
		}
	}
	return -1
}

// smallInts caches the decimals of common whole second counts.
var smallInts = func() (t [301]decimal.Decimal) {
	for i := range t {
		t[i] = decimal.NewFromInt(int64(i))
	}
	return t
}()

func intDec(n int64) decimal.Decimal {
	if n >= 0 && n < int64(len(smallInts)) {
		return smallInts[n]
	}
	return decimal.NewFromInt(n)
}

// unitFormat writes units in the working: "50 credits" or "$0.50".
type unitFormat struct {
	money  bool // API profile: units are money in cur
	cur    Currency
	word   string // what a credit is called
	lines  bool   // write Lines at all
	custom bool   // a person's own profile (Profile.Custom): it has no source
}

func profileFormat(p *Profile, lines bool) unitFormat {
	w := p.Unit
	if w == "" {
		w = "credits"
	}
	return unitFormat{money: p.Kind == KindAPI, cur: p.Currency, word: w, lines: lines, custom: p.Custom}
}

func (f *unitFormat) amount(d decimal.Decimal) string {
	if f.money {
		return FormatMoney(Money{d, f.cur})
	}
	return CountUnits(d, f.word) // "~116.67 credits" for 50 × 7 ÷ 3
}

// operand writes d as an operand of a line of working whose result is
// op(d): money through WorkingMoney, so that the line works out as shown;
// credits as amount does (they are shown exactly).
func (f *unitFormat) operand(d decimal.Decimal, op func(decimal.Decimal) decimal.Decimal, result decimal.Decimal) string {
	if f.money {
		return WorkingMoney(Money{d, f.cur}, op, Money{result, f.cur})
	}
	return f.amount(d)
}

// per writes a rate: "5 credits/s", "$0.10/s", "$0.0064/Mpx".
func (f *unitFormat) per(d decimal.Decimal, unit string) string {
	if f.money {
		return FormatMoney(Money{d, f.cur}) + "/" + unit
	}
	return FormatNumber(d) + " " + f.word + "/" + unit
}

func (f *unitFormat) unpublished() string {
	if f.money {
		return "price not published"
	}
	return "credit cost not published"
}

func secs(d decimal.Decimal) string { return FormatNumber(d) + " s" }

// usageErr is usage with a reason turned into a *NotOfferedError.
func (m *Model) usageErr(s *shotInfo, f *unitFormat) (Usage, error) {
	u, reason := m.usage(s, f)
	if reason != "" {
		return Usage{}, &NotOfferedError{Model: m.ID, Reason: reason}
	}
	return u, nil
}

// notOfferedAt is the reason a model without res gives: "4k not offered
// (720p, 1080p)", the resolutions it offers lowest first. The usual
// sentences come from a table, so Rank does not build one per model.
func (m *Model) notOfferedAt(res Resolution) string {
	ri := resIndex(res)
	mask, known := 0, ri >= 0
	for i := range m.Rates {
		k := resIndex(m.Rates[i].Res)
		known = known && k >= 0
		mask |= 1 << max(k, 0)
	}
	for i := range m.Multipliers {
		k := resIndex(m.Multipliers[i].Res)
		known = known && k >= 0
		mask |= 1 << max(k, 0)
	}
	if known {
		return notOfferedTable()[ri][mask]
	}
	var b strings.Builder
	b.WriteString(res.Name())
	b.WriteString(" not offered (")
	b.WriteString(m.resList())
	b.WriteString(")")
	return b.String()
}

// notOfferedTable[r][mask] is the reason for resolution class r on a model
// offering the classes in mask (bit i for Resolutions[i]).
var notOfferedTable = sync.OnceValue(func() [][]string {
	t := make([][]string, len(Resolutions))
	for r := range t {
		t[r] = make([]string, 1<<len(Resolutions))
		for mask := range t[r] {
			var names []string
			for i, x := range Resolutions {
				if mask&(1<<i) != 0 {
					names = append(names, x.Name())
				}
			}
			t[r][mask] = Resolutions[r].Name() + " not offered (" + strings.Join(names, ", ") + ")"
		}
	}
	return t
})

// resList names the resolutions m offers, lowest first.
func (m *Model) resList() string {
	var names []string
	for _, r := range Resolutions {
		if m.offers(r) {
			names = append(names, string(r))
		}
	}
	for i := range m.Rates { // classes the package does not know, last
		if resIndex(m.Rates[i].Res) < 0 {
			names = append(names, string(m.Rates[i].Res))
		}
	}
	for i := range m.Multipliers {
		if resIndex(m.Multipliers[i].Res) < 0 {
			names = append(names, string(m.Multipliers[i].Res))
		}
	}
	return strings.Join(names, ", ")
}

// offers reports whether m has a rate or a multiplier at r.
func (m *Model) offers(r Resolution) bool {
	for i := range m.Rates {
		if m.Rates[i].Res == r {
			return true
		}
	}
	for i := range m.Multipliers {
		if m.Multipliers[i].Res == r {
			return true
		}
	}
	return false
}

// usage is Model.Usage on a prepared shot, writing units with f. A shot m
// cannot make gives the reason why instead (and no allocation for an
// error value: Rank meets many of them).
func (m *Model) usage(s *shotInfo, f *unitFormat) (Usage, string) {
	if len(m.Rates) == 0 {
		return Usage{}, f.unpublished()
	}
	res := s.Res
	if res == "" {
		res = m.Rates[0].Res
	}
	var rate *Rate
	var mult *Multiplier
	for i := range m.Rates {
		if m.Rates[i].Res == res {
			rate = &m.Rates[i]
			break
		}
	}
	if rate == nil {
		for i := range m.Multipliers {
			if m.Multipliers[i].Res == res {
				mult = &m.Multipliers[i]
				rate = &m.Rates[0]
				break
			}
		}
	}
	if rate == nil {
		return Usage{}, m.notOfferedAt(res)
	}
	label := res.Name()
	switch {
	case mult != nil && mult.Label != "":
		label = mult.Label
	case mult == nil && rate.Label != "":
		label = rate.Label
	}

	// Paid seconds.
	durs := &m.Durations
	if rate.Durations != nil {
		durs = rate.Durations
	}
	var paid decimal.Decimal
	var longest int64
	whole, ok := int64(0), true
	switch {
	case len(durs.List) > 0:
		whole, ok = -1, false
		for _, d := range durs.List {
			if int64(d) >= s.ceil && (!ok || int64(d) < whole) {
				whole, ok = int64(d), true
			}
			longest = max(longest, int64(d))
		}
	case durs.Min > 0 || durs.Max > 0:
		whole = max(s.ceil, int64(durs.Min))
		if durs.Max > 0 && whole > int64(durs.Max) {
			ok, longest = false, int64(durs.Max)
		}
	default:
		whole = -1 // any length, paid as asked
	}
	var bucket *Bucket
	if ok && len(rate.Buckets) > 0 {
		need := whole
		if need < 0 {
			need = s.ceil
		}
		longest = 0
		for i := range rate.Buckets {
			b := &rate.Buckets[i]
			if int64(b.Seconds) >= need && (bucket == nil || b.Seconds < bucket.Seconds) {
				bucket = b
			}
			longest = max(longest, int64(b.Seconds))
		}
		if bucket == nil {
			ok = false
		} else {
			whole = int64(bucket.Seconds)
		}
	}
	if !ok {
		return Usage{}, s.text + " not offered at " + res.Name() +
			" (longest is " + strconv.FormatInt(longest, 10) + " s)"
	}
	if whole >= 0 {
		paid = intDec(whole)
	} else {
		paid = s.Seconds
	}

	u := Usage{PaidSeconds: paid, Label: label}
	if whole >= 0 && (whole != s.ceil || !s.whole) {
		u.UnusedSeconds = paid.Sub(s.Seconds)
	}
	var lines []string
	name := m.Name
	if name == "" {
		name = m.ID
	}

	// The rule.
	var units decimal.Decimal
	switch {
	case rate.PerSecond.Valid:
		units = rate.PerSecond.Decimal.Mul(paid)
		if f.lines {
			lines = append(lines, name+": "+f.per(rate.PerSecond.Decimal, "s")+" × "+secs(paid)+" = "+f.amount(units))
		}
	case bucket != nil:
		units = bucket.Units
		if f.lines {
			lines = append(lines, name+": "+secs(paid)+" clip = "+f.amount(units))
		}
	case rate.Base != nil:
		b := rate.Base
		extra := paid.Sub(intDec(int64(b.Seconds)))
		if extra.IsNegative() {
			extra = zero
		}
		units = b.Units.Add(b.PerExtraSecond.Mul(extra))
		if f.lines {
			lines = append(lines, name+": "+f.amount(b.Units)+" for the first "+strconv.Itoa(b.Seconds)+" s + "+
				f.per(b.PerExtraSecond, "s")+" × "+secs(extra)+" = "+f.amount(units))
		}
	case rate.PerClip.Valid:
		units = rate.PerClip.Decimal
		if f.lines {
			lines = append(lines, name+": "+f.amount(units)+" per clip")
		}
	case rate.PerMegapixel.Valid:
		px := intDec(int64(rate.Width)).Mul(intDec(int64(rate.Height))).Mul(intDec(int64(rate.FPS))).Mul(paid).Shift(-6)
		units = rate.PerMegapixel.Decimal.Mul(px)
		if f.lines {
			lines = append(lines, name+": "+strconv.Itoa(rate.Width)+"×"+strconv.Itoa(rate.Height)+" × "+
				strconv.Itoa(rate.FPS)+" fps × "+secs(paid)+" = "+FormatNumber(px)+" Mpx × "+
				f.per(rate.PerMegapixel.Decimal, "Mpx")+" = "+f.amount(units))
		}
	default:
		return Usage{}, f.unpublished()
	}
	if mult != nil {
		before := units
		units = units.Mul(mult.Factor)
		if f.lines {
			lines = append(lines, res.Name()+" = "+FormatNumber(mult.Factor)+" × "+rate.Res.Name()+": "+
				FormatNumber(mult.Factor)+" × "+f.amount(before)+" = "+f.amount(units))
		}
	}

	// Add-ons: factors multiply the clip's units; the others add to them.
	if len(s.addons) > 0 {
		clip := units
		var added decimal.Decimal
		for _, k := range s.addons {
			a, reason := m.addon(k, f)
			if reason != "" {
				return Usage{}, reason
			}
			if a == nil { // included in the price
				if f.lines {
					lines = append(lines, "+ "+addonName(k)+": included")
				}
				continue
			}
			var extra decimal.Decimal
			var how string
			switch {
			case a.PerClip.Valid:
				extra = a.PerClip.Decimal
				if f.lines {
					how = f.amount(extra) + " per clip"
				}
			case a.PerSecond.Valid:
				extra = a.PerSecond.Decimal.Mul(paid)
				if f.lines {
					how = f.per(a.PerSecond.Decimal, "s") + " × " + secs(paid)
				}
			case a.Block != nil:
				blocks := one
				if a.Block.Seconds > 0 {
					q, _ := div(paid, intDec(int64(a.Block.Seconds)))
					blocks = q.Ceil()
				}
				extra = a.Block.Units.Mul(blocks)
				if f.lines {
					how = f.amount(a.Block.Units) + " per " + strconv.Itoa(a.Block.Seconds) + " s × " + FormatNumber(blocks)
				}
			case a.Factor.Valid:
				before := clip
				clip = clip.Mul(a.Factor.Decimal)
				extra = clip.Sub(before)
				if f.lines {
					how = "× " + FormatNumber(a.Factor.Decimal) + " the clip"
				}
			default:
				return Usage{}, addonName(k) + " price not published"
			}
			if a.RoundUp {
				extra = extra.Ceil()
			}
			added = added.Add(extra)
			if f.lines {
				lines = append(lines, "+ "+addonName(k)+": "+how+" = "+f.amount(extra))
			}
		}
		units = units.Add(added)
	}
	if m.MinCharge.Valid && units.Cmp(m.MinCharge.Decimal) < 0 {
		units = m.MinCharge.Decimal
		if f.lines {
			lines = append(lines, "minimum charge: "+f.amount(units))
		}
	}
	if m.RoundUp && !units.IsInteger() {
		units = units.Ceil()
		if f.lines {
			lines = append(lines, "rounded up to "+f.amount(units))
		}
	}
	if f.lines && u.UnusedSeconds.Sign() > 0 {
		lines = append(lines, s.text+" asked: paid "+secs(paid)+", "+secs(u.UnusedSeconds)+" unused")
	}
	u.Units = units
	u.Lines = lines
	return u, ""
}

// addon finds how m prices kind k. It returns nil and no reason when the
// option is included in the price, and a reason when m cannot do it.
func (m *Model) addon(k AddonKind, f *unitFormat) (*Addon, string) {
	if k == AddonAudio {
		switch m.Audio {
		case AudioIncluded:
			return nil, ""
		case AudioAddon:
		case AudioUnpriced:
			return nil, "native audio " + f.unpublished()
		case AudioNone:
			return nil, "no native audio"
		default:
			// AudioNotStated: neither priced as if silent nor said to be.
			// A person's own profile has no source to state it.
			if f.custom {
				return nil, "native audio not set in your profile"
			}
			return nil, "native audio not stated by its source"
		}
	}
	for i := range m.Addons {
		if m.Addons[i].Kind == k {
			return &m.Addons[i], ""
		}
	}
	if k == AddonAudio {
		return nil, "native audio " + f.unpublished()
	}
	return nil, "no " + addonName(k)
}

// addonName is an add-on's name in a sentence.
func addonName(k AddonKind) string {
	switch k {
	case AddonAudio:
		return "native audio"
	case AddonLipSync:
		return "lip sync"
	}
	return strings.ReplaceAll(string(k), "_", " ")
}
