package cliplog

import (
	"errors"
	"strings"
	"testing"

	"github.com/aivc/aivc/pricing"
)

// TestImportCSVMoneyInCredits: a credits column with money ("$5", "5 USD")
// was read as 5 credits, a seconds column's "$10" as 10 s: each such row
// is refused with a message naming its row and column, and nothing
// already saved is lost. A column's own unit ("55 credits", "8 s") is
// read, and an API clip's credits, which are money (1 USD a unit), take
// its currency's mark.
func TestImportCSVMoneyInCredits(t *testing.T) {
	file := csvHeader +
		"2025-03-01,runway,gen4,10,$5,USD,0.012,yes,A\n" + // line 2
		"2025-03-01,runway,gen4,10,5 USD,USD,0.012,yes,A\n" + // line 3
		"2025-03-01,runway,gen4,$10,50,USD,0.012,yes,A\n" + // line 4
		"2025-03-01,runway,gen4,10,50,USD,5 credits,yes,A\n" + // line 5
		"2025-03-01,veo-api,veo3,8,€3.20,USD,1,yes,A\n" + // line 6: an API clip in dollars
		"2025-03-01,runway,gen4,8 s,55 credits,USD,0.012,yes,B\n" + // line 7
		"2025-03-01,veo-api,veo3,8,$3.20,USD,1,yes,B\n" // line 8
	s := NewMemStore()
	l := openLog(t, s)
	addAll(t, l, sample(3))
	before := s.Snapshot()
	_, err := l.ImportCSV([]byte(file), ImportOptions{})
	var ie *ImportErrors
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		"line 2: Credits used (column E) is in credits, not money: type the number alone",
		"line 3: Credits used (column E) is in credits, not money: type the number alone",
		"line 4: Seconds (column D) is in seconds, not money: type the number alone",
		"line 5: Price per credit (column G) is in money, not credits: type the amount alone",
		"line 6: Credits used (column E) is in USD, not EUR: type the amount alone, or change the currency",
	}
	var got []string
	for _, e := range ie.Errs {
		got = append(got, e.Error())
		if !errors.Is(e, pricing.ErrOtherUnit) && !strings.Contains(e.Error(), "not EUR") {
			t.Errorf("%v: not errors.Is ErrOtherUnit", e)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !sameMaps(before, s.Snapshot()) || l.Len() != 3 {
		t.Error("a refused import changed the log")
	}

	// The good rows import; the clips saved before stay.
	rep, err := l.ImportCSV([]byte(file), ImportOptions{SkipInvalid: true})
	if err != nil || rep.Added != 2 || len(rep.Skipped) != 5 || l.Len() != 5 {
		t.Fatalf("SkipInvalid: %+v, %v, %d clips", rep, err, l.Len())
	}
	var runway, veo bool
	for _, e := range l.Entries() {
		switch {
		case e.Project != "B":
		case e.ProfileID == "runway":
			runway = pricing.Exact(e.Credits) == "55" && pricing.Exact(e.Seconds) == "8"
		case e.ProfileID == "veo-api":
			veo = pricing.Exact(e.Credits) == "3.2" && pricing.Exact(e.Cost.Amount) == "3.2"
		}
	}
	if !runway || !veo {
		t.Errorf("rows in their own units: runway %v, veo %v", runway, veo)
	}
}

// TestImportBackupMoneyInCredits: a backup's clip with money as its
// credits is refused naming its line and field, as a CSV's row is.
func TestImportBackupMoneyInCredits(t *testing.T) {
	bad := strings.Replace(strings.Replace(goodJSON, `"a1"`, `"a2"`, 1), `"credits":"50"`, `"credits":"$50"`, 1)
	s := NewMemStore()
	l := openLog(t, s)
	addAll(t, l, sample(2))
	before := s.Snapshot()
	_, err := l.ImportJSON([]byte(backupWith(goodJSON, bad)), ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "line 3: Credits used is in credits, not money: type the number alone") ||
		!errors.Is(err, pricing.ErrOtherUnit) {
		t.Errorf("err = %v", err)
	}
	if !sameMaps(before, s.Snapshot()) || l.Len() != 2 {
		t.Error("a refused import changed the log")
	}
}

// TestMigrateV0MoneyInCredits: a schema-0 clip whose credits are money is
// set aside with the reason, not migrated as credits; the others are.
func TestMigrateV0MoneyInCredits(t *testing.T) {
	s := NewMemStore()
	s.Put(LegacyKey, `[
 {"id":1,"date":"2024-12-02","platform":"runway","model":"gen3a_turbo","res":"720p","seconds":10,"credits":"$5","price":"0.01","currency":"USD","kept":true,"project":"","note":""},
 {"id":2,"date":"2024-12-02","platform":"runway","model":"gen3a_turbo","res":"720p","seconds":10,"credits":50,"price":"0.01","currency":"USD","kept":true,"project":"","note":""}
]`)
	l, rep, err := Open(s)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Entries != 1 || len(rep.Corrupt) != 1 || l.Len() != 1 {
		t.Fatalf("report %+v", rep)
	}
	if c := rep.Corrupt[0]; c.Key != "aivc.log[0]" ||
		!strings.Contains(c.Err.Error(), "Credits used is in credits, not money") || s.Snapshot()[c.QuarantineKey] == "" {
		t.Errorf("set aside: key %q, %v (%#v)", c.Key, c, c.Err)
	}
}
