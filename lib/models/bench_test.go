package models

import (
	"fmt"
	"testing"
)

// BenchmarkDecoderTrainStep trains the study-size decoder (embedding 256,
// 4 heads, 3 layers, feed-forward 1024, batch 32) and reports tokens/s.
func BenchmarkDecoderTrainStep(b *testing.B) {
	for _, L := range []int{32, 64} {
		b.Run(fmt.Sprintf("batch32_len%d", L), func(b *testing.B) {
			tp, err := DecoderThroughput(DecoderConfig{}, L, 50, 1, b.N)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(tp.TokensPerSec, "tokens/s")
		})
	}
}

// BenchmarkClassifierEpoch trains the study's classifier for one epoch of
// 800 examples.
func BenchmarkClassifierEpoch(b *testing.B) {
	train := easyExamples(800, 1)
	for i := 0; i < b.N; i++ {
		if _, err := TrainClassifier(train, ClassifierConfig{Epochs: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
