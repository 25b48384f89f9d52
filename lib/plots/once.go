package plots

import (
	"bytes"
)

// EchartsOnce returns html with only the first inline copy of echarts that
// Fragment embeds (about 1 MB each): an exported notebook with many charts
// then carries the library once, and each later chart's script finds
// window.echarts defined by the first. Anything else is left as it was; a
// document without echarts, or when echarts cannot be read, comes back
// unchanged.
func EchartsOnce(html []byte) []byte {
	inline, err := inlineEcharts()
	if err != nil {
		return html
	}
	block := []byte(inline)
	first := bytes.Index(html, block)
	if first < 0 {
		return html
	}
	rest := html[first+len(block):]
	if !bytes.Contains(rest, block) {
		return html
	}
	out := make([]byte, 0, len(html))
	out = append(out, html[:first+len(block)]...)
	return append(out, bytes.ReplaceAll(rest, block, []byte("/* echarts: defined above */"))...)
}
