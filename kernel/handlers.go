package kernel

import (
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"sync"

	"github.com/go-zeromq/zmq4"

	"github.com/irsynth/irsynth/kernel/internal/interp"
)

// Version is the kernel's implementation version.
const Version = "0.1.0"

// handle answers one request, between busy and idle status messages.
func (k *Kernel) handle(sock zmq4.Socket, mu *sync.Mutex, channel string, req *Message) {
	k.publishStatus(req, "busy")
	defer k.publishStatus(req, "idle")
	switch t := req.Header.MsgType; t {
	case "kernel_info_request":
		k.respond(sock, mu, req, "kernel_info_reply", k.kernelInfo())
	case "execute_request":
		k.execute(sock, mu, req)
	case "complete_request":
		k.complete(sock, mu, req)
	case "is_complete_request":
		k.isComplete(sock, mu, req)
	case "inspect_request":
		k.inspect(sock, mu, req)
	case "history_request":
		k.respond(sock, mu, req, "history_reply", map[string]any{"status": "ok", "history": []any{}})
	case "comm_info_request":
		k.respond(sock, mu, req, "comm_info_reply", map[string]any{"status": "ok", "comms": map[string]any{}})
	case "interrupt_request":
		k.interp.Interrupt()
		k.respond(sock, mu, req, "interrupt_reply", map[string]any{"status": "ok"})
	case "shutdown_request":
		var c struct {
			Restart bool `json:"restart"`
		}
		json.Unmarshal(req.Content, &c)
		k.respond(sock, mu, req, "shutdown_reply", map[string]any{"status": "ok", "restart": c.Restart})
		k.interp.Interrupt()
		k.shutdown()
	default:
		if strings.HasSuffix(t, "_request") {
			k.log.Printf("%s: unsupported request %s", channel, t)
			k.respond(sock, mu, req, strings.TrimSuffix(t, "_request")+"_reply",
				map[string]any{"status": "error", "ename": "NotImplemented", "evalue": "unsupported request " + t, "traceback": []string{}})
		}
	}
}

func (k *Kernel) kernelInfo() map[string]any {
	return map[string]any{
		"status":                 "ok",
		"protocol_version":       ProtocolVersion,
		"implementation":         "irsynth-kernel",
		"implementation_version": Version,
		"language_info": map[string]any{
			"name":            "go",
			"version":         strings.TrimPrefix(runtime.Version(), "go"),
			"mimetype":        "text/x-go",
			"file_extension":  ".go",
			"pygments_lexer":  "go",
			"codemirror_mode": "go",
		},
		"banner": "Go (irsynth): gomacro interpreter with the irsynth library compiled in",
		"help_links": []map[string]string{
			{"text": "gomacro", "url": "https://github.com/cosmos72/gomacro"},
		},
	}
}

func (k *Kernel) complete(sock zmq4.Socket, mu *sync.Mutex, req *Message) {
	var c struct {
		Code      string `json:"code"`
		CursorPos int    `json:"cursor_pos"`
	}
	json.Unmarshal(req.Content, &c)
	res, err := k.interp.Complete(c.Code, c.CursorPos)
	if err != nil {
		k.respond(sock, mu, req, "complete_reply", errorContent("CompleteError", err.Error(), nil))
		return
	}
	if res.Matches == nil {
		res.Matches = []string{}
	}
	k.respond(sock, mu, req, "complete_reply", map[string]any{
		"status": "ok", "matches": res.Matches, "cursor_start": res.Start, "cursor_end": res.End, "metadata": map[string]any{},
	})
}

func (k *Kernel) isComplete(sock zmq4.Socket, mu *sync.Mutex, req *Message) {
	var c struct {
		Code string `json:"code"`
	}
	json.Unmarshal(req.Content, &c)
	status, indent := interp.IsComplete(c.Code)
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = indent
	}
	k.respond(sock, mu, req, "is_complete_reply", content)
}

func (k *Kernel) inspect(sock zmq4.Socket, mu *sync.Mutex, req *Message) {
	var c struct {
		Code      string `json:"code"`
		CursorPos int    `json:"cursor_pos"`
	}
	json.Unmarshal(req.Content, &c)
	text, found, err := k.interp.Inspect(c.Code, c.CursorPos, Docs)
	if err != nil {
		k.respond(sock, mu, req, "inspect_reply", errorContent("InspectError", err.Error(), nil))
		return
	}
	data := map[string]any{}
	if found {
		data["text/plain"] = text
	}
	k.respond(sock, mu, req, "inspect_reply", map[string]any{"status": "ok", "found": found, "data": data, "metadata": map[string]any{}})
}

func errorContent(ename, evalue string, traceback []string) map[string]any {
	if traceback == nil {
		traceback = []string{ename + ": " + evalue}
	}
	return map[string]any{"status": "error", "ename": ename, "evalue": evalue, "traceback": traceback}
}

// cellErrorContent is the error content of a failed cell.
func cellErrorContent(err error) map[string]any {
	var ce *interp.CellError
	if !errors.As(err, &ce) {
		return errorContent("Error", err.Error(), nil)
	}
	tb := []string{ce.Name + ": " + ce.Value}
	if ce.Stack != "" {
		tb = append(tb, strings.Split(strings.TrimRight(ce.Stack, "\n"), "\n")...)
	}
	return errorContent(ce.Name, ce.Value, tb)
}
