package main

import (
	"bytes"
	"os"
	"strconv"
	"strings"
)

// cpuTimes is the CPU time of the whole machine, from /proc/stat, and of
// this program, from /proc/self/stat; all in clock ticks. ok is false where
// /proc is not there.
//
// The load average cannot tell other work from the benchmark's own: on 2
// CPUs one Chromium load keeps it at 2–3 by itself (2.4–2.9 through a run
// on an otherwise idle machine). What the machine did beyond this program
// and its browser can be told, from two readings and the browser's
// processes (processTicks).
type cpuTimes struct {
	total, busy uint64 // every CPU: all ticks, and those not idle or waiting for I/O
	own         uint64 // utime + stime + cutime + cstime of this process
	ok          bool
}

func readCPUTimes() cpuTimes {
	stat, err := os.ReadFile("/proc/stat")
	if err != nil {
		return cpuTimes{}
	}
	self, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return cpuTimes{}
	}
	return parseCPUTimes(stat, self)
}

// parseCPUTimes reads the first "cpu " line of /proc/stat (user nice system
// idle iowait irq softirq steal guest guest_nice) and fields 14–17 of
// /proc/self/stat (utime stime cutime cstime, counted after the command
// name, which is in parentheses and may hold spaces).
func parseCPUTimes(stat, self []byte) cpuTimes {
	var t cpuTimes
	line, _, _ := bytes.Cut(stat, []byte("\n"))
	fields := strings.Fields(string(line))
	if len(fields) < 6 || fields[0] != "cpu" {
		return cpuTimes{}
	}
	for i, f := range fields[1:] {
		n, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			return cpuTimes{}
		}
		if i >= 8 { // guest time is already in user and nice
			break
		}
		t.total += n
		if i != 3 && i != 4 { // idle, iowait
			t.busy += n
		}
	}
	t.own, t.ok = statTicks(self)
	if !t.ok {
		return cpuTimes{}
	}
	return t
}

// statTicks returns utime + stime + cutime + cstime of a /proc/PID/stat:
// fields 14–17, counted after the command name, which is in parentheses and
// may hold spaces.
func statTicks(stat []byte) (uint64, bool) {
	i := bytes.LastIndex(stat, []byte(") "))
	if i < 0 {
		return 0, false
	}
	after := strings.Fields(string(stat[i+2:])) // field 3 (state) onwards
	if len(after) < 15 {
		return 0, false
	}
	var sum uint64
	for _, f := range after[11:15] {
		n, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			return 0, false
		}
		sum += n
	}
	return sum, true
}

// processTicks returns the CPU time, in clock ticks, of every running
// process whose command line holds marker: a browser's processes all carry
// its --user-data-dir. They are counted while they run: Chromium's zygote
// forks its renderers so that their time would not reach this program when
// they exit (measured: without them, 53–70 % of the machine's busy time
// during a load on an idle machine went unaccounted for).
func processTicks(marker string) uint64 {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	var sum uint64
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		cmdline, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err != nil || !bytes.Contains(cmdline, []byte(marker)) {
			continue
		}
		if stat, err := os.ReadFile("/proc/" + e.Name() + "/stat"); err == nil {
			if n, ok := statTicks(stat); ok {
				sum += n
			}
		}
	}
	return sum
}

// otherCPUs returns how many CPUs' worth of work the machine did between
// two readings besides this program and browser, the ticks of a browser
// started after the first reading and still running at the second: 0.5 is
// half of one CPU, on average over the time between them. ok is false when
// either reading failed or no time passed.
func otherCPUs(before, after cpuTimes, browser uint64, cpus int) (float64, bool) {
	if !before.ok || !after.ok || after.total <= before.total || cpus <= 0 {
		return 0, false
	}
	busy := float64(after.busy - before.busy)
	own := float64(after.own-before.own) + float64(browser)
	other := max(busy-own, 0)
	return other / float64(after.total-before.total) * float64(cpus), true
}
