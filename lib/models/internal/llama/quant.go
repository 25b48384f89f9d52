package llama

import (
	"encoding/binary"
	"math"
)

// GGML tensor types the loader reads (ggml.h's enum ggml_type).
const (
	typeF32  = 0
	typeF16  = 1
	typeQ8_0 = 8
	typeQ4_K = 12
	typeQ6_K = 14
	typeBF16 = 30
)

// format is one tensor type's block layout: block values per block of
// bytes, and the function that expands one block into float32.
type format struct {
	name   string
	block  int // values per block
	bytes  int // bytes per block
	decode func(dst []float32, src []byte)
}

var formats = map[uint32]format{
	typeF32:  {"F32", 1, 4, func(d []float32, s []byte) { d[0] = math.Float32frombits(binary.LittleEndian.Uint32(s)) }},
	typeF16:  {"F16", 1, 2, func(d []float32, s []byte) { d[0] = F16ToF32(binary.LittleEndian.Uint16(s)) }},
	typeBF16: {"BF16", 1, 2, func(d []float32, s []byte) { d[0] = math.Float32frombits(uint32(binary.LittleEndian.Uint16(s)) << 16) }},
	typeQ8_0: {"Q8_0", 32, 34, decodeQ8_0},
	typeQ4_K: {"Q4_K", 256, 144, decodeQ4K},
	typeQ6_K: {"Q6_K", 256, 210, decodeQ6K},
}

// dequantize expands n values of type f from src into dst (len n).
func (f format) dequantize(dst []float32, src []byte) {
	for i, o := 0, 0; i < len(dst); i, o = i+f.block, o+f.bytes {
		f.decode(dst[i:i+f.block], src[o:o+f.bytes])
	}
}

// F16ToF32 converts an IEEE 754 half-precision value to float32, exactly.
func F16ToF32(h uint16) float32 {
	sign := uint32(h>>15) << 31
	exp := uint32(h>>10) & 0x1f
	mant := uint32(h) & 0x3ff
	switch {
	case exp == 0 && mant == 0:
		return math.Float32frombits(sign)
	case exp == 0: // subnormal: normalise
		e := uint32(127 - 15 + 1)
		for mant&0x400 == 0 {
			mant <<= 1
			e--
		}
		mant &= 0x3ff
		return math.Float32frombits(sign | e<<23 | mant<<13)
	case exp == 0x1f:
		return math.Float32frombits(sign | 0xff<<23 | mant<<13)
	}
	return math.Float32frombits(sign | (exp+127-15)<<23 | mant<<13)
}

// decodeQ8_0: a float16 scale d, then 32 signed bytes q; x = d·q.
func decodeQ8_0(dst []float32, src []byte) {
	d := F16ToF32(binary.LittleEndian.Uint16(src))
	for i := range 32 {
		dst[i] = d * float32(int8(src[2+i]))
	}
}

// decodeQ4K: super-block of 256 values in 8 groups of 32, each with a 6-bit
// scale and min (12 packed bytes) under the float16 d and dmin; 4-bit
// quants, two groups sharing each 32 bytes (ggml-quants.c,
// dequantize_row_q4_K).
func decodeQ4K(dst []float32, src []byte) {
	d := F16ToF32(binary.LittleEndian.Uint16(src))
	dmin := F16ToF32(binary.LittleEndian.Uint16(src[2:]))
	scales := src[4:16]
	q := src[16:144]
	scaleMin := func(j int) (float32, float32) {
		if j < 4 {
			return float32(scales[j] & 63), float32(scales[j+4] & 63)
		}
		sc := scales[j+4]&0xf | (scales[j-4]>>6)<<4
		m := scales[j+4]>>4 | (scales[j]>>6)<<4
		return float32(sc), float32(m)
	}
	y := dst
	for j, is := 0, 0; j < 256; j, is = j+64, is+2 {
		sc1, m1 := scaleMin(is)
		sc2, m2 := scaleMin(is + 1)
		d1, mm1 := d*sc1, dmin*m1
		d2, mm2 := d*sc2, dmin*m2
		for l := range 32 {
			y[l] = d1*float32(q[l]&0xf) - mm1
			y[32+l] = d2*float32(q[l]>>4) - mm2
		}
		y, q = y[64:], q[32:]
	}
}

// decodeQ6K: 256 values of 6 bits (low 4 in ql, high 2 in qh) with 16 signed
// 8-bit group scales under a float16 d (ggml-quants.c, dequantize_row_q6_K).
func decodeQ6K(dst []float32, src []byte) {
	ql := src[0:128]
	qh := src[128:192]
	sc := src[192:208]
	d := F16ToF32(binary.LittleEndian.Uint16(src[208:]))
	y := dst
	for n := 0; n < 256; n += 128 {
		for l := range 32 {
			is := l / 16
			q1 := int8(ql[l]&0xf|((qh[l]>>0)&3)<<4) - 32
			q2 := int8(ql[l+32]&0xf|((qh[l]>>2)&3)<<4) - 32
			q3 := int8(ql[l]>>4|((qh[l]>>4)&3)<<4) - 32
			q4 := int8(ql[l+32]>>4|((qh[l]>>6)&3)<<4) - 32
			y[l] = d * float32(int8(sc[is])) * float32(q1)
			y[l+32] = d * float32(int8(sc[is+2])) * float32(q2)
			y[l+64] = d * float32(int8(sc[is+4])) * float32(q3)
			y[l+96] = d * float32(int8(sc[is+6])) * float32(q4)
		}
		y, ql, qh, sc = y[128:], ql[64:], qh[32:], sc[8:]
	}
}
