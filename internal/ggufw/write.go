// Package ggufw writes GGUF files: a small writer for the metadata and
// tensor layout of llama.cpp's format (version 3), and a generator of tiny
// random Llama models with a SentencePiece-style vocabulary, for tests and
// benchmarks of the GGUF encoder. No model can be downloaded where irsynth
// is tested, so its tests make their own. Only test code imports it.
package ggufw

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"sort"
)

// GGML tensor types written by this package.
const (
	F32  = 0
	F16  = 1
	Q8_0 = 8
	Q4_K = 12
	Q6_K = 14
	BF16 = 30
)

// Tensor is one tensor: its name, its dimensions (ne0 first: the length of
// a row), its GGML type and its data already in that type.
type Tensor struct {
	Name string
	Dims []uint64
	Type uint32
	Data []byte
}

// File is the content of a GGUF file. Metadata values may be string,
// uint32, int32, float32, bool, []string, []float32 or []int32.
type File struct {
	Metadata map[string]any
	Tensors  []Tensor
}

const alignment = 32

// Write writes f at path.
func (f *File) Write(path string) (err error) {
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
	}()
	w := bufio.NewWriter(fh)
	le := binary.LittleEndian
	var werr error
	put := func(v any) {
		if werr == nil {
			werr = binary.Write(w, le, v)
		}
	}
	str := func(s string) {
		put(uint64(len(s)))
		if werr == nil {
			_, werr = w.WriteString(s)
		}
	}
	put([4]byte{'G', 'G', 'U', 'F'})
	put(uint32(3))
	put(uint64(len(f.Tensors)))
	put(uint64(len(f.Metadata)))
	keys := make([]string, 0, len(f.Metadata))
	for k := range f.Metadata {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		str(k)
		switch v := f.Metadata[k].(type) {
		case string:
			put(uint32(8))
			str(v)
		case uint32:
			put(uint32(4))
			put(v)
		case int32:
			put(uint32(5))
			put(v)
		case float32:
			put(uint32(6))
			put(v)
		case bool:
			put(uint32(7))
			put(v)
		case []string:
			put(uint32(9))
			put(uint32(8))
			put(uint64(len(v)))
			for _, s := range v {
				str(s)
			}
		case []float32:
			put(uint32(9))
			put(uint32(6))
			put(uint64(len(v)))
			put(v)
		case []int32:
			put(uint32(9))
			put(uint32(5))
			put(uint64(len(v)))
			put(v)
		default:
			return fmt.Errorf("ggufw: metadata %s: unsupported type %T", k, v)
		}
	}
	var off uint64
	for _, t := range f.Tensors {
		str(t.Name)
		put(uint32(len(t.Dims)))
		for _, d := range t.Dims {
			put(d)
		}
		put(t.Type)
		put(off)
		off += pad(uint64(len(t.Data)))
	}
	if werr != nil {
		return werr
	}
	if err := w.Flush(); err != nil {
		return err
	}
	pos, err := fh.Seek(0, 1)
	if err != nil {
		return err
	}
	zeros := make([]byte, alignment)
	if _, err := w.Write(zeros[:pad(uint64(pos))-uint64(pos)]); err != nil {
		return err
	}
	for _, t := range f.Tensors {
		if _, err := w.Write(t.Data); err != nil {
			return err
		}
		if _, err := w.Write(zeros[:pad(uint64(len(t.Data)))-uint64(len(t.Data))]); err != nil {
			return err
		}
	}
	return w.Flush()
}

func pad(n uint64) uint64 { return (n + alignment - 1) / alignment * alignment }

// F32ToF16 rounds x to the nearest IEEE 754 half-precision value (ties to
// even), with overflow to infinity.
func F32ToF16(x float32) uint16 {
	b := math.Float32bits(x)
	sign := uint16(b>>16) & 0x8000
	exp := int(b>>23&0xff) - 127 + 15
	mant := b & 0x7fffff
	switch {
	case b&0x7fffffff > 0x7f800000: // NaN
		return sign | 0x7e00
	case exp >= 0x1f:
		return sign | 0x7c00
	case exp <= 0:
		if exp < -10 {
			return sign
		}
		mant |= 0x800000
		shift := uint32(14 - exp)
		h := mant >> shift
		rem := mant & (1<<shift - 1)
		half := uint32(1) << (shift - 1)
		if rem > half || rem == half && h&1 == 1 {
			h++
		}
		return sign | uint16(h)
	}
	h := uint32(exp)<<10 | mant>>13
	rem := mant & 0x1fff
	if rem > 0x1000 || rem == 0x1000 && h&1 == 1 {
		h++ // may carry into the exponent, which is right
	}
	return sign | uint16(h)
}

// Encode stores values as type typ (F32, F16, BF16 or Q8_0; len(values) a
// multiple of 32 for Q8_0, rounded as ggml's quantize_row_q8_0_ref).
func Encode(values []float32, typ uint32) ([]byte, error) {
	le := binary.LittleEndian
	switch typ {
	case F32:
		out := make([]byte, 4*len(values))
		for i, v := range values {
			le.PutUint32(out[4*i:], math.Float32bits(v))
		}
		return out, nil
	case F16:
		out := make([]byte, 2*len(values))
		for i, v := range values {
			le.PutUint16(out[2*i:], F32ToF16(v))
		}
		return out, nil
	case BF16: // the top 16 bits, rounded to nearest even
		out := make([]byte, 2*len(values))
		for i, v := range values {
			b := math.Float32bits(v)
			le.PutUint16(out[2*i:], uint16((b+0x7fff+(b>>16&1))>>16))
		}
		return out, nil
	case Q8_0:
		if len(values)%32 != 0 {
			return nil, fmt.Errorf("ggufw: Q8_0 needs a multiple of 32 values, got %d", len(values))
		}
		out := make([]byte, 0, len(values)/32*34)
		for b := 0; b < len(values); b += 32 {
			var amax float32
			for _, v := range values[b : b+32] {
				amax = max(amax, float32(math.Abs(float64(v))))
			}
			d := amax / 127
			id := float32(0)
			if d != 0 {
				id = 1 / d
			}
			out = le.AppendUint16(out, F32ToF16(d))
			for _, v := range values[b : b+32] {
				out = append(out, byte(int8(math.Round(float64(v*id)))))
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("ggufw: cannot encode type %d from floats", typ)
}
