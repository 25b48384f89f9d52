//go:build !unix

package cputime

// Seconds is 0 where the process CPU time is not available.
func Seconds() float64 { return 0 }
