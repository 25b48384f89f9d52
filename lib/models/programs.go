package models

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/ir"
)

// OpcodeVocab is the decoder vocabulary for IR programs: PAD, BOS, EOS,
// then every opcode name of the codebook.
func OpcodeVocab() []string {
	v := []string{PAD, BOS, EOS}
	for _, op := range ir.Ops() {
		v = append(v, op.String())
	}
	return v
}

// ProgramTokens returns the opcode names of a library program, START and
// END included.
func ProgramTokens(name string) ([]string, error) {
	spec, ok := ir.LibraryProgram(name)
	if !ok {
		return nil, fmt.Errorf("%w: program %q", dataset.ErrUnknownProgram, name)
	}
	out := make([]string, len(spec.Ops))
	for i, op := range spec.Ops {
		out[i] = op.String()
	}
	return out, nil
}

// SeqExamples pairs every request with its library program's opcodes, the
// decoder's targets.
func SeqExamples(exs []dataset.Example) ([]SeqExample, error) {
	out := make([]SeqExample, len(exs))
	cache := map[string][]string{}
	for i, ex := range exs {
		toks, ok := cache[ex.Program]
		if !ok {
			var err error
			if toks, err = ProgramTokens(ex.Program); err != nil {
				return nil, fmt.Errorf("example %d: %w", i, err)
			}
			cache[ex.Program] = toks
		}
		out[i] = SeqExample{Text: ex.Text, Tokens: toks}
	}
	return out, nil
}
