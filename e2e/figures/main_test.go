// Package figures tests in a browser that every figure is shown whole and
// in sight: on a phone and a desktop, in euros, in a chart's labels, in a
// ranking wider than its box, in the summaries kept in sight on a phone,
// in an exchange rate's parts. Its helpers are in package e2e.
package figures

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
