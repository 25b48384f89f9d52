package kernel

import (
	"encoding/json"
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
		k.respond(sock, mu, req, "history_reply", historyReply{Status: "ok", History: []any{}})
	case "comm_info_request":
		k.respond(sock, mu, req, "comm_info_reply", commInfoReply{Status: "ok", Comms: map[string]any{}})
	case "interrupt_request":
		k.interruptCell()
		k.respond(sock, mu, req, "interrupt_reply", interruptReply{Status: "ok"})
	case "shutdown_request":
		var c struct {
			Restart bool `json:"restart"`
		}
		json.Unmarshal(req.Content, &c)
		k.respond(sock, mu, req, "shutdown_reply", shutdownReply{Status: "ok", Restart: c.Restart})
		k.shutdown()
	default:
		if strings.HasSuffix(t, "_request") {
			k.log.Printf("%s: unsupported request %s", channel, t)
			k.respond(sock, mu, req, strings.TrimSuffix(t, "_request")+"_reply",
				newError("NotImplemented", "unsupported request "+t, nil))
		}
	}
}

func (k *Kernel) kernelInfo() kernelInfoReply {
	return kernelInfoReply{
		Status:                "ok",
		ProtocolVersion:       ProtocolVersion,
		Implementation:        "irsynth-kernel",
		ImplementationVersion: Version,
		LanguageInfo: languageInfo{
			Name:           "go",
			Version:        strings.TrimPrefix(runtime.Version(), "go"),
			Mimetype:       "text/x-go",
			FileExtension:  ".go",
			PygmentsLexer:  "go",
			CodemirrorMode: "go",
		},
		Banner:    "Go (irsynth): gomacro interpreter with the irsynth library compiled in",
		HelpLinks: []helpLink{{Text: "gomacro", URL: "https://github.com/cosmos72/gomacro"}},
	}
}

type codeRequest struct {
	Code      string `json:"code"`
	CursorPos int    `json:"cursor_pos"`
}

// askSession sends a code request (code and cursor) to the session as op.
// When the session cannot answer or answers with an error, it replies to
// req with that error as a reply of replyType, and ok is false.
func (k *Kernel) askSession(sock zmq4.Socket, mu *sync.Mutex, req *Message, op, replyType string) (res pipeMsg, ok bool) {
	var c codeRequest
	json.Unmarshal(req.Content, &c)
	res, failure := k.sup.request(pipeMsg{Op: op, Code: c.Code, Cursor: c.CursorPos})
	if failure == nil {
		failure = res.Error
	}
	if failure != nil {
		k.respond(sock, mu, req, replyType, failure)
		return pipeMsg{}, false
	}
	return res, true
}

func (k *Kernel) complete(sock zmq4.Socket, mu *sync.Mutex, req *Message) {
	res, ok := k.askSession(sock, mu, req, opComplete, "complete_reply")
	if !ok {
		return
	}
	if res.Matches == nil {
		res.Matches = []string{}
	}
	k.respond(sock, mu, req, "complete_reply", completeReply{
		Status: "ok", Matches: res.Matches, CursorStart: res.Start, CursorEnd: res.End, Metadata: map[string]any{},
	})
}

func (k *Kernel) isComplete(sock zmq4.Socket, mu *sync.Mutex, req *Message) {
	var c codeRequest
	json.Unmarshal(req.Content, &c)
	status, indent := interp.IsComplete(c.Code)
	reply := isCompleteReply{Status: status}
	if status == "incomplete" {
		reply.Indent = &indent
	}
	k.respond(sock, mu, req, "is_complete_reply", reply)
}

func (k *Kernel) inspect(sock zmq4.Socket, mu *sync.Mutex, req *Message) {
	res, ok := k.askSession(sock, mu, req, opInspect, "inspect_reply")
	if !ok {
		return
	}
	data := map[string]any{}
	if res.Found {
		data["text/plain"] = res.Text
	}
	k.respond(sock, mu, req, "inspect_reply", inspectReply{Status: "ok", Found: res.Found, Data: data, Metadata: map[string]any{}})
}
