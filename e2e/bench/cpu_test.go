package main

import (
	"math"
	"testing"
)

func TestCPUTimes(t *testing.T) {
	// This machine's /proc/stat first line, and a stat whose command name
	// holds ") " (fields 14–17: 120 30 5 2).
	stat := []byte("cpu  2382278 155949 648616 1988008 6718 0 6920 32362 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n")
	self := []byte("4242 (bench ) x) S 1 4242 4242 0 -1 4194304 99 0 0 0 120 30 5 2 20 0 1 0 2616295 3133440 378\n")
	got := parseCPUTimes(stat, self)
	want := cpuTimes{
		total: 2382278 + 155949 + 648616 + 1988008 + 6718 + 0 + 6920 + 32362,
		busy:  2382278 + 155949 + 648616 + 6920 + 32362,
		own:   120 + 30 + 5 + 2,
		ok:    true,
	}
	if got != want {
		t.Errorf("parseCPUTimes = %+v, want %+v", got, want)
	}
	for _, bad := range [][2]string{
		{"intr 1 2 3\n", string(self)},
		{"cpu  1 2 x 4 5 6\n", string(self)},
		{string(stat), "4242 (bench S 1 2"},
		{string(stat), "4242 (bench) S 1 2 3"},
	} {
		if got := parseCPUTimes([]byte(bad[0]), []byte(bad[1])); got.ok {
			t.Errorf("parseCPUTimes(%q, %q) = %+v, want not ok", bad[0], bad[1], got)
		}
	}

	// Two CPUs for 10 s (2,000 ticks): 900 busy, 300 of them this
	// program's and 500 its browser's: 100 ticks of other work, 0.1 CPU.
	before := cpuTimes{total: 10_000, busy: 4_000, own: 50, ok: true}
	after := cpuTimes{total: 12_000, busy: 4_900, own: 350, ok: true}
	if o, ok := otherCPUs(before, after, 500, 2); !ok || math.Abs(o-0.1) > 1e-9 {
		t.Errorf("otherCPUs = %v, %v; want 0.1", o, ok)
	}
	if o, _ := otherCPUs(before, after, 900, 2); o != 0 {
		t.Errorf("otherCPUs with more own time than busy = %v, want 0", o)
	}
	if _, ok := otherCPUs(cpuTimes{}, after, 0, 2); ok {
		t.Error("otherCPUs with a failed reading is ok")
	}
}
