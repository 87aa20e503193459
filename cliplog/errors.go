package cliplog

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/aivc/aivc/pricing"
)

// Sentinel errors. Every error the package returns wraps one of them (or one
// of pricing's input sentinels), so callers match with errors.Is and read the
// details with errors.As.
var (
	// Storage (StorageError). A Store adapter returns errors wrapping
	// ErrStorageFull or ErrStorageUnavailable; StoreError classifies the raw
	// errors of a browser.
	ErrStorageFull        = errors.New("storage full")
	ErrStorageUnavailable = errors.New("storage unavailable")
	// ErrReadOnly: the log was opened without being able to write (a
	// migration could not finish, or a newer version owns the data).
	ErrReadOnly = errors.New("log is read-only")
	// ErrNewerSchema: the stored log was written by a newer version of the
	// app, whose layout this version does not know.
	ErrNewerSchema = errors.New("log saved by a newer version")

	// ErrCorrupt: a stored value that cannot be decoded (CorruptRecord).
	ErrCorrupt = errors.New("corrupt record")

	// Entries.
	ErrNotFound  = errors.New("no such entry")
	ErrDuplicate = errors.New("entry already exists")
	ErrConflict  = errors.New("entry differs from the one already saved")

	// Field checks (pricing.InputError.Err), beside pricing's ErrEmpty,
	// ErrNotNumber, ErrNegative, ErrZero, ErrTooLarge and ErrTooPrecise.
	ErrBadDate      = errors.New("must be a date like 2025-03-01")
	ErrBadMonth     = errors.New("must be a month like 2025-03")
	ErrBadTime      = errors.New("must be a time like 2025-03-01T14:05:00Z")
	ErrBadID        = errors.New("must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
	ErrBadCurrency  = errors.New("must be a currency code like USD or EUR")
	ErrBadRes       = errors.New("must be one of 360p, 480p, 540p, 720p, 1080p, 4k (or empty)")
	ErrBadKept      = errors.New("must be yes or no")
	ErrBadAddon     = errors.New("must be audio, upscale, lip_sync or extend, each once")
	ErrBadText      = errors.New("contains characters that cannot be saved (control characters or invalid text)")
	ErrTooLong      = errors.New("is too long")
	ErrCostMismatch = errors.New("does not equal credits × price per credit")
	ErrBadPlan      = errors.New("must be a plan of the platform, or a custom price and credits")

	// Import (ImportError, LimitError).
	ErrImportTooLarge  = errors.New("import too large")
	ErrTooManyRows     = errors.New("too many rows")
	ErrNotBackup       = errors.New("not an AIVC backup")
	ErrBackupVersion   = errors.New("backup from a newer version")
	ErrBadCSV          = errors.New("not a readable CSV file")
	ErrBadJSON         = errors.New("not a readable JSON file")
	ErrMissingColumn   = errors.New("missing column")
	ErrUnknownColumn   = errors.New("unknown column")
	ErrDuplicateInFile = errors.New("same id twice in the file")
)

// StorageError is a failure of the browser's storage. Its message is a
// sentence for the person using the app, saying what was (not) done and
// what to do; Op is what was being done ("add", "update", "delete",
// "restore", "import", "open", "plan", "settings", "migrate") and Key the
// storage key, when there is one.
type StorageError struct {
	Op  string
	Key string
	Err error // wraps ErrStorageFull, ErrStorageUnavailable, ErrReadOnly, ErrNewerSchema or a Store's own error
}

// notDone says what a failed operation did not do, by StorageError.Op.
var notDone = [][2]string{
	{"add", "this clip was not saved"},
	{"update", "this change was not saved"},
	{"delete", "this clip was not deleted"},
	{"restore", "this clip was not restored"},
	{"import", "nothing was imported"},
	{"import-partial", "the import stopped part way and could not be undone; reload the page to see which clips were saved"},
	{"open", "your log could not be read"},
	{"plan", "this plan was not saved"},
	{"settings", "these settings were not saved"},
	{"migrate", "your log could not be upgraded to this version; it is shown read-only and nothing was lost"},
	{"export", "the export date was not saved"},
}

func (e *StorageError) Error() string {
	what, _ := lookup(notDone, e.Op)
	if what == "" {
		what = "nothing was saved"
	}
	switch {
	case errors.Is(e.Err, ErrStorageFull):
		if e.Op == "delete" || e.Op == "open" {
			return "Your browser's storage is full: " + what + ". Export your log, then reload the page."
		}
		return "Your browser's storage is full: " + what + ". Export your log, then delete old entries."
	case errors.Is(e.Err, ErrStorageUnavailable):
		return "Your browser is not letting this app save data (private browsing, or site data blocked): " +
			what + ". Keep this page open and export your log before you leave."
	case errors.Is(e.Err, ErrNewerSchema):
		return "Your log was saved by a newer version of this app: " + what + ". Reload the page to update the app."
	case errors.Is(e.Err, ErrReadOnly):
		return "Your log is open read-only: " + what + ". Export your log, then reload the page."
	}
	return "Your browser's storage failed: " + what + " (" + e.Err.Error() + ")."
}

func (e *StorageError) Unwrap() error { return e.Err }

// StoreError turns an error a browser raised while writing (for example a
// DOMException named QuotaExceededError, or "The operation is insecure" in
// a locked-down private window) into one wrapping ErrStorageFull or
// ErrStorageUnavailable. A Store adapter calls it on every error it
// returns; errors already wrapping a cliplog sentinel are returned as they
// are, and nil stays nil.
func StoreError(err error) error {
	if err == nil || errors.Is(err, ErrStorageFull) || errors.Is(err, ErrStorageUnavailable) ||
		errors.Is(err, ErrCorrupt) {
		return err
	}
	msg := strings.ToLower(err.Error())
	for _, s := range []string{"quota", "ns_error_dom_quota_reached", "exceeded the storage", "storage full", "disk full"} {
		if strings.Contains(msg, s) {
			return fmt.Errorf("%w: %v", ErrStorageFull, err)
		}
	}
	return fmt.Errorf("%w: %v", ErrStorageUnavailable, err)
}

// CorruptRecord is a stored value that could not be read. It is never
// dropped: Open moves it to QuarantineKey (or, if that is impossible,
// leaves it at Key) and reports it, and the rest of the log loads.
type CorruptRecord struct {
	Key           string // where it was found
	QuarantineKey string // where it is now; empty if it was left at Key
	Raw           string // the stored text, so the page can offer to copy it
	Err           error  // why it could not be read
}

func (c CorruptRecord) Error() string {
	where := c.Key
	if c.QuarantineKey != "" {
		where = c.QuarantineKey
	}
	return "A saved clip could not be read and was set aside under " + strconv.Quote(where) + ": " + errText(c.Err)
}

func (c CorruptRecord) Unwrap() error { return ErrCorrupt }

// ImportError is one problem in an imported file. Line is the line of the
// file it is on (1 is the first line; 0 when it concerns the whole file).
// Err is usually a *pricing.InputError naming the field.
type ImportError struct {
	Line int
	// Row is the row a spreadsheet shows the line's CSV record on, when
	// it is not Line: a note with line breaks before it takes one row and
	// several lines. 0 when the same.
	Row int
	Err error
}

func (e *ImportError) Error() string {
	if e.Line <= 0 {
		return errText(e.Err)
	}
	return where(e.Line, e.Row) + ": " + errText(e.Err)
}

// where names a place in a file: "line 6", or "row 4 (line 6)" where a
// spreadsheet shows the line's record on another row.
func where(line, row int) string {
	if row > 0 && row != line {
		return "row " + strconv.Itoa(row) + " (line " + strconv.Itoa(line) + ")"
	}
	return "line " + strconv.Itoa(line)
}

func (e *ImportError) Unwrap() error { return e.Err }

// ImportErrors lists every problem found in a file, in line order; an
// import with any of them is refused and changes nothing (unless
// ImportOptions.SkipInvalid is set). At most MaxReportedErrors are kept;
// Omitted counts the rest.
type ImportErrors struct {
	Errs    []*ImportError
	Omitted int
}

// MaxReportedErrors is how many problems an import reports at most.
const MaxReportedErrors = 100

func (e *ImportErrors) Error() string {
	var b strings.Builder
	n := len(e.Errs) + e.Omitted
	if n == 1 {
		b.WriteString("The file has 1 problem; nothing was imported:")
	} else {
		b.WriteString("The file has " + strconv.Itoa(n) + " problems; nothing was imported:")
	}
	for _, x := range e.Errs {
		b.WriteString("\n")
		b.WriteString(x.Error())
	}
	if e.Omitted > 0 {
		b.WriteString("\n… and " + strconv.Itoa(e.Omitted) + " more.")
	}
	return b.String()
}

func (e *ImportErrors) Unwrap() []error {
	out := make([]error, len(e.Errs))
	for i, x := range e.Errs {
		out[i] = x
	}
	return out
}

func (e *ImportErrors) add(line int, err error) { e.addRow(line, 0, err) }

// addRow is add for a CSV record a spreadsheet shows on row.
func (e *ImportErrors) addRow(line, row int, err error) {
	if len(e.Errs) >= MaxReportedErrors {
		e.Omitted++
		return
	}
	e.Errs = append(e.Errs, &ImportError{Line: line, Row: row, Err: err})
}

func (e *ImportErrors) empty() bool { return len(e.Errs) == 0 && e.Omitted == 0 }

// LimitError refuses an import before it is parsed: the file is larger than
// MaxImportBytes or has more than MaxImportRows rows.
type LimitError struct {
	Size, MaxSize int // bytes, when the size is the problem
	Rows, MaxRows int // rows, when the row count is the problem
}

func (e *LimitError) Error() string {
	if e.MaxRows > 0 {
		return "This file has more than " + pricing.FormatNumber(decInt(e.MaxRows)) +
			" rows, the most one import takes; nothing was imported. Split it into smaller files."
	}
	return "This file is " + sizeText(e.Size) + "; an import takes at most " + sizeText(e.MaxSize) +
		", so nothing was imported. Split it into smaller files."
}

func (e *LimitError) Unwrap() error {
	if e.MaxRows > 0 {
		return ErrTooManyRows
	}
	return ErrImportTooLarge
}

func sizeText(n int) string {
	if n >= 1<<20 {
		return pricing.FormatNumber(decInt(n).DivRound(decInt(1<<20), 1)) + " MB"
	}
	if n >= 1<<10 {
		return pricing.FormatNumber(decInt(n).DivRound(decInt(1<<10), 1)) + " KB"
	}
	return pricing.FormatNumber(decInt(n)) + " bytes"
}

// errText is an error's message, with a capital letter dropped for joining.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// described is a sentinel with a sentence of its own.
type described struct {
	_   pricing.NotComparable
	msg string
	err error
}

func (d *described) Error() string { return d.msg }
func (d *described) Unwrap() error { return d.err }

// describe returns an error reading msg and matching sentinel.
func describe(sentinel error, msg string) error { return &described{msg: msg, err: sentinel} }
