package ir_test

import (
	"errors"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

func TestValidate(t *testing.T) {
	cases := []struct {
		name     string
		given    string
		arity    int // -1: infer
		wantRule error
		wantMsg  string
	}{
		{"ok", "START SLOT_0 END", -1, nil, ""},
		{"underflow", "START CONST_1 I32_ADD END", -1, ir.ErrStackUnderflow, "op 2 I32_ADD: stack underflow: needs 2, has 1"},
		{"empty", "", -1, ir.ErrMissingStart, "op 0 : missing START: empty program"},
		{"no start", "CONST_1 END", -1, ir.ErrMissingStart, "op 0 CONST_1: missing START: a program begins with START"},
		{"no end", "START CONST_1", -1, ir.ErrMissingEnd, "op 1 CONST_1: missing END: a program ends with END"},
		{"end early", "START CONST_1 END CONST_1", -1, ir.ErrMisplaced, "op 2 END: START or END out of place: END must be the last opcode, 1 follow it"},
		{"second start", "START START CONST_1 END", -1, ir.ErrMisplaced, "op 1 START: START or END out of place: START may appear only at op 0"},
		{"unclosed loop", "START LOOP_BEGIN CONST_1 END", -1, ir.ErrUnbalanced, "op 3 END: unbalanced block: LOOP_BEGIN at op 1 is not closed"},
		{"stray loop end", "START LOOP_END CONST_1 END", -1, ir.ErrUnbalanced, "op 1 LOOP_END: unbalanced block: no block is open"},
		{"crossed blocks", "START CONST_1 IF_BEGIN LOOP_BEGIN IF_END LOOP_END CONST_1 END", -1, ir.ErrUnbalanced, "op 4 IF_END: unbalanced block: the open block is LOOP_BEGIN at op 3"},
		{"else outside if", "START ELSE CONST_1 END", -1, ir.ErrElseOutsideIf, "op 1 ELSE: ELSE outside IF: no IF_BEGIN is open"},
		{"two elses", "START CONST_1 IF_BEGIN ELSE ELSE IF_END CONST_1 END", -1, ir.ErrElseOutsideIf, "op 4 ELSE: ELSE outside IF: the IF at op 2 already has an ELSE"},
		{"loop leaves value", "START LOOP_BEGIN CONST_1 LOOP_END CONST_1 END", -1, ir.ErrStackHeight, "op 3 LOOP_END: wrong stack height: a loop body must leave the stack as it found it, leaves 1 value(s)"},
		{"if without else leaves value", "START CONST_1 IF_BEGIN CONST_1 IF_END END", -1, ir.ErrStackHeight, "op 4 IF_END: wrong stack height: an IF without ELSE must leave the stack as it found it, leaves 1 value(s)"},
		{"arms disagree", "START CONST_1 IF_BEGIN CONST_1 ELSE IF_END CONST_1 END", -1, ir.ErrStackHeight, "op 5 IF_END: wrong stack height: IF arms disagree: then leaves 1 value(s), else 0"},
		{"two results", "START CONST_1 CONST_1 END", -1, ir.ErrStackHeight, "op 3 END: wrong stack height: END needs exactly one value on the stack, has 2"},
		{"no result", "START END", -1, ir.ErrStackHeight, "op 1 END: wrong stack height: END needs exactly one value on the stack, has 0"},
		{"slot out of range", "START SLOT_1 END", 1, ir.ErrSlotRange, "op 1 SLOT_1: slot out of range: the program has 1 operand(s)"},
		{"br outside loop", "START BR CONST_1 END", -1, ir.ErrBranchOutside, "op 1 BR: branch outside loop: no LOOP_BEGIN is open"},
		{"underflow inside block", "START CONST_1 LOOP_BEGIN CONST_1 I32_ADD LOCAL_SET_0 LOOP_END END", -1, ir.ErrStackUnderflow, "op 4 I32_ADD: stack underflow: needs 2, has 1"},
		{"return then value", "START CONST_1 RETURN CONST_2 END", -1, nil, ""},
		{"return arm", "START SLOT_0 IF_BEGIN CONST_0 RETURN ELSE CONST_1 IF_END END", -1, nil, ""},
		{"value if", "START SLOT_0 IF_BEGIN CONST_0 ELSE CONST_1 IF_END END", -1, nil, ""},
		{"br in if in loop", "START LOOP_BEGIN CONST_0 IF_BEGIN BR IF_END LOOP_END CONST_1 END", -1, nil, ""},
		{"arity too big", "START SLOT_0 END", 5, ir.ErrArity, "op 0 START: arity out of range: arity 5, must be 0..4"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ops, err := ir.Parse(tc.given)
			if err != nil {
				t.Fatal(err)
			}
			p := ir.Program{Name: tc.name, Arity: tc.arity, Ops: ops}
			if tc.arity < 0 {
				p.Arity = ir.InferArity(ops)
			}
			err = ir.Validate(p)
			if tc.wantRule == nil {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			var ve *ir.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, tc.wantRule) {
				t.Fatalf("err = %v, want rule %v", err, tc.wantRule)
			}
			if err.Error() != tc.wantMsg {
				t.Fatalf("message\n got %q\nwant %q", err.Error(), tc.wantMsg)
			}
		})
	}
}

func TestStackTooDeep(t *testing.T) {
	ops := []ir.Op{ir.OpStart}
	for range ir.MaxStack + 1 {
		ops = append(ops, ir.OpConst1)
	}
	for range ir.MaxStack {
		ops = append(ops, ir.OpI32Add)
	}
	ops = append(ops, ir.OpEnd)
	err := ir.Validate(ir.Program{Ops: ops})
	if !errors.Is(err, ir.ErrStackTooDeep) {
		t.Fatalf("err = %v", err)
	}
}
