package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/irsynth/irsynth/lib/models"
)

// encodingsSubdir holds the GGUF encoder's cache inside a results
// directory: one file of vectors per model file, layer and pooling.
var encodingsSubdir = filepath.Join("cache", "encodings")

// encoderFlag registers --encoder, shared by train, eval, ask and serve.
func encoderFlag(fs *cmdFlags) *string {
	return fs.String("encoder", "hash", "text encoder: hash (hashed n-grams), or gguf:PATH[,layer=12][,pool=last|mean] for a local Llama-architecture GGUF model such as TinyLlama-1.1B-Chat (the study's encoder); a model trained with one must be evaluated and served with the same")
}

// openEncoder opens the encoder spec names, with its encodings cached under
// dir and a progress bar on stderr. The error is for the command to report
// as a usage error (exit 2): it names the file and what is wrong with it.
func openEncoder(spec, dir string, stderr io.Writer, quiet bool) (models.Encoder, error) {
	path, _, err := models.ParseEncoderSpec(spec)
	if err != nil || path == "" {
		if err != nil {
			return nil, err
		}
		return models.DefaultEncoder(), nil
	}
	bar := &encodeBar{w: stderr, tty: isTerminal(stderr), quiet: quiet}
	start := time.Now()
	enc, err := models.OpenEncoder(spec, models.GGUFConfig{CacheDir: filepath.Join(dir, encodingsSubdir), Progress: bar.report})
	if err != nil {
		return nil, err
	}
	if g, ok := enc.(*models.GGUFEncoder); ok && !quiet {
		fmt.Fprintf(stderr, "encoder %s: %d wide, %.1f MB of weights loaded in %.1fs\n",
			g.Name(), g.Dim(), float64(g.WeightBytes())/1e6, time.Since(start).Seconds())
	}
	return enc, nil
}

// encodeBar draws the encoding progress: texts done, texts per second,
// time left.
type encodeBar struct {
	w     io.Writer
	tty   bool
	quiet bool
	last  time.Time
}

func (b *encodeBar) report(p models.EncodeProgress) {
	if b.quiet || p.Total == 0 {
		return
	}
	done := p.Done == p.Total
	if !done && time.Since(b.last) < time.Second && p.Done != p.Cached {
		return // at most one line a second
	}
	b.last = time.Now()
	rate := 0.0
	if s := p.Elapsed.Seconds(); s > 0 {
		rate = float64(p.Done-p.Cached) / s
	}
	left := "?"
	if rate > 0 {
		left = (time.Duration(float64(p.Total-p.Done) / rate * float64(time.Second))).Round(time.Second).String()
	}
	const width = 24
	n := width * p.Done / p.Total
	line := fmt.Sprintf("encoding %d/%d [%s%s] %.1f texts/s  %s left (%d cached)",
		p.Done, p.Total, strings.Repeat("=", n), strings.Repeat(" ", width-n), rate, left, p.Cached)
	if b.tty {
		fmt.Fprintf(b.w, "\r%s\x1b[K", line)
		if done {
			fmt.Fprintln(b.w)
		}
		return
	}
	fmt.Fprintln(b.w, line)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// loadHint adds to a checkpoint's load error what to do: pass the encoder
// the model was trained with, or train it first.
func loadHint(err error, kind string) error {
	if errors.Is(err, models.ErrEncoder) {
		return fmt.Errorf("%w (pass the --encoder it was trained with)", err)
	}
	return fmt.Errorf("%w (run 'irsynth train %s' first)", err, kind)
}
