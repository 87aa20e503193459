// Package site builds and serves the AIVC static site. It is the native
// half of the project's go-app setup; cmd/build is a thin command over it,
// and the e2e tests build and serve the site with it.
//
// # Build
//
// [Build] does everything a deploy needs, in one process:
//
//  1. builds web/app.wasm from ./wasm with GOOS=js GOARCH=wasm, -trimpath,
//     -buildvcs=false, -ldflags="-s -w" and WasmGCFlags, using the go command of the very
//     toolchain that runs Build (go-app embeds that toolchain's wasm_exec.js
//     in the generated site; a wasm from another toolchain fails to link),
//     then joins its data segments across short runs of zeros
//     ([CompactData]: −176 KB gzip -9, +1 MB raw);
//  2. copies web/ into OUT/web/, its CSS and scripts minified (minify.go),
//     and web/robots.txt and web/embed.js, the script of the blog snippet,
//     as written, to OUT/;
//  3. writes catalog.schema.json and catalog.json (schema.go);
//  4. generates every page of the route table (app.Pages, plus 404.html)
//     with go-app's GenerateStaticWebsite, each prerendered, and minifies
//     go-app's app.css, app.js, app-worker.js and wasm_exec.js.
//
// The go-app handler gets:
//
//   - Version: a content hash of everything the site serves. Build generates
//     the site once with a fixed placeholder version, hashes every output
//     file (app.wasm, web/, the pages, manifest, app.js...), then generates it
//     again with that hash. So an unchanged site keeps its version and
//     returning visitors see no false "new version" banner, while any change
//     that reaches a visitor, even one that only touches the manifest or a
//     page's HTML, makes a new version. A commit id (Netlify's COMMIT_REF)
//     would change on every commit, README edits included, so it is not used.
//   - WasmContentLength: app.wasm's size, for the loader's progress (hosts
//     that compress do not send the raw length).
//   - CacheableResources: every page, every file under web/, and
//     catalog.json and catalog.schema.json (linked from /profiles), so
//     every page and those links work offline after the first visit.
//
// # Serve
//
// [NewHandler] serves a built folder the way Netlify does: pretty URLs
// (/compare and /compare.html both serve compare.html, / serves index.html,
// an unknown path gets 404.html with status 404) and exactly the headers of
// [Headers], the table that netlify.toml is generated from. A test parses
// netlify.toml and fails when it differs from the table; rewrite it with
//
//	go test ./internal/site -run TestNetlifyTOML -update
//
// Two things Netlify does are left out: compression, and its default
// Cache-Control for paths the table does not cover (only /robots.txt and
// unknown paths).
//
// # Headers
//
// Netlify applies every [[headers]] block whose path matches, and merges or
// concatenates values of the same header. A page that received two
// Content-Security-Policy headers would have to satisfy both, so /embed
// could never be framed. So no two rules that can match the same path set
// the same header: the site-wide rule (/*) sets only headers no other rule
// sets, and the CSP and Cache-Control of documents are set per page path
// (/compare and /compare.html), which is why adding a page changes the
// table and netlify.toml. A test checks that no path gets a header from two
// rules.
//
// The Content-Security-Policy allows nothing from another origin, no inline
// script or style, and 'wasm-unsafe-eval' (WebAssembly compilation) as the
// only exception; frame-ancestors is 'none' everywhere except EmbedPath.
package site
