package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path"
	"strings"
	"syscall"
	"time"
)

// NewHandler returns a handler that serves the built site in dir as Netlify
// does: pretty URLs and the headers of [Headers]. It serves only GET and
// HEAD, never lists a folder, and never serves a dot file.
func NewHandler(dir string) (http.Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot serve %s: %w", dir, err)
	}
	return &handler{root: root, rules: Headers()}, nil
}

type handler struct {
	root  *os.Root
	rules []Rule
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	setHeaders(w.Header(), h.rules, r.URL.Path)

	name, ok := h.resolve(r.URL.Path)
	if !ok {
		h.notFound(w, r)
		return
	}
	f, info, err := h.open(name)
	if err != nil {
		h.notFound(w, r)
		return
	}
	defer f.Close()
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// resolve maps a URL path to a file name in the root, with Netlify's pretty
// URLs: "/" → index.html, "/compare" → compare (if it exists) or
// compare.html, "/dir/" → dir/index.html.
func (h *handler) resolve(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") {
		return "", false
	}
	clean := path.Clean(urlPath)
	for _, seg := range strings.Split(clean, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	name := strings.TrimPrefix(clean, "/")
	switch {
	case name == "":
		return "index.html", true
	case strings.HasSuffix(urlPath, "/"):
		return name + "/index.html", h.isFile(name + "/index.html")
	case h.isFile(name):
		return name, true
	case path.Ext(name) == "" && h.isFile(name+".html"):
		return name + ".html", true
	}
	return "", false
}

func (h *handler) isFile(name string) bool {
	info, err := h.root.Stat(name)
	return err == nil && info.Mode().IsRegular()
}

func (h *handler) open(name string) (*os.File, fs.FileInfo, error) {
	f, err := h.root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fs.ErrNotExist
	}
	return f, info, nil
}

// notFound answers 404 with 404.html when the site has one.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	f, _, err := h.open("404.html")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		io.Copy(w, f)
	}
}

// Listen opens the address the site will be served on. A port already in
// use gets an error that says so, and how to choose another.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("cannot serve on %s: the port is already in use "+
			"(another server is running there; stop it or choose another address, e.g. -addr localhost:8081): %w", addr, err)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot serve on %s: %w", addr, err)
	}
	return ln, nil
}

// Serve serves the built site in dir on ln until ctx ends, then shuts the
// server down.
func Serve(ctx context.Context, ln net.Listener, dir string) error {
	h, err := NewHandler(dir)
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	err = srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		<-done
		return nil
	}
	return err
}
