package cliplog

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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
