package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/irsynth/irsynth/lib/models"
	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth"
)

func init() {
	register(command{
		Name:    "eval-synth",
		Usage:   "irsynth eval-synth [flags]",
		Summary: "leave-one-out synthesis of every library program, guided and unguided, and masked vs unmasked decoding; writes phase5_synthesis.json",
		Run:     runEvalSynth,
	})
}

func runEvalSynth(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("eval-synth", stdout, stderr)
	budget := fs.Duration("budget", 60*time.Second, "time limit per search")
	programs := fs.String("programs", "", "comma-separated held-out programs (default: the whole library)")
	workers := fs.Int("workers", 1, "programs searched at once, one core each")
	noUnguided := fs.Bool("no-unguided", false, "skip the unguided searches")
	noDecoder := fs.Bool("no-decoder", false, "skip the masked-decoding measurement")
	collatzRuns := fs.Int("collatz-runs", 3, "extra held-out collatz_length runs for the median time")
	quiet := fs.Bool("quiet", false, "no progress lines")
	dir := fs.results()
	if code, done := fs.parse(args, 0); done {
		return code
	}
	if *budget <= 0 || *workers <= 0 {
		return usageError(stderr, "eval-synth", "--budget and --workers must be positive")
	}
	cfg := synth.EvalConfig{Budget: *budget, Workers: *workers, Unguided: !*noUnguided, CollatzRuns: *collatzRuns}
	if *collatzRuns == 0 {
		cfg.CollatzRuns = -1
	}
	if *programs != "" {
		cfg.Programs = strings.Split(*programs, ",")
	}
	if !*quiet {
		cfg.Log = stdout
	}
	rec, err := synth.EvalSynth(context.Background(), cfg)
	if err != nil {
		if errors.Is(err, synth.ErrTask) {
			return usageError(stderr, "eval-synth", "%v", err)
		}
		return failure(stderr, "eval-synth", err)
	}
	if !*noDecoder {
		s, note, err := structuredDecoding(*dir)
		if err != nil {
			return failure(stderr, "eval-synth", err)
		}
		rec.Structured = s
		rec.Notes = append(rec.Notes, note)
	}
	if err := results.Write(*dir, results.Phase5File, rec); err != nil {
		return failure(stderr, "eval-synth", err)
	}
	fmt.Fprintf(stdout, "leave-one-out: solved %d, ambiguous %d, wrong %d of %d guided; %d solved unguided (%.0f s budget, %d fresh inputs); collatz_length median %.2f s; %.0f candidates/s per core\n",
		rec.Solved, rec.Ambiguous, rec.Wrong, rec.Total, rec.SolvedNoNN, rec.Budget, rec.FreshTests, rec.CollatzMedianSec, rec.CandidatesPerSec)
	if !*noDecoder {
		st := rec.Structured
		fmt.Fprintf(stdout, "decoder execution accuracy: train %.1f%% masked vs %.1f%% unmasked, held out %.1f%% vs %.1f%%; valid %.1f%% vs %.1f%%\n",
			100*st.TrainExecMasked, 100*st.TrainExecUnmasked, 100*st.TestExecMasked, 100*st.TestExecUnmasked, 100*st.ValidMasked, 100*st.ValidUnmasked)
	}
	fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(*dir, results.Phase5File))
	return 0
}

// structuredDecoding decodes the dataset's train and held-out requests with
// the saved phase-4 decoder, with and without the validity mask.
func structuredDecoding(dir string) (results.StructuredDecode, string, error) {
	var st results.StructuredDecode
	ckpt := results.CheckpointPath(dir, "decoder")
	if _, err := os.Stat(ckpt); err != nil {
		return st, "", fmt.Errorf("masked decoding needs the phase-4 decoder (run 'irsynth train decoder' first, or pass --no-decoder): %w", err)
	}
	d, err := models.LoadDecoder(ckpt, nil)
	if err != nil {
		return st, "", err
	}
	name, err := evalSplit(dir, "decoder", "")
	if err != nil {
		return st, "", err
	}
	ds, err := loadDataset(dir, name)
	if err != nil {
		return st, "", err
	}
	st, err = models.StructuredDecodeRecord(d, ds, models.DecodeOptions{Mask: synth.DecoderMask(d.Vocab(), models.EOS, d.MaxLen())})
	if err != nil {
		return st, "", err
	}
	note := fmt.Sprintf("structured decoding: the phase-4 decoder (%s) greedy-decoded on the %s split's %d train and %d held-out requests, with and without lib/synth's validity mask", ckpt, name, len(ds.Train), len(ds.Test))
	return st, note, nil
}
