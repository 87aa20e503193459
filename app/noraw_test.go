package app

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// User text is only ever rendered as text. go-app's Text and Attr set text
// and attributes, never markup; app.Raw mounts its string through
// innerHTML, and innerHTML and its kin parse markup, so a person's text (a
// link's value, a profile's name, a clip's note) put into them could run as
// script in the page and in every site that frames it. These tests read
// the source:
//
//   - no Go file of the package (tests aside) uses go-app's Raw, or names
//     innerHTML, outerHTML or insertAdjacentHTML;
//   - no script of web/ uses those, document.write, eval or new Function.

// htmlSinks are the DOM properties and methods that parse markup.
var htmlSinks = []string{"innerHTML", "outerHTML", "insertAdjacentHTML"}

// packageFiles returns the package's Go files, tests aside, parsed.
func packageFiles(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
	}
	if len(files) == 0 {
		t.Fatal("no Go files found")
	}
	return fset, files
}

func TestNoHTMLSinks(t *testing.T) {
	fset, files := packageFiles(t)
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			var text string
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					text, _ = strconv.Unquote(n.Value)
				}
			case *ast.Ident:
				text = n.Name
			}
			for _, sink := range htmlSinks {
				if strings.Contains(text, sink) {
					t.Errorf("%s: %s parses markup; render user text with Text or Attr", fset.Position(n.Pos()), sink)
				}
			}
			return true
		})
	}
}

// jsComments matches the comments of a script, roughly (enough for ours).
var jsComments = regexp.MustCompile(`(?s)/\*.*?\*/|(^|[^:\\])//[^\n]*`)

func TestNoHTMLSinksInScripts(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("..", "web", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Skip("no scripts in web/")
	}
	sinks := append([]string{"document.write", "eval(", "new Function"}, htmlSinks...)
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		code := jsComments.ReplaceAllString(string(data), "$1")
		for _, sink := range sinks {
			if strings.Contains(code, sink) {
				t.Errorf("%s uses %s: set text with textContent and attributes with setAttribute", name, sink)
			}
		}
	}
}

func TestNoRaw(t *testing.T) {
	fset, files := packageFiles(t)
	for _, f := range files {
		for _, p := range rawUses(fset, f) {
			t.Error(p)
		}
	}
}

// TestRawUses: the check above finds every use in a sample, under any
// import name.
func TestRawUses(t *testing.T) {
	src := `package x

import ui "github.com/maxence-charriere/go-app/v10/pkg/app"

func f(name string) {
	_ = ui.Raw("<h2>Fine?</h2>")
	_ = ui.Raw("<p>" + name + "</p>")
	raw := ui.Raw
	_ = raw(name)
	_ = ui.Text(name)
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	got := rawUses(fset, f)
	if len(got) != 3 || !strings.Contains(got[1], `ui.Raw("<p>" + name + "</p>")`) || !strings.HasPrefix(got[2], "x.go:8:9") {
		t.Errorf("found:\n%s", strings.Join(got, "\n"))
	}
}

// rawUses returns a message for each use of go-app's Raw in f.
func rawUses(fset *token.FileSet, f *ast.File) []string {
	goApp := goAppName(f)
	if goApp == "" {
		return nil
	}
	var out []string
	var parent ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			parent = call
		}
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Raw" {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); !ok || x.Name != goApp {
			return true
		}
		use := goApp + ".Raw"
		if call, ok := parent.(*ast.CallExpr); ok && call.Fun == sel {
			use = exprText(fset, call)
		}
		out = append(out, fset.Position(sel.Pos()).String()+": "+shorten(use, 80)+
			": go-app mounts it with innerHTML; build the elements with el/elem/textElem and set text with Text")
		return true
	})
	return out
}

// goAppName returns the name f imports go-app's app package under, or "".
func goAppName(f *ast.File) string {
	for _, imp := range f.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == "github.com/maxence-charriere/go-app/v10/pkg/app" {
			if imp.Name != nil {
				return imp.Name.Name
			}
			return "app"
		}
	}
	return ""
}

// exprText returns the source of e, for messages.
func exprText(fset *token.FileSet, e ast.Expr) string {
	var b strings.Builder
	if err := printer.Fprint(&b, fset, e); err != nil {
		return "an expression"
	}
	return b.String()
}
