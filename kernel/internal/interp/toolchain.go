package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
)

// Check reports whether gomacro can work in this process. gomacro converts
// go/types objects that its importer reads and does not know *types.Alias;
// it works only while go/types runs with gotypesalias=0, a setting Go 1.27
// removes. Check type-checks a one-line package with an alias and fails when
// go/types materialises the alias.
func Check() error {
	const src = "package p\ntype A = int\nvar X A\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUnsupportedToolchain, err)
	}
	pkg, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUnsupportedToolchain, err)
	}
	if _, alias := pkg.Scope().Lookup("X").Type().(*types.Alias); alias {
		return fmt.Errorf("%w: %s runs go/types with alias types (gotypesalias=0 is not in effect; Go 1.27 removed it), which gomacro cannot handle: build the kernel with Go 1.26",
			ErrUnsupportedToolchain, runtime.Version())
	}
	return nil
}
