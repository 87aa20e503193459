package main

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// median returns the median of xs: the middle value, or the mean of the two
// middle values when len(xs) is even. ok is false when xs is empty.
func median(xs []float64) (m float64, ok bool) {
	if len(xs) == 0 {
		return 0, false
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2], true
	}
	return (s[n/2-1] + s[n/2]) / 2, true
}

// ratio returns product/bare; ok is false when bare is not positive.
func ratio(product, bare float64) (r float64, ok bool) {
	if !(bare > 0) || math.IsNaN(product) || math.IsInf(product, 0) {
		return 0, false
	}
	return product / bare, true
}

// ratioInterval returns a 95% bootstrap interval for the ratio of the
// medians of product and bare: both sets are resampled with replacement
// 2,000 times and the 2.5th and 97.5th percentiles of the ratios are taken.
// It says how far the run's noise alone could move the ratio: pairs of sites
// that differ in nothing that moves these times, measured against each
// other in one run, gave ratios from 0.88× to 1.17× with 8 loads each. The generator has a fixed seed, so the same loads give the
// same interval. ok is false with fewer than two loads on either side.
func ratioInterval(product, bare []float64) (lo, hi float64, ok bool) {
	if len(product) < 2 || len(bare) < 2 {
		return 0, 0, false
	}
	const resamples = 2000
	rng := rand.New(rand.NewPCG(8, 2026))
	resample := func(xs, into []float64) float64 {
		for i := range into {
			into[i] = xs[rng.IntN(len(xs))]
		}
		m, _ := median(into)
		return m
	}
	p, b := make([]float64, len(product)), make([]float64, len(bare))
	rs := make([]float64, 0, resamples)
	for range resamples {
		if r, ok := ratio(resample(product, p), resample(bare, b)); ok {
			rs = append(rs, r)
		}
	}
	if len(rs) < resamples/2 {
		return 0, 0, false
	}
	slices.Sort(rs)
	return rs[len(rs)*25/1000], rs[len(rs)*975/1000-1], true
}

// fmtRatio formats product/bare as "1.07×", or "–" when there is no ratio.
func fmtRatio(product, bare float64) string {
	r, ok := ratio(product, bare)
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.2f×", r)
}

// fmtMB formats a byte count in decimal megabytes ("6.95 MB"), the unit of
// the budgets in issue 8. Under 100 kB it uses kB ("12.3 kB").
func fmtMB(n int64) string {
	switch {
	case n < 0:
		return "–"
	case n < 100_000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%.2f MB", float64(n)/1e6)
}

// fmtMS formats milliseconds ("212 ms"); a negative value means "missing".
func fmtMS(ms float64) string {
	if ms < 0 || math.IsNaN(ms) {
		return "–"
	}
	return fmt.Sprintf("%.0f ms", ms)
}

// budget is one line of issue 8's budgets: a value is within it when it is at
// most Max (or, with Below, strictly under Max).
type budget struct {
	Max   float64
	Below bool
}

// verdict is PASS or FAIL for a value against the budget, or "n/a" when the
// value could not be measured.
func (b budget) verdict(v float64, ok bool) string {
	if !ok || math.IsNaN(v) {
		return "n/a"
	}
	// The budgets are printed with two decimals; compare with a tolerance so
	// that a value printed as the limit itself is not a FAIL.
	const eps = 1e-9
	if b.Below {
		if v < b.Max-eps {
			return "PASS"
		}
		return "FAIL"
	}
	if v <= b.Max+eps {
		return "PASS"
	}
	return "FAIL"
}

// shift is one layout-shift entry seen by the probe.
type shift struct {
	T     float64 `json:"t"`     // startTime, ms from navigation start
	V     float64 `json:"v"`     // value
	Input bool    `json:"input"` // hadRecentInput
}

// inputWindow is how long after a user's input Chrome leaves layout shifts
// out of CLS (hadRecentInput); the probe's synthetic input does not set
// hadRecentInput, so the benchmark applies the same window itself.
const inputWindow = 500.0

// cls adds up the layout shifts of one load. all is every shift that Chrome
// itself would count (hadRecentInput false). takeover leaves out the shifts
// that start within inputWindow ms after ready, the moment the probe's input
// was handled: Chrome would not count those after a real person's input, and
// they are caused by the benchmark changing the calculator's numbers, not by
// the wasm taking over. Without a ready time, takeover equals all.
func cls(shifts []shift, ready float64, hasReady bool) (takeover, all float64) {
	for _, s := range shifts {
		if s.Input {
			continue
		}
		all += s.V
		if hasReady && s.T >= ready && s.T < ready+inputWindow {
			continue
		}
		takeover += s.V
	}
	return takeover, all
}

// benchResult is one line of `go test -bench` output.
type benchResult struct {
	Name        string  `json:"name"`
	NsPerOp     float64 `json:"ns_per_op"`
	BytesPerOp  int64   `json:"bytes_per_op"`
	AllocsPerOp int64   `json:"allocs_per_op"`
}

// parseBench reads the benchmark lines of `go test -bench -benchmem`
// output, such as
//
//	BenchmarkRank-2   	   21016	     56120 ns/op	   18432 B/op	     212 allocs/op
//
// and ignores every other line. The "-2" GOMAXPROCS suffix is kept in Name.
func parseBench(out string) []benchResult {
	var rs []benchResult
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.ParseInt(f[1], 10, 64); err != nil {
			continue
		}
		r := benchResult{Name: f[0], BytesPerOp: -1, AllocsPerOp: -1}
		found := false
		for i := 2; i+1 < len(f); i++ {
			switch f[i+1] {
			case "ns/op":
				if v, err := strconv.ParseFloat(f[i], 64); err == nil {
					r.NsPerOp, found = v, true
				}
			case "B/op":
				if v, err := strconv.ParseInt(f[i], 10, 64); err == nil {
					r.BytesPerOp = v
				}
			case "allocs/op":
				if v, err := strconv.ParseInt(f[i], 10, 64); err == nil {
					r.AllocsPerOp = v
				}
			}
		}
		if found {
			rs = append(rs, r)
		}
	}
	return rs
}

// acceptEncoding picks the content coding the benchmark's server sends for
// an Accept-Encoding header, as a host would: "br" if the browser takes it,
// else "gzip", else "" (identity). A coding with q=0 is refused.
func acceptEncoding(header string) string {
	accepts := map[string]bool{}
	star := false
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		ok := true
		for p := range strings.SplitSeq(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				if q, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && q <= 0 {
					ok = false
				}
			}
		}
		if name == "*" {
			star = ok
			continue
		}
		accepts[name] = ok
	}
	for _, enc := range []string{"br", "gzip"} {
		if ok, listed := accepts[enc]; (listed && ok) || (!listed && star) {
			return enc
		}
	}
	return ""
}
