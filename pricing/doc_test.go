package pricing

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The package promises (doc.go) to stay pure: only the standard library
// and shopspring/decimal (and internal/order, pure Go of this module),
// never go-app, syscall/js or goccy/go-json.
func TestDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		first, _, _ := strings.Cut(dep, "/")
		switch {
		case dep == "syscall/js", strings.Contains(dep, "go-app"), strings.Contains(dep, "goccy"):
			t.Errorf("pricing depends on %s", dep)
		case strings.Contains(first, ".") && dep != "github.com/shopspring/decimal" && dep != "github.com/aivc/aivc/pricing" &&
			dep != "github.com/aivc/aivc/internal/order":
			t.Errorf("pricing depends on %s, not the standard library", dep)
		}
	}
}

// Money is decimal: no floating point anywhere in the package, tests
// included.
func TestNoFloats(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	banned := []string{"float" + "32", "float" + "64", "NewFrom" + "Float", "Inexact" + "Float"}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range banned {
			if strings.Contains(string(data), b) {
				t.Errorf("%s uses %s", f, b)
			}
		}
	}
}
