package cliplog

import (
	"bytes"
	"errors"
	"io"
)

// csvReader reads RFC 4180 records as encoding/csv's Reader does with
// FieldsPerRecord = -1 (and its other settings left alone): cells
// separated by sep; a cell that starts with a quote ends at the next lone
// quote, holds "" as a quote and may hold sep and line breaks; CR LF reads
// as LF, inside quotes too, and a CR at the very end is dropped; blank lines
// between records are skipped. FuzzCSVReader holds it to encoding/csv. It is
// here because encoding/csv's Reader costs ~25 KB of app.wasm.
type csvReader struct {
	data []byte // what is left to read
	sep  byte
	line int // the line data starts on, from 1
}

var errUnclosed = errors.New("a quoted cell is not closed")

func newCSVReader(data []byte, sep byte) *csvReader {
	return &csvReader{data: bytes.TrimSuffix(data, []byte{'\r'}), sep: sep, line: 1}
}

// read appends the next record to rec[:0] and returns it with the line it
// starts on, or io.EOF after the last record. A quote out of place is an
// error, returned with the line encoding/csv's ParseError gives it, except
// a quote never closed: with the line its record starts on, where the quote
// is (encoding/csv names the file's last line); stop reading there.
func (r *csvReader) read(rec []string) (_ []string, line int, err error) {
	for r.lineEnd() { // blank lines
	}
	if len(r.data) == 0 {
		return nil, 0, io.EOF
	}
	line, rec = r.line, rec[:0]
	for {
		var cell string
		if len(r.data) > 0 && r.data[0] == '"' {
			cell, err = r.quoted()
		} else {
			cell, err = r.plain()
		}
		if errors.Is(err, errUnclosed) {
			return nil, line, err
		}
		if err != nil {
			return nil, r.line, err
		}
		rec = append(rec, cell)
		if len(r.data) == 0 || r.data[0] != r.sep {
			r.lineEnd()
			return rec, line, nil
		}
		r.data = r.data[1:]
	}
}

// lineEnd skips an LF or CR LF at the start of data.
func (r *csvReader) lineEnd() bool {
	switch {
	case bytes.HasPrefix(r.data, []byte("\n")):
		r.data = r.data[1:]
	case bytes.HasPrefix(r.data, []byte("\r\n")):
		r.data = r.data[2:]
	default:
		return false
	}
	r.line++
	return true
}

// plain reads a cell without quotes, up to sep or the end of the line.
func (r *csvReader) plain() (string, error) {
	n := 0
	for n < len(r.data) && r.data[n] != r.sep && r.data[n] != '\n' {
		n++
	}
	cell := r.data[:n]
	if bytes.IndexByte(cell, '"') >= 0 {
		return "", errors.New("a quote inside a cell that does not start with one")
	}
	r.data = r.data[n:]
	if len(r.data) > 0 && r.data[0] == '\n' {
		cell = bytes.TrimSuffix(cell, []byte{'\r'})
	}
	return string(cell), nil
}

// quoted reads a cell in quotes, up to the closing quote.
func (r *csvReader) quoted() (string, error) {
	var cell []byte
	r.data = r.data[1:]
	for {
		i := bytes.IndexByte(r.data, '"')
		if i < 0 {
			return "", errUnclosed
		}
		for j, c := range r.data[:i] {
			if c == '\r' && r.data[j+1] == '\n' {
				continue
			}
			if c == '\n' {
				r.line++
			}
			cell = append(cell, c)
		}
		r.data = r.data[i+1:]
		if len(r.data) > 0 && r.data[0] == '"' { // "" is a quote
			cell = append(cell, '"')
			r.data = r.data[1:]
			continue
		}
		if len(r.data) > 0 && r.data[0] != r.sep && r.data[0] != '\n' && !bytes.HasPrefix(r.data, []byte("\r\n")) {
			return "", errors.New("a quoted cell goes on after its closing quote")
		}
		return string(cell), nil
	}
}
