//go:build unix

package cputime

import "syscall"

// Seconds is the CPU time (user and system, every thread) this process has
// used so far; 0 where it cannot be read.
func Seconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
