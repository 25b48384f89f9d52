package llama

import (
	"container/heap"
	"fmt"
	"strings"
)

// Token types of tokenizer.ggml.token_type (llama.cpp's llama_token_type).
const (
	tokNormal      = 1
	tokUnknown     = 2
	tokControl     = 3
	tokUserDefined = 4
	tokUnused      = 5
	tokByte        = 6
)

// Vocab is a SentencePiece-style vocabulary read from GGUF metadata
// (tokenizer.ggml.model = "llama"), tokenized exactly as llama.cpp's
// llm_tokenizer_spm does: an optional leading space, spaces written as
// U+2581, UTF-8 characters merged pairwise, highest-scoring merge first
// (leftmost on ties), and characters outside the vocabulary spelled as
// <0xXX> byte tokens.
type Vocab struct {
	Tokens        []string
	scores        []float32
	types         []int32
	index         map[string]int32
	bytes         [256]int32
	BOS, EOS, UNK int32
	AddBOS        bool
	AddEOS        bool
	AddSpace      bool
}

// newVocab checks the metadata arrays and builds the lookup tables.
func newVocab(tokens []string, scores []float32, types []int32) (*Vocab, error) {
	if len(tokens) == 0 {
		return nil, fmt.Errorf("tokenizer.ggml.tokens is empty")
	}
	if len(scores) != len(tokens) {
		return nil, fmt.Errorf("tokenizer.ggml.scores has %d entries for %d tokens", len(scores), len(tokens))
	}
	if types == nil {
		types = make([]int32, len(tokens))
		for i := range types {
			types[i] = tokNormal
		}
	}
	if len(types) != len(tokens) {
		return nil, fmt.Errorf("tokenizer.ggml.token_type has %d entries for %d tokens", len(types), len(tokens))
	}
	v := &Vocab{Tokens: tokens, scores: scores, types: types, index: make(map[string]int32, len(tokens)),
		BOS: 1, EOS: 2, UNK: 0, AddBOS: true, AddSpace: true}
	for i, t := range tokens {
		if _, dup := v.index[t]; !dup {
			v.index[t] = int32(i)
		}
	}
	for b := range 256 {
		id, ok := v.index[fmt.Sprintf("<0x%02X>", b)]
		if !ok {
			id, ok = v.index[string([]byte{byte(b)})]
		}
		if !ok {
			id = -1
		}
		v.bytes[b] = id
	}
	return v, nil
}

// Encode returns the token ids of text, with BOS first when the vocabulary
// asks for it (tokenizer.ggml.add_bos_token, true by default) and EOS last
// when it asks for that. Special-token text such as "<s>" inside text is
// tokenized as plain text, as llama.cpp does without parse_special.
func (v *Vocab) Encode(text string) ([]int32, error) {
	var out []int32
	if v.AddBOS {
		out = append(out, v.BOS)
	}
	if text != "" {
		if v.AddSpace {
			text = " " + text
		}
		var err error
		if out, err = v.spm(strings.ReplaceAll(text, " ", "\u2581"), out); err != nil {
			return nil, err
		}
	}
	if v.AddEOS {
		out = append(out, v.EOS)
	}
	return out, nil
}

type symbol struct {
	start, n   int
	prev, next int
}

type bigram struct {
	left, right int
	score       float32
	size        int
}

type bigrams []bigram

func (q bigrams) Len() int { return len(q) }
func (q bigrams) Less(i, j int) bool {
	return q[i].score > q[j].score || q[i].score == q[j].score && q[i].left < q[j].left
}
func (q bigrams) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *bigrams) Push(x any)   { *q = append(*q, x.(bigram)) }
func (q *bigrams) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

// utf8Len is llama.cpp's unicode_len_utf8: a character's byte length from
// its first byte (continuation and invalid bytes count as one).
func utf8Len(b byte) int {
	return [16]int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4}[b>>4]
}

func (v *Vocab) spm(text string, out []int32) ([]int32, error) {
	var syms []symbol
	for off := 0; off < len(text); {
		n := min(utf8Len(text[off]), len(text)-off)
		syms = append(syms, symbol{start: off, n: n, prev: len(syms) - 1, next: len(syms) + 1})
		off += n
	}
	syms[len(syms)-1].next = -1
	revMerge := map[string][2]int{}
	q := &bigrams{}
	try := func(l, r int) {
		if l == -1 || r == -1 {
			return
		}
		s := text[syms[l].start : syms[r].start+syms[r].n]
		id, ok := v.index[s]
		if !ok {
			return
		}
		heap.Push(q, bigram{left: l, right: r, score: v.scores[id], size: len(s)})
		revMerge[s] = [2]int{l, r}
	}
	for i := 1; i < len(syms); i++ {
		try(i-1, i)
	}
	for q.Len() > 0 {
		b := heap.Pop(q).(bigram)
		l, r := &syms[b.left], &syms[b.right]
		if l.n == 0 || r.n == 0 || l.n+r.n != b.size {
			continue // stale: one side was merged since
		}
		l.n += r.n
		r.n = 0
		l.next = r.next
		if r.next >= 0 {
			syms[r.next].prev = b.left
		}
		try(l.prev, b.left)
		try(b.left, l.next)
	}
	var err error
	var resegment func(i int)
	resegment = func(i int) {
		s := text[syms[i].start : syms[i].start+syms[i].n]
		if id, ok := v.index[s]; ok {
			out = append(out, id)
			return
		}
		if p, ok := revMerge[s]; ok {
			resegment(p[0])
			resegment(p[1])
			return
		}
		for j := 0; j < len(s); j++ {
			id := v.bytes[s[j]]
			if id < 0 {
				err = fmt.Errorf("byte 0x%02X has no token and no <0x%02X> fallback", s[j], s[j])
				return
			}
			out = append(out, id)
		}
	}
	for i := 0; i != -1; i = syms[i].next {
		resegment(i)
	}
	return out, err
}

// Decode is the text of ids: pieces joined, U+2581 as space, byte tokens
// as their byte, control tokens dropped, the leading space of the first
// piece removed when the vocabulary adds one.
func (v *Vocab) Decode(ids []int32) string {
	var b strings.Builder
	for _, id := range ids {
		if id < 0 || int(id) >= len(v.Tokens) {
			continue
		}
		t := v.Tokens[id]
		switch v.types[id] {
		case tokControl, tokUnknown, tokUnused:
			continue
		case tokByte:
			var x byte
			if _, err := fmt.Sscanf(t, "<0x%02X>", &x); err == nil {
				b.WriteByte(x)
				continue
			}
		}
		b.WriteString(strings.ReplaceAll(t, "\u2581", " "))
	}
	s := b.String()
	if v.AddSpace {
		s = strings.TrimPrefix(s, " ")
	}
	return s
}
