package ir

// Op is one IR opcode. The codebook below is the whole instruction set: each
// opcode has a name (its text form), a category, a stack effect and a fixed
// WASM encoding. There are no immediates: constants, slots and locals are
// separate opcodes, so a program is a flat sequence of tokens a model can
// emit one at a time.
type Op uint8

// The opcodes, in codebook order.
const (
	OpStart Op = iota
	OpEnd
	OpConst0
	OpConst1
	OpConst2
	OpConst10
	OpSlot0
	OpSlot1
	OpSlot2
	OpSlot3
	OpI32Add
	OpI32Sub
	OpI32Mul
	OpI32DivS
	OpI32RemS
	OpI32Eq
	OpI32Ne
	OpI32LtS
	OpI32GtS
	OpI32LeS
	OpI32GeS
	OpLoopBegin
	OpLoopEnd
	OpIfBegin
	OpElse
	OpIfEnd
	OpBr
	OpBrIf
	OpReturn
	OpLocalGet0
	OpLocalGet1
	OpLocalGet2
	OpLocalGet3
	OpLocalSet0
	OpLocalSet1
	OpLocalSet2
	OpLocalSet3
	OpLocalTee0
	OpLocalTee1
	OpLocalTee2
	OpLocalTee3
	OpLocalGet4
	OpLocalGet5
	OpLocalGet6
	OpLocalGet7
	OpLocalSet4
	OpLocalSet5
	OpLocalSet6
	OpLocalSet7
	OpLocalTee4
	OpLocalTee5
	OpLocalTee6
	OpLocalTee7
	OpMemLoad
	OpMemStore
	numOps
)

// Limits of the machine model.
const (
	NumSlots  = 4   // operands: SLOT_0..SLOT_3, the WASM function's parameters
	NumLocals = 8   // LOCAL_*_0..7, WASM locals after the parameters, zero at entry
	MaxStack  = 64  // deepest operand stack a valid program may build
	MaxLength = 512 // longest valid program, in opcodes
	// MemWords is the size of the memory MEM_LOAD and MEM_STORE address, in
	// i32 words: one 64 KiB WebAssembly page. Every run starts with it all
	// zero; an address outside 0..MemWords-1 traps.
	MemWords = 1 << 14
)

// Category groups opcodes for documentation and for models.
type Category uint8

const (
	CatFrame Category = iota
	CatConst
	CatSlot
	CatArith
	CatCompare
	CatControl
	CatLocal
	CatMemory
)

var catNames = [...]string{"frame", "constant", "slot", "arithmetic", "comparison", "control", "local", "memory"}

func (c Category) String() string {
	if int(c) < len(catNames) {
		return catNames[c]
	}
	return "category?"
}

// OpInfo describes one opcode.
type OpInfo struct {
	Op       Op
	Name     string   // text form, e.g. "I32_ADD"
	Category Category //
	Pops     int      // values taken from the stack
	Pushes   int      // values put on the stack
	WASM     string   // what it compiles to, in WAT
	Doc      string
	imm      int32 // constant value, slot index or local index
}

var codebook = [numOps]OpInfo{
	{OpStart, "START", CatFrame, 0, 0, "(func header)", "Opens the program; must be the first opcode and appears once.", 0},
	{OpEnd, "END", CatFrame, 1, 0, "end", "Closes the program; the single value left on the stack is the result.", 0},
	{OpConst0, "CONST_0", CatConst, 0, 1, "i32.const 0", "Pushes 0.", 0},
	{OpConst1, "CONST_1", CatConst, 0, 1, "i32.const 1", "Pushes 1.", 1},
	{OpConst2, "CONST_2", CatConst, 0, 1, "i32.const 2", "Pushes 2.", 2},
	{OpConst10, "CONST_10", CatConst, 0, 1, "i32.const 10", "Pushes 10.", 10},
	{OpSlot0, "SLOT_0", CatSlot, 0, 1, "local.get 0", "Pushes operand 0 (the function's first parameter).", 0},
	{OpSlot1, "SLOT_1", CatSlot, 0, 1, "local.get 1", "Pushes operand 1.", 1},
	{OpSlot2, "SLOT_2", CatSlot, 0, 1, "local.get 2", "Pushes operand 2.", 2},
	{OpSlot3, "SLOT_3", CatSlot, 0, 1, "local.get 3", "Pushes operand 3.", 3},
	{OpI32Add, "I32_ADD", CatArith, 2, 1, "i32.add", "a b → a+b, wrapping at 32 bits.", 0},
	{OpI32Sub, "I32_SUB", CatArith, 2, 1, "i32.sub", "a b → a-b, wrapping.", 0},
	{OpI32Mul, "I32_MUL", CatArith, 2, 1, "i32.mul", "a b → a*b, wrapping.", 0},
	{OpI32DivS, "I32_DIV_S", CatArith, 2, 1, "i32.div_s", "a b → a/b truncated toward zero; traps on b=0 and on INT_MIN/-1.", 0},
	{OpI32RemS, "I32_REM_S", CatArith, 2, 1, "i32.rem_s", "a b → remainder of a/b with the sign of a; traps on b=0.", 0},
	{OpI32Eq, "I32_EQ", CatCompare, 2, 1, "i32.eq", "a b → 1 if a=b else 0.", 0},
	{OpI32Ne, "I32_NE", CatCompare, 2, 1, "i32.ne", "a b → 1 if a≠b else 0.", 0},
	{OpI32LtS, "I32_LT_S", CatCompare, 2, 1, "i32.lt_s", "a b → 1 if a<b (signed) else 0.", 0},
	{OpI32GtS, "I32_GT_S", CatCompare, 2, 1, "i32.gt_s", "a b → 1 if a>b (signed) else 0.", 0},
	{OpI32LeS, "I32_LE_S", CatCompare, 2, 1, "i32.le_s", "a b → 1 if a≤b (signed) else 0.", 0},
	{OpI32GeS, "I32_GE_S", CatCompare, 2, 1, "i32.ge_s", "a b → 1 if a≥b (signed) else 0.", 0},
	{OpLoopBegin, "LOOP_BEGIN", CatControl, 0, 0, "block loop (+ fuel check)", "Starts a loop body. Each entry into the body, the first included, burns one unit of fuel.", 0},
	{OpLoopEnd, "LOOP_END", CatControl, 0, 0, "end end", "Ends a loop body; falling through it leaves the loop. The body must leave the stack as it found it.", 0},
	{OpIfBegin, "IF_BEGIN", CatControl, 1, 0, "if", "Pops a condition; runs the then-arm if it is nonzero, else the ELSE arm. The arms may leave one value (both of them) or none.", 0},
	{OpElse, "ELSE", CatControl, 0, 0, "else", "Separates the then-arm from the else-arm of the innermost IF.", 0},
	{OpIfEnd, "IF_END", CatControl, 0, 0, "end", "Closes the innermost IF.", 0},
	{OpBr, "BR", CatControl, 0, 0, "br (innermost loop)", "Jumps back to the start of the innermost loop (continue). Code after it in the same block is unreachable.", 0},
	{OpBrIf, "BR_IF", CatControl, 1, 0, "br_if (innermost loop)", "Pops a condition; if nonzero, jumps back to the start of the innermost loop (do-while).", 0},
	{OpReturn, "RETURN", CatControl, 1, 0, "return", "Returns the top of the stack as the program's result (early exit).", 0},
	{OpLocalGet0, "LOCAL_GET_0", CatLocal, 0, 1, "local.get", "Pushes local 0. Locals start at 0.", 0},
	{OpLocalGet1, "LOCAL_GET_1", CatLocal, 0, 1, "local.get", "Pushes local 1.", 1},
	{OpLocalGet2, "LOCAL_GET_2", CatLocal, 0, 1, "local.get", "Pushes local 2.", 2},
	{OpLocalGet3, "LOCAL_GET_3", CatLocal, 0, 1, "local.get", "Pushes local 3.", 3},
	{OpLocalSet0, "LOCAL_SET_0", CatLocal, 1, 0, "local.set", "Pops a value into local 0.", 0},
	{OpLocalSet1, "LOCAL_SET_1", CatLocal, 1, 0, "local.set", "Pops a value into local 1.", 1},
	{OpLocalSet2, "LOCAL_SET_2", CatLocal, 1, 0, "local.set", "Pops a value into local 2.", 2},
	{OpLocalSet3, "LOCAL_SET_3", CatLocal, 1, 0, "local.set", "Pops a value into local 3.", 3},
	{OpLocalTee0, "LOCAL_TEE_0", CatLocal, 1, 1, "local.tee", "Stores the top of the stack in local 0 and keeps it there.", 0},
	{OpLocalTee1, "LOCAL_TEE_1", CatLocal, 1, 1, "local.tee", "Stores the top of the stack in local 1, keeping it.", 1},
	{OpLocalTee2, "LOCAL_TEE_2", CatLocal, 1, 1, "local.tee", "Stores the top of the stack in local 2, keeping it.", 2},
	{OpLocalTee3, "LOCAL_TEE_3", CatLocal, 1, 1, "local.tee", "Stores the top of the stack in local 3, keeping it.", 3},
	// Locals 4..7 came later (the synthesizer's nested loops need them);
	// they follow the first four so that older opcode numbers stand.
	{OpLocalGet4, "LOCAL_GET_4", CatLocal, 0, 1, "local.get", "Pushes local 4.", 4},
	{OpLocalGet5, "LOCAL_GET_5", CatLocal, 0, 1, "local.get", "Pushes local 5.", 5},
	{OpLocalGet6, "LOCAL_GET_6", CatLocal, 0, 1, "local.get", "Pushes local 6.", 6},
	{OpLocalGet7, "LOCAL_GET_7", CatLocal, 0, 1, "local.get", "Pushes local 7.", 7},
	{OpLocalSet4, "LOCAL_SET_4", CatLocal, 1, 0, "local.set", "Pops a value into local 4.", 4},
	{OpLocalSet5, "LOCAL_SET_5", CatLocal, 1, 0, "local.set", "Pops a value into local 5.", 5},
	{OpLocalSet6, "LOCAL_SET_6", CatLocal, 1, 0, "local.set", "Pops a value into local 6.", 6},
	{OpLocalSet7, "LOCAL_SET_7", CatLocal, 1, 0, "local.set", "Pops a value into local 7.", 7},
	{OpLocalTee4, "LOCAL_TEE_4", CatLocal, 1, 1, "local.tee", "Stores the top of the stack in local 4, keeping it.", 4},
	{OpLocalTee5, "LOCAL_TEE_5", CatLocal, 1, 1, "local.tee", "Stores the top of the stack in local 5, keeping it.", 5},
	{OpLocalTee6, "LOCAL_TEE_6", CatLocal, 1, 1, "local.tee", "Stores the top of the stack in local 6, keeping it.", 6},
	{OpLocalTee7, "LOCAL_TEE_7", CatLocal, 1, 1, "local.tee", "Stores the top of the stack in local 7, keeping it.", 7},
	// Memory came last (arrays: power series, tables of earlier terms,
	// sieves, long arithmetic); older opcode numbers stand.
	{OpMemLoad, "MEM_LOAD", CatMemory, 1, 1, "i32.load (address × 4, checked)", "a → word a of memory. Memory holds MemWords words, all 0 when a run starts; an address outside 0..MemWords-1 traps.", 0},
	{OpMemStore, "MEM_STORE", CatMemory, 2, 0, "i32.store (address × 4, checked)", "a v → (nothing); stores v in word a of memory. An address outside 0..MemWords-1 traps.", 0},
}

var opByName = func() map[string]Op {
	m := make(map[string]Op, numOps)
	for i, info := range codebook {
		if info.Op != Op(i) {
			panic("ir: codebook out of order at " + info.Name)
		}
		m[info.Name] = Op(i)
	}
	return m
}()

// Ops returns every opcode in codebook order.
func Ops() []Op {
	ops := make([]Op, numOps)
	for i := range ops {
		ops[i] = Op(i)
	}
	return ops
}

// NumOps is the size of the codebook.
const NumOps = int(numOps)

// Info describes op. An opcode outside the codebook gets a zero OpInfo with
// Name "OP?".
func Info(op Op) OpInfo {
	if op >= numOps {
		return OpInfo{Op: op, Name: "OP?"}
	}
	return codebook[op]
}

// LookupOp finds an opcode by its text name ("I32_ADD").
func LookupOp(name string) (Op, bool) {
	op, ok := opByName[name]
	return op, ok
}

// Valid reports whether op is in the codebook.
func (op Op) Valid() bool { return op < numOps }

func (op Op) String() string { return Info(op).Name }

// LocalGet, LocalSet and LocalTee are the opcodes that read, write and
// write-and-keep local i (0 ≤ i < NumLocals).
func LocalGet(i int) Op { return localOp(i, OpLocalGet0, OpLocalGet4) }
func LocalSet(i int) Op { return localOp(i, OpLocalSet0, OpLocalSet4) }
func LocalTee(i int) Op { return localOp(i, OpLocalTee0, OpLocalTee4) }

func localOp(i int, lo, hi Op) Op {
	if i < 4 {
		return lo + Op(i)
	}
	return hi + Op(i-4)
}

// canon maps every LOCAL_GET_i to LOCAL_GET_0 (likewise SET and TEE), the
// opcode the interpreter and compiler switch on; the local's index is the
// opcode's Imm. Other opcodes map to themselves.
func (op Op) canon() Op {
	info := Info(op)
	if info.Category != CatLocal {
		return op
	}
	switch {
	case info.Pops == 0:
		return OpLocalGet0
	case info.Pushes == 0:
		return OpLocalSet0
	}
	return OpLocalTee0
}

// Imm is the opcode's built-in operand: the value of a CONST, the index of a
// SLOT or of a LOCAL opcode, zero otherwise.
func (op Op) Imm() int32 { return Info(op).imm }
