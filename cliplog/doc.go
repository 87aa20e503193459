// Package cliplog is the clip log of AIVC: what every generated clip really
// cost, by project and client, kept in the browser and nowhere else.
//
// It is pure Go: it imports the standard library, shopspring/decimal and
// pricing, never go-app or syscall/js, and it never reads the clock, a
// random source or the network. The page at /log passes "now" and random
// bytes in (NewID, Timestamp, Today) and adapts the browser's storage to
// Store. Nothing in the package panics, whatever a file or the storage
// holds; every division is guarded and uses DivRound.
//
// # Entries and money
//
// An Entry is one clip: date, profile (platform), plan, model,
// resolution, seconds, credits used, price per credit, kept or rejected,
// project, client, note, and the add-ons ticked when it was logged (which
// its credits count, and which Edit shows as they were; none for a clip
// logged before they were kept: storage "a", a backup's "addons", a CSV's
// addons column, "audio upscale"). Cost = Credits × PricePerCredit, exactly (a
// decimal product does not round), in the currency of the price. In an API
// profile the units are money: Credits holds the money charged and
// PricePerCredit is APIPrice (1 of the currency).
//
// A file's amounts are read in their column's unit (pricing.ParseIn):
// credits ("50", "50 credits"), seconds ("8", "8 s"), money for a price or
// a cost ("$0.01"). Another unit's mark is refused with the row and the
// column, never read as the bare number: "$5" in a credits column was 5
// credits. An API clip's credits, which are money, take its currency's
// mark (ParseCredits).
//
// Amounts are shopspring decimals, never floats. They follow pricing's
// limits (at most pricing.MaxIntegerDigits digits before the point and
// pricing.MaxFractionDigits after). The only roundings are the divisions,
// each at pricing.DivisionScale decimal places, half away from zero:
// MyPlan.PricePerCredit (price ÷ credits), Entry.CostPerSecond,
// Totals.CostPerKeptSecond, Retakes.PerKept, and the currency conversions
// done by pricing.Rates.Convert. Display rounding is pricing.FormatMoney's.
//
// # Views
//
// Filter and Select choose entries (project, client, profile, month,
// kept/rejected). Total sums them: counts, seconds generated and kept, the
// exact cost in each currency (ByCurrency), and Spent in the display
// currency, where each currency's exact sum is converted once with the
// person's rates; two currencies are never added unconverted, and a missing
// rate is an error wrapping pricing.ErrCurrency. MeasureRetakes gives the
// measured generations per kept clip of each profile and model, with its
// sample (Retakes.Source: "measured from your log: 12 clips, 8 kept"), for
// the calculator, compare and planner pages to offer as their default
// (FindRetakes); Measured keeps them in one record between visits, so that
// those pages need not read every entry at start. SpendByMonth and SpendByProject feed the chart.
//
// # Storage layout (schema 1)
//
// The log lives in a Store (the browser's localStorage in the app), one
// small value per key, so that a tab saving a clip writes one key and never
// reads, changes and rewrites a shared list: two open tabs cannot overwrite
// each other's new entries. Keys:
//
//	aivc.log.meta                 {"schema":1}: the layout version
//	aivc.log.v1.e.<id>            one entry (compact JSON, below)
//	aivc.log.v1.p.<profile id>    the plan the person is on for a profile
//	aivc.log.v1.settings          display currency, rates, last export
//	aivc.log.v1.corrupt.<name>    a record set aside: {"key","error","raw"}
//	aivc.log.v1.measured          MeasureRetakes of every entry, stamped (MeasuredKey)
//	aivc.log                      schema 0 (old): the whole log as one array
//
// An entry is stored with short field names and without empty fields,
// because localStorage gives a site about 5 million characters in all; the
// ID is the key's, the cost is derived on load, and amounts are strings in
// plain decimal notation:
//
//	{"d":"2025-03-01","p":"runway","pn":"Runway (app)","pl":"standard","m":"gen4_turbo",
//	 "mn":"Gen-4 Turbo","r":"720p","s":"10","c":"50","cu":"USD","pc":"0.012","k":true,
//	 "a":"audio","pj":"Acme launch","cl":"Acme","n":"take 3","t":"2025-03-01T10:00:00Z","u":"…"}
//
// (about 250 bytes for a typical entry). Open lists the keys, reads
// MetaKey, and parses only the log's own keys. Every value written is a
// JSON object.
//
// # Versions and migrations
//
// MetaKey holds the schema version. Open migrates an older layout before it
// loads: schema 0, one JSON array under "aivc.log", is split into one key
// per entry (migrateV0). A migration is idempotent and never deletes old
// data until the new records are written and read back and MetaKey is
// updated; if a write fails, what it wrote is deleted again, the old data
// stays, and the Log opens read-only showing the old entries (so they can
// still be exported). A schema newer than SchemaVersion (a newer app wrote
// it) opens nothing and says to reload (ErrNewerSchema).
//
// # Faults
//
// A record that cannot be decoded is never dropped and never stops the
// others loading: it is copied to a CorruptPrefix key, read back, deleted
// from its place, and reported in LoadReport.Corrupt with its key and raw
// text (if it cannot be moved, it is left where it is and still reported).
// The person may copy it, then DiscardCorrupt.
//
// Writes that fail return a *StorageError whose message a person
// understands, wrapping ErrStorageFull ("Your browser's storage is full:
// this clip was not saved. Export your log, then delete old entries.") or
// ErrStorageUnavailable (private browsing, site data blocked). Nothing was
// saved, so the page keeps the entry on screen. If storage is unavailable
// when the log opens, the Log is read-only; the page may open a MemStore
// instead and warn that clips will be lost when the tab closes. Delete
// returns a Deleted that Restore writes back byte for byte (undo).
//
// # Export and import
//
// WriteCSV writes RFC 4180 CSV (AppendCSV, CRLF) with a header row
// (CSVColumns), ISO dates, plain decimals ('.' and no grouping), a
// currency column, "yes"/"no" for kept, and an optional UTF-8 byte order
// mark (CSVOptions.BOM: Excel needs it to read UTF-8). A text cell starting
// with =, +, -, @, tab or carriage return is written with a leading
// apostrophe so a spreadsheet does not run it as a formula, and so is the
// text after a ';' or a tab inside a cell (a quote there too): Excel set to
// German or French splits a .csv on ';' whatever the quotes, and a cell
// holding either is quoted for a spreadsheet that splits on both. ReadCSV
// removes exactly those apostrophes. It reads the file a spreadsheet saves
// again: a byte order mark, ';' between cells, decimal commas (the decimal
// mark is the one the file's amounts show), and dates in the spreadsheet's
// form ("27/11/2026", "11/27/2026", "27/11/26", "27.11.2026", "2026-11-27
// 00:00:00", Hungarian "2025. 03. 01.", Czech "1. 3. 2025"), each read
// without a guess: dots day first unless the year is, a two-digit year
// 20YY, a day and month both 12 or less in the order the file's other
// dates show, or else refused with both readings; a dashed date with two
// digits at both ends ("25-03-01") year first or last as a date of its
// column that can be read only one way says, or else the column is
// refused with both readings of its first; created and updated
// times likewise ("11/27/2026 14:03"), those without a zone as UTC, the
// export's zone (ImportReport.TimesAsUTC says how many). IsJSON
// tells a backup from a CSV file by its content.
//
// WriteBackup writes a full backup (entries, plans, settings) as JSON with
// a fixed field order, entries sorted by date then ID, one per line, and
// money as strings:
//
//	{"app": "aivc", "kind": "backup", "version": 1, "exported": "…",
//	 "entries": [...], "plans": [...], "settings": {...}}
//
// Export then import gives back the same log: a JSON export imported into
// an empty store exports byte-for-byte the same.
//
// ImportJSON and ImportCSV validate every line and report each problem with
// its line, and a CSV cell's with its column as a spreadsheet letters it
// ("line 7: Seconds (column D) must be a number, like 30 or 1,200.50"); a
// CSV that is not UTF-8 text (a workbook, UTF-16, a binary file, or text in
// a spreadsheet's legacy code page) is refused in one sentence saying to
// save it as "CSV UTF-8". They
// merge: an ID already saved with the same values is skipped, one with
// other values is a Conflict and the saved entry is kept. A CSV row without
// an ID gets one made from its content, so importing a file twice adds
// nothing the second time.
//
// # Limits
//
// An import over MaxImportBytes (16 MiB, above the 7.6 MB backup of a
// full browser's 20,000 entries) or with more than MaxImportRows
// (50,000) rows is refused with a *LimitError before it is parsed (a JSON
// backup's entries are counted as they are streamed, and refused at the
// 50,001st, before any is kept). Text fields take MaxNameLen bytes (a note
// MaxNoteLen), seconds at most a day (86,400). An import that is refused (a
// limit, any bad line unless ImportOptions.SkipInvalid, or a storage
// failure part way, whose writes are then deleted again) changes nothing
// already stored.
//
// # Errors
//
// Field problems are *pricing.InputError naming the field with the Field*
// labels, wrapping pricing's sentinels (ErrEmpty, ErrNotNumber,
// ErrNegative, ErrZero, ErrTooLarge, ErrTooPrecise) or this package's
// (ErrBadDate, ErrBadID, ErrBadCurrency, ErrCostMismatch, …). Storage
// problems are *StorageError; unreadable records CorruptRecord; file
// problems *ImportErrors of *ImportError (with Line) or *LimitError. Every
// error wraps a sentinel, for errors.Is.
//
// # A Store for go-app
//
// go-app's BrowserStorage JSON-encodes values, says nothing when Get finds
// no key, and only its Set recovers from the exception a browser throws
// when storage is blocked (Get, Contains and ForEach would panic, and a
// panic kills the wasm page). So the app's adapter stores each value as raw
// JSON, recovers, and classifies errors with StoreError:
//
//	type localStore struct{ s app.BrowserStorage }
//
//	// guard turns a panic of syscall/js into ErrStorageUnavailable.
//	func guard(err *error) {
//		if r := recover(); r != nil {
//			*err = fmt.Errorf("%w: %v", cliplog.ErrStorageUnavailable, r)
//		}
//	}
//
//	func (l localStore) Get(k string) (v string, ok bool, err error) {
//		defer guard(&err)
//		if !l.s.Contains(k) {
//			return "", false, nil
//		}
//		var raw json.RawMessage
//		if err := l.s.Get(k, &raw); err != nil {
//			return "", false, fmt.Errorf("%w: %v", cliplog.ErrCorrupt, err)
//		}
//		return string(raw), true, nil
//	}
//	func (l localStore) Set(k, v string) (err error) {
//		defer guard(&err)
//		return cliplog.StoreError(l.s.Set(k, json.RawMessage(v)))
//	}
//	func (l localStore) Del(k string) (err error) {
//		defer guard(&err)
//		l.s.Del(k)
//		return nil
//	}
//	func (l localStore) Keys() (ks []string, err error) {
//		defer guard(&err)
//		l.s.ForEach(func(k string) { ks = append(ks, k) })
//		return ks, nil
//	}
//
// json.Marshal re-encodes a json.RawMessage (compacting it and escaping <,
// > and &); the package writes values already in that form and compares
// what it reads back as JSON, so such an adapter is fine (the tests run
// one).
//
// go-app's own start-up (CleanupExpiredPersistedStates) decodes every
// localStorage value as a persisted state; the compact records have no
// field it looks for, so it leaves them alone.
package cliplog
