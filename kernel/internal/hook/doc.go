// Package hook connects the display package, which cells import, to the
// kernel that runs them. kernel.ServeSession, the session child that runs
// the cells, sets the functions while it serves and resets them to nil when
// it returns; outside a kernel they stay nil.
package hook
