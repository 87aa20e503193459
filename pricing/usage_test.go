package pricing

import (
	"errors"
	"strings"
	"testing"
)

// Models used by the usage tables, in the catalog's JSON.
const (
	perSecond = `{"name":"Gen-4 Turbo","tier":"fast","durations":{"min":2,"max":10},
		"rates":[{"res":"720p","per_second":"5"}]}`
	buckets = `{"name":"Kling","tier":"standard","durations":{"list":[5,10]},
		"rates":[{"res":"720p","buckets":[{"seconds":5,"units":"50"},{"seconds":10,"units":"100"}]}]}`
	hailuo = `{"name":"Hailuo 02","tier":"standard","durations":{"list":[6,10]},
		"rates":[{"res":"720p","label":"768P","buckets":[{"seconds":6,"units":"25"},{"seconds":10,"units":"50"}]},
		         {"res":"1080p","label":"1080P","durations":{"list":[6]},"buckets":[{"seconds":6,"units":"80"}]}]}`
	base = `{"name":"fal Kling","tier":"standard","durations":{"min":5,"max":10},
		"rates":[{"res":"1080p","base":{"seconds":5,"units":"1.40","per_extra_second":"0.28"}}]}`
	perClip = `{"name":"Flat","tier":"fast","durations":{"list":[5]},"rates":[{"res":"720p","per_clip":"20"}]}`
	luma    = `{"name":"Ray2","tier":"standard","durations":{"list":[5,9]},"rates":[
		{"res":"540p","per_megapixel":"0.0064","width":960,"height":540,"fps":24},
		{"res":"720p","per_megapixel":"0.0064","width":1280,"height":720,"fps":24},
		{"res":"1080p","per_megapixel":"0.0064","width":1920,"height":1080,"fps":24},
		{"res":"4k","per_megapixel":"0.0064","width":3840,"height":2160,"fps":24}]}`
	multiplied = `{"name":"fal Luma","tier":"standard","durations":{"list":[5,9]},
		"rates":[{"res":"540p","buckets":[{"seconds":5,"units":"0.50"},{"seconds":9,"units":"1.00"}]}],
		"multipliers":[{"res":"720p","factor":"2"},{"res":"1080p","label":"Full HD","factor":"4"}]}`
	audioNone      = `{"tier":"fast","audio":"none","durations":{"min":1,"max":10},"rates":[{"res":"720p","per_second":"10"}]}`
	audioNotStated = `{"tier":"fast","durations":{"min":1,"max":10},"rates":[{"res":"720p","per_second":"10"}]}`
	audioIncluded  = `{"tier":"fast","audio":"included","durations":{"min":1,"max":10},"rates":[{"res":"720p","per_second":"10"}]}`
	audioUnpriced  = `{"tier":"fast","audio":"unpriced","durations":{"min":1,"max":10},"rates":[{"res":"720p","per_second":"10"}]}`
	audioAddon     = `{"tier":"fast","audio":"addon","durations":{"min":1,"max":10},"rates":[{"res":"720p","per_second":"10"}],
		"addons":[{"kind":"audio","name":"Audio","per_second":"2"},
		          {"kind":"upscale","name":"Upscale","block":{"seconds":5,"units":"10"}},
		          {"kind":"lip_sync","name":"Lip sync","per_clip":"4"}]}`
	audioFactor = `{"tier":"premium","audio":"addon","durations":{"list":[5,10]},"rates":[{"res":"1080p","per_second":"7"}],
		"addons":[{"kind":"audio","name":"Audio","factor":"2"},
		          {"kind":"upscale","name":"Upscale","factor":"1.5"},
		          {"kind":"lip_sync","name":"Lip sync","per_second":"0.3","round_up":true}]}`
	minCharge = `{"tier":"fast","durations":{"min":1,"max":20},"rates":[{"res":"720p","per_second":"1"}],"min_charge":"10"}`
	roundUp   = `{"tier":"fast","durations":{"min":1,"max":20},"rates":[{"res":"720p","per_second":"1.25"}],"round_up":true}`
	minRound  = `{"tier":"fast","durations":{"min":1,"max":20},"rates":[{"res":"720p","per_second":"0.3"}],
		"min_charge":"2.5","round_up":true}`
	unpriced = `{"tier":"standard","durations":{"list":[5]},"rates":[]}`
	noRule   = `{"tier":"standard","durations":{"list":[5]},"rates":[{"res":"720p"}]}`
	anyLen   = `{"tier":"standard","rates":[{"res":"720p","per_second":"3"}]}`
)

func TestUsage(t *testing.T) {
	tests := []struct {
		model, shot         string
		units, paid, unused string
	}{
		// Per second × paid seconds; a range rounds up to whole seconds,
		// at least the minimum.
		{perSecond, "10 720p", "50", "10", "0"},
		{perSecond, "5 720p", "25", "5", "0"},
		{perSecond, "7.5 720p", "40", "8", "0.5"},
		{perSecond, "1 720p", "10", "2", "1"},
		{perSecond, "0.2 720p", "10", "2", "1.8"},
		{perSecond, "10", "50", "10", "0"}, // no resolution: the first rate

		// Duration buckets: the shortest bucket at least as long.
		{buckets, "5 720p", "50", "5", "0"},
		{buckets, "7 720p", "100", "10", "3"},
		{buckets, "4.5 720p", "50", "5", "0.5"},
		{buckets, "10 720p", "100", "10", "0"},
		{hailuo, "6 720p", "25", "6", "0"},
		{hailuo, "8 720p", "50", "10", "2"},
		{hailuo, "3 1080p", "80", "6", "3"}, // Rate.Durations overrides

		// Base price plus a price per extra second.
		{base, "5 1080p", "1.40", "5", "0"},
		{base, "10 1080p", "2.80", "10", "0"},
		{base, "7 1080p", "1.96", "7", "0"},
		{base, "2 1080p", "1.40", "5", "3"},

		// Flat per clip.
		{perClip, "5 720p", "20", "5", "0"},
		{perClip, "3 720p", "20", "5", "2"},

		// Pixel volume: $0.0064 per Mpx of width × height × fps × seconds.
		{luma, "5 540p", "0.3981312", "5", "0"},
		{luma, "5 720p", "0.7077888", "5", "0"},
		{luma, "5 1080p", "1.5925248", "5", "0"},
		{luma, "5 4k", "6.3700992", "5", "0"},
		{luma, "9 540p", "0.71663616", "9", "0"},
		{luma, "6 540p", "0.71663616", "9", "3"},

		// Resolution multipliers: factor × the first rate.
		{multiplied, "5 540p", "0.50", "5", "0"},
		{multiplied, "5 720p", "1.00", "5", "0"},
		{multiplied, "5 1080p", "2.00", "5", "0"},
		{multiplied, "7 1080p", "4.00", "9", "2"},

		// Add-ons.
		{audioIncluded, "5 720p +audio", "50", "5", "0"},
		{audioAddon, "5 720p +audio", "60", "5", "0"},    // + 2/s × 5 s
		{audioAddon, "5 720p +upscale", "60", "5", "0"},  // + 10 per started 5 s
		{audioAddon, "6 720p +upscale", "80", "6", "0"},  // 2 blocks
		{audioAddon, "5 720p +lip_sync", "54", "5", "0"}, // + 4 per clip
		{audioAddon, "5 720p +audio +upscale +lip_sync", "74", "5", "0"},
		{audioAddon, "5 720p +audio +audio", "60", "5", "0"},      // asked twice, priced once
		{audioFactor, "5 1080p +audio", "70", "5", "0"},           // × 2
		{audioFactor, "5 1080p +audio +upscale", "105", "5", "0"}, // × 2 × 1.5
		{audioFactor, "5 1080p +lip_sync", "37", "5", "0"},        // 35 + ceil(1.5)
		{audioFactor, "5 1080p +audio +lip_sync", "72", "5", "0"}, // factors leave add-ons alone

		// Minimum charge, then rounding up to whole units.
		{minCharge, "2 720p", "10", "2", "0"},
		{minCharge, "15 720p", "15", "15", "0"},
		{roundUp, "5 720p", "7", "5", "0"}, // 6.25 → 7
		{roundUp, "4 720p", "5", "4", "0"},
		{minRound, "3 720p", "3", "3", "0"},   // 0.9 → min 2.5 → 3
		{minRound, "10 720p", "3", "10", "0"}, // 3 exactly

		// No durations (custom models): any length, paid as asked.
		{anyLen, "7.5 720p", "22.5", "7.5", "0"},
	}
	for _, tt := range tests {
		m := model(t, tt.model)
		name := m.Name + " " + tt.shot
		u, err := m.Usage(shot(t, tt.shot))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !eq(t, u.Units, tt.units) || !eq(t, u.PaidSeconds, tt.paid) || !eq(t, u.UnusedSeconds, tt.unused) {
			t.Errorf("%s: units %s paid %s unused %s, want %s %s %s", name,
				u.Units, u.PaidSeconds, u.UnusedSeconds, tt.units, tt.paid, tt.unused)
		}
	}
}

func TestUsageNotOffered(t *testing.T) {
	tests := []struct {
		model, shot, reason string
	}{
		// Durations.
		{perSecond, "11 720p", "11 s not offered at 720p (longest is 10 s)"},
		{perSecond, "10.5 720p", "10.5 s not offered at 720p (longest is 10 s)"},
		{buckets, "12 720p", "12 s not offered at 720p (longest is 10 s)"},
		{hailuo, "10 1080p", "10 s not offered at 1080p (longest is 6 s)"},
		// Resolutions.
		{hailuo, "6 4k", "4K not offered (720p, 1080p)"},
		{multiplied, "5 4k", "4K not offered (540p, 720p, 1080p)"},
		{perSecond, "5 8k", "8k not offered (720p)"},
		// Add-ons.
		{audioNone, "5 720p +audio", "no native audio"},
		// It makes audio, but no source prices it: not priced as if silent.
		{audioUnpriced, "5 720p +audio", "native audio credit cost not published"},
		// No source says whether it makes audio (the field left out): not
		// priced as if silent, nor said to be silent.
		{audioNotStated, "5 720p +audio", "native audio not stated by its source"},
		{audioNone, "5 720p +upscale", "no upscale"},
		{audioNone, "5 720p +lip_sync", "no lip sync"},
		{audioAddon, "5 720p +extend", "no extend"},
		{audioIncluded, "5 720p +audio +extend", "no extend"},
		// Prices.
		{unpriced, "5 720p", "credit cost not published"},
		{noRule, "5 720p", "credit cost not published"},
	}
	for _, tt := range tests {
		m := model(t, tt.model)
		_, err := m.Usage(shot(t, tt.shot))
		var e *NotOfferedError
		if !errors.As(err, &e) || !errors.Is(err, ErrNotOffered) {
			t.Errorf("%s %s: err %v, want not offered", m.Name, tt.shot, err)
			continue
		}
		if e.Reason != tt.reason || e.Model != m.ID {
			t.Errorf("%s %s: %q (model %q), want %q", m.Name, tt.shot, e.Reason, e.Model, tt.reason)
		}
	}
}

func TestUsageBadShot(t *testing.T) {
	m := model(t, perSecond)
	tests := []struct {
		shot string
		want string
		err  error
	}{
		{"0 720p", "Duration must be more than 0", ErrZero},
		{"-5 720p", "Duration cannot be negative", ErrNegative},
		{"5 720p x0.5", "Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3", ErrBelowOne},
		{"5 720p x-1", "Generations per kept clip cannot be negative", ErrNegative},
		// A slip of the keyboard would price a month in billions.
		{"5 720p x1000000", "Generations per kept clip must be at most 1,000", ErrTooManyTakes},
		{"5 720p x1000.01", "Generations per kept clip must be at most 1,000", ErrTooLarge},
	}
	for _, tt := range tests {
		_, err := m.Usage(shot(t, tt.shot))
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, tt.err) || err.Error() != tt.want {
			t.Errorf("%s: %v, want %q", tt.shot, err, tt.want)
		}
	}
}

func TestUsageLines(t *testing.T) {
	tests := []struct {
		model, shot string
		lines       string
	}{
		{perSecond, "10 720p", "Gen-4 Turbo: 5 credits/s × 10 s = 50 credits"},
		{perSecond, "7.5 720p", "Gen-4 Turbo: 5 credits/s × 8 s = 40 credits | 7.5 s asked: paid 8 s, 0.5 s unused"},
		{buckets, "7 720p", "Kling: 10 s clip = 100 credits | 7 s asked: paid 10 s, 3 s unused"},
		{base, "7 1080p", "fal Kling: 1.4 credits for the first 5 s + 0.28 credits/s × 2 s = 1.96 credits"},
		{perClip, "5 720p", "Flat: 20 credits per clip"},
		{luma, "5 540p", "Ray2: 960×540 × 24 fps × 5 s = 62.208 Mpx × 0.0064 credits/Mpx = 0.3981312 credits"},
		{multiplied, "5 1080p", "fal Luma: 5 s clip = 0.5 credits | 1080p = 4 × 540p: 4 × 0.5 credits = 2 credits"},
		{audioAddon, "5 720p +audio +upscale", "M: 10 credits/s × 5 s = 50 credits | + native audio: 2 credits/s × 5 s = 10 credits | + upscale: 10 credits per 5 s × 1 = 10 credits"},
		{audioFactor, "5 1080p +audio", "M: 7 credits/s × 5 s = 35 credits | + native audio: × 2 the clip = 35 credits"},
		{audioIncluded, "5 720p +audio", "M: 10 credits/s × 5 s = 50 credits | + native audio: included"},
		{minCharge, "2 720p", "M: 1 credits/s × 2 s = 2 credits | minimum charge: 10 credits"},
		{roundUp, "5 720p", "M: 1.25 credits/s × 5 s = 6.25 credits | rounded up to 7 credits"},
	}
	for _, tt := range tests {
		m := model(t, tt.model)
		u, err := m.Usage(shot(t, tt.shot))
		if err != nil {
			t.Errorf("%s %s: %v", m.Name, tt.shot, err)
			continue
		}
		if got := strings.Join(u.Lines, " | "); got != tt.lines {
			t.Errorf("%s %s:\n got %s\nwant %s", m.Name, tt.shot, got, tt.lines)
		}
	}
}

func TestUsageLabel(t *testing.T) {
	tests := []struct{ model, shot, label string }{
		{hailuo, "6 720p", "768P"},
		{hailuo, "6 1080p", "1080P"},
		{multiplied, "5 1080p", "Full HD"},
		{multiplied, "5 720p", "720p"},
	}
	for _, tt := range tests {
		u, err := model(t, tt.model).Usage(shot(t, tt.shot))
		if err != nil || u.Label != tt.label {
			t.Errorf("%s: label %q (%v), want %q", tt.shot, u.Label, err, tt.label)
		}
	}
}

// TestUsageAudioNotSet: a person's own profile (Custom) whose model says
// nothing of audio has no source to have said it, so a shot with audio on
// it says the profile does not set it; the bundled profile's words stay.
func TestUsageAudioNotSet(t *testing.T) {
	for _, tt := range []struct {
		custom bool
		want   string
	}{
		{false, "native audio not stated by its source"},
		{true, "native audio not set in your profile"},
	} {
		p := Profile{ID: "p", Name: "P", Custom: tt.custom, Models: []Model{model(t, audioNotStated)}}
		_, err := p.Usage("m", shot(t, "5 720p +audio"))
		var e *NotOfferedError
		if !errors.As(err, &e) || e.Reason != tt.want {
			t.Errorf("custom %v: %v, want %q", tt.custom, err, tt.want)
		}
	}
}
