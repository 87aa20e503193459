package main

import (
	"math"
	"strings"
	"testing"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
		ok   bool
	}{
		{nil, 0, false},
		{[]float64{3}, 3, true},
		{[]float64{5, 1, 3}, 3, true},
		{[]float64{4, 1, 3, 2}, 2.5, true},
		{[]float64{210, 270, 230, 250, 240}, 240, true},
	}
	for _, tt := range tests {
		got, ok := median(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("median(%v) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	in := []float64{3, 1, 2}
	median(in)
	if in[0] != 3 || in[1] != 1 || in[2] != 2 {
		t.Errorf("median sorted its argument: %v", in)
	}
}

func TestRatioInterval(t *testing.T) {
	// Cold time until input, ms, of two sites that differ only in
	// web/early.js, which does nothing unless someone types before the wasm
	// runs (10 loads each, one run on the 2-core machine of the README): the
	// interval must hold 1.
	a := []float64{671, 892, 1012, 708, 861, 767, 143, 920, 1051, 907}
	b := []float64{758, 867, 934, 798, 753, 1023, 955, 838, 935, 903}
	lo, hi, ok := ratioInterval(a, b)
	if !ok || lo > 1 || hi < 1 {
		t.Errorf("same build: interval %.3f–%.3f (ok %v), want it to hold 1", lo, hi, ok)
	}
	if lo2, hi2, _ := ratioInterval(a, b); lo2 != lo || hi2 != hi {
		t.Errorf("not reproducible: %.3f–%.3f, then %.3f–%.3f", lo, hi, lo2, hi2)
	}
	// A clear difference: every product load twice its bare one, with
	// ±5% noise. The interval sits around 2 and is narrow.
	var p, q []float64
	for i, noise := range []float64{0.95, 1.02, 0.98, 1.05, 1.0, 0.97, 1.03} {
		q = append(q, 500*noise)
		p = append(p, 1000*[]float64{1.01, 0.96, 1.04, 0.99, 1.02, 0.98, 1.0}[i])
	}
	lo, hi, ok = ratioInterval(p, q)
	if !ok || lo < 1.85 || hi > 2.15 || hi-lo > 0.2 {
		t.Errorf("twice as slow: interval %.3f–%.3f (ok %v), want a narrow one around 2", lo, hi, ok)
	}
	if _, _, ok := ratioInterval([]float64{1}, q); ok {
		t.Error("one product load gave an interval")
	}
	if _, _, ok := ratioInterval(p, []float64{0, 0}); ok {
		t.Error("bare loads of 0 ms gave an interval")
	}
}

func TestTimeRatio(t *testing.T) {
	loads := func(site string, ms ...float64) []sample {
		var ss []sample
		for i, v := range ms {
			ss = append(ss, sample{Site: site, Mode: "cold", Iter: i, Ready: v})
		}
		return ss
	}
	tests := []struct {
		product, bare []float64
		want          string
		cannotTell    bool
	}{
		// Far apart: a clear verdict.
		{[]float64{900, 910, 905, 920, 895}, []float64{600, 610, 605, 590, 615}, "905 ms vs 605 ms = 1.50× (95% interval", false},
		// Close to the budget, noisy: the run cannot tell.
		{[]float64{660, 720, 610, 700, 590}, []float64{600, 560, 640, 580, 620}, "660 ms vs 600 ms = 1.10× (95% interval", true},
	}
	for _, tt := range tests {
		r := &report{Samples: append(loads("product", tt.product...), loads("bare", tt.bare...)...)}
		r.summarize()
		text, _, ok := r.timeRatio("cold", measureInput, 1.15)
		if !ok || !strings.HasPrefix(text, tt.want) {
			t.Errorf("timeRatio = %q (ok %v), want it to start %q", text, ok, tt.want)
		}
		if got := strings.Contains(text, "this run cannot tell"); got != tt.cannotTell {
			t.Errorf("%q: says the run cannot tell: %v, want %v", text, got, tt.cannotTell)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{fmtRatio(115, 100), "1.15×"},
		{fmtRatio(1, 3), "0.33×"},
		{fmtRatio(1, 0), "–"},
		{fmtRatio(math.NaN(), 1), "–"},
		{fmtMB(6_947_060), "6.95 MB"},
		{fmtMB(1_400_000), "1.40 MB"},
		{fmtMB(12_345), "12.3 kB"},
		{fmtMB(-1), "–"},
		{fmtMS(212.4), "212 ms"},
		{fmtMS(-1), "–"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestBudget(t *testing.T) {
	tests := []struct {
		b    budget
		v    float64
		ok   bool
		want string
	}{
		{budget{Max: 1.15}, 1.15, true, "PASS"},
		{budget{Max: 1.15}, 1.1500000000001, true, "PASS"},
		{budget{Max: 1.15}, 1.16, true, "FAIL"},
		{budget{Max: 1.55e6}, 1_550_001, true, "FAIL"},
		{budget{Max: 0}, 0, true, "PASS"},
		{budget{Max: 0}, 0.001, true, "FAIL"},
		{budget{Max: 100_000, Below: true}, 99_999, true, "PASS"},
		{budget{Max: 100_000, Below: true}, 100_000, true, "FAIL"},
		{budget{Max: 1.1}, 0, false, "n/a"},
		{budget{Max: 1.1}, math.NaN(), true, "n/a"},
	}
	for _, tt := range tests {
		if got := tt.b.verdict(tt.v, tt.ok); got != tt.want {
			t.Errorf("%+v.verdict(%v, %v) = %s, want %s", tt.b, tt.v, tt.ok, got, tt.want)
		}
	}
}

func TestCLS(t *testing.T) {
	shifts := []shift{
		{T: 100, V: 0.01},             // takeover, before ready
		{T: 250, V: 0.02},             // caused by the probe's input, right after ready
		{T: 260, V: 0.5, Input: true}, // after real input: Chrome never counts it
		{T: 900, V: 0.04},             // late, outside the input window
	}
	takeover, all := cls(shifts, 240, true)
	if !near(takeover, 0.05) || !near(all, 0.07) {
		t.Errorf("cls = %v, %v; want 0.05, 0.07", takeover, all)
	}
	takeover, all = cls(shifts, 0, false)
	if !near(takeover, 0.07) || !near(all, 0.07) {
		t.Errorf("cls without ready = %v, %v; want 0.07, 0.07", takeover, all)
	}
	if takeover, all := cls(nil, 0, false); takeover != 0 || all != 0 {
		t.Errorf("cls(nil) = %v, %v", takeover, all)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestParseBench(t *testing.T) {
	out := `goos: linux
goarch: amd64
pkg: github.com/aivc/aivc/pricing
cpu: Intel(R) Xeon(R) CPU
BenchmarkRank-2   	   21016	     56120 ns/op	   18432 B/op	     212 allocs/op
BenchmarkRank/lens=api-2         	  100000	     10500.5 ns/op
BenchmarkBroken-2 FAIL
PASS
ok  	github.com/aivc/aivc/pricing	2.811s
`
	got := parseBench(out)
	want := []benchResult{
		{Name: "BenchmarkRank-2", NsPerOp: 56120, BytesPerOp: 18432, AllocsPerOp: 212},
		{Name: "BenchmarkRank/lens=api-2", NsPerOp: 10500.5, BytesPerOp: -1, AllocsPerOp: -1},
	}
	if len(got) != len(want) {
		t.Fatalf("parseBench = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("parseBench[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	if got := parseBench("testing: warning: no tests to run\nPASS\n"); len(got) != 0 {
		t.Errorf("parseBench(no benchmarks) = %+v", got)
	}
}

func TestAcceptEncoding(t *testing.T) {
	tests := []struct{ header, want string }{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip, deflate", "gzip"},
		{"br;q=0, gzip;q=0.5", "gzip"},
		{"BR", "br"},
		{"*", "br"},
		{"*, br;q=0", "gzip"},
		{"identity", ""},
		{"", ""},
		{"gzip;q=0", ""},
	}
	for _, tt := range tests {
		if got := acceptEncoding(tt.header); got != tt.want {
			t.Errorf("acceptEncoding(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestFindElement(t *testing.T) {
	page := `<main><output id="price-per-credit" class="result" data-value="0.01">
	  <span class="money">$0.01</span> per credit</output><p id="other">x</p></main>`
	got := findElement(page, "price-per-credit")
	want := prerender{Found: true, DataValue: "0.01", Text: "$0.01 per credit"}
	if got != want {
		t.Errorf("findElement = %+v, want %+v", got, want)
	}
	if got := findElement(page, "total-cost"); got.Found {
		t.Errorf("findElement(missing) = %+v", got)
	}
	if got := findElement(`<div id="price-per-credit-x">`, "price-per-credit"); got.Found {
		t.Errorf("findElement matched a longer id: %+v", got)
	}
}

func TestGoPackage(t *testing.T) {
	tests := []struct{ fn, want string }{
		{"github.com_aivc_aivc_pricing.Rank", "github.com_aivc_aivc_pricing"},
		{"github.com_aivc_aivc_pricing.(*Profile).Validate", "github.com_aivc_aivc_pricing"},
		{"encoding_json.Marshal", "encoding_json"},
		{"runtime.gcStart", "runtime"},
		{"go_buildid", "go_buildid"},
		{"", "?"},
	}
	for _, tt := range tests {
		if got := goPackage(tt.fn); got != tt.want {
			t.Errorf("goPackage(%q) = %q, want %q", tt.fn, got, tt.want)
		}
	}
}

// TestReadWasmBreakdown reads a hand-made module: one imported function,
// two defined ones in two packages, a data section and a name section.
func TestReadWasmBreakdown(t *testing.T) {
	section := func(id byte, body ...byte) []byte { return append([]byte{id, byte(len(body))}, body...) }
	str := func(s string) []byte { return append([]byte{byte(len(s))}, s...) }
	cat := func(parts ...[]byte) []byte {
		var b []byte
		for _, p := range parts {
			b = append(b, p...)
		}
		return b
	}
	mod := cat(
		[]byte("\x00asm\x01\x00\x00\x00"),
		section(1, 1, 0x60, 0, 0), // one type: func() -> ()
		section(2, cat([]byte{1}, str("go"), str("debug"), []byte{0, 0})...),
		section(3, 2, 0, 0),
		section(10, cat([]byte{2}, []byte{2, 0, 0x0b}, []byte{4, 0, 1, 1, 0x0b})...),
		section(11, cat([]byte{1, 0, 0x41, 0, 0x0b}, str("hello"))...),
		section(0, cat(str("name"), []byte{1}, func() []byte {
			names := cat([]byte{3}, []byte{0}, str("runtime.debug"), []byte{1}, str("runtime.main"), []byte{2}, str("github.com_aivc_aivc_pricing.Rank"))
			return append([]byte{byte(len(names))}, names...)
		}())...),
	)
	got, err := readWasmBreakdown(mod)
	if err != nil {
		t.Fatal(err)
	}
	if got.Code["runtime"] != 3 || got.Code["github.com_aivc_aivc_pricing"] != 5 || len(got.Code) != 2 {
		t.Errorf("code = %v", got.Code)
	}
	if got.Data != 11 {
		t.Errorf("data = %d, want 11", got.Data)
	}
	if _, err := readWasmBreakdown([]byte("\x00asm\x01\x00\x00\x00")); err == nil {
		t.Errorf("a module without names: no error")
	}
	rows := sizeDiff(got, wasmBreakdown{Code: map[string]int64{"runtime": 1, "fmt": 7}})
	want := []sizeRow{{"github.com_aivc_aivc_pricing", 5, 0}, {"runtime", 3, 1}, {"fmt", 0, 7}}
	if len(rows) != len(want) {
		t.Fatalf("sizeDiff = %+v", rows)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("sizeDiff[%d] = %+v, want %+v", i, rows[i], want[i])
		}
	}
}

// TestFmtShift: a layout shift that is not zero never reads as zero.
func TestFmtShift(t *testing.T) {
	for v, want := range map[float64]string{0: "0.0000", 1.6e-5: "1.6e-05", 0.00005: "0.0001", 0.0126: "0.0126", 0.25: "0.2500"} {
		if got := fmtShift(v); got != want {
			t.Errorf("fmtShift(%g) = %q, want %q", v, got, want)
		}
	}
}
