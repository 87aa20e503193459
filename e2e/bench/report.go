package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"
)

// report is everything one run measured; it is also the -json output.
type report struct {
	Started   time.Time      `json:"started"`
	Config    reportConfig   `json:"config"`
	Machine   machine        `json:"machine"`
	Product   wasmSizes      `json:"product_wasm"`
	Bare      wasmSizes      `json:"bare_wasm"`
	Prerender prerender      `json:"prerender"`
	Sizes     *sizeReport    `json:"sizes_by_package,omitempty"`
	Samples   []sample       `json:"samples"`
	Traces    []startupTrace `json:"traces,omitempty"`
	Engine    engineBench    `json:"engine"`
	Medians   []medianRow    `json:"medians"`
	Verdicts  []verdictLine  `json:"verdicts"`
	Failures  map[string]int `json:"failed_loads,omitempty"`
}

type reportConfig struct {
	N      int      `json:"n"`
	Warmup int      `json:"warmup"`
	Window string   `json:"window"`
	Flags  []string `json:"chromium_flags"`
}

type machine struct {
	OS      string `json:"os"`
	CPU     string `json:"cpu"`
	CPUs    int    `json:"cpus"`
	Memory  string `json:"memory"`
	Kernel  string `json:"kernel,omitempty"`
	Go      string `json:"go"`
	GoApp   string `json:"go_app"`
	Browser string `json:"browser"`
	Binary  string `json:"browser_binary"`
	// The highest 1-minute load average seen during the loads, for the
	// record: the benchmark's own browsers raise it (see cpuTimes).
	MaxLoad float64 `json:"max_load_average"`
	// The most work the machine did besides this program and its browsers
	// during one load, in CPUs (0.5: half of one CPU); other work makes
	// timings unreliable. Absent where /proc is not there.
	MaxOther *float64 `json:"max_other_cpus,omitempty"`
}

// noteOther records the work besides the benchmark's and its browser's
// between two readings (see otherCPUs).
func (m *machine) noteOther(before, after cpuTimes, browser uint64) {
	if o, ok := otherCPUs(before, after, browser, m.CPUs); ok && (m.MaxOther == nil || o > *m.MaxOther) {
		m.MaxOther = &o
	}
}

// otherLimit is the most other work, in CPUs, that leaves the timings
// usable.
const otherLimit = 0.25

// noteLoad records the current load average (Linux only).
func (m *machine) noteLoad() {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return
	}
	var l float64
	if _, err := fmt.Sscanf(string(b), "%g", &l); err == nil {
		m.MaxLoad = max(m.MaxLoad, l)
	}
}

type wasmSizes struct {
	Raw    int64 `json:"raw"`
	Gzip   int64 `json:"gzip9"`
	Brotli int64 `json:"brotli11"`
}

func sizesOf(b *built) wasmSizes {
	return wasmSizes{Raw: int64(len(b.wasm)), Gzip: b.gz, Brotli: int64(len(b.br))}
}

// sizeReport is app.wasm's code by package, product minus bare.
type sizeReport struct {
	Rows        []sizeRow `json:"code"`
	DataProduct int64     `json:"data_product"`
	DataBare    int64     `json:"data_bare"`
	Err         string    `json:"error,omitempty"`
}

// prerender is what the product's prerendered HTML of / holds.
type prerender struct {
	Found     bool   `json:"found"`
	DataValue string `json:"data_value,omitempty"`
	Text      string `json:"text,omitempty"`
	Err       string `json:"error,omitempty"`
}

// medianRow is one measure of one mode: medians over the counted loads.
type medianRow struct {
	Mode    string  `json:"mode"`
	Measure string  `json:"measure"`
	Product float64 `json:"product"`
	Bare    float64 `json:"bare"`
	PN      int     `json:"product_loads"`
	BN      int     `json:"bare_loads"`
}

type verdictLine struct {
	Name    string `json:"name"`
	Value   string `json:"value"`
	Budget  string `json:"budget"`
	Verdict string `json:"verdict"`
}

// machineInfo describes this machine for the report.
func machineInfo(chromium string) machine {
	m := machine{
		OS:     runtime.GOOS + "/" + runtime.GOARCH,
		CPUs:   runtime.NumCPU(),
		Go:     runtime.Version(),
		GoApp:  "unknown",
		Binary: chromium,
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/maxence-charriere/go-app/v10" {
				m.GoApp = d.Version
			}
		}
	}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var kb int64
			if _, err := fmt.Sscanf(sc.Text(), "MemTotal: %d kB", &kb); err == nil {
				m.Memory = fmt.Sprintf("%.1f GB", float64(kb)*1024/1e9)
				break
			}
		}
		f.Close()
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(b))
	}
	if out, err := exec.Command(chromium, "--version").Output(); err == nil {
		m.Browser = strings.TrimSpace(string(out))
	}
	return m
}

var (
	reDataValue = regexp.MustCompile(`\bdata-value="([^"]*)"`)
	reTag       = regexp.MustCompile(`<[^>]*>`)
)

// checkPrerender fetches url and looks for the element with the given id.
func checkPrerender(ctx context.Context, url, id string) prerender {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return prerender{Err: err.Error()}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return prerender{Err: err.Error()}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return prerender{Err: err.Error()}
	}
	return findElement(string(body), id)
}

// findElement finds the element with id in an HTML page: its data-value
// and its text (tags removed, up to its first closing tag of the same kind).
func findElement(page, id string) prerender {
	re := regexp.MustCompile(`<([a-zA-Z0-9]+)\b[^>]*\bid="` + regexp.QuoteMeta(id) + `"[^>]*>`)
	loc := re.FindStringSubmatchIndex(page)
	if loc == nil {
		return prerender{}
	}
	p := prerender{Found: true}
	tag := page[loc[0]:loc[1]]
	if m := reDataValue.FindStringSubmatch(tag); m != nil {
		p.DataValue = m[1]
	}
	name := page[loc[2]:loc[3]]
	rest := page[loc[1]:]
	if end := strings.Index(rest, "</"+name); end >= 0 {
		rest = rest[:end]
	}
	p.Text = strings.Join(strings.Fields(reTag.ReplaceAllString(rest, " ")), " ")
	return p
}

// counted returns the loads of one site and mode that count: not warm-up,
// no error.
func (r *report) counted(site, mode string) []sample {
	var ss []sample
	for _, s := range r.Samples {
		if s.Site == site && s.Mode == mode && s.Iter >= 0 && s.Err == "" {
			ss = append(ss, s)
		}
	}
	return ss
}

// The names of the measures the budgets use.
const (
	measureFCP   = "first contentful paint (ms)"
	measureInput = "time until the app handles input (ms)"
)

// measures are the medians the report shows, in order.
var measures = []struct {
	name string
	get  func(sample) float64
}{
	{measureFCP, func(s sample) float64 { return s.FCP }},
	{"largest contentful paint (ms)", func(s sample) float64 { return s.LCP }},
	{measureInput, func(s sample) float64 { return s.Ready }},
	{"  app.wasm request started (ms)", func(s sample) float64 { return s.WasmStart }},
	{"  app.wasm last byte (ms)", func(s sample) float64 { return s.WasmEnd }},
	{"  go-app mounted, loader gone (ms)", func(s sample) float64 { return s.Mounted }},
	{"  mounted minus app.wasm last byte (ms)", func(s sample) float64 {
		if s.Mounted < 0 || s.WasmEnd < 0 {
			return -1
		}
		return s.Mounted - s.WasmEnd
	}},
	{"  input handled minus mounted (ms)", func(s sample) float64 {
		if s.Mounted < 0 || s.Ready < 0 {
			return -1
		}
		return s.Ready - s.Mounted
	}},
	{"layout shift through takeover", func(s sample) float64 { return s.CLS }},
	{"bytes sent by the host", func(s sample) float64 { return float64(s.HostWire) }},
	{"bytes of the page's own requests (CDP)", func(s sample) float64 { return float64(s.PageNet) }},
	{"app.wasm sent with status 200", func(s sample) float64 { return float64(s.WasmDownloads) }},
	{"app.wasm revalidated (304)", func(s sample) float64 { return float64(s.WasmNotMod) }},
}

// valuesOf returns get of every sample that has the value (not negative).
func valuesOf(ss []sample, get func(sample) float64) []float64 {
	var xs []float64
	for _, s := range ss {
		if v := get(s); v >= 0 {
			xs = append(xs, v)
		}
	}
	return xs
}

func medianOf(ss []sample, get func(sample) float64) (float64, int) {
	xs := valuesOf(ss, get)
	m, ok := median(xs)
	if !ok {
		return -1, 0
	}
	return m, len(xs)
}

// measureGet returns the getter of the measure named name.
func measureGet(name string) func(sample) float64 {
	for _, m := range measures {
		if m.name == name {
			return m.get
		}
	}
	return func(sample) float64 { return -1 }
}

// timeRatio returns the value of a timed budget's line, "910 ms vs 609 ms =
// 1.49× (95% interval 1.18–2.05×)", saying so when the interval holds max:
// then the run cannot tell PASS from FAIL. v is the ratio of the medians.
func (r *report) timeRatio(mode, measure string, max float64) (text string, v float64, ok bool) {
	m := r.median(mode, measure)
	v, ok = ratio(m.Product, m.Bare)
	ok = ok && m.Product >= 0
	text = fmt.Sprintf("%s vs %s = %s", fmtMS(m.Product), fmtMS(m.Bare), fmtRatio(m.Product, m.Bare))
	get := measureGet(measure)
	lo, hi, iok := ratioInterval(valuesOf(r.counted("product", mode), get), valuesOf(r.counted("bare", mode), get))
	if iok {
		text += fmt.Sprintf(" (95%% interval %.2f–%.2f×", lo, hi)
		if lo <= max && max <= hi {
			text += ", which holds the budget: this run cannot tell"
		}
		text += ")"
	}
	return text, v, ok
}

func (r *report) median(mode, measure string) medianRow {
	for _, m := range r.Medians {
		if m.Mode == mode && m.Measure == measure {
			return m
		}
	}
	return medianRow{Mode: mode, Measure: measure, Product: -1, Bare: -1}
}

// summarize computes the medians and the verdicts.
func (r *report) summarize() {
	r.Failures = map[string]int{}
	for _, s := range r.Samples {
		if s.Iter >= 0 && s.Err != "" {
			r.Failures[s.Site+" "+s.Mode]++
		}
	}
	for _, mode := range []string{"cold", "warm"} {
		p, b := r.counted("product", mode), r.counted("bare", mode)
		for _, m := range measures {
			pm, pn := medianOf(p, m.get)
			bm, bn := medianOf(b, m.get)
			r.Medians = append(r.Medians, medianRow{Mode: mode, Measure: m.name, Product: pm, Bare: bm, PN: pn, BN: bn})
		}
	}

	add := func(name, value, budgetText string, b budget, v float64, ok bool) {
		r.Verdicts = append(r.Verdicts, verdictLine{Name: name, Value: value, Budget: budgetText, Verdict: b.verdict(v, ok)})
	}
	add("app.wasm, brotli -q 11", fmtMB(r.Product.Brotli), "≤ 1.55 MB", budget{Max: 1.55e6}, float64(r.Product.Brotli), r.Product.Brotli > 0)
	add("app.wasm, raw", fmtMB(r.Product.Raw), "≤ 7.60 MB", budget{Max: 7.6e6}, float64(r.Product.Raw), r.Product.Raw > 0)
	add("app.wasm, gzip -9 (the CI size test)", fmtMB(r.Product.Gzip), "≤ 2.08 MB", budget{Max: 2.08e6}, float64(r.Product.Gzip), r.Product.Gzip > 0)

	ratioLine := func(name, mode, measure, budgetText string, max float64) {
		value, v, ok := r.timeRatio(mode, measure, max)
		add(name, value, budgetText, budget{Max: max}, v, ok)
	}
	ratioLine("cold: time until the app handles input", "cold", measureInput, "≤ 1.15 × bare", 1.15)

	// FCP: the ratio, and the results on screen at FCP in every counted cold load.
	ftext, fv, fok := r.timeRatio("cold", measureFCP, 1.1)
	cold := r.counted("product", "cold")
	shown := 0
	for _, s := range cold {
		if s.FCPText != "" && s.FCPOnTop {
			shown++
		}
	}
	fverdict := budget{Max: 1.1}.verdict(fv, fok)
	if fverdict == "PASS" && (shown < len(cold) || len(cold) == 0 || !r.Prerender.Found) {
		fverdict = "FAIL"
	}
	r.Verdicts = append(r.Verdicts, verdictLine{
		Name:    "cold: first contentful paint, showing the prerendered results",
		Value:   fmt.Sprintf("%s; results on screen at FCP in %d of %d loads", ftext, shown, len(cold)),
		Budget:  "≤ 1.10 × bare",
		Verdict: fverdict,
	})

	// CLS: the largest of every counted product load, cold and warm.
	worst, n := 0.0, 0
	for _, mode := range []string{"cold", "warm"} {
		for _, s := range r.counted("product", mode) {
			worst = max(worst, s.CLS)
			n++
		}
	}
	add("layout shift through the wasm takeover (worst load)", fmtShift(worst), "= 0", budget{Max: 0}, worst, n > 0)

	ratioLine("warm: time until the app handles input", "warm", measureInput, "≤ 1.15 × bare", 1.15)

	if len(r.Engine.Results) == 0 {
		r.Verdicts = append(r.Verdicts, verdictLine{Name: "engine: BenchmarkRank", Value: r.Engine.Note, Budget: "< 100 µs/op", Verdict: "n/a"})
	}
	for _, e := range r.Engine.Results {
		add("engine: "+e.Name, fmt.Sprintf("%.1f µs/op", e.NsPerOp/1e3), "< 100 µs/op", budget{Max: 100_000, Below: true}, e.NsPerOp, true)
	}
}

// text is the printed report.
func (r *report) text(verbose bool) string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	m := r.Machine
	w("AIVC performance benchmark (go run ./e2e/bench), %s\n", r.Started.Format("2006-01-02 15:04 UTC"))
	w("machine:   %s, %d × %s, %s RAM", m.OS, m.CPUs, orUnknown(m.CPU), orUnknown(m.Memory))
	if m.Kernel != "" {
		w(", kernel %s", m.Kernel)
	}
	w("\n")
	w("software:  %s, go-app %s, %s\n", m.Go, m.GoApp, orUnknown(m.Browser))
	if m.MaxOther != nil {
		w("load:      other work during a load, at most %.2f of a CPU (this program and its browsers not counted)", *m.MaxOther)
		if *m.MaxOther > otherLimit {
			w(" — MORE THAN %.2f: other work competed with the browser, the timings are unreliable", otherLimit)
		}
		if m.MaxLoad > 0 {
			w("; highest 1-minute load average %.1f", m.MaxLoad)
		}
		w("\n")
	} else if m.MaxLoad > 0 {
		w("load:      highest 1-minute load average during the loads %.1f (the browsers' own work included)\n", m.MaxLoad)
	}
	w("method:    %d counted loads of each page after %d warm-up; each on a new headless Chromium profile, %s window;\n", r.Config.N, r.Config.Warmup, r.Config.Window)
	w("           cold = first visit, warm = the same URL again once the service worker has precached app.wasm; medians\n")
	w("serving:   both sites on 127.0.0.1 by internal/site's handler behind the same compression (%s)\n", r.encodingSeen())
	w("\n")

	w("%-42s %10s %10s %8s\n", "app.wasm", "product", "bare", "ratio")
	for _, row := range []struct {
		name string
		p, b int64
	}{
		{"raw", r.Product.Raw, r.Bare.Raw},
		{"gzip -9", r.Product.Gzip, r.Bare.Gzip},
		{"brotli -q 11", r.Product.Brotli, r.Bare.Brotli},
	} {
		w("  %-40s %10s %10s %8s\n", row.name, fmtMB(row.p), fmtMB(row.b), fmtRatio(float64(row.p), float64(row.b)))
	}
	w("\n")

	if z := r.Sizes; z != nil {
		w("app.wasm by Go package: what the product adds to the bare page (raw bytes, before compression)\n")
		if z.Err != "" {
			w("  could not break it down: %s\n", z.Err)
		} else {
			var code int64
			for _, row := range z.Rows {
				code += row.Product - row.Bare
			}
			w("  %-56s %+10d\n", "data section (strings, tables, embedded files)", z.DataProduct-z.DataBare)
			w("  %-56s %+10d\n", "code, all packages", code)
			for i, row := range z.Rows {
				if i == 15 {
					break
				}
				w("    %-54s %+10d  (%d in all)\n", row.Package, row.Product-row.Bare, row.Product)
			}
		}
		w("\n")
	}

	for _, mode := range []string{"cold", "warm"} {
		p, bn := len(r.counted("product", mode)), len(r.counted("bare", mode))
		w("%-42s %10s %10s %8s\n", fmt.Sprintf("%s loads, medians of %d product, %d bare", mode, p, bn), "product", "bare", "ratio")
		for _, mr := range r.Medians {
			if mr.Mode != mode {
				continue
			}
			rt := ""
			if strings.HasSuffix(mr.Measure, "(ms)") || strings.HasPrefix(mr.Measure, "bytes") {
				rt = fmtRatio(mr.Product, mr.Bare)
			}
			w("  %-40s %10s %10s %8s\n", mr.Measure, fmtMeasure(mr.Measure, mr.Product), fmtMeasure(mr.Measure, mr.Bare), rt)
		}
		w("\n")
	}

	if len(r.Traces) > 0 {
		w("%-50s %10s %10s %8s\n", "where the time goes: traced cold loads, medians", "product", "bare", "ratio")
		for _, row := range traceRows {
			p, pok := traceMedian(r.Traces, "product", row.get)
			bv, bok := traceMedian(r.Traces, "bare", row.get)
			if !pok || !bok {
				w("  %-48s %10s\n", row.name, "no trace")
				continue
			}
			w("  %-48s %10.0f %10.0f %8s\n", row.name, p, bv, fmtRatio(p, bv))
		}
		for _, t := range r.Traces {
			if t.Err != "" {
				w("  (a traced load of %s failed: %s)\n", t.Site, t.Err)
			}
		}
		w("\n")
	}

	w("first paint and the prerendered results:\n")
	switch {
	case r.Prerender.Err != "":
		w("  prerendered HTML of /: could not fetch it: %s\n", r.Prerender.Err)
	case r.Prerender.Found:
		w("  prerendered HTML of / has #price-per-credit: data-value=%q, text %q\n", r.Prerender.DataValue, r.Prerender.Text)
	default:
		w("  prerendered HTML of / has no #price-per-credit\n")
	}
	for _, site := range []string{"product", "bare"} {
		ss := r.counted(site, "cold")
		texts := map[string]int{}
		onTop, covered := 0, 0
		for _, s := range ss {
			texts[s.FCPText]++
			if s.FCPOnTop {
				onTop++
			}
			if s.FCPLoaderCovers {
				covered++
			}
		}
		what := "#price-per-credit"
		if site == "bare" {
			what = "its h1"
		}
		w("  %s at FCP: %s on top in %d of %d cold loads; go-app's loader covered the page in %d", site, what, onTop, len(ss), covered)
		for _, t := range sortedKeys(texts) {
			w("; text %q ×%d", t, texts[t])
		}
		w("\n")
	}
	for _, site := range []string{"product", "bare"} {
		for _, mode := range []string{"cold", "warm"} {
			ss := r.counted(site, mode)
			els := map[string]int{}
			late := 0
			for _, s := range ss {
				els[orDash(s.LCPEl)]++
				if s.Mounted >= 0 && s.LCP >= s.Mounted {
					late++
				}
			}
			w("  %s %s: largest contentful paint after go-app mounted in %d of %d loads; element", site, mode, late, len(ss))
			for _, e := range sortedKeys(els) {
				w(" %s ×%d", e, els[e])
			}
			w("\n")
		}
	}
	w("\n")

	w("first visit: is app.wasm downloaded twice (the page's fetch, then the service worker's precache)?\n")
	for _, site := range []string{"product", "bare"} {
		ss := r.counted(site, "cold")
		sent, reval := 0, 0
		for _, s := range ss {
			sent += s.WasmDownloads
			reval += s.WasmNotMod
		}
		answer := "no"
		switch {
		case len(ss) == 0:
			answer = "unknown (no load worked)"
		case sent > len(ss):
			answer = "YES"
		}
		w("  %s: %s — in %d cold loads the host sent app.wasm %d times with status 200 and %d times as 304 Not Modified\n",
			site, answer, len(ss), sent, reval)
	}
	w("\n")

	w("first visit, every response the host sent (one counted cold load of each):\n")
	for _, site := range []string{"product", "bare"} {
		ss := r.counted(site, "cold")
		if len(ss) == 0 {
			continue
		}
		s := ss[len(ss)/2]
		w("  %s, load %d: %s on the wire, headers included:\n", site, s.Iter+1, fmtMB(s.HostWire))
		reqs := slices.Clone(s.Requests)
		slices.SortStableFunc(reqs, func(a, b request) int { return cmp.Compare(a.At, b.At) })
		w("    %9s  %3s  %-4s %9s  %s\n", "start", "", "enc", "body", "path")
		for _, q := range reqs {
			w("    %7.0f ms  %3d  %-4s %9s  %s\n", q.At, q.Status, orDash(q.Encoding), fmtMB(q.Body), q.Path)
		}
	}
	w("\n")

	if len(r.Failures) > 0 {
		w("failed loads (not counted):\n")
		keys := make([]string, 0, len(r.Failures))
		for k := range r.Failures {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			w("  %s: %d\n", k, r.Failures[k])
		}
		for _, s := range r.Samples {
			if s.Iter >= 0 && s.Err != "" {
				w("  %s %s load %d: %s\n", s.Site, s.Mode, s.Iter+1, s.Err)
			}
		}
		w("\n")
	}
	notes := map[string]bool{}
	for _, s := range r.Samples {
		if s.Note != "" && !notes[s.Site+": "+s.Note] {
			notes[s.Site+": "+s.Note] = true
			w("note: %s: %s\n", s.Site, s.Note)
		}
	}

	if verbose {
		w("every load (ms from navigation start; warm-up loads have a negative number):\n")
		w("  %-7s %-4s %4s %8s %8s %8s %8s %8s %10s %10s %5s  %s\n", "site", "mode", "load", "FCP", "LCP", "mounted", "input", "CLS", "host", "page net", "wasm", "input field → first changed value")
		for _, s := range r.Samples {
			w("  %-7s %-4s %4d %8s %8s %8s %8s %8s %10s %10s %5d  %s → %s%s\n", s.Site, s.Mode, s.Iter+1,
				fmtMS(s.FCP), fmtMS(s.LCP), fmtMS(s.Mounted), fmtMS(s.Ready), fmtShift(s.CLS), fmtMB(s.HostWire), fmtMB(s.PageNet), s.WasmDownloads,
				s.Input, strings.ReplaceAll(s.ReadyValue, "\n", " "), errSuffix(s.Err))
		}
		w("\n")
	}

	w("engine (go test -run '^$' -bench BenchmarkRank -benchmem ./pricing/):\n")
	if len(r.Engine.Results) == 0 {
		w("  %s\n", r.Engine.Note)
	}
	for _, e := range r.Engine.Results {
		w("  %-32s %12.0f ns/op %10d B/op %8d allocs/op\n", e.Name, e.NsPerOp, e.BytesPerOp, e.AllocsPerOp)
	}
	w("\n")

	w("budgets (issue 8):\n")
	counts := map[string]int{}
	for _, v := range r.Verdicts {
		counts[v.Verdict]++
		w("  %-4s  %-62s %-14s %s\n", v.Verdict, v.Name, v.Budget, v.Value)
	}
	w("  %d PASS, %d FAIL, %d n/a (printed, not enforced: timings vary from run to run)\n", counts["PASS"], counts["FAIL"], counts["n/a"])
	return b.String()
}

// encodingSeen says which content coding the hosts sent app.wasm with, and
// what Chromium asked for.
func (r *report) encodingSeen() string {
	encs, accepts := map[string]bool{}, map[string]bool{}
	for _, s := range r.Samples {
		for _, q := range s.Requests {
			if strings.HasSuffix(q.Path, "/app.wasm") && q.Status == 200 {
				encs[orDash(q.Encoding)] = true
			}
			if q.Accept != "" && q.Dest == "document" {
				accepts[q.Accept] = true
			}
		}
	}
	return fmt.Sprintf("brotli -q 11 if accepted, else gzip -9; app.wasm went out as %s; Chromium's Accept-Encoding: %s",
		strings.Join(sortedKeys(encs), ", "), strings.Join(sortedKeys(accepts), " | "))
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	if len(ks) == 0 {
		return []string{"–"}
	}
	return ks
}

func fmtMeasure(measure string, v float64) string {
	switch {
	case v < 0:
		return "–"
	case strings.HasSuffix(measure, "(ms)"):
		return fmtMS(v)
	case strings.HasPrefix(measure, "bytes"):
		return fmtMB(int64(v))
	case strings.HasPrefix(measure, "layout"):
		return fmtShift(v)
	}
	return fmt.Sprintf("%g", v)
}

// fmtShift writes a layout shift to four places, or in exponent form when
// it is not zero but would read as 0.0000: a run once printed FAIL beside
// "0.0000" for a shift under 0.00005.
func fmtShift(v float64) string {
	if v > 0 && v < 0.00005 {
		return fmt.Sprintf("%.1e", v)
	}
	return fmt.Sprintf("%.4f", v)
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeJSON writes the report to path.
func (r *report) writeJSON(path string) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
