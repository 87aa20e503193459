// Package profiles tests in a browser /profiles: the bundled profiles, a
// person's own, the editor, imports and exports. Its helpers are in package
// e2e.
package profiles

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
