package ir_test

import (
	"errors"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

func TestTextRoundTrip(t *testing.T) {
	for _, s := range ir.Library() {
		for _, text := range []string{s.String(), ir.FormatIndented(s.Ops)} {
			ops, err := ir.Parse(text)
			if err != nil {
				t.Fatalf("%s: %v", s.Name, err)
			}
			if got := ir.Format(ops); got != s.String() {
				t.Fatalf("%s: round trip\n got %s\nwant %s", s.Name, got, s.String())
			}
		}
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		name    string
		given   string
		want    string
		wantErr string
	}{
		{"comments", "START # begin\n  SLOT_0 # n\nEND", "START SLOT_0 END", ""},
		{"python list", "[START, CONST_1, END]", "START CONST_1 END", ""},
		{"unknown", "START CONST_3 END", "", "op 1 CONST_3: unknown opcode"},
		{"lower case", "START const_1 END", "", "op 1 const_1: unknown opcode: opcode names are upper case: CONST_1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ops, err := ir.Parse(tc.given)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr || !errors.Is(err, ir.ErrUnknownOpcode) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || ir.Format(ops) != tc.want {
				t.Fatalf("got %q, %v", ir.Format(ops), err)
			}
		})
	}
}

func TestFormatIndented(t *testing.T) {
	s, _ := ir.LibraryProgram("max_of_two")
	want := "START\nSLOT_0 SLOT_1 I32_GT_S IF_BEGIN\n  SLOT_0\nELSE\n  SLOT_1\nIF_END\nEND\n"
	if got := ir.FormatIndented(s.Ops); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestCodebook(t *testing.T) {
	study := []string{"START", "END", "CONST_0", "CONST_1", "CONST_2", "CONST_10", "SLOT_0", "SLOT_1", "SLOT_2", "SLOT_3",
		"I32_ADD", "I32_SUB", "I32_MUL", "I32_DIV_S", "I32_REM_S", "I32_EQ", "I32_NE", "I32_LT_S", "I32_GT_S", "I32_LE_S", "I32_GE_S",
		"LOOP_BEGIN", "LOOP_END", "IF_BEGIN", "ELSE", "IF_END", "BR", "BR_IF", "LOCAL_GET_0", "LOCAL_GET_1", "LOCAL_SET_0", "LOCAL_SET_1", "LOCAL_TEE_0"}
	for _, name := range study {
		op, ok := ir.LookupOp(name)
		if !ok || op.String() != name || ir.Info(op).Doc == "" {
			t.Errorf("study opcode %s missing or undocumented", name)
		}
	}
	if len(ir.Ops()) != ir.NumOps || ir.NumOps < 40 {
		t.Errorf("codebook has %d opcodes", ir.NumOps)
	}
}
