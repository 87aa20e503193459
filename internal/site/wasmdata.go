package site

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// The Go linker writes a WebAssembly module's data (strings, type tables,
// the embedded catalog) as active data segments, and leaves every run of 8
// or more zero bytes out of the file, starting a new segment after it:
// memory starts zeroed. For app.wasm that was 99,999 runs of zeros between
// segments, all but 106 under 64 bytes (91,146 of 17–24 bytes), each
// traded for a segment header: an offset that compresses badly. The linker stops at 100,000 segments and writes the rest
// of the data whole (writeDataSec in cmd/link/internal/wasm). CompactData
// writes the short runs out instead, so that one segment follows another
// only across a long run of zeros. Zeros cost next to nothing compressed:
// measured on app.wasm with go1.26.8, 100,000 segments became 4, raw
// 10.02 → 11.02 MB, gzip -9 2.630 → 2.454 MB, brotli -q 11 1.909 → 1.799 MB.
// What reaches memory is the same, byte for byte (TestCompactData).

// minZeroRun is the shortest run of zeros CompactData leaves out of the file
// between two segments.
const minZeroRun = 4096

// errWasmForm is wrapped by every error of CompactData: the module is not
// one it knows how to rewrite, and is best left as the linker wrote it.
var errWasmForm = errors.New("unexpected WebAssembly module")

// CompactData returns the module with its data segments merged across runs
// of zeros shorter than minZeroRun, and how many segments it had and has.
// Every other section is copied as it is. It reads the form the Go linker
// writes: active segments of memory 0 at an i32.const offset, none
// overlapping another, and no data count section; for anything else it returns an error
// wrapping errWasmForm, and the build keeps the module as it was.
func CompactData(module []byte) (out []byte, before, after int, err error) {
	r := wasmReader{b: module}
	if string(r.next(8)) != "\x00asm\x01\x00\x00\x00" {
		return nil, 0, 0, fmt.Errorf("%w: no WebAssembly 1.0 header", errWasmForm)
	}
	out = append(out, module[:8]...)
	for r.err == nil && r.i < len(module) {
		start := r.i
		id := r.byte()
		body := r.next(r.u32())
		switch {
		case r.err != nil:
		case id == 12:
			r.err = fmt.Errorf("%w: a data count section", errWasmForm)
		case id != 11:
			out = append(out, module[start:r.i]...)
		default:
			var segs []dataSegment
			if segs, r.err = readData(body); r.err == nil {
				merged := mergeSegments(segs)
				before, after = len(segs), len(merged)
				out = append(out, 11)
				sec := writeData(merged)
				out = appendU32(out, uint32(len(sec)))
				out = append(out, sec...)
			}
		}
	}
	if r.err != nil {
		return nil, 0, 0, r.err
	}
	return out, before, after, nil
}

// dataSegment is an active data segment: data written to memory at off.
type dataSegment struct {
	off  uint32
	data []byte
}

// readData reads a data section's segments, in order of address (the
// linker writes them section by section: .data's before .rodata's, which
// lie lower).
func readData(body []byte) ([]dataSegment, error) {
	r := wasmReader{b: body}
	n := r.u32()
	var segs []dataSegment
	for i := uint32(0); i < n && r.err == nil; i++ {
		if flags := r.u32(); r.err == nil && flags != 0 {
			return nil, fmt.Errorf("%w: data segment %d is not an active segment of memory 0", errWasmForm, i)
		}
		if r.byte() != 0x41 { // i32.const
			return nil, fmt.Errorf("%w: data segment %d's offset is not a constant", errWasmForm, i)
		}
		off := r.s32()
		if r.byte() != 0x0b { // end
			return nil, fmt.Errorf("%w: data segment %d's offset is not a constant", errWasmForm, i)
		}
		data := r.next(r.u32())
		if r.err != nil {
			break
		}
		if off < 0 || uint64(off)+uint64(len(data)) > 1<<32 {
			return nil, fmt.Errorf("%w: data segment %d is outside the memory", errWasmForm, i)
		}
		segs = append(segs, dataSegment{uint32(off), data})
	}
	if r.err == nil && r.i != len(body) {
		r.err = fmt.Errorf("%w: %d bytes after the data segments", errWasmForm, len(body)-r.i)
	}
	if r.err != nil {
		return nil, r.err
	}
	// Segments that overlap write memory in the order they come; joined,
	// they could not keep it.
	slices.SortStableFunc(segs, func(a, b dataSegment) int { return cmp.Compare(a.off, b.off) })
	for i := 1; i < len(segs); i++ {
		if uint64(segs[i].off) < uint64(segs[i-1].off)+uint64(len(segs[i-1].data)) {
			return nil, fmt.Errorf("%w: two data segments overlap at %d", errWasmForm, segs[i].off)
		}
	}
	return segs, nil
}

// mergeSegments joins each segment to the one before it, with the zeros
// between them, when fewer than minZeroRun zeros lie between.
func mergeSegments(segs []dataSegment) []dataSegment {
	var out []dataSegment
	for _, s := range segs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			gap := int(s.off - last.off - uint32(len(last.data)))
			if gap < minZeroRun {
				last.data = append(last.data, make([]byte, gap)...)
				last.data = append(last.data, s.data...)
				continue
			}
		}
		out = append(out, dataSegment{s.off, append([]byte(nil), s.data...)})
	}
	return out
}

// writeData writes a data section's body.
func writeData(segs []dataSegment) []byte {
	b := appendU32(nil, uint32(len(segs)))
	for _, s := range segs {
		b = append(b, 0, 0x41)
		b = appendS32(b, int32(s.off))
		b = append(b, 0x0b)
		b = appendU32(b, uint32(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

// wasmReader reads a module's bytes; after the first error, every read
// returns zero values and the error stays.
type wasmReader struct {
	b   []byte
	i   int
	err error
}

func (r *wasmReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s at byte %d", errWasmForm, what, r.i)
	}
}

func (r *wasmReader) byte() byte {
	if r.err != nil || r.i >= len(r.b) {
		r.fail("unexpected end")
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *wasmReader) next(n uint32) []byte {
	if r.err != nil || uint64(n) > uint64(len(r.b)-r.i) {
		r.fail("unexpected end")
		return nil
	}
	r.i += int(n)
	return r.b[r.i-int(n) : r.i]
}

// u32 reads an unsigned LEB128 number of at most 32 bits.
func (r *wasmReader) u32() uint32 {
	var x uint64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			if x > 1<<32-1 {
				r.fail("number too large")
			}
			return uint32(x)
		}
	}
	r.fail("number too long")
	return 0
}

// s32 reads a signed LEB128 number of at most 32 bits.
func (r *wasmReader) s32() int32 {
	var x int64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		x |= int64(c&0x7f) << shift
		if c < 0x80 {
			if c&0x40 != 0 {
				x |= -1 << (shift + 7)
			}
			if x < -1<<31 || x > 1<<31-1 {
				r.fail("number too large")
			}
			return int32(x)
		}
	}
	r.fail("number too long")
	return 0
}

func appendU32(b []byte, x uint32) []byte {
	for x >= 0x80 {
		b = append(b, byte(x)|0x80)
		x >>= 7
	}
	return append(b, byte(x))
}

func appendS32(b []byte, x int32) []byte {
	v := int64(x)
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
