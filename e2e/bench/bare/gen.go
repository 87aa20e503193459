//go:build !wasm

package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// generate writes the static site: -out DIR (required) and -version V.
// app.wasm is not written here; the benchmark builds it into DIR/web/.
func generate() {
	log.SetFlags(0)
	log.SetPrefix("bare: ")
	fs := flag.NewFlagSet("bare", flag.ContinueOnError)
	out := fs.String("out", "", "write the static site into `dir`")
	version := fs.String("version", "bench-bare", "go-app Handler.Version (fixed, so every run is the same site)")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if *out == "" {
		log.Print("-out is required")
		os.Exit(2)
	}
	if err := writeSite(*out, *version); err != nil {
		log.Fatal(err)
	}
}

// writeSite generates the site into dir with go-app's defaults, except the
// version, the name and the icons (go-app's default icons live on another
// origin).
func writeSite(dir, version string) error {
	web := filepath.Join(dir, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		return err
	}
	for name, size := range map[string]int{"icon-192.png": 192, "icon-512.png": 512} {
		b, err := iconPNG(size)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(web, name), b, 0o644); err != nil {
			return err
		}
	}
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#2d2c2c"/></svg>` + "\n"
	if err := os.WriteFile(filepath.Join(web, "icon.svg"), []byte(svg), 0o644); err != nil {
		return err
	}
	h := &app.Handler{
		Name:    "Bare go-app page",
		Title:   "Bare go-app page",
		Version: version,
		Icon: app.Icon{
			Default: "/web/icon-192.png",
			Large:   "/web/icon-512.png",
			SVG:     "/web/icon.svg",
		},
	}
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		return fmt.Errorf("generating the bare page: %w", err)
	}
	return nil
}

// iconPNG is a plain square in go-app's default background colour.
func iconPNG(size int) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	c := color.RGBA{0x2d, 0x2c, 0x2c, 0xff}
	for y := range size {
		for x := range size {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
