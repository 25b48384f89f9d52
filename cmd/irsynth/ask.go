package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/models"
	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

func init() {
	register(command{
		Name:    "ask",
		Usage:   `irsynth ask [flags] "What is 7 factorial?"`,
		Summary: "answer a request in words with a trained model (the command-line twin of POST /api/ask): predict a program, read its operands from the text, run it",
		Run:     ask,
	})
}

// askResult is what `irsynth ask --json` prints: the fields of the API's
// AskResponse that do not depend on the server.
type askResult struct {
	Text      string  `json:"text"`
	Model     string  `json:"model"`
	Predicted string  `json:"predicted"`
	Program   string  `json:"program"` // the IR that ran
	Operands  []int32 `json:"operands"`
	Result    int32   `json:"result"`
}

func ask(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("ask", stdout, stderr)
	fs.interspersed = true // irsynth ask "Sum 1 to 50" --model decoder
	model := fs.String("model", models.KindClassifier, "the model that answers: "+strings.Join(models.Kinds, " or "))
	fuel := fs.Int64("fuel", ir.DefaultFuel, "fuel of the run: opcodes it may execute in loops")
	timeout := fs.Duration("timeout", wasmrt.DefaultTimeout, "wall-clock limit of the run")
	encSpec := encoderFlag(fs)
	dir := fs.results()
	asJSON := fs.json()
	if code, done := fs.parse(args, anyArgs); done {
		return code
	}
	text := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if text == "" {
		return usageError(stderr, "ask", `missing the request, e.g. irsynth ask "What is 7 factorial?"`)
	}
	if *model != models.KindClassifier && *model != models.KindDecoder {
		return usageError(stderr, "ask", "unknown --model %q (want %s)", *model, strings.Join(models.Kinds, " or "))
	}
	if *fuel <= 0 || *timeout <= 0 {
		return usageError(stderr, "ask", "--fuel and --timeout must be positive")
	}
	enc, err := openEncoder(*encSpec, *dir, stderr, true)
	if err != nil {
		return usageError(stderr, "ask", "%v", err)
	}
	ckpt := results.CheckpointPath(*dir, *model)
	if _, err := os.Stat(ckpt); err != nil {
		return failure(stderr, "ask", fmt.Errorf("%s not trained yet: no %s (run 'irsynth train %s')", *model, ckpt, *model))
	}
	var a models.Answer
	switch *model {
	case models.KindClassifier:
		var c *models.Classifier
		if c, err = models.LoadClassifier(ckpt, enc); err == nil {
			a, err = c.Ask(text)
		}
	case models.KindDecoder:
		var d *models.Decoder
		if d, err = models.LoadDecoder(ckpt, enc); err == nil {
			a, err = d.Ask(text)
		}
	}
	if errors.Is(err, models.ErrOperands) {
		return usageError(stderr, "ask", "%v", err) // the text lacks what the program needs
	}
	if err != nil {
		return failure(stderr, "ask", err)
	}
	v, err := wasmrt.RunWith(context.Background(), wasmrt.Config{Fuel: *fuel, Timeout: *timeout}, a.Program, a.Operands...)
	if err != nil {
		return failure(stderr, "ask", fmt.Errorf("%s %v: %w", a.Program.Name, a.Operands, err))
	}
	if *asJSON {
		err = json.NewEncoder(stdout).Encode(askResult{Text: a.Text, Model: a.Model, Predicted: a.Predicted,
			Program: a.Program.String(), Operands: a.Operands, Result: v})
	} else {
		_, err = fmt.Fprintf(stdout, "%s: %s(%s) = %d\n", a.Model, programLabel(a), joinInts(a.Operands), v)
	}
	if err != nil {
		return failure(stderr, "ask", fmt.Errorf("write: %w", err))
	}
	return 0
}

// programLabel names the program that ran: the library name the
// classifier picked, or the decoder's IR.
func programLabel(a models.Answer) string {
	if a.Model == models.KindDecoder {
		return "'" + a.Predicted + "'"
	}
	return a.Predicted
}

func joinInts(v []int32) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}
