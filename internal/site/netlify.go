package site

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Netlify build settings, written into netlify.toml.
const (
	NetlifyCommand = "go run ./cmd/build -out dist"
	NetlifyPublish = "dist"
)

// NetlifyTOML returns the text of netlify.toml: the build settings, with
// goVersion as GO_VERSION (Netlify installs that Go, and cmd/build builds
// app.wasm with it), and the header table of Headers.
func NetlifyTOML(goVersion string) string {
	var b strings.Builder
	b.WriteString(`# Netlify settings of the AIVC site.
#
# GENERATED from internal/site (headers.go, netlify.go): edit the Go table, then run
#   go test ./internal/site -run TestNetlifyTOML -update
# A test fails when this file and the table differ; ` + "`go run ./cmd/build -serve`" + ` sends
# the same headers locally.

[build]
  command = ` + strconv.Quote(NetlifyCommand) + `
  publish = ` + strconv.Quote(NetlifyPublish) + `

[build.environment]
  # The same toolchain builds app.wasm and the generator (go-app embeds its wasm_exec.js).
  GO_VERSION = ` + strconv.Quote(goVersion) + `

# Headers. Netlify applies every block whose path matches, and a header set by two
# matching blocks would be merged or sent twice (two Content-Security-Policy headers
# must both be satisfied, so /embed could never be framed). So no two blocks that can
# match one path set the same header: "/*" sets only headers no other block sets, and
# the CSP and Cache-Control of pages are set per page path, with and without .html.
# Pages refuse to be framed (frame-ancestors 'none'); /embed may be framed by any site.
# go-app's file names carry no content hash, so nothing is cached as immutable.
`)
	for _, r := range Headers() {
		fmt.Fprintf(&b, "\n[[headers]]\n  for = %s\n  [headers.values]\n", strconv.Quote(r.For))
		keys := make([]string, 0, len(r.Values))
		for k := range r.Values {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "    %s = %s\n", k, strconv.Quote(r.Values[k]))
		}
	}
	return b.String()
}
