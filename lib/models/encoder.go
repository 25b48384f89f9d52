package models

import (
	"fmt"
	"hash/fnv"
	"math"
	"strings"
	"unicode"
)

// Encoder turns text into a fixed-width vector. Encoders are frozen: the
// same text always gives the same vector, and training never changes them.
//
// The study encoded requests with TinyLlama-1.1B's layer-12 hidden state
// (2048 wide), which cannot be downloaded here. To plug a pretrained model in
// later, load its weights from a local file in a type that implements
// Encoder (Name should identify model, layer and pooling, Dim its width) and
// pass it in ClassifierConfig.Encoder / DecoderConfig.Encoder; checkpoints
// record Name and Dim and refuse to load against a different encoder.
type Encoder interface {
	Name() string
	Dim() int
	Encode(text string) ([]float32, error)
}

// DefaultDim is the width of the default encoder, the study's 2048.
const DefaultDim = 2048

// HashEncoder is the default encoder: signed feature hashing of character
// 3-, 4- and 5-grams and of word unigrams and bigrams, L2-normalised. Digit
// runs are folded to one symbol, so the vector describes the wording, not
// the operand values. It needs no download and no training.
type HashEncoder struct{ dim int }

// NewHashEncoder returns a hashing encoder dim wide (0: DefaultDim).
func NewHashEncoder(dim int) *HashEncoder {
	if dim <= 0 {
		dim = DefaultDim
	}
	return &HashEncoder{dim: dim}
}

// DefaultEncoder is NewHashEncoder(DefaultDim).
func DefaultEncoder() Encoder { return NewHashEncoder(DefaultDim) }

// Name identifies the encoder and its width.
func (e *HashEncoder) Name() string { return fmt.Sprintf("hash-ngram-%d", e.dim) }

// Dim is the vector width.
func (e *HashEncoder) Dim() int { return e.dim }

// Encode returns the normalised feature vector of text.
func (e *HashEncoder) Encode(text string) ([]float32, error) {
	v := make([]float32, e.dim)
	words := tokenize(text)
	norm := " " + strings.Join(words, " ") + " "
	r := []rune(norm)
	for n := 3; n <= 5; n++ {
		for i := 0; i+n <= len(r); i++ {
			e.add(v, "c", string(r[i:i+n]))
		}
	}
	for i, w := range words {
		e.add(v, "w", w)
		if i > 0 {
			e.add(v, "b", words[i-1]+" "+w)
		}
	}
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s > 0 {
		inv := float32(1 / math.Sqrt(s))
		for i := range v {
			v[i] *= inv
		}
	}
	return v, nil
}

func (e *HashEncoder) add(v []float32, kind, feat string) {
	h := fnv.New64a()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(feat))
	s := h.Sum64()
	if s>>63 == 1 {
		v[s%uint64(e.dim)]--
	} else {
		v[s%uint64(e.dim)]++
	}
}

// tokenize lowercases text into words, "#" for each digit run, and one token
// per other symbol.
func tokenize(text string) []string {
	var out []string
	var cur []rune
	kind := 0 // 1 letters, 2 digits
	flush := func() {
		if len(cur) > 0 {
			if kind == 2 {
				out = append(out, "#")
			} else {
				out = append(out, string(cur))
			}
			cur = cur[:0]
		}
		kind = 0
	}
	for _, c := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(c):
			if kind != 1 {
				flush()
			}
			kind = 1
			cur = append(cur, c)
		case unicode.IsDigit(c):
			if kind != 2 {
				flush()
			}
			kind = 2
			cur = append(cur, c)
		case unicode.IsSpace(c):
			flush()
		default:
			flush()
			out = append(out, string(c))
		}
	}
	flush()
	return out
}

// batchEncoder is an Encoder that encodes many texts at once more cheaply
// than one by one (GGUFEncoder).
type batchEncoder interface {
	EncodeBatch(texts []string) ([][]float32, error)
}

// encodeAll encodes texts into one row-major matrix.
func encodeAll(enc Encoder, texts []string) ([]float32, error) {
	d := enc.Dim()
	out := make([]float32, 0, len(texts)*d)
	var batch [][]float32
	if be, ok := enc.(batchEncoder); ok && len(texts) > 1 {
		var err error
		if batch, err = be.EncodeBatch(texts); err != nil {
			return nil, err
		}
	}
	for i, t := range texts {
		var v []float32
		var err error
		if batch != nil {
			v = batch[i]
		} else {
			v, err = enc.Encode(t)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %s: text %d: %v", ErrEncoder, enc.Name(), i, err)
		}
		if len(v) != d {
			return nil, fmt.Errorf("%w: %s gave %d values for text %d, want %d", ErrEncoder, enc.Name(), len(v), i, d)
		}
		out = append(out, v...)
	}
	return out, nil
}
