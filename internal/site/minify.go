package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// The site's stylesheets and scripts are written to be read, with comments
// and indentation; a visitor needs neither. Lighthouse flagged 16 KiB of
// CSS and 18 KiB of JavaScript as unminified, and the stylesheet blocks the
// first paint. The build takes them out of what it writes, and only that:
// both passes are shallow on purpose, so nothing a browser reads changes.
//
//   - CSS: comments go (a space stays where one stood between two words,
//     or between a "/" and a "*"), and whitespace shrinks to one space, or
//     to none next to { } ; , and after a colon. Strings and unquoted
//     url()s are copied as they are.
//   - JavaScript, line by line: comment lines (but a copyright notice
//     that opens the file), block comments that start a line, a trailing
//     // comment when nothing before it on the line could hold a string, a
//     regular expression or an escape, indentation and blank lines go.
//     Line breaks stay, so automatic semicolons are as written. A script
//     with a template or string going on past a line's end, or a "/*"
//     anywhere but at a line's start, is left as written (minifyJS says
//     so; a test checks that every script the site ships is minified).

// minifyCSS returns the stylesheet src without comments or needless
// whitespace.
func minifyCSS(src []byte) []byte {
	out := make([]byte, 0, len(src))
	space := false   // whitespace since the last byte written
	comment := false // a comment since the last byte written
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			i += 2 + end + 2
			comment = true
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			space = true
			i++
			continue
		}
		if len(out) > 0 {
			last := out[len(out)-1]
			// A comment separates what it stood between: 1px/**/2px, or a
			// "/" and a "*" that would open a comment.
			joins := comment && (wordByte(last) && wordByte(c) || last == '/' && c == '*')
			if joins || space && !strings.ContainsRune("{};,:", rune(last)) && !strings.ContainsRune("{};,", rune(c)) {
				out = append(out, ' ')
			}
		}
		space, comment = false, false
		n := cssTokenLen(src[i:])
		out = append(out, src[i:i+n]...)
		i += n
	}
	return out
}

// wordByte reports whether c may be part of a CSS name or number.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c >= 0x80
}

// cssTokenLen is the length of the piece of CSS at the start of s that must
// be copied whole: a quoted string (to its closing quote, or the line's end
// where CSS ends a bad one), an unquoted url(…), or else one byte.
func cssTokenLen(s []byte) int {
	if q := s[0]; q == '"' || q == '\'' {
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case q, '\n':
				return i + 1
			}
		}
		return len(s)
	}
	if len(s) > 4 && strings.EqualFold(string(s[:4]), "url(") {
		rest := bytes.TrimLeft(s[4:], " \t\n")
		if len(rest) > 0 && rest[0] != '"' && rest[0] != '\'' {
			if end := bytes.IndexByte(s, ')'); end >= 0 {
				return end + 1
			}
			return len(s)
		}
	}
	return 1
}

// minifyJS returns the script src without comments, indentation and blank
// lines, and true; or src itself and false when a line holds what this
// line-by-line pass cannot be sure of (see above).
func minifyJS(src []byte) ([]byte, bool) {
	out := make([]byte, 0, len(src))
	inComment := false
	head := true // in the comment lines that open the file
	for line := range bytes.Lines(src) {
		s := bytes.TrimSpace(line)
		if head && bytes.HasPrefix(s, []byte("//")) {
			continue
		}
		if head {
			head = false
			// A copyright notice travels with its code (wasm_exec.js's).
			if notice := leadingComment(src); bytes.Contains(notice, []byte("Copyright")) {
				out = append(out, notice...)
			}
		}
		for {
			if inComment {
				end := bytes.Index(s, []byte("*/"))
				if end < 0 {
					s = nil
					break
				}
				inComment = false
				s = bytes.TrimSpace(s[end+2:])
			}
			if !bytes.HasPrefix(s, []byte("/*")) {
				break
			}
			inComment = true
			s = s[2:]
		}
		if bytes.Contains(s, []byte("/*")) || bytes.Count(s, []byte("`"))%2 == 1 || bytes.HasSuffix(s, []byte(`\`)) {
			return src, false
		}
		if bytes.HasPrefix(s, []byte("//")) {
			continue
		}
		if i := bytes.Index(s, []byte(" //")); i >= 0 && !bytes.ContainsAny(s[:i], "'\"`/\\") {
			s = bytes.TrimSpace(s[:i])
		}
		if len(s) > 0 {
			out = append(append(out, s...), '\n')
		}
	}
	return out, true
}

// leadingComment returns the // comment lines that open the script src,
// trimmed.
func leadingComment(src []byte) []byte {
	var notice []byte
	for line := range bytes.Lines(src) {
		s := bytes.TrimSpace(line)
		if !bytes.HasPrefix(s, []byte("//")) {
			break
		}
		notice = append(append(notice, s...), '\n')
	}
	return notice
}

// minifyFile rewrites the file p minified, by its extension (.css, .js;
// other files are left alone). A script minifyJS cannot be sure of is left
// as written.
func minifyFile(p string) error {
	ext := filepath.Ext(p)
	if ext != ".css" && ext != ".js" {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if ext == ".css" {
		data = minifyCSS(data)
	} else {
		data, _ = minifyJS(data)
	}
	return os.WriteFile(p, data, 0o644)
}
