package web

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/internal/ggufw"
	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/models"
)

// TestAskWithGGUFEncoder: a classifier trained on a GGUF model's states
// answers /api/ask when the server has that encoder (irsynth serve
// --encoder), and the server says which encoder is missing when it has
// the default one.
func TestAskWithGGUFEncoder(t *testing.T) {
	var corpus []string
	for _, p := range dataset.Programs() {
		corpus = append(corpus, dataset.Templates(p)...)
	}
	f, err := ggufw.Llama(ggufw.LlamaConfig{Embd: 64, Layers: 2, Heads: 4, HeadsKV: 2, FF: 128,
		Type: ggufw.Q8_0, EmbdType: ggufw.F16, Corpus: corpus, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tiny.gguf")
	if err := f.Write(path); err != nil {
		t.Fatal(err)
	}
	enc, err := models.OpenGGUF(path, models.GGUFConfig{Layer: 2})
	if err != nil {
		t.Fatal(err)
	}
	split := dataset.StudySplit()
	split.PerProgram, split.TestPerProgram, split.Seed = 40, 5, 1
	ds, err := dataset.Generate(split)
	if err != nil {
		t.Fatal(err)
	}
	c, err := models.TrainClassifier(ds.Train, models.ClassifierConfig{Epochs: 4, Seed: 1, Encoder: enc})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := c.Save(filepath.Join(dir, "models", ModelClassifier+".ckpt")); err != nil {
		t.Fatal(err)
	}
	h := newServer(t, Config{ResultsDir: dir, Encoder: enc}).Handler()
	rec := do(t, h, http.MethodPost, "/api/ask", `{"text":"Sum 1 to 50"}`)
	if rec.Code != http.StatusOK {
		t.Fatalf("ask: %d %s", rec.Code, rec.Body.String())
	}
	var out AskResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.Run == nil {
		t.Fatalf("answer %s: %v", rec.Body.String(), err)
	}
	h = newServer(t, Config{ResultsDir: dir}).Handler()
	rec = do(t, h, http.MethodPost, "/api/ask", `{"text":"Sum 1 to 50"}`)
	if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "trained with encoder "+enc.Name()) {
		t.Errorf("default encoder against a GGUF-trained model: %d %s", rec.Code, rec.Body.String())
	}
}
