// Package bindgen writes the gomacro bindings that make irsynth's packages
// importable from notebook cells.
//
// gomacro imports a compiled package through imports.Packages: for each
// import path, reflect values of the package's functions, variables and
// constants (Binds), its types (Types), exact values of its untyped
// constants (Untypeds), proxy structs that let interpreted types implement
// its interfaces (Proxies) and the promoted methods of its struct types
// (Wrappers). Generate loads the packages with golang.org/x/tools/go/packages
// and go/types and writes one Go file that registers all of that, plus the
// doc comments the kernel shows for inspect requests.
//
// Only packages that exist and type-check are bound; the generated file
// names the ones it skipped. Generic functions and types cannot be bound
// (reflection has no value for an uninstantiated generic), nor can
// constraint interfaces; the file lists each one it skips.
//
// Run it with `go generate ./kernel/internal/bindings`; the bindings test
// fails when the committed file differs from what Generate writes now.
package bindgen
