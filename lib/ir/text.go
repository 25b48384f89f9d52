package ir

import (
	"strings"
)

// Token is one opcode name in a program's text, with its byte offsets:
// text[Start:End] == Text.
type Token struct {
	Text       string
	Start, End int
}

// Tokens splits the text form of a program into its opcode names, as Parse
// reads them: separated by white space, commas or the brackets of a pasted
// list, with '#' starting a comment that runs to the end of the line. The
// i-th token is the one a *ValidationError with Index i points at, so an
// editor can highlight it.
func Tokens(text string) []Token {
	var out []Token
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		code := line
		if i := strings.IndexByte(code, '#'); i >= 0 {
			code = code[:i]
		}
		start := -1
		for j, r := range code + " " {
			sep := isSep(r) || r == '\n'
			if !sep && start < 0 {
				start = j
			}
			if sep && start >= 0 {
				out = append(out, Token{Text: code[start:j], Start: off + start, End: off + j})
				start = -1
			}
		}
		off += len(line)
	}
	return out
}

// Parse reads the text form of a program (see Tokens for its lexical
// rules). An unknown name is a *ValidationError (ErrUnknownOpcode) giving
// its token index. Parse does not validate the program's structure;
// Validate does.
func Parse(text string) ([]Op, error) {
	var ops []Op
	for _, t := range Tokens(text) {
		tok := t.Text
		op, ok := LookupOp(tok)
		if !ok {
			if up := strings.ToUpper(tok); up != tok {
				if _, ok := LookupOp(up); ok {
					return nil, verr(len(ops), tok, ErrUnknownOpcode, "opcode names are upper case: %s", up)
				}
			}
			return nil, &ValidationError{Index: len(ops), Op: tok, Rule: ErrUnknownOpcode}
		}
		ops = append(ops, op)
	}
	return ops, nil
}

func isSep(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\v', '\f', ',', '[', ']':
		return true
	}
	return false
}

// ParseProgram parses text, infers the arity from the highest SLOT read and
// validates the result.
func ParseProgram(name, text string) (Program, error) {
	ops, err := Parse(text)
	if err != nil {
		return Program{}, err
	}
	return NewProgram(name, ops)
}

// MustParse is ParseProgram for programs known to be valid (tables, tests);
// it panics on error.
func MustParse(name, text string) Program {
	p, err := ParseProgram(name, text)
	if err != nil {
		panic("ir: " + name + ": " + err.Error())
	}
	return p
}

// Format writes ops as canonical one-line text: names separated by single
// spaces. Parse(Format(ops)) returns ops.
func Format(ops []Op) string {
	var b strings.Builder
	for i, op := range ops {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(op.String())
	}
	return b.String()
}

// FormatIndented writes ops one statement a line, indented two spaces per
// open block (see Lines). Parse reads it back to the same opcodes.
func FormatIndented(ops []Op) string {
	var b strings.Builder
	for _, l := range Lines(ops) {
		b.WriteString(strings.Repeat("  ", l.Depth))
		b.WriteString(Format(ops[l.Start:l.End]))
		b.WriteByte('\n')
	}
	return b.String()
}

// Line is one statement of FormatIndented's layout: opcodes
// ops[Start:End] at an indentation of Depth open blocks.
type Line struct {
	Depth, Start, End int
}

// Lines lays ops out as FormatIndented prints them. A statement is a run of
// opcodes ending in one that leaves the stack at its block's base (a store,
// a branch, a block boundary), so "LOCAL_GET_0 CONST_1 I32_ADD LOCAL_SET_0"
// stays on one line.
func Lines(ops []Op) []Line {
	var out []Line
	depth, height, start := 0, 0, 0
	flush := func(end int) {
		if end > start {
			out = append(out, Line{Depth: depth, Start: start, End: end})
		}
		start = end
	}
	for i, op := range ops {
		info := Info(op)
		switch op {
		case OpStart, OpEnd:
			flush(i)
			flush(i + 1)
			height = 0
			continue
		case OpLoopEnd, OpIfEnd, OpElse:
			flush(i)
			depth = max(depth-1, 0) // unbalanced text still prints
			flush(i + 1)
			if op == OpElse {
				depth++
			}
			continue
		}
		height += info.Pushes - info.Pops
		if op == OpLoopBegin || op == OpIfBegin {
			flush(i + 1)
			depth++
			height = 0
			continue
		}
		if height <= 0 {
			flush(i + 1)
			height = 0
		}
	}
	flush(len(ops))
	return out
}
