// Package print tests in a browser every page printed, or saved as PDF, on
// A4 and Letter paper, including as soon as the live page has started. Its
// helpers are in package e2e.
package print

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
