package llama

import (
	"errors"
	"fmt"
	"io"
	"os"

	gguf "github.com/gpustack/gguf-parser-go"
)

// ErrModel is the cause of every error Open returns; messages name the
// file and what is wrong with it.
var ErrModel = errors.New("llama")

// Config is the shape of a Llama model, from the GGUF metadata.
type Config struct {
	Vocab    int     // tokens
	Embd     int     // llama.embedding_length
	Layers   int     // llama.block_count
	Heads    int     // llama.attention.head_count
	HeadsKV  int     // llama.attention.head_count_kv (grouped-query attention when < Heads)
	FF       int     // llama.feed_forward_length
	RopeDim  int     // llama.rope.dimension_count (default: head width)
	RopeBase float32 // llama.rope.freq_base (default 10000)
	Eps      float32 // llama.attention.layer_norm_rms_epsilon
	Context  int     // llama.context_length
}

// HeadDim is the width of one attention head.
func (c Config) HeadDim() int { return c.Embd / c.Heads }

// Model is a Llama model's token embeddings and its first Layers
// transformer blocks, as float32, with its vocabulary.
type Model struct {
	Path   string
	Config Config
	Layers int // blocks loaded and run (≤ Config.Layers)
	Vocab  *Vocab
	// WeightBytes is the float32 size of the weights held (the embedding
	// table stays in its file type and is expanded row by row).
	WeightBytes int64

	embd       []byte // token_embd.weight in its file type
	embdFormat format
	blocks     []block
	outNorm    []float32 // output_norm.weight, nil when absent
}

type block struct {
	attnNorm, ffnNorm []float32
	wq, wk, wv, wo    []float32 // [out][in]
	gate, up, down    []float32
}

// Open reads the metadata, the vocabulary, the token embeddings and blocks
// 0..layers-1 of the GGUF file at path (layers ≤ 0 or more than the model
// has: all of them). Tensors are read one at a time and expanded to
// float32, so the file is never held in memory whole.
func Open(path string, layers int) (m *Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("%w: %s: cannot read: %v", ErrModel, path, r)
		}
	}()
	fail := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrModel, path, fmt.Sprintf(format, a...))
	}
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fail("no such file")
		}
		return nil, fail("%v", err)
	}
	if st.IsDir() {
		return nil, fail("is a directory, not a GGUF file")
	}
	gf, err := gguf.ParseGGUFFile(path)
	if err != nil {
		return nil, fail("not a readable GGUF file: %v", err)
	}
	kv := gf.Header.MetadataKV
	str := func(key string) string {
		if v, ok := kv.Get(key); ok && v.ValueType == gguf.GGUFMetadataValueTypeString {
			return v.ValueString()
		}
		return ""
	}
	arch := str("general.architecture")
	if arch != "llama" {
		if arch == "" {
			return nil, fail("no general.architecture in the metadata; want a Llama model")
		}
		return nil, fail("architecture %q is not supported; want llama", arch)
	}
	num := func(key string, def int, required bool) (int, error) {
		v, ok := kv.Get(key)
		if !ok {
			if required {
				return 0, fail("metadata %s is missing", key)
			}
			return def, nil
		}
		if !v.ValueType.IsNumeric() {
			return 0, fail("metadata %s is a %v, want a number", key, v.ValueType)
		}
		n := gguf.ValueNumeric[int64](v)
		if n < 0 || n > 1<<30 {
			return 0, fail("metadata %s = %d is out of range", key, n)
		}
		return int(n), nil
	}
	flt := func(key string, def float32) float32 {
		if v, ok := kv.Get(key); ok && v.ValueType.IsNumeric() {
			return gguf.ValueNumeric[float32](v)
		}
		return def
	}
	var c Config
	for _, f := range []struct {
		p        *int
		key      string
		def      int
		required bool
	}{
		{&c.Embd, "llama.embedding_length", 0, true},
		{&c.Layers, "llama.block_count", 0, true},
		{&c.Heads, "llama.attention.head_count", 0, true},
		{&c.FF, "llama.feed_forward_length", 0, true},
		{&c.Context, "llama.context_length", 2048, false},
	} {
		if *f.p, err = num(f.key, f.def, f.required); err != nil {
			return nil, err
		}
	}
	if c.HeadsKV, err = num("llama.attention.head_count_kv", c.Heads, false); err != nil {
		return nil, err
	}
	if c.Embd == 0 || c.Heads == 0 || c.HeadsKV == 0 || c.Layers == 0 || c.FF == 0 ||
		c.Embd%c.Heads != 0 || c.Heads%c.HeadsKV != 0 {
		return nil, fail("inconsistent shape: %d wide, %d heads, %d key/value heads, %d layers, feed-forward %d", c.Embd, c.Heads, c.HeadsKV, c.Layers, c.FF)
	}
	if c.RopeDim, err = num("llama.rope.dimension_count", c.HeadDim(), false); err != nil {
		return nil, err
	}
	if c.RopeDim > c.HeadDim() || c.RopeDim%2 != 0 {
		return nil, fail("rope dimension %d does not fit heads %d wide", c.RopeDim, c.HeadDim())
	}
	if v, ok := kv.Get("llama.rope.scaling.type"); ok && v.ValueType == gguf.GGUFMetadataValueTypeString && v.ValueString() != "none" && v.ValueString() != "" {
		return nil, fail("rope scaling %q is not supported", v.ValueString())
	}
	c.RopeBase = flt("llama.rope.freq_base", 10000)
	c.Eps = flt("llama.attention.layer_norm_rms_epsilon", 1e-5)

	vocab, err := readVocab(kv)
	if err != nil {
		return nil, fail("%v", err)
	}
	c.Vocab = len(vocab.Tokens)

	if layers <= 0 || layers > c.Layers {
		layers = c.Layers
	}
	m = &Model{Path: path, Config: c, Layers: layers, Vocab: vocab}

	f, err := os.Open(path)
	if err != nil {
		return nil, fail("%v", err)
	}
	defer f.Close()
	infos := map[string]gguf.GGUFTensorInfo{}
	for _, ti := range gf.TensorInfos {
		infos[ti.Name] = ti
	}
	// read returns the raw bytes of tensor name after checking its shape.
	read := func(name string, dims ...int) ([]byte, format, error) {
		ti, ok := infos[name]
		if !ok {
			return nil, format{}, fail("tensor %s is missing", name)
		}
		ft, ok := formats[uint32(ti.Type)]
		if !ok {
			return nil, format{}, fail("tensor %s has type %v, which is not supported (F32, F16, BF16, Q8_0, Q4_K and Q6_K are)", name, ti.Type)
		}
		if len(ti.Dimensions) != len(dims) {
			return nil, format{}, fail("tensor %s has shape %v, want %v", name, ti.Dimensions, dims)
		}
		n := int64(1)
		for i, d := range dims {
			if ti.Dimensions[i] != uint64(d) {
				return nil, format{}, fail("tensor %s has shape %v, want %v", name, ti.Dimensions, dims)
			}
			n *= int64(d)
		}
		if dims[0]%ft.block != 0 {
			return nil, format{}, fail("tensor %s: rows of %d values do not fill %s blocks of %d", name, dims[0], ft.name, ft.block)
		}
		size := n / int64(ft.block) * int64(ft.bytes)
		off := gf.TensorDataStartOffset + int64(ti.Offset)
		if ti.Offset > uint64(st.Size()) || off+size > st.Size() {
			return nil, format{}, fail("truncated: tensor %s needs bytes %d..%d, the file has %d", name, off, off+size, st.Size())
		}
		buf := make([]byte, size)
		if _, err := f.ReadAt(buf, off); err != nil && !(errors.Is(err, io.EOF) && off+size == st.Size()) {
			return nil, format{}, fail("reading tensor %s: %v", name, err)
		}
		return buf, ft, nil
	}
	load := func(name string, dims ...int) ([]float32, error) {
		raw, ft, err := read(name, dims...)
		if err != nil {
			return nil, err
		}
		n := 1
		for _, d := range dims {
			n *= d
		}
		out := make([]float32, n)
		ft.dequantize(out, raw)
		m.WeightBytes += int64(4 * n)
		return out, nil
	}
	if m.embd, m.embdFormat, err = read("token_embd.weight", c.Embd, c.Vocab); err != nil {
		return nil, err
	}
	m.WeightBytes += int64(len(m.embd))
	if _, ok := infos["output_norm.weight"]; ok {
		if m.outNorm, err = load("output_norm.weight", c.Embd); err != nil {
			return nil, err
		}
	}
	kvDim := c.HeadsKV * c.HeadDim()
	m.blocks = make([]block, layers)
	for i := range m.blocks {
		b := &m.blocks[i]
		p := fmt.Sprintf("blk.%d.", i)
		for _, t := range []struct {
			dst  *[]float32
			name string
			dims []int
		}{
			{&b.attnNorm, "attn_norm.weight", []int{c.Embd}},
			{&b.wq, "attn_q.weight", []int{c.Embd, c.Embd}},
			{&b.wk, "attn_k.weight", []int{c.Embd, kvDim}},
			{&b.wv, "attn_v.weight", []int{c.Embd, kvDim}},
			{&b.wo, "attn_output.weight", []int{c.Embd, c.Embd}},
			{&b.ffnNorm, "ffn_norm.weight", []int{c.Embd}},
			{&b.gate, "ffn_gate.weight", []int{c.Embd, c.FF}},
			{&b.up, "ffn_up.weight", []int{c.Embd, c.FF}},
			{&b.down, "ffn_down.weight", []int{c.FF, c.Embd}},
		} {
			if *t.dst, err = load(p+t.name, t.dims...); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

// readVocab builds the vocabulary from tokenizer.ggml.* metadata.
func readVocab(kv gguf.GGUFMetadataKVs) (*Vocab, error) {
	model := ""
	if v, ok := kv.Get("tokenizer.ggml.model"); ok && v.ValueType == gguf.GGUFMetadataValueTypeString {
		model = v.ValueString()
	}
	if model != "llama" {
		return nil, fmt.Errorf("tokenizer %q is not supported; want llama (SentencePiece)", model)
	}
	arr := func(key string, elem gguf.GGUFMetadataValueType) (gguf.GGUFMetadataKVArrayValue, bool, error) {
		v, ok := kv.Get(key)
		if !ok {
			return gguf.GGUFMetadataKVArrayValue{}, false, nil
		}
		if v.ValueType != gguf.GGUFMetadataValueTypeArray {
			return gguf.GGUFMetadataKVArrayValue{}, false, fmt.Errorf("metadata %s is not an array", key)
		}
		a := v.ValueArray()
		if a.Type != elem && !(elem != gguf.GGUFMetadataValueTypeString && a.Type.IsNumeric()) {
			return a, false, fmt.Errorf("metadata %s holds %v, want %v", key, a.Type, elem)
		}
		return a, true, nil
	}
	toks, ok, err := arr("tokenizer.ggml.tokens", gguf.GGUFMetadataValueTypeString)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("metadata tokenizer.ggml.tokens is missing")
	}
	sc, ok, err := arr("tokenizer.ggml.scores", gguf.GGUFMetadataValueTypeFloat32)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("metadata tokenizer.ggml.scores is missing")
	}
	tt, hasTypes, err := arr("tokenizer.ggml.token_type", gguf.GGUFMetadataValueTypeInt32)
	if err != nil {
		return nil, err
	}
	var types []int32
	if hasTypes {
		types = gguf.ValuesNumeric[int32](tt)
	}
	v, err := newVocab(toks.ValuesString(), gguf.ValuesNumeric[float32](sc), types)
	if err != nil {
		return nil, err
	}
	id := func(key string, p *int32) error {
		if x, ok := kv.Get(key); ok && x.ValueType.IsNumeric() {
			n := gguf.ValueNumeric[int64](x)
			if n < 0 || n >= int64(len(v.Tokens)) {
				return fmt.Errorf("metadata %s = %d is outside the vocabulary", key, n)
			}
			*p = int32(n)
		}
		return nil
	}
	for key, p := range map[string]*int32{"tokenizer.ggml.bos_token_id": &v.BOS, "tokenizer.ggml.eos_token_id": &v.EOS, "tokenizer.ggml.unknown_token_id": &v.UNK} {
		if err := id(key, p); err != nil {
			return nil, err
		}
	}
	flag := func(key string, p *bool) {
		if x, ok := kv.Get(key); ok && x.ValueType == gguf.GGUFMetadataValueTypeBool {
			*p = x.ValueBool()
		}
	}
	flag("tokenizer.ggml.add_bos_token", &v.AddBOS)
	flag("tokenizer.ggml.add_eos_token", &v.AddEOS)
	flag("tokenizer.ggml.add_space_prefix", &v.AddSpace)
	return v, nil
}
