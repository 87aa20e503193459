package app

import (
	"maps"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatalf("url.Parse(%q): %v", s, err)
	}
	return u
}

func TestLinkState(t *testing.T) {
	tests := []struct {
		url  string
		want url.Values
	}{
		// Fragment.
		{"/", url.Values{}},
		{"/#", url.Values{}},
		{"/#price=30&credits=3000&clip=50&dur=5",
			url.Values{"price": {"30"}, "credits": {"3000"}, "clip": {"50"}, "dur": {"5"}}},
		{"/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10",
			url.Values{"profile": {"runway"}, "plan": {"standard"}, "model": {"gen-4-turbo"}, "res": {"720p"}, "dur": {"10"}}},
		{"/#credits=3,000&price=$30", url.Values{"credits": {"3,000"}, "price": {"$30"}}},
		{"/#credits=3%2C000&price=%2430", url.Values{"credits": {"3,000"}, "price": {"$30"}}},
		{"/#credits=3%20000", url.Values{"credits": {"3 000"}}},
		{"/#credits=3+000", url.Values{"credits": {"3 000"}}},
		{"/#price=%E2%82%AC15", url.Values{"price": {"€15"}}},
		{"/#price=€15", url.Values{"price": {"€15"}}},
		{"/#price=a%26b%3Dc", url.Values{"price": {"a&b=c"}}},
		// The last of a repeated key wins.
		{"/#dur=5&dur=10", url.Values{"dur": {"10"}}},
		// Malformed pairs are skipped, the others kept.
		{"/#=5&&dur=5&", url.Values{"dur": {"5"}}},
		{"/#flag&dur=5", url.Values{"flag": {""}, "dur": {"5"}}},
		// Query string, and the fragment winning over it.
		{"/?price=30&dur=5", url.Values{"price": {"30"}, "dur": {"5"}}},
		{"/?price=30&dur=5#dur=10", url.Values{"price": {"30"}, "dur": {"10"}}},
		{"/embed?theme=dark#clip=50", url.Values{"theme": {"dark"}, "clip": {"50"}}},
		// Values are trimmed.
		{"/#price=%2030%20", url.Values{"price": {"30"}}},
	}
	for _, tt := range tests {
		got := linkState(mustURL(t, tt.url))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("linkState(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
	if got := linkState(nil); len(got) != 0 {
		t.Errorf("linkState(nil) = %v, want empty", got)
	}
}

func TestParsePairs(t *testing.T) {
	// A malformed pair is skipped (url.Parse rejects such a URL outright, and
	// go-app's Window().URL() then gives nil, which linkState reads as empty).
	got := parsePairs("price=%zz&dur=5&%zz=1")
	if want := (url.Values{"dur": {"5"}}); !reflect.DeepEqual(got, want) {
		t.Errorf("parsePairs = %v, want %v", got, want)
	}
}

func TestFormatLinkState(t *testing.T) {
	order := []string{"price", "credits", "clip", "dur"}
	tests := []struct {
		v    url.Values
		want string
	}{
		{url.Values{}, ""},
		{url.Values{"dur": {"5"}, "clip": {"50"}, "credits": {"3000"}, "price": {"30"}},
			"price=30&credits=3000&clip=50&dur=5"},
		// Empty values are left out; unknown keys come last, sorted.
		{url.Values{"dur": {"5"}, "price": {""}, "zeta": {"1"}, "alpha": {"2"}}, "dur=5&alpha=2&zeta=1"},
		// Readable characters stay; the ones that would change the pairs are escaped.
		{url.Values{"price": {"$30"}, "credits": {"3,000"}}, "price=$30&credits=3,000"},
		{url.Values{"credits": {"3 000"}}, "credits=3%20000"},
		{url.Values{"price": {"a&b=c+d#e%f"}}, "price=a%26b%3Dc%2Bd%23e%25f"},
		{url.Values{"price": {"€15"}}, "price=%E2%82%AC15"},
	}
	for _, tt := range tests {
		if got := formatLinkState(tt.v, order); got != tt.want {
			t.Errorf("formatLinkState(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

// TestLinkStateRoundTrip writes values into a URL's fragment and reads them
// back, through url.URL's own String and Parse as a browser would.
func TestLinkStateRoundTrip(t *testing.T) {
	values := []string{
		"30", "3,000", "3 000", "$30", "€15", "1,200.50", "abc", "a&b=c", "x+y", "50%", "100%25",
		"#hash", "?q", "/slash", "é", " ", "-5", "0.0033", "日本",
	}
	for _, s := range values {
		v := url.Values{"price": {s}, "dur": {"5"}}
		u := withLinkState(mustURL(t, "/"), v, calcKeys)
		back := linkState(mustURL(t, u.String()))
		want := url.Values{"dur": {"5"}, "price": {strings.TrimSpace(s)}}
		if !reflect.DeepEqual(back, want) {
			t.Errorf("round trip of %q through %q = %v, want %v", s, u.String(), back, want)
		}
	}
}

func TestWithLinkState(t *testing.T) {
	v := url.Values{"price": {"30"}, "credits": {"3,000"}}
	tests := []struct {
		from, want string
	}{
		{"/", "/#price=30&credits=3,000"},
		{"/#dur=99", "/#price=30&credits=3,000"},
		// The state moves from the query to the fragment; other parameters stay.
		{"/?price=10&dur=5", "/#price=30&credits=3,000"},
		{"/?utm_source=blog&price=10", "/?utm_source=blog#price=30&credits=3,000"},
		{"/embed?theme=dark#clip=50", "/embed?theme=dark#price=30&credits=3,000"},
		{"http://127.0.0.1:8080/?x=1", "http://127.0.0.1:8080/?x=1#price=30&credits=3,000"},
		// Keys that are not the page's stay: an edit in the embed kept only
		// the calculator's, and a reload then lost the embed's view and theme.
		{"/embed#view=compare&theme=dark&accent=1a237e&price=10&dur=8", "/embed#price=30&credits=3,000&accent=1a237e&theme=dark&view=compare"},
	}
	for _, tt := range tests {
		got := withLinkState(mustURL(t, tt.from), v, calcKeys).String()
		if got != tt.want {
			t.Errorf("withLinkState(%q) = %q, want %q", tt.from, got, tt.want)
		}
	}
	// No state: no fragment at all.
	if got := withLinkState(mustURL(t, "/#price=1"), url.Values{}, calcKeys).String(); got != "/" {
		t.Errorf("withLinkState(empty) = %q, want %q", got, "/")
	}
	// The original is not changed.
	u := mustURL(t, "/?price=1#dur=2")
	withLinkState(u, v, calcKeys)
	if u.String() != "/?price=1#dur=2" {
		t.Errorf("withLinkState changed its argument to %q", u)
	}
}

func TestLinkTo(t *testing.T) {
	order := []string{"dur", "res", "tier", "takes", "billing"}
	if got := linkTo("/compare", url.Values{}, order); got != "/compare" {
		t.Errorf("linkTo(empty) = %q", got)
	}
	got := linkTo("/compare", url.Values{"res": {"1080p"}, "dur": {"10"}, "billing": {"yearly"}}, order)
	if want := "/compare#dur=10&res=1080p&billing=yearly"; got != want {
		t.Errorf("linkTo = %q, want %q", got, want)
	}
}

func FuzzLinkState(f *testing.F) {
	for _, s := range []string{"30", "a&b=c", "%zz", "€", "3 000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := url.Values{"price": {s}}
		u := withLinkState(&url.URL{Path: "/"}, v, calcKeys)
		back, err := url.Parse(u.String())
		if err != nil {
			t.Fatalf("withLinkState made an unparsable URL %q: %v", u.String(), err)
		}
		got := linkState(back).Get("price")
		if want := strings.TrimSpace(s); got != want {
			t.Fatalf("round trip of %q = %q, want %q", s, got, want)
		}
	})
}

// TestRelinkProfile: the nav's remembered calculator follows a plan saved in
// /log since, and forgets a profile deleted since; other pages' states stay.
func TestRelinkProfile(t *testing.T) {
	old := lastLinks
	t.Cleanup(func() { lastLinks = old })
	lastLinks = map[string]string{"/": "profile=runway&plan=standard&model=gen-4&dur=5", "/plan": "mix=a:1:5:720p:any"}
	relinkProfile("runway", "", "pro", "yearly")
	if got := lastLinks["/"]; got != "profile=runway&plan=pro&billing=yearly&model=gen-4&dur=5" {
		t.Errorf("after saving Pro yearly: %q", got)
	}
	renameProfileLinks("kling", "")
	renameProfileLinks("runway", "")
	if _, ok := lastLinks["/"]; ok || lastLinks["/plan"] != "mix=a:1:5:720p:any" {
		t.Errorf("after deleting the profile: %v", lastLinks)
	}
}

// TestRenameProfileLinks: a custom profile's id changed in the editor is
// followed by the nav's remembered calculator, /compare and /plan; deleted,
// it is forgotten by all three. They kept the old id, and the calculator and /compare,
// reached through the nav, said it was "not in the list".
func TestRenameProfileLinks(t *testing.T) {
	old := lastLinks
	t.Cleanup(func() { lastLinks = old })
	lastLinks = map[string]string{"/": "profile=runway-custom&plan=standard&dur=10",
		"/compare": "dur=10&platforms=runway-custom,runway", "/plan": "mix=a:1:5:720p:any&platform=runway-custom&model=gen-4"}
	renameProfileLinks("runway-custom", "my-runway")
	want := map[string]string{"/": "profile=my-runway&plan=standard&dur=10",
		"/compare": "dur=10&platforms=my-runway,runway", "/plan": "mix=a:1:5:720p:any&platform=my-runway&model=gen-4"}
	if !maps.Equal(lastLinks, want) {
		t.Errorf("renamed: %v, want %v", lastLinks, want)
	}
	renameProfileLinks("my-runway", "")
	want = map[string]string{"/compare": "dur=10&platforms=runway", "/plan": "mix=a:1:5:720p:any"}
	if !maps.Equal(lastLinks, want) {
		t.Errorf("deleted: %v, want %v", lastLinks, want)
	}
	lastLinks["/compare"] = "platforms=my-runway&dur=10"
	renameProfileLinks("my-runway", "")
	if got := lastLinks["/compare"]; got != "dur=10" {
		t.Errorf("its only platform deleted: /compare#%s, want every platform", got)
	}
}
