// Command irsynth-kernel is the irsynth Jupyter kernel for Go: gomacro's
// interpreter with the irsynth library compiled in.
//
//	irsynth-kernel install [--user | --prefix DIR]   write the kernelspec "irsynth-go"
//	irsynth-kernel run --connection-file FILE        serve a kernel (Jupyter runs this)
//	irsynth-kernel session                           the supervised child that runs the cells
//	irsynth-kernel check                             tell whether this build can run cells
//	irsynth-kernel version
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
