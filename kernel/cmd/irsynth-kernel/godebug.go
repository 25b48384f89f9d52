//go:build !go1.27

//go:debug gotypesalias=0

package main

// gomacro converts go/types objects and does not know *types.Alias, so the
// kernel runs go/types with gotypesalias=0. Go 1.27 removes the setting:
// built with it, this file drops out and the kernel refuses to start with
// one line (see interp.Check) instead of panicking in the first cell.
