package wasmrt

// A tiny WebAssembly assembler for tests: it builds modules by hand, without
// lib/ir, so the runtime is tested against the contract itself (and raw
// modules that lib/ir would never produce).

const (
	opUnreachable = 0x00
	opLoop        = 0x03
	opIf          = 0x04
	opElse        = 0x05
	opEnd         = 0x0b
	opBr          = 0x0c
	opBrIf        = 0x0d
	opLocalGet    = 0x20
	opLocalSet    = 0x21
	opGlobalGet   = 0x23
	opGlobalSet   = 0x24
	opI32Const    = 0x41
	opI32Eqz      = 0x45
	opI32LtS      = 0x48
	opI32GtS      = 0x4a
	opI32Add      = 0x6a
	opI32Sub      = 0x6b
	opI32Mul      = 0x6c
	opI32DivS     = 0x6d
	opI32RemS     = 0x6f
	opI32Or       = 0x72
	blockVoid     = 0x40
	typeI32       = 0x7f
)

// rawModule describes a module with one exported function "run".
type rawModule struct {
	params  int    // i32 parameters
	results int    // i32 results (the contract wants 1)
	locals  int    // extra i32 locals
	fuel    bool   // export a mutable i32 global "fuel" (initial 1000), global 0
	stop    bool   // export a mutable i32 global "stop" (initial 0), global 1
	export  string // name of the function export; "" means "run"
	body    []byte // instructions, without the final end
}

func (r rawModule) bytes() []byte {
	out := []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}
	section := func(id byte, content []byte) {
		out = append(out, id)
		out = uleb(out, uint32(len(content)))
		out = append(out, content...)
	}
	typ := []byte{1, 0x60}
	typ = uleb(typ, uint32(r.params))
	for range r.params {
		typ = append(typ, typeI32)
	}
	typ = uleb(typ, uint32(r.results))
	for range r.results {
		typ = append(typ, typeI32)
	}
	section(1, typ)
	section(3, []byte{1, 0})
	if r.fuel && r.stop {
		section(6, cat([]byte{2, typeI32, 1}, i32(1000), []byte{opEnd, typeI32, 1}, i32(0), []byte{opEnd}))
	} else if r.fuel {
		section(6, cat([]byte{1, typeI32, 1}, i32(1000), []byte{opEnd}))
	}
	name := r.export
	if name == "" {
		name = "run"
	}
	exp := []byte{byte(1)}
	if r.fuel {
		exp[0]++
	}
	if r.fuel && r.stop {
		exp[0]++
	}
	exp = append(uleb(exp, uint32(len(name))), name...)
	exp = append(exp, 0x00, 0)
	if r.fuel {
		exp = append(append(uleb(exp, 4), "fuel"...), 0x03, 0)
	}
	if r.fuel && r.stop {
		exp = append(append(uleb(exp, 4), "stop"...), 0x03, 1)
	}
	section(7, exp)
	fn := []byte{}
	if r.locals > 0 {
		fn = append(uleb(append(fn, 1), uint32(r.locals)), typeI32)
	} else {
		fn = append(fn, 0)
	}
	fn = append(append(fn, r.body...), opEnd)
	code := uleb([]byte{1}, uint32(len(fn)))
	section(10, append(code, fn...))
	return out
}

func uleb(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func sleb(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// i32 is "i32.const v".
func i32(v int32) []byte { return sleb([]byte{opI32Const}, v) }

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// fuelCheck is the contract's loop prologue: if fuel == 0 { fuel = -1;
// unreachable }; fuel--.
var fuelCheck = cat(
	[]byte{opGlobalGet, 0, opI32Eqz, opIf, blockVoid}, i32(-1), []byte{opGlobalSet, 0, opUnreachable, opEnd},
	[]byte{opGlobalGet, 0}, i32(1), []byte{opI32Sub, opGlobalSet, 0},
)

// stopCheck is fuelCheck that also traps when the runtime sets "stop",
// a global the module only reads.
var stopCheck = cat(
	[]byte{opGlobalGet, 0, opI32Eqz, opGlobalGet, 1, opI32Or, opIf, blockVoid}, i32(-1), []byte{opGlobalSet, 0, opUnreachable, opEnd},
	[]byte{opGlobalGet, 0}, i32(1), []byte{opI32Sub, opGlobalSet, 0},
)

// tightRaw and tightStopRaw are the tightest possible runaway loop (one
// fuel check per iteration, nothing else), without and with "stop".
var (
	tightRaw     = rawModule{params: 0, results: 1, fuel: true, body: cat([]byte{opLoop, blockVoid}, fuelCheck, []byte{opBr, 0, opEnd}, i32(0))}
	tightStopRaw = rawModule{params: 0, results: 1, fuel: true, stop: true, body: cat([]byte{opLoop, blockVoid}, stopCheck, []byte{opBr, 0, opEnd}, i32(0))}
)

// collatzRaw is collatz_length(n) written by hand against the contract:
// steps = 0; while n > 1 { n = n odd ? 3n+1 : n/2; steps++ }; return steps.
// Local 1 is steps, local 2 is n.
var collatzRaw = rawModule{params: 1, results: 1, locals: 2, fuel: true, body: cat(
	[]byte{opLocalGet, 0, opLocalSet, 2},
	[]byte{opLocalGet, 2}, i32(1), []byte{opI32GtS, opIf, blockVoid},
	[]byte{opLoop, blockVoid}, fuelCheck,
	[]byte{opLocalGet, 2}, i32(2), []byte{opI32RemS, opIf, blockVoid},
	[]byte{opLocalGet, 2}, i32(3), []byte{opI32Mul}, i32(1), []byte{opI32Add, opLocalSet, 2},
	[]byte{opElse},
	[]byte{opLocalGet, 2}, i32(2), []byte{opI32DivS, opLocalSet, 2},
	[]byte{opEnd},
	[]byte{opLocalGet, 1}, i32(1), []byte{opI32Add, opLocalSet, 1},
	[]byte{opLocalGet, 2}, i32(1), []byte{opI32GtS, opBrIf, 0},
	[]byte{opEnd, opEnd},
	[]byte{opLocalGet, 1},
)}

// spinRaw loops forever when its operand is 0, without ever reading the fuel
// global, and returns the operand otherwise: only a wall-clock limit stops it.
var spinRaw = rawModule{params: 1, results: 1, body: cat(
	[]byte{opLocalGet, 0, opI32Eqz, opIf, blockVoid, opLoop, blockVoid, opBr, 0, opEnd, opEnd},
	[]byte{opLocalGet, 0},
)}

// divRaw is a / b, to trap on.
var divRaw = rawModule{params: 2, results: 1, body: []byte{opLocalGet, 0, opLocalGet, 1, opI32DivS}}
