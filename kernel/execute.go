package kernel

import (
	"encoding/json"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"
)

type executeRequest struct {
	Code         string `json:"code"`
	Silent       bool   `json:"silent"`
	StoreHistory *bool  `json:"store_history"`
	StopOnError  *bool  `json:"stop_on_error"`
}

// execute runs a cell in the session child: execute_input, streamed stdout
// and stderr and display_data while it runs, then execute_result or error,
// then execute_reply.
func (k *Kernel) execute(sock zmq4.Socket, mu *sync.Mutex, req *Message) {
	var c executeRequest
	if err := json.Unmarshal(req.Content, &c); err != nil {
		k.respond(sock, mu, req, "execute_reply", newError("BadRequest", err.Error(), nil))
		return
	}
	if sent, err := time.Parse(time.RFC3339Nano, req.Header.Date); err == nil && sent.Before(k.abortBefore) &&
		(c.StopOnError == nil || *c.StopOnError) {
		k.respond(sock, mu, req, "execute_reply", abortedReply{Status: "aborted", ExecutionCount: k.execCount})
		return
	}
	if !c.Silent && (c.StoreHistory == nil || *c.StoreHistory) {
		k.execCount++
	}
	count := k.execCount
	if !c.Silent {
		k.publish(req, "execute_input", executeInputContent{Code: c.Code, ExecutionCount: count})
	}

	k.curMu.Lock()
	k.curReq = req
	k.out.start(time.Now())
	k.curMu.Unlock()
	reply, failure := k.sup.request(pipeMsg{Op: opExecute, Code: c.Code, Silent: c.Silent})
	if failure == nil {
		failure = reply.Error
	}
	k.curMu.Lock()
	k.curReq = nil
	note := k.out.end()
	k.curMu.Unlock()
	if note != "" {
		k.publish(req, "stream", streamContent{Name: "stderr", Text: note})
	}

	if failure != nil {
		k.abortBefore = time.Now()
		if !c.Silent {
			k.publish(req, "error", errorReply{Ename: failure.Ename, Evalue: failure.Evalue, Traceback: failure.Traceback})
		}
		k.respond(sock, mu, req, "execute_reply", executeErrorReply{errorReply: *failure, ExecutionCount: count})
		return
	}
	if len(reply.Data) > 0 && !c.Silent {
		md := reply.Metadata
		if md == nil {
			md = map[string]any{}
		}
		k.publish(req, "execute_result", executeResultContent{ExecutionCount: count, Data: reply.Data, Metadata: md})
	}
	k.respond(sock, mu, req, "execute_reply", executeReply{
		Status: "ok", ExecutionCount: count, UserExpressions: map[string]any{}, Payload: []any{},
	})
}

// sessionEvent publishes a stream or display event of the session child
// for the running request; events that arrive between cells (from a
// goroutine a cell left running) go to the log.
func (k *Kernel) sessionEvent(m pipeMsg) {
	k.curMu.Lock()
	req := k.curReq
	ok, note := true, ""
	if req != nil && m.Op == opStream {
		ok, note = k.out.admit(len(m.Text), time.Now())
	}
	k.curMu.Unlock()
	if note != "" {
		k.publish(req, "stream", streamContent{Name: "stderr", Text: note})
	}
	if !ok {
		return
	}
	if req == nil {
		if m.Op == opStream {
			k.log.Printf("output after its cell ended (%s): %q", m.Name, m.Text)
		}
		return
	}
	switch m.Op {
	case opStream:
		k.publish(req, "stream", streamContent{Name: m.Name, Text: m.Text})
	case opDisplay:
		md := m.Metadata
		if md == nil {
			md = map[string]any{}
		}
		k.publish(req, "display_data", displayContent{Data: m.Data, Metadata: md, Transient: map[string]any{}})
	}
}
