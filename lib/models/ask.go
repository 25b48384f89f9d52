package models

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/ir"
)

// The kinds of model a natural-language request can go to, as the command
// line (irsynth ask --model) and the API (POST /api/ask) name them.
const (
	KindClassifier = "classifier" // picks a library program; operands come from the text
	KindDecoder    = "decoder"    // writes the opcodes itself
)

// Kinds lists the model kinds in the order the command line and the
// dashboard show them.
var Kinds = []string{KindClassifier, KindDecoder}

// ErrOperands is returned by Ask when the text does not hold the operands
// the predicted program takes.
var ErrOperands = errors.New("models: operands")

// ErrInvalidProgram is returned by Ask when the decoder writes opcodes
// that do not form a valid program; the chain also holds ir's error (an
// *ir.ValidationError where the IR parsed).
var ErrInvalidProgram = errors.New("models: the decoder wrote an invalid program")

// Answer is a model's reading of a request: the program to run and its
// operands. Running it is the caller's (the CLI on wasmrt, the dashboard
// through its module cache).
type Answer struct {
	Text      string     // the request, trimmed
	Model     string     // KindClassifier or KindDecoder
	Predicted string     // the program's name (classifier) or its IR text (decoder)
	Program   ir.Program // what runs
	Operands  []int32    // read from Text, one per SLOT
}

// Ask answers text with the classifier: it names a library program, and
// the operands are read from the text (dataset.ExtractN).
func (c *Classifier) Ask(text string) (Answer, error) {
	return c.AskContext(context.Background(), text)
}

// AskContext is Ask that gives up when ctx ends, with ctx's error: the
// classifier's one forward pass (the encoder's included) is not
// interrupted, so it checks ctx before and after it.
func (c *Classifier) AskContext(ctx context.Context, text string) (Answer, error) {
	a := Answer{Text: strings.TrimSpace(text), Model: KindClassifier}
	if err := ctx.Err(); err != nil {
		return a, err
	}
	names, err := c.Predict([]string{a.Text})
	if err != nil {
		return a, fmt.Errorf("classifier: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return a, err
	}
	a.Predicted = names[0]
	sp, ok := ir.LibraryProgram(a.Predicted)
	if !ok {
		return a, fmt.Errorf("%w: the classifier predicted %q, which the library lacks", ErrCheckpoint, a.Predicted)
	}
	a.Program = sp.Program
	return a.withOperands()
}

// Ask answers text with the decoder: it writes the program's opcodes
// (greedy, unmasked, as the study did), and the operands are read from the
// text. A program that does not parse or validate is an error matching
// ErrInvalidProgram, with Answer.Predicted holding the text written.
func (d *Decoder) Ask(text string) (Answer, error) {
	return d.AskContext(context.Background(), text)
}

// AskContext is Ask that stops when ctx ends, with ctx's error: the
// decoder checks ctx before encoding and before every token it writes.
func (d *Decoder) AskContext(ctx context.Context, text string) (Answer, error) {
	a := Answer{Text: strings.TrimSpace(text), Model: KindDecoder}
	if err := ctx.Err(); err != nil {
		return a, err
	}
	toks, err := d.decode(ctx, []string{a.Text}, DecodeOptions{})
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return a, err
		}
		return a, fmt.Errorf("decoder: %w", err)
	}
	a.Predicted = strings.Join(toks[0], " ")
	p, err := ir.ParseProgram("decoded", a.Predicted)
	if err != nil {
		return a, fmt.Errorf("%w: %w", ErrInvalidProgram, err)
	}
	a.Program = p
	return a.withOperands()
}

func (a Answer) withOperands() (Answer, error) {
	ops, err := dataset.ExtractN(a.Text, a.Program.Arity)
	if err != nil {
		s := "s"
		if a.Program.Arity == 1 {
			s = ""
		}
		return a, fmt.Errorf("%w: %s takes %d operand%s: %w", ErrOperands, a.Program.Name, a.Program.Arity, s, err)
	}
	a.Operands = ops
	return a, nil
}
