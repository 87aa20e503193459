package site

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestMinifyCSS(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a {\n  color: red; /* why */\n}\n", "a{color:red;}"},
		{"/* head */\n:root {\n  --x: 1px;\n}\n\n.b , .c > d {\n  margin: 0 auto;\n}\n", ":root{--x:1px;}.b,.c > d{margin:0 auto;}"},
		// The space before a pseudo-class is a descendant combinator.
		{".a :hover { x: y }", ".a :hover{x:y}"},
		{"@media (min-width: 40rem) and (hover: hover) {\n  .a { b: c }\n}", "@media (min-width:40rem) and (hover:hover){.a{b:c}}"},
		// Strings and unquoted url()s are copied whole.
		{`a::after { content: "/* not */  a comment;" ; }`, `a::after{content:"/* not */  a comment;";}`},
		{`a { content: 'it\'s  {x}' }`, `a{content:'it\'s  {x}'}`},
		{"a { background: url(/x/*y*/z.svg)  center }", "a{background:url(/x/*y*/z.svg) center}"},
		{`a { background: URL( "/a b.svg" ) }`, `a{background:URL( "/a b.svg" )}`},
		{"a { width: calc(100% - 2rem) }", "a{width:calc(100% - 2rem)}"},
		{"a { b: c } /* never closed", "a{b:c}"},
		// A comment between two words, or a "/" and a "*", still parts them.
		{".a/**/.b { margin: 1px/**/2px }", ".a.b{margin:1px 2px}"},
		{"//**/*", "/ *"},
		{"", ""},
	} {
		if got := string(minifyCSS([]byte(tc.in))); got != tc.want {
			t.Errorf("minifyCSS(%q)\n = %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestMinifyJS(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"// head\n(() => {\n  \"use strict\";\n\n  // why\n  f(); // trailing\n})();\n",
			"(() => {\n\"use strict\";\nf();\n})();\n", true},
		{"/* one\n   two */\nx = 1;\n/* a */ y = 2;\n  /**\n   * doc\n   */\nz();", "x = 1;\ny = 2;\nz();\n", true},
		// A // that may be in a string or a regular expression stays.
		{"u = \"https://x\"; // site\nr = /a\\/b/; // re\nq = 'a' // q\n", "u = \"https://x\"; // site\nr = /a\\/b/; // re\nq = 'a' // q\n", true},
		// Line breaks stay: automatic semicolons are as written.
		{"return\n  // no value\n  x\n", "return\nx\n", true},
		{"s = `${a}\n  b`;\n", "s = `${a}\n  b`;\n", false},
		{"s = \"a\\\n  b\";\n", "s = \"a\\\n  b\";\n", false},
		{"x = 1; /* mid */ y = 2;\n", "x = 1; /* mid */ y = 2;\n", false},
		// A backslash may escape the line's end once the comment is gone.
		{"a(\\ //x\n", "a(\\ //x\n", true},
		{"// Copyright 2018 The Go Authors.\n  // BSD-style\n\n\"use strict\";\n// x\n", "// Copyright 2018 The Go Authors.\n// BSD-style\n\"use strict\";\n", true},
		{"", "", true},
	} {
		got, ok := minifyJS([]byte(tc.in))
		if string(got) != tc.want || ok != tc.ok {
			t.Errorf("minifyJS(%q)\n = %q, %v\nwant %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestMinifyWeb: every stylesheet and script of web/ minifies (none is left
// as written) and is smaller for it, and a stylesheet keeps each string
// outside its comments.
func TestMinifyWeb(t *testing.T) {
	root := repoRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "web", "*.[cj]s*"))
	if err != nil || len(files) < 3 {
		t.Fatalf("web/'s styles and scripts: %v, %v", files, err)
	}
	comment := regexp.MustCompile(`(?s)/\*.*?\*/`)
	quoted := regexp.MustCompile(`"[^"\n]*"|'[^'\n]*'`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var min []byte
		if filepath.Ext(f) == ".css" {
			min = minifyCSS(src)
		} else {
			var ok bool
			if min, ok = minifyJS(src); !ok {
				t.Errorf("%s is left as written: minifyJS cannot be sure of one of its lines", f)
			}
		}
		if len(min) >= len(src) {
			t.Errorf("%s: minified %d bytes, written %d", f, len(min), len(src))
		}
		if filepath.Ext(f) != ".css" {
			continue
		}
		for _, s := range quoted.FindAll(comment.ReplaceAll(src, nil), -1) {
			if !bytes.Contains(min, s) {
				t.Errorf("%s: the string %s is lost", f, s)
			}
		}
	}
}

// FuzzMinify: neither pass panics, grows its input or changes its own
// output.
func FuzzMinify(f *testing.F) {
	f.Add([]byte("a { b: \"c\" } /* d */\n// e\n  f(); // g\n"))
	f.Add([]byte("url( x'\n/*"))
	f.Fuzz(func(t *testing.T, src []byte) {
		css := minifyCSS(src)
		if len(css) > len(src) {
			t.Fatalf("minifyCSS grew %q to %q", src, css)
		}
		if again := minifyCSS(css); string(again) != string(css) {
			t.Fatalf("minifyCSS(%q) = %q, then %q", src, css, again)
		}
		js, ok := minifyJS(src)
		if len(js) > len(src)+1 { // a last line gets its line break
			t.Fatalf("minifyJS grew %q to %q", src, js)
		}
		if ok {
			if again, ok2 := minifyJS(js); !ok2 || string(again) != string(js) {
				t.Fatalf("minifyJS(%q) = %q, then %q, %v", src, js, again, ok2)
			}
		}
	})
}
