package models

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/irsynth/irsynth/lib/models/internal/llama"
	"github.com/irsynth/irsynth/lib/results"
)

// Pooling of a GGUF encoder's hidden states into one vector per text.
const (
	PoolLast = "last" // the last token's state (the study's choice, the default)
	PoolMean = "mean" // the mean over all tokens, BOS included
)

// DefaultLayer is the layer whose hidden state a GGUF encoder returns by
// default: the study read TinyLlama-1.1B's layer 12 of 22.
const DefaultLayer = 12

// GGUFConfig configures OpenGGUF. The zero value reads layer 12 and pools
// the last token, without a cache or progress reports.
type GGUFConfig struct {
	Layer int    // hidden state after this many blocks, 1..the model's (DefaultLayer)
	Pool  string // PoolLast (default) or PoolMean
	// CacheDir, when set, keeps every encoding computed by EncodeBatch on
	// disk, keyed by the model file's SHA-256, the layer and the pooling,
	// so that encoding the same texts again costs nothing.
	CacheDir string
	// Progress, when set, is called as EncodeBatch works through texts
	// that are not cached.
	Progress func(EncodeProgress)
	// BatchTokens bounds the tokens run through the model at once (256).
	BatchTokens int
}

// EncodeProgress reports EncodeBatch's progress: Done of Total texts
// encoded (cached ones count from the start) after Elapsed.
type EncodeProgress struct {
	Done, Total, Cached int
	Elapsed             time.Duration
}

// GGUFEncoder is the study's encoder: a Llama-architecture model read from
// a local GGUF file (TinyLlama-1.1B-Chat in the study), run up to a layer,
// its hidden states pooled into one vector per text. It tokenizes with the
// model's own vocabulary, as llama.cpp does. It is safe for concurrent
// use.
type GGUFEncoder struct {
	m     *llama.Model
	cfg   GGUFConfig
	hash  string
	name  string
	mu    sync.Mutex
	cache map[string][]float32 // text → vector; nil until loaded
	dirty bool
}

// OpenGGUF loads the token embeddings and the first cfg.Layer blocks of the
// GGUF model at path. Errors match ErrEncoder and name the file and the
// problem: a missing or truncated file, an architecture other than llama,
// an unsupported tensor type, a layer the model does not have.
func OpenGGUF(path string, cfg GGUFConfig) (e *GGUFEncoder, err error) {
	defer guard(&err)
	if cfg.Layer == 0 {
		cfg.Layer = DefaultLayer
	}
	if cfg.Pool == "" {
		cfg.Pool = PoolLast
	}
	if cfg.BatchTokens <= 0 {
		cfg.BatchTokens = 256
	}
	if cfg.Layer < 0 {
		return nil, fmt.Errorf("%w: %s: layer %d: want a positive layer", ErrEncoder, path, cfg.Layer)
	}
	if cfg.Pool != PoolLast && cfg.Pool != PoolMean {
		return nil, fmt.Errorf("%w: pooling %q: want %s or %s", ErrEncoder, cfg.Pool, PoolLast, PoolMean)
	}
	m, err := llama.Open(path, cfg.Layer)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrEncoder, err)
	}
	if cfg.Layer > m.Config.Layers {
		return nil, fmt.Errorf("%w: %s: layer %d: the model has %d layers", ErrEncoder, path, cfg.Layer, m.Config.Layers)
	}
	hash, err := fileHash(path, cfg.CacheDir)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrEncoder, path, err)
	}
	e = &GGUFEncoder{m: m, cfg: cfg, hash: hash}
	e.name = fmt.Sprintf("gguf:%s@%s,layer=%d,pool=%s", filepath.Base(path), hash[:12], cfg.Layer, cfg.Pool)
	return e, nil
}

// Name identifies the model file (base name and the first 12 hex digits of
// its SHA-256), the layer and the pooling; checkpoints and results records
// carry it.
func (e *GGUFEncoder) Name() string { return e.name }

// Dim is the model's width (2048 for TinyLlama).
func (e *GGUFEncoder) Dim() int { return e.m.Config.Embd }

// WeightBytes is the memory the loaded weights take.
func (e *GGUFEncoder) WeightBytes() int64 { return e.m.WeightBytes }

// Layers is the number of blocks the model has in all.
func (e *GGUFEncoder) Layers() int { return e.m.Config.Layers }

// Tokens returns the token ids the model reads for text, BOS first.
func (e *GGUFEncoder) Tokens(text string) ([]int32, error) {
	ids, err := e.m.Vocab.Encode(text)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %q: %v", ErrEncoder, e.m.Path, text, err)
	}
	return ids, nil
}

// Encode returns the pooled layer-L hidden state of text.
func (e *GGUFEncoder) Encode(text string) (v []float32, err error) {
	defer guard(&err)
	e.mu.Lock()
	v, ok := e.cache[text]
	e.mu.Unlock()
	if ok {
		return v, nil
	}
	ids, err := e.Tokens(text)
	if err != nil {
		return nil, err
	}
	vs, err := e.pooled([][]int32{ids})
	if err != nil {
		return nil, err
	}
	return vs[0], nil
}

// EncodeBatch encodes texts, many at a time, reading and filling the cache
// when GGUFConfig.CacheDir is set and reporting progress to
// GGUFConfig.Progress.
func (e *GGUFEncoder) EncodeBatch(texts []string) (out [][]float32, err error) {
	defer guard(&err)
	start := time.Now()
	e.mu.Lock()
	if err := e.loadCache(); err != nil {
		e.mu.Unlock()
		return nil, err
	}
	out = make([][]float32, len(texts))
	var todo []int
	for i, t := range texts {
		if v, ok := e.cache[t]; ok {
			out[i] = v
		} else {
			todo = append(todo, i)
		}
	}
	e.mu.Unlock()
	cached := len(texts) - len(todo)
	report := func(done int) {
		if e.cfg.Progress != nil {
			e.cfg.Progress(EncodeProgress{Done: cached + done, Total: len(texts), Cached: cached, Elapsed: time.Since(start)})
		}
	}
	if len(todo) > 0 {
		report(0)
	}
	seqs := make([][]int32, len(todo))
	for k, i := range todo {
		if seqs[k], err = e.Tokens(texts[i]); err != nil {
			return nil, err
		}
	}
	for i := 0; i < len(todo); {
		j, tokens := i, 0
		for ; j < len(todo) && (j == i || tokens+len(seqs[j]) <= e.cfg.BatchTokens); j++ {
			tokens += len(seqs[j])
		}
		vs, err := e.pooled(seqs[i:j])
		if err != nil {
			return nil, err
		}
		e.mu.Lock()
		for k, v := range vs {
			out[todo[i+k]] = v
			if e.cache != nil {
				e.cache[texts[todo[i+k]]] = v
				e.dirty = true
			}
		}
		e.mu.Unlock()
		i = j
		report(i)
	}
	if err := e.saveCache(); err != nil {
		return nil, err
	}
	return out, nil
}

// pooled runs token sequences through the model together and pools.
func (e *GGUFEncoder) pooled(seqs [][]int32) ([][]float32, error) {
	hs, err := e.m.Hidden(seqs)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrEncoder, err)
	}
	D := e.Dim()
	out := make([][]float32, len(seqs))
	for i, h := range hs {
		T := len(seqs[i])
		v := make([]float32, D)
		switch e.cfg.Pool {
		case PoolLast:
			copy(v, h[(T-1)*D:])
		case PoolMean:
			for p := range T {
				for j, x := range h[p*D : (p+1)*D] {
					v[j] += x
				}
			}
			for j := range v {
				v[j] /= float32(T)
			}
		}
		out[i] = v
	}
	return out, nil
}

// cachePath is the encodings file of this model, layer and pooling.
func (e *GGUFEncoder) cachePath() string {
	return filepath.Join(e.cfg.CacheDir, fmt.Sprintf("%s-layer%d-%s.gob", e.hash[:16], e.cfg.Layer, e.cfg.Pool))
}

// loadCache reads the encodings file once. Call with e.mu held.
func (e *GGUFEncoder) loadCache() error {
	if e.cfg.CacheDir == "" || e.cache != nil {
		return nil
	}
	e.cache = map[string][]float32{}
	data, err := os.ReadFile(e.cachePath())
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err == nil {
		err = gob.NewDecoder(bytes.NewReader(data)).Decode(&e.cache)
	}
	if err != nil {
		// A damaged cache is recomputed, not trusted.
		e.cache = map[string][]float32{}
	}
	for t, v := range e.cache {
		if len(v) != e.Dim() {
			delete(e.cache, t)
		}
	}
	return nil
}

// saveCache writes the encodings file atomically if it changed.
func (e *GGUFEncoder) saveCache() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cfg.CacheDir == "" || !e.dirty {
		return nil
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(e.cache); err != nil {
		return fmt.Errorf("%w: encodings cache: %v", ErrEncoder, err)
	}
	if err := results.WriteFile(e.cachePath(), buf.Bytes()); err != nil {
		return fmt.Errorf("%w: encodings cache: %v", ErrEncoder, err)
	}
	e.dirty = false
	return nil
}

// fileHash is the SHA-256 of the file at path, in hex. With a cache
// directory it is remembered by path, size and modification time, so a
// 1 GB model is hashed once.
func fileHash(path, cacheDir string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	abs, _ := filepath.Abs(path)
	key := abs + "|" + strconv.FormatInt(st.Size(), 10) + "|" + st.ModTime().UTC().Format(time.RFC3339Nano)
	known := map[string]string{}
	index := filepath.Join(cacheDir, "model-hashes.json")
	if cacheDir != "" {
		if data, err := os.ReadFile(index); err == nil {
			_ = json.Unmarshal(data, &known) // damaged: rehash
		}
		if h, ok := known[key]; ok && len(h) == 64 {
			return h, nil
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if cacheDir != "" {
		known[key] = sum
		if data, err := json.MarshalIndent(known, "", "  "); err == nil {
			if err := results.WriteFile(index, data); err != nil {
				return "", err
			}
		}
	}
	return sum, nil
}

// ParseEncoderSpec reads the command line's encoder syntax:
//
//	hash                                   the hashed n-gram encoder, 2048 wide
//	gguf:PATH[,layer=12][,pool=last|mean]  a Llama GGUF model (OpenGGUF)
//
// It returns the GGUF file's path and configuration, or an empty path for
// the hashed encoder. The path may not contain a comma.
func ParseEncoderSpec(spec string) (path string, cfg GGUFConfig, err error) {
	if spec == "" || spec == "hash" {
		return "", cfg, nil
	}
	rest, ok := strings.CutPrefix(spec, "gguf:")
	if !ok {
		return "", cfg, fmt.Errorf("%w: %q: want hash or gguf:PATH[,layer=N][,pool=last|mean]", ErrEncoder, spec)
	}
	parts := strings.Split(rest, ",")
	path = parts[0]
	if path == "" {
		return "", cfg, fmt.Errorf("%w: %q: missing the model file after gguf:", ErrEncoder, spec)
	}
	for _, p := range parts[1:] {
		k, v, _ := strings.Cut(p, "=")
		switch k {
		case "layer":
			n, err := strconv.Atoi(v)
			if err != nil || n <= 0 {
				return "", cfg, fmt.Errorf("%w: %q: layer=%s: want a positive number", ErrEncoder, spec, v)
			}
			cfg.Layer = n
		case "pool":
			if v != PoolLast && v != PoolMean {
				return "", cfg, fmt.Errorf("%w: %q: pool=%s: want last or mean", ErrEncoder, spec, v)
			}
			cfg.Pool = v
		default:
			return "", cfg, fmt.Errorf("%w: %q: unknown option %q (want layer= or pool=)", ErrEncoder, spec, p)
		}
	}
	return path, cfg, nil
}

// OpenEncoder opens the encoder a spec names (see ParseEncoderSpec); cfg
// supplies the cache directory and progress callback of a GGUF encoder,
// and its layer and pooling when the spec leaves them out.
func OpenEncoder(spec string, cfg GGUFConfig) (Encoder, error) {
	path, sc, err := ParseEncoderSpec(spec)
	if err != nil {
		return nil, err
	}
	if path == "" {
		return DefaultEncoder(), nil
	}
	if sc.Layer != 0 {
		cfg.Layer = sc.Layer
	}
	if sc.Pool != "" {
		cfg.Pool = sc.Pool
	}
	return OpenGGUF(path, cfg)
}
