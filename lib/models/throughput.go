package models

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/irsynth/irsynth/internal/cputime"
	"github.com/irsynth/irsynth/lib/models/internal/nn"
)

// Throughput is the training speed of the decoder on synthetic batches.
type Throughput struct {
	Batch, SeqLen, Vocab, Steps int
	Seconds                     float64 // wall-clock time of the timed steps
	TokensPerSec                float64 // Batch*SeqLen positions per second
	// CPUSeconds is the process CPU time (every thread) of the timed steps;
	// on a shared machine CPUTokensPerSec is the steadier figure. Both are
	// 0 where the CPU time cannot be read.
	CPUSeconds      float64
	CPUTokensPerSec float64 // Batch*SeqLen positions per CPU second
	Params          int
}

// DecoderThroughput trains a decoder of cfg's architecture (zero value: the
// study's) for warmup+steps optimiser steps on random tokens and conditions
// of the given sequence length and vocabulary size, and times the last
// steps. It measures what TrainDecoder spends per step: forward, backward
// and the Adam update, dropout included.
func DecoderThroughput(cfg DecoderConfig, seqLen, vocab, warmup, steps int) (tp Throughput, err error) {
	defer guard(&err)
	cfg = cfg.resolved()
	if seqLen <= 0 || seqLen > cfg.MaxLen || vocab < 4 || steps <= 0 {
		return tp, fmt.Errorf("%w: sequence length %d (max %d), vocabulary %d, steps %d", ErrConfig, seqLen, cfg.MaxLen, vocab, steps)
	}
	rng := rand.New(rand.NewPCG(uint64(cfg.Seed), 3))
	tr, err := nn.NewTransformer(nn.TransformerConfig{Vocab: vocab, Dim: cfg.Embed, Heads: cfg.Heads, Layers: cfg.Layers,
		FF: cfg.FF, MaxLen: cfg.MaxLen, CondDim: cfg.Encoder.Dim(), Dropout: cfg.Dropout}, rng)
	if err != nil {
		return tp, fmt.Errorf("%w: %v", ErrConfig, err)
	}
	gr, err := tr.Graph(cfg.Batch, seqLen, true)
	if err != nil {
		return tp, err
	}
	defer gr.Close()
	n := cfg.Batch * seqLen
	for i := 0; i < n; i++ {
		gr.Inputs["tokens"][i] = float32(rng.IntN(vocab))
		gr.Inputs["target"][i] = float32(rng.IntN(vocab))
	}
	for i := range gr.Inputs["cond"] {
		gr.Inputs["cond"][i] = float32(rng.NormFloat64())
	}
	opt := nn.NewAdam(cfg.LR)
	for i := 0; i < warmup; i++ {
		if _, err := gr.Run(opt, rng); err != nil {
			return tp, err
		}
	}
	t0, c0 := time.Now(), cputime.Seconds()
	for i := 0; i < steps; i++ {
		if _, err := gr.Run(opt, rng); err != nil {
			return tp, err
		}
	}
	secs, cpu := time.Since(t0).Seconds(), cputime.Seconds()-c0
	tp = Throughput{Batch: cfg.Batch, SeqLen: seqLen, Vocab: vocab, Steps: steps, Seconds: secs,
		TokensPerSec: float64(n*steps) / secs, Params: tr.P.Count()}
	if cpu > 0 {
		tp.CPUSeconds, tp.CPUTokensPerSec = cpu, float64(n*steps)/cpu
	}
	return tp, nil
}
