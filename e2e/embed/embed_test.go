package embed

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/e2e"
	"github.com/aivc/aivc/internal/site"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// The blog embed (issue 7): the demo article of examples/blog, served on
// another site than the calculator's, frames /embed; web/embed.js fits the
// frame to the height the frame posts.

// blogPlaceholder is the calculator's origin as examples/blog writes it.
const blogPlaceholder = "https://calc.example"

// maxEmbedJS is the size budget of /embed.js, raw.
const maxEmbedJS = 2048

// TestEmbedScriptSize: the host script stays under 2 KB, and the site
// serves it at its root as a script.
func TestEmbedScriptSize(t *testing.T) {
	t.Parallel()
	root, err := site.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, "web", "embed.js"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("web/embed.js: %d bytes (budget %d)", len(src), maxEmbedJS)
	if len(src) >= maxEmbedJS {
		t.Errorf("web/embed.js is %d bytes; it must stay under %d", len(src), maxEmbedJS)
	}
	srv := e2e.NewServer(t)
	res, body := e2e.Get(t, srv.URL+"/embed.js")
	if res.StatusCode != 200 || string(body) != string(src) {
		t.Fatalf("GET /embed.js = %d, %d bytes; want web/embed.js", res.StatusCode, len(body))
	}
	if ct := res.Header.Get("Content-Type"); !strings.Contains(ct, "javascript") {
		t.Errorf("GET /embed.js: Content-Type %q", ct)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("GET /embed.js: no nosniff")
	}
}

// blog serves the demo article on another site than the calculator at
// siteURL (http://127.0.0.1:…): http://localhost:…, so the embed is a
// third-party frame, as on a real blog. The article's placeholder origin is
// replaced by siteURL; with ?noscript the snippet's script is left out, and
// with ?far the frame is two screens down, not loaded lazily; with ?short
// the page's style holds frames to 400 px; with ?two a second snippet, of
// the ranking (#aivc2), comes two seconds after the rest of the page above
// it; with ?busy the page's own script holds it up for 1.2 s at each of the
// frame's heights.
// /evil is a page of a third origin that posts fake heights to its parent.
type blog struct {
	URL  string // "http://localhost:port"
	Evil string // a third origin's page: "http://127.0.0.1:port/evil"
}

func newBlog(t *testing.T, siteURL string) blog {
	t.Helper()
	root, err := site.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	article, err := os.ReadFile(filepath.Join(root, "examples", "blog", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(article), blogPlaceholder, siteURL)
	script := fmt.Sprintf(`<script src="%s/embed.js" async></script>`, siteURL)
	if !strings.Contains(text, script) || !strings.Contains(text, siteURL+"/embed#") {
		t.Fatalf("examples/blog/index.html lacks the snippet (an iframe of %s/embed# and %s)", blogPlaceholder, script)
	}
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch q := r.URL.Query(); {
		case q.Has("noscript"):
			fmt.Fprint(w, strings.Replace(text, script, "", 1))
		case q.Has("short"):
			// A theme that holds frames to 400 px, whatever embed.js sets.
			fmt.Fprint(w, strings.Replace(text, "</head>", "<style>iframe { max-height: 400px }</style></head>", 1))
		case q.Has("busy"):
			// A page whose own scripts keep it busy (ads, analytics): it
			// applies each of the frame's heights 1.2 s late.
			fmt.Fprint(w, strings.Replace(text, "</head>", `<script>
addEventListener("message", (e) => {
  if (e.data && e.data.type === "aivc:height") {
    const t = performance.now();
    while (performance.now() - t < 1200) {}
  }
});
</script></head>`, 1))
		case q.Has("two"):
			// A second snippet, of the ranking, further down the article,
			// which the browser parses after the first snippet's script
			// has run.
			second := fmt.Sprintf(`<figure><iframe id="aivc2" src="%s/embed#view=compare" title="AI video cost comparison" width="100%%" height="720" style="border:0;width:100%%"></iframe>
      %s</figure>`, siteURL, script)
			head, tail, _ := strings.Cut(text, "<h2>What to watch for</h2>")
			fmt.Fprint(w, head)
			w.(http.Flusher).Flush()
			time.Sleep(2 * time.Second)
			fmt.Fprint(w, second+"<h2>What to watch for</h2>"+tail)
		case q.Has("far"):
			// The frame two screens down, loaded at once.
			fmt.Fprint(w, strings.Replace(strings.Replace(text, `<iframe id="aivc"`, `<div style="height:2000px"></div><iframe id="aivc"`, 1),
				` loading="lazy"`, "", 1))
		default:
			fmt.Fprint(w, text)
		}
	}))
	t.Cleanup(host.Close)
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><title>evil</title><script>
let n = 0;
const t = setInterval(() => {
  parent.postMessage({type: "aivc:height", height: 5000}, "*");
  parent.postMessage({type: "aivc:height", height: 150}, "*");
  if (++n === 10) { clearInterval(t); parent.postMessage({type: "evil:done"}, "*"); }
}, 30);
</script>`)
	}))
	t.Cleanup(evil.Close)
	_, port, err := net.SplitHostPort(strings.TrimPrefix(host.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	return blog{URL: "http://localhost:" + port, Evil: evil.URL + "/evil"}
}

// recorder runs in the host page before its scripts: it records every
// message the page receives, with its origin.
const recorder = `if (window.top === window) {
  window.__msgs = [];
  addEventListener("message", (e) => {
    let data;
    try { data = JSON.stringify(e.data); } catch (err) { data = String(e.data); }
    window.__msgs.push({origin: e.origin, data: data === undefined ? String(e.data) : data});
  });
}`

// openBlog opens the demo article (query: "" or "?noscript") in a new tab
// and scrolls the calculator's frame into view (it loads lazily).
func openBlog(t *testing.T, b blog, query string) *e2e.Tab {
	t.Helper()
	tb := e2e.NewTab(t, b.URL)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recorder})
	tb.Navigate("/" + query)
	e2e.Eval[bool](tb, `document.getElementById("aivc").scrollIntoView({block: "start"}), true`)
	return tb
}

// heightJS is the last height the calculator's frame posted to the host
// page, or 0.
func heightJS(siteURL string) string {
	return fmt.Sprintf(`(() => {
		const hs = window.__msgs.filter((m) => m.origin === %q).map((m) => JSON.parse(m.data))
			.filter((d) => d && d.type === "aivc:height").map((d) => d.height);
		return hs.length ? hs[hs.length - 1] : 0;
	})()`, siteURL)
}

// frameHeight is the height of the calculator's frame in the host page.
const frameHeight = `document.getElementById("aivc").getBoundingClientRect().height`

// fitsJS, run in the frame, tells whether the frame's viewport is exactly
// its content: no inner scrollbar, no empty gap below.
const fitsJS = `(() => {
	const h = document.documentElement.getBoundingClientRect().height;
	return document.documentElement.scrollHeight <= innerHeight && innerHeight - h < 1 && innerHeight - h > -1;
})()`

// waitFits waits until the host sized the frame to the last height the
// frame posted, and the frame's content fits it exactly; it returns the
// height. The three are read one after the other, so the first two are
// read again after the third: a height that arrived meanwhile (a loaded
// machine: the frame's 1234 px was read, the real height arrived, then the
// frame fitted) starts the check over.
func waitFits(t *testing.T, host, frame *e2e.Tab, siteURL, what string) int {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		posted := e2e.Eval[float64](host, heightJS(siteURL))
		got := e2e.Eval[float64](host, frameHeight)
		fits := e2e.Eval[bool](frame, fitsJS)
		same := e2e.Eval[float64](host, heightJS(siteURL)) == posted && e2e.Eval[float64](host, frameHeight) == got
		if posted > 0 && got == posted && fits && same {
			return int(got)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the frame is %vpx high, the last posted height %v, content %v (viewport %v, scrollHeight %v)%s",
				what, got, posted, e2e.Eval[float64](frame, `document.documentElement.getBoundingClientRect().height`),
				e2e.Eval[float64](frame, `innerHeight`), e2e.Eval[float64](frame, `document.documentElement.scrollHeight`), frame.ConsoleDump())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// switchToRanking switches host's frame #aivc (frame, of origin) to the
// ranking in place, waits for it to fit, and returns the height it fits at
// and every height the frame posted meanwhile (window.__msgs, the
// recorder's).
func switchToRanking(t *testing.T, host, frame *e2e.Tab, origin, what string) (fit int, posted []float64) {
	t.Helper()
	sent := e2e.Eval[float64](host, `window.__msgs.length`)
	e2e.Eval[bool](host, fmt.Sprintf(`document.getElementById("aivc").src = %q, true`, origin+"/embed#view=compare"))
	frame.WaitFor(what, `document.querySelectorAll("#ranking tr[data-model]").length > 0`, 20*time.Second)
	fit = waitFits(t, host, frame, origin, what)
	posted = e2e.Eval[[]float64](host, fmt.Sprintf(`window.__msgs.slice(%v).filter((m) => m.origin === %q)
		.map((m) => JSON.parse(m.data)).filter((d) => d && d.type === "aivc:height").map((d) => d.height)`, sent, origin))
	return fit, posted
}

// TestEmbedInBlog: the demo article on another site shows the calculator
// in its frame, preset by the snippet; /embed.js keeps the frame as high as
// its content as the content grows and shrinks; messages that do not come
// from the frame, or are not of the expected shape, change nothing.
func TestEmbedInBlog(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	b := newBlog(t, srv.URL)
	host := openBlog(t, b, "")
	frame := e2e.AttachFrame(t, host, srv.URL+"/embed")
	frame.WaitReady()

	// The frame computes from its preset: Runway Standard, $15 for 625
	// credits; Gen-4 Turbo at 720p, 5 credits/s × 10 s = 50 credits = $1.20
	// a clip; three tries per kept clip = $3.60.
	e2e.WaitResults(frame, "the preset of the demo article", map[string][2]string{
		"price-per-credit":   {"0.024", "$0.024"},
		"cost-per-clip":      {"1.2", "$1.20"},
		"cost-per-kept-clip": {"3.6", "$3.60"},
	})
	type chrome struct {
		Nav, Install, Share, Log, SW bool
		Full                         string
		Target                       string
	}
	c := e2e.Eval[chrome](frame, `(() => {
		const full = [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === "Open the full calculator");
		return {
			nav: !!document.querySelector(".site-nav, .site-header"),
			install: !!document.querySelector("#install, #install-hint"),
			share: !!document.getElementById("share"),
			log: !!document.querySelector('a[href^="/log"]'),
			sw: "serviceWorker" in navigator,
			full: full ? full.getAttribute("href") : "",
			target: full ? full.target + " " + full.rel : "",
		};
	})()`)
	if c.Nav || c.Install || c.Share || c.Log {
		t.Errorf("the frame shows nav %v, install %v, share %v, a log link %v; want none", c.Nav, c.Install, c.Share, c.Log)
	}
	if c.SW {
		t.Errorf("the frame offers go-app a service worker")
	}
	if !strings.HasPrefix(c.Full, "/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10&takes=3") || c.Target != "_blank noopener" {
		t.Errorf("Open the full calculator: href %q, target and rel %q", c.Full, c.Target)
	}

	first := waitFits(t, host, frame, srv.URL, "after loading")
	t.Logf("the calculator's frame is %dpx high", first)

	// The content grows: the ranking (view=compare) is taller.
	e2e.Eval[bool](host, fmt.Sprintf(`document.getElementById("aivc").src = %q, true`, srv.URL+"/embed#view=compare&dur=10&theme=dark&res=1080p&accent=f50"))
	frame.WaitFor("the ranking in the frame", `document.querySelectorAll("#ranking tr[data-model]").length > 0`, 20*time.Second)
	grown := waitFits(t, host, frame, srv.URL, "after switching to the ranking")
	if grown <= first {
		t.Errorf("the ranking's frame is %dpx high, not more than the calculator's %dpx", grown, first)
	}
	// Its link to the full comparison carries the ranking's state, and not
	// the embed's own view, theme and accent, which stayed in /compare's
	// address.
	href := e2e.Eval[string](frame, `(() => {
		const a = document.getElementById("embed-full");
		addEventListener("click", (e) => e.preventDefault(), {once: true}); // no new tab
		a.click();
		return a.getAttribute("href");
	})()`)
	if !strings.HasPrefix(href, "/compare#") || !strings.Contains(href, "dur=10") || !strings.Contains(href, "res=1080p") ||
		strings.Contains(href, "view=") || strings.Contains(href, "theme=") || strings.Contains(href, "accent=") {
		t.Errorf("Open the full comparison: href %q, want /compare#… with the shot and none of the embed's options", href)
	}

	// The content shrinks: back to the calculator, with no gap below it.
	e2e.Eval[bool](host, fmt.Sprintf(`document.getElementById("aivc").src = %q, true`,
		srv.URL+"/embed#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10&takes=3"))
	frame.WaitFor("the calculator in the frame", `!!document.getElementById("cost-per-kept-clip")`, 20*time.Second)
	back := waitFits(t, host, frame, srv.URL, "after switching back to the calculator")
	if back >= grown {
		t.Errorf("back to the calculator the frame is %dpx high, not less than the ranking's %dpx", back, grown)
	}

	// Typing a bad value shows a message: the frame follows.
	e2e.TypeInto(frame, "f-dur", "abc")
	frame.WaitFor("the duration's message", `document.getElementById("f-dur-msg").textContent.trim() !== ""`, 10*time.Second)
	waitFits(t, host, frame, srv.URL, "after a message appeared")
	e2e.TypeInto(frame, "f-dur", "10")
	frame.WaitFor("the message to go", `document.getElementById("f-dur-msg").textContent.trim() === ""`, 10*time.Second)
	steady := waitFits(t, host, frame, srv.URL, "after the message went")

	unchanged := func(what string) {
		t.Helper()
		time.Sleep(300 * time.Millisecond)
		if got := e2e.Eval[float64](host, frameHeight); int(got) != steady {
			t.Errorf("%s: the frame is %vpx high, want %dpx as before", what, got, steady)
		}
	}

	// Messages from the host page itself are ignored.
	e2e.Eval[bool](host, `window.postMessage({type: "aivc:height", height: 5000}, "*"), true`)
	unchanged("a height posted by the host page")

	// Messages from a third origin's frame are ignored.
	e2e.Eval[bool](host, fmt.Sprintf(`(() => {
		const f = document.createElement("iframe");
		f.src = %q;
		document.body.append(f);
		return true;
	})()`, b.Evil))
	host.WaitFor("the third origin's messages", `window.__msgs.some((m) => m.data.includes("evil:done"))`, 20*time.Second)
	unchanged("heights posted by a third origin")

	// From the frame itself, only the expected shape counts.
	e2e.Eval[bool](frame, `(() => {
		for (const m of [
			{type: "aivc:height", height: 5000, extra: 1},
			{type: "aivc:height", height: "5000"},
			{type: "aivc:height", height: Infinity},
			{type: "aivc:height", height: NaN},
			{type: "aivc:height", height: 1e9},
			{type: "aivc:height", height: -5},
			{type: "aivc:height", height: 5},
			{type: "aivc:size", height: 5000},
			{height: 5000},
			"aivc:height",
			[5000],
			null,
		]) parent.postMessage(m, "*");
		return true;
	})()`)
	unchanged("messages of another shape from the frame")

	// Control: a well-formed height from the frame is obeyed, and the
	// frame posts its real height again when /embed.js asks.
	e2e.Eval[bool](frame, `parent.postMessage({type: "aivc:height", height: 1234}, "*"), true`)
	host.WaitFor("the frame to obey a well-formed height", frameHeight+` === 1234`, 10*time.Second)
	e2e.Eval[bool](host, fmt.Sprintf(`document.getElementById("aivc").contentWindow.postMessage({type: "aivc:ping"}, %q), true`, srv.URL))
	if got := waitFits(t, host, frame, srv.URL, "after a ping"); got != steady {
		t.Errorf("after a ping the frame is %dpx high, want %d", got, steady)
	}

	// On a phone, 380 px wide, the ranking's frame fits it too, and is
	// never sized to a page narrowed by a scrollbar of the frame's own. Such
	// a scrollbar, shown while the frame was shorter than the growing
	// ranking, took 15 px of the page's width; a line wrapped more, and the
	// height posted was the narrower page's: the frame stood at 3,022 px
	// around 2,997 px of content, the content flipping between the two.
	e2e.Call(host, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 380, Height: 800, DeviceScaleFactor: 1, Mobile: true})
	narrow, posted := switchToRanking(t, host, frame, srv.URL, "the ranking at 380 px")
	time.Sleep(500 * time.Millisecond)
	if got, content := e2e.Eval[float64](host, frameHeight), e2e.Eval[float64](frame, `document.documentElement.getBoundingClientRect().height`); int(got) != narrow || got-content >= 1 {
		t.Errorf("at 380 px the ranking's frame is %vpx high around %vpx of content (it fitted at %dpx)", got, content, narrow)
	}
	if slices.Max(append(posted, 0)) > float64(narrow) {
		t.Errorf("at 380 px the ranking's frame was sized to a page narrowed by a scrollbar of its own: heights posted %v, it fits at %d px", posted, narrow)
	}

	frame.AssertNoErrors()
	host.AssertNoErrors()
}

// TestEmbedDownloadInPlace: an export in the frame (the ranking's CSV, a
// data: link with download) downloads where it is. The frame's click
// handler, which opens the site's links in a new tab, gave it
// target=_blank too: a download is no page, and a browser that follows
// the target over the download opens a tab for it. (The framed ranking
// leaves its exports to the full page, so the link is clicked by script.)
func TestEmbedDownloadInPlace(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	host := openBlog(t, newBlog(t, srv.URL), "")
	frame := e2e.AttachFrame(t, host, srv.URL+"/embed")
	frame.WaitReady()
	switchToRanking(t, host, frame, srv.URL, "the ranking")
	dir := t.TempDir()
	e2e.Call(host, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	})
	// The tabs the blog or its frame opened: the browser's other tabs are
	// other tests', opened and closed meanwhile.
	openers := []target.ID{chromedp.FromContext(host.Ctx).Target.TargetID, chromedp.FromContext(frame.Ctx).Target.TargetID}
	pages := func() int {
		infos, err := chromedp.Targets(host.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, info := range infos {
			if info.Type == "page" && slices.Contains(openers, info.OpenerID) {
				n++
			}
		}
		return n
	}
	before := pages()
	type clicked struct{ Name, Target string }
	got := e2e.Eval[clicked](frame, `(() => {
		const a = document.getElementById("download-csv");
		a.click();
		return {name: a.getAttribute("download"), target: a.target};
	})()`)
	if got.Target != "" {
		t.Errorf("the CSV's link was given target=%q: a download is no page to open in a tab", got.Target)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		if data, err := os.ReadFile(filepath.Join(dir, got.Name)); err == nil && strings.HasPrefix(string(data), "\ufeffrank,") {
			break
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("no %s downloaded from the frame; the folder holds %v%s", got.Name, entries, frame.ConsoleDump())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if after := pages(); after != before {
		t.Errorf("the download opened a tab: %d pages, %d before", after, before)
	}
	frame.AssertNoErrors()
	host.AssertNoErrors()
}

// TestEmbedFitsOffScreen: a frame below the reader's screen is fitted to
// its content before it is scrolled to. Chromium does not render a frame
// of another site while it is off screen, and its ResizeObserver does not
// run: the frame kept 720 px and scrolled inside itself, then jumped by
// 1,200 px as the reader reached it.
func TestEmbedFitsOffScreen(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	b := newBlog(t, srv.URL)
	host := e2e.NewTab(t, b.URL)
	e2e.Call(host, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recorder})
	host.Navigate("/?far")
	frame := e2e.AttachFrame(t, host, srv.URL+"/embed")
	frame.WaitReady()
	offScreen := `document.getElementById("aivc").getBoundingClientRect().top - innerHeight`
	if top := e2e.Eval[float64](host, offScreen); top <= 0 {
		t.Fatalf("the frame is on screen (%v px from the bottom)", top)
	}
	// The frame posts a height once it has held for 50 ms: the prerendered
	// page's can be the one applied when the app is ready.
	waitFits(t, host, frame, srv.URL, "off screen")
	if top := e2e.Eval[float64](host, offScreen); top <= 0 {
		t.Fatalf("the frame came on screen (%v px from the bottom) before it fitted", top)
	}
}

// TestEmbedHostConsoleQuiet: /embed.js leaves nothing in the article's
// console. Its first ping went to a frame still blank (loading="lazy", not
// yet loaded), and Chromium warned "Failed to execute 'postMessage' on
// 'DOMWindow': The target origin provided (…) does not match the recipient
// window's origin (…)", which reads to a blog's author as a broken embed.
func TestEmbedHostConsoleQuiet(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	b := newBlog(t, srv.URL)
	host := openBlog(t, b, "")
	frame := e2e.AttachFrame(t, host, srv.URL+"/embed")
	frame.WaitReady()
	waitFits(t, host, frame, srv.URL, "in the article")
	time.Sleep(100 * time.Millisecond) // the last messages land
	for _, m := range host.Messages() {
		if m.Type == chromedp.ConsoleWarning || m.Type == chromedp.ConsoleError || m.IsException() {
			t.Errorf("the article's console: %s", m)
		}
	}
}

// TestEmbedTwoInBlog: an article with two snippets, the second parsed
// after the first snippet's /embed.js has run (a long article, a slow
// connection). On a phone, both frames fit their content, and the second
// frame's page does not scroll inside it. /embed.js asked only the frames
// it found when it started: the second frame never heard it, kept a
// scrollbar of its own while it grew, and could be sized to the page that
// scrollbar narrowed (3,022 px around 2,997 px of content at 380 px).
func TestEmbedTwoInBlog(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	b := newBlog(t, srv.URL)
	host := e2e.NewTab(t, b.URL)
	e2e.Call(host, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 380, Height: 800, DeviceScaleFactor: 1, Mobile: true})
	host.Navigate("/?two")
	e2e.Eval[bool](host, `document.getElementById("aivc").scrollIntoView({block: "start"}), true`)
	calc := e2e.AttachFrame(t, host, srv.URL+"/embed#profile=")
	ranking := e2e.AttachFrame(t, host, srv.URL+"/embed#view=compare")
	calc.WaitReady()
	ranking.WaitReady()
	ranking.WaitFor("the ranking", `document.querySelectorAll("#ranking tr[data-model]").length > 0`, 20*time.Second)
	for _, f := range []struct {
		id    string
		frame *e2e.Tab
	}{{"aivc", calc}, {"aivc2", ranking}} {
		deadline := time.Now().Add(20 * time.Second)
		for {
			got := e2e.Eval[float64](host, fmt.Sprintf(`document.getElementById(%q).getBoundingClientRect().height`, f.id))
			content := e2e.Eval[float64](f.frame, `document.documentElement.getBoundingClientRect().height`)
			overflow := e2e.Eval[string](f.frame, `getComputedStyle(document.documentElement).overflowY`)
			if got == math.Ceil(content) && overflow == "hidden" {
				t.Logf("#%s: %v px", f.id, got)
				break
			}
			if time.Now().After(deadline) {
				t.Errorf("#%s at 380 px: the frame is %v px high around %v px of content, and its page's overflow is %q, not hidden (not sized by /embed.js)",
					f.id, got, content, overflow)
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	calc.AssertNoErrors()
	ranking.AssertNoErrors()
	host.AssertNoErrors()
}

// TestEmbedBusyHost: on an article whose own scripts keep it busy, the
// frame, sized late, still does not scroll inside itself. It took a frame
// not yet at the height it posted a second earlier for one the host's
// style held short, and scrolled for good: at 380 px, with a scrollbar of
// its own, a page that grew was sized to its narrower self.
func TestEmbedBusyHost(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	b := newBlog(t, srv.URL)
	host := e2e.NewTab(t, b.URL)
	e2e.Call(host, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recorder})
	e2e.Call(host, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 380, Height: 800, DeviceScaleFactor: 1, Mobile: true})
	host.Navigate("/?busy")
	e2e.Eval[bool](host, `document.getElementById("aivc").scrollIntoView({block: "start"}), true`)
	frame := e2e.AttachFrame(t, host, srv.URL+"/embed")
	frame.WaitReady()
	waitFits(t, host, frame, srv.URL, "on a busy page")
	if got := e2e.Eval[string](frame, `getComputedStyle(document.documentElement).overflowY`); got != "hidden" {
		t.Errorf("on a busy page the frame's page scrolls inside it (overflow %q)", got)
	}
	// The content grows: the frame follows, not narrowed by a scrollbar.
	fit, posted := switchToRanking(t, host, frame, srv.URL, "the ranking on a busy page")
	if slices.Max(append(posted, 0)) > float64(fit) {
		t.Errorf("the ranking's frame was sized to a page narrowed by a scrollbar of its own: heights posted %v, it fits at %d px", posted, fit)
	}
	frame.AssertNoErrors()
	host.AssertNoErrors()
}

// TestEmbedBeforeWasm: the prerendered embed is the calculator at its
// first values, not the article's; until the wasm shows those, its figures
// are faded and busy, and where the wasm cannot run the embed says so in
// their place. It showed $0.50 a kept clip, the first values', beside an
// article about a $3.60 clip, and a form that did nothing. The ranking's
// frame says it is loading until then, without the calculator.
func TestEmbedBeforeWasm(t *testing.T) {
	t.Parallel()
	const link = "/embed#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10&takes=3"
	type look struct {
		Busy    string
		Opacity string
	}
	const lookJS = `(() => {
		const r = document.querySelector("#main .results");
		return {busy: r.getAttribute("aria-busy") || "", opacity: getComputedStyle(r).opacity};
	})()`

	// Loading (app.wasm held back, as on a slow connection).
	held, release := e2e.NewHeldServer(t)
	tb := e2e.NewTab(t, held.URL)
	tb.Navigate(link)
	if got := e2e.Eval[look](tb, lookJS); got.Busy != "true" || got.Opacity == "1" {
		t.Errorf("before the wasm runs, the first values' results are busy %q, opacity %s; want busy and faded", got.Busy, got.Opacity)
	}
	release()
	tb.WaitReady()
	e2e.WaitResults(tb, "the article's preset", map[string][2]string{"cost-per-kept-clip": {"3.6", "$3.60"}})
	if got := e2e.Eval[look](tb, lookJS); got.Busy != "" || got.Opacity != "1" {
		t.Errorf("once the wasm runs, the results are busy %q, opacity %s", got.Busy, got.Opacity)
	}
	tb.AssertNoErrors()

	// The ranking's frame, loading: the prerendered page is the calculator,
	// which a reader saw, and typed into, where a ranking was promised. It
	// says the ranking is coming instead, and has nothing to type into.
	held, release = e2e.NewHeldServer(t)
	tb = e2e.NewTab(t, held.URL)
	tb.Navigate(link + "&view=compare")
	type loading struct {
		Text     string
		Controls []string
	}
	const loadingJS = `(() => {
		const p = document.getElementById("embed-loading");
		return {text: p && p.checkVisibility() ? p.textContent : "",
			controls: [...document.querySelectorAll("input, select, button")].filter((e) => e.checkVisibility()).map((e) => e.id)};
	})()`
	if got := e2e.Eval[loading](tb, loadingJS); got.Text != "Loading the comparison…" || len(got.Controls) > 0 {
		t.Errorf("before the wasm runs, the ranking's frame says %q and shows the controls %q; want it to say the comparison is loading, and none",
			got.Text, got.Controls)
	}
	// go-app's loader, hidden but read by a screen reader, names the
	// comparison too: it said "Loading the live calculator: 0%" here, then
	// "Loading the live page: 0%".
	var loader []string
	for _, n := range e2e.AXNodes(tb) {
		if n.Role == "StaticText" && strings.HasPrefix(n.Name, "Loading the") {
			loader = append(loader, n.Name)
		}
	}
	if !slices.Contains(loader, "Loading the comparison: 0%") || slices.ContainsFunc(loader, func(s string) bool { return !strings.Contains(s, "comparison") }) {
		t.Errorf("before the wasm runs, the ranking's frame reads out %q; want the loader to name the comparison", loader)
	}
	release()
	tb.WaitReady()
	tb.WaitFor("the ranking", `document.querySelectorAll("#ranking tr[data-model]").length > 0`, 20*time.Second)
	if got := e2e.Eval[loading](tb, loadingJS); got.Text != "" || len(got.Controls) == 0 {
		t.Errorf("once the wasm runs, the ranking's frame says %q, with the controls %q", got.Text, got.Controls)
	}
	tb.AssertNoErrors()

	// The wasm cannot run.
	srv := e2e.NewServer(t)
	for _, c := range []struct{ what, script, block string }{
		{"without WebAssembly", "delete window.WebAssembly;", ""},
		{"with app.wasm blocked", "", "/web/app.wasm"},
	} {
		tb := e2e.NewTab(t, srv.URL)
		if c.script != "" {
			e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: c.script})
		}
		if c.block != "" {
			e2e.Call(tb, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: srv.URL + c.block, Block: true}}})
		}
		tb.Navigate(link + "&view=compare")
		tb.WaitFor(c.what+": the embed's message", `(() => {
			const p = document.getElementById("embed-failed");
			return !!p && p.checkVisibility();
		})()`, 20*time.Second)
		type failed struct {
			Text, Href, Role string
			Figures          bool
		}
		got := e2e.Eval[failed](tb, `(() => {
			const a = document.querySelector("#embed-failed a");
			a.addEventListener("click", (e) => e.preventDefault(), {once: true}); // no new tab
			a.click();
			const p = document.getElementById("embed-failed");
			return {text: p.textContent, href: a.href + " " + a.target, role: p.getAttribute("role"),
				figures: document.body.innerText.includes("$")};
		})()`)
		if got.Role != "alert" {
			t.Errorf("%s: the message's role is %q, not alert: a screen reader does not read it out", c.what, got.Role)
		}
		if !strings.Contains(got.Text, "comparison could not start") || !strings.Contains(got.Text, "WebAssembly") {
			t.Errorf("%s: the embed says %q", c.what, got.Text)
		}
		if want := srv.URL + "/compare#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10&takes=3 _blank"; got.Href != want {
			t.Errorf("%s: its link is %q, want %q", c.what, got.Href, want)
		}
		if got.Figures {
			t.Errorf("%s: the embed still shows the first values' figures", c.what)
		}
		if e2e.Eval[bool](tb, `!!document.getElementById("embed-loading")`) {
			t.Errorf("%s: the embed still says the comparison is loading", c.what)
		}
		if got := e2e.Eval[string](tb, `document.title`); got != "AI video cost comparison — AIVC" {
			t.Errorf("%s: the ranking's frame is titled %q", c.what, got)
		}
		if got, want := e2e.Eval[string](tb, `document.querySelector('meta[name="description"]').content`), pageDescription(tb, "/compare"); got != want {
			t.Errorf("%s: the ranking's frame is described as %q, want /compare's %q", c.what, got, want)
		}
	}
}

// TestEmbedWithoutScript: without /embed.js the frame keeps the snippet's
// fixed height, and the calculator in it still works.
func TestEmbedWithoutScript(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	b := newBlog(t, srv.URL)
	host := openBlog(t, b, "?noscript")
	frame := e2e.AttachFrame(t, host, srv.URL+"/embed")
	frame.WaitReady()
	e2e.WaitResults(frame, "the preset of the demo article", map[string][2]string{"cost-per-kept-clip": {"3.6", "$3.60"}})
	time.Sleep(300 * time.Millisecond)
	if h := e2e.Eval[float64](host, frameHeight); h != 720 {
		t.Errorf("without embed.js the frame is %vpx high, want the snippet's 720", h)
	}
	// The content scrolls inside the frame, none of it cut off.
	if !e2e.Eval[bool](frame, `document.documentElement.scrollHeight > innerHeight ? getComputedStyle(document.documentElement).overflowY !== "hidden" : true`) {
		t.Error("the frame's content is taller than the frame and cannot scroll")
	}
	frame.AssertNoErrors()
	host.AssertNoErrors()
}

// TestEmbedHeldShort: where the host's style holds the frame shorter than
// embed.js asks (a max-height), the page scrolls inside it again. It no
// longer scrolled once embed.js had pinged the frame, and the rest of the
// calculator, below 400 px, could not be reached.
func TestEmbedHeldShort(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	b := newBlog(t, srv.URL)
	host := openBlog(t, b, "?short")
	frame := e2e.AttachFrame(t, host, srv.URL+"/embed")
	frame.WaitReady()
	e2e.WaitResults(frame, "the preset of the demo article", map[string][2]string{"cost-per-kept-clip": {"3.6", "$3.60"}})
	if h := e2e.Eval[float64](host, frameHeight); h != 400 {
		t.Fatalf("the frame is %vpx high, want the host's 400", h)
	}
	frame.WaitFor("the frame's page to scroll", `document.documentElement.scrollHeight > innerHeight &&
		getComputedStyle(document.documentElement).overflowY !== "hidden"`, 5*time.Second)
	frame.AssertNoErrors()
	host.AssertNoErrors()
}

// TestEmbedFramingFromBlog: on another site the full app refuses to load
// in a frame, and /embed loads.
func TestEmbedFramingFromBlog(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	b := newBlog(t, srv.URL)
	host := openBlog(t, b, "?noscript")
	for _, p := range []string{"/#dur=5", "/compare", "/embed#dur=5"} {
		e2e.Eval[bool](host, fmt.Sprintf(`(() => {
			const f = document.createElement("iframe");
			f.src = %q;
			document.body.append(f);
			return true;
		})()`, srv.URL+p))
	}
	// Cross-site frames run in their own processes, as targets of their own:
	// a frame the site refused shows Chrome's error page instead.
	want := map[string]bool{"/#dur=5": false, "/compare": false, "/embed#dur=5": true}
	got := map[string]bool{}
	attached := map[target.ID]context.Context{}
	deadline := time.Now().Add(30 * time.Second)
	for len(got) < len(want) {
		infos, err := chromedp.Targets(host.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			p, ok := strings.CutPrefix(info.URL, srv.URL)
			if _, known := want[p]; info.Type != "iframe" || !ok || !known {
				continue
			}
			if _, done := got[p]; done {
				continue
			}
			fctx, ok := attached[info.TargetID]
			if !ok {
				var cancel context.CancelFunc
				fctx, cancel = chromedp.NewContext(host.Ctx, chromedp.WithTargetID(info.TargetID))
				t.Cleanup(cancel) // cancelling closes the target: not before the end
				attached[info.TargetID] = fctx
			}
			doc, err := chromedp.Run(fctx, chromedp.Evaluate[string](
				`document.readyState === "complete" ? document.URL + (document.querySelector("main") ? " main" : "") : ""`))
			if err != nil {
				t.Logf("framing %s: %v", p, err)
			}
			if err == nil && doc != "" {
				got[p] = strings.HasPrefix(doc, srv.URL) && strings.HasSuffix(doc, " main")
				t.Logf("framing %s from another site: the frame shows %s", p, doc)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("frames seen %v, want %v", got, want)
		}
		time.Sleep(200 * time.Millisecond)
	}
	for p, loaded := range want {
		if got[p] != loaded {
			t.Errorf("framing %s from another site: loaded = %v, want %v", p, got[p], loaded)
		}
	}
}

// TestEmbedStorageBlocked: where the browser blocks a frame's storage
// (localStorage and sessionStorage throw, no service worker), /embed still
// computes, with no uncaught error.
func TestEmbedStorageBlocked(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `(() => {
		const deny = () => { throw new DOMException("Access is denied for this document.", "SecurityError"); };
		for (const name of ["localStorage", "sessionStorage"]) {
			Object.defineProperty(window, name, {get: deny, configurable: true});
		}
		delete Navigator.prototype.serviceWorker;
	})()`})
	tb.Open("/embed#price=15&credits=625&clip=50&dur=10")
	e2e.WaitResults(tb, "a calculation with storage blocked", map[string][2]string{"cost-per-clip": {"1.2", "$1.20"}})
	e2e.TypeInto(tb, "f-price", "20")
	e2e.WaitResults(tb, "typing with storage blocked", map[string][2]string{"price-per-credit": {"0.032", "$0.032"}})
	tb.AssertNoErrors()
}

// TestEmbedLook: theme and accent from the link, and bad values ignored.
func TestEmbedLook(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	type look struct {
		Theme, Accent, AccentText string
	}
	read := func(tb *e2e.Tab) look {
		return e2e.Eval[look](tb, `(() => {
			const s = getComputedStyle(document.documentElement);
			return {theme: document.documentElement.dataset.theme || "", accent: s.getPropertyValue("--accent").trim(),
				accentText: s.getPropertyValue("--accent-text").trim()};
		})()`)
	}
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/embed#theme=dark&accent=F50")
	tb.WaitFor("the accent", `getComputedStyle(document.documentElement).getPropertyValue("--accent").trim() === "#ff5500"`, 10*time.Second)
	if got := read(tb); got != (look{"dark", "#ff5500", "#ffffff"}) {
		t.Errorf("theme=dark&accent=F50: %+v", got)
	}
	tb.AssertNoErrors()

	// A reader's edit keeps the look and the view in the frame's address,
	// so a reload (the blog's, which restores the frame's last address)
	// shows the same: before, it kept only the shot's keys, and the frame
	// came back as the calculator, in the default theme.
	tb = e2e.NewTab(t, srv.URL)
	tb.Open("/embed#view=compare&theme=dark&accent=F50&dur=8")
	e2e.TypeInto(tb, "f-dur", "6")
	tb.WaitFor("the edit in the address", `location.hash.includes("dur=6")`, 10*time.Second)
	for _, key := range []string{"view=compare", "theme=dark", "accent=F50"} {
		if h := e2e.Eval[string](tb, `location.hash`); !strings.Contains(h, key) {
			t.Errorf("after an edit the address is %s, without %s", h, key)
		}
	}
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	if got := read(tb); got.Theme != "dark" || got.Accent != "#ff5500" || !e2e.Eval[bool](tb, `!!document.getElementById("ranking")`) {
		t.Errorf("reloaded after an edit: %+v, ranking shown: %v", got, e2e.Eval[bool](tb, `!!document.getElementById("ranking")`))
	}
	tb.AssertNoErrors()

	// Text in the accent reads on the theme's background (4.5:1), whatever
	// accent the author chose and whichever theme the reader's system
	// gives: accent=ffff00 made links 1.07:1 on white, 1a237e 1.3:1 on dark.
	ctb := e2e.NewTab(t, srv.URL)
	for _, c := range []struct{ link, scheme string }{
		{"/embed#view=compare&theme=light&accent=ffff00", "light"},
		{"/embed#view=compare&theme=dark&accent=1a237e", "light"},
		{"/embed#view=compare&accent=1a237e", "dark"},
		{"/embed#view=compare&accent=ffff00", "light"},
		{"/embed#view=compare&accent=F50", "dark"},
		{"/embed#view=compare", "dark"},
		{"/embed#view=compare", "light"},
	} {
		e2e.Call(ctb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: c.scheme}}})
		ctb.Open(c.link)
		for _, m := range e2e.Eval[[]string](ctb, accentContrastJS) {
			t.Errorf("%s on a %s system: %s", c.link, c.scheme, m)
		}
	}

	tb = e2e.NewTab(t, srv.URL)
	tb.Open("/embed#theme=purple&accent=red;background:url(x)")
	if got := read(tb); got.Theme != "" || got.Accent != "#4338ca" {
		t.Errorf("bad theme and accent: %+v, want the defaults", got)
	}
	tb.AssertNoErrors()

	// The theme applies before the wasm runs (embed-frame.js).
	tb = e2e.NewTab(t, srv.URL)
	e2e.Call(tb, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
		{URLPattern: srv.URL + "/app.js", Block: true},
	}})
	tb.Navigate("/embed#theme=dark")
	if got := read(tb); got.Theme != "dark" {
		t.Errorf("before the wasm runs: theme %q, want dark", got.Theme)
	}
}

// accentContrastJS lists the text in the accent (links, secondary and
// sorted buttons, summaries) whose contrast with the page's background is
// under 4.5:1, and the secondary buttons whose edge, in the accent, is
// under 3:1. Colours are read back through a canvas, which takes any CSS
// colour (oklch() included) and gives sRGB.
const accentContrastJS = `(() => {
  const ctx = Object.assign(document.createElement("canvas"), {width: 1, height: 1}).getContext("2d", {willReadFrequently: true});
  const rgb = (css) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = "#010203"; ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1); return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3); };
  const lum = (c) => c.map((v) => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const bg = rgb(getComputedStyle(document.body).backgroundColor);
  const bad = [];
  for (const el of document.querySelectorAll("main a[href], button.secondary, summary, th[aria-sort] .cmp-sort")) {
    if (!el.checkVisibility()) continue;
    const css = getComputedStyle(el).color, c = rgb(css);
    if (c.join() === "1,2,3") { bad.push("unreadable colour " + css); continue; }
    const [hi, lo] = [lum(c), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < 4.5) bad.push(JSON.stringify(el.textContent.trim().slice(0, 30)) + " is " + css + " on rgb(" + bg + "): " + ratio.toFixed(2) + ":1");
    if (!el.matches("button.secondary")) continue;
    const edge = rgb(getComputedStyle(el).borderTopColor), [eh, el2] = [lum(edge), lum(bg)].sort((a, b) => b - a);
    if ((eh + 0.05) / (el2 + 0.05) < 3) bad.push(JSON.stringify(el.textContent.trim().slice(0, 30)) + "'s edge is rgb(" + edge + ") on rgb(" + bg + "): " + ((eh + 0.05) / (el2 + 0.05)).toFixed(2) + ":1");
  }
  return bad;
})()`

// TestEmbedFullLinkAligned: the framed ranking's "Open the full comparison"
// lines up with the ranking above it. It came after the page's padded box,
// flush with the frame's left edge.
func TestEmbedFullLinkAligned(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, width := range []int64{412, 1280} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 800, DeviceScaleFactor: 1})
		tb.Open("/embed#view=compare")
		got := e2e.Eval[[]float64](tb, `[document.getElementById("embed-full").getBoundingClientRect().left,
			document.getElementById("ranking-section").getBoundingClientRect().left]`)
		if got[0] != got[1] {
			t.Errorf("%d px wide: the link starts at %.0f px, the ranking at %.0f px", width, got[0], got[1])
		}
	}
}

// TestEmbedFollowLinkHref: the framed ranking's "Open the full comparison"
// carries the reader's shot in its href at all times, not only once
// clicked: "Copy link address", a drag, the status bar and a middle-click
// read the href without a click, and gave the plain /compare.
func TestEmbedFollowLinkHref(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/embed#view=compare&dur=10&theme=dark&accent=f50")
	const href = `document.getElementById("embed-full").getAttribute("href")`
	if got := e2e.Eval[string](tb, href); !strings.HasPrefix(got, "/compare#") || !strings.Contains(got, "dur=10") ||
		strings.Contains(got, "view=") || strings.Contains(got, "theme=") || strings.Contains(got, "accent=") {
		t.Errorf("on load, Open the full comparison: href %q, want /compare#… with dur=10 and none of the embed's options", got)
	}
	e2e.TypeInto(tb, "f-dur", "8")
	tb.WaitFor("the fragment to carry the new duration", `location.hash.includes("dur=8")`, 10*time.Second)
	if got := e2e.Eval[string](tb, href); !strings.HasPrefix(got, "/compare#") || !strings.Contains(got, "dur=8") || strings.Contains(got, "dur=10") {
		t.Errorf("after typing 8 s, Open the full comparison: href %q, want /compare#… with dur=8", got)
	}

	// A middle-click opens the link in a new tab, with no click event.
	xy := e2e.Eval[[]float64](tb, `(() => {
		const a = document.getElementById("embed-full");
		a.scrollIntoView({block: "center"});
		const r = a.getBoundingClientRect();
		return [r.left + r.width / 2, r.top + r.height / 2];
	})()`)
	tb.Do("middle-clicking the link", chromedp.MouseClickXY(xy[0], xy[1], chromedp.ButtonType(input.MouseButtonMiddle)))
	var opened string
	for deadline := time.Now().Add(10 * time.Second); opened == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		infos, err := chromedp.Targets(tb.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type == "page" && strings.HasPrefix(info.URL, srv.URL+"/compare") {
				opened = info.URL
				if _, err := chromedp.CallBrowser(tb.Ctx, target.CloseTarget, target.CloseTargetParams{TargetID: info.TargetID}); err != nil {
					t.Errorf("closing the new tab: %v", err)
				}
			}
		}
	}
	if !strings.HasPrefix(opened, srv.URL+"/compare#") || !strings.Contains(opened, "dur=8") {
		t.Errorf("a middle-click opened %q, want %s/compare#… with dur=8", opened, srv.URL)
	}

	// The app writes its state with history.replaceState, which fires no
	// event: the href follows at once, whether or not a render comes after.
	if got := e2e.Eval[string](tb, `history.replaceState(history.state, "", "#view=compare&dur=12"), `+href); got != "/compare#dur=12" {
		t.Errorf("after replaceState, Open the full comparison: href %q, want /compare#dur=12", got)
	}
	tb.AssertNoErrors()
}

// TestEmbedTitle: the frame's document is named and described for the
// view it shows, as the snippet names the frame: a screen reader gives the
// title for the frame's content, and a frame opened in a tab of its own
// showed the ranking as "AI video cost calculator"; its description (and
// og:description) described the calculator beside the ranking. Switched
// in place, both follow.
func TestEmbedTitle(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/embed#view=compare&dur=10")
	const comparison, calculator = "AI video cost comparison — AIVC", "AI video cost calculator — AIVC"
	if got := e2e.Eval[string](tb, `document.title`); got != comparison {
		t.Errorf("the ranking's title is %q, want %q", got, comparison)
	}
	// The descriptions as the site's pages give them: /compare's for the
	// ranking, the embed's own (the calculator's) for the calculator.
	ranking, calc := pageDescription(tb, "/compare"), pageDescription(tb, "/embed")
	if ranking == calc || !strings.Contains(ranking, "ranked") {
		t.Fatalf("/compare is described as %q, the embed as %q", ranking, calc)
	}
	described := func(what, want string) {
		t.Helper()
		tb.WaitFor(what, fmt.Sprintf(`[...document.querySelectorAll('meta[name="description"], meta[property="og:description"]')]
			.every((m) => m.content === %q)`, want), 10*time.Second)
	}
	described("the ranking's description", ranking)
	e2e.Eval[bool](tb, `(location.hash = "#dur=10"), true`)
	tb.WaitFor("the calculator", `!!document.getElementById("cost-per-kept-clip")`, 20*time.Second)
	tb.WaitFor("the calculator's title", fmt.Sprintf(`document.title === %q`, calculator), 10*time.Second)
	described("the calculator's description", calc)
	e2e.Eval[bool](tb, `(location.hash = "#view=compare&dur=10"), true`)
	tb.WaitFor("the ranking", `document.querySelectorAll("#ranking tr[data-model]").length > 0`, 20*time.Second)
	tb.WaitFor("the ranking's title", fmt.Sprintf(`document.title === %q`, comparison), 10*time.Second)
	described("the ranking's description again", ranking)
	tb.AssertNoErrors()
}

// pageDescription is the meta description of the site's page at path as
// served (prerendered), fetched by the page open in tb.
func pageDescription(tb *e2e.Tab, path string) string {
	tb.T.Helper()
	return e2e.Eval[string](tb, fmt.Sprintf(`fetch(%q).then((r) => r.text()).then((t) =>
		new DOMParser().parseFromString(t, "text/html").querySelector('meta[name="description"]').content)`, path))
}

// TestShareEmbed: the calculator's Share & embed section gives a link and a
// snippet for the current state on the page's own origin, copies them, and
// previews the embed live.
func TestShareEmbed(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	// Reading the clipboard back needs the permission; writing does not.
	if _, err := chromedp.CallBrowser(tb.Ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
		Permission: &cdpbrowser.PermissionDescriptor{Name: "clipboard-read"},
		Setting:    cdpbrowser.PermissionSettingGranted,
		Origin:     srv.URL,
	}); err != nil {
		t.Fatalf("granting clipboard-read: %v", err)
	}
	tb.Open("/#price=15&credits=625&clip=50&dur=10")
	link := func() string { return e2e.Eval[string](tb, `document.getElementById("share-link").value`) }
	snippet := func() string { return e2e.Eval[string](tb, `document.getElementById("share-snippet").value`) }
	if got, want := link(), srv.URL+"/#price=15&credits=625&clip=50&dur=10"; got != want {
		t.Errorf("share link %q, want %q", got, want)
	}
	wantSnippet := fmt.Sprintf(`<iframe src="%s/embed#price=15&amp;credits=625&amp;clip=50&amp;dur=10" title="AI video cost calculator" `+
		`width="100%%" height="720" style="border:0;width:100%%" loading="lazy"></iframe>`+"\n"+`<script src="%s/embed.js" async></script>`, srv.URL, srv.URL)
	if got := snippet(); got != wantSnippet {
		t.Errorf("snippet:\n%s\nwant:\n%s", got, wantSnippet)
	}

	// Copy: the clipboard gets the snippet, or the page says it could not.
	tb.Do("copying the snippet", chromedp.Click(chromedp.ID("share-copy-embed")))
	tb.WaitFor("the copy status", `!["", "Copying…"].includes(document.getElementById("share-status").textContent.trim())`, 10*time.Second)
	status := e2e.Eval[string](tb, `document.getElementById("share-status").textContent.trim()`)
	if status == "Copied the embed code." {
		if got := e2e.Eval[string](tb, `navigator.clipboard.readText()`); got != wantSnippet {
			t.Errorf("the clipboard holds %q", got)
		}
	} else {
		t.Logf("copy status: %s", status)
		if !e2e.Eval[bool](tb, `document.activeElement === document.getElementById("share-snippet")`) {
			t.Errorf("copying failed (%q) and the snippet is not selected for the person to copy", status)
		}
	}

	// The live preview is the embed, sized by /embed.js, following the page.
	tb.Do("opening the preview", chromedp.Click(chromedp.ID("share-preview")))
	tb.WaitFor("the preview to run", `(() => {
		const f = document.getElementById("share-frame");
		return !!(f && f.contentDocument && f.contentDocument.body && f.contentDocument.body.dataset.wasm === "ready");
	})()`, 60*time.Second)
	previewValue := func(id string) string {
		return fmt.Sprintf(`(document.getElementById("share-frame").contentDocument.getElementById(%q) || {dataset: {}}).dataset.value`, id)
	}
	tb.WaitFor("the preview's result", previewValue("price-per-credit")+` === "0.024"`, 10*time.Second)
	e2e.TypeInto(tb, "f-price", "20")
	tb.WaitFor("the link to follow the page", fmt.Sprintf(`document.getElementById("share-link").value === %q`,
		srv.URL+"/#price=20&credits=625&clip=50&dur=10"), 10*time.Second)
	tb.WaitFor("the preview to follow the page", previewValue("price-per-credit")+` === "0.032"`, 10*time.Second)
	// Its viewport, inside its 1 px border: the frame's outer height was
	// the content's, and the border took 2 px of the page's.
	tb.WaitFor("the preview to fit its content", `(() => {
		const f = document.getElementById("share-frame"), d = f.contentDocument.documentElement;
		return Math.abs(f.contentWindow.innerHeight - Math.ceil(d.getBoundingClientRect().height)) < 1 && d.scrollHeight <= f.contentWindow.innerHeight;
	})()`, 20*time.Second)
	tb.AssertNoErrors()
}

// TestShareEmbedCompare: the compare page's Share & embed section embeds
// the ranking (view=compare) with the page's state.
func TestShareEmbedCompare(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/compare#dur=5&res=720p")
	if e2e.Eval[bool](tb, `!document.getElementById("share-link")`) {
		t.Fatal("the compare page has no Share & embed section")
	}
	link := e2e.Eval[string](tb, `document.getElementById("share-link").value`)
	snippet := e2e.Eval[string](tb, `document.getElementById("share-snippet").value`)
	if !strings.HasPrefix(link, srv.URL+"/compare#dur=5&res=720p") {
		t.Errorf("share link %q", link)
	}
	if !strings.Contains(snippet, `src="`+srv.URL+`/embed#view=compare&amp;dur=5&amp;res=720p`) {
		t.Errorf("snippet %q does not embed the ranking of this shot", snippet)
	}
	tb.AssertNoErrors()
}

// TestShareCopyStatusFollowsLink: the Copy link button's status is under
// it, on a phone too (it was under the embed code and its buttons, ~470 px
// below, off the screen); and once the calculation changes, the Share
// section no longer says that its link was copied: "Copied the link."
// stayed beside a link of 8 s while the clipboard held the one of 5 s.
func TestShareCopyStatusFollowsLink(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 1, Mobile: true})
	tb.Open("/#price=30&credits=3000&clip=50&dur=5")
	tb.Do("copying the link", chromedp.Click(chromedp.ID("share-copy-link")))
	tb.WaitFor("the copy status", `!["", "Copying…"].includes(document.getElementById("share-link-status").textContent.trim())`, 10*time.Second)
	gap := e2e.Eval[float64](tb, `document.getElementById("share-link-status").getBoundingClientRect().top -
		document.getElementById("share-copy-link").getBoundingClientRect().bottom`)
	if gap > 40 {
		t.Errorf("the link's copy status is %.0f px below its button; want it just under", gap)
	}
	if got := e2e.Eval[string](tb, `document.getElementById("share-status").textContent.trim()`); got != "" {
		t.Errorf("the embed code's status says %q after the link was copied", got)
	}
	e2e.TypeInto(tb, "f-dur", "8")
	tb.WaitFor("the link of 8 s", `document.getElementById("share-link").value.endsWith("dur=8")`, 10*time.Second)
	time.Sleep(200 * time.Millisecond)
	if got := e2e.Eval[string](tb, `document.getElementById("share-link-status").textContent.trim()`); got != "" {
		t.Errorf("after the link changed the Share section says %q", got)
	}
	tb.AssertNoErrors()
}

// TestShareCustomProfile: a calculation on a profile of one's own shares
// its numbers, so that the link and the embed show the same cost on a
// device without the profile. They named the profile, and showed
// "Platform “runway-custom” is not in the list" everywhere else.
func TestShareCustomProfile(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	// Runway's Gen-4 Turbo (models[1]) at 10 credits a second.
	tb.Do("cloning Runway", chromedp.Click(chromedp.CSS(`#prof-runway button[data-action="clone"]`)))
	tb.WaitFor("the editor", `!!document.getElementById("f-models[1].rates[0].per_second")`, 10*time.Second)
	e2e.TypeInto(tb, "f-models[1].rates[0].per_second", "10")
	tb.Do("saving", chromedp.Click(chromedp.ID("prof-save")))
	tb.WaitFor("saved", `document.getElementById("prof-status").textContent.includes("Saved")`, 10*time.Second)

	want := map[string][2]string{"cost-per-clip": {"2.4", "$2.40"}, "total-cost": {"7.2", "$7.20"}}
	tb.Open("/#profile=runway-custom&plan=standard&model=gen-4-turbo&res=720p&dur=10&takes=1.5&clips=2")
	e2e.WaitResults(tb, "the calculator on the custom profile", want)
	link := e2e.Eval[string](tb, `document.getElementById("share-link").value`)
	src := e2e.Eval[string](tb, `document.getElementById("share-snippet").value.match(/src="([^"]*)"/)[1].replaceAll("&amp;", "&")`)
	if strings.Contains(link, "runway-custom") || strings.Contains(src, "runway-custom") {
		t.Errorf("the share link %q and embed %q name a profile only this device has", link, src)
	}

	other := e2e.NewServer(t) // another device: no custom profile
	tb2 := e2e.NewTab(t, other.URL)
	tb2.Open(strings.TrimPrefix(link, srv.URL))
	e2e.WaitResults(tb2, "the shared link elsewhere", want)
	tb2.Open(strings.TrimPrefix(src, srv.URL))
	e2e.WaitResults(tb2, "the embed elsewhere", want)
	tb.AssertNoErrors()
	tb2.AssertNoErrors()
}

// modelInSightJS lists the ranked rows whose model or platform a reader
// cannot read where the ranking opens (scrolled to its start): a line of
// the name out of its box, or under the cost per kept second kept at the
// box's right edge. The platform is read where it is shown: its column,
// or under the model's name where the box is narrow (generated from the
// cell's data-platform).
const modelInSightJS = `(() => {
	const box = document.querySelector("#ranking-section .cmp-scroll"), edge = box.getBoundingClientRect(), bad = [];
	box.scrollLeft = 0;
	const seen = (el) => [...el.getClientRects()].every((r) => [r.left + 1, r.right - 1].every((x) => {
		const top = document.elementFromPoint(x, r.top + r.height / 2);
		return x > edge.left && x < edge.right && !!top && el.contains(top);
	}));
	for (const row of document.querySelectorAll("#ranking tbody tr")) {
		scrollTo(0, scrollY + row.getBoundingClientRect().top - innerHeight / 2);
		const model = row.querySelector(".cmp-col-model :is(a, .cmp-model)"), column = row.querySelector(".cmp-col-platform");
		if (!seen(model)) bad.push("the model " + JSON.stringify(model.textContent) + " is hidden");
		// The generated text, then its words for a screen reader: "… / \"on …\"".
		const under = getComputedStyle(model.parentElement, "::after").content;
		if (!(column.checkVisibility() ? seen(column) : under.startsWith(JSON.stringify(column.textContent)) && seen(model.parentElement)))
			bad.push("the platform of " + JSON.stringify(model.textContent) + " is hidden");
	}
	return bad;
})()`

// TestEmbedRankingModelInSight: on a phone the ranking shows each row's
// model and platform beside its cost without a sideways scroll. At 360 px
// the cost per kept second, kept at the box's right edge, lay over the
// Model column: the blog's reader saw "Luma Dream Machine (app) $0.0217"
// and not which model; /compare at 360 px showed 34 px of each name.
func TestEmbedRankingModelInSight(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	host := e2e.NewTab(t, newBlog(t, srv.URL).URL)
	e2e.Call(host, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recorder})
	e2e.Call(host, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 360, Height: 740, DeviceScaleFactor: 1, Mobile: true})
	host.Navigate("/")
	e2e.Eval[bool](host, `document.getElementById("aivc").scrollIntoView({block: "start"}), true`)
	frame := e2e.AttachFrame(t, host, srv.URL+"/embed")
	frame.WaitReady()
	switchToRanking(t, host, frame, srv.URL, "the ranking at 360 px")
	for i, m := range e2e.Eval[[]string](frame, modelInSightJS) {
		if i < 3 {
			t.Errorf("the ranking's frame at 360 px: %s", m)
		}
	}
	frame.AssertNoErrors()
	host.AssertNoErrors()

	// The full page, on the same phone; and a tablet, where the columns
	// have room.
	tb := e2e.NewTab(t, srv.URL)
	for _, c := range []struct {
		path  string
		width int64
	}{{"/compare", 360}, {"/embed#view=compare", 680}} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: c.width, Height: 740, DeviceScaleFactor: 1, Mobile: true})
		tb.Open(c.path)
		tb.WaitFor("the ranking", `document.querySelectorAll("#ranking tr[data-model]").length > 0`, 20*time.Second)
		for i, m := range e2e.Eval[[]string](tb, modelInSightJS) {
			if i < 3 {
				t.Errorf("%s at %d px: %s", c.path, c.width, m)
			}
		}
		tb.AssertNoErrors()
	}
}

// TestEmbedStickyEdgeClean: nothing of the columns scrolled under the cost
// per kept second shows between it and the ranking box's right border. On
// a screen of 1.25, 1.5 or 2.625 device pixels to the CSS pixel (a laptop
// scaled 125 %, a phone), the kept cell and the box's clip were rounded to
// different device pixels, and a sliver of the next column's text stood
// on the border beside the header: a faint "|" in the frame of a 720 px
// tablet's blog (680 px wide), and at 720 px.
func TestEmbedStickyEdgeClean(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, dpr := range []float64{1.25, 1.5, 2.625} {
		for _, width := range []int64{680, 720} {
			e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 800, DeviceScaleFactor: dpr, Mobile: true})
			tb.Open("/embed#view=compare&theme=light")
			tb.WaitFor("the ranking", `document.querySelectorAll("#ranking tr[data-model]").length > 0`, 20*time.Second)
			// The strip along the border, from the header to the third
			// row, and the border's colour: anything darker is ink.
			type strip struct {
				X, Y, Height float64
				Border       []int
			}
			s := e2e.Eval[strip](tb, `(() => {
				const box = document.querySelector("#ranking-section .cmp-scroll");
				box.scrollIntoView();
				const b = box.getBoundingClientRect(), rows = document.querySelectorAll("#ranking tr");
				const c = getComputedStyle(box).borderRightColor.match(/\d+/g).map(Number);
				// Below the rounded corner.
				const top = b.top + 12;
				return {x: b.right - 3 + scrollX, y: top + scrollY, height: rows[3].getBoundingClientRect().bottom - top, border: c};
			})()`)
			if ink := inkIn(tb, page.Viewport{X: s.X, Y: s.Y, Width: 3, Height: s.Height, Scale: 1}, s.Border); ink > 0 {
				t.Errorf("%d px wide at %v device px per px: %d device pixels of text show on the ranking box's right border, beside the cost per kept second",
					width, dpr, ink)
			}
		}
	}
}

// inkIn counts the device pixels of clip (a page's CSS pixels) darker
// than a light theme's border colour, rgb border: text, not a border
// or a background.
func inkIn(tb *e2e.Tab, clip page.Viewport, border []int) int {
	tb.T.Helper()
	shot := e2e.Call(tb, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng, Clip: &clip})
	img, err := png.Decode(bytes.NewReader(shot.Data))
	if err != nil {
		tb.T.Fatal(err)
	}
	ink := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if int(r>>8) < border[0]-24 && int(g>>8) < border[1]-24 && int(b>>8) < border[2]-24 {
				ink++
			}
		}
	}
	return ink
}

// TestStickyEdgeNoSpecks: where the cost per kept second is kept at the
// ranking box's right edge, the column scrolled under it does not show
// specks of its letters beside it. In a 704 px embed, 1-3 px of "Credits
// per clip" (the left of a "C" and a "p") stood left of the kept
// column's edge in its heading: cut there, the letters read as dirt.
// Every width from a 680 px frame to a 730 px one, as a blog's column
// might be; the ranking opens scrolled to its start. Then /compare's
// tables and /plan's, from a phone to a desktop: no column is cut by the
// kept one where they open.
func TestStickyEdgeNoSpecks(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 704, Height: 800, DeviceScaleFactor: 1, Mobile: true})
	tb.Open("/embed#view=compare&theme=light")
	tb.WaitFor("the ranking", `document.querySelectorAll("#ranking tr[data-model]").length > 0`, 20*time.Second)
	for width := int64(680); width <= 730; width++ {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 800, DeviceScaleFactor: 1, Mobile: true})
		// The strip of 4 px left of the kept column, from its heading to
		// the third row, while the column is kept at the box's edge.
		type strip struct {
			Kept         bool
			X, Y, Height float64
			Border       []int
		}
		s := e2e.Eval[strip](tb, `(() => {
			const box = document.querySelector("#ranking-section .cmp-scroll");
			box.scrollLeft = 0;
			box.scrollIntoView();
			const b = box.getBoundingClientRect(), kept = document.querySelector("#ranking thead .cmp-col-kept").getBoundingClientRect();
			const rows = document.querySelectorAll("#ranking tr"), c = getComputedStyle(box).borderRightColor.match(/\d+/g).map(Number);
			return {kept: box.scrollWidth > box.clientWidth && kept.right >= b.right - 2, x: kept.left - 4 + scrollX, y: kept.top + scrollY,
				height: rows[3].getBoundingClientRect().bottom - kept.top, border: c};
		})()`)
		if !s.Kept {
			t.Fatalf("%d px wide: the cost per kept second is not kept at the box's edge", width)
		}
		if ink := inkIn(tb, page.Viewport{X: s.X, Y: s.Y, Width: 4, Height: s.Height, Scale: 1}, s.Border); ink > 0 {
			t.Errorf("%d px wide: %d px of text show in the 4 px left of the kept cost per kept second", width, ink)
		}
	}
	tb.AssertNoErrors()

	for _, c := range []struct {
		path string
		from int64
	}{{"/compare", 360}, {"/plan", 360}} {
		tb := e2e.NewTab(t, srv.URL)
		tb.Open(c.path)
		for width := c.from; width <= 1280; width += 4 {
			e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 800, DeviceScaleFactor: 1, Mobile: width < 800})
			for _, m := range e2e.Eval[[]string](tb, cutJS) {
				t.Errorf("%s at %d px: %s", c.path, width, m)
			}
		}
		tb.AssertNoErrors()
	}
}

// cutJS lists the columns of the page's tables, scrolled to their start,
// that the kept cell cuts (a cell of the row under its left edge): the
// first of each table.
const cutJS = `(() => {
	const bad = [];
	for (const box of document.querySelectorAll(".cmp-scroll")) {
		box.scrollLeft = 0;
		const row = box.querySelector("thead tr");
		const kept = row && [...row.children].find((c) => getComputedStyle(c).position === "sticky" && getComputedStyle(c).right !== "auto");
		if (!kept) continue;
		const edge = kept.getBoundingClientRect().left;
		const cut = [...row.children].find((c) => c !== kept && c.checkVisibility() && c.getBoundingClientRect().left < edge - 1 && c.getBoundingClientRect().right > edge + 1);
		if (cut) bad.push(box.firstElementChild.id + ": " + JSON.stringify(cut.textContent) + " at " + cut.getBoundingClientRect().left.toFixed(1) + "–" +
			cut.getBoundingClientRect().right.toFixed(1) + " px, the kept column from " + edge.toFixed(1));
	}
	return bad;
})()`

// TestEmbedNoProfileGaps: the framed calculator leaves out what a
// platform's sources do not tell (the full calculator's hint under the
// platform), which concerns the platform, not the article's clip: Runway's
// ran to five lines on a phone, before the plan the article is about,
// "Not published: Max plan: whether it still includes unlimited Explore
// Mode (relaxed) generations like the older Unlimited plan; Enterprise
// prices and credits." A screen reader read it as the picker's
// description. The full calculator, a click away, still says it.
func TestEmbedNoProfileGaps(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	host := e2e.NewTab(t, newBlog(t, srv.URL).URL)
	e2e.Call(host, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 360, Height: 740, DeviceScaleFactor: 1, Mobile: true})
	host.Navigate("/")
	e2e.Eval[bool](host, `document.getElementById("aivc").scrollIntoView({block: "start"}), true`)
	frame := e2e.AttachFrame(t, host, srv.URL+"/embed")
	frame.WaitReady()
	e2e.WaitResults(frame, "the preset of the demo article", map[string][2]string{"cost-per-kept-clip": {"3.6", "$3.60"}})
	const gapsJS = `(() => {
		const hint = document.getElementById("f-profile-hint");
		return document.body.innerText.includes("Not published") || !!(hint && hint.textContent.trim());
	})()`
	if e2e.Eval[bool](frame, gapsJS) {
		t.Errorf("the framed calculator shows Runway's unpublished figures: %q",
			e2e.Eval[string](frame, `(document.getElementById("f-profile-hint") || {}).textContent`))
	}
	for _, n := range e2e.AXNodes(frame) {
		if n.Role == "combobox" && n.Name == "Platform" && n.Desc != "" {
			t.Errorf("the framed calculator's %s", n)
		}
	}
	frame.AssertNoErrors()
	host.AssertNoErrors()

	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10&takes=3")
	if !e2e.Eval[bool](tb, gapsJS) {
		t.Errorf("the full calculator no longer says what Runway's sources do not tell")
	}
	tb.AssertNoErrors()
}

// siteLinksJS lists the links to the site that a reader of the embed can
// see or reach: "href" and, before it, the name of the nav holding it.
const siteLinksJS = `[...document.querySelectorAll("a[href]:not([download])")].filter((a) =>
	new URL(a.href).origin === location.origin && a.checkVisibility()).map((a) =>
	(a.closest("nav")?.getAttribute("aria-label") ?? "(no nav)") + " " + a.getAttribute("href"))`

// TestEmbedOneLink: the embed links to the site once, in a nav named for
// the full page it opens ("Full calculator", "Full comparison"), and the
// link carries the reader's state, none of the embed's own options: before
// the wasm runs, once it runs, after an edit, and where it cannot run (the
// message's own link, then). The framed calculator had three links to the
// site (the ranking, /plan and the full calculator), the framed ranking
// one a row and another under it.
func TestEmbedOneLink(t *testing.T) {
	t.Parallel()
	const calc = "profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10&takes=3"
	for _, v := range []struct {
		view, nav, path string
	}{
		{"", "Full calculator", "/"},
		{"&view=compare", "Full comparison", "/compare"},
	} {
		srv, release := e2e.NewHeldServer(t)
		tb := e2e.NewTab(t, srv.URL)
		check := func(when string, want string) {
			t.Helper()
			got := e2e.Eval[[]string](tb, siteLinksJS)
			if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || got[0] != want) {
				t.Errorf("/embed%s %s: links to the site %q, want %q", v.view, when, got, want)
			}
		}
		link := "/embed#" + calc + v.view + "&theme=dark&accent=f50"
		tb.Navigate(link)
		if v.view == "" {
			check("before the wasm runs", v.nav+" "+v.path+"#"+calc)
		} else {
			check("before the wasm runs", "") // "Loading the comparison…": none
		}
		release()
		tb.WaitReady()
		if v.view != "" {
			tb.WaitFor("the ranking", `document.querySelectorAll("#ranking tr[data-model]").length > 0`, 20*time.Second)
		}
		check("once the wasm runs", v.nav+" "+v.path+"#"+calc)
		e2e.TypeInto(tb, "f-dur", "8")
		tb.WaitFor("the fragment to carry the new duration", `location.hash.includes("dur=8")`, 10*time.Second)
		// The page's state as it writes it, less the embed's options.
		state := e2e.Eval[string](tb, `location.hash.slice(1).split("&").filter((p) => !/^(view|theme|accent)=/.test(p)).join("&")`)
		if !strings.Contains("&"+state+"&", "&dur=8&") {
			t.Fatalf("/embed%s after typing 8 s: the state %q", v.view, state)
		}
		check("after typing 8 s", v.nav+" "+v.path+"#"+state)
		tb.AssertNoErrors()

		blocked := e2e.NewTab(t, srv.URL)
		e2e.Call(blocked, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: srv.URL + "/web/app.wasm", Block: true}}})
		blocked.Navigate(link)
		blocked.WaitFor("the embed's message", `document.getElementById("embed-failed")?.checkVisibility()`, 20*time.Second)
		if got := e2e.Eval[[]string](blocked, siteLinksJS); len(got) != 1 || got[0] != "(no nav) "+v.path+"#"+calc {
			t.Errorf("/embed%s where the wasm cannot run: links to the site %q, want the message's alone", v.view, got)
		}
	}
}
