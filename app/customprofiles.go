package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file keeps the profiles people make (custom profiles) and gives
// every page the one list of profiles it offers: the bundled catalog and
// the person's own.
//
// Storage layout (version 1), in the browser's localStorage, one key per
// profile so that saving one never rewrites another:
//
//	aivc.profiles.v1.<id>   the profile, in the catalog's JSON schema
//	                        (catalog.schema.json), with "custom": true
//
// A value is written, then read back and compared before the page says it
// is saved. A value that cannot be read (a newer app's format, a hand
// edit) is reported on /profiles with its text and never deleted. A later
// layout gets a new prefix (aivc.profiles.v2.) and migrates from this one.

// customKeyPrefix starts the key of every custom profile.
const customKeyPrefix = cliplog.ProfilePrefix

// customMark follows a custom profile's name in every list of profiles
// (the calculator's platform picker, the compare page, the planner).
const customMark = " (custom)"

// customKey is the storage key of the custom profile id.
func customKey(id string) string { return customKeyPrefix + id }

// deviceStore returns where custom profiles (and the clip log) live: the browser's
// localStorage in the app, none when prerendering. Tests replace it with a
// cliplog.MemStore.
var deviceStore = func() cliplog.Store {
	if app.IsClient {
		return browserStore{}
	}
	return nil
}

// allProfiles returns every profile a page offers: the catalog, then the
// person's custom profiles (sorted by id, their names marked customMark).
// Storage that is blocked or unreadable leaves the catalog alone: a page
// in another site's frame, where storage may throw, still works. Only a
// broken catalog is an error.
func allProfiles() ([]pricing.Profile, error) {
	ps, err := pricing.Catalog()
	if err != nil {
		return ps, err
	}
	s := deviceStore()
	if s == nil {
		return ps, nil
	}
	custom, _, err := loadCustom(s)
	if err != nil {
		app.Logf("custom profiles not loaded: %v", err)
		return ps, nil
	}
	for _, p := range custom {
		if _, taken := pricing.FindProfile(ps, p.ID); taken {
			continue // shown on /profiles, where its id can be changed
		}
		p.Name += customMark
		ps = append(ps, p)
	}
	return ps, nil
}

// badRecord is a stored custom profile that cannot be read.
type badRecord struct {
	_   pricing.NotComparable
	Key string
	Raw string
	Err error
}

// loadCustom reads every custom profile in s, sorted by id
// (cliplog.LoadProfiles: the clip log's backup carries them). A record
// that does not decode is returned in bad, and left where it is. err is
// set only when the storage cannot be listed.
func loadCustom(s cliplog.Store) (ps []pricing.Profile, bad []badRecord, err error) {
	ps, recs, err := cliplog.LoadProfiles(s)
	for _, r := range recs {
		bad = append(bad, badRecord{Key: r.Key, Raw: r.Raw, Err: r.Err})
	}
	return ps, bad, err
}

// errReadBack is a write the storage accepted but did not keep as written.
var errReadBack = errors.New("storage did not keep what was written")

// saveCustom validates p as a custom profile and writes it, then reads it
// back. oldID is the id it was stored under before (an edit that renamed
// it); that record is deleted only once the new one reads back. Errors:
// a *pricing.ProfileError for a profile that breaks the catalog's rules
// (nothing written), or a storage error wrapping cliplog.ErrStorageFull,
// cliplog.ErrStorageUnavailable or errReadBack.
func saveCustom(s cliplog.Store, p pricing.Profile, oldID string) error {
	if s == nil {
		return cliplog.ErrStorageUnavailable
	}
	p.Custom = true
	if err := p.Validate(); err != nil {
		return err
	}
	text, err := cliplog.EncodeProfile(p)
	if err != nil {
		return err
	}
	data := []byte(text)
	key := customKey(p.ID)
	if err := s.Set(key, text); err != nil {
		return cliplog.StoreError(err)
	}
	got, ok, err := s.Get(key)
	if err != nil {
		return cliplog.StoreError(err)
	}
	var compact bytes.Buffer
	if !ok || json.Compact(&compact, []byte(got)) != nil || !bytes.Equal(compact.Bytes(), data) {
		return fmt.Errorf("%w: %w", cliplog.ErrStorageUnavailable, errReadBack)
	}
	if oldID != "" && oldID != p.ID {
		if err := s.Del(customKey(oldID)); err != nil {
			return cliplog.StoreError(err)
		}
		_, err := cliplog.MovePlan(s, oldID, p.ID)
		return err
	}
	return nil
}

// deleteCustom deletes the custom profile id and the plan the clip log
// keeps for it, which it returns for undo ("" for none): a profile cloned or
// imported later under the same id must not inherit that price.
func deleteCustom(s cliplog.Store, id string) (plan string, err error) {
	if s == nil {
		return "", cliplog.ErrStorageUnavailable
	}
	if err := s.Del(customKey(id)); err != nil {
		return "", cliplog.StoreError(err)
	}
	return cliplog.MovePlan(s, id, "")
}

// exportProfile is p in the catalog's schema, indented, as a file to
// download or send upstream.
func exportProfile(p pricing.Profile) string {
	data, err := json.Marshal(p)
	if err != nil {
		return ""
	}
	return string(indentJSON(data)) + "\n"
}

// indentJSON indents compact JSON (json.Marshal's) as json.MarshalIndent(v,
// "", "  ") does: one member or element a line, "key": value, and {} and []
// kept on one line. It is here because encoding/json's indenter costs ~6 KB
// of app.wasm for this one call.
func indentJSON(src []byte) []byte {
	var b []byte
	depth, inString, escaped := 0, false, false
	for i, c := range src {
		if inString {
			inString = escaped || c != '"'
			escaped = !escaped && c == '\\'
			b = append(b, c)
			continue
		}
		open := i > 0 && (src[i-1] == '{' || src[i-1] == '[')
		switch c {
		case '}', ']':
			if !open { // not {} or []
				depth--
				b = indentLine(b, depth)
			}
		}
		b = append(b, c)
		switch c {
		case '"':
			inString = true
		case ':':
			b = append(b, ' ')
		case ',':
			b = indentLine(b, depth)
		case '{', '[':
			if next := src[i+1]; next != '}' && next != ']' {
				depth++
				b = indentLine(b, depth)
			}
		}
	}
	return b
}

// indentLine starts a line indented to depth.
func indentLine(b []byte, depth int) []byte {
	b = append(b, '\n')
	for range depth {
		b = append(b, ' ', ' ')
	}
	return b
}

// importProfile reads a profile a person brings (a file or pasted text):
// at most pricing.ProfileMaxBytes, checked before parsing, then decoded
// strictly and validated as the catalog is. It is read by what it holds,
// whatever the file's name (a mail client saves "runway.json" as
// "runway.txt"), after a byte order mark (Notepad's); a file that is no
// profile at all says what it is instead (notProfile). Nothing is saved
// here.
func importProfile(data []byte) (pricing.Profile, error) {
	if len(data) > pricing.ProfileMaxBytes {
		return pricing.Profile{}, errTooBig
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := notProfileText(data); err != nil {
		return pricing.Profile{}, err
	}
	p, err := pricing.DecodeProfile(data)
	if pe, ok := errors.AsType[*pricing.ProfileError](err); ok && pe.Err != nil && strings.HasPrefix(pe.Err.Error(), "unknown field") {
		// The first field no profile has says what the file is: a clip
		// log backup starts {"app": "aivc", "kind": "backup", catalog.json
		// {"profiles": [.
		switch pe.Path {
		case "app", "version", "exported", "entries":
			err = notProfile(notAProfile + "it is a clip log backup. Restore it on the Clip log page (/log): it brings back the profiles it holds too.")
		case "profiles":
			err = notProfile(notAProfile + "it is a list of profiles (as catalog.json is). Import one profile: the text from its “{” to its “}”.")
		}
	}
	if err != nil {
		return pricing.Profile{}, err
	}
	p.Custom = true
	return p, nil
}

// errTooBig is an import over pricing.ProfileMaxBytes.
var errTooBig = errors.New("the profile is larger than 1 MB")

// notProfile is an import that is no profile at all, in a sentence that
// says what it is and where it goes: its field names ("unknown field
// "app"") said nothing of it.
type notProfile string

func (e notProfile) Error() string { return string(e) }

// notAProfile starts what notProfile says.
const notAProfile = "This is not a platform profile: "

// notProfileText says what data (a file, or pasted text) is when it is no
// JSON at all: not text, the clip log's CSV, or any other text. nil: it
// may be a profile, for pricing.DecodeProfile to check (and to call
// nothing at all empty).
func notProfileText(data []byte) error {
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return notProfile(notAProfile + "it is not text. A profile is JSON, as /profiles exports it.")
	}
	if cliplog.IsJSON(data) || len(bytes.TrimSpace(data)) == 0 { // empty: "The profile is empty"
		return nil
	}
	first, _, _ := bytes.Cut(bytes.TrimSpace(data), []byte("\n"))
	if bytes.Contains(first, []byte("profile_id")) && bytes.Contains(first, []byte("date")) {
		return notProfile(notAProfile + "it is a clip log CSV. Import it on the Clip log page (/log).")
	}
	return notProfile(notAProfile + "a profile is JSON, starting with “{”, as /profiles exports it; this starts with “" +
		shorten(strings.TrimSpace(string(first)), 30) + "”.")
}

// cloneProfile returns a deep copy of p as a custom profile with an id
// not taken.
func cloneProfile(p pricing.Profile, taken func(string) bool) pricing.Profile {
	data, err := json.Marshal(p)
	var c pricing.Profile
	if err != nil || json.Unmarshal(data, &c) != nil {
		return p
	}
	c.Custom = true
	c.Name = strings.TrimSuffix(c.Name, customMark)
	c.ID = uniqueID(strings.TrimSuffix(p.ID, "-custom")+"-custom", taken)
	return c
}

// blankID is a blank profile's id, and one named without a-z or 0-9.
const blankID = "my-platform"

// blankProfile is a new custom profile: one plan and one model priced per
// clip, the guide's example ($30 for 3,000 credits, 50 credits a 5 s clip).
func blankProfile(taken func(string) bool) pricing.Profile {
	p, err := pricing.DecodeProfile([]byte(`{"id":"` + blankID + `","name":"My platform","platform":"My platform",
		"kind":"credits","currency":"USD","url":"","custom":true,
		"plans":[{"id":"plan-1","name":"My plan","monthly":"30","credits":"3000","source":{"url":"","read":"","evidence":""}}],
		"models":[{"id":"model-1","name":"My model","tier":"standard","durations":{"list":[5]},
			"rates":[{"res":"720p","per_clip":"50"}],"source":{"url":"","read":"","evidence":""}}]}`))
	if err != nil {
		app.Logf("blank profile: %v", err)
	}
	p.ID = uniqueID(p.ID, taken)
	return p
}

// uniqueID returns base, or base-2, base-3… the first that is not taken,
// within pricing.ProfileMaxID bytes.
func uniqueID(base string, taken func(string) bool) string {
	if len(base) > pricing.ProfileMaxID-4 {
		base = strings.TrimRight(base[:pricing.ProfileMaxID-4], "-")
	}
	id := base
	for n := 2; taken(id) && n < 1000; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// profileMessage turns an error about a custom profile into the sentence a
// person reads: a broken rule names the field in words and by its path in
// the JSON ("Plan 1, monthly price: must be more than 0
// (plans[0].monthly)."), a storage failure says what happened to the
// profile. Anything else is errorMessage's.
func profileMessage(err error) string {
	if err == nil {
		return ""
	}
	if pe, ok := errors.AsType[*pricing.ProfileError](err); ok {
		if pe.Path == "" {
			return sentence("The profile " + pe.Err.Error())
		}
		return fieldSentence(pathWords(pe.Path), pe.Err) + " (" + pe.Path + ")"
	}
	if np, ok := err.(notProfile); ok {
		return string(np)
	}
	switch {
	case errors.Is(err, errTooBig):
		return "The profile is larger than 1 MB; nothing was imported."
	case errors.Is(err, cliplog.ErrStorageFull):
		return "Your browser's storage is full: the profile was not saved. Export it to keep it, or delete profiles or log entries you no longer need."
	case errors.Is(err, cliplog.ErrStorageUnavailable):
		return "This browser did not let the site save data (private browsing, or site data blocked): the profile was not saved. Export it to keep it."
	}
	return errorMessage(err)
}

// fieldSentence says what is wrong with a field named subject: "Name is
// empty.", "Plan 1, credits must be more than 0.", "Plan 1, monthly price
// cannot be negative."; but "Model 2, tier: unknown tier …".
func fieldSentence(subject string, err error) string {
	msg, sep := err.Error(), ": "
	if verb, _, _ := strings.Cut(msg, " "); slices.Contains([]string{"is", "must", "needs", "has", "cannot"}, verb) {
		sep = " "
	}
	return sentence(subject + sep + msg)
}

// fieldWords name the fields of a profile's JSON in words.
var fieldWords = [][2]string{
	{"id", "id"}, {"name", "name"}, {"platform", "platform"}, {"kind", "kind"},
	{"currency", "currency"}, {"unit", "name of a credit"}, {"url", "pricing page"},
	{"monthly", "monthly price"}, {"yearly_per_month", "price per month billed yearly"},
	{"yearly", "yearly price"}, {"credits", "credits"}, {"price", "price"}, {"tier", "tier"},
	{"durations", "clip lengths"}, {"rates", "rates"}, {"res", "resolution"},
	{"per_second", "units per second"}, {"per_clip", "units per clip"},
	{"buckets", "prices per clip length"}, {"units", "units"}, {"seconds", "seconds"},
	{"base", "base price"}, {"per_megapixel", "units per megapixel"},
	{"multipliers", "resolution multipliers"}, {"factor", "factor"}, {"source", "source"},
	{"read", "date read"}, {"evidence", "evidence"}, {"valid_days", "days valid"},
	{"validity_not_stated", "validity not stated"},
	{"min_charge", "minimum charge"}, {"max_res", "highest resolution"}, {"promo", "promotion"},
	{"addons", "add-ons"}, {"free", "free tier"}, {"plans", "plans"}, {"packs", "packs"},
	{"models", "models"},
}

// itemWords name one item of a list of a profile's JSON.
var itemWords = [][2]string{
	{"plans", "plan"}, {"packs", "pack"}, {"models", "model"}, {"rates", "rate"},
	{"buckets", "clip length"}, {"multipliers", "multiplier"}, {"addons", "add-on"},
	{"notes", "note"}, {"list", "length"},
}

// word returns the words paired with key in pairs, or "". Short tables
// are lists, not maps: a map literal is built by code at start-up (~240
// bytes of wasm an entry), a list of constants is data.
func word(pairs [][2]string, key string) string {
	for _, p := range pairs {
		if p[0] == key {
			return p[1]
		}
	}
	return ""
}

// pathWords says where a path of a profile's JSON points, in words:
// "models[0].rates[1].per_second" → "Model 1, rate 2, units per second".
func pathWords(path string) string {
	parts := strings.Split(path, ".")
	for i, part := range parts {
		name, index, hasIndex := strings.Cut(part, "[")
		w := word(fieldWords, name)
		if item := word(itemWords, name); hasIndex && item != "" {
			w = item
		}
		if w == "" {
			w = strings.ReplaceAll(name, "_", " ")
		}
		if n, err := strconv.Atoi(strings.TrimSuffix(index, "]")); hasIndex && err == nil {
			w += " " + strconv.Itoa(n+1)
		}
		parts[i] = w
	}
	return strings.Join(parts, ", ")
}

// browserStore is cliplog.Store over window.localStorage, through go-app's
// JS API. A browser throws when storage is blocked or full; the exception
// is recovered and classified (cliplog.StoreError), never left to stop the
// page.
type browserStore struct {
	tab bool // the tab's sessionStorage instead (tabStore)
}

// storage returns the Storage b is over.
func (b browserStore) storage() app.Value {
	if b.tab {
		return app.Window().Get("sessionStorage")
	}
	return localStorage()
}

// pageStorage is the page's localStorage, read once (localStorage).
var pageStorage app.Value

// localStorage returns the page's localStorage: window.aivcStorage, where
// web/early.js keeps it while go-app's engine starts with an empty one (see
// there), or else window.localStorage (or guardStorage's stand-in).
func localStorage() app.Value {
	if pageStorage == nil {
		pageStorage = app.Window().Get("aivcStorage")
		if !pageStorage.Truthy() {
			pageStorage = app.Window().Get("localStorage")
		}
	}
	return pageStorage
}

// recoverStore turns a thrown exception into a storage error.
func recoverStore(err *error) {
	if r := recover(); r != nil {
		*err = cliplog.StoreError(fmt.Errorf("%v", r))
	}
}

func (b browserStore) Get(key string) (v string, ok bool, err error) {
	defer recoverStore(&err)
	item := b.storage().Call("getItem", key)
	if item.IsNull() || item.IsUndefined() {
		return "", false, nil
	}
	return item.String(), true, nil
}

func (b browserStore) Set(key, value string) (err error) {
	defer recoverStore(&err)
	b.storage().Call("setItem", key, value)
	return nil
}

func (b browserStore) Del(key string) (err error) {
	defer recoverStore(&err)
	b.storage().Call("removeItem", key)
	return nil
}

// Keys lists the keys in one call, as JSON: a call through syscall/js per
// key (localStorage.key(i)) cost /compare ~150 ms of its start with a
// clip log of 20,000 clips (web/embed-frame.js's memory store lists its
// items the same way).
func (b browserStore) Keys() (keys []string, err error) {
	defer recoverStore(&err)
	w := app.Window()
	list := w.Get("JSON").Call("stringify", w.Get("Object").Call("keys", b.storage())).String()
	err = json.Unmarshal([]byte(list), &keys)
	return keys, err
}
