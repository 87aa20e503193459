// Command build builds the AIVC static site, and can serve it.
//
// Usage:
//
//	go run ./cmd/build [-out DIR] [-domain HOST] [-serve [-addr ADDR]]
//
// It builds web/app.wasm from ./wasm with the toolchain running it
// (GOOS=js GOARCH=wasm, -trimpath -ldflags="-s -w"), copies web/, and
// generates every page of the route table, prerendered, with go-app. Then it
// prints every file it wrote and app.wasm's size, raw and gzip -9. Run it
// from the repository (it finds go.mod from the working directory).
//
// The flags are:
//
//	-out DIR
//		Write the site to DIR (default "dist"). DIR is created if needed; if
//		it holds an earlier build, that build is replaced; any other non-empty
//		folder is refused.
//	-domain HOST
//		The site's host name, for the pages' absolute og:url and og:image
//		(default: the host of $URL, which Netlify sets during its builds).
//		Without one the pages have neither, rather than addresses with no
//		host.
//	-serve
//		After building, serve DIR until interrupted, as Netlify does: pretty
//		URLs (/compare serves compare.html) and exactly the headers of
//		netlify.toml.
//	-addr ADDR
//		The address -serve listens on (default "localhost:8080"). It is
//		opened before the build, so a port in use fails at once.
//
// Netlify runs `go run ./cmd/build -out dist` (netlify.toml). Locally,
// `go run ./cmd/build -serve` builds and serves on http://localhost:8080.
//
// The exit status is 2 for a usage error, 1 when the build or the server
// fails, and 0 otherwise.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	"github.com/aivc/aivc/internal/site"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("build: ")

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	err := run(ctx, os.Args[1:])
	var uerr usageError
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
	case errors.As(err, &uerr):
		log.Print(err)
		stop()
		os.Exit(2)
	default:
		log.Print(err)
		stop()
		os.Exit(1)
	}
}

// usageError is a bad command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run parses args, builds the site and, with -serve, serves it until ctx
// ends.
func run(ctx context.Context, args []string) error {
	return runTo(ctx, args, os.Stdout, os.Stderr)
}

func runTo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "dist", "write the site to `DIR`")
	domain := fs.String("domain", defaultDomain(), "the site's `HOST` name, for og:url and og:image")
	serve := fs.Bool("serve", false, "serve the site after building it")
	addr := fs.String("addr", "localhost:8080", "the `ADDR`ess -serve listens on")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: go run ./cmd/build [-out DIR] [-domain HOST] [-serve [-addr ADDR]]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	if *out == "" {
		return usageError{"-out must not be empty"}
	}

	var ln net.Listener
	if *serve {
		var err error
		if ln, err = site.Listen(*addr); err != nil {
			return err
		}
		defer ln.Close()
	}

	res, err := site.Build(ctx, site.Options{Out: *out, Domain: *domain, Log: stdout})
	if err != nil {
		return err
	}
	if ln == nil {
		return nil
	}
	fmt.Fprintf(stdout, "serving %s on http://%s (Ctrl-C to stop)\n", res.Out, displayAddr(*addr, ln))
	return site.Serve(ctx, ln, res.Out)
}

// defaultDomain is the host of $URL, the site's main address during a
// Netlify build.
func defaultDomain() string {
	u, err := url.Parse(os.Getenv("URL"))
	if err != nil {
		return ""
	}
	return u.Host
}

// displayAddr is the address to show for the listener ln opened for addr:
// "localhost:8080" stays, ":8080" and "0.0.0.0:0" become localhost with the
// real port.
func displayAddr(addr string, ln net.Listener) string {
	host, _, err := net.SplitHostPort(addr)
	tcp, ok := ln.Addr().(*net.TCPAddr)
	if err != nil || !ok {
		return ln.Addr().String()
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}
