package synth

import (
	"context"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// The text's formula is a loop over the odd numbers that runs out of fuel
// near n = 40,000; the answer must be a program that agrees with the
// sum of the first n odd numbers (n^2, the test's reference) and
// finishes far past that.
func TestFormulaOutOfFuelGetsCheaperProgram(t *testing.T) {
	task := Task{Name: "sum_odds", Text: "sum of the first n odd numbers", Examples: []Example{
		{[]int32{1}, 1}, {[]int32{2}, 4}, {[]int32{3}, 9}, {[]int32{4}, 16}, {[]int32{10}, 100}}}
	res, err := Synthesize(context.Background(), task, Options{Budget: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != StatusSolved {
		t.Fatalf("status %s, want solved (method %s)", res.Status, res.Method)
	}
	p := res.IR()
	for _, n := range []int32{1, 7, 100, 12345, 40000, 46340} {
		got, err := ir.Interpret(p, []int32{n}, RunFuel)
		if err != nil || got != n*n {
			t.Errorf("a(%d) = %d, %v; want %d", n, got, err, n*n)
		}
	}
}

// fuelHungry tells a loop up to n from a closed form.
func TestFuelHungry(t *testing.T) {
	loop := ir.MustParse("loop", "START SLOT_0 LOCAL_SET_0 CONST_0 LOCAL_SET_1 LOOP_BEGIN LOCAL_GET_0 IF_BEGIN LOCAL_GET_1 LOCAL_GET_0 I32_ADD LOCAL_SET_1 LOCAL_GET_0 CONST_1 I32_SUB LOCAL_SET_0 BR IF_END LOOP_END LOCAL_GET_1 END")
	closed := ir.MustParse("square", "START SLOT_0 SLOT_0 I32_MUL END")
	if !fuelHungry(loop) {
		t.Error("a loop of n passes is not fuel-hungry")
	}
	if fuelHungry(closed) {
		t.Error("n*n is fuel-hungry")
	}
}
