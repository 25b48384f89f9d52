package llama_test

import (
	"math"
	"testing"

	"github.com/irsynth/irsynth/internal/ggufw"
	"github.com/irsynth/irsynth/lib/models/internal/llama"
)

// TestF16RoundTrip: every half-precision value converts to float32 and back
// to itself, and rounding picks the nearer half (ties to even).
func TestF16RoundTrip(t *testing.T) {
	for h := range 1 << 16 {
		f := llama.F16ToF32(uint16(h))
		if f != f {
			continue // NaN payloads need not survive
		}
		if got := ggufw.F32ToF16(f); got != uint16(h) {
			t.Fatalf("half %#04x → %g → %#04x", h, f, got)
		}
	}
	for _, tc := range []struct {
		given  float32
		expect float32
	}{
		{1 + 1.0/2048, 1},            // tie: even mantissa
		{1 + 3.0/2048, 1 + 2.0/1024}, // tie: rounds up to even
		{1 + 1.0/2048 + 1.0/8192, 1 + 1.0/1024},
		{65520, float32(math.Inf(1))}, // beyond the largest half
		{1e-8, 0},                     // below the smallest subnormal / 2
		{-2.9802322e-08, float32(math.Copysign(0, -1))},
	} {
		if got := llama.F16ToF32(ggufw.F32ToF16(tc.given)); got != tc.expect {
			t.Errorf("half(%g) = %g, want %g", tc.given, got, tc.expect)
		}
	}
}
