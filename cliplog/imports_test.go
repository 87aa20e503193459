package cliplog

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The package ends up in app.wasm and must stay pure: the standard library,
// shopspring/decimal, pricing and internal/order only (no go-app, no
// syscall/js, no goccy).
func TestImports(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(p, "/")
			ok := !strings.Contains(first, ".") && p != "syscall/js" ||
				p == "github.com/shopspring/decimal" || p == "github.com/aivc/aivc/pricing" ||
				p == "github.com/aivc/aivc/internal/order"
			if !ok {
				t.Errorf("%s imports %s", name, p)
			}
		}
	}
}
