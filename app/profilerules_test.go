package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aivc/aivc/pricing"
)

// editorRuleCase breaks one rule of the catalog in the profile editor, as
// a person can with the form (typing, picking, adding or removing an
// item), and says the message the editor shows for it.
type editorRuleCase struct {
	name  string
	start string                  // the profile's JSON; "" for blankProfile
	steps [][2]string             // field path, what is typed or picked
	tweak func(ed *profileEditor) // what a list button does, before the steps
	at    string                  // the field the message is beside; "" above the form
	want  string
}

// editorRuleCases break, one at a time, every rule of pricing's Validate
// that the form can break (editorRuleReach says which those are).
var editorRuleCases = []editorRuleCase{
	{name: "id empty", steps: [][2]string{{"id", ""}}, at: "id", want: "Id is empty."},
	{name: "id not an id", steps: [][2]string{{"id", "My Id"}}, at: "id",
		want: "Id: “My Id” may hold only lower-case letters, digits and single hyphens, like my-platform."},
	{name: "id too long", steps: [][2]string{{"id", strings.Repeat("a", 65)}}, at: "id", want: "Id is longer than 64 characters."},
	{name: "name empty", steps: [][2]string{{"name", ""}}, at: "name", want: "Name is empty."},
	{name: "name too long", steps: [][2]string{{"name", strings.Repeat("a", 501)}}, at: "name", want: "Name is longer than 500 characters."},
	{name: "currency empty", steps: [][2]string{{"currency", ""}}, at: "currency",
		want: "Currency is empty: type the currency's three capital letters, like USD."},
	{name: "currency not a code", steps: [][2]string{{"currency", "us"}}, at: "currency",
		want: "Currency: “us” is not a currency code; type three capital letters, like USD or EUR."},
	{name: "pricing page not https", steps: [][2]string{{"url", "example.com/pricing"}}, at: "url",
		want: "Pricing page: “example.com/pricing” is not a web address starting https:// (leave it empty if there is none)."},
	{name: "api with plans", steps: [][2]string{{"kind", "api"}}, at: "kind",
		want: "Kind: a pay-as-you-go (API) profile has no plans, and this one has plans. Remove them, or keep Credits."},
	{name: "api with packs", tweak: func(ed *profileEditor) {
		ed.tree["plans"] = []any{}
		ed.tree["packs"] = []any{jsonTree(`{"id":"pack-1","name":"Pack","price":"5","credits":"500"}`)}
	}, steps: [][2]string{{"kind", "api"}}, at: "kind",
		want: "Kind: a pay-as-you-go (API) profile has no top-up packs, and this one has packs. Remove them, or keep Credits."},
	{name: "api with a free tier", start: `{"id":"f","name":"F","platform":"F","kind":"credits","currency":"USD","custom":true,
		"free":{"credits":"50","period":"day"},
		"models":[{"id":"m","name":"M","tier":"standard","durations":{"list":[5]},"rates":[{"res":"720p","per_clip":"5"}]}]}`,
		steps: [][2]string{{"kind", "api"}}, at: "kind",
		want: "Kind: a pay-as-you-go (API) profile has no free credits, and this one has a free tier (kept from its JSON). Remove them, or keep Credits."},
	{name: "api with a model's plans", start: modelPlansJSON, tweak: func(ed *profileEditor) { ed.tree["plans"] = []any{} },
		steps: [][2]string{{"kind", "api"}}, at: "kind",
		want: "Kind: a pay-as-you-go (API) profile has no plans, and model 1 names the plans it is sold on (kept from the profile's JSON). Remove them, or keep Credits."},
	{name: "a model's plan removed", start: modelPlansJSON, tweak: func(ed *profileEditor) { ed.tree["plans"] = list(ed.tree["plans"])[1:] },
		want: "Model 1 “M” is sold on plan “pro”, which is no longer in the profile: add the plan back, or export the profile and remove it from the model's plans. (models[0].plans[0])"},
	{name: "too many plans", tweak: func(ed *profileEditor) {
		for range 100 {
			ed.tree["plans"] = append(list(ed.tree["plans"]), jsonTree(`{"id":"p","name":"P","monthly":"1","credits":"1"}`))
		}
	}, want: "Plans has 101 items (at most 100)."},
	{name: "plan name empty", steps: [][2]string{{"plans[0].name", ""}}, at: "plans[0].name", want: "Plan name is empty."},
	{name: "plan without a price", steps: [][2]string{{"plans[0].monthly", ""}}, at: "plans[0].monthly",
		want: "Monthly price (USD) is empty: a plan needs a monthly price, or a price billed yearly."},
	{name: "plan price negative", steps: [][2]string{{"plans[0].monthly", "-3"}}, at: "plans[0].monthly",
		want: "Monthly price (USD) cannot be negative."},
	{name: "plan credits 0", steps: [][2]string{{"plans[0].credits", "0"}}, at: "plans[0].credits", want: "Credits a month must be more than 0."},
	{name: "plan credits too large", steps: [][2]string{{"plans[0].credits", "1234567890123456"}}, at: "plans[0].credits",
		want: "Credits a month is too large."},
	{name: "plan credits too precise", steps: [][2]string{{"plans[0].credits", "0.12345678901234567"}}, at: "plans[0].credits",
		want: "Credits a month has too many decimal places."},
	{name: "plan with a yearly price typed a month billed yearly", start: `{"id":"y","name":"Y","platform":"Y","kind":"credits","currency":"USD","custom":true,
		"plans":[{"id":"p","name":"P","yearly":"100","credits":"100"}],
		"models":[{"id":"m","name":"M","tier":"standard","durations":{"list":[5]},"rates":[{"res":"720p","per_clip":"5"}]}]}`,
		steps: [][2]string{{"plans[0].yearly_per_month", "9"}}, at: "plans[0].yearly_per_month",
		want: "A month, billed yearly (USD): this plan has a yearly price already (kept from the profile's JSON); leave this empty."},
	{name: "pack price 0", tweak: func(ed *profileEditor) {
		ed.tree["packs"] = []any{jsonTree(`{"id":"pack-1","name":"Pack","price":"5","credits":"500"}`)}
	}, steps: [][2]string{{"packs[0].price", "0"}}, at: "packs[0].price", want: "Price (USD) must be more than 0."},
	{name: "no model", tweak: func(ed *profileEditor) { ed.tree["models"] = []any{} },
		want: "Models: a profile needs at least one model; add one with “Add a model”."},
	{name: "model name empty", steps: [][2]string{{"models[0].name", ""}}, at: "models[0].name", want: "Model name is empty."},
	{name: "clip lengths empty", steps: [][2]string{{"models[0].durations", ""}}, at: "models[0].durations",
		want: "Clip lengths (s) is empty: type the lengths a clip can have, like 5, 10, or a range like 2-10."},
	{name: "clip lengths not seconds", steps: [][2]string{{"models[0].durations", "five"}}, at: "models[0].durations",
		want: "Clip lengths (s) must be seconds, like 5, 10, or a range like 2-10."},
	{name: "clip length twice", steps: [][2]string{{"models[0].durations", "5, 5"}}, at: "models[0].durations",
		want: "Clip lengths (s): 5 s is listed twice."},
	{name: "clip lengths out of order", steps: [][2]string{{"models[0].durations", "10, 5"}}, at: "models[0].durations",
		want: "Clip lengths (s): list the lengths from the shortest to the longest, like 5, 10."},
	{name: "clip length 0", steps: [][2]string{{"models[0].durations", "0, 5"}}, at: "models[0].durations",
		want: "Clip lengths (s): a clip length must be more than 0 s."},
	{name: "clip length over an hour", steps: [][2]string{{"models[0].durations", "5, 4000"}}, at: "models[0].durations",
		want: "Clip lengths (s): 4000 s is longer than an hour (3,600 s), the most a profile allows."},
	{name: "clip lengths from 0", steps: [][2]string{{"models[0].durations", "0-10"}}, at: "models[0].durations",
		want: "Clip lengths (s): the shortest must be more than 0."},
	{name: "clip lengths to over an hour", steps: [][2]string{{"models[0].durations", "2-4000"}}, at: "models[0].durations",
		want: "Clip lengths (s): 4000 s is longer than an hour (3,600 s), the most a profile allows."},
	{name: "clip lengths backwards", steps: [][2]string{{"models[0].durations", "10-5"}}, at: "models[0].durations",
		want: "Clip lengths (s) must be a range from the shortest to the longest, like 2-10."},
	{name: "too many clip lengths", steps: [][2]string{{"models[0].durations", manyLengths}}, at: "models[0].durations",
		want: "Clip lengths (s): there are too many; at most 100 are allowed."},
	{name: "per clip 0", steps: [][2]string{{"models[0].rates[0].per_clip", "0"}}, at: "models[0].rates[0].per_clip",
		want: "Credits per clip must be more than 0."},
	{name: "per second 0", steps: [][2]string{{"models[0].rates[0].rule", "per_second"}, {"models[0].rates[0].per_second", "0"}},
		at: "models[0].rates[0].per_second", want: "Credits per second must be more than 0."},
	{name: "clip length priced twice", steps: bucketSteps("5: 20, 5: 40"), at: "models[0].rates[0].buckets",
		want: "Credits by clip length: 5 s is listed twice."},
	{name: "clip length priced not offered", steps: bucketSteps("5: 20, 7: 40"), at: "models[0].rates[0].buckets",
		want: "Credits by clip length: 7 s is not one of the model's clip lengths (5, 10 s); add it to Clip lengths (s), or price another length."},
	{name: "clip length offered not priced", steps: bucketSteps("5: 20"), at: "models[0].rates[0].buckets",
		want: "Credits by clip length: 10 s, one of the model's clip lengths, has no price; add it, like 10: 100."},
	{name: "clip length priced 0 s", steps: bucketSteps("0: 20, 5: 20, 10: 40"), at: "models[0].rates[0].buckets",
		want: "Credits by clip length: a clip length must be more than 0 s."},
	{name: "clip length priced over an hour", steps: bucketSteps("5: 20, 4000: 40"), at: "models[0].rates[0].buckets",
		want: "Credits by clip length: 4000 s is longer than an hour (3,600 s), the most a profile allows."},
	{name: "clip length priced 0", steps: bucketSteps("5: 0, 10: 40"), at: "models[0].rates[0].buckets",
		want: "Credits by clip length at 5 s must be more than 0."},
	{name: "clip lengths priced half typed", steps: bucketSteps("5: 20, 10"), at: "models[0].rates[0].buckets",
		want: "Credits by clip length must be a number, like 30 or 1,200.50."},
	{name: "resolution twice", tweak: func(ed *profileEditor) {
		m := obj(list(ed.tree["models"])[0])
		m["rates"] = append(list(m["rates"]), jsonTree(`{"res":"1080p","per_clip":"80"}`))
	}, steps: [][2]string{{"models[0].rates[1].res", "720p"}}, at: "models[0].rates[1].res",
		want: "Resolution: 720p has a price already, in rate 1; pick another resolution."},
	{name: "resolution of a multiplier", start: multiplierJSON, tweak: func(ed *profileEditor) {
		m := obj(list(ed.tree["models"])[0])
		m["rates"] = append(list(m["rates"]), jsonTree(`{"res":"4k","per_second":"1"}`))
	}, steps: [][2]string{{"models[0].rates[1].res", "1080p"}}, at: "models[0].rates[1].res",
		want: "Resolution: 1080p has a price already, as a multiple of rate 1's (kept from the profile's JSON); pick another resolution."},
	{name: "clip lengths shorter than a base price's", start: baseJSON, steps: [][2]string{{"models[0].durations", "3, 4"}},
		at:   "models[0].durations",
		want: "Clip lengths (s): rate 1's price is for the first 5 s of a clip, so the longest length must be 5 s or more."},
}

// A profile whose model is sold on its plans (a field of the JSON the
// form does not show).
const modelPlansJSON = `{"id":"mp","name":"MP","platform":"MP","kind":"credits","currency":"USD","custom":true,
	"plans":[{"id":"pro","name":"Pro","monthly":"10","credits":"100"},{"id":"max","name":"Max","monthly":"20","credits":"300"}],
	"models":[{"id":"m","name":"M","tier":"standard","durations":{"list":[5]},"rates":[{"res":"720p","per_clip":"5"}],"plans":["pro"]}]}`

// A model priced at 720p with 1080p as a multiple of it (fal's Luma
// Ray2), and one priced by a base for its first 5 s (fal's Kling).
const (
	multiplierJSON = `{"id":"mu","name":"MU","platform":"MU","kind":"api","currency":"USD","custom":true,
	"models":[{"id":"m","name":"M","tier":"standard","durations":{"list":[5]},"rates":[{"res":"720p","per_second":"1"}],
	"multipliers":[{"res":"1080p","factor":"2"}]}]}`
	baseJSON = `{"id":"b","name":"B","platform":"B","kind":"api","currency":"USD","custom":true,
	"models":[{"id":"m","name":"M","tier":"standard","durations":{"min":5,"max":10},
	"rates":[{"res":"720p","base":{"seconds":5,"units":"0.21","per_extra_second":"0.042"}}]}]}`
)

// manyLengths is 101 clip lengths, one more than a profile may list.
var manyLengths = func() string {
	s := make([]string, 101)
	for i := range s {
		s[i] = strconv.Itoa(i + 1)
	}
	return strings.Join(s, ", ")
}()

// bucketSteps prices the blank profile's model by clip length, 5 or 10 s,
// as typed.
func bucketSteps(typed string) [][2]string {
	return [][2]string{{"models[0].durations", "5, 10"}, {"models[0].rates[0].rule", "buckets"},
		{"models[0].rates[0].buckets", typed}}
}

// jsonWords are the words of the catalog's file, not of the form: a path
// ("rates[0]", "per_second"), a quoted value, a JSON field's name or
// value ("min", "api", "bucket", "offered duration"), "want …".
var jsonWords = regexp.MustCompile(`[_\[\]"]|\bwant\b|\bapi\b|\bmin\b|\bmax\b|bucket|offered|\bduration`)

// TestEditorRuleWords: every message the profile editor shows for a broken
// rule reads as a sentence in the form's words, naming the field as the
// form labels it. Pricing's messages are the catalog file's ("duplicate
// bucket for 5 s (also buckets[0])", "is empty (want a list or a min and
// a max)", "an api profile has no plans"), and they reached the person
// in the editor. Above the form, a rule about what only the JSON holds
// may end with its path, to find in the exported file.
func TestEditorRuleWords(t *testing.T) {
	for _, tc := range editorRuleCases {
		t.Run(tc.name, func(t *testing.T) {
			p := blankProfile(never)
			if tc.start != "" {
				var err error
				if p, err = pricing.DecodeProfile([]byte(tc.start)); err != nil {
					t.Fatal(err)
				}
			}
			ed, err := newProfileEditor(p, "")
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := ed.check(); !ok {
				t.Fatalf("the profile is broken before the case: %v %q", ed.errs, ed.general)
			}
			if tc.tweak != nil {
				tc.tweak(ed)
				ed.check()
			}
			for _, s := range tc.steps {
				ed.set(editorField(t, ed, s[0]), s[1])
			}
			got := ed.general
			if tc.at != "" {
				got = ed.errs[tc.at]
				if ed.general != "" || len(ed.errs) != 1 {
					t.Errorf("besides %s: %q and %v", tc.at, ed.general, ed.errs)
				}
			}
			if got != tc.want {
				t.Errorf("shows %q\n                     want %q", got, tc.want)
			}
			words := regexp.MustCompile(` \([a-z0-9_.\[\]]+\)$`).ReplaceAllString(strings.TrimSuffix(got, "."), "")
			if m := jsonWords.FindString(words); m != "" {
				t.Errorf("%q has the file's words (%q)", got, m)
			}
		})
	}
}

// editorRuleReach holds each message of pricing's Validate (its format) to
// the case of editorRuleCases that breaks it in the form, or to the
// reason the form cannot break it. A rule added to pricing fails
// TestEditorRulesCovered until its words in the form are decided.
var editorRuleReach = map[string]string{
	"is empty":                     "case name empty",
	"is longer than %d characters": "case name too long",
	"%q is not a valid id (use a-z, 0-9 and single hyphens, like \"gen-4-turbo\")": "case id not an id",
	"is empty (want a currency code like USD)":                                     "case currency empty",
	"%q is not a currency code (want 3 upper-case letters, like USD)":              "case currency not a code",
	"%q is not an https:// address":                                                "case pricing page not https",
	"an api profile has no plans (its models cost money directly)":                 "case api with plans",
	"an api profile has no packs (its models cost money directly)":                 "case api with packs",
	"an api profile has no free credits (its models cost money directly)":          "case api with a free tier",
	"an api profile has no plans":                                                  "case api with a model's plans",
	"unknown plan %q":                                                              "case a model's plan removed",
	"has %d items (at most %d)":                                                    "case too many clip lengths",
	"is missing (a plan needs a monthly or a yearly price)":                        "case plan without a price",
	"set yearly or yearly_per_month, not both":                                     "case plan with a yearly price typed a month billed yearly",
	"is empty (a profile needs at least one model)":                                "case no model",
	"is empty (want a list or a min and a max)":                                    "case clip lengths empty",
	"must be longer than the one before (%d s)":                                    "case clip length twice",
	"must be more than 0":                                                          "case clip length 0",
	"is more than %d s":                                                            "case clip length over an hour",
	"is more than max (%d s)":                                                      "not from the form: a range typed backwards is refused as typed (case clip lengths backwards)",
	"duplicate bucket for %d s (also buckets[%d])":                                 "case clip length priced twice",
	"%d s is not an offered duration (%s)":                                         "case clip length priced not offered",
	"has no bucket for %d s, an offered duration":                                  "case clip length offered not priced",
	"duplicate resolution %q (also %s)":                                            "case resolution twice",
	"is longer than the longest offered duration (%d s)":                           "case clip lengths shorter than a base price's",
	"is too large (at most %d digits before the decimal point)":                    "not from the form: its numbers are refused as typed first (case plan credits too large)",
	"has more than %d decimal places":                                              "not from the form: its numbers are refused as typed first (case plan credits too precise)",
	"cannot be negative":                                                           "not from the form: its numbers are refused as typed first (case plan price negative)",
	"is empty (want credits or api)":                                               "not from the form: Kind is a picker",
	"unknown kind %q (want credits or api)":                                        "not from the form: Kind is a picker",
	"unknown tier %q (want fast, standard or premium)":                             "not from the form: Tier is a picker",
	"is empty (want 360p, 480p, 540p, 720p, 1080p or 4k)":                          "not from the form: Resolution is a picker",
	"unknown resolution %q (want 360p, 480p, 540p, 720p, 1080p or 4k)":             "not from the form: Resolution is a picker",
	"has both a list and a min-max range (want one)":                               "not from the form: Clip lengths (s) is a list or a range",
	"needs a rule: per_second, buckets, base, per_clip or per_megapixel":           "not from the form: Priced sets one rule (case clip lengths priced half typed)",
	"is set with %s (want exactly one rule per rate)":                              "not from the form: Priced sets one rule",
	"duplicate id %q (also %s[%d])":                                                "not from the form: it shows no plan, pack or model ids, and Add makes a free one",
	"is empty (want an https:// address)":                                          "not from the form: a profile's own may have no pricing page, and sources are the JSON's",
	"is empty (want the date the source was read, YYYY-MM-DD)":                     "not from the form: sources are the JSON's",
	"%q is not a date (want YYYY-MM-DD)":                                           "not from the form: sources are the JSON's",
	"is empty (want official, secondary or derived)":                               "not from the form: sources are the JSON's",
	"unknown evidence %q (want official, secondary or derived)":                    "not from the form: sources are the JSON's",
	"needs bonus_percent or intro_price":                                           "not from the form: promotions are the JSON's",
	"is more than %d":                                                              "not from the form: promotions, packs' days, multipliers, add-ons and per-megapixel sizes are the JSON's",
	"needs bonus_percent":                                                          "not from the form: promotions are the JSON's",
	"must be more than 0 when intro_price is set":                                  "not from the form: promotions are the JSON's",
	"needs intro_price":                                                            "not from the form: promotions are the JSON's",
	"cannot be negative (0 means the credits never expire)":                        "not from the form: a pack's days are the JSON's",
	"cannot be set with valid_days (the period is stated)":                         "not from the form: its Credits last picker sets one and clears the other",
	"unknown period %q (want once, day or month)":                                  "not from the form: the free tier is the JSON's",
	"needs rates[0] to multiply":                                                   "not from the form: a model keeps a rate (Remove is disabled on its last)",
	"duplicate add-on kind %q (also addons[%d])":                                   "not from the form: add-ons are the JSON's",
	"an audio add-on needs audio \"addon\" (audio is %s)":                          "not from the form: add-ons are the JSON's",
	"is \"addon\" but the model has no add-on of kind audio":                       "not from the form: add-ons are the JSON's",
	"unknown audio %q (want none, included, addon or unpriced, or leave it out)":   "not from the form: add-ons are the JSON's",
	"duplicate plan %q":                                                            "not from the form: a model's plans are the JSON's",
	"is only for per_megapixel":                                                    "not from the form: per-megapixel rates are the JSON's",
	"unknown add-on kind %q (want audio, upscale, lip_sync or extend)":             "not from the form: add-ons are the JSON's",
	"needs a price: per_clip, per_second, block or factor":                         "not from the form: add-ons are the JSON's",
	"is set with %s (want exactly one price per add-on)":                           "not from the form: add-ons are the JSON's",
}

// TestEditorRulesCovered reads pricing's Validate and fails on a message
// editorRuleReach does not hold to a case or a reason, or a case it names
// that is not in editorRuleCases.
func TestEditorRulesCovered(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "../pricing/validate.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		var arg ast.Expr
		switch fun := call.Fun.(type) {
		case *ast.SelectorExpr:
			switch {
			case (fun.Sel.Name == "fail" || fun.Sel.Name == "failf") && len(call.Args) >= 3:
				arg = call.Args[2]
			case (fun.Sel.Name == "New" || fun.Sel.Name == "Errorf") && len(call.Args) >= 1:
				arg = call.Args[0]
			}
		}
		lit, ok := arg.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		msg, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Fatal(err)
		}
		seen++
		reach, ok := editorRuleReach[msg]
		if !ok {
			t.Errorf("%s: pricing's rule %q: say how the editor words it (a case of editorRuleCases) or why the form cannot break it", fset.Position(lit.Pos()), msg)
			return true
		}
		if name, isCase := strings.CutPrefix(reach, "case "); isCase && !hasRuleCase(name) {
			t.Errorf("rule %q: no case %q", msg, name)
		}
		return true
	})
	if seen < 50 {
		t.Errorf("read %d messages of pricing/validate.go: it is not read as it is written", seen)
	}
}

func hasRuleCase(name string) bool {
	for _, c := range editorRuleCases {
		if c.name == name {
			return true
		}
	}
	return false
}
