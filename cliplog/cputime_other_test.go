//go:build !unix

package cliplog

import "time"

// cpuTime is the wall clock where the process's CPU time is not read
// here (see cputime_unix_test.go).
func cpuTime() time.Duration { return time.Duration(time.Now().UnixNano()) }

// cpuClock names what cpuTime measures, for the test's log.
const cpuClock = "wall clock"
