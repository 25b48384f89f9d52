// Package hook connects the display package, which cells import, to the
// kernel that runs them. The kernel sets the functions once, before the
// first cell; outside a kernel they stay nil.
package hook
