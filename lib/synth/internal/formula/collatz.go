package formula

// The 3x+1 (Collatz) map named by its quantity (collatz.go): how many
// steps the trajectory of n takes to reach 1, how many of them halve or
// triple, the largest value on the way, the steps until it first drops
// below n. Requests and names say it many ways:
//
//	Collatz length of n
//	How many steps does the 3n+1 sequence take from n?
//	Number of halving and tripling steps to reach 1 in '3x+1' problem, or -1 if 1 is never reached.
//	Number of halving steps to reach 1 in the 3x+1 problem.
//	Largest value in the hailstone trajectory of n.
//
// The text is read word by word against a closed vocabulary: one word
// naming the map (Collatz, 3x+1, hailstone, Syracuse), words naming the
// quantity, and connecting words; any other word ("numbers", "record",
// "odd", a second number) means the text asks for something else, and
// nothing is read. Where the words leave a convention open ("length" may
// count the steps or the terms, "stopping time" the steps to 1 or to a
// value below n) each reading is a candidate and the examples choose.
// collatz_(x, mode) is the quantity: mode 0 the steps to reach 1, 1 the
// halving steps, 2 the tripling steps, 3 the largest value, 4 the steps
// until a value below x; x <= 1 takes no step.

import (
	"regexp"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

const (
	collatzSteps = iota
	collatzHalving
	collatzTripling
	collatzMax
	collatzBelow
)

// collatzMaxSteps bounds the exact evaluator's trajectory: every start
// below 2^31 whose trajectory stays in i32 reaches 1 in fewer steps.
const collatzMaxSteps = 1000

var (
	reCollatzMap  = regexp.MustCompile(`\b3 ?[xn] ?\+ ?1\b`)
	reCollatzWord = regexp.MustCompile(`[a-z0-9+-]+`)
)

// collatzWords are the words a request or a name about the map may use
// besides the map's name and the quantity's words.
var collatzWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "for": true, "from": true, "to": true, "at": true,
	"with": true, "by": true, "is": true, "it": true, "does": true, "do": true, "take": true, "takes": true,
	"needed": true, "required": true, "until": true, "till": true, "reach": true, "reaches": true, "reached": true,
	"reaching": true, "get": true, "1": true, "starting": true, "start": true, "starts": true, "started": true,
	"beginning": true, "begin": true, "begins": true, "value": true, "number": true, "how": true, "many": true,
	"count": true, "compute": true, "find": true, "give": true, "return": true, "calculate": true, "what": true,
	"problem": true, "map": true, "mapping": true, "function": true, "sequence": true, "trajectory": true,
	"orbit": true, "iteration": true, "iterations": true, "iterate": true, "iterating": true, "steps": true,
	"step": true, "and": true, "or": true, "via": true, "under": true, "using": true, "applied": true,
	"applications": true, "conjecture": true, "s": true, "if": true, "never": true, "-1": true, "one": true,
	"total": true, "length": true, "stopping": true, "time": true, "halving": true, "tripling": true,
	"largest": true, "maximal": true, "maximum": true, "highest": true, "peak": true, "greatest": true,
	"max": true, "term": true, "element": true, "on": true, "its": true, "way": true, "there": true,
	"are": true, "when": true, "down": true, "go": true, "goes": true, "operation": true,
	"this": true, "happens": true, "happen": true,
}

// collatz reads text as a quantity of the 3x+1 trajectory of n.
func (c *collector) collatz(text string) {
	t := strings.ToLower(text)
	t = reCollatzMap.ReplaceAllString(t, " collatz ")
	for _, w := range []string{"collatz", "hailstone", "syracuse"} {
		t = strings.ReplaceAll(t, w, " collatz ")
	}
	t = strings.ReplaceAll(t, "(a(n))", " ")
	t = strings.ReplaceAll(t, "a(n)", " ")
	t = strings.ReplaceAll(t, "1 +", "1+")
	t = strings.ReplaceAll(t, "+ 1", "+1")
	has := map[string]bool{}
	letter := ""
	named := false
	for _, w := range reCollatzWord.FindAllString(t, -1) {
		switch {
		case w == "collatz":
			named = true
		case w == "1+" || w == "+1":
			// "(1 + number of ... steps)": the terms, offered below with the steps
		case len(w) == 1 && w[0] >= 'b' && w[0] <= 'z' && w != "s":
			if letter != "" && letter != w {
				return // two operands: not one trajectory
			}
			letter = w
		case collatzWords[w]:
			has[w] = true
		default:
			return // a word the reading does not know: the text asks for something else
		}
	}
	if !named && !(has["halving"] && has["tripling"]) { // "how many halving or tripling steps until 1"
		return
	}
	var modes []int64
	switch {
	case has["largest"] || has["maximal"] || has["maximum"] || has["highest"] || has["peak"] || has["greatest"] || has["max"]:
		modes = []int64{collatzMax}
	case has["halving"] && has["tripling"]:
		modes = []int64{collatzSteps}
	case has["halving"] && !has["tripling"]:
		modes = []int64{collatzHalving}
	case has["tripling"] && !has["halving"]:
		modes = []int64{collatzTripling}
	case has["stopping"] && !has["total"]:
		modes = []int64{collatzSteps, collatzBelow}
	case has["steps"] || has["step"] || has["length"] || has["iterations"] || has["stopping"] || has["many"] || has["count"]:
		modes = []int64{collatzSteps}
	default:
		return // the map named, no quantity: a trajectory, a triangle, ...
	}
	src := strings.TrimSpace(text)
	for _, m := range modes {
		x := call("collatz_", vr("n"), num(m))
		if m == collatzMax {
			c.add(src, x)
			continue
		}
		// the steps, or the terms (one more): "length" and "1 + number
		// of steps" count the terms, but names and requests use both
		c.add(src, x)
		c.add(src, add(x, num(1)))
	}
}

// collatzRef is collatz_(x, mode); ok is false where the trajectory
// leaves int64's safe range or takes more than collatzMaxSteps steps.
func collatzRef(x, mode int64) (v int64, steps int, ok bool) {
	start, r := x, x
	if mode == collatzMax {
		v = x
	}
	for r > 1 && !(mode == collatzBelow && steps > 0 && r < start) {
		if steps >= collatzMaxSteps || r > 1<<40 {
			return 0, steps, false
		}
		steps++
		if r%2 == 0 {
			r /= 2
			if mode == collatzHalving {
				v++
			}
		} else {
			r = 3*r + 1
			if mode == collatzTripling {
				v++
			}
		}
		switch mode {
		case collatzSteps, collatzBelow:
			v++
		case collatzMax:
			v = max(v, r)
		}
	}
	return v, steps, true
}

// collatz pushes collatz_(x, mode): r runs the trajectory from x, q
// keeps the count (or the largest value), s the start (mode 4).
func (e *emitter) collatz(x *node, mode int64) {
	r := e.copyOf(x)
	q := e.alloc()
	if mode == collatzMax {
		e.get(r)
	} else {
		e.emit(ir.OpConst0)
	}
	e.set(q)
	s := -1
	if mode == collatzBelow {
		s = e.alloc()
		e.get(r)
		e.set(s)
	}
	cond := func() {
		e.get(r)
		e.emit(ir.OpConst1, ir.OpI32GtS)
		if mode == collatzBelow { // and (no step yet or r >= s)
			e.get(q)
			e.emit(ir.OpConst0, ir.OpI32Eq)
			e.get(r)
			e.get(s)
			e.emit(ir.OpI32GeS, ir.OpI32Add, ir.OpI32Mul)
		}
	}
	e.while(cond, func() {
		e.get(r)
		e.emit(ir.OpConst2, ir.OpI32RemS, ir.OpIfBegin)
		e.get(r)
		e.konst(3)
		e.emit(ir.OpI32Mul, ir.OpConst1, ir.OpI32Add)
		e.set(r)
		if mode == collatzTripling {
			e.inc(q, 1)
		}
		e.emit(ir.OpElse)
		e.get(r)
		e.emit(ir.OpConst2, ir.OpI32DivS)
		e.set(r)
		if mode == collatzHalving {
			e.inc(q, 1)
		}
		e.emit(ir.OpIfEnd)
		switch mode {
		case collatzSteps, collatzBelow:
			e.inc(q, 1)
		case collatzMax:
			e.get(r)
			e.get(q)
			e.emit(ir.OpI32GtS, ir.OpIfBegin)
			e.get(r)
			e.set(q)
			e.emit(ir.OpIfEnd)
		}
	})
	e.get(q)
}
