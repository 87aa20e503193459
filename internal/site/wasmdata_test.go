package site

import (
	"bytes"
	"errors"
	"maps"
	"testing"
)

// module returns a WebAssembly module of the given sections: id, then body.
func module(sections ...any) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	for i := 0; i < len(sections); i += 2 {
		body := sections[i+1].([]byte)
		b = append(b, sections[i].(byte))
		b = appendU32(b, uint32(len(body)))
		b = append(b, body...)
	}
	return b
}

// dataBody is the data section of three segments as the Go linker writes
// them: "ab" at 16, "cd" at 20 (2 zeros between) and "ef" at 10000 (9,978
// zeros between), offsets as signed LEB128 (10000: 90 ce 00).
var dataBody = []byte{3,
	0, 0x41, 16, 0x0b, 2, 'a', 'b',
	0, 0x41, 20, 0x0b, 2, 'c', 'd',
	0, 0x41, 0x90, 0xce, 0x00, 0x0b, 2, 'e', 'f',
}

func TestCompactData(t *testing.T) {
	types := []byte{1, 0x60, 0, 0}          // one function type: [] → []
	custom := []byte{4, 'n', 'a', 'm', 'e'} // a custom section, after the data
	in := module(byte(1), types, byte(11), dataBody, byte(0), custom)
	out, before, after, err := CompactData(in)
	if err != nil {
		t.Fatal(err)
	}
	want := module(byte(1), types, byte(11), []byte{2,
		0, 0x41, 16, 0x0b, 6, 'a', 'b', 0, 0, 'c', 'd',
		0, 0x41, 0x90, 0xce, 0x00, 0x0b, 2, 'e', 'f',
	}, byte(0), custom)
	if !bytes.Equal(out, want) {
		t.Errorf("CompactData:\n got % x\nwant % x", out, want)
	}
	if before != 3 || after != 2 {
		t.Errorf("segments %d → %d, want 3 → 2", before, after)
	}
	if again, _, _, err := CompactData(out); err != nil || !bytes.Equal(again, out) {
		t.Errorf("compacting again changed the module (error %v)", err)
	}

	// The linker writes .data's segments before .rodata's, which lie lower.
	in = module(byte(11), []byte{2,
		0, 0x41, 20, 0x0b, 2, 'c', 'd',
		0, 0x41, 16, 0x0b, 2, 'a', 'b',
	})
	out, _, _, err = CompactData(in)
	want = module(byte(11), []byte{1, 0, 0x41, 16, 0x0b, 6, 'a', 'b', 0, 0, 'c', 'd'})
	if err != nil || !bytes.Equal(out, want) {
		t.Errorf("CompactData of segments out of order:\n got % x (error %v)\nwant % x", out, err, want)
	}
}

func TestCompactDataRefuses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		module []byte
	}{
		{"no header", []byte("\x00asm\x02\x00\x00\x00")},
		{"section longer than the module", module(byte(1), []byte{1, 2, 3})[:12]},
		{"data count section", module(byte(12), []byte{3}, byte(11), dataBody)},
		{"passive segment", module(byte(11), []byte{1, 1, 2, 'a', 'b'})},
		{"offset not a constant", module(byte(11), []byte{1, 0, 0x23, 0, 0x0b, 1, 'a'})},
		{"overlapping segments", module(byte(11), []byte{2,
			0, 0x41, 16, 0x0b, 4, 'a', 'b', 'c', 'd',
			0, 0x41, 18, 0x0b, 1, 'e'})},
		{"negative offset", module(byte(11), []byte{1, 0, 0x41, 0x7f, 0x0b, 1, 'a'})},
		{"bytes after the segments", module(byte(11), append(append([]byte{}, dataBody...), 0))},
		{"segment longer than the section", module(byte(11), []byte{1, 0, 0x41, 16, 0x0b, 9, 'a'})},
		{"number too long", module(byte(11), []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x01})},
	} {
		if _, _, _, err := CompactData(tc.module); !errors.Is(err, errWasmForm) {
			t.Errorf("%s: error %v, want one wrapping %v", tc.name, err, errWasmForm)
		}
	}
}

// memory returns the bytes a module's data segments write into a zeroed
// memory, as a map of the addresses that are not zero.
func memory(t *testing.T, module []byte) map[uint32]byte {
	t.Helper()
	m := map[uint32]byte{}
	r := wasmReader{b: module}
	r.next(8)
	for r.err == nil && r.i < len(module) {
		id := r.byte()
		body := r.next(r.u32())
		if id != 11 || r.err != nil {
			continue
		}
		segs, err := readData(body)
		if err != nil {
			t.Fatalf("reading the data: %v", err)
		}
		for _, s := range segs {
			for i, c := range s.data {
				if c != 0 {
					m[s.off+uint32(i)] = c
				}
			}
		}
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	return m
}

// FuzzCompactData: any bytes are either refused with an error, or compacted
// into a module whose data writes the same memory, whose other sections are
// the same, and that compacting again leaves as it is.
func FuzzCompactData(f *testing.F) {
	f.Add(module(byte(1), []byte{1, 0x60, 0, 0}, byte(11), dataBody))
	f.Add(module(byte(11), []byte{2, 0, 0x41, 0x80, 0x20, 0x0b, 1, 'a', 0, 0x41, 0x81, 0xc0, 0x00, 0x0b, 1, 'b'})) // 4,096 zeros between: kept apart
	f.Add(module(byte(11), []byte{0}))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, before, after, err := CompactData(in)
		if err != nil {
			if !errors.Is(err, errWasmForm) {
				t.Fatalf("error %v does not wrap %v", err, errWasmForm)
			}
			return
		}
		if after > before {
			t.Errorf("segments %d → %d", before, after)
		}
		if !maps.Equal(memory(t, out), memory(t, in)) {
			t.Errorf("the memory written differs")
		}
		if !bytes.Equal(otherSections(t, out), otherSections(t, in)) {
			t.Errorf("a section other than the data changed")
		}
		again, b2, a2, err := CompactData(out)
		if err != nil || !bytes.Equal(again, out) || b2 != after || a2 != after {
			t.Errorf("compacting again changed the module (error %v)", err)
		}
	})
}

// otherSections returns the module's sections other than the data section,
// one after the other.
func otherSections(t *testing.T, module []byte) []byte {
	t.Helper()
	var b []byte
	r := wasmReader{b: module}
	r.next(8)
	for r.err == nil && r.i < len(module) {
		start := r.i
		if id := r.byte(); id != 11 {
			r.next(r.u32())
			b = append(b, module[start:r.i]...)
		} else {
			r.next(r.u32())
		}
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	return b
}
