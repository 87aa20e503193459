// Package access tests in a browser what keyboard and screen-reader users
// meet on every page: where Tab goes, what is heard, contrast, touch targets.
// Its helpers are in package e2e.
package access

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
