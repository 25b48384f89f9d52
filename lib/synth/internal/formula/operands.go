package formula

import (
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Requests over two to four operands ("a^b + c", "n choose k", "gcd of a
// and b", "a times b plus c"): the text, with operations in words written
// as a formula writes them, must be one formula whose free variables are
// its one-letter words, named in the order they first appear (the first
// is SLOT_0, the next SLOT_1, ...). The program is checked against the
// exact evaluator on a grid of operands: wherever the formula's value is
// an integer in i32, the program must give it; a formula that is not an
// integer at some operands >= 0 ("(a+b)/2") is no reading.

// operandPhrases are operations on operands in words, as formulas.
var operandPhrases = []rewrite{
	{regexp.MustCompile(`(?i)\b([a-z]) choose ([a-z])\b`), "binomial($1,$2)"},
	{regexp.MustCompile(`(?i)\b(?:the )?(?:gcd|greatest common divisor|highest common factor) of ([a-z]) and ([a-z])\b`), "gcd($1,$2)"},
	{regexp.MustCompile(`(?i)\b(?:the )?(?:lcm|least common multiple|lowest common multiple) of ([a-z]) and ([a-z])\b`), "lcm($1,$2)"},
	{regexp.MustCompile(`(?i)\b(?:the )?(?:larger|largest|greater|greatest|bigger|maximum|max) of ([a-z]),? and ([a-z])\b`), "max($1,$2)"},
	{regexp.MustCompile(`(?i)\b(?:the )?(?:smaller|smallest|lesser|least|minimum|min) of ([a-z]),? and ([a-z])\b`), "min($1,$2)"},
	{regexp.MustCompile(`(?i)\b(?:the )?(?:sum|total)(?: of (?:all )?(?:the )?(?:integers|numbers|whole numbers))? from ([a-z]) (?:to|through) ([a-z])\b`), "Sum_{k=$1..$2} k"},
	{regexp.MustCompile(`(?i)\b([a-z]) (?:mod|modulo) ([a-z])\b`), "$1 mod $2"},
}

// operandGrid is how far from 0 each operand runs in the check.
const operandGrid = 9

// operandWork bounds the check of one request over all its grids: the
// exact evaluator's steps and the programs' fuel. A reading whose check
// would need more is refused (four operands of binomials took 6.5 s
// before), never passed unchecked.
type operandWork struct{ steps, fuel int64 }

const (
	operandSteps = 20_000_000  // evaluator steps per request
	operandFuel  = 200_000_000 // program fuel per request
	tupleSteps   = 200_000     // evaluator steps per tuple
)

// operandCandidates reads text as one formula over arity operands.
func operandCandidates(text string, arity int) []Candidate {
	t := strings.TrimSpace(text)
	t = arithmeticWords(t)
	t = strings.TrimRight(t, ".?! ")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "the "), "The ")
	// the operands, before the phrases bring in letters of their own
	var vars []string
	toks := lex(t)
	for i, tk := range toks {
		if tk.k != tIdent || len(tk.s) != 1 {
			continue
		}
		if i+1 < len(toks) && toks[i+1].s == "(" {
			continue // a function's name
		}
		if !slices.Contains(vars, tk.s) {
			vars = append(vars, tk.s)
		}
	}
	if len(vars) != arity {
		return nil
	}
	t = rewriteAll(t, operandPhrases)
	toks = lex(t)
	x, end, ok := parseAt(toks, 0, vars...)
	if !ok || end >= len(toks) || toks[end].k != tEnd {
		return nil
	}
	return operandCheck(text, x, vars)
}

// operandCheck is x over vars as text's candidate when its program agrees
// with the exact evaluator on the grid (operandsAgree); else nil.
func operandCheck(text string, x *node, vars []string) []Candidate {
	work := &operandWork{steps: operandSteps, fuel: operandFuel}
	// the formula as parsed; failing that, normalized (frac.go: floor
	// and ceiling of quotients, "average of a and b, rounded down")
	forms := []*node{x}
	if y, ok := normalize(x, false); ok && y.String() != x.String() {
		forms = append(forms, y)
	}
	for _, y := range forms {
		for _, exact := range []bool{false, true} {
			// a power under a mod by square and multiply first ("a^b mod
			// 1000": log b steps where the plain loop's b steps run out of
			// fuel at b ~ 4*10^5), then the plain lowering
			for _, squaring := range []bool{true, false} {
				ops, err := lowerOperandsSquaring(y, vars, exact, squaring)
				if err != nil {
					continue
				}
				// every operand tuple of the grid; failing that, those of
				// operands >= 0 (what "n choose k" and "a^b" mean)
				if operandsAgree(x, ops, vars, false, work) || operandsAgree(x, ops, vars, true, work) {
					return []Candidate{{Source: strings.TrimSpace(text), Ops: ops, Expr: x.String()}}
				}
			}
		}
	}
	return nil
}

// lowerOperandsSquaring is lowerOperands, or with squaring the program
// that computes its powers under a mod by square and multiply (an error
// when it has none).
func lowerOperandsSquaring(x *node, vars []string, exactBinomial, squaring bool) (ops []ir.Op, err error) {
	if !squaring {
		return lowerOperands(x, vars, exactBinomial)
	}
	defer caught(&ops, &err)
	e := operandEmitter(&emitter{exactBinomial: exactBinomial, squaring: true}, vars)
	if ops, err = e.program(x); err == nil && !e.squared {
		return nil, fmt.Errorf("%w: no power to square", errLower)
	}
	return ops, err
}

// lowerOperands compiles x over vars: the first is SLOT_0 (where the
// emitter reads n), each other is copied from its slot into a local of
// its own at the start. exactBinomial: binomials in exact steps.
func lowerOperands(x *node, vars []string, exactBinomial bool) (ops []ir.Op, err error) {
	if y, ok := wrapSafeForm(x); ok { // wrapsafe.go: exact where a product wraps
		if ops, err := lowerOperandsWith(y, vars, exactBinomial, true); err == nil {
			return ops, nil
		}
	}
	return lowerOperandsWith(x, vars, exactBinomial, false)
}

// operandEmitter readies e (its modes set) for a program over vars: the
// first is SLOT_0, each other copied from its slot into a local of its own.
func operandEmitter(e *emitter, vars []string) *emitter {
	e.ops, e.env, e.arity = []ir.Op{ir.OpStart}, map[string]int{vars[0]: -1}, len(vars)
	for i, v := range vars[1:] {
		l := e.alloc()
		e.emit(ir.OpSlot0+ir.Op(i+1), ir.LocalSet(l))
		e.env[v] = l
	}
	return e
}

func lowerOperandsWith(x *node, vars []string, exactBinomial, wrapSafe bool) (ops []ir.Op, err error) {
	defer caught(&ops, &err)
	e := operandEmitter(&emitter{exactBinomial: exactBinomial, wrapSafe: wrapSafe}, vars)
	return e.program(x)
}

// operandsAgree runs ops beside the exact evaluator on every operand
// tuple in [-operandGrid, operandGrid]^arity (and the tuples of larger
// values 20, 100, 1000, 46340 with small ones): where the formula is an
// integer in i32 the program must give it; a value that is not an
// integer refuses the reading where every operand is >= 0; where the
// formula is undefined (a division by zero) or too big for the evaluator
// anything goes. nonneg: only operands >= 0. It fails when work runs
// out before the grid is done.
func operandsAgree(x *node, ops []ir.Op, vars []string, nonneg bool, work *operandWork) bool {
	e, err := ir.Prepare(ir.Program{Arity: len(vars), Ops: ops})
	if err != nil {
		return false
	}
	vals := []int64{}
	lo := int64(-operandGrid)
	if nonneg {
		lo = 0
	}
	for v := lo; v <= operandGrid; v++ {
		vals = append(vals, v)
	}
	vals = append(vals, 20, 100, 1000, 46340)
	tuple := make([]int64, len(vars))
	in := make([]int32, len(vars))
	var v evaluator
	checked := 0
	var walk func(i int) bool
	walk = func(i int) bool {
		if i < len(vars) {
			for _, a := range vals {
				tuple[i] = a
				if !walk(i + 1) {
					return false
				}
			}
			return true
		}
		env := map[string]*big.Rat{}
		for j, name := range vars {
			env[name] = ratInt(tuple[j])
			in[j] = int32(tuple[j])
		}
		if work.steps < tupleSteps || work.fuel < ir.DefaultFuel {
			return false // too costly to check: no reading
		}
		v.steps = tupleSteps
		r, err := v.evalAt(x, env)
		work.steps -= tupleSteps - int64(max(v.steps, 0))
		if err != nil {
			return true // undefined there, or too big to evaluate
		}
		if !r.IsInt() {
			// not an integer: no reading, unless an operand is negative
			// (a^b for b < 0 is outside what such a request means)
			for _, a := range tuple {
				if a < 0 {
					return true
				}
			}
			return false
		}
		if !r.Num().IsInt64() || r.Num().Int64() > 1<<31-1 || r.Num().Int64() < -1<<31 {
			return true
		}
		got, used, err := e.RunFuel(in, ir.DefaultFuel)
		work.fuel -= used
		checked++
		return err == nil && int64(got) == r.Num().Int64()
	}
	return walk(0) && checked > 0
}
