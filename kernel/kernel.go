package kernel

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"
)

// Kernel is a running Jupyter kernel: five ZeroMQ sockets and a supervised
// session child that runs the cells.
type Kernel struct {
	conn    ConnectionInfo
	signer  signer
	session string
	log     *log.Logger

	shell, control, stdin, iopub, hb zmq4.Socket
	shellMu, controlMu, iopubMu      sync.Mutex

	sup       *supervisor
	execCount int
	// abortBefore is when the last cell failed: execute requests sent
	// before it with stop_on_error (a "run all" queued behind the failed
	// cell) are aborted, not run
	abortBefore time.Time

	// the request of the running cell, parent of its stream and
	// display_data messages
	curMu  sync.Mutex
	curReq *Message
	out    outputLimit // the running cell's stream output bound; guarded by curMu

	ctx      context.Context
	shutdown context.CancelFunc
	stop     sync.Once
}

// Serve runs a kernel until a shutdown request arrives, ctx is cancelled
// or cfg.ParentPID dies. Cells run in a session child started from
// cfg.Session, which Serve restarts when it dies; Serve kills it before
// returning.
func Serve(ctx context.Context, cfg Config) error {
	if err := cfg.Conn.check(); err != nil {
		return err
	}
	logw := cfg.Log
	if logw == nil {
		logw = io.Discard
	}
	lg := log.New(logw, "irsynth-kernel: ", log.LstdFlags)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	k := &Kernel{
		conn:     cfg.Conn,
		signer:   signer{key: []byte(cfg.Conn.Key)},
		session:  newID(),
		log:      lg,
		ctx:      ctx,
		shutdown: cancel,
		out:      newOutputLimit(cfg.OutputRate),
	}
	k.sup = &supervisor{cfg: cfg, log: lg.Printf, events: k.sessionEvent}
	// the child starts while the sockets open: the first cell finds it ready
	if _, err := k.sup.running(); err != nil {
		return err
	}
	defer k.sup.close()
	if err := k.listen(); err != nil {
		k.closeSockets()
		return err
	}
	defer k.closeSockets()
	if cfg.ParentPID > 0 {
		go watchParent(ctx, cfg.ParentPID, func() {
			lg.Printf("parent process %d died: shutting down", cfg.ParentPID)
			cancel()
		})
	}

	k.publishStatus(nil, "starting")
	if !cfg.Started.IsZero() {
		lg.Printf("listening on %s, ready %v after process start", cfg.Conn.IP, time.Since(cfg.Started).Round(time.Millisecond))
	}
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); k.heartbeat() }()
	go func() { defer wg.Done(); k.serve(k.control, &k.controlMu, "control") }()
	go func() { defer wg.Done(); k.serve(k.shell, &k.shellMu, "shell") }()
	<-ctx.Done()
	// killing the child ends a running cell's request, and closing the
	// sockets ends the receive loops
	k.sup.close()
	k.closeSockets()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Second):
		lg.Print("shutdown: a handler is still running; leaving it behind")
	}
	return nil
}

// interruptCell interrupts the running cell; the supervisor restarts the
// session if the cell is still running after the grace period.
func (k *Kernel) interruptCell() {
	k.curMu.Lock()
	req := k.curReq
	k.curMu.Unlock()
	if req == nil {
		return
	}
	k.sup.interrupt(func() bool {
		k.curMu.Lock()
		defer k.curMu.Unlock()
		return k.curReq == req
	})
}

func (k *Kernel) listen() error {
	// sockets are not bound to ctx: they close when Serve closes them, after
	// the shutdown reply is on its way
	bg := context.Background()
	k.shell = zmq4.NewRouter(bg)
	k.control = zmq4.NewRouter(bg)
	k.stdin = zmq4.NewRouter(bg)
	k.iopub = zmq4.NewPub(bg)
	k.hb = zmq4.NewRep(bg)
	for _, s := range []struct {
		sock zmq4.Socket
		port int
		name string
	}{{k.shell, k.conn.ShellPort, "shell"}, {k.control, k.conn.ControlPort, "control"},
		{k.stdin, k.conn.StdinPort, "stdin"}, {k.iopub, k.conn.IOPubPort, "iopub"}, {k.hb, k.conn.HBPort, "hb"}} {
		if err := s.sock.Listen(k.conn.endpoint(s.port)); err != nil {
			return fmt.Errorf("kernel: %s socket: %w", s.name, err)
		}
	}
	return nil
}

func (k *Kernel) closeSockets() {
	k.stop.Do(func() {
		for _, s := range []zmq4.Socket{k.shell, k.control, k.stdin, k.iopub, k.hb} {
			if s != nil {
				s.Close()
			}
		}
	})
}

func (k *Kernel) heartbeat() {
	for {
		msg, err := k.hb.Recv()
		if err != nil {
			return
		}
		if err := k.hb.Send(msg); err != nil {
			return
		}
	}
}

// serve reads requests from a ROUTER socket and handles them in order.
func (k *Kernel) serve(sock zmq4.Socket, mu *sync.Mutex, name string) {
	for {
		raw, err := sock.Recv()
		if err != nil {
			if k.ctx.Err() == nil {
				k.log.Printf("%s: receive: %v", name, err)
			}
			return
		}
		req, err := k.signer.decode(raw.Frames)
		if err != nil {
			// never act on a message we cannot authenticate
			k.log.Printf("%s: dropped message: %v", name, err)
			continue
		}
		k.handle(sock, mu, name, req)
		if k.ctx.Err() != nil {
			return
		}
	}
}

// send signs and sends msg on sock.
func (k *Kernel) send(sock zmq4.Socket, mu *sync.Mutex, msg *Message) {
	frames, err := k.signer.encode(msg)
	if err != nil {
		k.log.Printf("encode %s: %v", msg.Header.MsgType, err)
		return
	}
	mu.Lock()
	defer mu.Unlock()
	if err := sock.Send(zmq4.NewMsgFrom(frames...)); err != nil && k.ctx.Err() == nil {
		k.log.Printf("send %s: %v", msg.Header.MsgType, err)
	}
}

// respond sends a reply to req on the socket it came from.
func (k *Kernel) respond(sock zmq4.Socket, mu *sync.Mutex, req *Message, msgType string, content any) {
	msg, err := k.reply(req, msgType, content)
	if err != nil {
		k.log.Print(err)
		return
	}
	k.send(sock, mu, msg)
}

// publish sends a message on iopub, with parent req (nil: no parent).
func (k *Kernel) publish(req *Message, msgType string, content any) {
	if req == nil {
		req = &Message{}
	}
	msg, err := k.reply(req, msgType, content)
	if err != nil {
		k.log.Print(err)
		return
	}
	if req.Header.MsgID == "" {
		msg.Parent = json.RawMessage("{}")
	}
	// iopub topic: the message type, as ipykernel does
	msg.Identities = [][]byte{[]byte("kernel." + k.session + "." + msgType)}
	k.send(k.iopub, &k.iopubMu, msg)
}

func (k *Kernel) publishStatus(req *Message, state string) {
	k.publish(req, "status", statusContent{ExecutionState: state})
}
