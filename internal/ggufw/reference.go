package ggufw

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// ErrNoNode is returned by LlamaCpp when node is not installed.
var ErrNoNode = errors.New("node is not installed: no llama.cpp reference (scripts/setup.sh installs node-llama-cpp, node comes with Debian's nodejs)")

// Reference is what llama.cpp computed for a list of texts.
type Reference struct {
	Tokens     [][]int32   `json:"tokens"`     // token ids, BOS first when the model asks for it
	Embeddings [][]float64 `json:"embeddings"` // per text; see scripts/llamaref/ref.mjs
	Seconds    float64     `json:"seconds"`    // Repeat passes of the embeddings
	EvalTokens int         `json:"evalTokens"` // tokens those passes evaluated
}

// RefRequest is a request to llama.cpp.
type RefRequest struct {
	Model      string   `json:"model"`
	Texts      []string `json:"texts"`
	Threads    int      `json:"threads"`
	Repeat     int      `json:"repeat"`     // timed passes over the texts (0: none)
	Embeddings bool     `json:"embeddings"` // false: token ids only
}

// LlamaCpp runs llama.cpp (node-llama-cpp's prebuilt CPU build, installed
// in scripts/llamaref by scripts/setup.sh) on req.
func LlamaCpp(req RefRequest) (*Reference, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, ErrNoNode
	}
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "scripts", "llamaref")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "node-llama-cpp")); err != nil {
		return nil, fmt.Errorf("node-llama-cpp is not installed in %s: run scripts/setup.sh", dir)
	}
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(node, "ref.mjs")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(body)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("llama.cpp reference: %v: %s", err, stderr.String())
	}
	var ref Reference
	if err := json.Unmarshal(out, &ref); err != nil {
		return nil, fmt.Errorf("llama.cpp reference answered %.200q: %v", out, err)
	}
	if len(ref.Tokens) != len(req.Texts) || req.Embeddings && len(ref.Embeddings) != len(req.Texts) {
		return nil, fmt.Errorf("llama.cpp reference answered for %d texts, asked %d", len(ref.Tokens), len(req.Texts))
	}
	return &ref, nil
}
