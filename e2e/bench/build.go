package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/aivc/aivc/internal/site"
)

// built is one built site and the sizes of its app.wasm.
type built struct {
	name string
	dir  string
	wasm []byte // raw app.wasm
	br   []byte // app.wasm at brotli -q 11, also what the server sends
	gz   int64  // app.wasm at gzip -9 (compress/gzip.BestCompression)
}

// buildProduct builds the product's site into dir with internal/site, as
// cmd/build does.
func buildProduct(ctx context.Context, root, dir string, logw io.Writer) error {
	_, err := site.Build(ctx, site.Options{Out: dir, Root: root, Log: logw})
	if err != nil {
		return fmt.Errorf("building the product: %w", err)
	}
	return nil
}

// bareVersion is the fixed go-app Version of the bare page.
const bareVersion = "bench-bare"

// buildBare builds the bare go-app page of ./e2e/bench/bare into dir: its
// app.wasm as internal/site builds the product's (the same flags, then
// site.CompactWasmFile), then its
// static site with its own generator, both with this toolchain's go command.
func buildBare(ctx context.Context, root, dir string) error {
	gocmd := goCommand()
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		return err
	}
	wasm := filepath.Join(dir, "web", "app.wasm")
	// The same flags as internal/site's buildWasm.
	if err := runGo(ctx, root, []string{"GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0"},
		gocmd, "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", site.WasmGCFlags, "-o", wasm, "./e2e/bench/bare"); err != nil {
		return fmt.Errorf("building the bare page's app.wasm: %w", err)
	}
	// And the same step after the link as internal/site's Build.
	if _, _, err := site.CompactWasmFile(wasm); err != nil {
		fmt.Fprintf(os.Stderr, "the bare page's app.wasm is left as the linker wrote it: %v\n", err)
	}
	if err := runGo(ctx, root, nil,
		gocmd, "run", "./e2e/bench/bare", "-out", dir, "-version", bareVersion); err != nil {
		return fmt.Errorf("generating the bare page: %w", err)
	}
	return nil
}

// goCommand is the go command of the toolchain running the benchmark, so
// that app.wasm and the wasm_exec.js go-app writes into the site match.
func goCommand() string {
	//lint:ignore SA1019 the build needs this toolchain's go command.
	if r := runtime.GOROOT(); r != "" {
		p := filepath.Join(r, "bin", "go")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if r := os.Getenv("GOROOT"); r != "" {
		p := filepath.Join(r, "bin", "go")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "go"
}

// runGo runs a go command in dir with extra environment variables and
// returns its output in the error when it fails.
func runGo(ctx context.Context, dir string, env []string, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOTOOLCHAIN=local"), env...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, strings.TrimSpace(out.String()))
	}
	return nil
}

// measure reads app.wasm of b.dir and compresses it with gzip -9 and
// brotli -q 11.
func (b *built) measure() error {
	var err error
	b.wasm, err = os.ReadFile(filepath.Join(b.dir, "web", "app.wasm"))
	if err != nil {
		return fmt.Errorf("%s: %w", b.name, err)
	}
	gz, err := gzipBytes(b.wasm, 9)
	if err != nil {
		return err
	}
	b.gz = int64(len(gz))
	b.br, err = brotliBytes(b.wasm, 11)
	return err
}
