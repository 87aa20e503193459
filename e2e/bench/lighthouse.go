package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// runLighthouse runs lighthouse.sh on the product's /, /compare and /embed,
// whichever the host serves with status 200, then on the bare page's / for
// comparison, and prints its output (and appends it to the -out file, if
// any).
func runLighthouse(ctx context.Context, root, product, bare, chromium string, stdout io.Writer, outFile string) error {
	var sink io.Writer = stdout
	if outFile != "" {
		f, err := os.OpenFile(outFile, os.O_APPEND|os.O_WRONLY, 0o644)
		if err == nil {
			defer f.Close()
			sink = io.MultiWriter(stdout, f)
		}
	}
	paths, err := existing(ctx, product, "/", "/compare", "/embed")
	if err != nil {
		return err
	}
	fmt.Fprintf(sink, "\nlighthouse, product (e2e/bench/lighthouse.sh %s %s):\n", product, strings.Join(paths, " "))
	if err := lighthouse(ctx, root, chromium, sink, product, paths...); err != nil {
		return err
	}
	fmt.Fprintf(sink, "\nlighthouse, the bare go-app page, for comparison:\n")
	return lighthouse(ctx, root, chromium, sink, bare, "/")
}

// existing returns the paths that base serves with status 200.
func existing(ctx context.Context, base string, candidates ...string) ([]string, error) {
	var paths []string
	for _, p := range candidates {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+p, nil)
		if err != nil {
			return nil, err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			paths = append(paths, p)
		}
	}
	return paths, nil
}

// lighthouse runs lighthouse.sh on base and paths.
func lighthouse(ctx context.Context, root, chromium string, w io.Writer, base string, paths ...string) error {
	cmd := exec.CommandContext(ctx, "bash", append([]string{filepath.Join(root, "e2e", "bench", "lighthouse.sh"), base}, paths...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	cmd.Stdout = w
	cmd.Stderr = os.Stderr
	return cmd.Run()
}
