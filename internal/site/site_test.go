package site

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"image/png"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	aivc "github.com/aivc/aivc/app"
)

var update = flag.Bool("update", false, "rewrite netlify.toml and web/*.png from the Go code")

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestIcons keeps web/*.png equal to what EncodeIcon draws.
func TestIcons(t *testing.T) {
	root := repoRoot(t)
	for _, f := range IconFiles {
		want, err := EncodeIcon(f)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(root, "web", f.Name)
		if *update {
			if err := os.WriteFile(p, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/site -run TestIcons -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("web/%s differs from EncodeIcon; run go test ./internal/site -run TestIcons -update", f.Name)
		}
		img, err := png.Decode(bytes.NewReader(got))
		if err != nil {
			t.Fatalf("web/%s: %v", f.Name, err)
		}
		if b := img.Bounds(); b.Dx() != f.Size || b.Dy() != f.Size {
			t.Errorf("web/%s is %dx%d, want %dx%d", f.Name, b.Dx(), b.Dy(), f.Size, f.Size)
		}
		// A maskable icon must be opaque to its edges; the standard one has
		// transparent rounded corners.
		_, _, _, a := img.At(0, 0).RGBA()
		if f.Maskable && a != 0xffff {
			t.Errorf("web/%s: corner is not opaque", f.Name)
		}
		if !f.Maskable && a != 0 {
			t.Errorf("web/%s: corner is not transparent", f.Name)
		}
	}
}

// tomlRule is one [[headers]] block read back from netlify.toml.
type tomlFile struct {
	tables  map[string]map[string]string // "build", "build.environment"
	headers []Rule
}

// parseNetlifyTOML reads the subset of TOML that netlify.toml uses: comments,
// [table] and [[headers]] headers, the [headers.values] sub-table, and
// key = "basic string" pairs.
func parseNetlifyTOML(text string) (tomlFile, error) {
	f := tomlFile{tables: map[string]map[string]string{}}
	var cur map[string]string
	var rule *Rule
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		fail := func(msg string) (tomlFile, error) {
			return tomlFile{}, errors.New("line " + strconv.Itoa(n+1) + ": " + msg + ": " + line)
		}
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "[[headers]]":
			f.headers = append(f.headers, Rule{Values: map[string]string{}})
			rule = &f.headers[len(f.headers)-1]
			cur = nil
		case line == "[headers.values]":
			if rule == nil {
				return fail("[headers.values] outside [[headers]]")
			}
			cur = rule.Values
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name := strings.Trim(line, "[]")
			if _, dup := f.tables[name]; dup {
				return fail("duplicate table")
			}
			cur = map[string]string{}
			f.tables[name] = cur
			rule = nil
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				return fail("not key = value")
			}
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if i := strings.Index(v, `" #`); i >= 0 {
				v = v[:i+1]
			}
			s, err := strconv.Unquote(v)
			if err != nil || !strings.HasPrefix(v, `"`) {
				return fail("value is not a basic string")
			}
			switch {
			case rule != nil && cur == nil && k == "for":
				rule.For = s
			case cur != nil:
				if _, dup := cur[k]; dup {
					return fail("duplicate key")
				}
				cur[k] = s
			default:
				return fail("key outside a table")
			}
		}
	}
	return f, nil
}

// TestNetlifyTOML checks that netlify.toml declares exactly the Go header
// table and the right build settings.
func TestNetlifyTOML(t *testing.T) {
	root := repoRoot(t)
	goVersion := goModVersion(t, root)
	p := filepath.Join(root, "netlify.toml")
	if *update {
		if err := os.WriteFile(p, []byte(NetlifyTOML(goVersion)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseNetlifyTOML(string(data))
	if err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	const hint = " (run go test ./internal/site -run TestNetlifyTOML -update)"
	if got := f.tables["build"]["command"]; got != NetlifyCommand {
		t.Errorf("build.command = %q, want %q", got, NetlifyCommand)
	}
	if got := f.tables["build"]["publish"]; got != NetlifyPublish {
		t.Errorf("build.publish = %q, want %q", got, NetlifyPublish)
	}
	if got := f.tables["build.environment"]["GO_VERSION"]; got != goVersion {
		t.Errorf("GO_VERSION = %q, want %q (go.mod)"+hint, got, goVersion)
	}

	want := Headers()
	got := f.headers
	gotFor := map[string]map[string]string{}
	for _, r := range got {
		if _, dup := gotFor[r.For]; dup {
			t.Errorf("netlify.toml: two [[headers]] blocks for %q", r.For)
		}
		gotFor[r.For] = r.Values
	}
	for _, r := range want {
		g, ok := gotFor[r.For]
		if !ok {
			t.Errorf("netlify.toml has no [[headers]] for %q"+hint, r.For)
			continue
		}
		if !maps.Equal(g, r.Values) {
			t.Errorf("netlify.toml headers for %q:\n got  %v\n want %v"+hint, r.For, g, r.Values)
		}
		delete(gotFor, r.For)
	}
	for p := range gotFor {
		t.Errorf("netlify.toml has [[headers]] for %q, which the Go table has not"+hint, p)
	}
	if string(data) != NetlifyTOML(goVersion) {
		t.Errorf("netlify.toml is not the generated text" + hint)
	}
}

func goModVersion(t *testing.T, root string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatal("go.mod has no go line")
	return ""
}

// samplePaths are request paths every header property is checked on.
func samplePaths() []string {
	ps := []string{
		"/", "/index.html", "/404.html", "/unknown", "/unknown.html", "/app.js", "/app-worker.js",
		"/wasm_exec.js", "/app.css", "/manifest.webmanifest", "/robots.txt",
		"/web/app.wasm", "/web/app.css", "/web/icon.svg", "/web/icon-192.png", "/embed", "/embed.html",
	}
	return append(ps, documentPaths()...)
}

// TestHeadersNoOverlap: no path gets one header from two rules (Netlify
// would merge them; two CSPs would both apply).
func TestHeadersNoOverlap(t *testing.T) {
	rules := Headers()
	for _, p := range samplePaths() {
		from := map[string]string{}
		for _, r := range rules {
			if !r.Matches(p) {
				continue
			}
			for k := range r.Values {
				if prev, dup := from[k]; dup {
					t.Errorf("%s: %s is set by both %q and %q", p, k, prev, r.For)
				}
				from[k] = r.For
			}
		}
	}
}

// TestHeadersPolicy checks the properties the headers exist for.
func TestHeadersPolicy(t *testing.T) {
	rules := Headers()
	get := func(p, k string) string {
		h := http.Header{}
		setHeaders(h, rules, p)
		return h.Get(k)
	}
	for _, p := range documentPaths() {
		csp := get(p, "Content-Security-Policy")
		want := "frame-ancestors 'none'"
		if framable(p) {
			want = "frame-ancestors *"
		}
		if !strings.Contains(csp, want) {
			t.Errorf("%s: CSP %q lacks %q", p, csp, want)
		}
		for _, d := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"} {
			if !strings.Contains(csp, d) {
				t.Errorf("%s: CSP %q lacks %q", p, csp, d)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "'unsafe-eval'") {
			t.Errorf("%s: CSP %q allows inline code or eval", p, csp)
		}
	}
	for _, p := range samplePaths() {
		if cc := get(p, "Cache-Control"); strings.Contains(cc, "immutable") {
			t.Errorf("%s: Cache-Control %q; go-app's file names carry no hash", p, cc)
		}
		if get(p, "X-Content-Type-Options") != "nosniff" || get(p, "Referrer-Policy") == "" {
			t.Errorf("%s: missing nosniff or Referrer-Policy", p)
		}
		if get(p, "X-Frame-Options") != "" {
			t.Errorf("%s: X-Frame-Options would fight frame-ancestors", p)
		}
	}
	if got := get("/app-worker.js", "Cache-Control"); got != "no-cache" {
		t.Errorf("/app-worker.js Cache-Control = %q, want no-cache", got)
	}
	if got := get("/web/app.wasm", "Content-Type"); got != "application/wasm" {
		t.Errorf("/web/app.wasm Content-Type = %q", got)
	}
	if got := get("/manifest.webmanifest", "Content-Type"); got != "application/manifest+json" {
		t.Errorf("/manifest.webmanifest Content-Type = %q", got)
	}
}

// fakeSite writes a tiny built site.
func fakeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":           "home",
		"compare.html":         "compare",
		"embed.html":           "embed",
		"404.html":             "not found page",
		"app-worker.js":        "worker",
		"manifest.webmanifest": "{}",
		"web/app.wasm":         "\x00asm",
		"web/app.css":          "body{}",
		"web/.hidden":          "secret",
		"web/sub/index.html":   "sub index",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestHandler(t *testing.T) {
	h, err := NewHandler(fakeSite(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	tests := []struct {
		path, body string
		status     int
		ctype      string
		csp        string // substring
	}{
		{"/", "home", 200, "text/html", "frame-ancestors 'none'"},
		{"/index.html", "home", 200, "text/html", "frame-ancestors 'none'"},
		{"/compare", "compare", 200, "text/html", ""},
		{"/compare.html", "compare", 200, "text/html", ""},
		{"/embed", "embed", 200, "text/html", "frame-ancestors *"},
		{"/embed.html", "embed", 200, "text/html", "frame-ancestors *"},
		{"/nope", "not found page", 404, "text/html", ""},
		{"/web/.hidden", "not found page", 404, "text/html", ""},
		{"/web/../../etc/passwd", "not found page", 404, "text/html", ""},
		{"/web", "not found page", 404, "text/html", ""},
		{"/web/sub/", "sub index", 200, "text/html", ""},
		{"/web/app.wasm", "\x00asm", 200, "application/wasm", ""},
		{"/manifest.webmanifest", "{}", 200, "application/manifest+json", ""},
		{"/app-worker.js", "worker", 200, "", "default-src 'self'"},
	}
	for _, tt := range tests {
		res, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status || string(body) != tt.body {
			t.Errorf("GET %s = %d %q, want %d %q", tt.path, res.StatusCode, body, tt.status, tt.body)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.path, ct, tt.ctype)
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, tt.csp) {
			t.Errorf("GET %s: CSP %q, want it to contain %q", tt.path, csp, tt.csp)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", tt.path, got)
		}
		if n := len(res.Header.Values("Content-Security-Policy")); n > 1 {
			t.Errorf("GET %s: %d CSP headers", tt.path, n)
		}
	}

	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST / = %d, want 405", res.StatusCode)
	}
}

func TestListenPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, err = Listen(ln.Addr().String())
	if err == nil || !strings.Contains(err.Error(), "already in use") || !strings.Contains(err.Error(), "-addr") {
		t.Fatalf("Listen on a used port: %v; want an error that says the port is in use and names -addr", err)
	}
}

func TestServeStops(t *testing.T) {
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, fakeSite(t)) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/compare")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("GET /compare = %d", res.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve after cancel: %v", err)
	}
}

func TestBuildErrors(t *testing.T) {
	ctx := context.Background()
	root := repoRoot(t)

	t.Run("unwritable out", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(file, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Build(ctx, Options{Root: root, Out: filepath.Join(file, "dist")})
		if err == nil || !strings.Contains(err.Error(), "output folder") {
			t.Fatalf("Build into a path under a file: %v; want an output folder error", err)
		}
	})

	t.Run("foreign folder", func(t *testing.T) {
		dir := t.TempDir()
		keep := filepath.Join(dir, "notes.txt")
		if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Build(ctx, Options{Root: root, Out: dir})
		if err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Fatalf("Build into a folder of other files: %v; want a refusal", err)
		}
		if _, err := os.Stat(keep); err != nil {
			t.Fatalf("Build touched the folder: %v", err)
		}
	})

	t.Run("no toolchain", func(t *testing.T) {
		_, err := Build(ctx, Options{Root: root, Out: t.TempDir(), Go: filepath.Join(t.TempDir(), "go")})
		if !errors.Is(err, ErrNoToolchain) || !strings.Contains(err.Error(), "go.dev/dl") {
			t.Fatalf("Build without a go command: %v; want ErrNoToolchain with a hint", err)
		}
	})

	t.Run("no root", func(t *testing.T) {
		if _, err := FindRoot(t.TempDir()); err == nil || !strings.Contains(err.Error(), "go.mod") {
			t.Fatalf("FindRoot outside the repo: %v", err)
		}
	})
}

func TestFormatSize(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{{0, "0 B"}, {999, "999 B"}, {1000, "1.0 kB"}, {14234, "14.2 kB"}, {7012345, "7.01 MB"}} {
		if got := FormatSize(tt.n); got != tt.want {
			t.Errorf("FormatSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestHandlerIcons(t *testing.T) {
	// The handler names the files IconFiles makes, and the SVG, all on the site.
	h := aivc.Handler("test")
	root := repoRoot(t)
	want := map[string]string{
		"Default":  "/web/" + IconFiles[0].Name,
		"Large":    "/web/" + IconFiles[1].Name,
		"Maskable": "/web/" + IconFiles[2].Name,
		"SVG":      "/web/icon.svg",
	}
	got := map[string]string{"Default": h.Icon.Default, "Large": h.Icon.Large, "Maskable": h.Icon.Maskable, "SVG": h.Icon.SVG}
	if !maps.Equal(got, want) {
		t.Errorf("handler icons %v, want %v", got, want)
	}
	for _, p := range want {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil {
			t.Error(err)
		}
	}
}

func TestCanonicalHTML(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<a href="/" class="x">t</a>`, `<a class="x" href="/">t</a>`},
		{`<input type="radio" checked id="r" name="s">`, `<input checked id="r" name="s" type="radio">`},
		{`<img alt="say \"hi\" > there" src="/i.png">`, `<img alt="say \"hi\" > there" src="/i.png">`},
		{`<p>1 &lt; 2</p>`, `<p>1 &lt; 2</p>`},
		{`<!doctype html>`, `<!doctype html>`},
		{"<meta\n  name=\"a\" content=\"b\">", `<meta content="b" name="a">`},
		// go-app writes aria-hidden="true" as a bare aria-hidden.
		{`<span class="i" aria-hidden>▲</span>`, `<span aria-hidden="true" class="i">▲</span>`},
		{`<input aria-invalid aria-describedby="m" readonly>`, `<input aria-describedby="m" aria-invalid="true" readonly>`},
		// og:url and og:image without a host (no -domain) are left out,
		// with their line; with a host, and other og tags, they stay.
		{"<head>\n    <meta property=\"og:url\" content=\"https:///compare\">\n    <meta property=\"og:image\" content=\"https://\">\n</head>",
			"<head>\n</head>"},
		{"<head>\n    <meta property=\"og:url\" content=\"https://calc.example.com/compare\">\n</head>",
			"<head>\n    <meta content=\"https://calc.example.com/compare\" property=\"og:url\">\n</head>"},
		{"\n  <meta property=\"og:type\" content=\"website\">", "\n  <meta content=\"website\" property=\"og:type\">"},
	} {
		if got := string(canonicalHTML([]byte(tt.in))); got != tt.want {
			t.Errorf("canonicalHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
