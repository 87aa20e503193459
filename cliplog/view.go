package cliplog

import (
	"cmp"
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/aivc/aivc/internal/order"
	"github.com/aivc/aivc/pricing"
	"github.com/shopspring/decimal"
)

// KeptFilter chooses kept clips, rejected ones, or both.
type KeptFilter string

const (
	KeptAll      KeptFilter = "all" // "" means the same
	KeptOnly     KeptFilter = "kept"
	RejectedOnly KeptFilter = "rejected"
)

// Filter chooses entries; an empty field does not filter.
type Filter struct {
	Project   string
	Client    string
	ProfileID string
	Month     string // YYYY-MM
	Kept      KeptFilter
}

// Match reports whether e passes f. Text fields match exactly.
func (f Filter) Match(e Entry) bool {
	switch {
	case f.Project != "" && e.Project != f.Project,
		f.Client != "" && e.Client != f.Client,
		f.ProfileID != "" && e.ProfileID != f.ProfileID,
		f.Month != "" && e.Month() != f.Month,
		f.Kept == KeptOnly && !e.Kept,
		f.Kept == RejectedOnly && e.Kept:
		return false
	}
	return true
}

// Validate checks Month and Kept, for a filter read from a link.
func (f Filter) Validate() error {
	if f.Month != "" {
		if err := CheckMonth(f.Month); err != nil {
			return err
		}
	}
	switch f.Kept {
	case "", KeptAll, KeptOnly, RejectedOnly:
		return nil
	}
	return inputErr(FieldKept, clip(string(f.Kept)), errors.New("must be all, kept or rejected"))
}

// Select returns the entries that pass f, in their order.
func Select(es []Entry, f Filter) []Entry {
	out := make([]Entry, 0, len(es))
	for _, e := range es {
		if f.Match(e) {
			out = append(out, e)
		}
	}
	return out
}

// Choices lists the distinct values of the filterable fields, sorted, for
// the filter menus. Empty values are left out.
type Choices struct {
	Projects, Clients, Profiles, Months []string
}

// ChoicesOf returns the filter choices present in es.
func ChoicesOf(es []Entry) Choices {
	sets := [4]map[string]bool{{}, {}, {}, {}}
	for _, e := range es {
		for i, v := range [4]string{e.Project, e.Client, e.ProfileID, e.Month()} {
			if v != "" {
				sets[i][v] = true
			}
		}
	}
	list := func(m map[string]bool) []string {
		out := make([]string, 0, len(m))
		for v := range m {
			out = append(out, v)
		}
		slices.Sort(out)
		return out
	}
	return Choices{Projects: list(sets[0]), Clients: list(sets[1]), Profiles: list(sets[2]), Months: list(sets[3])}
}

// Totals sums a list of entries.
type Totals struct {
	Count, KeptCount int
	SecondsGenerated decimal.Decimal // every clip
	SecondsKept      decimal.Decimal // kept clips
	// ByCurrency is the exact cost in each currency the entries were priced
	// in, sorted by currency code. Nothing is converted here.
	ByCurrency []pricing.Money
	// Spent is the cost of every clip in the display currency: each
	// currency's exact sum is converted once with the person's rates.
	Spent pricing.Money
	// CostPerKeptSecond is Spent ÷ SecondsKept (pricing.DivisionScale);
	// HasCostPerKeptSecond is false, and it zero, when nothing was kept.
	CostPerKeptSecond    pricing.Money
	HasCostPerKeptSecond bool
}

// Total sums es, converting money to display with rates. Two currencies are
// never added without converting. When rates lack a currency the error
// wraps pricing.ErrCurrency; the counts, seconds and ByCurrency are still
// filled, but Spent and CostPerKeptSecond are zero.
func Total(es []Entry, display pricing.Currency, rates pricing.Rates) (Totals, error) {
	t := Totals{SecondsGenerated: decimal.Zero, SecondsKept: decimal.Zero}
	sums := map[pricing.Currency]decimal.Decimal{}
	for _, e := range es {
		t.Count++
		t.SecondsGenerated = t.SecondsGenerated.Add(e.Seconds)
		if e.Kept {
			t.KeptCount++
			t.SecondsKept = t.SecondsKept.Add(e.Seconds)
		}
		c := e.Cost.Currency
		sums[c] = sums[c].Add(e.Cost.Amount)
	}
	t.ByCurrency = moneyList(sums)
	t.Spent = pricing.NewMoney(decimal.Zero, display)
	t.CostPerKeptSecond = pricing.NewMoney(decimal.Zero, display)
	spent, err := convertSum(t.ByCurrency, display, rates)
	if err != nil {
		return t, err
	}
	t.Spent = spent
	if t.SecondsKept.IsPositive() {
		t.CostPerKeptSecond = pricing.NewMoney(spent.Amount.DivRound(t.SecondsKept, pricing.DivisionScale), display)
		t.HasCostPerKeptSecond = true
	}
	return t, nil
}

func moneyList(sums map[pricing.Currency]decimal.Decimal) []pricing.Money {
	out := make([]pricing.Money, 0, len(sums))
	for c, a := range sums {
		out = append(out, pricing.NewMoney(a, c))
	}
	order.Stable(len(out), func(i, j int) int { return strings.Compare(string(out[i].Currency), string(out[j].Currency)) },
		func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// convertSum converts each amount to display and adds them. Every missing
// rate is named in the error.
func convertSum(ms []pricing.Money, display pricing.Currency, rates pricing.Rates) (pricing.Money, error) {
	total := decimal.Zero
	var errs []error
	for _, m := range ms {
		c, err := rates.Convert(m, display)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		total = total.Add(c.Amount)
	}
	if len(errs) > 0 {
		return pricing.NewMoney(decimal.Zero, display), errors.Join(errs...)
	}
	return pricing.NewMoney(total, display), nil
}

// Retakes is how many generations a kept clip took on one profile and
// model, measured from the log.
type Retakes struct {
	_           pricing.NotComparable // a decimal: == would compare pointers
	ProfileID   string                `json:"p"`
	ModelID     string                `json:"m"`
	ProfileName string                `json:"pn"` // as in the latest entry
	ModelName   string                `json:"mn"`
	Generations int                   `json:"g"` // clips logged
	Kept        int                   `json:"k"` // of which kept
	// PerKept is Generations ÷ Kept (pricing.DivisionScale); zero when
	// nothing was kept. MeasuredKey does not hold it: setPerKept derives it.
	PerKept decimal.Decimal `json:"-"`
}

// setPerKept sets PerKept from the counts.
func (r *Retakes) setPerKept() {
	r.PerKept = decimal.Zero
	if r.Kept > 0 {
		r.PerKept = decInt(r.Generations).DivRound(decInt(r.Kept), pricing.DivisionScale)
	}
}

// OK reports whether there is a measured figure: at least one clip kept.
func (r Retakes) OK() bool { return r.Kept > 0 }

// Source says where the figure comes from, for the page to show beside it:
// "measured from your log: 12 clips, 8 kept".
func (r Retakes) Source() string {
	kept := "none kept"
	if r.Kept > 0 {
		kept = strconv.Itoa(r.Kept) + " kept"
	}
	return "measured from your log: " + pricing.CountInt(r.Generations, "clip", "clips") + ", " + kept
}

// MeasureRetakes returns the measured generations per kept clip of every
// profile and model in es, sorted by profile then model ID.
func MeasureRetakes(es []Entry) []Retakes {
	// Entries are large: each is read in place, and the latest of each
	// model is kept as its index, not copied (BenchmarkMeasureRetakes20k:
	// 3–4.6 ms natively, 6.5–7.8 ms when every entry was copied).
	type pm struct{ p, m string }
	type tally struct {
		r      Retakes
		latest int // index in es of the model's latest entry, for its names
	}
	byKey := map[pm]*tally{}
	for i := range es {
		e := &es[i]
		k := pm{e.ProfileID, e.ModelID}
		t := byKey[k]
		if t == nil {
			t = &tally{r: Retakes{ProfileID: e.ProfileID, ModelID: e.ModelID}, latest: i}
			byKey[k] = t
		}
		t.r.Generations++
		if e.Kept {
			t.r.Kept++
		}
		if l := &es[t.latest]; e.Date > l.Date || e.Date == l.Date && e.ID > l.ID {
			t.latest = i
		}
	}
	out := make([]Retakes, 0, len(byKey))
	for _, t := range byKey {
		r := t.r
		r.ProfileName, r.ModelName = es[t.latest].ProfileName, es[t.latest].ModelName
		r.setPerKept()
		out = append(out, r)
	}
	order.Stable(len(out), func(i, j int) int {
		return cmp.Or(strings.Compare(out[i].ProfileID, out[j].ProfileID), strings.Compare(out[i].ModelID, out[j].ModelID))
	}, func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// FindRetakes returns the measured figure of a profile and model. ok is
// false when the log has no clip of it or none kept, so the calculator
// keeps its own default.
func FindRetakes(rs []Retakes, profileID, modelID string) (r Retakes, ok bool) {
	i := sort.Search(len(rs), func(i int) bool {
		return rs[i].ProfileID > profileID || rs[i].ProfileID == profileID && rs[i].ModelID >= modelID
	})
	if i < len(rs) && rs[i].ProfileID == profileID && rs[i].ModelID == modelID {
		return rs[i], rs[i].OK()
	}
	return Retakes{}, false
}

// Point is one bar of a spend chart.
type Point struct {
	Key string // the month (YYYY-MM), the project or the client ("" for none)
	// Split is true for a project whose name more than one client's
	// clips carry (SpendByProject), which has a Point per client: a
	// "Website" for Acme and one for Beta are two bills, not one sum.
	// Client is then the client's ("" for none).
	Split  bool
	Client string
	Spent  pricing.Money // in the display currency
	Count  int           // clips
}

// SpendByMonth returns spend per month, oldest first, with every month
// between the first and the last (a month without clips has zero).
func SpendByMonth(es []Entry, display pricing.Currency, rates pricing.Rates) ([]Point, error) {
	pts, err := spendBy(es, display, rates, Entry.Month)
	if err != nil || len(pts) == 0 {
		return pts, err
	}
	order.Stable(len(pts), func(i, j int) int { return strings.Compare(pts[i].Key, pts[j].Key) }, func(i, j int) { pts[i], pts[j] = pts[j], pts[i] })
	first, err1 := time.Parse("2006-01", pts[0].Key)
	last, err2 := time.Parse("2006-01", pts[len(pts)-1].Key)
	if err1 != nil || err2 != nil {
		return pts, nil
	}
	var out []Point
	i := 0
	for m := first; !m.After(last) && len(out) < 12*200; m = m.AddDate(0, 1, 0) {
		k := m.Format("2006-01")
		if i < len(pts) && pts[i].Key == k {
			out = append(out, pts[i])
			i++
			continue
		}
		out = append(out, Point{Key: k, Spent: pricing.NewMoney(decimal.Zero, display)})
	}
	return out, nil
}

// SpendByProject returns spend per project, largest first (then by
// name); Key "" gathers the clips without a project. A project name that
// clips of more than one client carry is split per client (Point.Split).
func SpendByProject(es []Entry, display pricing.Currency, rates pricing.Rates) ([]Point, error) {
	// A text field holds no control character (checkText): "\x00" parts them.
	pts, err := spendLargest(es, display, rates, func(e Entry) string { return e.Project + "\x00" + e.Client })
	clients := map[string]int{}
	for i := range pts {
		pts[i].Key, pts[i].Client, _ = strings.Cut(pts[i].Key, "\x00")
		clients[pts[i].Key]++
	}
	for i := range pts {
		if pts[i].Split = clients[pts[i].Key] > 1; !pts[i].Split {
			pts[i].Client = ""
		}
	}
	return pts, err
}

// SpendByClient is SpendByProject per client: what each client's clips
// cost, for the bills.
func SpendByClient(es []Entry, display pricing.Currency, rates pricing.Rates) ([]Point, error) {
	return spendLargest(es, display, rates, func(e Entry) string { return e.Client })
}

// spendLargest is spendBy, largest first (then by name).
func spendLargest(es []Entry, display pricing.Currency, rates pricing.Rates, key func(Entry) string) ([]Point, error) {
	pts, err := spendBy(es, display, rates, key)
	order.Stable(len(pts), func(i, j int) int { // largest first
		return cmp.Or(pts[j].Spent.Amount.Cmp(pts[i].Spent.Amount), strings.Compare(pts[i].Key, pts[j].Key))
	}, func(i, j int) { pts[i], pts[j] = pts[j], pts[i] })
	return pts, err
}

func spendBy(es []Entry, display pricing.Currency, rates pricing.Rates, key func(Entry) string) ([]Point, error) {
	type bucket struct {
		sums  map[pricing.Currency]decimal.Decimal
		count int
	}
	bs := map[string]*bucket{}
	for _, e := range es {
		k := key(e)
		b := bs[k]
		if b == nil {
			b = &bucket{sums: map[pricing.Currency]decimal.Decimal{}}
			bs[k] = b
		}
		b.count++
		b.sums[e.Cost.Currency] = b.sums[e.Cost.Currency].Add(e.Cost.Amount)
	}
	out := make([]Point, 0, len(bs))
	var first error
	for k, b := range bs {
		spent, err := convertSum(moneyList(b.sums), display, rates)
		if err != nil && first == nil {
			first = err
		}
		out = append(out, Point{Key: k, Spent: spent, Count: b.count})
	}
	return out, first
}
