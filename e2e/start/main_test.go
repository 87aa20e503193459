// Package start tests in a browser the prerendered pages before the app runs
// (typing, links, no WebAssembly) and what the app builds after it starts.
// Its helpers are in package e2e.
package start

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
