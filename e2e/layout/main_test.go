// Package layout tests in a browser how the pages lay out from a small
// phone's width to a desktop's: nothing cut, hidden or out of sight. Its
// helpers are in package e2e.
package layout

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
