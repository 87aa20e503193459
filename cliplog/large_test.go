package cliplog

import (
	"bytes"
	"io"
	"testing"
	"time"
)

// slowdown scales the time limits (the race detector is much slower).
var slowdown time.Duration = 1

// large returns a store holding a log of n entries.
func large(t testing.TB, n int) *MemStore {
	t.Helper()
	s := NewMemStore()
	l := openLog(t, s)
	addAll(t, l, sample(n))
	return s
}

// TestLarge20k measures a log of 20,000 entries: it must open, filter,
// total and export in reasonable time (numbers in the test log, -v).
func TestLarge20k(t *testing.T) {
	if testing.Short() {
		t.Skip("large log")
	}
	const n = 20000
	s := large(t, n)
	timed := func(name string, limit time.Duration, f func()) {
		start := time.Now()
		f()
		d := time.Since(start)
		t.Logf("%-28s %8.1f ms", name, float64(d.Microseconds())/1000)
		if d > limit*slowdown {
			t.Errorf("%s took %v, more than %v", name, d, limit)
		}
	}
	var l *Log
	timed("open (parse 20,000 keys)", 3*time.Second, func() { l = openLog(t, s) })
	if l.Len() != n {
		t.Fatalf("%d entries", l.Len())
	}
	var es []Entry
	timed("sort (first Entries)", time.Second, func() { es = l.Entries() })
	timed("filter (project + kept)", time.Second, func() { Select(es, Filter{Project: "Blog", Kept: KeptOnly}) })
	timed("totals", time.Second, func() {
		if _, err := Total(es, "EUR", testRates); err != nil {
			t.Error(err)
		}
	})
	timed("measured retakes", time.Second, func() { MeasureRetakes(es) })
	timed("spend by month", time.Second, func() { SpendByMonth(es, "EUR", testRates) })
	var js, cs bytes.Buffer
	timed("export JSON", 3*time.Second, func() { l.ExportJSON(&js, exported) })
	timed("export CSV", 3*time.Second, func() { l.ExportCSV(&cs, CSVOptions{BOM: true}) })
	t.Logf("storage %.1f MB in %d keys (%.0f bytes per entry); JSON backup %.1f MB; CSV %.1f MB",
		float64(s.Size())/(1<<20), n+1, float64(s.Size())/n, float64(js.Len())/(1<<20), float64(cs.Len())/(1<<20))
	l2 := openLog(t, NewMemStore())
	timed("import CSV into empty", 5*time.Second, func() {
		if cs.Len() > MaxImportBytes {
			t.Logf("CSV of 20,000 entries is over MaxImportBytes: importing the first half")
			cs.Truncate(0)
			WriteCSV(&cs, es[:n/2], CSVOptions{})
		}
		if _, err := l2.ImportCSV(cs.Bytes(), ImportOptions{}); err != nil {
			t.Error(err)
		}
	})
}

func BenchmarkOpen20k(b *testing.B) {
	s := large(b, 20000)
	b.ResetTimer()
	for b.Loop() {
		openLog(b, s)
	}
}

func BenchmarkFilterTotal20k(b *testing.B) {
	es := openLog(b, large(b, 20000)).Entries()
	b.ResetTimer()
	for b.Loop() {
		Total(Select(es, Filter{Client: "Acme", Kept: KeptOnly}), "EUR", testRates)
	}
}

// BenchmarkMeasureRetakes20k: what every page that offers the measured
// generations per kept clip computes once, at start, from the whole log.
func BenchmarkMeasureRetakes20k(b *testing.B) {
	es := openLog(b, large(b, 20000)).Entries()
	b.ResetTimer()
	for b.Loop() {
		MeasureRetakes(es)
	}
}

func BenchmarkExportJSON20k(b *testing.B) {
	l := openLog(b, large(b, 20000))
	b.ResetTimer()
	for b.Loop() {
		l.ExportJSON(io.Discard, exported)
	}
}

func BenchmarkExportCSV20k(b *testing.B) {
	l := openLog(b, large(b, 20000))
	b.ResetTimer()
	for b.Loop() {
		l.ExportCSV(io.Discard, CSVOptions{})
	}
}
