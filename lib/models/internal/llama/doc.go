// Package llama runs the first layers of a Llama-architecture model stored
// as GGUF (llama.cpp's file format), to read its hidden states: the
// study's encoder was TinyLlama-1.1B's layer-12 state.
//
// Open reads the metadata and tensor index with
// github.com/gpustack/gguf-parser-go, then the token embeddings and blocks
// 0..L-1 one tensor at a time, expanded to float32 (F32, F16, BF16, Q8_0,
// Q4_K and Q6_K; the embedding table stays in its file type and is
// expanded per row). Vocab tokenizes as llama.cpp's SentencePiece
// tokenizer does; Model.Hidden runs the blocks with OpenBLAS for the
// matrix products.
//
// # Invariants
//
//   - Token ids equal llama.cpp's, BOS included (tested against llama.cpp
//     through node-llama-cpp on generated vocabularies).
//   - The layer-L state after the output norm equals llama.cpp's embedding
//     of an L-layer model: relative error below 1e-5 for F32 weights
//     (looser for F16 and quantized weights, where llama.cpp rounds its
//     activations; see TestAgainstLlamaCpp).
//   - Memory: the float32 size of the blocks loaded, the embedding table in
//     its file type, one tensor's raw bytes while loading, and the working
//     set of a forward pass.
//   - Every error from Open or Hidden matches ErrModel and names the file;
//     no panic escapes (FuzzOpen).
//
// # Example
//
//	m, err := llama.Open("tinyllama-1.1b-chat-v1.0.Q8_0.gguf", 12)
//	ids, err := m.Vocab.Encode("What is 7 factorial?")
//	states, err := m.Hidden([][]int32{ids}) // len(ids)×2048
package llama
