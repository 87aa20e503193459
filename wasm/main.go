// Command wasm is the client of the AIVC site: built with GOOS=js
// GOARCH=wasm into web/app.wasm by cmd/build, it registers the route table
// and runs the go-app app in the browser.
//
// Keep it tiny: everything it imports ends up in app.wasm, whose size has a
// budget (see e2e's size test). No net/http servers, no goccy/go-json.
package main

import (
	aivc "github.com/aivc/aivc/app"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	aivc.Routes()
	aivc.GuardBrowser() // before go-app reads the address and storage: see app/guard.go
	app.RunWhenOnBrowser()
}
