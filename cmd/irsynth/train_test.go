package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestDatasetTrainEvalClassifier(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI("dataset", "--results", dir)
	if code != 0 {
		t.Fatalf("dataset: %d %s", code, errs)
	}
	if !strings.Contains(out, "study: 800 train") || !strings.Contains(out, "expanded: 1400 train") {
		t.Fatalf("dataset output: %s", out)
	}
	var p2 results.Phase2
	if err := results.Read(dir, results.Phase2File, &p2); err != nil {
		t.Fatal(err)
	}
	if len(p2.Splits) != 2 || p2.Splits[0].TrainExamples != 800 || p2.Splits[1].TestExamples != 50 || p2.Splits[0].ExtractionAccuracy < 0.9 {
		t.Fatalf("phase2 %+v", p2.Splits)
	}
	code, _, errs = runCLI("train", "classifier", "--epochs", "2", "--results", dir)
	if code != 0 {
		t.Fatalf("train: %d %s", code, errs)
	}
	if !strings.Contains(errs, "epoch 2/2") || !strings.Contains(errs, "left") {
		t.Errorf("progress lines: %q", errs)
	}
	var p3 results.Phase3
	if err := results.Read(dir, results.Phase3File, &p3); err != nil {
		t.Fatal(err)
	}
	if len(p3.History) != 2 || p3.TrainClassAcc < 0.95 || p3.TestClassAcc != 0 || p3.Split.Name != "study" || len(p3.Confusion.Labels) != 5 {
		t.Fatalf("phase3: history %d, train %.3f, test %.3f, split %s, labels %v", len(p3.History), p3.TrainClassAcc, p3.TestClassAcc, p3.Split.Name, p3.Confusion.Labels)
	}
	// Resume to 3 epochs continues the history.
	if code, _, errs = runCLI("train", "classifier", "--epochs", "3", "--resume", "--quiet", "--results", dir); code != 0 {
		t.Fatalf("resume: %s", errs)
	}
	if err := results.Read(dir, results.Phase3File, &p3); err != nil || len(p3.History) != 3 {
		t.Fatalf("after resume: %v, %d epochs", err, len(p3.History))
	}
	if code, out, errs = runCLI("eval", "classifier", "--results", dir); code != 0 || !strings.Contains(out, "classification train") {
		t.Fatalf("eval: %d %s %s", code, out, errs)
	}
	checkAsk(t, dir)
}

// checkAsk: `irsynth ask` with the classifier trained in dir names a library
// program, reads the operand from the text and prints what the reference
// interpreter computes for that program; the study's request for 7! gives
// 5040.
func checkAsk(t *testing.T, dir string) {
	t.Helper()
	code, out, errs := runCLI("ask", "--json", "--results", dir, "What is 7 factorial?")
	if code != 0 {
		t.Fatalf("ask: exit %d: %s", code, errs)
	}
	var got askResult
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("ask --json: %v\n%s", err, out)
	}
	s, ok := ir.LibraryProgram(got.Predicted)
	if !ok || got.Program != s.Program.String() {
		t.Fatalf("ask predicted %q, program %q: not the library's", got.Predicted, got.Program)
	}
	want, err := ir.Interpret(s.Program, got.Operands, ir.DefaultFuel)
	if err != nil || got.Result != want || got.Model != "classifier" || got.Text != "What is 7 factorial?" {
		t.Fatalf("ask: %+v; the interpreter gives %d (%v)", got, want, err)
	}
	if got.Predicted != "factorial" || len(got.Operands) != 1 || got.Operands[0] != 7 || got.Result != 5040 {
		t.Errorf("ask What is 7 factorial?: %+v, want factorial(7) = 5040", got)
	}
	// The text form, and a flag after the words.
	if code, out, errs = runCLI("ask", "What", "is", "7", "factorial?", "--results", dir); code != 0 || out != "classifier: factorial(7) = 5040\n" {
		t.Errorf("ask (text): exit %d, %q, %q", code, out, errs)
	}
	if code, _, errs = runCLI("ask", "--results", dir); code != 2 || !strings.Contains(errs, "missing the request") {
		t.Errorf("ask without text: exit %d, %q", code, errs)
	}
	if code, _, errs = runCLI("ask", "--model", "tagger", "--results", dir, "Sum 1 to 5"); code != 2 || !strings.Contains(errs, `unknown --model "tagger"`) {
		t.Errorf("ask --model tagger: exit %d, %q", code, errs)
	}
}

func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name     string
		given    []string
		wantCode int
		wantErr  string
	}{
		{"no model", []string{"train"}, 2, "want a model"},
		{"bad model", []string{"train", "lstm"}, 2, "want a model"},
		{"bad epochs", []string{"train", "decoder", "--epochs", "-1"}, 2, "--epochs must be positive"},
		{"bad split", []string{"train", "classifier", "--split", "nope"}, 2, `unknown split "nope"`},
		{"bad flag", []string{"dataset", "--frobnicate"}, 2, "frobnicate"},
		{"bad holdout", []string{"dataset", "--holdout", "nope", "--results", dir}, 2, `"nope"`},
		{"no checkpoint", []string{"eval", "decoder", "--results", dir}, 1, "run 'irsynth train decoder' first"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(tc.given...)
			if code != tc.wantCode || !strings.Contains(errs, tc.wantErr) || strings.Count(errs, "\n") != 1 {
				t.Fatalf("code %d stderr %q; want %d and %q on one line", code, errs, tc.wantCode, tc.wantErr)
			}
		})
	}
}

func TestHoldoutSplitTrains(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCLI("dataset", "--holdout", "gcd,is_prime", "--per-program", "10", "--test-per-program", "5", "--results", dir); code != 0 {
		t.Fatalf("dataset: %s", errs)
	}
	code, out, errs := runCLI("train", "classifier", "--split", "holdout", "--epochs", "3", "--quiet", "--results", dir)
	if code != 0 || !strings.Contains(out, "classifier on holdout") {
		t.Fatalf("train: %d %s %s", code, out, errs)
	}
	var p3 results.Phase3
	if err := results.Read(dir, results.Phase3File, &p3); err != nil {
		t.Fatal(err)
	}
	if len(p3.Split.Holdout) != 2 || p3.TestClassAcc != 0 || len(p3.Split.Train) < 20 {
		t.Fatalf("phase3 split %+v test acc %v", p3.Split, p3.TestClassAcc)
	}
	// eval finds the split from the record.
	if code, out, errs = runCLI("eval", "classifier", "--results", dir); code != 0 || !strings.Contains(out, "on holdout") {
		t.Fatalf("eval: %d %s %s", code, out, errs)
	}
}

func TestTrainRejectsMalformedDataset(t *testing.T) {
	dir := t.TempDir()
	train, test := datasetPaths("study")
	os.MkdirAll(filepath.Join(dir, "datasets"), 0o755)
	os.WriteFile(filepath.Join(dir, train), []byte(`{"part":"train","examples":[{"text":"5!","program":"factorial","operands":[5],"expected":121}]}`), 0o644)
	os.WriteFile(filepath.Join(dir, test), []byte(`{"part":"test","examples":[]}`), 0o644)
	code, _, errs := runCLI("train", "classifier", "--results", dir)
	if code != 1 || !strings.Contains(errs, "study_train.json: record 0: expected 121, but factorial[5] gives 120") {
		t.Fatalf("code %d stderr %q", code, errs)
	}
}
