package ir_test

import (
	"slices"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestTokens: offsets point at each opcode name in the text, comments and
// separators are skipped, and the tokens are the ones Parse reads.
func TestTokens(t *testing.T) {
	text := "START # é comment SLOT_9\n  [SLOT_0,CONST_2]\tI32_MUL\r\nEND"
	want := []ir.Token{{"START", 0, 5}, {"SLOT_0", 29, 35}, {"CONST_2", 36, 43}, {"I32_MUL", 45, 52}, {"END", 54, 57}}
	got := ir.Tokens(text)
	if !slices.Equal(got, want) {
		t.Fatalf("Tokens = %v, want %v", got, want)
	}
	for _, tok := range got {
		if text[tok.Start:tok.End] != tok.Text {
			t.Errorf("text[%d:%d] = %q, token %q", tok.Start, tok.End, text[tok.Start:tok.End], tok.Text)
		}
	}
	ops, err := ir.Parse(text)
	if err != nil || len(ops) != len(got) {
		t.Fatalf("Parse: %d ops, %v; %d tokens", len(ops), err, len(got))
	}
	for i, op := range ops {
		if op.String() != got[i].Text {
			t.Errorf("op %d: Parse read %s, token %s", i, op, got[i].Text)
		}
	}
	if len(ir.Tokens("# only a comment\n\n")) != 0 {
		t.Errorf("a comment has tokens")
	}
}
