package kernel

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/go-zeromq/zmq4"

	"github.com/irsynth/irsynth/kernel/display"
	"github.com/irsynth/irsynth/kernel/internal/interp"
)

type executeRequest struct {
	Code         string `json:"code"`
	Silent       bool   `json:"silent"`
	StoreHistory *bool  `json:"store_history"`
	StopOnError  *bool  `json:"stop_on_error"`
}

// execute runs a cell: execute_input, streamed stdout and stderr while it
// runs, then execute_result or error, then execute_reply.
func (k *Kernel) execute(sock zmq4.Socket, mu *sync.Mutex, req *Message) {
	var c executeRequest
	if err := json.Unmarshal(req.Content, &c); err != nil {
		k.respond(sock, mu, req, "execute_reply", errorContent("BadRequest", err.Error(), nil))
		return
	}
	if sent, err := time.Parse(time.RFC3339Nano, req.Header.Date); err == nil && sent.Before(k.abortBefore) &&
		(c.StopOnError == nil || *c.StopOnError) {
		k.respond(sock, mu, req, "execute_reply", map[string]any{"status": "aborted", "execution_count": k.execCount})
		return
	}
	if !c.Silent && (c.StoreHistory == nil || *c.StoreHistory) {
		k.execCount++
	}
	count := k.execCount
	if !c.Silent {
		k.publish(req, "execute_input", map[string]any{"code": c.Code, "execution_count": count})
	}

	k.curMu.Lock()
	k.curReq = req
	k.curMu.Unlock()
	capture := k.captureOutput(req)
	vals, err := k.interp.Eval(k.ctx, c.Code)
	var result display.Bundle
	if err == nil && !c.Silent {
		result = k.render(vals)
	}
	capture.stop()
	k.curMu.Lock()
	k.curReq = nil
	k.curMu.Unlock()

	if err != nil {
		k.abortBefore = time.Now()
		content := cellErrorContent(err)
		if !c.Silent {
			k.publish(req, "error", map[string]any{"ename": content["ename"], "evalue": content["evalue"], "traceback": content["traceback"]})
		}
		content["execution_count"] = count
		k.respond(sock, mu, req, "execute_reply", content)
		return
	}
	if len(result.Data) > 0 {
		md := result.Metadata
		if md == nil {
			md = map[string]any{}
		}
		k.publish(req, "execute_result", map[string]any{"execution_count": count, "data": result.Data, "metadata": md})
	}
	k.respond(sock, mu, req, "execute_reply", map[string]any{
		"status": "ok", "execution_count": count, "user_expressions": map[string]any{}, "payload": []any{},
	})
}

// render returns the rich form of a cell's last values. Statements have no
// value; a call returning (int, error) with a nil error, such as
// fmt.Println, shows nothing, since its byte count is noise in a notebook.
func (k *Kernel) render(vals []interp.Value) display.Bundle {
	if len(vals) == 0 {
		return display.Bundle{}
	}
	if len(vals) == 2 && vals[0].Value.IsValid() && vals[0].Value.Kind() == 2 /* reflect.Int */ &&
		vals[1].Type != nil && vals[1].Type.String() == "error" && vals[1].Interface() == nil {
		return display.Bundle{}
	}
	if len(vals) == 1 {
		return k.renderOne(vals[0])
	}
	// several values: one text line, as Go prints a tuple
	out := display.Bundle{Data: map[string]any{}}
	var text string
	for i, v := range vals {
		if i > 0 {
			text += ", "
		}
		text += display.Render(v.Interface()).String()
	}
	out.Data[display.MIMEText] = text
	return out
}

func (k *Kernel) renderOne(v interp.Value) display.Bundle {
	if !v.Value.IsValid() {
		return display.Bundle{}
	}
	if b, ok := k.renderInterpreted(v); ok {
		return b
	}
	return display.Render(v.Interface())
}

// renderInterpreted renders a value whose type was declared in a cell and
// has one of display's methods: reflection cannot see interpreted methods,
// so the kernel calls the method through the interpreter.
func (k *Kernel) renderInterpreted(v interp.Value) (display.Bundle, bool) {
	t := v.Type
	if t == nil || t.PkgPath() != "main" {
		return display.Bundle{}, false
	}
	for _, name := range display.Methods {
		if _, n := t.MethodByName(name, ""); n != 1 {
			continue
		}
		if err := k.interp.Declare("irsynthDisplayValue", v); err != nil {
			return display.Bundle{}, false
		}
		out, err := k.interp.Eval(k.ctx, "irsynthDisplayValue."+name+"()")
		if err != nil {
			return display.Text(err.Error()), true
		}
		if len(out) == 0 {
			return display.Bundle{}, false
		}
		res := out[0].Interface()
		plain := display.Render(v.Interface()).String()
		switch name {
		case "MimeBundle":
			if len(out) == 2 {
				if e, ok := out[1].Interface().(error); ok && e != nil {
					return display.Text(e.Error()), true
				}
			}
			if m, ok := res.(map[string]any); ok {
				return display.FromMap(m, plain), true
			}
		case "RenderFragment":
			if len(out) == 2 {
				if e, ok := out[1].Interface().(error); ok && e != nil {
					return display.Text(e.Error()), true
				}
			}
			if b, ok := res.([]byte); ok {
				return display.FromMap(map[string]any{display.MIMEHTML: string(b)}, plain), true
			}
		case "HTML":
			if s, ok := res.(string); ok {
				return display.FromMap(map[string]any{display.MIMEHTML: s}, plain), true
			}
		case "Markdown":
			if s, ok := res.(string); ok {
				return display.FromMap(map[string]any{display.MIMEMarkdown: s}, plain), true
			}
		case "SVG":
			if s, ok := res.(string); ok {
				return display.FromMap(map[string]any{display.MIMESVG: s}, plain), true
			}
		case "PNG":
			if b, ok := res.([]byte); ok {
				return display.PNG(b), true
			}
		case "JSON":
			return display.JSON(res), true
		}
	}
	return display.Bundle{}, false
}

// capture redirects os.Stdout and os.Stderr into pipes while a cell runs
// and streams what arrives as stream messages.
type capture struct {
	k              *Kernel
	oldOut, oldErr *os.File
	wOut, wErr     *os.File
	wg             sync.WaitGroup
}

func (k *Kernel) captureOutput(req *Message) *capture {
	c := &capture{k: k, oldOut: os.Stdout, oldErr: os.Stderr}
	rOut, wOut, err1 := os.Pipe()
	rErr, wErr, err2 := os.Pipe()
	if err1 != nil || err2 != nil {
		k.log.Printf("capture output: %v %v", err1, err2)
		return c
	}
	c.wOut, c.wErr = wOut, wErr
	os.Stdout, os.Stderr = wOut, wErr
	c.wg.Add(2)
	go c.pump(req, rOut, "stdout")
	go c.pump(req, rErr, "stderr")
	return c
}

func (c *capture) pump(req *Message, r *os.File, name string) {
	defer c.wg.Done()
	defer r.Close()
	buf := make([]byte, 32<<10)
	var carry []byte // the start of a UTF-8 sequence split across reads
	for {
		n, err := r.Read(buf)
		if n > 0 {
			data := append(carry, buf[:n]...)
			cut := completeUTF8(data)
			if text := dropImportWarnings(string(data[:cut])); text != "" {
				c.k.publish(req, "stream", map[string]any{"name": name, "text": text})
			}
			carry = append([]byte(nil), data[cut:]...)
		}
		if err != nil {
			if len(carry) > 0 {
				c.k.publish(req, "stream", map[string]any{"name": name, "text": string(carry)})
			}
			return
		}
	}
}

// gomacroWarnings start the lines gomacro prints on standard output with
// fmt.Printf rather than on its configured log: one per generic function or
// type it skips while importing a package, and one when a multi-valued
// expression is used as a single value. They are about the interpreter, not
// the cell, so the kernel keeps them out of the notebook.
var gomacroWarnings = []string{
	"// warning: skipping import of ",
	"// warning: expression returns ",
}

func dropImportWarnings(text string) string {
	if !strings.Contains(text, "// warning: ") {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	kept := lines[:0]
	for _, l := range lines {
		drop := false
		for _, w := range gomacroWarnings {
			drop = drop || strings.HasPrefix(l, w)
		}
		if !drop {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "")
}

// completeUTF8 returns the length of data without an incomplete UTF-8
// sequence at its end.
func completeUTF8(data []byte) int {
	for i := 1; i <= utf8.UTFMax && i <= len(data); i++ {
		if utf8.RuneStart(data[len(data)-i]) {
			if !utf8.FullRune(data[len(data)-i:]) {
				return len(data) - i
			}
			break
		}
	}
	return len(data)
}

// stop restores os.Stdout and os.Stderr and waits until everything written
// during the cell is published.
func (c *capture) stop() {
	if c.wOut == nil {
		return
	}
	os.Stdout, os.Stderr = c.oldOut, c.oldErr
	c.wOut.Close()
	c.wErr.Close()
	c.wg.Wait()
}
