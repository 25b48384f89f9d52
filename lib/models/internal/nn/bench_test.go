package nn

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkTransformerStep times one training step (forward, backward,
// Adam) at the study's decoder size.
func BenchmarkTransformerStep(b *testing.B) {
	for _, L := range []int{32, 64} {
		b.Run(fmt.Sprintf("batch32_len%d", L), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			tr, err := NewTransformer(TransformerConfig{Vocab: 50, Dim: 256, Heads: 4, Layers: 3, FF: 1024, MaxLen: 64, CondDim: 2048, Dropout: 0.1}, rng)
			if err != nil {
				b.Fatal(err)
			}
			gr, err := tr.Graph(32, L, true)
			if err != nil {
				b.Fatal(err)
			}
			defer gr.Close()
			for i := 0; i < 32*L; i++ {
				gr.Inputs["tokens"][i] = float32(rng.IntN(50))
				gr.Inputs["target"][i] = float32(rng.IntN(50))
			}
			opt := NewAdam(1e-3)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := gr.Run(opt, rng); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(32*L*b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
