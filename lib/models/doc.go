// Package models holds irsynth's neural models: a frozen text Encoder, the
// program Classifier (phase 3) and the opcode Decoder (phase 4), with
// training, greedy and masked decoding, evaluation and checkpoints.
// Classifier.Ask and Decoder.Ask turn a request in words into the program
// to run and its operands; `irsynth ask` and POST /api/ask both call them
// (the dashboard through AskContext, which stops when its context ends: the
// decoder checks it before every token it writes).
//
// Two encoders: the default HashEncoder (hashed n-grams, no download) and
// GGUFEncoder, the study's own: a Llama-architecture model read from a local
// GGUF file (TinyLlama-1.1B-Chat), run up to a layer in plain Go + OpenBLAS
// (internal/llama), its hidden states pooled, its encodings cached on disk
// by the file's SHA-256, the layer and the pooling. ParseEncoderSpec reads
// the command line's `--encoder gguf:PATH[,layer=12][,pool=last|mean]`.
//
// Gorgonia (gorgonia.org/gorgonia) is the training engine: every model is a
// gorgonia expression graph, differentiated symbolically and run on its tape
// machine, with OpenBLAS (through gonum's netlib binding, linked by a cgo
// directive) for matrix products. The fused operations that gorgonia lacks
// or runs slowly (layer norm, causal multi-head attention, softmax
// cross-entropy, bias, ReLU, dropout masks) are written in Go as
// gorgonia ops in internal/nn; the optimiser is Adam implementing gorgonia's
// Solver with checkpointable state. Greedy decoding runs the same weights
// one position at a time with a key/value cache (plain Go + OpenBLAS),
// because a fixed-shape graph would recompute every prefix; tests check it
// matches the graph's logits. Callers never see a graph.
//
// # Invariants
//
//   - Zero-value configurations give the reference study's settings.
//   - Training is reproducible for a Seed: the same data and config give the
//     same weights, bit for bit, and a run resumed from its checkpoint ends
//     where an uninterrupted one does (each epoch draws its shuffle and
//     dropout from its own seeded stream).
//   - Checkpoints are written atomically and record the encoder's name and
//     width; loading against another encoder is an error.
//   - No panic crosses the package boundary: gorgonia panics come back as
//     errors matching ErrInternal.
//
// # Where the rules live
//
//	classifier.go, decoder.go  each model's settings (the study's defaults) and training wiring
//	train.go       the shared mini-batch loop, epoch streams, the defaults both models share
//	checkpoint.go  what a checkpoint holds, resuming from one, the encoder check
//	decode.go      greedy and masked decoding, teacher forcing (TokenAccuracy, LogProb)
//	eval.go, records.go  how a model is scored, and phase 3's and 4's records
//	encoder.go, gguf.go  the encoders; internal/nn the gorgonia ops; internal/llama the GGUF model
//
// # Example
//
//	c, err := models.TrainClassifier(ds.Train, models.ClassifierConfig{Epochs: 20})
//	progs, err := c.Predict([]string{"Sum 1 to 50"})
//
//	seqs, _ := models.SeqExamples(ds.Train)
//	d, err := models.TrainDecoder(seqs, models.DecoderConfig{Vocab: models.OpcodeVocab()})
//	out, err := d.Decode(texts, models.DecodeOptions{Mask: validNext})
package models
