package app

import (
	"fmt"
	htmlpkg "html"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// Fuzz targets for the doors of every page: the state a link carries in
// its fragment (or query). Each page turns url.Values into its state
// (calcState, compareState, planState and parseMix, parseEmbedOptions, the
// profiles page's q) and its state back into a link (linkValues,
// formatLinkState, withLinkState). For any address a browser can hold:
//
//   - nothing panics, in the page's state or its render;
//   - the page shows no raw number text ("NaN", "Inf", "<nil>", "%!") that
//     the link did not bring, and every data-value it writes is a decimal;
//   - state → link → state is stable: the link the page writes, read back
//     through url.Parse as a browser gives it, makes the same state, which
//     writes the same link.
//
// The seed corpora are in testdata/fuzz (AIVC_WRITE_FUZZ_SEEDS=1 go test
// -run TestWriteStateFuzzSeeds ./app rewrites them from the seeds below).

// hostileValues are the values the browser tests type and link too.
var hostileValues = []string{
	"", " ", "0", "-5", "1e400", "99999999999999999999", "0.00000000000000000001",
	"١٢٣", "３０", "NaN", "Infinity", "-Inf", "<nil>", "%!d(MISSING)",
	"<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`, "%00", "%", "%zz", "%E2%82", "\x00", "\xff",
	"1,2,3", "$-5", "€", "3 000", strings.Repeat("9", 400),
}

// stateSeeds are fragments (after "#") every page's fuzz target starts from.
func stateSeeds() []string {
	seeds := []string{
		"", "price=30&credits=3000&clip=50&dur=5", "price=$30&credits=3,000&clip=50&dur=5&takes=2&clips=10",
		"ppc=0.01&cps=10&dur=8&cur=EUR&bonus=20&bonus_cap=500",
		"profile=runway&plan=standard&billing=yearly&model=gen-4-turbo&res=720p&dur=10",
		"profile=veo-api&model=veo-3&res=1080p&dur=8",
		"dur=10&res=1080p&tier=any&takes=1&billing=monthly&audio=1&upscale=0&platforms=runway,kling&cur=EUR&rate=0.9",
		"mix=hero:20:5:1080p:premium:1.5,broll:100:5:720p:any:1&billing=cheapest&cur=EUR",
		"mix=a:1:2:720p&billing=yearly", "mix=,,,", "mix=" + strings.Repeat("r:1:1:720p:any,", 25),
		"view=compare&theme=dark&accent=ff5500", "view=Compare&theme=LIGHT&accent=%23F50", "q=runway", "q=%20Veo%203%20",
		"price=%zz&dur=%", "price=%E2%82%AC15", "dur=5&dur=10", "=5&&dur=5&", "flag&dur=5",
	}
	for _, v := range hostileValues {
		seeds = append(seeds, "price="+url.QueryEscape(v)+"&dur="+url.QueryEscape(v)+"&profile="+url.QueryEscape(v))
	}
	// /plan's rows with native audio, with and without takes, and bad ones.
	seeds = append(seeds, "mix=hero:10:8:720p:standard:1:audio,broll:100:5:720p:any::audio", "mix=a:1:5:720p:any:1:%3Cnil%3E,b:1:5:720p:any::audio:x")
	// And upscaled, with and without audio, and a bad one.
	seeds = append(seeds, "mix=hero:10:5:720p:standard:1::upscale,broll:10:5:720p:any:~2:audio:upscale", "mix=a:1:5:720p:any:1::%3Cnil%3E")
	return seeds
}

// fuzzURL returns the address a browser at "/path#frag" gives go-app: the
// page's href, repaired by GuardBrowser, then parsed.
func fuzzURL(t *testing.T, path, frag string) *url.URL {
	t.Helper()
	href := repairURL("http://127.0.0.1:8080" + path + "#" + frag)
	u, err := url.Parse(href)
	if err != nil {
		t.Fatalf("repairURL left %q unparsable: %v", href, err)
	}
	return u
}

// reread writes v as the page's link, as the browser holds it after
// ReplaceURL, and reads it back as go-app would.
func reread(t *testing.T, path string, v url.Values, order []string) *url.URL {
	t.Helper()
	u := withLinkState(&url.URL{Scheme: "http", Host: "127.0.0.1:8080", Path: path}, v, order)
	back, err := url.Parse(u.String())
	if err != nil {
		t.Fatalf("the page wrote an unparsable link %q: %v", u.String(), err)
	}
	return back
}

var (
	// rawWords are texts no page may show unless the link brought them: a
	// float's NaN or infinity, a nil printed, a fmt verb gone wrong, a panic.
	rawWords = regexp.MustCompile(`\bNaN\b|\b[+-]?Inf(inity)?\b|<nil>|%!|\bpanic\b|\bundefined\b`)
	// rawHints are plain substrings of rawWords, to skip the (slow) regexp
	// on text that cannot match.
	rawHints = []string{"NaN", "Inf", "<nil>", "%!", "panic", "undefined"}
)

// findRaw returns the raw words in s.
func findRaw(s string) []string {
	for _, h := range rawHints {
		if strings.Contains(s, h) {
			return rawWords.FindAllString(s, -1)
		}
	}
	return nil
}

// numberAttrs returns the attributes of html that hold exact numbers
// (data-value, data-cost-per-second, data-monthly-cost…), name and value.
func numberAttrs(html string) [][2]string {
	var out [][2]string
	for rest := html; ; {
		i := strings.Index(rest, " data-")
		if i < 0 {
			return out
		}
		rest = rest[i+1:]
		eq := strings.Index(rest, `="`)
		if eq < 0 {
			return out
		}
		name := rest[:eq]
		if strings.ContainsAny(name, " <>") {
			continue
		}
		end := strings.IndexByte(rest[eq+2:], '"')
		if end < 0 {
			return out
		}
		value := rest[eq+2 : eq+2+end]
		rest = rest[eq+2+end:]
		if strings.HasSuffix(name, "value") || strings.Contains(name, "cost") || strings.HasSuffix(name, "credits") {
			out = append(out, [2]string{name, value})
		}
	}
}

// checkShown fails when a text the page shows holds a raw word outside
// every place where it quotes one of the link's values.
func checkShown(t *testing.T, what string, in url.Values, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if m := unquotedRaw(s, in); m != "" {
			t.Fatalf("%s shows %q: %q", what, m, s)
		}
	}
}

// unquotedRaw returns the first raw word of s that is not inside an
// occurrence of one of the values, or "".
func unquotedRaw(s string, in url.Values) string {
	if findRaw(s) == nil {
		return ""
	}
	quoted := make([]bool, len(s))
	for key, vals := range in {
		for _, val := range vals {
			// As given, with invalid UTF-8 replaced (a run or each byte),
			// and as escaped in a link the page shows (share, embed code).
			// A list's value (listKeys) is given escaped: as its page
			// reads it too.
			for _, v := range []string{val, strings.ToValidUTF8(val, "\uFFFD"), string([]rune(val)),
				escapeLinkValue(val), url.QueryEscape(val), url.PathEscape(val), mixUnescape(val)} {
				markQuoted(quoted, s, v)
			}
			if key != "mix" {
				continue
			}
			// /plan quotes a row's field alone: "Audio “<nil>” is not in
			// the list".
			for _, row := range strings.Split(val, ",") {
				for _, f := range strings.Split(row, ":") {
					markQuoted(quoted, s, strings.TrimSpace(mixUnescape(strings.TrimSpace(f))))
				}
			}
		}
	}
	for _, m := range rawWords.FindAllStringIndex(s, -1) {
		if !slices.Contains(quoted[m[0]:m[1]], false) {
			continue
		}
		return s[m[0]:m[1]]
	}
	return ""
}

// markQuoted marks the bytes of every occurrence of v in s.
func markQuoted(quoted []bool, s, v string) {
	for i := 0; v != "" && i < len(s); {
		j := strings.Index(s[i:], v)
		if j < 0 {
			return
		}
		for k := i + j; k < i+j+len(v); k++ {
			quoted[k] = true
		}
		i += j + 1
	}
}

// checkHTML checks a page's HTML for raw words outside the places it
// quotes the link's values, and that every number attribute is a decimal.
func checkHTML(t *testing.T, what string, in url.Values, html string) {
	t.Helper()
	if m := unquotedRaw(pageText(html), in); m != "" {
		t.Fatalf("%s: the page shows %q", what, m)
	}
	for _, a := range numberAttrs(html) {
		if a[1] == "" {
			continue
		}
		if _, err := decimal.NewFromString(a[1]); err != nil {
			t.Fatalf("%s: %s=%q is not a decimal", what, a[0], a[1])
		}
	}
}

// tags matches a start or end tag. go-app writes attribute values with
// strconv.Quote (a quote inside is \"), so a quoted value is read to its
// unescaped closing quote.
var tags = regexp.MustCompile(`<[a-zA-Z/!](?:[^>"]|"(?:[^"\\]|\\.)*")*>`)

// pageText returns the text of html: without tags (and so without the
// fields' values), entities decoded.
func pageText(html string) string {
	return htmlpkg.UnescapeString(tags.ReplaceAllString(html, " "))
}

// render mounts a page in a test engine and returns its HTML.
func render(t *testing.T, c app.Composer) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatalf("Load: %v", err)
	}
	e.ConsumeAll()
	return app.HTMLString(c)
}

// noLog keeps the clip log's measured figures out of a fuzz target.
func noLog(t *testing.T) {
	saved := measured
	measured.done, measured.rs = true, nil
	t.Cleanup(func() { measured = saved })
}

func FuzzCalculatorLink(f *testing.F) {
	for _, s := range stateSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, frag string) {
		noLog(t)
		u := fuzzURL(t, "/", frag)
		in := linkState(u)
		c := newCalculator()
		c.init(u)
		html := render(t, c)
		checkHTML(t, "/#"+frag, in, html)
		texts := []string{c.summary, c.note, c.general, c.compare}
		for _, r := range c.rows {
			texts = append(texts, r.Text, r.Working, r.First, r.FirstW)
			for _, v := range []string{r.Value, r.FirstV} {
				if d, err := decimal.NewFromString(v); v != "" && (err != nil || d.IsNegative()) {
					t.Fatalf("%s: result %s = %q", frag, r.ID, v)
				}
			}
		}
		for _, msg := range c.errs {
			texts = append(texts, msg)
		}
		checkShown(t, "/#"+frag, in, texts...)

		// State → link → state.
		v1 := c.linkValues()
		c2 := newCalculator()
		c2.init(reread(t, "/", v1, calcKeys))
		if v2 := c2.linkValues(); !reflect.DeepEqual(v1, v2) {
			t.Fatalf("/#%s: link %q reads back as %q", frag, formatLinkState(v1, calcKeys), formatLinkState(v2, calcKeys))
		}
		if len(c.rows) != len(c2.rows) {
			t.Fatalf("/#%s: %d results, %d after the round trip", frag, len(c.rows), len(c2.rows))
		}
		for i := range c.rows {
			if a, b := c.rows[i], c2.rows[i]; a.Value != b.Value || a.Text != b.Text {
				t.Fatalf("/#%s: %s = %q %q, after the round trip %q %q", frag, a.ID, a.Value, a.Text, b.Value, b.Text)
			}
		}
	})
}

func FuzzCompareLink(f *testing.F) {
	for _, s := range stateSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, frag string) {
		noLog(t)
		u := fuzzURL(t, "/compare", frag)
		in := linkState(u)
		c := newCompare()
		c.init(u)
		html := render(t, c)
		checkHTML(t, "/compare#"+frag, in, html)
		texts := []string{c.status, c.general, c.filterSum, c.calcHref, c.markdown, c.csvName, c.rateHint}
		for _, msg := range c.errs {
			texts = append(texts, msg)
		}
		checkShown(t, "/compare#"+frag, in, texts...)
		if !c.current && len(c.errs) == 0 && c.general == "" {
			t.Fatalf("/compare#%s: no ranking and no message", frag)
		}

		v1 := c.linkValues()
		c2 := newCompare()
		c2.init(reread(t, "/compare", v1, compareKeys))
		if v2 := c2.linkValues(); !reflect.DeepEqual(v1, v2) {
			t.Fatalf("/compare#%s: link %q reads back as %q", frag, formatLinkState(v1, compareKeys), formatLinkState(v2, compareKeys))
		}
		if c.markdown != c2.markdown || c.status != c2.status {
			t.Fatalf("/compare#%s: the ranking changed through its own link:\n%s\n%s", frag, c.status, c2.status)
		}
	})
}

func FuzzPlanLink(f *testing.F) {
	for _, s := range stateSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, frag string) {
		noLog(t)
		u := fuzzURL(t, "/plan", frag)
		in := linkState(u)
		c := newPlanner()
		c.ready = true
		c.apply(planState(in))
		html := render(t, c)
		checkHTML(t, "/plan#"+frag, in, html)
		texts := []string{c.status, c.saving, c.even}
		for _, l := range c.results {
			texts = append(texts, l.Name, l.Way, l.Cost, l.Exact, l.PerSecond, l.Credits, l.Unused)
			texts = append(texts, l.Lines...)
			texts = append(texts, l.Working...)
		}
		for _, msg := range c.errs {
			texts = append(texts, msg)
		}
		checkShown(t, "/plan#"+frag, in, texts...)
		if len(c.rows) > maxMixRows {
			t.Fatalf("/plan#%s: %d rows, more than %d", frag, len(c.rows), maxMixRows)
		}

		v1 := c.linkValues()
		c2 := newPlanner()
		c2.ready = true
		c2.apply(planState(linkState(reread(t, "/plan", v1, planKeys))))
		if v2 := c2.linkValues(); !reflect.DeepEqual(v1, v2) {
			t.Fatalf("/plan#%s: link %q reads back as %q", frag, formatLinkState(v1, planKeys), formatLinkState(v2, planKeys))
		}
		// A link whose mix is malformed says so; its own link, written
		// from the rows as far as they went, is well formed.
		if _, bad := parseMix(cmpOr(in.Get("mix"), defaultMix)); bad == "" && c.status != c2.status {
			t.Fatalf("/plan#%s: the plan changed through its own link:\n%s\n%s", frag, c.status, c2.status)
		}
	})
}

// FuzzParseMix: the planner's mix parser keeps at most maxMixRows rows of
// seven fields, and parse → format → parse is stable.
func FuzzParseMix(f *testing.F) {
	for _, s := range []string{defaultMix, "", ",", "a:1", "a:1:2:720p:fast:1:9", "hero:20:8", "a:b:c:d:e:f",
		strings.Repeat("r:1:1:720p:any,", 30), " hero : 20 : 5 : 1080p : premium : 1.5 ", "é:٣:３:4K:any:", "a:1:2:720p:fast:~1.5", "a:1:2:720p:fast:~", "a:1:2:720p:fast: ~ 2", "a:1:2:720p:fast:~~2", "a:1:2:720p:fast:~ ~2", "a:1%2C200:7%2c5:720p:fast:~~1%2C5", "50%:1:5:%25%3A:any:%2",
		"a:1:2:720p:fast::audio", "a:1:2:720p:fast:~2: audio ", "a:1:2:720p:fast:1:%3A", "a:1:2:720p:fast:1:audio:x",
		"a:1:2:720p:fast:::upscale", "a:1:2:720p:fast:~2:: upscale ", "a:1:2:720p:fast:1:audio:upscale:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rows, bad := parseMix(s)
		if len(rows) == 0 || len(rows) > maxMixRows {
			t.Fatalf("parseMix(%q): %d rows", s, len(rows))
		}
		if n := strings.Count(s, ",") + 1; n > maxMixRows && bad == "" {
			t.Fatalf("parseMix(%q): %d rows and no message", s, n)
		}
		text := formatMix(rows)
		again, bad2 := parseMix(text)
		if bad2 != "" && bad == "" {
			t.Fatalf("parseMix(%q) is fine, its format %q is not: %s", s, text, bad2)
		}
		if len(again) != len(rows) || formatMix(again) != text {
			t.Fatalf("parseMix(%q) → %q → %q", s, text, formatMix(again))
		}
		for i, r := range rows {
			want := []string{r.Name, r.Count, r.Seconds, r.Res, r.Tier, r.Takes, r.Measured, r.Audio, r.Upscale}
			got := []string{again[i].Name, again[i].Count, again[i].Seconds, again[i].Res, again[i].Tier, again[i].Takes, again[i].Measured, again[i].Audio, again[i].Upscale}
			for j := range want {
				if strings.TrimSpace(want[j]) != got[j] {
					t.Fatalf("parseMix(%q): row %d field %d %q comes back %q", s, i, j, want[j], got[j])
				}
			}
		}
	})
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

var hexColour = regexp.MustCompile(`^#[0-9a-f]{6}$`)

// FuzzEmbedLink: the embed's own options are always one of the allowed
// values (the accent reaches the CSSOM, so only "#rrggbb"), and writing
// them back into a link reads the same options.
func FuzzEmbedLink(f *testing.F) {
	for _, s := range stateSeeds() {
		f.Add(s)
	}
	for _, s := range []string{"accent=%23%23ff5500", "accent=ff5500;background:red", "accent=rgb(1,2,3)",
		"theme=%3Cscript%3E", "view=COMPARE&view=calc", "accent=" + strings.Repeat("f", 10000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, frag string) {
		u := fuzzURL(t, "/embed", frag)
		o := parseEmbedOptions(linkState(u))
		if o.View != viewCalc && o.View != viewCompare {
			t.Fatalf("%q: view %q", frag, o.View)
		}
		if o.Theme != "" && o.Theme != "light" && o.Theme != "dark" {
			t.Fatalf("%q: theme %q", frag, o.Theme)
		}
		if o.Accent != "" && !hexColour.MatchString(o.Accent) {
			t.Fatalf("%q: accent %q", frag, o.Accent)
		}
		if txt := accentText(o.Accent); txt != "#12121a" && txt != "#ffffff" {
			t.Fatalf("%q: accent text %q", frag, txt)
		}
		v := url.Values{}
		if o.View == viewCompare {
			v.Set("view", o.View)
		}
		v.Set("theme", o.Theme)
		v.Set("accent", o.Accent)
		if back := parseEmbedOptions(linkState(reread(t, EmbedPath, v, embedKeys))); back != o {
			t.Fatalf("%q: options %+v read back as %+v", frag, o, back)
		}
		e := newEmbed()
		e.setOptions(o)
		if e.page == nil {
			t.Fatalf("%q: no page", frag)
		}
	})
}

// FuzzProfilesQuery: the profiles page's search never panics, shows at
// most every profile (all of them for a blank search), and survives its
// link.
func FuzzProfilesQuery(f *testing.F) {
	for _, s := range []string{"", "runway", " Veo ", "KLING", "gen-4", "zzz", "é", "%", "<script>", "\xff"} {
		f.Add(s)
	}
	for _, s := range hostileValues {
		f.Add(s)
	}
	catalog, err := pricing.Catalog()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		c := &profilesPage{catalog: catalog, q: q}
		c.filter()
		total := len(catalog)
		if c.shown < 0 || c.shown > total || c.shown+len(c.hidden) != total {
			t.Fatalf("%q: %d shown, %d hidden of %d", q, c.shown, len(c.hidden), total)
		}
		if strings.TrimSpace(q) == "" && c.shown != total {
			t.Fatalf("a blank search shows %d of %d", c.shown, total)
		}
		count := c.countText()
		checkShown(t, "the search count", url.Values{"q": {q}}, count)

		v := url.Values{}
		if strings.TrimSpace(q) != "" {
			v.Set("q", q)
		}
		back := linkState(reread(t, "/profiles", v, profilesKeys)).Get("q")
		if back != strings.TrimSpace(q) {
			t.Fatalf("search %q reads back from its link as %q", q, back)
		}
		c2 := &profilesPage{catalog: catalog, q: back}
		c2.filter()
		if c2.shown != c.shown || !reflect.DeepEqual(c2.hidden, c.hidden) {
			t.Fatalf("search %q: %d shown, %d after its link", q, c.shown, c2.shown)
		}
	})
}

// FuzzProfileImport: importing a profile (a file or pasted text) either
// adds exactly one custom profile, which reads back and can be imported
// again, or is refused with a message and changes nothing stored, with a
// full storage too; one already on the device (the blank profile stored
// first) adds nothing and says so.
func FuzzProfileImport(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("..", "pricing", "catalog", "*.json"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no catalog files: %v", err)
	}
	for i, name := range files[:min(4, len(files))] {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, i%2 == 0)
	}
	for _, s := range []string{"", "{}", "[]", `{"id":"x"}`, "null", `{"id":"runway","name":"<script>alert(1)</script>"}`} {
		f.Add([]byte(s), false)
	}
	f.Add([]byte(exportProfile(blankProfile(never))), true) // the one on the device already
	catalog, err := pricing.Catalog()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, full bool) {
		s := cliplog.NewMemStore()
		useStore(t, s)
		if err := saveCustom(s, blankProfile(never), ""); err != nil {
			t.Fatal(err)
		}
		before := s.Snapshot()
		if full {
			s.FailWritesAfter(0)
		}
		c := &profilesPage{catalog: catalog}
		c.load()
		c.importData(data)
		after := s.Snapshot()
		if c.alert != "" {
			if c.status != "" || !reflect.DeepEqual(before, after) {
				t.Fatalf("a refused import (%s) changed what is stored", c.alert)
			}
			for _, m := range findRaw(c.alert) {
				if !strings.Contains(string(data), strings.TrimLeft(m, "+-")) {
					t.Fatalf("the import's message shows %q: %s", m, c.alert)
				}
			}
			return
		}
		if strings.Contains(c.status, "is already on this device") {
			if !reflect.DeepEqual(before, after) {
				t.Fatalf("an import of a profile already here (%s) changed what is stored", c.status)
			}
			return
		}
		if full {
			t.Fatalf("an import into a full storage says %q", c.status)
		}
		if len(after) != len(before)+1 || !strings.HasPrefix(c.status, "Imported") {
			t.Fatalf("an import added %d keys: %s", len(after)-len(before), c.status)
		}
		ps, bad, err := loadCustom(s)
		if err != nil || len(bad) != 0 || len(ps) != 2 {
			t.Fatalf("after the import: %d profiles, %d unreadable, %v", len(ps), len(bad), err)
		}
	})
}

// FuzzRepairURL: whatever the address bar holds, GuardBrowser gives go-app an
// address url.Parse reads, changing nothing of one it already reads, and
// keeping the origin and path of the site's own addresses.
func FuzzRepairURL(f *testing.F) {
	for _, s := range []string{"", "price=30", "price=%zz", "price=50%", "%", "%%", "%E2%82", "%00", "a=%2", "%G0"} {
		f.Add("/", s, s)
	}
	f.Add("/compare", "x=1", "dur=%")
	f.Add("/%zz", "", "")
	f.Fuzz(func(t *testing.T, path, query, frag string) {
		const origin = "http://127.0.0.1:8080"
		for _, href := range []string{
			origin + path + "?" + query + "#" + frag,
			origin + "/#" + frag,
			path + "#" + frag,
		} {
			fixed := repairURL(href)
			if _, err := url.Parse(fixed); err != nil {
				t.Fatalf("repairURL(%q) = %q: %v", href, fixed, err)
			}
			if _, err := url.Parse(href); err == nil && fixed != href {
				t.Fatalf("repairURL(%q) changed a good address to %q", href, fixed)
			}
		}
		if fixed := repairURL(origin + "/#" + frag); !strings.HasPrefix(fixed, origin+"/") {
			t.Fatalf("repairURL lost the origin of %q: %q", origin+"/#"+frag, fixed)
		}
	})
}

func TestRepairURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://h/#price=30", "http://h/#price=30"},
		{"http://h/#price=%zz&dur=5", "http://h/#price=%25zz&dur=5"},
		{"http://h/#price=50%", "http://h/#price=50%25"},
		{"http://h/#price=%E2%82%AC15", "http://h/#price=%E2%82%AC15"},
		{"http://h/?a=%zz#b=%", "http://h/?a=%25zz#b=%25"},
		{"http://h/?a=%zz#b=5", "http://h/?a=%zz#b=5"}, // url.Parse keeps a query raw
		{"http://h/%zz", "http://h/%25zz"},
		{"http://h/#%4", "http://h/#%254"},
	}
	for _, tt := range tests {
		if got := repairURL(tt.in); got != tt.want {
			t.Errorf("repairURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The page then reads the value as typed.
	u, err := url.Parse(repairURL("http://h/#price=%zz&dur=5"))
	if err != nil {
		t.Fatal(err)
	}
	if got := linkState(u); got.Get("price") != "%zz" || got.Get("dur") != "5" {
		t.Errorf("linkState of the repaired address = %v", got)
	}
}

// TestHostileLinks runs every page's state on each hostile value in every
// key it reads, natively: the same checks as the fuzz targets, for the
// values the browser test uses.
func TestHostileLinks(t *testing.T) {
	noLog(t)
	type page struct {
		path string
		keys []string
		run  func(t *testing.T, u *url.URL) (string, []string)
	}
	pages := []page{
		{"/", calcKeys, func(t *testing.T, u *url.URL) (string, []string) {
			c := newCalculator()
			c.init(u)
			texts := []string{c.summary, c.note, c.general}
			for _, r := range c.rows {
				texts = append(texts, r.Text, r.Working)
			}
			return render(t, c), texts
		}},
		{"/compare", compareKeys, func(t *testing.T, u *url.URL) (string, []string) {
			c := newCompare()
			c.init(u)
			return render(t, c), []string{c.status, c.general, c.markdown}
		}},
		{"/plan", planKeys, func(t *testing.T, u *url.URL) (string, []string) {
			c := newPlanner()
			c.ready = true
			c.apply(planState(linkState(u)))
			return render(t, c), []string{c.status, c.saving, c.even}
		}},
	}
	values := append(append([]string{}, hostileValues...), strings.Repeat("x", 10000), strings.Repeat("7", 10000))
	for _, p := range pages {
		for _, v := range values {
			// Each key alone, then all at once.
			frags := []string{}
			all := url.Values{}
			for _, k := range p.keys {
				frags = append(frags, k+"="+url.QueryEscape(v))
				all.Set(k, v)
			}
			frags = append(frags, all.Encode(), "mix=hero:"+url.QueryEscape(v)+":5:1080p:premium:"+url.QueryEscape(v))
			for _, frag := range frags {
				u := fuzzURL(t, p.path, frag)
				html, texts := p.run(t, u)
				what := p.path + "#" + shorten(frag, 80)
				checkHTML(t, what, linkState(u), html)
				checkShown(t, what, linkState(u), texts...)
			}
		}
	}
}

// TestWriteStateFuzzSeeds writes the seed corpora of this file's fuzz
// targets to testdata/fuzz when AIVC_WRITE_FUZZ_SEEDS=1.
func TestWriteStateFuzzSeeds(t *testing.T) {
	if os.Getenv("AIVC_WRITE_FUZZ_SEEDS") != "1" {
		t.Skip("set AIVC_WRITE_FUZZ_SEEDS=1 to rewrite testdata/fuzz")
	}
	str := func(ss ...string) string {
		var b strings.Builder
		b.WriteString("go test fuzz v1\n")
		for _, s := range ss {
			b.WriteString("string(" + strconv.Quote(s) + ")\n")
		}
		return b.String()
	}
	corpora := map[string][]string{}
	for _, s := range stateSeeds() {
		for _, name := range []string{"FuzzCalculatorLink", "FuzzCompareLink", "FuzzPlanLink", "FuzzEmbedLink"} {
			corpora[name] = append(corpora[name], str(s))
		}
	}
	for _, s := range append(append([]string{defaultMix, "", ",", "hero:20:8", "a:1:2:720p:fast:1:9"}, hostileValues...), "a:1:2:720p:fast::audio", "a:1:2:720p:fast:::upscale") {
		corpora["FuzzParseMix"] = append(corpora["FuzzParseMix"], str(s))
	}
	for _, s := range append([]string{"", "runway", " Veo ", "gen-4"}, hostileValues...) {
		corpora["FuzzProfilesQuery"] = append(corpora["FuzzProfilesQuery"], str(s))
	}
	for _, s := range []string{"", "{}", `{"id":"x"}`, `{"id":"runway","name":"<script>alert(1)</script>"}`} {
		corpora["FuzzProfileImport"] = append(corpora["FuzzProfileImport"],
			"go test fuzz v1\n[]byte("+strconv.Quote(s)+")\nbool(false)\n", "go test fuzz v1\n[]byte("+strconv.Quote(s)+")\nbool(true)\n")
	}
	for _, s := range []string{"", "price=%zz", "price=50%", "%E2%82", "%00", "%G0"} {
		corpora["FuzzRepairURL"] = append(corpora["FuzzRepairURL"], str("/", s, s))
	}
	for name, seeds := range corpora {
		dir := filepath.Join("testdata", "fuzz", name) // inputs the fuzzer wrote there stay
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, s := range seeds {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%02d", i)), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
