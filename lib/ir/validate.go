package ir

// Validate checks p before any WASM is built and returns nil or the first
// rule broken, as a *ValidationError naming the opcode index, the opcode and
// the rule:
//
//   - START first and only first, END last and only last;
//   - every opcode in the codebook;
//   - blocks balanced: LOOP_BEGIN/LOOP_END, IF_BEGIN/[ELSE]/IF_END, ELSE only
//     inside an IF, BR and BR_IF only inside a loop;
//   - no stack underflow, counting only the values pushed inside the current
//     block (as WASM does);
//   - a loop body leaves the stack as it found it; an IF arm leaves at most one
//     value, both arms the same, an IF without ELSE none;
//   - END finds exactly one value, the result;
//   - SLOT_k only for k < Arity; at most MaxStack values and MaxLength opcodes.
//
// Every program that passes compiles to a module that WASM validation accepts.
// The rules live in Checker, which Validate runs over the program.
func Validate(p Program) error {
	_, err := analyze(p)
	return err
}

// analysis is what validation learns about a program, reused by the compiler
// and the interpreter.
type analysis struct {
	match    []int   // IF_BEGIN→ELSE or IF_END, ELSE→IF_END, LOOP_END→LOOP_BEGIN, BR/BR_IF→LOOP_BEGIN
	results  []uint8 // IF_BEGIN: values the IF leaves (0 or 1)
	depth    []int   // BR/BR_IF: WASM label depth of the target loop
	loopBase []int   // BR/BR_IF: stack height at the target loop's entry
	locals   int     // locals used: highest LOCAL index + 1
	cost     []int32 // LOOP_BEGIN: fuel charged per entry into the body (loopCosts)
}

func analyze(p Program) (*analysis, error) {
	ops := p.Ops
	n := len(ops)
	if n == 0 {
		return nil, verr(0, "", ErrMissingStart, "empty program")
	}
	if n > MaxLength {
		return nil, verr(MaxLength, ops[MaxLength].String(), ErrTooLong, "%d opcodes, at most %d", n, MaxLength)
	}
	if p.Arity < 0 || p.Arity > NumSlots {
		return nil, verr(0, ops[0].String(), ErrArity, "arity %d, must be 0..%d", p.Arity, NumSlots)
	}
	for i, op := range ops {
		if !op.Valid() {
			return nil, verr(i, op.String(), ErrUnknownOpcode, "code %d", uint8(op))
		}
	}
	if ops[0] != OpStart {
		return nil, verr(0, ops[0].String(), ErrMissingStart, "a program begins with START")
	}
	a := &analysis{
		match:    make([]int, n),
		results:  make([]uint8, n),
		depth:    make([]int, n),
		loopBase: make([]int, n),
	}
	c := newChecker(p.Arity, a)
	for i := 1; i < n; i++ {
		if ops[i] == OpEnd && i != n-1 {
			return nil, verr(i, ops[i].String(), ErrMisplaced, "END must be the last opcode, %d follow it", n-1-i)
		}
		if err := c.step(ops[i]); err != nil {
			return nil, err
		}
	}
	if !c.done {
		return nil, verr(n-1, ops[n-1].String(), ErrMissingEnd, "a program ends with END")
	}
	a.cost = loopCosts(ops)
	return a, nil
}

// loopCosts gives each LOOP_BEGIN the fuel one entry into its body costs:
// the number of opcodes that belong to the loop, its LOOP_BEGIN and LOOP_END
// included, those of nested loops excluded (a nested loop charges its own).
// One entry runs each of those opcodes at most once, since the only
// backward jumps (BR, BR_IF) start a new, charged entry; so a run executes
// at most len(ops) opcodes plus the fuel it was charged.
func loopCosts(ops []Op) []int32 {
	cost := make([]int32, len(ops))
	var open []int // LOOP_BEGIN indices, innermost last
	for i, op := range ops {
		switch {
		case op == OpLoopBegin:
			open = append(open, i)
			cost[i] = 1
		case len(open) == 0:
		case op == OpLoopEnd:
			cost[open[len(open)-1]]++
			open = open[:len(open)-1]
		default:
			cost[open[len(open)-1]]++
		}
	}
	return cost
}

// LoopCosts validates p and returns, for each opcode index, the fuel one
// entry into the loop body it opens costs: nonzero only at LOOP_BEGIN. The
// interpreter and the compiled module charge exactly this.
func LoopCosts(p Program) ([]int32, error) {
	a, err := analyze(p)
	if err != nil {
		return nil, err
	}
	return a.cost, nil
}
