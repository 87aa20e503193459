// Package pages tests in a browser the calculator, /compare and /plan. Its
// helpers are in package e2e.
package pages

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
