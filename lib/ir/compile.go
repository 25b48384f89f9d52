package ir

import (
	"fmt"
	"math"
)

// Names of the compiled module's exports.
const (
	ExportRun  = "run"  // func (i32 × Arity) → i32
	ExportFuel = "fuel" // mutable i32 global: fuel at entry, fuel left after a return; -1 after exhaustion
	// ExportStop is a mutable i32 global the module only reads: a runtime
	// sets it to 1 to stop a run (wall-clock limit), and the run traps as
	// on fuel exhaustion within StopEvery units of fuel. A store to fuel
	// cannot do that: the module keeps its fuel in a local while it runs.
	ExportStop = "stop"
)

// DefaultFuel is the budget of a run wherever none is given: the compiled
// module's when CompileOptions.Fuel is zero, lib/wasmrt's, the dashboard's,
// the CLI's and synthesis's. Fuel counts opcodes (see Exec.Run): two million
// units hold a core for at most about 3.5 ms, on wazero or in the
// interpreter (the costliest loops, chains of divisions, cost 1.7 ns per
// unit; RATIONALE.md), and leave room for every library program on every
// operand of its domain (the hungriest, divisor_count(100000), uses 1.7
// million).
const DefaultFuel = 2_000_000

// CompileOptions tunes Compile. The zero value gives DefaultFuel.
type CompileOptions struct {
	// Fuel is the initial value of the module's "fuel" global: how much
	// work a call may do, in the interpreter's units (see Exec.Run). A
	// runtime may reset it before each call.
	Fuel int64
}

func (o CompileOptions) fuel() (int32, error) {
	switch {
	case o.Fuel == 0:
		return DefaultFuel, nil
	case o.Fuel < 0 || o.Fuel > math.MaxInt32:
		return 0, fmt.Errorf("%w: %d, must be 1..%d", ErrFuel, o.Fuel, math.MaxInt32)
	}
	return int32(o.Fuel), nil
}

// Compile validates p and compiles it to a WebAssembly binary module. The
// module exports "run", a function whose parameters are the program's
// operands (SLOT_k reads parameter k), so it is compiled once and called
// with many inputs, "fuel", a mutable global holding the call's fuel, and
// "stop" (ExportStop). Every entry into a loop body is charged exactly what
// the interpreter charges (Exec.Run); when the fuel left is below the
// charge, the module sets fuel to -1 and traps (unreachable), so a runaway
// program stops and a runtime can tell exhaustion from other traps. A
// call that returns leaves the fuel left in the global. The fuel is counted
// in a local while the function runs, and stop is read once per StopEvery
// units. Constants are folded and a few exact rewrites applied (x+0, x*1,
// x=0 as i32.eqz, a comparison with zero used as a condition); division
// and remainder by powers of two compile to shifts (exact for every i32),
// since wazero turns i32.div_s into a hardware divide.
func Compile(p Program, opt CompileOptions) ([]byte, error) {
	m, err := lower(p, nil, opt)
	if err != nil {
		return nil, err
	}
	return m.encode(), nil
}

// CompileConst compiles p in the study's form: the operands are baked into
// the code as constants and "run" takes no parameters.
func CompileConst(p Program, args []int32, opt CompileOptions) ([]byte, error) {
	if len(args) != p.Arity {
		return nil, argsError(p, len(args))
	}
	if args == nil {
		args = []int32{}
	}
	m, err := lower(p, args, opt)
	if err != nil {
		return nil, err
	}
	return m.encode(), nil
}

// WASM opcodes used by the compiler.
const (
	wUnreachable = 0x00
	wBlock       = 0x02
	wLoop        = 0x03
	wIf          = 0x04
	wElse        = 0x05
	wEnd         = 0x0b
	wBr          = 0x0c
	wBrIf        = 0x0d
	wReturn      = 0x0f
	wLocalGet    = 0x20
	wLocalSet    = 0x21
	wLocalTee    = 0x22
	wGlobalGet   = 0x23
	wGlobalSet   = 0x24
	wI32Const    = 0x41
	wI32Eqz      = 0x45
	wI32Eq       = 0x46
	wI32Ne       = 0x47
	wI32LtS      = 0x48
	wI32GtS      = 0x4a
	wI32LeS      = 0x4c
	wI32GeS      = 0x4e
	wI32Add      = 0x6a
	wI32Sub      = 0x6b
	wI32Mul      = 0x6c
	wI32DivS     = 0x6d
	wI32RemS     = 0x6f
	wI32Or       = 0x72
	wI32And      = 0x71
	wSelect      = 0x1b
	wI32Shl      = 0x74
	wI32ShrS     = 0x75
	wI32ShrU     = 0x76
	wI32LtU      = 0x49
	wI32Load     = 0x28 // memarg: align 2 (4 bytes), offset 0
	wI32Store    = 0x36 // memarg: align 2, offset 0
	wMiscPrefix  = 0xfc // imm: the sub-opcode; wMemFill is the one used
	wMemFill     = 11   // memory.fill, memory 0

	blockEmpty = 0x40
	blockI32   = 0x7f
)

var binaryOps = map[Op]byte{
	OpI32Add: wI32Add, OpI32Sub: wI32Sub, OpI32Mul: wI32Mul, OpI32DivS: wI32DivS, OpI32RemS: wI32RemS,
	OpI32Eq: wI32Eq, OpI32Ne: wI32Ne, OpI32LtS: wI32LtS, OpI32GtS: wI32GtS, OpI32LeS: wI32LeS, OpI32GeS: wI32GeS,
}

// winst is one WASM instruction of the lowered function body.
type winst struct {
	code     byte
	imm      int32 // constant, local/global index, label depth or block type
	ir0, ir1 int32 // IR opcodes it came from, ir0..ir1; ir0 = -1: fuel accounting
}

// module is a lowered program, ready to encode as binary or print as WAT.
type module struct {
	params int
	locals int // declared locals: the IR's, then the compiler's
	fuel   int32
	memory bool // one page of memory, zeroed at entry (the program uses MEM_*)
	body   []winst
}

// StopEvery is how much fuel a compiled module burns between two reads of
// its stop global: the wall-clock limit is checked once per StopEvery units
// (a few tens of microseconds of the costliest code, see RATIONALE.md)
// instead of on every loop entry. Fuel itself is checked on every entry.
const StopEvery = 1 << 16

// lowerer turns a validated program into a module body. The fuel lives in
// a local while the function runs and is written to the fuel global only
// where the run can end: at RETURN and END, and as -1 when it stops.
type lowerer struct {
	m       *module
	p       Program
	a       *analysis
	consts  []int32 // the study's form: operand values; nil for parameters
	metered bool    // the program has a loop, so fuel is counted
	fuelL   int32   // local: fuel left
	nextL   int32   // local: below this fuel, look at fuel < 0 and at stop
	scratch int32   // local for strength-reduced division; -1 until needed
	addrL   int32   // local: a memory address being checked; -1 until needed
	valL    int32   // local: the value MEM_STORE stores; -1 until needed
	even    []evenFact
	costs   []int32 // the charge of each open loop, innermost last
}

func lower(p Program, consts []int32, opt CompileOptions) (*module, error) {
	a, err := analyze(p)
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", nameOf(p), err)
	}
	fuel, err := opt.fuel()
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", nameOf(p), err)
	}
	m := &module{params: p.Arity, locals: a.locals, fuel: fuel}
	if consts != nil {
		m.params = 0
	}
	l := &lowerer{m: m, p: p, a: a, consts: consts, scratch: -1, addrL: -1, valL: -1}
	for _, c := range a.cost {
		l.metered = l.metered || c > 0
	}
	for _, op := range p.Ops {
		m.memory = m.memory || codebook[op].Category == CatMemory
	}
	if m.memory {
		// A module instance keeps its memory from call to call (a runtime
		// reuses instances): every run starts from zeros, as in the
		// interpreter.
		for _, w := range []winst{
			{code: wI32Const, imm: 0}, {code: wI32Const, imm: 0}, {code: wI32Const, imm: MemWords * 4},
			{code: wMiscPrefix, imm: wMemFill},
		} {
			l.emit(w.code, w.imm, -1)
		}
	}
	if l.metered {
		l.fuelL, l.nextL = l.local(), l.local()
		// fuel = global fuel; next = max(fuel - StopEvery, 0), as the slow
		// path sets it: stop is 0 when a call starts, so the first loop
		// entry need not read it, and a budget already below a loop's
		// cost still takes the slow path (fuel < 0 <= next) and traps.
		f, n := l.fuelL, l.nextL
		for _, w := range []winst{
			{code: wGlobalGet, imm: 0}, {code: wLocalTee, imm: f},
			{code: wI32Const, imm: StopEvery}, {code: wI32Sub}, {code: wLocalTee, imm: n},
			{code: wI32Const, imm: 0},
			{code: wLocalGet, imm: n}, {code: wI32Const, imm: 0}, {code: wI32GtS},
			{code: wSelect},
			{code: wLocalSet, imm: n},
		} {
			l.emit(w.code, w.imm, -1)
		}
	}
	for i := 1; i < len(p.Ops); i++ {
		l.op(i)
	}
	return m, nil
}

// local declares one more i32 local and returns its index.
func (l *lowerer) local() int32 {
	i := int32(l.m.params + l.m.locals)
	l.m.locals++
	return i
}

func (l *lowerer) emit(code byte, imm int32, ir int) {
	l.m.body = append(l.m.body, winst{code, imm, int32(ir), int32(ir)})
}

// last returns the k-th instruction from the end (0: the last), or nil.
func (l *lowerer) last(k int) *winst {
	if n := len(l.m.body); k < n {
		return &l.m.body[n-1-k]
	}
	return nil
}

// fromIR reports whether w came from the program rather than from fuel
// accounting, so a peephole rule may rewrite it.
func fromIR(w *winst) bool { return w != nil && w.ir0 >= 0 }

func (l *lowerer) op(i int) {
	p, a, m := l.p, l.a, l.m
	op := p.Ops[i]
	info := codebook[op]
	switch info.Category {
	case CatConst:
		l.emit(wI32Const, info.imm, i)
		return
	case CatSlot:
		if l.consts != nil {
			l.emit(wI32Const, l.consts[info.imm], i)
		} else {
			l.emit(wLocalGet, info.imm, i)
		}
		return
	case CatArith, CatCompare:
		l.binary(i)
		return
	case CatMemory:
		l.memory(i, op)
		return
	case CatLocal:
		local := int32(m.params) + info.imm
		switch {
		case info.Pops == 0: // get
			// "LOCAL_SET_k LOCAL_GET_k" is one local.tee.
			if w := l.last(0); fromIR(w) && w.code == wLocalSet && w.imm == local {
				w.code, w.ir1 = wLocalTee, int32(i)
				return
			}
			l.emit(wLocalGet, local, i)
		case info.Pushes == 0: // set
			l.emit(wLocalSet, local, i)
		default: // tee
			l.emit(wLocalTee, local, i)
		}
		return
	}
	switch op {
	case OpEnd:
		l.writeBack()
		l.emit(wEnd, 0, i)
	case OpLoopBegin:
		l.emit(wBlock, blockEmpty, i)
		l.emit(wLoop, blockEmpty, i)
		l.charge(a.cost[i])
	case OpLoopEnd:
		// Falling off the body leaves the loop: past the slow path.
		if w := l.last(0); w == nil || (w.code != wBr && w.code != wReturn) {
			l.emit(wBr, 2, i)
		}
		l.slowPath()
		l.emit(wEnd, 0, i)
		l.emit(wEnd, 0, i)
	case OpIfBegin:
		bt := int32(blockEmpty)
		if a.results[i] == 1 {
			bt = blockI32
		}
		l.emit(wIf, bt, i)
		l.condition()
		l.parity(i)
	case OpElse:
		l.emit(wElse, 0, i)
	case OpIfEnd:
		l.emit(wEnd, 0, i)
	case OpBr:
		l.emit(wBr, int32(a.depth[i])+1, i) // + the charge's block
	case OpBrIf:
		// "if; br; end" rather than br_if: wazero then tests the
		// comparison in the branch (cmp; jcc) instead of materializing
		// it and testing that, and the back edge needs no edge block.
		l.emit(wIf, blockEmpty, i)
		l.condition()
		l.emit(wBr, int32(a.depth[i])+2, i) // + the charge's block and the if
		l.emit(wEnd, 0, i)
	case OpReturn:
		l.writeBack()
		l.emit(wReturn, 0, i)
	}
}

// memory lowers MEM_LOAD and MEM_STORE. The word address a becomes the
// byte address 4a when 0 <= a < MemWords, else -1, which WebAssembly's own
// bounds check traps on ("out of bounds memory access"): 4a alone would
// wrap for a >= 2^30 and reach a word it should not.
func (l *lowerer) memory(i int, op Op) {
	if l.addrL < 0 {
		l.addrL = l.local()
	}
	if op == OpMemStore {
		if l.valL < 0 {
			l.valL = l.local()
		}
		l.emit(wLocalSet, l.valL, i)
	}
	a := l.addrL
	for _, w := range []winst{
		{code: wLocalTee, imm: a}, {code: wI32Const, imm: 2}, {code: wI32Shl},
		{code: wI32Const, imm: -1},
		{code: wLocalGet, imm: a}, {code: wI32Const, imm: MemWords}, {code: wI32LtU},
		{code: wSelect},
	} {
		l.emit(w.code, w.imm, i)
	}
	if op == OpMemStore {
		l.emit(wLocalGet, l.valL, i)
		l.emit(wI32Store, 0, i)
		return
	}
	l.emit(wI32Load, 0, i)
}

// charge opens a loop body with its fuel check, and slowPath closes it.
// A loop is laid out as
//
//	block                            ;; exit
//	  loop                           ;; back edges go here
//	    block                        ;; the charge's
//	      fuel -= cost
//	      br_if 0 (fuel < next)      ;; rarely: once per StopEvery units
//	      body ...
//	      br 2                       ;; falling off the body leaves the loop
//	    end
//	    ;; slow path
//	    if fuel < 0 || stop { fuel global = -1; unreachable }
//	    next = max(fuel - StopEvery, 0)
//	    fuel += cost                 ;; undo, and enter again: fuel >= next now
//	    br 0
//	  end
//	end
//
// so a run stops exactly where the interpreter's does (fuel left below the
// cost of the entry), and a stop request is seen within StopEvery units.
// The common path falls through the check into the body: the slow path is
// out of line, after the body, rather than a branch around it in every
// iteration.
func (l *lowerer) charge(cost int32) {
	l.costs = append(l.costs, cost)
	f, n := l.fuelL, l.nextL
	for _, w := range []winst{
		{code: wBlock, imm: blockEmpty},
		{code: wLocalGet, imm: f}, {code: wI32Const, imm: cost}, {code: wI32Sub}, {code: wLocalTee, imm: f},
		{code: wLocalGet, imm: n}, {code: wI32LtS},
		{code: wBrIf, imm: 0},
	} {
		l.emit(w.code, w.imm, -1)
	}
}

// slowPath closes the charge's block of the innermost loop (see charge).
func (l *lowerer) slowPath() {
	cost := l.costs[len(l.costs)-1]
	l.costs = l.costs[:len(l.costs)-1]
	f, n := l.fuelL, l.nextL
	for _, w := range []winst{
		{code: wEnd},
		{code: wLocalGet, imm: f}, {code: wI32Const, imm: 0}, {code: wI32LtS},
		{code: wGlobalGet, imm: 1}, {code: wI32Or},
		{code: wIf, imm: blockEmpty},
		{code: wI32Const, imm: -1}, {code: wGlobalSet, imm: 0}, {code: wUnreachable},
		{code: wEnd},
		{code: wLocalGet, imm: f}, {code: wI32Const, imm: StopEvery}, {code: wI32Sub}, {code: wLocalTee, imm: n},
		{code: wI32Const, imm: 0},
		{code: wLocalGet, imm: n}, {code: wI32Const, imm: 0}, {code: wI32GtS},
		{code: wSelect},
		{code: wLocalSet, imm: n},
		{code: wLocalGet, imm: f}, {code: wI32Const, imm: cost}, {code: wI32Add}, {code: wLocalSet, imm: f},
		{code: wBr, imm: 0},
	} {
		l.emit(w.code, w.imm, -1)
	}
}

// writeBack stores the fuel left in the fuel global before the run returns.
func (l *lowerer) writeBack() {
	if l.metered {
		l.emit(wLocalGet, l.fuelL, -1)
		l.emit(wGlobalSet, 0, -1)
	}
}

func nameOf(p Program) string {
	if p.Name == "" {
		return "program"
	}
	return p.Name
}

func (m *module) encode() []byte {
	out := []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}
	section := func(id byte, content []byte) {
		out = append(out, id)
		out = appendU32(out, uint32(len(content)))
		out = append(out, content...)
	}
	// type section: one func type (i32 × params) → i32
	t := []byte{1, 0x60}
	t = appendU32(t, uint32(m.params))
	for range m.params {
		t = append(t, 0x7f)
	}
	t = append(t, 1, 0x7f)
	section(1, t)
	section(3, []byte{1, 0}) // function section: func 0 has type 0
	if m.memory {
		section(5, []byte{1, 0x01, 1, 1}) // memory section: one page, at most one
	}
	// global section: (global (mut i32) (i32.const fuel)), (global (mut i32) (i32.const 0))
	g := []byte{2, 0x7f, 0x01, wI32Const}
	g = appendS32(g, m.fuel)
	g = append(g, wEnd, 0x7f, 0x01, wI32Const, 0, wEnd)
	section(6, g)
	// export section
	e := []byte{3}
	e = appendName(e, ExportRun)
	e = append(e, 0x00, 0) // func 0
	e = appendName(e, ExportFuel)
	e = append(e, 0x03, 0) // global 0
	e = appendName(e, ExportStop)
	e = append(e, 0x03, 1) // global 1
	section(7, e)
	// code section
	var body []byte
	if m.locals > 0 {
		body = append(body, 1)
		body = appendU32(body, uint32(m.locals))
		body = append(body, 0x7f)
	} else {
		body = append(body, 0)
	}
	for _, in := range m.body {
		body = append(body, in.code)
		switch in.code {
		case wI32Const:
			body = appendS32(body, in.imm)
		case wLocalGet, wLocalSet, wLocalTee, wGlobalGet, wGlobalSet, wBr, wBrIf:
			body = appendU32(body, uint32(in.imm))
		case wBlock, wLoop, wIf:
			body = append(body, byte(in.imm))
		case wI32Load, wI32Store:
			body = append(body, 2, 0) // align 2^2, offset 0
		case wMiscPrefix:
			body = appendU32(body, uint32(in.imm))
			body = append(body, 0) // memory 0
		}
	}
	c := []byte{1}
	c = appendU32(c, uint32(len(body)))
	c = append(c, body...)
	section(10, c)
	return out
}

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendS32(b []byte, v int32) []byte {
	x := int64(v)
	for {
		c := byte(x & 0x7f)
		x >>= 7
		if (x == 0 && c&0x40 == 0) || (x == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendName(b []byte, s string) []byte {
	b = appendU32(b, uint32(len(s)))
	return append(b, s...)
}
