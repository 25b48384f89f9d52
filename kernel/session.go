package kernel

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/irsynth/irsynth/kernel/display"
	"github.com/irsynth/irsynth/kernel/internal/hook"
	"github.com/irsynth/irsynth/kernel/internal/interp"
)

// sessionServer is the session child: one interpreter session serving the
// kernel's requests from a pipe.
type sessionServer struct {
	cfg    SessionConfig
	interp *interp.Session
	log    *log.Logger

	outMu sync.Mutex
	out   *json.Encoder

	running   atomic.Bool // a cell runs
	overMem   atomic.Bool // the memory watcher stopped the running cell
	heapStart atomic.Uint64
	heapSeen  atomic.Uint64
}

// ServeSession runs the session child: it reads requests from cfg.In and
// answers on cfg.Out until cfg.In ends (the kernel closed it or died), then
// returns nil. While it runs, package display publishes through cfg.Out
// and display.Context is the running cell's context; both hooks are reset
// when it returns.
func ServeSession(cfg SessionConfig) error {
	logw := cfg.Log
	if logw == nil {
		logw = io.Discard
	}
	s, err := interp.New(logw)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrToolchain, err)
	}
	defer s.Close()
	ss := &sessionServer{cfg: cfg, interp: s, log: log.New(logw, "irsynth-kernel session: ", log.LstdFlags), out: json.NewEncoder(cfg.Out)}
	hook.Publish = ss.publishDisplay
	hook.Context = s.Context
	defer func() { hook.Publish, hook.Context = nil, nil }()
	if cfg.MemoryLimit > 0 {
		debug.SetMemoryLimit(cfg.MemoryLimit)
		defer debug.SetMemoryLimit(math.MaxInt64)
		stop := make(chan struct{})
		defer close(stop)
		go ss.watchMemory(stop)
	}

	// requests run in order on this goroutine's worker; interrupts act at
	// once, while a cell runs
	work := make(chan pipeMsg, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for req := range work {
			ss.send(ss.serve(req))
		}
	}()
	sc := bufio.NewScanner(cfg.In)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		var req pipeMsg
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			ss.log.Printf("bad request: %v", err)
			continue
		}
		if req.Op == opInterrupt {
			s.Interrupt()
			continue
		}
		work <- req
	}
	// the kernel closed the pipe or died: stop the running cell, if any
	close(work)
	s.Interrupt()
	select {
	case <-done:
	case <-time.After(time.Second): // a cell ignores the interrupt: the process is ending anyway
	}
	return sc.Err()
}

// send writes one message to the kernel.
func (ss *sessionServer) send(m pipeMsg) {
	ss.outMu.Lock()
	defer ss.outMu.Unlock()
	if err := ss.out.Encode(m); err != nil {
		ss.log.Printf("send %s: %v", m.Op, err)
	}
}

func (ss *sessionServer) publishDisplay(data, metadata map[string]any) error {
	if !ss.running.Load() {
		return errors.New("display: no cell is running")
	}
	ss.send(pipeMsg{Op: opDisplay, Data: data, Metadata: metadata})
	return nil
}

// serve answers one request.
func (ss *sessionServer) serve(req pipeMsg) pipeMsg {
	switch req.Op {
	case opExecute:
		return ss.execute(req)
	case opComplete:
		c, err := ss.interp.Complete(req.Code, req.Cursor)
		if err != nil {
			return pipeMsg{Op: opReply, Error: newError("CompleteError", err.Error(), nil)}
		}
		return pipeMsg{Op: opReply, Matches: c.Matches, Start: c.Start, End: c.End}
	case opInspect:
		text, found, err := ss.interp.Inspect(req.Code, req.Cursor, ss.cfg.Docs)
		if err != nil {
			return pipeMsg{Op: opReply, Error: newError("InspectError", err.Error(), nil)}
		}
		return pipeMsg{Op: opReply, Found: found, Text: text}
	}
	return pipeMsg{Op: opReply, Error: newError("BadRequest", "unknown session request "+req.Op, nil)}
}

// execute runs a cell with its output captured and returns the reply: its
// rendered result in Data, or its error.
func (ss *sessionServer) execute(req pipeMsg) pipeMsg {
	ss.overMem.Store(false)
	ss.heapStart.Store(heapBytes())
	ss.running.Store(true)
	capture := ss.captureOutput()
	vals, err := ss.interp.Eval(context.Background(), req.Code)
	var result display.Bundle
	if err == nil && !req.Silent {
		result = ss.render(vals)
	}
	capture.stop()
	ss.running.Store(false)
	if ss.overMem.Load() {
		return pipeMsg{Op: opReply, Error: newError("MemoryLimit", fmt.Sprintf(
			"the cell's heap reached %d MiB, over the session's cap of %d MiB: the cell was stopped (variables of earlier cells are kept)",
			ss.heapSeen.Load()>>20, ss.cfg.MemoryLimit>>20), nil)}
	}
	if err != nil {
		return pipeMsg{Op: opReply, Error: cellError(err)}
	}
	return pipeMsg{Op: opReply, Data: result.Data, Metadata: result.Metadata}
}

// heapBytes is the memory of live and not yet swept heap objects.
func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// watchMemory interrupts the running cell when the heap passes the cap and
// has grown by more than 16 MiB since the cell started: a cell that only
// frees memory (big = nil) runs even when earlier cells left the heap over
// the cap.
func (ss *sessionServer) watchMemory(stop <-chan struct{}) {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		if !ss.running.Load() {
			continue
		}
		over := func(heap uint64) bool {
			return heap > uint64(ss.cfg.MemoryLimit) && heap > ss.heapStart.Load()+16<<20
		}
		heap := heapBytes()
		if over(heap) && !ss.overMem.Load() {
			// garbage counts until it is swept (the last cell's big = nil):
			// collect before judging
			runtime.GC()
			if heap = heapBytes(); !over(heap) {
				continue
			}
			ss.heapSeen.Store(heap)
			ss.overMem.Store(true)
			ss.interp.Interrupt()
		}
	}
}

// cellError is the error reply of a failed cell.
func cellError(err error) *errorReply {
	var ce *interp.CellError
	if !errors.As(err, &ce) {
		return newError("Error", err.Error(), nil)
	}
	tb := []string{ce.Name + ": " + ce.Value}
	if ce.Stack != "" {
		tb = append(tb, strings.Split(strings.TrimRight(ce.Stack, "\n"), "\n")...)
	}
	return newError(ce.Name, ce.Value, tb)
}

// render returns the rich form of a cell's last values. Statements have no
// value; a call returning (int, error) with a nil error, such as
// fmt.Println, shows nothing, since its byte count is noise in a notebook.
func (ss *sessionServer) render(vals []interp.Value) display.Bundle {
	if len(vals) == 0 {
		return display.Bundle{}
	}
	if len(vals) == 2 && vals[0].Value.IsValid() && vals[0].Value.Kind() == 2 /* reflect.Int */ &&
		vals[1].Type != nil && vals[1].Type.String() == "error" && vals[1].Interface() == nil {
		return display.Bundle{}
	}
	if len(vals) == 1 {
		return ss.renderOne(vals[0])
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

func (ss *sessionServer) renderOne(v interp.Value) display.Bundle {
	if !v.Value.IsValid() {
		return display.Bundle{}
	}
	if b, ok := ss.renderInterpreted(v); ok {
		return b
	}
	return display.Render(v.Interface())
}

// renderInterpreted renders a value whose type was declared in a cell and
// has one of display's methods: reflection cannot see interpreted methods,
// so the kernel calls the method through the interpreter.
func (ss *sessionServer) renderInterpreted(v interp.Value) (display.Bundle, bool) {
	t := v.Type
	if t == nil || t.PkgPath() != "main" {
		return display.Bundle{}, false
	}
	for _, name := range display.Methods {
		if _, n := t.MethodByName(name, ""); n != 1 {
			continue
		}
		if err := ss.interp.Declare("irsynthDisplayValue", v); err != nil {
			return display.Bundle{}, false
		}
		out, err := ss.interp.Eval(context.Background(), "irsynthDisplayValue."+name+"()")
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
	ss             *sessionServer
	oldOut, oldErr *os.File
	wOut, wErr     *os.File
	wg             sync.WaitGroup
}

func (ss *sessionServer) captureOutput() *capture {
	c := &capture{ss: ss, oldOut: os.Stdout, oldErr: os.Stderr}
	rOut, wOut, err1 := os.Pipe()
	rErr, wErr, err2 := os.Pipe()
	if err1 != nil || err2 != nil {
		ss.log.Printf("capture output: %v %v", err1, err2)
		return c
	}
	c.wOut, c.wErr = wOut, wErr
	os.Stdout, os.Stderr = wOut, wErr
	c.wg.Add(2)
	go c.pump(rOut, "stdout")
	go c.pump(rErr, "stderr")
	return c
}

func (c *capture) pump(r *os.File, name string) {
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
				c.ss.send(pipeMsg{Op: opStream, Name: name, Text: text})
			}
			carry = append([]byte(nil), data[cut:]...)
		}
		if err != nil {
			if len(carry) > 0 {
				c.ss.send(pipeMsg{Op: opStream, Name: name, Text: string(carry)})
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
