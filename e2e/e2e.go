// Package e2e is what the browser tests share: they test the built site end
// to end. Main builds the site with internal/site (as cmd/build does), a
// server serves it with internal/site's handler (as `cmd/build -serve` and
// Netlify do), and the tests drive it in headless Chromium with chromedp.
//
// The tests are in the packages below this one, a few minutes of tests
// each, by what they look at: access (keyboard, screen reader, contrast,
// touch), embed (the calculator in a blog article), figures (every figure
// whole and in sight), hostile (hostile values, wrong units, storage
// blocked, full, old or corrupt, parts inserted while a person types),
// layout (phones to desktops), log (the clip log and its backups), pages
// (the calculator, /compare and /plan), print, profiles, site (serving,
// the service worker, offline, sizes, layout while loading) and start (the
// prerendered page before the app runs, and what the app builds after it
// starts). Each package is its own test binary, with its own build of the
// site and its own browser, so that go test runs them side by side, each
// well within its default 10 minutes a package.
//
// Run them with the rest: go test ./... . Browser tests need Chromium
// (/usr/bin/chromium, or chromium on PATH; Debian: apt-get install chromium).
// Without it they skip, saying so, except when CI=true, where they fail.
//
// What the tests use most:
//
//   - A package's TestMain calls Main, which builds the site into Dist
//     (Built describes the build).
//   - NewServer(t) serves Dist on a fresh 127.0.0.1 port: a fresh origin, so
//     its service worker, caches and storage are the test's own (the browser
//     forgets them when the test ends, for a later server on the same port).
//   - NewTab(t, url) gives the test a tab in the package's browser (one an
//     earlier test left, when it can) and records its console;
//     Tab.Open(path) loads a page and waits until the wasm app runs;
//     Tab.AssertNoErrors() fails on console errors, exceptions and CSP
//     violations; Eval runs JavaScript in the tab.
//   - Page loads are most of the tests' time: a test that looks at many
//     pages or window sizes opens them one after another in one tab.
//   - pages.go and log.go hold what tests of several packages do on a page
//     (type into a field, wait for the results, log a clip, seed the
//     storage).
package e2e

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aivc/aivc/internal/site"
)

var (
	// Dist is the folder of the site Main built for the package's tests.
	Dist string
	// Built describes that build.
	Built *site.Result
)

// Main builds the site, runs the package's tests and closes its browser.
// A package of browser tests calls it from its TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
//
// The tests of a package run one at a time unless -parallel is given:
// go test runs as many packages side by side as the machine has cores, and
// a browser test keeps about a core busy, so one test a package keeps the
// machine as busy as the tests' own waits allow (two cores: two tests in
// flight, as the tests are written for). Run a package alone with
// -parallel 2 on two cores.
func Main(m *testing.M) int {
	flag.Parse()
	parallel := false
	flag.Visit(func(f *flag.Flag) { parallel = parallel || f.Name == "test.parallel" })
	if !parallel {
		flag.Set("test.parallel", "1")
	}

	tmp, err := os.MkdirTemp("", "aivc-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)

	root, err := site.FindRoot(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	start := time.Now()
	Built, err = site.Build(ctx, site.Options{Root: root, Out: filepath.Join(tmp, "dist")})
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the site:", err)
		return 1
	}
	Dist = Built.Out
	fmt.Printf("e2e: built the site in %s (app.wasm %s raw, %s gzip -9)\n",
		time.Since(start).Round(100*time.Millisecond),
		site.FormatSize(Built.WasmSize), site.FormatSize(Built.WasmGzipSize))

	code := m.Run()
	closeBrowser()
	return code
}

// NewServer serves the built site on a fresh 127.0.0.1 port until the test
// ends.
func NewServer(t testing.TB) *httptest.Server {
	t.Helper()
	return NewServerAt(t, Dist)
}

// NewServerAt serves the built site in dir, as NewServer does.
func NewServerAt(t testing.TB, dir string) *httptest.Server {
	t.Helper()
	return Serve(t, SiteHandler(t, dir))
}

// SiteHandler is the handler that serves the built site in dir as a host
// does (internal/site's).
func SiteHandler(t testing.TB, dir string) http.Handler {
	t.Helper()
	h, err := site.NewHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Serve serves h on a fresh 127.0.0.1 port until the test ends.
func Serve(t testing.TB, h http.Handler) *httptest.Server {
	return Start(t, httptest.NewUnstartedServer(h))
}

// Start starts srv until the test ends, then has the browser forget its
// origin, so that a later server given the same port starts as empty as a
// fresh one.
func Start(t testing.TB, srv *httptest.Server) *httptest.Server {
	srv.Start()
	t.Cleanup(func() {
		srv.Close()
		forgetOrigin(t, srv.URL)
	})
	return srv
}

// CopyDist copies the built site into a folder of the test's own, for tests
// that change it.
func CopyDist(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "dist")
	if err := os.CopyFS(dir, os.DirFS(Dist)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// NewHeldServer serves the built site as NewServer does, except that every
// request for app.wasm waits until release is called: the prerendered page
// is on screen, and the app has not taken over, for as long as a test needs,
// as on a slow connection.
func NewHeldServer(t *testing.T) (srv *httptest.Server, release func()) {
	t.Helper()
	h := SiteHandler(t, Dist)
	held := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(held) }) }
	srv = Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/app.wasm") {
			select {
			case <-held:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(release) // before serve's srv.Close, which waits for held requests
	return srv, release
}

func Get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}
