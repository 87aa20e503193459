package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"fmt"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/andybalholm/brotli"
)

// host serves one built site on 127.0.0.1 the way a host with compression
// does, and records what it sends. Both sites go through the same host code
// in front of the same site handler, so their bytes compare.
type host struct {
	name string
	url  string // http://127.0.0.1:PORT, no trailing slash
	srv  *http.Server
	ln   net.Listener
	log  *recorder
}

// serve starts a host for next on a free port of 127.0.0.1.
func serve(name string, next http.Handler, z *compressor) (*host, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("serving %s: %w", name, err)
	}
	rec := &recorder{}
	h := &host{
		name: name,
		url:  "http://" + ln.Addr().String(),
		ln:   ln,
		log:  rec,
		srv: &http.Server{
			Handler:           rec.wrap(z.wrap(next)),
			ReadHeaderTimeout: 10 * time.Second,
		},
	}
	go h.srv.Serve(&countingListener{Listener: ln, rec: rec})
	return h, nil
}

// close stops the host.
func (h *host) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	h.srv.Shutdown(ctx)
}

// request is one response the host sent.
type request struct {
	Method   string  `json:"method"`
	Path     string  `json:"path"`
	Status   int     `json:"status"`
	Encoding string  `json:"encoding,omitempty"`
	Body     int64   `json:"body"`     // body bytes as sent (compressed)
	At       float64 `json:"at_ms"`    // ms after the recorder was reset
	Dest     string  `json:"dest"`     // Sec-Fetch-Dest
	SW       bool    `json:"sw_fetch"` // Service-Worker header (the worker script itself)
	Accept   string  `json:"accept_encoding"`
}

// recorder keeps the responses and the bytes written on the wire since the
// last reset.
type recorder struct {
	mu       sync.Mutex
	since    time.Time
	reqs     []request
	inflight int
	last     time.Time
	wire     atomic.Int64 // every byte written to the TCP connections
}

// reset forgets everything recorded so far.
func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.since = time.Now()
	r.reqs = nil
	r.last = r.since
	r.wire.Store(0)
}

// snapshot returns the responses and the wire bytes since the last reset.
func (r *recorder) snapshot() ([]request, int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]request(nil), r.reqs...), r.wire.Load()
}

// quiet waits until no request has been in flight for d, or ctx ends.
func (r *recorder) quiet(ctx context.Context, d time.Duration) error {
	for {
		r.mu.Lock()
		idle := r.inflight == 0 && time.Since(r.last) >= d
		r.mu.Unlock()
		if idle {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// wrap records every request that next answers.
func (r *recorder) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.inflight++
		at := time.Since(r.since)
		r.mu.Unlock()
		cw := &countingWriter{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			r.mu.Lock()
			defer r.mu.Unlock()
			r.inflight--
			r.last = time.Now()
			r.reqs = append(r.reqs, request{
				Method:   req.Method,
				Path:     req.URL.Path,
				Status:   cw.status,
				Encoding: cw.Header().Get("Content-Encoding"),
				Body:     cw.n,
				At:       float64(at.Microseconds()) / 1e3,
				Dest:     req.Header.Get("Sec-Fetch-Dest"),
				SW:       req.Header.Get("Service-Worker") != "",
				Accept:   req.Header.Get("Accept-Encoding"),
			})
		}()
		next.ServeHTTP(cw, req)
	})
}

// countingWriter counts the body bytes of one response.
type countingWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *countingWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *countingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.n += int64(n)
	return n, err
}

// countingListener counts every byte the server writes on its connections:
// status lines, headers, chunk framing and bodies.
type countingListener struct {
	net.Listener
	rec *recorder
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &countingConn{Conn: c, rec: l.rec}, nil
}

type countingConn struct {
	net.Conn
	rec *recorder
}

func (c *countingConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	c.rec.wire.Add(int64(n))
	return n, err
}

// compressor compresses responses the way a host with compression does:
// brotli for browsers that accept it, else gzip; only for text, JSON,
// JavaScript, SVG, manifests and wasm; never twice. Every body is compressed
// once at the chosen level and kept, as a CDN keeps its compressed copy, so
// each load costs no compression time.
type compressor struct {
	brQuality int // 0..11
	gzLevel   int // gzip.BestCompression by default

	mu    sync.Mutex
	cache map[string]*compressed
}

type compressed struct {
	once sync.Once
	data []byte
	err  error
}

func newCompressor(brQuality int) *compressor {
	return &compressor{brQuality: brQuality, gzLevel: gzip.BestCompression, cache: map[string]*compressed{}}
}

// seed stores an already compressed body, such as app.wasm at brotli -q 11,
// which the size report computes anyway.
func (z *compressor) seed(enc string, body, data []byte) {
	c := &compressed{data: data}
	c.once.Do(func() {})
	z.mu.Lock()
	z.cache[cacheKey(enc, body)] = c
	z.mu.Unlock()
}

func cacheKey(enc string, body []byte) string {
	sum := sha256.Sum256(body)
	return enc + ":" + string(sum[:])
}

// compress returns body in the content coding enc ("br" or "gzip").
func (z *compressor) compress(enc string, body []byte) ([]byte, error) {
	key := cacheKey(enc, body)
	z.mu.Lock()
	c, ok := z.cache[key]
	if !ok {
		c = &compressed{}
		z.cache[key] = c
	}
	z.mu.Unlock()
	c.once.Do(func() {
		switch enc {
		case "br":
			c.data, c.err = brotliBytes(body, z.brQuality)
		case "gzip":
			c.data, c.err = gzipBytes(body, z.gzLevel)
		default:
			c.err = fmt.Errorf("unknown content coding %q", enc)
		}
	})
	return c.data, c.err
}

func brotliBytes(body []byte, quality int) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, quality)
	if _, err := w.Write(body); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func gzipBytes(body []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, level)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(body); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// compressible reports whether a host compresses this content type.
func compressible(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch {
	case strings.HasPrefix(mt, "text/"):
		return true
	}
	switch mt {
	case "application/javascript", "application/json", "application/manifest+json",
		"application/wasm", "image/svg+xml", "application/xml", "application/x-javascript":
		return true
	}
	return false
}

// wrap compresses what next answers to a GET. HEAD, range and conditional
// answers (304) pass through as they are.
func (z *compressor) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		enc := acceptEncoding(r.Header.Get("Accept-Encoding"))
		if enc == "" || r.Method != http.MethodGet || r.Header.Get("Range") != "" {
			next.ServeHTTP(w, r)
			return
		}
		buf := &bufferedWriter{header: http.Header{}, status: http.StatusOK}
		next.ServeHTTP(buf, r)
		h := w.Header()
		for k, v := range buf.header {
			h[k] = v
		}
		body := buf.body.Bytes()
		if buf.status != http.StatusOK || h.Get("Content-Encoding") != "" ||
			!compressible(h.Get("Content-Type")) || len(body) < 256 {
			w.WriteHeader(buf.status)
			w.Write(body)
			return
		}
		data, err := z.compress(enc, body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		h.Set("Content-Encoding", enc)
		h.Add("Vary", "Accept-Encoding")
		h.Set("Content-Length", strconv.Itoa(len(data)))
		h.Del("Accept-Ranges")
		if et := h.Get("Etag"); et != "" && !strings.HasPrefix(et, "W/") {
			h.Set("Etag", "W/"+et) // another representation of the same file
		}
		w.WriteHeader(http.StatusOK)
		w.Write(data)
	})
}

// bufferedWriter holds a whole response so that it can be compressed.
type bufferedWriter struct {
	header      http.Header
	status      int
	wroteHeader bool
	body        bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) WriteHeader(code int) {
	if b.wroteHeader {
		return
	}
	b.wroteHeader = true
	b.status = code
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	if !b.wroteHeader {
		b.WriteHeader(http.StatusOK)
	}
	return b.body.Write(p)
}
