package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/models"
	"github.com/irsynth/irsynth/lib/results"
)

func init() { register(cmdEval()) }

func cmdEval() command {
	return command{
		Name:    "eval",
		Usage:   "irsynth eval [classifier|decoder|all] [flags]  |  irsynth eval synth [eval-synth flags]  |  irsynth eval tasks FILE [flags]  |  irsynth eval merge OUT IN...",
		Summary: "re-evaluate the saved classifier and decoder checkpoints and rewrite their results",
		Run:     runEval,
	}
}

func runEval(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "tasks" || args[0] == "merge") {
		return commands["eval-"+args[0]].Run(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "synth" {
		return runEvalSynth(args[1:], stdout, stderr)
	}
	which := "all"
	if len(args) > 0 && (args[0] == "classifier" || args[0] == "decoder" || args[0] == "all") {
		which, args = args[0], args[1:]
	}
	fs := newFlags("eval", stdout, stderr)
	split := fs.String("split", "", "dataset split (default: the one the record names, else the model's default)")
	encSpec := encoderFlag(fs)
	dir := fs.results()
	if code, done := fs.parse(args, 0); done {
		return code
	}
	enc, err := openEncoder(*encSpec, *dir, stderr, false)
	if err != nil {
		return usageError(stderr, "eval", "%v", err)
	}
	if *split != "" {
		if err := checkSplit(*dir, *split); err != nil {
			return usageError(stderr, "eval", "%v", err)
		}
	}
	kinds := []string{"classifier", "decoder"}
	if which != "all" {
		kinds = []string{which}
	}
	for _, kind := range kinds {
		ckpt := results.CheckpointPath(*dir, kind)
		name, err := evalSplit(*dir, kind, *split)
		if err != nil {
			return failure(stderr, "eval", err)
		}
		// The checkpoint first, so a missing one is reported before the
		// dataset is generated.
		record, err := evaluator(kind, ckpt, enc)
		if err != nil {
			return failure(stderr, "eval", loadHint(err, kind))
		}
		ds, err := loadDataset(*dir, name)
		if err != nil {
			return failure(stderr, "eval", err)
		}
		rec, line, err := record(ds)
		if err == nil {
			err = results.Write(*dir, phaseFile[kind], rec)
		}
		if err != nil {
			return failure(stderr, "eval", err)
		}
		fmt.Fprintf(stdout, "%s on %s: %s; wrote %s\n", kind, name, line, filepath.Join(*dir, phaseFile[kind]))
	}
	return 0
}

// evaluator loads the model kind saved at ckpt and returns what makes its
// record on a dataset, with the line that sums the record up.
func evaluator(kind, ckpt string, enc models.Encoder) (func(*dataset.Dataset) (rec any, line string, err error), error) {
	switch kind {
	case "classifier":
		c, err := models.LoadClassifier(ckpt, enc)
		return func(ds *dataset.Dataset) (any, string, error) {
			r, err := models.ClassifierRecord(c, ds, ckpt)
			return r, classifierLine(r), err
		}, err
	case "decoder":
		d, err := models.LoadDecoder(ckpt, enc)
		return func(ds *dataset.Dataset) (any, string, error) {
			r, err := models.DecoderRecord(d, ds, ckpt)
			return r, decoderLine(r), err
		}, err
	}
	return nil, fmt.Errorf("unknown model %q", kind)
}

// evalSplit picks the split to evaluate on: the flag, else the split named
// by the existing record, else the model's default.
func evalSplit(dir, kind, flagSplit string) (string, error) {
	if flagSplit != "" {
		return flagSplit, nil
	}
	var rec struct {
		Split results.Split `json:"split"`
	}
	err := results.Read(dir, phaseFile[kind], &rec)
	switch {
	case errors.Is(err, results.ErrNotFound):
	case err != nil:
		return "", err
	case rec.Split.Name != "" && checkSplit(dir, rec.Split.Name) == nil:
		return rec.Split.Name, nil
	}
	return defaultSplit[kind], nil
}

// classifierLine and decoderLine sum up a phase 3 or phase 4 record in
// one line, for train and eval.
func classifierLine(r results.Phase3) string {
	return fmt.Sprintf("classification train %.1f%% test %.1f%%, execution train %.1f%% test %.1f%%",
		100*r.TrainClassAcc, 100*r.TestClassAcc, 100*r.TrainExecAcc, 100*r.TestExecAcc)
}

func decoderLine(r results.Phase4) string {
	return fmt.Sprintf("exact match train %.1f%% test %.1f%%, execution train %.1f%% test %.1f%%, mean length %.1f (target %.1f), held out %.1f (target %.1f)",
		100*r.TrainExactMatch, 100*r.TestExactMatch, 100*r.TrainExecAcc, 100*r.TestExecAcc,
		r.MeanGenerated, r.MeanTarget, r.TestMeanGen, r.TestTargetLen)
}
