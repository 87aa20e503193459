package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// engineBench is the outcome of the pricing engine's benchmark.
type engineBench struct {
	Results []benchResult `json:"results,omitempty"`
	Note    string        `json:"note,omitempty"` // why there are no results
}

var benchRankFunc = regexp.MustCompile(`(?m)^func BenchmarkRank\w*\(`)

// runEngineBench runs `go test -run '^$' -bench BenchmarkRank -benchmem
// ./pricing/` in root. It is skipped, with a note, when pricing has no
// BenchmarkRank yet.
func runEngineBench(ctx context.Context, root string) engineBench {
	files, _ := filepath.Glob(filepath.Join(root, "pricing", "*_test.go"))
	found := false
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil && benchRankFunc.Match(data) {
			found = true
			break
		}
	}
	if !found {
		return engineBench{Note: "skipped: pricing/ has no BenchmarkRank yet"}
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goCommand(), "test", "-run", "^$", "-bench", "BenchmarkRank", "-benchmem", "./pricing/")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	res := parseBench(out.String())
	if len(res) == 0 {
		msg := strings.TrimSpace(out.String())
		if len(msg) > 800 {
			msg = msg[len(msg)-800:]
		}
		return engineBench{Note: fmt.Sprintf("no result (%v): %s", err, msg)}
	}
	return engineBench{Results: res}
}
