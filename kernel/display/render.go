package display

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"reflect"

	"github.com/irsynth/irsynth/kernel/internal/hook"
)

// The methods that give a value its rich form, in the order Render tries
// them. Define one on your own type, in a cell or in a library, and its
// values render richly.
type (
	// MimeBundler returns a whole MIME bundle, keyed by MIME type.
	MimeBundler interface{ MimeBundle() map[string]any }
	// MimeBundlerErr returns a whole MIME bundle or an error (lib/plots
	// charts are MimeBundlerErrs: their "text/html" carries echarts itself,
	// so the chart draws offline).
	MimeBundlerErr interface {
		MimeBundle() (map[string]any, error)
	}
	// HTMLer returns an HTML fragment.
	HTMLer interface{ HTML() string }
	// Markdowner returns Markdown.
	Markdowner interface{ Markdown() string }
	// SVGer returns an SVG document.
	SVGer interface{ SVG() string }
	// PNGer returns PNG-encoded bytes.
	PNGer interface{ PNG() []byte }
	// JSONer returns a value to show as JSON.
	JSONer interface{ JSON() any }
	// FragmentRenderer returns an HTML fragment or an error.
	FragmentRenderer interface{ RenderFragment() ([]byte, error) }
)

// Methods lists, in order, the method names Render looks for; the kernel
// uses it to render values of types declared in cells, whose methods
// reflection cannot see.
var Methods = []string{"MimeBundle", "RenderFragment", "HTML", "Markdown", "SVG", "PNG", "JSON"}

// Render returns the rich form of v (see the package documentation for the
// rules). A nil v renders as an empty Bundle.
func Render(v any) (b Bundle) {
	if v == nil {
		return Bundle{}
	}
	defer func() {
		// a method of v panicked: show the panic rather than lose the kernel
		if r := recover(); r != nil {
			b = Text(fmt.Sprintf("display: rendering %T panicked: %v", v, r))
		}
	}()
	switch x := v.(type) {
	case Bundle:
		return x
	case *Bundle:
		return *x
	case MimeBundler:
		return FromMap(x.MimeBundle(), text(v))
	case MimeBundlerErr:
		m, err := x.MimeBundle()
		if err != nil {
			return Text(fmt.Sprintf("display: %T: %v", v, err))
		}
		return FromMap(m, text(v))
	case FragmentRenderer:
		html, err := x.RenderFragment()
		if err != nil {
			return Text(fmt.Sprintf("display: %T: %v", v, err))
		}
		return Bundle{Data: map[string]any{MIMEHTML: string(html), MIMEText: text(v)}}
	case HTMLer:
		return Bundle{Data: map[string]any{MIMEHTML: x.HTML(), MIMEText: text(v)}}
	case Markdowner:
		return Bundle{Data: map[string]any{MIMEMarkdown: x.Markdown(), MIMEText: text(v)}}
	case SVGer:
		return Bundle{Data: map[string]any{MIMESVG: x.SVG(), MIMEText: text(v)}}
	case PNGer:
		return PNG(x.PNG())
	case JSONer:
		return JSON(x.JSON())
	case image.Image:
		var buf bytes.Buffer
		if err := png.Encode(&buf, x); err != nil {
			return Text(fmt.Sprintf("display: encode image: %v", err))
		}
		return PNG(buf.Bytes())
	}
	if b, ok := renderLibrary(v); ok {
		return b
	}
	return Text(text(v))
}

// FromMap builds a Bundle from a MIME map, adding the text/plain form when
// the map lacks one. []byte data for a binary type is base64-encoded and
// json.RawMessage is decoded, as Jupyter expects.
func FromMap(m map[string]any, plain string) Bundle {
	b := Bundle{Data: make(map[string]any, len(m)+1)}
	for k, v := range m {
		switch x := v.(type) {
		case []byte:
			if k == MIMEPNG || k == MIMEJPEG {
				b.Data[k] = PNG(x).Data[MIMEPNG]
			} else {
				b.Data[k] = string(x)
			}
		case json.RawMessage:
			var tree any
			if json.Unmarshal(x, &tree) == nil {
				b.Data[k] = tree
			}
		default:
			b.Data[k] = v
		}
	}
	if _, ok := b.Data[MIMEText]; !ok {
		b.Data[MIMEText] = plain
	}
	return b
}

// text is the text/plain form of any value: strings quoted as in Go
// source, everything else as fmt's %v.
func text(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return fmt.Sprintf("(%T)(nil)", v)
	}
	return fmt.Sprintf("%v", v)
}

// Show renders v and sends it to the notebook now, as display_data. Outside
// a kernel it prints the text/plain form to standard output.
func Show(v any) error {
	b := Render(v)
	if len(b.Data) == 0 {
		return nil
	}
	if hook.Publish == nil {
		_, err := fmt.Fprintln(os.Stdout, b.String())
		return err
	}
	return hook.Publish(b.Data, b.Metadata)
}

// Context returns the running cell's context: the kernel cancels it when
// the user interrupts the cell. Outside a kernel it is context.Background.
func Context() context.Context {
	if hook.Context == nil {
		return context.Background()
	}
	return hook.Context()
}
