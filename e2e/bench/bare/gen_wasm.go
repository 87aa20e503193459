//go:build wasm

package main

// generate does nothing in the browser: app.RunWhenOnBrowser never returns
// there, and the generator stays out of app.wasm.
func generate() {}
