package ir

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Every constant AppendConst writes evaluates to itself in the interpreter
// (the native value is the truth), on the edges of i32 and at random.
func TestAppendConst(t *testing.T) {
	vs := []int32{0, 1, 2, 3, 5, 7, 9, 10, 11, 19, 20, 45, 100, 101, 12345, -1, -7, -1000, math.MaxInt32, math.MinInt32, math.MinInt32 + 1}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 200; i++ {
		vs = append(vs, int32(rng.Uint32()))
	}
	for _, v := range vs {
		ops := append(AppendConst([]Op{OpStart}, v), OpEnd)
		got, err := Interpret(Program{Name: "c", Arity: 1, Ops: ops}, []int32{0}, DefaultFuel)
		if err != nil || got != v {
			t.Errorf("AppendConst(%d) gives %d, %v", v, got, err)
		}
	}
}
