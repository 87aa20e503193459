package cliplog

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aivc/aivc/pricing"
)

// fuzzBase is the storage a fuzzed import lands in: a few entries, a plan
// and settings, so merges and conflicts happen. Built once, copied per run.
var fuzzBase = sync.OnceValue(func() map[string]string {
	s := NewMemStore()
	l, _, _ := Open(s)
	for _, e := range sample(5) {
		l.Add(e)
	}
	l.SetPlan(MyPlan{ProfileID: "runway", PlanID: "standard", Billing: Monthly})
	l.SaveSettings(Settings{Display: "EUR", Rates: testRates})
	return s.Snapshot()
})

func fuzzLog(t testing.TB) (*Log, *MemStore) {
	s := NewMemStore()
	for k, v := range fuzzBase() {
		s.Put(k, v)
	}
	return openLog(t, s), s
}

// checkImport holds the properties of any import: a refused one changes
// nothing stored; an accepted one re-exports and re-imports stably.
func checkImport(t *testing.T, data []byte, failAfter int, csvFile bool) {
	l, s := fuzzLog(t)
	before := s.Snapshot()
	n := l.Len()
	if failAfter >= 0 {
		s.FailWritesAfter(failAfter % 64)
	}
	imp := l.ImportJSON
	if csvFile {
		imp = l.ImportCSV
	}
	rep, err := imp(data, ImportOptions{SkipInvalid: failAfter%2 == 0})
	s.FailWritesAfter(-1)
	if err != nil {
		if !sameMaps(before, s.Snapshot()) || l.Len() != n {
			t.Fatalf("refused import (%v) changed the store", err)
		}
		if err.Error() == "" {
			t.Fatal("empty error message")
		}
		return
	}
	if l.Len() != n+rep.Added {
		t.Fatalf("Len %d, want %d + %d added", l.Len(), n, rep.Added)
	}
	// What is stored loads back as what is in memory.
	a := exportJSON(t, l)
	if b := exportJSON(t, openLog(t, s)); !bytes.Equal(a, b) {
		t.Fatalf("reload differs:\n%s\n%s", a, b)
	}
	// JSON export → import into an empty store → export is byte-equal.
	l2 := openLog(t, NewMemStore())
	if _, err := l2.ImportJSON(a, ImportOptions{}); err != nil {
		t.Fatalf("re-import of an export: %v\n%s", err, a)
	}
	if b := exportJSON(t, l2); !bytes.Equal(a, b) {
		t.Fatalf("JSON round trip differs:\n%s\n%s", a, b)
	}
	// The same with CSV (entries only).
	c := exportCSV(t, l, failAfter%3 == 0)
	l3 := openLog(t, NewMemStore())
	if _, err := l3.ImportCSV(c, ImportOptions{}); err != nil {
		t.Fatalf("re-import of a CSV export: %v\n%s", err, c)
	}
	if c2 := exportCSV(t, l3, failAfter%3 == 0); !bytes.Equal(c, c2) {
		t.Fatalf("CSV round trip differs:\n%s\n%s", c, c2)
	}
	// Importing the same data again adds nothing.
	rep2, err := imp(data, ImportOptions{SkipInvalid: true})
	if err != nil || rep2.Added != 0 {
		t.Fatalf("second import: %+v, %v", rep2, err)
	}
}

func jsonSeeds(t testing.TB) [][]byte {
	l, _ := fullLog(t, 6)
	var full bytes.Buffer
	l.ExportJSON(&full, exported)
	empty, _ := os.ReadFile(filepath.Join("testdata", "empty.golden.json"))
	withProfiles, _ := os.ReadFile(filepath.Join("testdata", "backup.golden.json"))
	v1, _ := os.ReadFile(filepath.Join("testdata", "backup-v1.json"))
	return [][]byte{
		full.Bytes(),
		empty,
		withProfiles,
		v1,
		bytes.Replace(withProfiles, []byte(`"monthly":"99"`), []byte(`"monthly":"-1"`), 1),
		bytes.Replace(withProfiles, []byte(`{"id":"studio"`), []byte(`{"id":"my-runway"`), 1),
		[]byte(`{"app":"aivc","kind":"backup","version":2,"profiles":[{"id":"x"},[],1]}`),
		[]byte(`{"app":"aivc","kind":"backup","version":1,"profiles":[]}`),
		[]byte(backupWith(goodJSON)),
		[]byte(backupWith(goodJSON, strings.Replace(goodJSON, `"seconds":"10"`, `"seconds":10.5`, 1))),
		[]byte(backupWith(strings.Replace(goodJSON, `"kept":true`, `"kept":"yes"`, 1))),
		[]byte(`{"app":"aivc","kind":"backup","version":3,"entries":[]}`),
		[]byte(`{"app":"aivc","kind":"backup","version":1,"entries":[{}]}`),
		[]byte(`[1,2,3]`),
		[]byte(""),
		[]byte("\xEF\xBB\xBF{\"app\":\"aivc\",\"kind\":\"backup\",\"version\":1,\"plans\":[{\"profile_id\":\"x\",\"price\":\"1\",\"currency\":\"USD\",\"credits\":\"3\"}]}"),
		[]byte(backupWith(strings.Replace(goodJSON, `"cost":"0.6"`, `"cost":""`, 1))),
		[]byte(backupWith(strings.Replace(goodJSON, `"note":""`, `"note":"=cmd|' /C calc'!A0"`, 1))),
	}
}

func csvSeeds(t testing.TB) [][]byte {
	l, _ := fullLog(t, 6)
	return [][]byte{
		exportCSV(t, l, false),
		exportCSV(t, l, true),
		[]byte(csvHeader + "2025-03-01,runway,gen4,10,50,USD,0.012,yes,A\n"),
		[]byte(csvHeader + "2025-03-01,runway,gen4,\"1,200.50\",50,USD,$0.01,TRUE,'=SUM(A1)\n"),
		[]byte(csvHeader + "2025-03-01,runway,gen4,ten,50,USD,0.012,yes,A\n"),
		[]byte(csvHeader + "2025-03-01,\"runway,gen4,10\n"),
		[]byte("id,date\n"),
		[]byte(""),
		[]byte(csvHeader + "2025-03-01,runway,gen4,10,50,USD,0.012,yes,\"two\nlines\"\r\n"),
		[]byte(strings.ReplaceAll(csvHeader, ",", ";") + "2025-03-01;runway;gen4;8,5;1.200;USD;0,024;yes;\"A; B\"\r\n"),
		// A cost of 16 digits: imported from CSV, its backup was refused.
		[]byte(csvHeader + "2025-03-01,runway,gen4,10,10,USD,100000000000000,yes,A\n"),
		// Formulas after a ';' or a tab, guarded and not.
		[]byte(csvHeader + "2025-03-01,runway,gen4,10,50,USD,0.012,yes,\"Acme;'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n" +
			"2025-03-02,runway,gen4,10,50,USD,0.012,no,Acme;=1+1;'';'x\n" +
			"2025-03-03,runway,gen4,10,50,USD,0.012,no,\"a\t'@b;'\"\"=c\"\n"),
		exportCSV(t, separatorLog(t), true),
	}
}

// separatorLog is a log whose texts hold formulas after a ';' or a tab.
func separatorLog(t testing.TB) *Log {
	l := openLog(t, NewMemStore())
	for i, s := range []string{`Acme;=HYPERLINK("http://x","y")`, "a;'=b", `q;""=1`, "t\t-1"} {
		e := mk(fmt.Sprintf("s%d", i), "2025-04-01", "5", "50", "0.01", pricing.USD, true)
		e.Client, e.Project = s, s
		if _, err := l.Add(e.Derive()); err != nil {
			t.Fatal(err)
		}
	}
	return l
}

func FuzzImportJSON(f *testing.F) {
	for i, s := range jsonSeeds(f) {
		f.Add(s, i-1)
	}
	f.Fuzz(func(t *testing.T, data []byte, failAfter int) {
		checkImport(t, data, failAfter, false)
	})
}

func FuzzImportCSV(f *testing.F) {
	for i, s := range csvSeeds(f) {
		f.Add(s, i-1)
	}
	f.Fuzz(func(t *testing.T, data []byte, failAfter int) {
		checkImport(t, data, failAfter, true)
	})
}

// TestWriteFuzzSeeds writes the seed corpora to testdata/fuzz with
// -update, so they are kept (and readable) in the repository.
func TestWriteFuzzSeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/fuzz")
	}
	for name, seeds := range map[string][][]byte{"FuzzImportJSON": jsonSeeds(t), "FuzzImportCSV": csvSeeds(t)} {
		dir := filepath.Join("testdata", "fuzz", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, s := range seeds {
			body := fmt.Sprintf("go test fuzz v1\n[]byte(%s)\nint(%d)\n", strconv.Quote(string(s)), i-1)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%02d", i)), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzCSVReader")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, s := range csvReaderSeeds(t) {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%s)\nbool(%t)\n", strconv.Quote(string(s)), i%2 == 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%02d", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir = filepath.Join("testdata", "fuzz", "FuzzDecodeStored")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, s := range append(storedSeeds, encodeStored(sample(8)[7])) {
		body := fmt.Sprintf("go test fuzz v1\nstring(%s)\n", strconv.Quote(s))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%02d", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var storedSeeds = []string{
	`{"d":"2025-03-01","k":true,"n":"a\"b\\n\u00e9\ud83d\ude00"}`,
	`{"d":"x","d":"y"}`,
	`{}`,
	`{"d": "2025-03-01"}`,
	"{\"d\":\"\xff\"}",
}

// FuzzDecodeStored checks the fast decoder of stored records against
// encoding/json: whatever it accepts, encoding/json reads the same.
func FuzzDecodeStored(f *testing.F) {
	for _, e := range sample(12) {
		f.Add(encodeStored(e))
	}
	for _, s := range storedSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		fast, ok := decodeFlat(v)
		var slow storedEntry
		err := strictJSON([]byte(v), &slow)
		if ok && (err != nil || !reflect.DeepEqual(fast, slow)) {
			t.Fatalf("decodeFlat(%q) = %+v; encoding/json: %+v, %v", v, fast, slow, err)
		}
		if e, err := decodeStored("x", v); err == nil {
			if again, err := decodeStored("x", encodeStored(e)); err != nil || !again.Equal(e) {
				t.Fatalf("stored record does not round-trip: %q", v)
			}
		}
	})
}
