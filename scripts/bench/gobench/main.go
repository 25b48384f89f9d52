// Command gobench trains irsynth's opcode decoder (lib/models, gorgonia) on
// random tokens for a fixed number of steps and prints one JSON line with
// tokens/s, the Go half of scripts/bench/compare.sh.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"

	"github.com/irsynth/irsynth/lib/models"
)

func main() {
	steps := flag.Int("steps", 20, "timed training steps")
	warmup := flag.Int("warmup", 2, "untimed steps first")
	batch := flag.Int("batch", 32, "sequences per step")
	seq := flag.Int("seq", 32, "positions per sequence")
	vocab := flag.Int("vocab", 50, "vocabulary size")
	flag.Parse()
	tp, err := models.DecoderThroughput(models.DecoderConfig{Batch: *batch}, *seq, *vocab, *warmup, *steps)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gobench:", err)
		os.Exit(1)
	}
	out, _ := json.Marshal(map[string]any{
		"engine": "gorgonia", "gomaxprocs": runtime.GOMAXPROCS(0), "batch": tp.Batch, "seq": tp.SeqLen,
		"steps": tp.Steps, "seconds": tp.Seconds, "tokens_per_sec": tp.TokensPerSec, "params": tp.Params,
		"cpu_seconds": tp.CPUSeconds, "cpu_tokens_per_sec": tp.CPUTokensPerSec,
	})
	fmt.Println(string(out))
}
