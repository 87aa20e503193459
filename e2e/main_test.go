// Package e2e tests the built site end to end: it builds the site once with
// internal/site (as cmd/build does), serves it with internal/site's handler
// (as `cmd/build -serve` and Netlify do), and drives it in headless Chromium
// with chromedp.
//
// Run it with the rest: go test ./... . Browser tests need Chromium
// (/usr/bin/chromium, or chromium on PATH; Debian: apt-get install chromium).
// Without it they skip, saying so, except when CI=true, where they fail.
//
// Helpers for other tests in this package:
//
//   - Dist is the built site's folder, Built the build's result.
//   - newServer(t) serves Dist on a fresh 127.0.0.1 port: a fresh origin, so
//     its service worker, caches and storage are the test's own (the browser
//     forgets them when the test ends, for a later server on the same port).
//   - newTab(t, url) opens a tab in the shared browser and records its console;
//     tab.open(path) navigates and waits until the wasm app runs;
//     tab.assertNoErrors() fails on console errors, exceptions and CSP
//     violations.
package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aivc/aivc/internal/site"
)

var (
	// Dist is the folder of the site built once for the whole run.
	Dist string
	// Built describes that build.
	Built *site.Result
)

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
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

// newServer serves the built site on a fresh 127.0.0.1 port until the test
// ends.
func newServer(t testing.TB) *httptest.Server {
	t.Helper()
	return newServerAt(t, Dist)
}

// newServerAt serves the built site in dir, as newServer does.
func newServerAt(t testing.TB, dir string) *httptest.Server {
	t.Helper()
	return serve(t, siteHandler(t, dir))
}

// siteHandler is the handler that serves the built site in dir as a host
// does (internal/site's).
func siteHandler(t testing.TB, dir string) http.Handler {
	t.Helper()
	h, err := site.NewHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// serve serves h on a fresh 127.0.0.1 port until the test ends.
func serve(t testing.TB, h http.Handler) *httptest.Server {
	return start(t, httptest.NewUnstartedServer(h))
}

// start starts srv until the test ends, then has the browser forget its
// origin, so that a later server given the same port starts as empty as a
// fresh one.
func start(t testing.TB, srv *httptest.Server) *httptest.Server {
	srv.Start()
	t.Cleanup(func() {
		srv.Close()
		forgetOrigin(t, srv.URL)
	})
	return srv
}

// copyDist copies the built site into a folder of the test's own, for tests
// that change it.
func copyDist(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "dist")
	if err := os.CopyFS(dir, os.DirFS(Dist)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestPortReuseStartsEmpty: a server given the port of a closed one (the
// same origin) finds none of its data in the shared browser.
func TestPortReuseStartsEmpty(t *testing.T) {
	t.Parallel()
	var addr string
	t.Run("first server", func(t *testing.T) {
		srv := newServer(t)
		addr = srv.Listener.Addr().String()
		tb := newTab(t, srv.URL)
		tb.open("/")
		eval[bool](tb, `(localStorage.setItem("aivc.e2e-left", "1"), true)`)
	})
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("port %s was taken again before this test could: %v", addr, err)
	}
	srv := httptest.NewUnstartedServer(siteHandler(t, Dist))
	srv.Listener.Close()
	srv.Listener = l
	tb := newTab(t, start(t, srv).URL)
	tb.open("/")
	if v := eval[string](tb, `localStorage.getItem("aivc.e2e-left") || ""`); v != "" {
		t.Errorf("the second server on %s finds the first one's storage (%q)", addr, v)
	}
}
