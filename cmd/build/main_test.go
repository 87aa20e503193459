package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aivc/aivc/internal/site"
)

var update = flag.Bool("update", false, "rewrite internal/site/testdata/files.golden")

// TestBuildGolden builds the site into a temporary folder and compares the
// list of files with internal/site/testdata/files.golden. A new page or
// asset changes the list: check the diff, then run
//
//	go test ./cmd/build -run TestBuildGolden -update
func TestBuildGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole site")
	}
	root, err := site.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	if err := runTo(context.Background(), []string{"-out", out}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		r, err := filepath.Rel(out, p)
		got.WriteString(filepath.ToSlash(r) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(root, "internal", "site", "testdata", "files.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("built files differ from %s (run go test ./cmd/build -run TestBuildGolden -update)\n got:\n%s\nwant:\n%s",
			golden, got.String(), want)
	}

	// Every ARIA attribute of the generated pages has its value: go-app
	// writes aria-hidden="true" bare, which ARIA reads as undefined.
	pages, err := filepath.Glob(filepath.Join(out, "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no generated page in %s (%v)", out, err)
	}
	bare := regexp.MustCompile(`\saria-[a-z]+[\s>]`)
	hostless := regexp.MustCompile(`content="https://(?:/[^"]*)?"[^>]*property="og:`)
	text := regexp.MustCompile(`>([^<]+)<`)
	nested := regexp.MustCompile(`\([^)]*\(`) // a "(" opened before the last one closed
	for _, p := range pages {
		html, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if m := bare.Find(html); m != nil {
			t.Errorf("%s: ARIA attribute without a value: %q", filepath.Base(p), m)
		}
		// Built without a domain: no og:url or og:image without a host.
		if m := hostless.Find(html); m != nil {
			t.Errorf("%s: %q", filepath.Base(p), m)
		}
		// No text nests parentheses: names ("Kling AI (app)", "Hailuo 2.3
		// Fast Standard (image to video)") carry their own, so sentences
		// put them after a comma or a colon.
		for _, m := range text.FindAllSubmatch(html, -1) {
			if nested.Match(m[1]) {
				t.Errorf("%s: parentheses inside parentheses: %q", filepath.Base(p), m[1])
			}
		}
	}

	// A second build into the same folder replaces the first, and an
	// unchanged site keeps its version.
	first, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	firstWasm, err := os.ReadFile(filepath.Join(out, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if err := runTo(context.Background(), []string{"-out", out}, io.Discard, io.Discard); err != nil {
		t.Fatalf("rebuilding into an earlier build: %v", err)
	}
	second, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	secondWasm, err := os.ReadFile(filepath.Join(out, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case !bytes.Equal(firstWasm, secondWasm):
		t.Log("the sources changed between the two builds; not checking that the version is stable")
	case !bytes.Equal(first, second):
		t.Errorf("rebuilding an unchanged site changed app-worker.js (its version)")
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"-nope"}, {"extra"}, {"-out", ""}} {
		err := runTo(context.Background(), args, io.Discard, io.Discard)
		var uerr usageError
		if !errors.As(err, &uerr) {
			t.Errorf("run %q = %v, want a usage error (exit 2)", args, err)
		}
	}
	if err := runTo(context.Background(), []string{"-h"}, io.Discard, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("run -h = %v, want flag.ErrHelp (exit 0)", err)
	}
}

func TestUnwritableOut(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := runTo(context.Background(), []string{"-out", filepath.Join(file, "dist")}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "output folder") {
		t.Fatalf("building under a file: %v; want a clear output folder error", err)
	}
}

func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	// The port is opened before the build, so this fails at once.
	err = runTo(context.Background(), []string{"-serve", "-addr", ln.Addr().String(), "-out", t.TempDir()}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("serving on a port in use: %v; want a clear error", err)
	}
}

func TestDisplayAddr(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	for addr, want := range map[string]string{
		"127.0.0.1:0": net.JoinHostPort("127.0.0.1", itoa(port)),
		":0":          net.JoinHostPort("localhost", itoa(port)),
		"0.0.0.0:0":   net.JoinHostPort("localhost", itoa(port)),
	} {
		if got := displayAddr(addr, ln); got != want {
			t.Errorf("displayAddr(%q) = %q, want %q", addr, got, want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
