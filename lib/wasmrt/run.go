package wasmrt

import (
	"context"

	"github.com/irsynth/irsynth/lib/ir"
)

// Run compiles p and calls it once on args with the default Config. It is
// meant for one-off use (a notebook cell, a test); to call a program more
// than once, keep the Module from Runtime.Compile.
func Run(ctx context.Context, p ir.Program, args ...int32) (int32, error) {
	return RunWith(ctx, Config{}, p, args...)
}

// RunWith is Run with a Config (fuel, wall-clock limit): `irsynth run` and
// `irsynth ask` call it.
func RunWith(ctx context.Context, cfg Config, p ir.Program, args ...int32) (int32, error) {
	r, err := New(ctx, cfg)
	if err != nil {
		return 0, err
	}
	defer r.Close(ctx)
	m, err := r.Compile(ctx, p)
	if err != nil {
		return 0, err
	}
	return m.Call(ctx, args...)
}
