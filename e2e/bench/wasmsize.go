package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// wasmBreakdown is the code of a wasm module by Go package, read from the
// function bodies and the "name" custom section, and the size of its data
// section. Go writes the name section unless the binary is stripped (-s).
type wasmBreakdown struct {
	Code map[string]int64 // bytes of function bodies, by package
	Data int64            // bytes of the data section (strings, type data, embedded files)
}

var errNoNames = errors.New("the module has no function names (built with -s?)")

// readWasmBreakdown parses a wasm module.
func readWasmBreakdown(b []byte) (wasmBreakdown, error) {
	res := wasmBreakdown{Code: map[string]int64{}}
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return res, errors.New("not a wasm module")
	}
	var (
		imports int
		bodies  []int64
		names   = map[int]string{}
	)
	r := &wasmReader{b: b, i: 8}
	for r.i < len(b) {
		id := r.byte()
		size := int(r.uleb())
		start, end := r.i, r.i+size
		if r.err != nil || end > len(b) || size < 0 {
			return res, errors.New("truncated wasm module")
		}
		s := &wasmReader{b: b[:end], i: start}
		switch id {
		case 2: // imports: count the imported functions, which come first in the index space
			for n := s.uleb(); n > 0 && s.err == nil; n-- {
				s.skip(int(s.uleb())) // module
				s.skip(int(s.uleb())) // name
				switch s.byte() {
				case 0: // func
					s.uleb()
					imports++
				case 1: // table
					s.byte()
					s.limits()
				case 2: // memory
					s.limits()
				case 3: // global
					s.byte()
					s.byte()
				}
			}
		case 10: // code
			for n := s.uleb(); n > 0 && s.err == nil; n-- {
				before := s.i
				sz := int(s.uleb())
				s.skip(sz)
				bodies = append(bodies, int64(s.i-before))
			}
		case 11: // data
			res.Data += int64(size)
		case 0: // custom
			if s.name() != "name" {
				break
			}
			for s.i < end && s.err == nil {
				sub := s.byte()
				subEnd := int(s.uleb()) + s.i
				if sub == 1 { // function names
					for n := s.uleb(); n > 0 && s.err == nil; n-- {
						idx := int(s.uleb())
						names[idx] = s.name()
					}
				}
				s.i = subEnd
			}
		}
		if s.err != nil {
			return res, fmt.Errorf("reading section %d: %w", id, s.err)
		}
		r.i = end
	}
	if len(names) == 0 {
		return res, errNoNames
	}
	for k, sz := range bodies {
		res.Code[goPackage(names[imports+k])] += sz
	}
	return res, nil
}

// goPackage returns the package part of a Go wasm function name, as the
// linker writes it, with "/" and "-" of import paths turned into "_":
// "github.com_aivc_aivc_pricing.Rank" → "github.com_aivc_aivc_pricing",
// "encoding_json.Marshal" → "encoding_json".
func goPackage(fn string) string {
	if fn == "" {
		return "?"
	}
	for _, host := range []string{"github.com_", "golang.org_", "gopkg.in_"} {
		if strings.HasPrefix(fn, host) {
			pkg, _, _ := strings.Cut(fn[len(host):], ".")
			return host + pkg
		}
	}
	pkg, _, _ := strings.Cut(fn, ".")
	return pkg
}

// wasmReader reads LEB128 numbers and names, and remembers the first error.
type wasmReader struct {
	b   []byte
	i   int
	err error
}

func (r *wasmReader) byte() byte {
	if r.i >= len(r.b) {
		r.err = errors.New("unexpected end")
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

func (r *wasmReader) uleb() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c < 0x80 || r.err != nil {
			return v
		}
	}
	r.err = errors.New("bad LEB128")
	return v
}

func (r *wasmReader) skip(n int) {
	if n < 0 || r.i+n > len(r.b) {
		r.err = errors.New("unexpected end")
		r.i = len(r.b)
		return
	}
	r.i += n
}

func (r *wasmReader) name() string {
	n := int(r.uleb())
	start := r.i
	r.skip(n)
	if r.err != nil {
		return ""
	}
	return string(r.b[start:r.i])
}

func (r *wasmReader) limits() {
	if r.byte()&1 == 1 {
		r.uleb()
	}
	r.uleb()
}

// sizeRow is one package's share of the difference between two modules.
type sizeRow struct {
	Package string `json:"package"`
	Product int64  `json:"product"`
	Bare    int64  `json:"bare"`
}

// sizeDiff lists the packages whose code differs, largest difference first.
func sizeDiff(product, bare wasmBreakdown) []sizeRow {
	var rows []sizeRow
	for p, n := range product.Code {
		if n != bare.Code[p] {
			rows = append(rows, sizeRow{p, n, bare.Code[p]})
		}
	}
	for p, n := range bare.Code {
		if _, ok := product.Code[p]; !ok {
			rows = append(rows, sizeRow{p, 0, n})
		}
	}
	slices.SortFunc(rows, func(a, b sizeRow) int {
		if c := cmp.Compare(b.Product-b.Bare, a.Product-a.Bare); c != 0 {
			return c
		}
		return strings.Compare(a.Package, b.Package)
	})
	return rows
}

// buildNamed builds pkg for js/wasm with the flags of the site but without
// -s, so that the module keeps its function names, and returns its
// breakdown.
func buildNamed(ctx context.Context, root, dir, pkg string) (wasmBreakdown, error) {
	out := filepath.Join(dir, strings.ReplaceAll(strings.Trim(pkg, "./"), "/", "-")+".named.wasm")
	if err := runGo(ctx, root, []string{"GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0"},
		goCommand(), "build", "-trimpath", "-buildvcs=false", "-ldflags=-w", "-o", out, pkg); err != nil {
		return wasmBreakdown{}, err
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return wasmBreakdown{}, err
	}
	return readWasmBreakdown(b)
}
