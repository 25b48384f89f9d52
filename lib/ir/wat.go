package ir

import (
	"fmt"
	"strings"
)

var watNames = map[byte]string{
	wUnreachable: "unreachable", wBlock: "block", wLoop: "loop", wIf: "if", wElse: "else", wEnd: "end",
	wBr: "br", wBrIf: "br_if", wReturn: "return", wLocalGet: "local.get", wLocalSet: "local.set",
	wLocalTee: "local.tee", wGlobalGet: "global.get", wGlobalSet: "global.set", wI32Const: "i32.const",
	wI32Eqz: "i32.eqz", wI32Eq: "i32.eq", wI32Ne: "i32.ne", wI32LtS: "i32.lt_s", wI32GtS: "i32.gt_s",
	wI32LeS: "i32.le_s", wI32GeS: "i32.ge_s", wI32Add: "i32.add", wI32Sub: "i32.sub", wI32Mul: "i32.mul",
	wI32DivS: "i32.div_s", wI32RemS: "i32.rem_s", wI32Or: "i32.or", wI32And: "i32.and", wI32ShrS: "i32.shr_s", wI32ShrU: "i32.shr_u",
	wSelect: "select", wI32Shl: "i32.shl", wI32LtU: "i32.lt_u", wI32Load: "i32.load", wI32Store: "i32.store",
	wMiscPrefix: "memory.fill",
}

// WAT returns the WebAssembly text of the module Compile builds for p, each
// instruction annotated with the IR opcode it came from. wat2wasm turns it
// back into exactly the bytes Compile returns.
func WAT(p Program) (string, error) {
	return watOf(p, nil, CompileOptions{})
}

// WATConst is WAT for the study's form (CompileConst).
func WATConst(p Program, args []int32) (string, error) {
	if len(args) != p.Arity {
		return "", argsError(p, len(args))
	}
	if args == nil {
		args = []int32{}
	}
	return watOf(p, args, CompileOptions{})
}

func watOf(p Program, consts []int32, opt CompileOptions) (string, error) {
	m, err := lower(p, consts, opt)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, ";; %s: %d operand(s), %d IR opcodes\n", nameOf(p), p.Arity, len(p.Ops))
	sig := strings.Repeat(" i32", m.params)
	if sig != "" {
		sig = " (param" + sig + ")"
	}
	sig += " (result i32)"
	fmt.Fprintf(&b, "(module\n  (type (;0;) (func%s))\n  (func (;0;) (type 0)%s ;; 0 START\n", sig, sig)
	if m.locals > 0 {
		fmt.Fprintf(&b, "    (local%s)\n", strings.Repeat(" i32", m.locals))
	}
	depth, last := 2, [2]int32{-2, -2}
	body := m.body[:len(m.body)-1] // the last end closes the function
	for _, in := range body {
		if in.code == wEnd || in.code == wElse {
			depth--
		}
		line := strings.Repeat("  ", depth) + watNames[in.code]
		switch in.code {
		case wI32Const, wLocalGet, wLocalSet, wLocalTee, wGlobalGet, wGlobalSet, wBr, wBrIf:
			line += fmt.Sprintf(" %d", in.imm)
		case wIf, wBlock, wLoop:
			if in.imm == blockI32 {
				line += " (result i32)"
			}
		}
		if r := [2]int32{in.ir0, in.ir1}; r != last {
			switch {
			case in.ir0 < 0:
				line = fmt.Sprintf("%-32s;; fuel", line)
			case in.ir0 == in.ir1:
				line = fmt.Sprintf("%-32s;; %d %s", line, in.ir0, p.Ops[in.ir0])
			default:
				line = fmt.Sprintf("%-32s;; %d-%d %s", line, in.ir0, in.ir1, Format(p.Ops[in.ir0:in.ir1+1]))
			}
			last = r
		}
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
		if in.code == wBlock || in.code == wLoop || in.code == wIf || in.code == wElse {
			depth++
		}
	}
	fmt.Fprintf(&b, "  ) ;; %d END\n", len(p.Ops)-1)
	if m.memory {
		b.WriteString("  (memory (;0;) 1 1)\n")
	}
	fmt.Fprintf(&b, "  (global (;0;) (mut i32) (i32.const %d))\n  (global (;1;) (mut i32) (i32.const 0))\n", m.fuel)
	fmt.Fprintf(&b, "  (export %q (func 0))\n  (export %q (global 0))\n  (export %q (global 1)))\n", ExportRun, ExportFuel, ExportStop)
	return b.String(), nil
}
