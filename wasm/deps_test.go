package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestClientDependencies: what the client links ends up in app.wasm, whose
// size has a budget (issue 8). go-app brings net/http and its crypto, which
// the bare go-app page pays too; nothing of ours that only runs natively may
// follow: the build, the generator, the browser tests, goccy/go-json (+0.7 MB
// brotli), templates, processes.
func TestClientDependencies(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("GOOS=js GOARCH=wasm go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	banned := []string{
		"github.com/goccy/go-json",
		"github.com/chromedp/",
		"github.com/aivc/aivc/internal/site",
		"github.com/aivc/aivc/cmd/",
		"github.com/aivc/aivc/e2e",
		"os/exec",
		"net/http/httptest",
		"text/template",
		"html/template",
		"testing",
	}
	for _, dep := range deps {
		for _, b := range banned {
			if dep == b || strings.HasPrefix(dep, b) && (strings.HasSuffix(b, "/") || strings.HasPrefix(dep, b+"/")) {
				t.Errorf("app.wasm links %s", dep)
			}
		}
	}
	// The list is real: the client links the app and go-app.
	for _, want := range []string{"github.com/aivc/aivc/app", "github.com/maxence-charriere/go-app/v10/pkg/app", "syscall/js"} {
		if !strings.Contains(string(out), want+"\n") {
			t.Errorf("go list -deps of the client lacks %s; is the list right?", want)
		}
	}
}
