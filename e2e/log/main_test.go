// Package log tests in a browser the clip log: logging, editing, exports,
// imports and backups. Its helpers are in package e2e.
package log

import (
	"os"
	"testing"

	"github.com/aivc/aivc/e2e"
)

func TestMain(m *testing.M) { os.Exit(e2e.Main(m)) }
