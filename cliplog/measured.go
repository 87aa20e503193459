package cliplog

import (
	"encoding/json"
	"strings"
)

// MeasuredKey keeps MeasureRetakes of every entry, with a stamp of the
// entries it was measured from, so that the pages that offer the measured
// generations per kept clip need not read the whole log at start: with
// 20,000 entries, that read added seconds to every start of /compare
// (docs/performance.md, "What was done"). Entries are never changed in place by the app (no page calls
// Update, and an import keeps the saved entry of an ID), so the same IDs
// hold the same clips, and any add, delete, restore, import or migration
// changes the stamp; the log page also keeps the key current after every
// change. Older versions of the app read the key as an unknown record of
// the log and ignore it.
const MeasuredKey = v1Prefix + "measured"

// measuredValue is MeasuredKey's value: the stamp of the entries measured
// and the figures, {"n":2,"h":11532…,"rs":[{"p":"runway",…}]}.
type measuredValue struct {
	idStamp
	Rs []Retakes `json:"rs"`
}

// idStamp identifies a set of entry IDs in any order: how many there are
// and the sum of their 64-bit FNV-1a hashes.
type idStamp struct {
	N   uint64 `json:"n"`
	Sum uint64 `json:"h"`
}

func (s *idStamp) add(id string) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint64(id[i])) * 1099511628211
	}
	s.N++
	s.Sum += h
}

// Measured returns MeasureRetakes of the log in s: from MeasuredKey when it
// was measured from the entries s holds now, else by reading the log, and
// then it keeps them there for next time (KeepMeasured). A store without a
// log gives nil, and nothing is read or written.
func Measured(s Store) []Retakes {
	keys, err := s.Keys()
	if err != nil {
		return nil
	}
	var st idStamp
	legacy := false
	for _, k := range keys {
		if id, ok := strings.CutPrefix(k, EntryPrefix); ok {
			st.add(id)
		}
		legacy = legacy || k == LegacyKey
	}
	if st.N == 0 && !legacy {
		return nil
	}
	if v, ok, err := s.Get(MeasuredKey); err == nil && ok && !legacy {
		var c measuredValue
		if json.Unmarshal([]byte(v), &c) == nil && c.idStamp == st && checkMeasured(c.Rs) {
			return c.Rs
		}
	}
	l, _, err := Open(s) // migrates schema 0, sets unreadable entries aside
	es := l.Entries()
	rs := MeasureRetakes(es)
	if err == nil {
		KeepMeasured(s, es, rs)
	}
	return rs
}

// checkMeasured reports whether rs could be MeasureRetakes' (sorted, every
// count possible) and sets each PerKept, which MeasuredKey does not hold.
func checkMeasured(rs []Retakes) bool {
	for i := range rs {
		r := &rs[i]
		if r.Generations < 1 || r.Kept < 0 || r.Kept > r.Generations ||
			i > 0 && !(rs[i-1].ProfileID < r.ProfileID || rs[i-1].ProfileID == r.ProfileID && rs[i-1].ModelID < r.ModelID) {
			return false
		}
		r.setPerKept()
	}
	return true
}

// KeepMeasured stores rs, measured from es (all the log's entries), in
// MeasuredKey for Measured to return while the log holds the same entries.
// It writes nothing when the key already holds them, and removes the key
// when the log is empty. A failed write only costs the next Measured a
// full read, so its error is not returned.
func KeepMeasured(s Store, es []Entry, rs []Retakes) {
	if len(es) == 0 {
		_ = s.Del(MeasuredKey)
		return
	}
	var st idStamp
	for i := range es {
		st.add(es[i].ID)
	}
	b, err := json.Marshal(measuredValue{st, rs})
	if v, _, _ := s.Get(MeasuredKey); err != nil || v == string(b) {
		return
	}
	_ = s.Set(MeasuredKey, string(b))
}
