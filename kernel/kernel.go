package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/irsynth/irsynth/kernel/internal/hook"
	"github.com/irsynth/irsynth/kernel/internal/interp"
)

// Kernel is a running Jupyter kernel: five ZeroMQ sockets and one Go
// interpreter session.
type Kernel struct {
	conn    ConnectionInfo
	signer  signer
	session string
	log     *log.Logger

	shell, control, stdin, iopub, hb zmq4.Socket
	shellMu, controlMu, iopubMu      sync.Mutex

	interp    *interp.Session
	execCount int
	// abortBefore is when the last cell failed: execute requests sent
	// before it with stop_on_error (a "run all" queued behind the failed
	// cell) are aborted, not run
	abortBefore time.Time

	// the request of the running cell, parent of its display_data
	curMu  sync.Mutex
	curReq *Message

	ctx      context.Context
	shutdown context.CancelFunc
	stop     sync.Once
}

type startKey struct{}

// WithStart records in ctx when the process started, so that Serve logs
// how long the kernel took to become ready.
func WithStart(ctx context.Context, t time.Time) context.Context {
	return context.WithValue(ctx, startKey{}, t)
}

// Docs, when set before Serve, returns the doc comment of a bound package
// member for inspect requests. The generated bindings set it.
var Docs func(pkgPath, name string) string

// Serve runs a kernel on the connection until a shutdown request arrives or
// ctx is cancelled. Log lines (dropped messages, internal errors) go to logw.
func Serve(ctx context.Context, conn ConnectionInfo, logw io.Writer) error {
	if err := conn.check(); err != nil {
		return err
	}
	lg := log.New(logw, "irsynth-kernel: ", log.LstdFlags)
	session, err := interp.New(logw)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrToolchain, err)
	}
	defer session.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	k := &Kernel{
		conn:     conn,
		signer:   signer{key: []byte(conn.Key)},
		session:  newID(),
		log:      lg,
		interp:   session,
		ctx:      ctx,
		shutdown: cancel,
	}
	if err := k.listen(); err != nil {
		k.closeSockets()
		return err
	}
	defer k.closeSockets()
	hook.Publish = k.publishDisplay
	hook.Context = session.Context

	k.publishStatus(nil, "starting")
	if started, ok := ctx.Value(startKey{}).(time.Time); ok {
		lg.Printf("listening on %s, ready %v after process start", conn.IP, time.Since(started).Round(time.Millisecond))
	}
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); k.heartbeat() }()
	go func() { defer wg.Done(); k.serve(k.control, &k.controlMu, "control") }()
	go func() { defer wg.Done(); k.serve(k.shell, &k.shellMu, "shell") }()
	<-ctx.Done()
	k.closeSockets()
	// a cell stuck in compiled code that ignores the interrupt must not keep
	// the process alive after a shutdown request
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		lg.Print("shutdown: a cell is still running; leaving it behind")
	}
	return nil
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
	k.publish(req, "status", map[string]any{"execution_state": state})
}

// publishDisplay is the display package's hook: display_data for the
// running cell.
func (k *Kernel) publishDisplay(data, metadata map[string]any) error {
	k.curMu.Lock()
	req := k.curReq
	k.curMu.Unlock()
	if req == nil {
		return errors.New("display: no cell is running")
	}
	if metadata == nil {
		metadata = map[string]any{}
	}
	k.publish(req, "display_data", map[string]any{"data": data, "metadata": metadata, "transient": map[string]any{}})
	return nil
}
