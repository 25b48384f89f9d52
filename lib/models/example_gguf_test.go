package models_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/irsynth/irsynth/internal/ggufw"
	"github.com/irsynth/irsynth/lib/models"
)

func ExampleOpenGGUF() {
	// A real run opens TinyLlama-1.1B-Chat's GGUF file; this example writes
	// a tiny random Llama model (4 layers, 64 wide) to stand in for it.
	dir, err := os.MkdirTemp("", "gguf-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "tiny.gguf")
	f, err := ggufw.Llama(ggufw.LlamaConfig{Embd: 64, Layers: 4, Heads: 4, HeadsKV: 2, FF: 128,
		Type: ggufw.Q8_0, EmbdType: ggufw.F16, Corpus: []string{"What is 7 factorial?", "Sum 1 to 50"}, Seed: 1})
	if err != nil {
		panic(err)
	}
	if err := f.Write(path); err != nil {
		panic(err)
	}

	enc, err := models.OpenGGUF(path, models.GGUFConfig{Layer: 2, Pool: models.PoolLast})
	if err != nil {
		panic(err)
	}
	ids, err := enc.Tokens("What is 7 factorial?")
	if err != nil {
		panic(err)
	}
	v, err := enc.Encode("What is 7 factorial?")
	if err != nil {
		panic(err)
	}
	fmt.Println(enc.Dim(), len(v), enc.Layers(), ids[0])
	// Output: 64 64 4 1
}

func ExampleParseEncoderSpec() {
	path, cfg, err := models.ParseEncoderSpec("gguf:tinyllama-1.1b-chat-v1.0.Q8_0.gguf,layer=12,pool=mean")
	fmt.Println(path, cfg.Layer, cfg.Pool, err)
	_, _, err = models.ParseEncoderSpec("gguf:model.gguf,pool=max")
	fmt.Println(err)
	// Output:
	// tinyllama-1.1b-chat-v1.0.Q8_0.gguf 12 mean <nil>
	// models: encoder: "gguf:model.gguf,pool=max": pool=max: want last or mean
}
