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
//     its service worker, caches and storage are the test's own.
//   - newTab(t, url) opens a tab in the shared browser and records its console;
//     tab.open(path) navigates and waits until the wasm app runs;
//     tab.assertNoErrors() fails on console errors, exceptions and CSP
//     violations.
package e2e

import (
	"context"
	"fmt"
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
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
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
