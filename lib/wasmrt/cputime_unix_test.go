//go:build unix

package wasmrt

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used (user + system): under a
// shared machine's load, a benchmark's wall time counts the time other
// processes held the cores, its CPU time does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
