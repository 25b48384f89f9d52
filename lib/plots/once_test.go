package plots

import (
	"bytes"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/internal/testenv"
)

func TestEchartsOnce(t *testing.T) {
	if !EchartsBuiltIn() {
		testenv.Missing(t, "echarts.min.js is not embedded: scripts/setup.sh must copy it into lib/plots/assets before the build")
	}
	var page strings.Builder
	page.WriteString("<html><body>")
	r := fixtures(t)
	for _, id := range []string{"collatz", "dataset", "collatz"} {
		ch, err := Build(id, r)
		if err != nil {
			t.Fatal(err)
		}
		frag, err := ch.Fragment()
		if err != nil {
			t.Fatal(err)
		}
		page.WriteString(frag)
	}
	page.WriteString("</body></html>")
	js, err := EchartsJS()
	if err != nil {
		t.Fatal(err)
	}
	in := []byte(page.String())
	out := EchartsOnce(in)
	if n := bytes.Count(in, js); n != 3 {
		t.Fatalf("fixture has %d copies of echarts, want 3", n)
	}
	if n := bytes.Count(out, js); n != 1 {
		t.Errorf("EchartsOnce left %d copies, want 1", n)
	}
	if got, want := bytes.Count(out, []byte("echarts.init(")), 3; got != want {
		t.Errorf("%d charts drawn after EchartsOnce, want %d", got, want)
	}
	if len(out) > len(in)-2*len(js)+200 {
		t.Errorf("%d bytes before, %d after: not smaller by two copies of echarts (%d)", len(in), len(out), len(js))
	}
	if plain := []byte("<p>no charts</p>"); !bytes.Equal(EchartsOnce(plain), plain) {
		t.Error("a page without charts changed")
	}
}
