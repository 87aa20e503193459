// Package embed tests in a browser the calculator embedded in a blog article:
// the frame, its height, its links, its look. Its helpers are in package e2e.
package embed

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
