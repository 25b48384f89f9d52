package nn

import "math"

// expf is e^x in float32 arithmetic: range reduction x = n·ln2 + r with
// |r| ≤ ln2/2, a degree-6 polynomial for e^r, and 2^n put in the exponent.
// It is within 2 ulp of math.Exp rounded to float32 (tested), and several
// times faster; softmax spends most of its time here.
func expf(x float32) float32 {
	const (
		log2e = 1.44269504088896341
		ln2hi = 0.693359375
		ln2lo = -2.12194440e-4
	)
	if x != x {
		return x // NaN
	}
	if x > 88.3762626647949 {
		return float32(math.Inf(1))
	}
	if x < -87.3365447504019 {
		return 0 // below the smallest normal float32; softmax loses nothing
	}
	n := float32(math.Floor(float64(x*log2e + 0.5)))
	r := x - n*ln2hi - n*ln2lo
	// Taylor coefficients 1/k! (Cephes expf)
	p := float32(1.9875691500e-4)
	p = p*r + 1.3981999507e-3
	p = p*r + 8.3334519073e-3
	p = p*r + 4.1665795894e-2
	p = p*r + 1.6666665459e-1
	p = p*r + 5.0000001201e-1
	y := p*r*r + r + 1
	return math.Float32frombits(math.Float32bits(y) + uint32(int32(n))<<23)
}
