package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// TestCompressor checks that both sites get what a host with compression
// sends: brotli or gzip by Accept-Encoding, only for compressible types,
// with conditional requests still answered 304.
func TestCompressor(t *testing.T) {
	js := strings.Repeat("console.log('go-app');\n", 100)
	mod := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	files := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/app.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			http.ServeContent(w, r, "app.js", mod, strings.NewReader(js))
		case "/icon.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write(bytes.Repeat([]byte{1}, 1000))
		}
	})
	z := newCompressor(5)
	rec := &recorder{}
	rec.reset()
	h := rec.wrap(z.wrap(files))

	get := func(path, ae string, hdr ...string) *http.Response {
		r := httptest.NewRequest(http.MethodGet, path, nil)
		if ae != "" {
			r.Header.Set("Accept-Encoding", ae)
		}
		for i := 0; i+1 < len(hdr); i += 2 {
			r.Header.Set(hdr[i], hdr[i+1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
	body := func(resp *http.Response) string {
		var rd io.Reader = resp.Body
		switch resp.Header.Get("Content-Encoding") {
		case "br":
			rd = brotli.NewReader(resp.Body)
		case "gzip":
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			rd = zr
		}
		b, err := io.ReadAll(rd)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	for _, tt := range []struct{ ae, enc string }{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip, deflate", "gzip"},
		{"", ""},
	} {
		resp := get("/app.js", tt.ae)
		if got := resp.Header.Get("Content-Encoding"); got != tt.enc {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tt.ae, got, tt.enc)
		}
		if got := body(resp); got != js {
			t.Errorf("Accept-Encoding %q: body differs after decoding", tt.ae)
		}
		if tt.enc != "" && resp.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: no Vary header", tt.ae)
		}
	}
	if resp := get("/icon.png", "br"); resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("a PNG was compressed")
	}
	resp := get("/app.js", "br", "If-Modified-Since", mod.Format(http.TimeFormat))
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("conditional GET: status %d, want 304", resp.StatusCode)
	}

	reqs, _ := rec.snapshot()
	if len(reqs) != 5 {
		t.Fatalf("recorded %d requests, want 5", len(reqs))
	}
	if reqs[0].Encoding != "br" || reqs[0].Body >= int64(len(js)) || reqs[2].Body != int64(len(js)) {
		t.Errorf("recorded %+v", reqs[:3])
	}
}
