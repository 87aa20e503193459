// Package site tests the built site as served: headers, sizes, the service
// worker, offline use, layout while the page loads, and its own origin only.
// Its helpers are in package e2e.
package site

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
