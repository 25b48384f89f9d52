package synth

import (
	"context"
	"math/bits"
	"slices"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestHonestAnswers: tasks posed as a person would, five examples each,
// whose cheapest fitting programs used to be wrong beyond the examples.
// Whatever the search answers, a solved answer must be right on every
// input of the task's domain that the native reference is given (the
// examples never show negatives here, the domain does where the text
// says "n" or "a, b, c"); and where the right program is the cheapest
// that fits, the answer is solved.
func TestHonestAnswers(t *testing.T) {
	grid := func(lo, hi, step int32, arity int) [][]int32 {
		var vs []int32
		for v := lo; v <= hi; v += step {
			vs = append(vs, v)
		}
		var out [][]int32
		var rec func(cur []int32)
		rec = func(cur []int32) {
			if len(cur) == arity {
				out = append(out, slices.Clone(cur))
				return
			}
			for _, v := range vs {
				rec(append(cur, v))
			}
		}
		rec(nil)
		return out
	}
	cases := []struct {
		name, examples string
		ref            func(in []int32) int32
		domain         [][]int32
		want           Status // "" when solved and ambiguous are both fine
	}{
		// 1 - n mod 2 fits and gives 2 at n = -1: a value no example
		// shows for a 0/1 task
		{"is_even", "0→1, 1→0, 4→1, 7→0, 10→1",
			func(in []int32) int32 { return b2i32(in[0]%2 == 0) }, grid(-50, 50, 1, 1), ""},
		// a*b + c: the product wraps far from the examples, a loop that
		// adds b a times runs out of fuel there; neither is a reason to
		// prefer the loop, which is wrong for a < 0
		{"mul_add", "(2, 3, 4)→10, (1, 1, 1)→2, (5, 0, 7)→7, (3, 3, 0)→9, (10, 2, 1)→21",
			func(in []int32) int32 { return in[0]*in[1] + in[2] }, grid(-20, 20, 3, 3), StatusSolved},
		// n³ wraps only where n³ is beyond i32 anyway
		{"cube", "2→8, 3→27, -2→-8, 0→0, 5→125",
			func(in []int32) int32 { return in[0] * in[0] * in[0] }, grid(-1000, 1000, 7, 1), StatusSolved},
		// "how many times does 2 divide n": 8.6 bits of examples, fitted at
		// cost 7 by a sum of binary digits that is wrong almost everywhere
		// else, with no rival of near cost to show it (fewBits)
		{"times_two_divides", "1→0, 2→1, 12→2, 7→0, 64→6",
			func(in []int32) int32 { return int32(bits.TrailingZeros32(uint32(in[0]))) }, grid(1, 2000, 1, 1), ""},
		{"sign", "5→1, -5→-1, 0→0, 100→1, -2→-1",
			func(in []int32) int32 { return b2i32(in[0] > 0) - b2i32(in[0] < 0) }, grid(-300, 300, 1, 1), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			task := Task{Name: tc.name, Examples: mustExamples(t, tc.examples)}
			r, err := Synthesize(context.Background(), task, Options{Budget: 5 * time.Minute, MaxCandidates: 3_000_000, SkipConfirm: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s %s (ambiguity %+v)", r.Status, r.Term, r.Ambiguity)
			if r.Status == StatusNotFound {
				t.Fatalf("not found (%s)", r.Stopped)
			}
			if tc.want != "" && r.Status != tc.want {
				t.Fatalf("status %s (%s, ambiguity %+v), want %s", r.Status, r.Term, r.Ambiguity, tc.want)
			}
			if r.Status != StatusSolved {
				return
			}
			for _, in := range tc.domain {
				got, err := ir.Interpret(r.IR(), in, RunFuel)
				if err != nil || got != tc.ref(in) {
					t.Fatalf("solved with %s, which gives %d (%v) at %v; the reference %d", r.Term, got, err, in, tc.ref(in))
				}
			}
		})
	}
}

func b2i32(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// TestUnseenInputsStructured: the inputs on which fitting programs are
// compared hold every ordering of each example's operands and stay in
// the examples' domain (no negatives when no example has one) except for
// the far ones, which come last; the outside inputs are negatives exactly
// where the examples have none.
func TestUnseenInputsStructured(t *testing.T) {
	task := Task{Name: "t", Examples: mustExamples(t, "(1, 9, 5)→9, (9, 1, 5)→9, (4, 0, 7)→7, (3, 3, 2)→3, (60, 3, 30)→60")}
	extra, check, far, seq := unseenInputs(task)
	if seq || len(extra) != 4 || far <= 0 || far > len(check) {
		t.Fatalf("extra %d, check %d, far %d, sequence %v", len(extra), len(check), far, seq)
	}
	has := func(in []int32) bool {
		for _, c := range append(slices.Clone(extra), check...) {
			if slices.Equal(c, in) {
				return true
			}
		}
		return false
	}
	for _, want := range [][]int32{{9, 5, 1}, {1, 5, 9}, {5, 9, 1}, {60, 30, 3}, {30, 60, 3}, {0, 4, 7}} {
		if !has(want) {
			t.Errorf("no check input %v", want)
		}
	}
	for _, in := range append(slices.Clone(extra), check[:len(check)-far]...) {
		for _, v := range in {
			if v < 0 || v > 60+60 {
				t.Errorf("near input %v outside the examples' span", in)
			}
		}
	}
	out := outsideInputs(task)
	if len(out) == 0 {
		t.Fatal("no outside inputs")
	}
	for _, in := range out {
		if !slices.ContainsFunc(in, func(v int32) bool { return v < 0 }) {
			t.Errorf("outside input %v has no negative operand", in)
		}
	}
	neg := Task{Name: "n", Examples: mustExamples(t, "(-1, 2)→1, (3, -4)→4, (0, 0)→0")}
	if out := outsideInputs(neg); len(out) != 0 {
		t.Errorf("outside inputs %v for examples with negatives in every operand", out)
	}
}
