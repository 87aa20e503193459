package site

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"

	aivc "github.com/aivc/aivc/app"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Module is the module path of the project; FindRoot looks for its go.mod.
const Module = "github.com/aivc/aivc"

// ErrNoToolchain is returned when no go command of the running toolchain
// can be found to build app.wasm.
var ErrNoToolchain = errors.New("no Go toolchain found")

// Options configures Build.
type Options struct {
	// Out is the folder to write the site to. It is created if needed. If it
	// holds files, they must be an earlier build (Build then replaces them);
	// Build refuses to empty any other folder.
	Out string

	// Root is the module root (go.mod, wasm/, web/). "" finds it from the
	// working directory with FindRoot.
	Root string

	// Go is the go command that builds app.wasm. "" uses the go command of
	// the toolchain running Build; either way its version must be the running
	// toolchain's.
	Go string

	// Domain is the site's host name ("calc.example.com"), used for the
	// absolute og:url and og:image of the pages. "" leaves them without a host.
	Domain string

	// Log receives progress and the summary. nil discards them.
	Log io.Writer
}

// Result describes a finished build.
type Result struct {
	Out          string
	Version      string
	Files        []File // every file written, sorted by path
	WasmSize     int64  // app.wasm, raw
	WasmGzipSize int64  // app.wasm, gzip level 9 (compress/gzip BestCompression)
}

// File is one file of the built site.
type File struct {
	Path string // slash-separated, relative to Out: "web/app.wasm"
	Size int64
}

// versionPlaceholder is the version of the first, hashed generation.
const versionPlaceholder = "0000000000000000"

// Build builds the site into opts.Out. See the package doc for the steps.
func Build(ctx context.Context, opts Options) (*Result, error) {
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	if opts.Out == "" {
		return nil, errors.New("no output folder given")
	}
	root := opts.Root
	if root == "" {
		var err error
		if root, err = FindRoot("."); err != nil {
			return nil, err
		}
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", opts.Out, err)
	}
	gocmd, err := goCommand(opts.Go)
	if err != nil {
		return nil, err
	}
	if err := prepareOut(out); err != nil {
		return nil, err
	}

	wasm := filepath.Join(out, "web", "app.wasm")
	fmt.Fprintf(logw, "building %s with %s (GOOS=js GOARCH=wasm)\n", rel(root, wasm), runtime.Version())
	if err := buildWasm(ctx, gocmd, root, wasm); err != nil {
		return nil, err
	}
	if err := compactWasm(logw, wasm); err != nil {
		return nil, err
	}
	assets, err := copyWeb(filepath.Join(root, "web"), out)
	if err != nil {
		return nil, err
	}
	if err := writeCatalogFiles(out, opts.Domain); err != nil {
		return nil, err
	}
	wasmInfo, err := os.Stat(wasm)
	if err != nil {
		return nil, fmt.Errorf("reading app.wasm: %w", err)
	}

	aivc.Routes()
	newHandler := func(version string) *app.Handler {
		h := aivc.Handler(version)
		h.Domain = opts.Domain
		if opts.Domain == "" {
			// go-app would write og:image as "https:///web/…".
			h.Image = ""
		}
		h.WasmContentLength = strconv.FormatInt(wasmInfo.Size(), 10)
		h.CacheableResources = cacheable(assets)
		return h
	}

	// Generate once with a fixed version, hash what a visitor would get,
	// then generate again with that hash as the version.
	if err := generate(out, newHandler(versionPlaceholder)); err != nil {
		return nil, err
	}
	version, err := hashTree(out)
	if err != nil {
		return nil, err
	}
	if err := generate(out, newHandler(version)); err != nil {
		return nil, err
	}

	res := &Result{Out: out, Version: version, WasmSize: wasmInfo.Size()}
	if res.Files, err = listFiles(out); err != nil {
		return nil, err
	}
	if res.WasmGzipSize, err = GzipSize(wasm); err != nil {
		return nil, err
	}
	printSummary(logw, res)
	return res, nil
}

// FindRoot returns the nearest folder at or above dir whose go.mod declares
// Module.
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && modulePath(data) == Module {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("cannot find the project: no go.mod of %s in %s or above; run from the repository", Module, dir)
		}
	}
}

func modulePath(gomod []byte) string {
	for line := range strings.Lines(string(gomod)) {
		if m, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(m), `"`)
		}
	}
	return ""
}

// goCommand finds the go command of the running toolchain: the one given,
// else GOROOT/bin/go (runtime.GOROOT, then $GOROOT), else go on PATH; its
// version must equal runtime.Version().
func goCommand(given string) (string, error) {
	exe := "go"
	if runtime.GOOS == "windows" {
		exe = "go.exe"
	}
	var candidates []string
	if given != "" {
		candidates = append(candidates, given)
	} else {
		//lint:ignore SA1019 the build needs this toolchain's go command.
		if r := runtime.GOROOT(); r != "" {
			candidates = append(candidates, filepath.Join(r, "bin", exe))
		}
		if r := os.Getenv("GOROOT"); r != "" {
			candidates = append(candidates, filepath.Join(r, "bin", exe))
		}
		if p, err := exec.LookPath(exe); err == nil {
			candidates = append(candidates, p)
		}
	}
	var mismatch []string
	for _, c := range candidates {
		if _, err := os.Stat(c); err != nil {
			continue
		}
		v, err := goVersion(c)
		if err != nil {
			continue
		}
		if v == runtime.Version() {
			return c, nil
		}
		mismatch = append(mismatch, fmt.Sprintf("%s is %s", c, v))
	}
	if len(mismatch) > 0 {
		return "", fmt.Errorf("%w: cmd/build runs on %s but %s; app.wasm must be built by the same toolchain "+
			"as the generator, whose wasm_exec.js goes into the site (run it with `go run ./cmd/build` of that toolchain)",
			ErrNoToolchain, runtime.Version(), strings.Join(mismatch, ", "))
	}
	return "", fmt.Errorf("%w: building app.wasm needs the go command of %s, and none was found "+
		"(looked in GOROOT/bin and PATH); install Go from https://go.dev/dl/ and run `go run ./cmd/build`",
		ErrNoToolchain, runtime.Version())
}

func goVersion(gocmd string) (string, error) {
	cmd := exec.Command(gocmd, "env", "GOVERSION")
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
	out, err := cmd.Output()
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// prepareOut makes out an empty, writable folder. A folder that holds
// anything but an earlier build is left alone.
func prepareOut(out string) error {
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("cannot use output folder %s: %w", out, err)
	case len(entries) > 0:
		if !isBuild(out) {
			return fmt.Errorf("output folder %s is not empty and holds no earlier build (no app-worker.js); "+
				"refusing to replace its files: choose an empty or new folder with -out", out)
		}
		for _, e := range entries {
			if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
				return fmt.Errorf("cannot clear the earlier build in %s: %w", out, err)
			}
		}
	}
	if err := os.MkdirAll(filepath.Join(out, "web"), 0o755); err != nil {
		return fmt.Errorf("cannot create output folder %s: %w", out, err)
	}
	probe, err := os.CreateTemp(out, ".write-test-*")
	if err != nil {
		return fmt.Errorf("cannot write to output folder %s: %w", out, err)
	}
	probe.Close()
	return os.Remove(probe.Name())
}

func isBuild(dir string) bool {
	info, err := os.Stat(filepath.Join(dir, "app-worker.js"))
	return err == nil && info.Mode().IsRegular()
}

// WasmGCFlags turns off inlining in the project's own packages (not in
// go-app or the standard library) when building app.wasm. The compiler
// copies small functions and event-handler factories into every call site;
// in WebAssembly each copy is large. Measured on the full app with go1.26.8:
// −220 KB raw, −94 KB gzip -9. The engine's speed budget is measured
// natively, where inlining stays on.
const WasmGCFlags = "-gcflags=github.com/aivc/aivc/...=-l"

func buildWasm(ctx context.Context, gocmd, root, dst string) error {
	cmd := exec.CommandContext(ctx, gocmd, "build",
		"-trimpath", "-buildvcs=false", "-ldflags=-s -w", WasmGCFlags,
		"-o", dst, "./wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOTOOLCHAIN=local")
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building app.wasm failed: %w\n%s", err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// compactWasm compacts app.wasm's data with CompactWasmFile. A module of a
// form CompactData does not know (a later linker's, say) is left as it is,
// and the log says so.
func compactWasm(logw io.Writer, p string) error {
	before, after, err := CompactWasmFile(p)
	if errors.Is(err, errWasmForm) {
		fmt.Fprintf(logw, "app.wasm's data left as the linker wrote it: %v\n", err)
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(logw, "app.wasm's data: %d segments joined into %d across short runs of zeros\n", before, after)
	return nil
}

// CompactWasmFile rewrites the WebAssembly module in the file p with
// CompactData, and returns how many data segments it had and has. When
// CompactData refuses the module, the file is left as it was.
func CompactWasmFile(p string) (before, after int, err error) {
	module, err := os.ReadFile(p)
	if err != nil {
		return 0, 0, err
	}
	out, before, after, err := CompactData(module)
	if err != nil {
		return 0, 0, err
	}
	return before, after, os.WriteFile(p, out, 0o644)
}

// rootFiles are the files of web/ that are also served at the site's root.
var rootFiles = []string{"robots.txt", "embed.js"}

// copyWeb copies the files of web/ into out/web/ (dot files and any
// app.wasm left out) and each of rootFiles to out/. It returns the URL path
// of every file copied into out/web/, sorted.
func copyWeb(web, out string) ([]string, error) {
	var assets []string
	err := filepath.WalkDir(web, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != web && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		r, err := filepath.Rel(web, p)
		if err != nil {
			return err
		}
		r = filepath.ToSlash(r)
		if r == "app.wasm" {
			return nil
		}
		dst := filepath.Join(out, "web", filepath.FromSlash(r))
		if err := copyFile(p, dst); err != nil {
			return err
		}
		if r != "embed.js" { // as written: the blog snippet's script, read by blog owners
			if err := minifyFile(dst); err != nil {
				return err
			}
		}
		assets = append(assets, "/web/"+r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("copying web/: %w", err)
	}
	// Also at the root: robots.txt, and embed.js, the script of the blog
	// snippet (<script src="https://SITE/embed.js">).
	for _, name := range rootFiles {
		src := filepath.Join(web, name)
		if _, err := os.Stat(src); err == nil {
			if err := copyFile(src, filepath.Join(out, name)); err != nil {
				return nil, fmt.Errorf("copying web/%s: %w", name, err)
			}
		}
	}
	slices.Sort(assets)
	return assets, nil
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

// cacheable lists what the service worker precaches besides go-app's own
// files: every page of the route table, every asset, and the catalog's two
// files, which /profiles links to: offline, following those links showed
// the browser's error page. They add ~21 KB gzip (184 KB raw) to the first visit's
// background download, ~1% of app.wasm's.
func cacheable(assets []string) []string {
	res := append([]string{}, aivc.Pages()...)
	res = append(res, "/web/app.wasm", "/"+CatalogFile, "/"+SchemaFile)
	return append(res, assets...)
}

func generate(out string, h *app.Handler) error {
	if err := app.GenerateStaticWebsite(out, h, aivc.NotFoundPath); err != nil {
		return fmt.Errorf("generating the pages in %s: %w", out, err)
	}
	if err := canonicalizePages(out); err != nil {
		return fmt.Errorf("sorting the attributes of the pages in %s: %w", out, err)
	}
	for _, name := range goappScripts {
		if err := minifyFile(filepath.Join(out, name)); err != nil {
			return fmt.Errorf("minifying go-app's %s: %w", name, err)
		}
	}
	return nil
}

// goappScripts are the stylesheet and scripts go-app writes at the site's
// root; the build minifies them as it does web/'s.
var goappScripts = []string{"app.css", "app.js", "app-worker.js", "wasm_exec.js"}

// hashTree returns a short hex SHA-256 of every file under dir: names and
// contents, in a fixed order.
func hashTree(dir string) (string, error) {
	files, err := listFiles(dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f.Path, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:20], nil
}

// listFiles returns every regular file under dir, sorted by path.
func listFiles(dir string) ([]File, error) {
	var files []File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		r, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		files = append(files, File{Path: filepath.ToSlash(r), Size: info.Size()})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// GzipSize returns the size of the file at p compressed with gzip at level 9
// (compress/gzip.BestCompression), the measure of the size budget.
func GzipSize(p string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var n countWriter
	zw, err := gzip.NewWriterLevel(&n, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := io.Copy(zw, f); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return int64(n), nil
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

func printSummary(w io.Writer, res *Result) {
	fmt.Fprintf(w, "wrote %s (version %s):\n", res.Out, res.Version)
	for _, f := range res.Files {
		fmt.Fprintf(w, "  %-28s %10s\n", f.Path, FormatSize(f.Size))
	}
	fmt.Fprintf(w, "app.wasm: %s raw, %s gzip -9\n", FormatSize(res.WasmSize), FormatSize(res.WasmGzipSize))
}

// FormatSize formats a byte count in decimal units: "812 B", "14.2 kB",
// "7.01 MB".
func FormatSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	default:
		return fmt.Sprintf("%.2f MB", float64(n)/1e6)
	}
}

func rel(base, p string) string {
	if r, err := filepath.Rel(base, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}
