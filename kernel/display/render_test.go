package display_test

import (
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/kernel/display"
	"github.com/irsynth/irsynth/lib/ir"
)

type htmlValue struct{}

func (htmlValue) HTML() string { return "<i>h</i>" }

type bundleValue struct{}

func (bundleValue) MimeBundle() map[string]any {
	return map[string]any{"text/html": "<b>b</b>", "image/png": []byte{1, 2, 3}}
}

type failingBundle struct{}

func (failingBundle) MimeBundle() (map[string]any, error) { return nil, errors.New("no data") }

type panicking struct{}

func (panicking) HTML() string { panic("broken") }

type mdValue struct{}

func (mdValue) Markdown() string { return "# md" }

func TestRender(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 2, 2))
	img.Set(1, 1, color.White)
	prog := ir.MustParse("add1", "START SLOT_0 CONST_1 I32_ADD END")
	cases := []struct {
		name  string
		given any
		mime  string
		want  string // substring of the data under mime
	}{
		{"string is quoted text", "hi", display.MIMEText, `"hi"`},
		{"int is text", 42, display.MIMEText, "42"},
		{"Bundle as itself", display.Markdown("*m*"), display.MIMEMarkdown, "*m*"},
		{"HTML method", htmlValue{}, display.MIMEHTML, "<i>h</i>"},
		{"Markdown method", mdValue{}, display.MIMEMarkdown, "# md"},
		{"MimeBundle method", bundleValue{}, display.MIMEHTML, "<b>b</b>"},
		{"MimeBundle bytes are base64", bundleValue{}, display.MIMEPNG, base64.StdEncoding.EncodeToString([]byte{1, 2, 3})},
		{"MimeBundle error is shown", failingBundle{}, display.MIMEText, "no data"},
		{"panicking method is shown", panicking{}, display.MIMEText, "panicked: broken"},
		{"image as PNG", img, display.MIMEPNG, "iVBOR"},
		{"program listing", prog, display.MIMEHTML, "SLOT_0"},
		{"program WAT", prog, display.MIMEHTML, "i32.add"},
		{"invalid program names the rule", ir.Program{Name: "bad", Ops: []ir.Op{ir.OpStart, ir.OpI32Add, ir.OpEnd}}, display.MIMEHTML, "invalid"},
		{"JSON", display.JSON(map[string]int{"a": 1}), display.MIMEText, `"a": 1`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := display.Render(tc.given)
			got, _ := b.Data[tc.mime].(string)
			if !strings.Contains(got, tc.want) {
				t.Errorf("Render(%T)[%s] = %q, want it to contain %q", tc.given, tc.mime, got, tc.want)
			}
			if _, ok := b.Data[display.MIMEText]; !ok {
				t.Errorf("Render(%T) has no text/plain form", tc.given)
			}
		})
	}
	if b := display.Render(nil); len(b.Data) != 0 {
		t.Errorf("Render(nil) = %v", b.Data)
	}
}

func ExampleShow() {
	// outside a kernel, Show prints the text form
	display.Show(display.Markdown("**irsynth**"))
	display.Show(42)
	// Output:
	// **irsynth**
	// 42
}

func ExampleRender() {
	p := ir.MustParse("add1", "START SLOT_0 CONST_1 I32_ADD END")
	b := display.Render(p)
	fmt.Println(b.String())
	_, rich := b.Data[display.MIMEHTML] // listing and WAT
	fmt.Println(rich)
	// Output:
	// add1: START SLOT_0 CONST_1 I32_ADD END
	// true
}
