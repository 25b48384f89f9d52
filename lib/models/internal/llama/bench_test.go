package llama_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/internal/ggufw"
	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/models/internal/llama"
)

// threads is the thread count both sides use: OPENBLAS_NUM_THREADS when
// set (OpenBLAS reads it at start-up), else every core, which is OpenBLAS's
// default.
func threads() int {
	if n, err := strconv.Atoi(os.Getenv("OPENBLAS_NUM_THREADS")); err == nil && n > 0 {
		return n
	}
	return runtime.NumCPU()
}

// requests are the 1,400 training texts of the study's expanded split.
func requests(tb testing.TB) []string {
	ds, err := dataset.Generate(dataset.ExpandedSplit())
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, ex := range ds.Train {
		out = append(out, ex.Text)
	}
	return out
}

// BenchmarkForwardVsLlamaCpp runs a tiny 12-layer Llama (256 wide, 8 heads,
// 4 key/value heads, feed-forward 768, Q8_0) over 64 of the study's
// requests to layer 12, and llama.cpp over the same texts with the same
// threads in the same run. It reports tokens per second for both, one
// text at a time (as llama.cpp's embedding context evaluates them) and,
// for us, all texts batched (as training encodes a dataset).
//
//	go test -run '^$' -bench ForwardVsLlamaCpp -benchtime 3x ./lib/models/internal/llama/
func BenchmarkForwardVsLlamaCpp(b *testing.B) {
	path := writeModel(b, ggufw.LlamaConfig{Embd: 256, Layers: 12, Heads: 8, HeadsKV: 4, FF: 768,
		Type: ggufw.Q8_0, EmbdType: ggufw.Q8_0, Merges: 400, Seed: 12})
	m, err := llama.Open(path, 12)
	if err != nil {
		b.Fatal(err)
	}
	texts := requests(b)[:64]
	var seqs [][]int32
	tokens := 0
	for _, t := range texts {
		ids, err := m.Vocab.Encode(t)
		if err != nil {
			b.Fatal(err)
		}
		seqs = append(seqs, ids)
		tokens += len(ids)
	}
	ref, err := ggufw.LlamaCpp(ggufw.RefRequest{Model: path, Texts: texts, Threads: threads(), Repeat: 3})
	switch {
	case errors.Is(err, ggufw.ErrNoNode):
		b.Log(err)
	case err != nil:
		b.Fatal(err)
	}
	var one, batch time.Duration
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		for _, s := range seqs {
			if _, err := m.Hidden([][]int32{s}); err != nil {
				b.Fatal(err)
			}
		}
		t1 := time.Now()
		if _, err := m.Hidden(seqs); err != nil {
			b.Fatal(err)
		}
		one += t1.Sub(t0)
		batch += time.Since(t1)
	}
	b.ReportMetric(float64(tokens*b.N)/one.Seconds(), "one-tok/s")
	b.ReportMetric(float64(tokens*b.N)/batch.Seconds(), "batch-tok/s")
	if ref != nil {
		b.ReportMetric(float64(ref.EvalTokens)/ref.Seconds, "llamacpp-tok/s")
		b.ReportMetric(float64(tokens*b.N)/one.Seconds()/(float64(ref.EvalTokens)/ref.Seconds), "one/llamacpp")
	}
	b.Logf("threads %d, %d texts, %d tokens, load %s", threads(), len(texts), tokens, loadavg())
}

// BenchmarkTinyLlamaEstimate runs one block of TinyLlama-1.1B's shape
// (2048 wide, 32 heads, 4 key/value heads, feed-forward 5632, Q8_0 on
// disk, float32 in memory) over the study's requests, batched, and
// estimates from its measured speed the time to encode all 1,400 requests
// to layer 12. Token counts: our fixture vocabulary is not TinyLlama's, so
// the estimate assumes TinyLlama's 32,000-piece vocabulary spends one token
// per 3.5 characters (plus BOS), typical of Llama's tokenizer on English.
//
//	go test -run '^$' -bench TinyLlamaEstimate -benchtime 1x ./lib/models/internal/llama/
func BenchmarkTinyLlamaEstimate(b *testing.B) {
	const D, heads, kv, FF, L = 2048, 32, 4, 5632, 12
	path := writeModel(b, ggufw.LlamaConfig{Embd: D, Layers: 1, Heads: heads, HeadsKV: kv, FF: FF,
		Type: ggufw.Q8_0, EmbdType: ggufw.Q8_0, Merges: 50, Seed: 13})
	m, err := llama.Open(path, 1)
	if err != nil {
		b.Fatal(err)
	}
	texts := requests(b)
	chars := 0
	for _, t := range texts {
		chars += len(t)
	}
	perText := float64(chars)/float64(len(texts))/3.5 + 1
	T := int(perText + 0.5)
	// 256 tokens a batch, as the encoder runs them
	n := 256 / T
	seqs := make([][]int32, n)
	for i := range seqs {
		seqs[i] = make([]int32, T)
		for j := range seqs[i] {
			seqs[i][j] = int32(3 + (i*T+j)%200)
		}
	}
	b.ResetTimer()
	t0 := time.Now()
	for range b.N {
		if _, err := m.Hidden(seqs); err != nil {
			b.Fatal(err)
		}
	}
	perLayer := time.Since(t0).Seconds() / float64(b.N*n*T) // seconds per token per block
	// FLOPs per token per block: the seven products, 2·(2·D² + 2·D·kvD + 3·D·FF),
	// plus attention over T/2 positions on average, 2·2·D·T/2.
	kvD := D / heads * kv
	flops := 2*(2*D*D+2*D*kvD+3*D*FF) + 2*D*T
	total := perLayer * L * float64(len(texts)) * perText
	// The same block, one text at a time, beside llama.cpp on the same
	// texts and threads.
	few := texts[:24]
	ref, err := ggufw.LlamaCpp(ggufw.RefRequest{Model: path, Texts: few, Threads: threads(), Repeat: 2})
	if err != nil && !errors.Is(err, ggufw.ErrNoNode) {
		b.Fatal(err)
	}
	if ref != nil {
		t1, n1 := time.Now(), 0
		for range 2 {
			for _, ids := range ref.Tokens {
				if _, err := m.Hidden([][]int32{ids}); err != nil {
					b.Fatal(err)
				}
				n1 += len(ids)
			}
		}
		ours := float64(n1) / time.Since(t1).Seconds()
		b.ReportMetric(ours, "one-tok/s")
		b.ReportMetric(float64(ref.EvalTokens)/ref.Seconds, "llamacpp-tok/s")
		b.ReportMetric(ours/(float64(ref.EvalTokens)/ref.Seconds), "one/llamacpp")
	}
	b.ReportMetric(float64(flops)/perLayer/1e9, "GFLOP/s")
	b.ReportMetric(1/(perLayer*L), "tok/s-to-layer12")
	b.ReportMetric(total, "s-for-1400")
	b.Logf("TinyLlama to layer 12: %.2f GFLOP a token, %.1f tokens a request (%d texts), %.0f GFLOP/s measured on %d thread(s): %.0f s for %d requests; load %s",
		float64(flops)*L/1e9, perText, len(texts), float64(flops)/perLayer/1e9, threads(), total, len(texts), loadavg())
}

// BenchmarkLoadPeakRSS loads a Q8_0 model of about 100 MB in a fresh process
// and reports its peak resident memory beside the float32 size of the
// weights it holds: loading streams tensor by tensor, so the peak is the
// float32 weights plus one tensor's raw bytes and the Go runtime.
//
//	go test -run '^$' -bench LoadPeakRSS -benchtime 1x ./lib/models/internal/llama/
func BenchmarkLoadPeakRSS(b *testing.B) {
	path := writeModel(b, ggufw.LlamaConfig{Embd: 1024, Layers: 8, Heads: 16, HeadsKV: 4, FF: 2816,
		Type: ggufw.Q8_0, EmbdType: ggufw.Q8_0, Merges: 50, Seed: 14})
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		peak, weights, base := peakRSS(b, path)
		b.ReportMetric(float64(st.Size())/1e6, "file-MB")
		b.ReportMetric(float64(weights)/1e6, "weights-MB")
		b.ReportMetric(float64(peak)/1e6, "peakRSS-MB")
		b.ReportMetric(float64(peak-base-weights)/1e6, "overhead-MB")
	}
}

// TestLoadMemory: a process that loads a model peaks within the float32
// weights it holds plus 16 MB above an idle process (its largest tensor's
// raw bytes, 0.8 MB here, buffers and the Go heap's slack; measured 9 to
// 11 MB). The file is 19 MB, so a loader that also held the file, or read
// it whole, would fail.
func TestLoadMemory(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/status")
	}
	if raceEnabled {
		t.Skip("the race detector's shadow memory inflates RSS; run without -race")
	}
	path := writeModel(t, ggufw.LlamaConfig{Embd: 512, Layers: 6, Heads: 8, HeadsKV: 2, FF: 1536,
		Type: ggufw.Q8_0, EmbdType: ggufw.Q8_0, Merges: 50, Seed: 15})
	peak, weights, base := peakRSS(t, path)
	t.Logf("peak RSS %.1f MB, idle %.1f MB, float32 weights %.1f MB", float64(peak)/1e6, float64(base)/1e6, float64(weights)/1e6)
	if over := peak - base - weights; over > 16<<20 {
		t.Errorf("loading took %.1f MB beyond the weights", float64(over)/1e6)
	}
}

// peakRSS loads path in a child process (this test binary, running
// TestPeakRSSChild) and returns its peak RSS after loading, its weights'
// size and its peak RSS before loading.
func peakRSS(tb testing.TB, path string) (peak, weights, base int64) {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestPeakRSSChild$", "-test.v")
	cmd.Env = append(os.Environ(), "LLAMA_RSS_MODEL="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		tb.Fatalf("child: %v\n%s", err, out)
	}
	if _, err := fmt.Sscanf(string(out[strings.Index(string(out), "RSS "):]), "RSS %d %d %d", &peak, &weights, &base); err != nil {
		tb.Fatalf("child said %q: %v", out, err)
	}
	return peak, weights, base
}

func TestPeakRSSChild(t *testing.T) {
	path := os.Getenv("LLAMA_RSS_MODEL")
	if path == "" {
		t.Skip("run by peakRSS in a child process")
	}
	base := vmHWM(t)
	m, err := llama.Open(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("RSS %d %d %d\n", vmHWM(t), m.WeightBytes, base)
}

// vmHWM is this process's peak resident set, in bytes.
func vmHWM(t testing.TB) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
