package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aivc/aivc/internal/site"
)

// TestBuildBare builds the bare page as the benchmark does and checks that
// it is a complete go-app site that asks nothing of another origin.
func TestBuildBare(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasm binary")
	}
	root, err := site.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := buildBare(context.Background(), root, dir); err != nil {
		t.Fatal(err)
	}
	var files []string
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			r, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(r))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"app-worker.js", "app.css", "app.js", "index.html", "manifest.webmanifest", "wasm_exec.js",
		"web/app.wasm", "web/icon-192.png", "web/icon-512.png", "web/icon.svg",
	}
	if !slices.Equal(files, want) {
		t.Errorf("files = %q, want %q", files, want)
	}
	for _, f := range []string{"index.html", "app-worker.js", "manifest.webmanifest"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "https://raw.githubusercontent.com") {
			t.Errorf("%s refers to another origin", f)
		}
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	for _, s := range []string{`id="probe"`, `id="result"`, `id="app-wasm-loader"`} {
		if !strings.Contains(string(index), s) {
			t.Errorf("index.html has no %s", s)
		}
	}
	worker, _ := os.ReadFile(filepath.Join(dir, "app-worker.js"))
	if !strings.Contains(string(worker), `"app-" + "`+bareVersion+`"`) {
		t.Errorf("app-worker.js does not carry the fixed version %q", bareVersion)
	}
}
