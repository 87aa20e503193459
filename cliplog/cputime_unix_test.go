//go:build unix

package cliplog

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (user and system, every
// thread: the garbage collector's too). A loaded machine makes a step
// wait longer for a core, which the wall clock counts and this does not.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u) //nolint:errcheck // fails only on a bad argument
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// cpuClock names what cpuTime measures, for the test's log.
const cpuClock = "CPU time"
