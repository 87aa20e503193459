package cliplog_test

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
)

func Example() {
	store := cliplog.NewMemStore() // the app passes its localStorage adapter
	log, _, err := cliplog.Open(store)
	if err != nil {
		fmt.Println(err)
	}
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	for i, kept := range []bool{false, false, true} {
		id, _ := cliplog.NewID(now.Add(time.Duration(i)*time.Minute), bytes.NewReader([]byte{1, 2, 3, 4, 5, byte(i)}))
		_, err := log.Add(cliplog.Entry{
			ID: id, Date: cliplog.Today(now), ProfileID: "runway", ModelID: "gen4_turbo",
			Seconds: decimal.NewFromInt(10), Credits: decimal.NewFromInt(50),
			PricePerCredit: pricing.NewMoney(decimal.RequireFromString("0.024"), pricing.USD),
			Kept:           kept, Project: "Acme launch", Created: cliplog.Timestamp(now),
		})
		if err != nil {
			fmt.Println(err) // the page keeps the entry on screen
		}
	}
	t, _ := cliplog.Total(log.Entries(), pricing.EUR, pricing.DefaultRates())
	fmt.Println("spent:", pricing.FormatMoney(t.Spent), "per kept second:", pricing.FormatMoney(t.CostPerKeptSecond))
	r, ok := cliplog.FindRetakes(cliplog.MeasureRetakes(log.Entries()), "runway", "gen4_turbo")
	fmt.Println(ok, r.PerKept, "generations per kept clip,", r.Source())
	// Output:
	// spent: €3.10 per kept second: €0.3096
	// true 3 generations per kept clip, measured from your log: 3 clips, 1 kept
}

func ExampleStorageError() {
	store := cliplog.NewMemStore()
	log, _, _ := cliplog.Open(store)
	store.SetQuota(store.Size()) // the browser's storage is full
	_, err := log.Add(cliplog.Entry{
		ID: "m7q16ps0-010203040506", Date: "2025-03-01", ProfileID: "runway", ModelID: "gen4_turbo",
		Seconds: decimal.NewFromInt(10), Credits: decimal.NewFromInt(50),
		PricePerCredit: pricing.NewMoney(decimal.RequireFromString("0.024"), pricing.USD),
		Created:        "2025-03-01T10:00:00Z",
	})
	fmt.Println(errors.Is(err, cliplog.ErrStorageFull))
	fmt.Println(err)
	// Output:
	// true
	// Your browser's storage is full: this clip was not saved. Export your log, then delete old entries.
}
