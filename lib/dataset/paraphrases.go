package dataset

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// paraphrases are requests written in wordings no template uses (and no
// template was written from): sentences a new user might type. They test
// whether a model understood the request or only its templates' phrasing.
// Operands are the ones a person means, in the program's order.
var paraphrases = []struct {
	text     string
	program  string
	operands []int32
}{
	{"add up every whole number from one through 37", "sum_1_to_n", []int32{37}},
	{"I need the running total of the counting numbers until 120", "sum_1_to_n", []int32{120}},
	{"if you add each integer between one and 64, what do you get", "sum_1_to_n", []int32{64}},
	{"running sum of the naturals, capped at 45", "sum_1_to_n", []int32{45}},
	{"total everything starting at 15 and stopping at 40", "sum_a_to_b", []int32{15, 40}},
	{"please add the consecutive integers beginning with 7 and ending with 19", "sum_a_to_b", []int32{7, 19}},
	{"what's the combined value of all integers in 30..55", "sum_a_to_b", []int32{30, 55}},
	{"sum up the whole numbers lying between 100 and 120, both ends included", "sum_a_to_b", []int32{100, 120}},
	{"multiply together all numbers from 1 to 6", "factorial", []int32{6}},
	{"how many ways can 8 people stand in a line", "factorial", []int32{8}},
	{"the product of every positive integer not exceeding 10", "factorial", []int32{10}},
	{"what does 7 with an exclamation mark evaluate to", "factorial", []int32{7}},
	{"take 3 and raise it to exponent 4", "power", []int32{3, 4}},
	{"2 with an exponent of 9", "power", []int32{2, 9}},
	{"compute 4 with exponent 5", "power", []int32{4, 5}},
	{"base 10, exponent 3: what's the result", "power", []int32{10, 3}},
	{"between 48 and 93, tell me which one is higher", "max_of_two", []int32{48, 93}},
	{"return whichever is greatest: 312 or 127", "max_of_two", []int32{312, 127}},
	{"how much separates 71 from 28", "abs_diff", []int32{71, 28}},
	{"what is the size of the difference between 15 and 90, ignoring sign", "abs_diff", []int32{15, 90}},
	{"total of the multiples of two no bigger than 30", "sum_even", []int32{30}},
	{"sum every even integer below or equal to 44", "sum_even", []int32{44}},
	{"starting from 27, how many moves does the hailstone process need to reach one", "collatz_length", []int32{27}},
	{"hailstone sequence of 7: count the steps", "collatz_length", []int32{7}},
}

// Paraphrases returns 24 requests worded as no template words them, over
// the expanded split's seven programs and the held-out collatz_length,
// with the answers the library programs give. Models are scored on them
// beside the generated test sets (see models.ClassifierRecord).
func Paraphrases() ([]Example, error) {
	out := make([]Example, 0, len(paraphrases))
	for _, p := range paraphrases {
		spec, ok := ir.LibraryProgram(p.program)
		if !ok {
			return nil, fmt.Errorf("dataset: paraphrase %q: no program %s", p.text, p.program)
		}
		exec, err := ir.Prepare(spec.Program)
		if err != nil {
			return nil, fmt.Errorf("dataset: %s: %w", p.program, err)
		}
		got, err := exec.Run(p.operands, ir.DefaultFuel)
		if err != nil {
			return nil, fmt.Errorf("dataset: paraphrase %q: %w", p.text, err)
		}
		out = append(out, Example{Text: p.text, Program: p.program, Operands: p.operands, Expected: got, Template: -1})
	}
	return out, nil
}
