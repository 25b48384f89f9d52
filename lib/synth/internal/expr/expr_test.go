package expr

import (
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestPoolAgreesWithInterpreter: every enumerated expression, emitted as
// IR and run by lib/ir's interpreter, gives the values (and traps) the
// pool recorded for it, and the compiled form agrees too.
func TestPoolAgreesWithInterpreter(t *testing.T) {
	envs := []Env{{3, 7}, {7, 3}, {-5, 5}, {120, -30}, {0, 0}, {-2147483648, -1}}
	g := Grammar{Vars: []int32{0, 1}, Consts: Consts, IteCost: 3, MaxCost: 7}
	for op := ir.OpI32Add; op <= ir.OpI32GeS; op++ {
		g.Ops = append(g.Ops, op)
	}
	a := &Arena{}
	p := NewPool(a, g, envs)
	if p.Len() < 1000 {
		t.Fatalf("only %d expressions", p.Len())
	}
	for k := int32(0); int(k) < p.Len(); k++ {
		ops := append(a.Emit([]ir.Op{ir.OpStart}, p.ID(k)), ir.OpEnd)
		prog := ir.Program{Name: "e", Arity: 2, Ops: ops}
		exec, err := ir.Prepare(prog)
		if err != nil {
			t.Fatalf("%s: %v", prog, err)
		}
		vals, traps := p.Values(k), p.Traps(k)
		code := p.Code(k)
		for i, env := range envs {
			got, err := exec.Run([]int32{env[0], env[1]}, 10)
			if trapped := traps&(1<<i) != 0; trapped != (err != nil) {
				t.Fatalf("%s on %v: interpreter error %v, pool trap %v", prog, env[:2], err, trapped)
			}
			if err == nil && got != vals[i] {
				t.Fatalf("%s on %v: interpreter %d, pool %d", prog, env[:2], got, vals[i])
			}
			if v, ok := code.Run(&env); ok != (err == nil) || (ok && v != got) {
				t.Fatalf("%s on %v: compiled %d,%v, interpreter %d,%v", prog, env[:2], v, ok, got, err)
			}
		}
	}
}

// TestPoolKeepsCheapest: observational equivalence keeps one expression
// per behaviour, the cheapest.
func TestPoolKeepsCheapest(t *testing.T) {
	envs := []Env{{1}, {5}, {-3}}
	g := Grammar{Vars: []int32{0}, Consts: Consts, Ops: []ir.Op{ir.OpI32Add, ir.OpI32Mul}, MaxCost: 5}
	p := NewPool(&Arena{}, g, envs)
	// x+x and x*2 behave alike: only one of them, of cost 3
	k, ok := p.Lookup([]int32{2, 10, -6})
	if !ok || p.Cost(k) != 3 {
		t.Fatalf("2x: found %v at cost %d", ok, p.Cost(k))
	}
	seen := map[[3]int32]bool{}
	for k := int32(0); int(k) < p.Len(); k++ {
		v := p.Values(k)
		key := [3]int32{v[0], v[1], v[2]}
		if seen[key] {
			t.Fatalf("two expressions with values %v", key)
		}
		seen[key] = true
	}
}
