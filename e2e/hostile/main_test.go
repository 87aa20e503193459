// Package hostile tests in a browser what a page does with hostile values,
// wrong units, a storage that is blocked, full, old or corrupt, and parts it
// inserts while a person types. Its helpers are in package e2e.
package hostile

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
