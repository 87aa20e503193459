//go:build race

package cliplog

func init() { slowdown = 20 }
