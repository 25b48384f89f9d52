package web

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"slices"
	"testing"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/models"
)

// TestAsk trains a small classifier on the study split, saves it where
// `irsynth train` would, and asks the server natural-language requests.
// The answer is checked against the program's native reference on the
// operands extracted from the text.
func TestAsk(t *testing.T) {
	dir := t.TempDir()
	h := newServer(t, Config{ResultsDir: dir}).Handler()

	// Before training: a clear 409.
	rec := do(t, h, http.MethodPost, "/api/ask", `{"text":"Sum 1 to 50"}`)
	if e := decode(t, rec)["error"].(map[string]any); rec.Code != http.StatusConflict || e["kind"] != "no_model" {
		t.Fatalf("untrained: %d %v", rec.Code, e)
	}

	c, ds := trainClassifier(t, dir)

	rec = do(t, h, http.MethodGet, "/api/models", "")
	var mi struct{ Models []ModelInfo }
	if err := json.Unmarshal(rec.Body.Bytes(), &mi); err != nil || len(mi.Models) != 2 || !mi.Models[0].Available || mi.Models[1].Available {
		t.Fatalf("/api/models: %s", rec.Body.String())
	}

	right := 0
	for _, ex := range ds.Train[:40] {
		body, _ := json.Marshal(AskRequest{Text: ex.Text})
		rec := do(t, h, http.MethodPost, "/api/ask", string(body))
		if rec.Code != 200 {
			t.Errorf("ask %q: %d %s", ex.Text, rec.Code, rec.Body.String())
			continue
		}
		var out AskResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(c.Labels(), out.Predicted) {
			t.Errorf("predicted %q, not a label of the classifier", out.Predicted)
		}
		sp, _ := ir.LibraryProgram(out.Predicted)
		if want := sp.Ref(out.Operands); out.Run.Result != want {
			t.Errorf("%q: %s%v ran to %d, native reference says %d", ex.Text, out.Predicted, out.Operands, out.Run.Result, want)
		}
		if out.Predicted == ex.Program && out.Run.Result == ex.Expected {
			right++
		}
	}
	// The study's classifier reached 67.5% execution accuracy on train;
	// a model this small should at least clear half.
	if right < 20 {
		t.Errorf("only %d of 40 training requests answered right", right)
	}

	for _, tc := range []struct {
		name, body string
		status     int
		kind       string
	}{
		{"no text", `{"text":"  "}`, 400, "request"},
		{"bad model", `{"text":"Sum 1 to 5","model":"oracle"}`, 400, "request"},
		{"no decoder", `{"text":"Sum 1 to 5","model":"decoder"}`, 409, "no_model"},
		{"no operands", `{"text":"Sum all the things"}`, 422, "operands"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, http.MethodPost, "/api/ask", tc.body)
			if e, _ := decode(t, rec)["error"].(map[string]any); rec.Code != tc.status || e["kind"] != tc.kind {
				t.Errorf("%d %s, want %d %s", rec.Code, rec.Body.String(), tc.status, tc.kind)
			}
		})
	}
}

// trainClassifier trains a small classifier on the study split (seeded)
// and saves it where `irsynth train classifier --results dir` would.
func trainClassifier(t testing.TB, dir string) (*models.Classifier, *dataset.Dataset) {
	t.Helper()
	split := dataset.StudySplit()
	split.PerProgram, split.TestPerProgram, split.Seed = 60, 5, 1
	ds, err := dataset.Generate(split)
	if err != nil {
		t.Fatal(err)
	}
	c, err := models.TrainClassifier(ds.Train, models.ClassifierConfig{Epochs: 8, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Save(filepath.Join(dir, "models", ModelClassifier+".ckpt")); err != nil {
		t.Fatal(err)
	}
	return c, ds
}

// TestAskDecoder trains a tiny decoder briefly. Whatever it writes, the
// server must either run it, with the result the reference interpreter
// gives for the written program, or reject it with a validation error
// that points into the written program.
func TestAskDecoder(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a decoder")
	}
	dir := t.TempDir()
	h := newServer(t, Config{ResultsDir: dir}).Handler()
	split := dataset.StudySplit()
	split.PerProgram, split.TestPerProgram, split.Seed = 30, 5, 1
	ds, err := dataset.Generate(split)
	if err != nil {
		t.Fatal(err)
	}
	seqs, err := models.SeqExamples(ds.Train)
	if err != nil {
		t.Fatal(err)
	}
	d, err := models.TrainDecoder(seqs, models.DecoderConfig{Embed: 32, Heads: 2, Layers: 1, FF: 64, MaxLen: 40, Epochs: 6, Dropout: -1, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Save(filepath.Join(dir, "models", ModelDecoder+".ckpt")); err != nil {
		t.Fatal(err)
	}
	ran, rejected := 0, 0
	for _, ex := range ds.Train[:12] {
		body, _ := json.Marshal(AskRequest{Text: ex.Text, Model: ModelDecoder})
		rec := do(t, h, http.MethodPost, "/api/ask", string(body))
		switch rec.Code {
		case http.StatusOK:
			var out AskResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
				t.Fatal(err)
			}
			p, err := ir.ParseProgram("decoded", out.Predicted)
			if err != nil {
				t.Fatalf("200 for a program that does not parse: %v", err)
			}
			want, err := ir.Interpret(p, out.Operands, DefaultFuel)
			if err != nil || want != out.Run.Result {
				t.Errorf("%q: wrote %s, ran to %d; interpreter says %d, %v", ex.Text, out.Predicted, out.Run.Result, want, err)
			}
			ran++
		case http.StatusUnprocessableEntity:
			e := decode(t, rec)["error"].(map[string]any)
			switch e["kind"] {
			case "validation":
				prog, _ := e["program"].(string)
				span, _ := e["span"].([]any)
				if prog == "" || (len(span) == 2 && prog[int(span[0].(float64)):int(span[1].(float64))] != e["op"]) {
					t.Errorf("validation error does not point into the written program: %v", e)
				}
				rejected++
			case "operands", "fuel", "trap", "timeout":
				rejected++
			default:
				t.Errorf("422 of kind %v: %v", e["kind"], e)
			}
		default:
			t.Errorf("%q: %d %s", ex.Text, rec.Code, rec.Body.String())
		}
	}
	t.Logf("decoder: %d programs ran, %d rejected", ran, rejected)
}
