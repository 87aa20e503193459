package site

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// The product's icon: a coin (credits) holding a play button (video), on the
// theme colour. web/icon.svg draws the same shapes; the PNGs in web/ are made
// by Icons, and a test keeps them in step (go test ./internal/site -run
// TestIcons -update rewrites them).
//
// Geometry in a 512×512 box.
var (
	iconBackground = color.NRGBA{0x43, 0x38, 0xca, 0xff} // #4338ca, app.themeColor
	iconCoin       = color.NRGBA{0xfb, 0xbf, 0x24, 0xff} // #fbbf24
	iconPlay       = color.NRGBA{0x31, 0x2e, 0x81, 0xff} // #312e81
)

const (
	iconCornerRadius = 112.0
	iconCoinRadius   = 176.0
	// The maskable icon is cropped by the platform to as little as the
	// circle of radius 0.4×512 = 204.8 around the centre; its coin is smaller
	// and its background fills the square.
	iconMaskableCoinRadius = 150.0
)

// iconPlayTriangle is the play button, for a coin of iconCoinRadius.
var iconPlayTriangle = [3][2]float64{{208, 168}, {208, 344}, {360, 256}}

// IconFile is one PNG icon of the site.
type IconFile struct {
	Name     string // file name in web/
	Size     int    // width and height in pixels
	Maskable bool
}

// IconFiles lists the PNG icons that app.Handler names.
var IconFiles = []IconFile{
	{Name: "icon-192.png", Size: 192},
	{Name: "icon-512.png", Size: 512},
	{Name: "icon-maskable-512.png", Size: 512, Maskable: true},
}

// EncodeIcon draws the icon and encodes it as PNG.
func EncodeIcon(f IconFile) ([]byte, error) {
	var b bytes.Buffer
	if err := png.Encode(&b, drawIcon(f.Size, f.Maskable)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// drawIcon renders the icon at size×size pixels, with 4×4 samples a pixel.
func drawIcon(size int, maskable bool) *image.NRGBA {
	const samples = 4
	scale := 512 / float64(size)
	coinR := iconCoinRadius
	if maskable {
		coinR = iconMaskableCoinRadius
	}
	k := coinR / iconCoinRadius
	var tri [3][2]float64
	for i, v := range iconPlayTriangle {
		tri[i] = [2]float64{256 + k*(v[0]-256), 256 + k*(v[1]-256)}
	}

	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := range size {
		for px := range size {
			var r, g, b, a float64
			for sy := range samples {
				for sx := range samples {
					x := (float64(px) + (float64(sx)+0.5)/samples) * scale
					y := (float64(py) + (float64(sy)+0.5)/samples) * scale
					c, ok := iconColorAt(x, y, maskable, coinR, tri)
					if !ok {
						continue
					}
					r += float64(c.R)
					g += float64(c.G)
					b += float64(c.B)
					a++
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{
				R: uint8(math.Round(r / a)),
				G: uint8(math.Round(g / a)),
				B: uint8(math.Round(b / a)),
				A: uint8(math.Round(255 * a / (samples * samples))),
			})
		}
	}
	return img
}

// iconColorAt returns the colour at (x, y) in the 512 box, and false outside
// the icon (the rounded corners of the standard icon).
func iconColorAt(x, y float64, maskable bool, coinR float64, tri [3][2]float64) (color.NRGBA, bool) {
	if !maskable && !inRoundedSquare(x, y, 512, iconCornerRadius) {
		return color.NRGBA{}, false
	}
	if inTriangle(x, y, tri) {
		return iconPlay, true
	}
	if dx, dy := x-256, y-256; dx*dx+dy*dy <= coinR*coinR {
		return iconCoin, true
	}
	return iconBackground, true
}

func inRoundedSquare(x, y, side, r float64) bool {
	if x < 0 || y < 0 || x > side || y > side {
		return false
	}
	cx := math.Min(math.Max(x, r), side-r)
	cy := math.Min(math.Max(y, r), side-r)
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= r*r
}

func inTriangle(x, y float64, t [3][2]float64) bool {
	side := func(a, b [2]float64) float64 {
		return (b[0]-a[0])*(y-a[1]) - (b[1]-a[1])*(x-a[0])
	}
	d1, d2, d3 := side(t[0], t[1]), side(t[1], t[2]), side(t[2], t[0])
	neg := d1 < 0 || d2 < 0 || d3 < 0
	pos := d1 > 0 || d2 > 0 || d3 > 0
	return !(neg && pos)
}
