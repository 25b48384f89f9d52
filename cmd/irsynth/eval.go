package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

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
		switch kind {
		case "classifier":
			c, err := models.LoadClassifier(ckpt, enc)
			if err != nil {
				return failure(stderr, "eval", loadHint(err, kind))
			}
			ds, err := loadDataset(*dir, name)
			if err != nil {
				return failure(stderr, "eval", err)
			}
			rec, err := models.ClassifierRecord(c, ds, ckpt)
			if err == nil {
				err = results.Write(*dir, results.Phase3File, rec)
			}
			if err != nil {
				return failure(stderr, "eval", err)
			}
			fmt.Fprintf(stdout, "classifier on %s: classification train %.1f%% test %.1f%%, execution train %.1f%% test %.1f%%; wrote %s\n",
				name, 100*rec.TrainClassAcc, 100*rec.TestClassAcc, 100*rec.TrainExecAcc, 100*rec.TestExecAcc, filepath.Join(*dir, results.Phase3File))
		case "decoder":
			d, err := models.LoadDecoder(ckpt, enc)
			if err != nil {
				return failure(stderr, "eval", loadHint(err, kind))
			}
			ds, err := loadDataset(*dir, name)
			if err != nil {
				return failure(stderr, "eval", err)
			}
			rec, err := models.DecoderRecord(d, ds, ckpt)
			if err == nil {
				err = results.Write(*dir, results.Phase4File, rec)
			}
			if err != nil {
				return failure(stderr, "eval", err)
			}
			fmt.Fprintf(stdout, "decoder on %s: exact match train %.1f%% test %.1f%%, execution train %.1f%% test %.1f%%, mean length %.1f (target %.1f), held out %.1f (target %.1f); wrote %s\n",
				name, 100*rec.TrainExactMatch, 100*rec.TestExactMatch, 100*rec.TrainExecAcc, 100*rec.TestExecAcc,
				rec.MeanGenerated, rec.MeanTarget, rec.TestMeanGen, rec.TestTargetLen, filepath.Join(*dir, results.Phase4File))
		}
	}
	return 0
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
	file := results.Phase3File
	if kind == "decoder" {
		file = results.Phase4File
	}
	err := results.Read(dir, file, &rec)
	switch {
	case errors.Is(err, results.ErrNotFound):
	case err != nil:
		return "", err
	case rec.Split.Name != "" && checkSplit(dir, rec.Split.Name) == nil:
		return rec.Split.Name, nil
	}
	return defaultSplit[kind], nil
}
