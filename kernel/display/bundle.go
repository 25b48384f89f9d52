package display

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
)

// MIME types the kernel sends.
const (
	MIMEText       = "text/plain"
	MIMEHTML       = "text/html"
	MIMEMarkdown   = "text/markdown"
	MIMESVG        = "image/svg+xml"
	MIMEPNG        = "image/png"
	MIMEJPEG       = "image/jpeg"
	MIMEJSON       = "application/json"
	MIMEJavaScript = "application/javascript"
)

// Bundle is a Jupyter MIME bundle: the same output in several formats
// (Data, keyed by MIME type) and per-format metadata. The front end shows
// the richest format it supports.
type Bundle struct {
	Data     map[string]any
	Metadata map[string]any
}

// MimeBundle returns b's data, so that a Bundle renders as itself.
func (b Bundle) MimeBundle() map[string]any { return b.Data }

// String returns the text/plain form.
func (b Bundle) String() string {
	if s, ok := b.Data[MIMEText].(string); ok {
		return s
	}
	return ""
}

func bundle(mime string, data any, text string) Bundle {
	return Bundle{Data: map[string]any{mime: data, MIMEText: text}}
}

// HTML renders html as HTML.
func HTML(html string) Bundle { return bundle(MIMEHTML, html, html) }

// Markdown renders md as Markdown.
func Markdown(md string) Bundle { return bundle(MIMEMarkdown, md, md) }

// Text renders s as plain text.
func Text(s string) Bundle { return Bundle{Data: map[string]any{MIMEText: s}} }

// SVG renders an SVG document.
func SVG(svg string) Bundle { return bundle(MIMESVG, svg, "<svg image>") }

// PNG renders PNG-encoded bytes as an image.
func PNG(png []byte) Bundle {
	return bundle(MIMEPNG, base64.StdEncoding.EncodeToString(png), fmt.Sprintf("<png image, %d bytes>", len(png)))
}

// JPEG renders JPEG-encoded bytes as an image.
func JPEG(jpeg []byte) Bundle {
	return bundle(MIMEJPEG, base64.StdEncoding.EncodeToString(jpeg), fmt.Sprintf("<jpeg image, %d bytes>", len(jpeg)))
}

// JSON renders v as an interactive JSON tree. A value that does not marshal
// renders as the marshalling error.
func JSON(v any) Bundle {
	data, err := json.Marshal(v)
	if err != nil {
		return Text(fmt.Sprintf("display: JSON: %v", err))
	}
	var tree any
	if err := json.Unmarshal(data, &tree); err != nil {
		return Text(fmt.Sprintf("display: JSON: %v", err))
	}
	indented, _ := json.MarshalIndent(tree, "", "  ")
	return bundle(MIMEJSON, tree, string(indented))
}

// JavaScript runs js in the front end.
func JavaScript(js string) Bundle { return bundle(MIMEJavaScript, js, "<javascript>") }
