package synth

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestDecoderMaskRollouts drives DecoderMask the way a decoder does, with
// random choices among the allowed tokens, and validates every sequence.
func TestDecoderMaskRollouts(t *testing.T) {
	vocab := []string{"<pad>", "<bos>", "<eos>"}
	for _, op := range ir.Ops() {
		vocab = append(vocab, op.String())
	}
	mask := DecoderMask(vocab, "<eos>", 64)
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 300; trial++ {
		var seq []string
		for {
			allow := mask(0, seq)
			var choices []int
			for i, a := range allow {
				if a {
					choices = append(choices, i)
				}
			}
			if len(choices) == 0 {
				t.Fatalf("nothing allowed after %v", seq)
			}
			c := choices[rng.IntN(len(choices))]
			if vocab[c] == "<eos>" {
				break
			}
			seq = append(seq, vocab[c])
			if len(seq) > 64 {
				t.Fatalf("sequence longer than the limit: %v", seq)
			}
		}
		if _, err := ir.ParseProgram("masked", strings.Join(seq, " ")); err != nil {
			t.Fatalf("masked sequence %v invalid: %v", seq, err)
		}
	}
}
