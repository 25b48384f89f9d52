package ir

import (
	"fmt"
	"math"
)

// Names of the compiled module's exports.
const (
	ExportRun  = "run"  // func (i32 × Arity) → i32
	ExportFuel = "fuel" // mutable i32 global: loop iterations left; -1 after exhaustion
	// ExportStop is a mutable i32 global the module only reads: a runtime
	// sets it to 1 to stop a run (wall-clock limit), and the next loop
	// iteration traps as on fuel exhaustion. A store to fuel cannot do that
	// reliably: the loop's own read-modify-write of fuel overwrites it.
	ExportStop = "stop"
)

// DefaultFuel is the loop-iteration budget compiled into a module when
// CompileOptions.Fuel is zero: ten million iterations, about 10 ms on wazero.
const DefaultFuel = 10_000_000

// CompileOptions tunes Compile. The zero value gives DefaultFuel.
type CompileOptions struct {
	// Fuel is the initial value of the module's "fuel" global: how many loop
	// iterations a call may run. A runtime may reset it before each call.
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
// with many inputs, and "fuel", a mutable global holding the loop iterations
// left. Every entry into a loop body checks and decrements fuel; when none is
// left the module sets fuel to -1 and traps (unreachable), so a runaway
// program stops and a runtime can tell exhaustion from other traps.
// "CONST_2 I32_DIV_S" and "CONST_2 I32_REM_S" compile to shifts (exact for
// every i32), since wazero turns i32.div_s into a hardware divide.
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
	wI32ShrS     = 0x75
	wI32ShrU     = 0x76

	blockEmpty = 0x40
	blockI32   = 0x7f
)

var binaryOps = map[Op]byte{
	OpI32Add: wI32Add, OpI32Sub: wI32Sub, OpI32Mul: wI32Mul, OpI32DivS: wI32DivS, OpI32RemS: wI32RemS,
	OpI32Eq: wI32Eq, OpI32Ne: wI32Ne, OpI32LtS: wI32LtS, OpI32GtS: wI32GtS, OpI32LeS: wI32LeS, OpI32GeS: wI32GeS,
}

// winst is one WASM instruction of the lowered function body.
type winst struct {
	code byte
	imm  int32 // constant, local/global index, label depth or block type
	ir   int   // index of the IR opcode it came from; -1 for the fuel check
}

// module is a lowered program, ready to encode as binary or print as WAT.
type module struct {
	params int
	locals int
	fuel   int32
	body   []winst
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
	emit := func(code byte, imm int32, ir int) { m.body = append(m.body, winst{code, imm, ir}) }
	scratch := int32(-1) // a local for strength-reduced division, allocated on first use
	for i := 0; i < len(p.Ops); i++ {
		op := p.Ops[i]
		info := codebook[op]
		if op == OpConst2 && i+1 < len(p.Ops) && (p.Ops[i+1] == OpI32DivS || p.Ops[i+1] == OpI32RemS) {
			if scratch < 0 {
				scratch = int32(m.params + m.locals)
				m.locals++
			}
			i++
			halve(emit, scratch, p.Ops[i] == OpI32RemS, i)
			continue
		}
		switch info.Category {
		case CatConst:
			emit(wI32Const, info.imm, i)
			continue
		case CatSlot:
			if consts != nil {
				emit(wI32Const, consts[info.imm], i)
			} else {
				emit(wLocalGet, info.imm, i)
			}
			continue
		case CatArith, CatCompare:
			emit(binaryOps[op], 0, i)
			continue
		}
		local := int32(m.params) + info.imm
		switch op.canon() {
		case OpStart:
		case OpEnd:
			emit(wEnd, 0, i)
		case OpLocalGet0, OpLocalGet1, OpLocalGet2, OpLocalGet3:
			emit(wLocalGet, local, i)
		case OpLocalSet0, OpLocalSet1, OpLocalSet2, OpLocalSet3:
			emit(wLocalSet, local, i)
		case OpLocalTee0, OpLocalTee1, OpLocalTee2, OpLocalTee3:
			emit(wLocalTee, local, i)
		case OpLoopBegin:
			emit(wBlock, blockEmpty, i)
			emit(wLoop, blockEmpty, i)
			// fuel check: if fuel == 0 || stop { fuel = -1; unreachable }; fuel--
			emit(wGlobalGet, 0, -1)
			emit(wI32Eqz, 0, -1)
			emit(wGlobalGet, 1, -1)
			emit(wI32Or, 0, -1)
			emit(wIf, blockEmpty, -1)
			emit(wI32Const, -1, -1)
			emit(wGlobalSet, 0, -1)
			emit(wUnreachable, 0, -1)
			emit(wEnd, 0, -1)
			emit(wGlobalGet, 0, -1)
			emit(wI32Const, 1, -1)
			emit(wI32Sub, 0, -1)
			emit(wGlobalSet, 0, -1)
		case OpLoopEnd:
			emit(wEnd, 0, i)
			emit(wEnd, 0, i)
		case OpIfBegin:
			bt := int32(blockEmpty)
			if a.results[i] == 1 {
				bt = blockI32
			}
			emit(wIf, bt, i)
		case OpElse:
			emit(wElse, 0, i)
		case OpIfEnd:
			emit(wEnd, 0, i)
		case OpBr:
			emit(wBr, int32(a.depth[i]), i)
		case OpBrIf:
			emit(wBrIf, int32(a.depth[i]), i)
		case OpReturn:
			emit(wReturn, 0, i)
		}
	}
	return m, nil
}

// halve emits x/2 (or x rem 2) for the x on the stack with shifts instead of
// i32.div_s (i32.rem_s), which wazero compiles to a hardware divide: a
// strength reduction any compiler makes, exact for every i32 including
// negatives and INT_MIN (the quotient rounds toward zero, the remainder has
// the sign of x, and division by the constant 2 cannot trap):
//
//	q = (x + (x >>u 31)) >>s 1     r = x - ((x + (x >>u 31)) & -2)
func halve(emit func(byte, int32, int), t int32, rem bool, ir int) {
	emit(wLocalTee, t, ir)
	if rem {
		emit(wLocalGet, t, ir)
	}
	emit(wLocalGet, t, ir)
	emit(wI32Const, 31, ir)
	emit(wI32ShrU, 0, ir)
	emit(wI32Add, 0, ir)
	if rem {
		emit(wI32Const, -2, ir)
		emit(wI32And, 0, ir)
		emit(wI32Sub, 0, ir)
		return
	}
	emit(wI32Const, 1, ir)
	emit(wI32ShrS, 0, ir)
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
