package models

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/irsynth/irsynth/lib/models/internal/nn"
	"github.com/irsynth/irsynth/lib/results"
)

const checkpointVersion = 1

// MaxCheckpointSize bounds the checkpoint files this package reads (the
// largest, the decoder with its optimiser state, is tens of megabytes).
const MaxCheckpointSize = 1 << 30

// checkpoint is what Save writes: the architecture, the weights, the
// optimiser state and the history, so that training can resume exactly.
type checkpoint struct {
	Version    int
	Kind       string // "classifier" or "decoder"
	Encoder    string
	EncoderDim int
	Arch       arch
	Labels     []string // classifier classes or decoder vocabulary
	Params     []nn.Param
	AdamSteps  int
	AdamM      [][]float32
	AdamV      [][]float32
	Epoch      int // epochs completed
	History    []results.Epoch
}

// arch is the part of a configuration that fixes the shapes and the run.
type arch struct {
	Hidden, Embed, Heads, Layers, FF, MaxLen, SeqLen int
	Dropout, LR                                      float64
	Batch, Epochs                                    int
	Seed                                             int64
}

// newCheckpoint is what a model's save writes: its weights ps, its
// labels (classes or vocabulary), the epochs done and their history, and,
// when opt is set (during training), the optimiser's state.
func newCheckpoint(kind string, enc Encoder, a arch, labels []string, ps *nn.Params, epoch int, hist []results.Epoch, opt *nn.Adam) *checkpoint {
	ck := &checkpoint{Version: checkpointVersion, Kind: kind, Encoder: enc.Name(), EncoderDim: enc.Dim(),
		Arch: a, Labels: labels, Params: paramsOf(ps), Epoch: epoch, History: hist}
	if opt != nil {
		ck.AdamSteps, ck.AdamM, ck.AdamV = opt.Steps, opt.M, opt.V
	}
	return ck
}

func (c *checkpoint) write(path string) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(c); err != nil {
		return fmt.Errorf("models: encode checkpoint: %w", err)
	}
	return results.WriteFile(path, buf.Bytes())
}

func readCheckpoint(path, kind string) (*checkpoint, error) {
	data, err := results.ReadFile(path, MaxCheckpointSize)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s: %w", ErrCheckpoint, path, os.ErrNotExist)
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrCheckpoint, path, err)
	}
	var c checkpoint
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&c); err != nil {
		return nil, fmt.Errorf("%w: %s: not a checkpoint: %v", ErrCheckpoint, path, err)
	}
	if c.Version != checkpointVersion {
		return nil, fmt.Errorf("%w: %s: version %d, want %d", ErrCheckpoint, path, c.Version, checkpointVersion)
	}
	if c.Kind != kind {
		return nil, fmt.Errorf("%w: %s holds a %s, want a %s", ErrCheckpoint, path, c.Kind, kind)
	}
	return &c, nil
}

func (c *checkpoint) checkEncoder(path string, enc Encoder) error {
	if !sameEncoder(enc.Name(), c.Encoder) || enc.Dim() != c.EncoderDim {
		return encoderMismatch(fmt.Sprintf("%v: %s was trained with encoder %s (%d wide), not %s (%d wide)", ErrCheckpoint, path, c.Encoder, c.EncoderDim, enc.Name(), enc.Dim()))
	}
	return nil
}

// sameEncoder compares encoder names; a GGUF model is the same model under
// another file name (its name carries the file's hash after "@").
func sameEncoder(a, b string) bool {
	if strings.HasPrefix(a, "gguf:") && strings.HasPrefix(b, "gguf:") {
		_, ha, okA := strings.Cut(a, "@")
		_, hb, okB := strings.Cut(b, "@")
		return okA && okB && ha == hb
	}
	return a == b
}

// encoderMismatch is a checkpoint trained with another encoder: it matches
// both ErrCheckpoint and ErrEncoder.
type encoderMismatch string

func (e encoderMismatch) Error() string { return string(e) }

func (e encoderMismatch) Is(target error) bool {
	return target == ErrCheckpoint || target == ErrEncoder
}

func paramsOf(ps *nn.Params) []nn.Param {
	out := make([]nn.Param, len(ps.List))
	for i, p := range ps.List {
		out[i] = *p
	}
	return out
}

func paramPtrs(ps []nn.Param) []*nn.Param {
	out := make([]*nn.Param, len(ps))
	for i := range ps {
		out[i] = &ps[i]
	}
	return out
}

// restore loads weights and optimiser state from c into ps and opt.
func (c *checkpoint) restore(path string, ps *nn.Params, opt *nn.Adam) error {
	if err := ps.CopyFrom(paramPtrs(c.Params)); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCheckpoint, path, err)
	}
	if opt != nil && c.AdamSteps > 0 {
		if len(c.AdamM) != len(ps.List) || len(c.AdamV) != len(ps.List) {
			return fmt.Errorf("%w: %s: optimiser state has %d tensors, model %d", ErrCheckpoint, path, len(c.AdamM), len(ps.List))
		}
		opt.Steps, opt.M, opt.V = c.AdamSteps, c.AdamM, c.AdamV
	}
	return nil
}

// resume continues training from the checkpoint of kind at path, if there
// is one: it checks that it was trained with enc and, by same, on the same
// labels and settings (what says how they may differ, for the error), loads
// its weights into ps and its optimiser state into opt, and returns the
// epochs done and their history. No file: 0 and nil, a fresh start.
func resume(path, kind string, enc Encoder, same func(*checkpoint) bool, what string, ps *nn.Params, opt *nn.Adam) (int, []results.Epoch, error) {
	ck, err := readCheckpoint(path, kind)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, err
	}
	if err := ck.checkEncoder(path, enc); err != nil {
		return 0, nil, err
	}
	if !same(ck) {
		return 0, nil, fmt.Errorf("%w: %s was trained with %s; delete it or drop --resume", ErrCheckpoint, path, what)
	}
	if err := ck.restore(path, ps, opt); err != nil {
		return 0, nil, err
	}
	return ck.Epoch, ck.History, nil
}

// openCheckpoint reads the checkpoint of kind at path and checks that it was
// trained with enc (nil: the default encoder), which it returns.
func openCheckpoint(path, kind string, enc Encoder) (*checkpoint, Encoder, error) {
	if enc == nil {
		enc = DefaultEncoder()
	}
	ck, err := readCheckpoint(path, kind)
	if err != nil {
		return nil, nil, err
	}
	if err := ck.checkEncoder(path, enc); err != nil {
		return nil, nil, err
	}
	return ck, enc, nil
}
