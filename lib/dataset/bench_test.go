package dataset

import "testing"

func BenchmarkGenerate(b *testing.B) {
	for _, s := range []Split{StudySplit(), ExpandedSplit()} {
		b.Run(s.Name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Generate(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Extract("What is 1 + 2 + ... + 50?")
	}
}
