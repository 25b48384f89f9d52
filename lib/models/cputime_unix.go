//go:build unix

package models

import "syscall"

// cpuSeconds is the CPU time (user + system, every thread) this process has
// used so far; 0 where it cannot be read.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
