package kernel

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// supervisor runs the session child, passes it requests, and starts a new
// one when it dies: whatever a cell does to its process (a panic in a
// goroutine, os.Exit from compiled code, running out of memory, a call
// that ignores interrupts), the kernel process and its Jupyter connection
// survive, and the cell (or the next one) says that the session restarted.
type supervisor struct {
	cfg Config
	log func(format string, args ...any)
	// events receives the stream and display events of the running request
	events func(pipeMsg)

	mu  sync.Mutex
	cur *child
	// pending is the restart error for the next cell, when the child died
	// between cells
	pending *errorReply
	closed  bool
}

// child is one session process.
type child struct {
	cmd     *exec.Cmd
	in      io.WriteCloser
	inMu    sync.Mutex
	replies chan pipeMsg
	dead    chan struct{} // closed once the process has exited and its stderr is read
	tail    tailBuffer    // the end of its standard error, for the crash report
	started time.Time

	mu         sync.Mutex
	killReason string // why the supervisor killed it; "" if it died on its own
}

func (s *supervisor) start() (*child, error) {
	if len(s.cfg.Session) == 0 {
		return nil, fmt.Errorf("kernel: Config.Session is empty: no command to start the session child")
	}
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("kernel: session pipe: %w", err)
	}
	evR, evW, err := os.Pipe()
	if err != nil {
		reqR.Close()
		reqW.Close()
		return nil, fmt.Errorf("kernel: session pipe: %w", err)
	}
	c := &child{in: reqW, replies: make(chan pipeMsg, 1), dead: make(chan struct{}), started: time.Now()}
	cmd := exec.Command(s.cfg.Session[0], s.cfg.Session[1:]...)
	cmd.ExtraFiles = []*os.File{reqR, evW} // fds 3 and 4
	logw := s.cfg.Log
	if logw == nil {
		logw = io.Discard
	}
	cmd.Stdout = io.MultiWriter(logw, &c.tail)
	cmd.Stderr = cmd.Stdout
	// the child dies with the kernel even when nothing closes its pipe
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		reqR.Close()
		reqW.Close()
		evR.Close()
		evW.Close()
		return nil, fmt.Errorf("kernel: start session %s: %w", s.cfg.Session[0], err)
	}
	reqR.Close()
	evW.Close()
	c.cmd = cmd
	go s.read(c, evR)
	if s.cfg.MemoryLimit > 0 {
		go s.watchRSS(c)
	}
	return c, nil
}

// read dispatches the child's messages until its pipe ends, then waits for
// the process.
func (s *supervisor) read(c *child, r io.ReadCloser) {
	defer close(c.dead)
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 256<<20)
	for sc.Scan() {
		var m pipeMsg
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			s.log("session: bad message: %v", err)
			continue
		}
		if m.Op == opReply {
			c.replies <- m
			continue
		}
		s.events(m)
	}
	c.in.Close()
	c.cmd.Wait()
}

// watchRSS kills a child whose resident memory passes 1.5 times the cap:
// memory the child's own heap watcher cannot stop in time (one huge
// allocation, compiled code that ignores the interrupt).
func (s *supervisor) watchRSS(c *child) {
	limit := s.cfg.MemoryLimit + s.cfg.MemoryLimit/2
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-c.dead:
			return
		case <-t.C:
		}
		if rss := residentBytes(c.cmd.Process.Pid); rss > limit {
			c.kill(fmt.Sprintf("the session used %d MiB of memory, over 1.5 times its cap of %d MiB (MemoryLimit)", rss>>20, s.cfg.MemoryLimit>>20))
			return
		}
	}
}

// residentBytes reads a process's resident set size from /proc (0 if it
// cannot).
func residentBytes(pid int) int64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

func (c *child) kill(reason string) {
	c.mu.Lock()
	if c.killReason == "" {
		c.killReason = reason
	}
	c.mu.Unlock()
	c.cmd.Process.Kill()
}

func (c *child) send(m pipeMsg) error {
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	c.inMu.Lock()
	defer c.inMu.Unlock()
	_, err = c.in.Write(append(data, '\n'))
	return err
}

// death describes how the child ended.
func (c *child) death() string {
	c.mu.Lock()
	reason := c.killReason
	c.mu.Unlock()
	if reason != "" {
		return reason
	}
	status := "it exited"
	if ps := c.cmd.ProcessState; ps != nil {
		status = "it ended with " + ps.String()
	}
	if crash := c.tail.crash(); crash != "" {
		if strings.HasPrefix(crash, "panic: ") {
			crash += " (" + unrecoverable + ")"
		}
		return status + ": " + crash
	}
	return status
}

// unrecoverable says which panics end the session.
const unrecoverable = "a panic on a goroutine that compiled code started, such as a function passed to time.AfterFunc: " +
	"the interpreter recovers panics in cells and in goroutines of go statements, not there"

// running returns the live child, starting one if there is none.
func (s *supervisor) running() (*child, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("kernel: shutting down")
	}
	if s.cur != nil {
		select {
		case <-s.cur.dead:
			s.pending = restartError(s.cur.death(), false)
			s.log("session died between cells (%s); restarting", s.cur.death())
			s.cur = nil
		default:
			return s.cur, nil
		}
	}
	c, err := s.start()
	if err != nil {
		return nil, err
	}
	s.cur = c
	return c, nil
}

// request sends req to the session and waits for its reply. When the child
// dies first, it returns the restart error and a new child starts.
func (s *supervisor) request(req pipeMsg) (pipeMsg, *errorReply) {
	c, err := s.running()
	if err != nil {
		return pipeMsg{}, newError("SessionError", err.Error(), nil)
	}
	if req.Op == opExecute {
		s.mu.Lock()
		p := s.pending
		s.pending = nil
		s.mu.Unlock()
		if p != nil {
			return pipeMsg{}, p
		}
	}
	if err := c.send(req); err != nil {
		// the child is dying: its death is reported below
		s.log("session: send %s: %v", req.Op, err)
	}
	select {
	case r := <-c.replies:
		return r, nil
	case <-c.dead:
	}
	s.mu.Lock()
	if s.cur == c {
		s.cur = nil
	}
	closed := s.closed
	s.mu.Unlock()
	why := c.death()
	s.log("session died during %s (%s); restarting", req.Op, why)
	if !closed {
		go s.running() // start the next one now, not at the next request
	}
	return pipeMsg{}, restartError(why, true)
}

// interrupt asks the session to stop the running cell, and kills it when
// the cell is still running after the grace period.
func (s *supervisor) interrupt(stillRunning func() bool) {
	s.mu.Lock()
	c := s.cur
	s.mu.Unlock()
	if c == nil {
		return
	}
	c.send(pipeMsg{Op: opInterrupt})
	grace := s.cfg.interruptGrace()
	time.AfterFunc(grace, func() {
		if stillRunning() {
			c.kill(fmt.Sprintf("the cell did not stop within %v of the interrupt (a blocking call the interpreter cannot interrupt, such as a channel receive)", grace))
		}
	})
}

// close kills the child.
func (s *supervisor) close() {
	s.mu.Lock()
	s.closed = true
	c := s.cur
	s.mu.Unlock()
	if c != nil {
		c.kill("the kernel is shutting down")
		<-c.dead
	}
}

func restartError(why string, thisCell bool) *errorReply {
	msg := "the Go session died: " + why + ". It was restarted: session restarted, variables lost"
	if !thisCell {
		msg = "the Go session died after the last cell: " + why + ". It was restarted: session restarted, variables lost (this cell did not run: run it again)"
	}
	return newError("SessionRestarted", msg, nil)
}

// tailBuffer keeps the last 16 KiB written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - 16<<10; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(p), nil
}

// crash returns the Go runtime's report in the tail ("panic: ...",
// "fatal error: ...") up to its first goroutine dump, or the last line.
func (t *tailBuffer) crash() string {
	t.mu.Lock()
	text := string(t.buf)
	t.mu.Unlock()
	for _, marker := range []string{"panic: ", "fatal error: "} {
		if i := strings.LastIndex(text, marker); i >= 0 {
			report := text[i:]
			if j := strings.Index(report, "\ngoroutine "); j >= 0 {
				report = report[:j]
			}
			return strings.TrimSpace(report)
		}
	}
	lines := strings.Split(strings.TrimSpace(text), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
