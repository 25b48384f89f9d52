package models

import (
	"errors"
	"slices"
	"strings"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
)

// EvalFuel bounds every run of a predicted or generated program: enough
// for every library program on its sampling ranges, small enough that a
// generated infinite loop costs milliseconds (ir.DefaultFuel).
const EvalFuel = ir.DefaultFuel

// samplesPerProgram is how many predictions per true program go in reports.
const samplesPerProgram = 3

// ClassifierEval is the classifier scored on a set of examples.
type ClassifierEval struct {
	Examples    int
	ClassAcc    float64 // predicted program is the true one
	ExecAcc     float64 // predicted program on extracted operands gives Expected
	Confusion   results.Confusion
	Predictions []results.Prediction // a few per true program
}

// EvaluateClassifier predicts a program for every example, extracts as
// many operands as that program takes from the text, runs it with the
// reference interpreter and compares with the expected answer.
func EvaluateClassifier(c *Classifier, exs []dataset.Example) (ClassifierEval, error) {
	ev := ClassifierEval{Examples: len(exs)}
	texts := make([]string, len(exs))
	for i, ex := range exs {
		texts[i] = ex.Text
	}
	pred, err := c.Predict(texts)
	if err != nil {
		return ev, err
	}
	labels := c.Labels()
	for _, ex := range exs {
		if !slices.Contains(labels, ex.Program) {
			labels = append(labels, ex.Program)
		}
	}
	ev.Confusion = results.Confusion{Labels: labels, Matrix: make([][]int, len(labels))}
	for i := range ev.Confusion.Matrix {
		ev.Confusion.Matrix[i] = make([]int, len(labels))
	}
	sc := newScorer()
	class := 0
	for i, ex := range exs {
		ev.Confusion.Matrix[slices.Index(labels, ex.Program)][slices.Index(labels, pred[i])]++
		if pred[i] == ex.Program {
			class++
		}
		spec, _ := ir.LibraryProgram(pred[i])
		sc.score(results.Prediction{Text: ex.Text, Truth: ex.Program, Predicted: pred[i], Expected: ex.Expected}, spec.Program, nil, ex)
	}
	ev.Predictions = sc.samples
	if len(exs) > 0 {
		ev.ClassAcc = float64(class) / float64(len(exs))
		ev.ExecAcc = float64(sc.execOK) / float64(len(exs))
	}
	return ev, nil
}

// DecoderEval is the decoder scored on a set of examples.
type DecoderEval struct {
	Examples    int
	ExactMatch  float64 // generated opcodes equal the library program's
	ExecAcc     float64 // generated program on extracted operands gives Expected
	ValidRate   float64 // generated program passes ir validation
	GenLengths  []int   // opcodes generated per example (EOS not counted)
	TargetLen   []int   // opcodes of the true program
	Predictions []results.Prediction
}

// MeanGenerated is the mean generated length.
func (e DecoderEval) MeanGenerated() float64 { return mean(e.GenLengths) }

// MeanTarget is the mean target length.
func (e DecoderEval) MeanTarget() float64 { return mean(e.TargetLen) }

func mean(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0
	for _, x := range xs {
		s += x
	}
	return float64(s) / float64(len(xs))
}

// EvaluateDecoder generates a program for every example by greedy decoding
// (opt may mask tokens), validates it, binds its SLOT operands to the
// numbers extracted from the text (as many as the program's arity) and runs
// it with the reference interpreter.
func EvaluateDecoder(d *Decoder, exs []dataset.Example, opt DecodeOptions) (DecoderEval, error) {
	ev := DecoderEval{Examples: len(exs)}
	texts := make([]string, len(exs))
	for i, ex := range exs {
		texts[i] = ex.Text
	}
	out, err := d.Decode(texts, opt)
	if err != nil {
		return ev, err
	}
	sc := newScorer()
	exact, valid := 0, 0
	for i, ex := range exs {
		target, err := ProgramTokens(ex.Program)
		if err != nil {
			return ev, err
		}
		gen := out[i]
		ev.GenLengths = append(ev.GenLengths, len(gen))
		ev.TargetLen = append(ev.TargetLen, len(target))
		if slices.Equal(gen, target) {
			exact++
		}
		text := strings.Join(gen, " ")
		prog, perr := ir.ParseProgram("generated", text)
		if perr == nil {
			valid++
		}
		sc.score(results.Prediction{Text: ex.Text, Truth: ex.Program, Predicted: text, Expected: ex.Expected}, prog, perr, ex)
	}
	ev.Predictions = sc.samples
	if n := float64(len(exs)); n > 0 {
		ev.ExactMatch = float64(exact) / n
		ev.ValidRate = float64(valid) / n
		ev.ExecAcc = float64(sc.execOK) / n
	}
	return ev, nil
}

// scorer runs each model's predicted program on its example's operands,
// counts the right answers and keeps a few predictions per true program:
// the part of EvaluateClassifier and EvaluateDecoder that is the same.
type scorer struct {
	r       *runner
	shown   map[string]int
	execOK  int
	samples []results.Prediction
}

func newScorer() *scorer { return &scorer{r: newRunner(), shown: map[string]int{}} }

// score runs prog on ex's operands, unless it did not parse (perr), and
// records p with the outcome.
func (s *scorer) score(p results.Prediction, prog ir.Program, perr error, ex dataset.Example) {
	if perr != nil {
		p.Error = perr.Error()
	} else if got, err := s.r.run(prog, ex.Text); err != nil {
		p.Error = err.Error()
	} else {
		p.Got = &got
		p.Correct = got == ex.Expected
	}
	if p.Correct {
		s.execOK++
	}
	if s.shown[ex.Program] < samplesPerProgram {
		s.shown[ex.Program]++
		s.samples = append(s.samples, p)
	}
}

// runner runs programs on the operands extracted from a text.
type runner struct{ execs map[string]*ir.Exec }

func newRunner() *runner { return &runner{execs: map[string]*ir.Exec{}} }

var errNoProgram = errors.New("models: no program")

func (r *runner) run(p ir.Program, text string) (int32, error) {
	if len(p.Ops) == 0 {
		return 0, errNoProgram
	}
	key := p.String()
	e := r.execs[key]
	if e == nil {
		var err error
		if e, err = ir.Prepare(p); err != nil {
			return 0, err
		}
		r.execs[key] = e
	}
	args, err := dataset.ExtractN(text, p.Arity)
	if err != nil {
		return 0, err
	}
	return e.Run(args, EvalFuel)
}
