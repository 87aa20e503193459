package cliplog

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/aivc/aivc/pricing"
)

// The person's own platform profiles (made, cloned or imported on
// /profiles) live in the same storage as the log, one key per profile:
//
//	aivc.profiles.v1.<id>   the profile, in the catalog's JSON schema
//	                        (catalog.schema.json), with "custom": true
//
// The page (app/customprofiles.go) saves and deletes them; the log reads
// them for its JSON backup (Backup.Profiles) and writes them back when a
// backup is restored (ImportJSON), in the same writes as the clips, so
// that storage filling up midway changes nothing. Clips priced on a
// custom profile name it by its id: a backup without the profile gave a
// new device clips of "a platform this app does not know".

// ProfilePrefix starts the key of every custom profile.
const ProfilePrefix = "aivc.profiles.v1."

// ProfileKey is the storage key of the custom profile id.
func ProfileKey(id string) string { return ProfilePrefix + id }

// LoadProfiles reads every custom profile in s, sorted by id, each decoded
// and validated as the catalog is (pricing.DecodeProfile) and marked
// Custom. A record that cannot be read is returned in bad, and left where
// it is. err is set only when the storage cannot be listed.
func LoadProfiles(s Store) (ps []pricing.Profile, bad []CorruptRecord, err error) {
	keys, err := s.Keys()
	if err != nil {
		return nil, nil, err
	}
	slices.Sort(keys)
	for _, k := range keys {
		id, ok := strings.CutPrefix(k, ProfilePrefix)
		if !ok {
			continue
		}
		raw, found, err := s.Get(k)
		if err != nil || !found {
			if err == nil {
				err = errors.New("the record vanished while reading")
			}
			bad = append(bad, CorruptRecord{Key: k, Err: err})
			continue
		}
		p, err := pricing.DecodeProfile([]byte(raw))
		if err == nil && p.ID != id {
			err = fmt.Errorf("it is stored under %q but its id is %q", id, p.ID)
		}
		if err != nil {
			bad = append(bad, CorruptRecord{Key: k, Raw: raw, Err: err})
			continue
		}
		p.Custom = true
		ps = append(ps, p)
	}
	return ps, bad, nil
}

// EncodeProfile is p as it is stored: compact JSON (json.Marshal's), marked
// custom. The page reads a profile back after saving it and compares it
// with this text.
func EncodeProfile(p pricing.Profile) (string, error) {
	p.Custom = true
	b, err := json.Marshal(p)
	return string(b), err
}

// sameProfile reports whether the stored text saved is the profile in,
// field for field (a hand edit's spacing or key order aside).
func sameProfile(saved string, in pricing.Profile) bool {
	p, err := pricing.DecodeProfile([]byte(saved))
	if err != nil {
		return false
	}
	a, err1 := EncodeProfile(p)
	b, err2 := EncodeProfile(in)
	return err1 == nil && err2 == nil && a == b
}

// FreeName returns name, or "name (2)", "name (3)"… the first that named
// does not hold, within pricing.ProfileMaxString runes: how a second copy
// of a person's own profile is told apart from the first in every list
// (/profiles' import, a backup restored beside a profile with its id).
func FreeName(name string, named func(string) bool) string {
	base := name
	if r := []rune(base); len(r) > pricing.ProfileMaxString-len(" (999)") {
		base = strings.TrimSpace(string(r[:pricing.ProfileMaxString-len(" (999)")]))
	}
	for n := 2; named(name) && n < 1000; n++ {
		name = base + " (" + strconv.Itoa(n) + ")"
	}
	return name
}

// Rename gives p another name (FreeName's "Studio (2)"), and its platform
// too where that was its name, as a blank profile takes both from the
// name typed: the pages that show a profile's platform (/profiles, the
// break-even chart, the exports) showed "Studio" for both copies. A
// platform of its own ("Runway" on "My Runway") is the vendor, and stays.
//
// A copy made before Rename ("Studio (2)" on the platform "Studio", id
// studio-custom, beside "Studio" on "Studio") keeps its platform where it
// is read: the same record comes from a person's own choice too, a
// profile copied on /profiles by importing its own export (as it was
// before such an import became a no-op, SameBut) and kept on the same
// vendor, or a platform typed back in its editor since, and nothing
// stored tells them apart (the profiles have no schema version or date).
// /profiles' import keeps a platform that is a bundled profile's (a
// vendor: "Higgsfield (2)" stays on Higgsfield). Numbered where read, such a platform
// could not be set back; numbered and saved, a person's choice is lost.
// Its editor changes it.
func Rename(p pricing.Profile, name string) pricing.Profile {
	if p.Platform == p.Name {
		p.Platform = name
	}
	p.Name = name
	return p
}

// CopyID reports whether id is one a profile of the id from is given
// where from is taken (a backup restored beside a profile of its id, an
// import on /profiles, a clone): "<from>-custom", then "<from>-custom-2"…,
// from without a "-custom" of its own, cut as moveProfile cuts a long one.
// A link naming from on the device that made it names such a copy here.
func CopyID(from, id string) bool {
	base := strings.TrimSuffix(from, "-custom") + "-custom"
	if len(base) > pricing.ProfileMaxID-4 { // as moveProfile
		base = strings.TrimRight(base[:pricing.ProfileMaxID-4], "-")
	}
	rest, ok := strings.CutPrefix(id, base)
	if !ok || id == from {
		return false
	}
	if rest == "" {
		return true
	}
	num, ok := strings.CutPrefix(rest, "-")
	n, err := strconv.Atoi(num)
	return ok && err == nil && n >= 2 && strconv.Itoa(n) == num
}

// baseName is name without FreeName's number: "My Runway (2)" is "My Runway".
func baseName(name string) string {
	i := strings.LastIndex(name, " (")
	if i < 0 || !strings.HasSuffix(name, ")") {
		return name
	}
	n, err := strconv.Atoi(name[i+2 : len(name)-1])
	if err != nil || n < 2 || strconv.Itoa(n) != name[i+2:len(name)-1] {
		return name
	}
	return name[:i]
}

// SameBut reports whether a and b are one profile but for their ids and
// FreeName's number on the name (and on a platform that is the name:
// Rename): a backup restored beside a profile with its id, restored again,
// or a profile's export imported on /profiles where it is already.
func SameBut(a, b pricing.Profile) bool {
	if baseName(a.Name) != baseName(b.Name) {
		return false
	}
	// A platform that follows the name (Rename) is compared as the name is.
	if a.Platform == a.Name {
		a.Platform = baseName(a.Name)
	}
	if b.Platform == b.Name {
		b.Platform = baseName(b.Name)
	}
	a.ID, a.Name, b.ID, b.Name = "", "", "", ""
	ea, err1 := EncodeProfile(a)
	eb, err2 := EncodeProfile(b)
	return err1 == nil && err2 == nil && ea == eb
}
