package site

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// go-app writes an element's attributes in Go map order, so two generations
// of one page differ byte for byte. Build rewrites every generated page with
// the attributes of each start tag sorted, so the same site always gives the
// same files (and the same version).
//
// go-app also writes an attribute whose value is "true" bare, as HTML's
// boolean attributes are written: aria-hidden="true" comes out as
// aria-hidden. For a boolean attribute (checked, readonly) that is right, but
// ARIA reads a bare aria-hidden as "", which means undefined: the element
// stays exposed to screen readers until the wasm takes over and sets "true".
// So Build gives every bare aria-* attribute its "true" back.
//
// go-app quotes attribute values with strconv.Quote, so a value may hold \"
// escapes; the patterns allow them.
//
// go-app writes og:url and og:image as "https://" + Handler.Domain + path.
// Built without a domain (-domain, or $URL on Netlify) they are
// "https:///compare" and "https://": addresses of nothing, which a link
// preview would follow. Build leaves them out then.
var (
	startTag = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:="(?:[^"\\]|\\.)*")?)+)\s*>`)
	attr     = regexp.MustCompile(`[^\s"'<>/=]+(?:="(?:[^"\\]|\\.)*")?`)
	hostless = regexp.MustCompile(`\n[ \t]*<meta content="https://(?:/[^"]*)?" property="og:(?:url|image)">`)
)

// canonicalHTML returns page with the attributes of every start tag sorted,
// each bare aria-* attribute set to "true", and og:url and og:image left out
// when they have no host.
func canonicalHTML(page []byte) []byte {
	return hostless.ReplaceAll(startTag.ReplaceAllFunc(page, func(tag []byte) []byte {
		m := startTag.FindSubmatch(tag)
		attrs := attr.FindAll(m[2], -1)
		slices.SortFunc(attrs, bytes.Compare)
		var b bytes.Buffer
		b.WriteByte('<')
		b.Write(m[1])
		for _, a := range attrs {
			b.WriteByte(' ')
			b.Write(a)
			if bytes.HasPrefix(a, []byte("aria-")) && !bytes.Contains(a, []byte("=")) {
				b.WriteString(`="true"`)
			}
		}
		b.WriteByte('>')
		return b.Bytes()
	}), nil)
}

// canonicalizePages rewrites every .html file directly in dir with
// canonicalHTML.
func canonicalizePages(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, canonicalHTML(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}
