// Command bare is the bare go-app page that the benchmark in e2e/bench
// compares the product against: one component, app.RunWhenOnBrowser, nothing
// else.
//
// The component has a text input and an output whose data-value attribute
// echoes what was typed, so that the benchmark can measure "time until the
// wasm app handles input" on this page exactly as it does on the product's
// calculator.
//
// The same main is built twice, as go-app apps are:
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o DIR/web/app.wasm ./e2e/bench/bare
//	go run ./e2e/bench/bare -out DIR
//
// In the browser, app.RunWhenOnBrowser runs the component and never returns.
// Natively it returns at once, and the generator in gen.go (built only when
// GOARCH is not wasm, so none of it reaches app.wasm) writes the static site
// into DIR with app.GenerateStaticWebsite, with a fixed Version and icons of
// its own so that the page makes no request to another origin. The benchmark
// runs both steps itself; you do not need to.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// probe is the page's only component.
type probe struct {
	app.Compo
	value string
}

// Render shows the input and echoes its value.
func (p *probe) Render() app.UI {
	return app.Main().Body(
		app.H1().Text("Bare go-app page"),
		app.Input().ID("probe").Type("text").Value(p.value).OnInput(p.onInput),
		app.Output().ID("result").DataSet("value", p.value).Text(p.value),
	)
}

// onInput keeps what was typed.
func (p *probe) onInput(ctx app.Context, e app.Event) {
	p.value = ctx.JSSrc().Get("value").String()
}

func main() {
	app.Route("/", func() app.Composer { return &probe{} })
	app.RunWhenOnBrowser()
	generate()
}
