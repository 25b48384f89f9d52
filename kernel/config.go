package kernel

import (
	"io"
	"time"
)

// Config is what Serve needs: where to listen, how to start the session
// child that runs the cells, and its limits. The zero values of the
// optional fields work.
type Config struct {
	// Conn is the connection file's content.
	Conn ConnectionInfo
	// Session is the command line of the session child, which must call
	// ServeSession (irsynth-kernel's "session" command). Serve appends
	// nothing to it: put the child's flags, such as --memory-limit, here.
	Session []string
	// Log receives log lines: dropped messages, internal errors, the
	// session child's own standard error. Nil discards them.
	Log io.Writer
	// MemoryLimit is the session's memory cap in bytes (0: none). The child
	// interrupts a cell whose heap passes it (SessionConfig.MemoryLimit);
	// Serve kills and restarts a child whose resident memory passes 1.5
	// times it, for memory the child's heap watcher does not see.
	MemoryLimit int64
	// InterruptGrace is how long a cell may keep running after an
	// interrupt before Serve kills and restarts the session (default 2 s).
	InterruptGrace time.Duration
	// ParentPID, when positive, is the process whose death ends the kernel
	// (the process that started it, or JPY_PARENT_PID): Serve polls every
	// 200 ms and returns within about 2 s of its death.
	ParentPID int
	// Started is when the process started, for the "ready after" log line
	// (zero: not logged).
	Started time.Time
	// OutputRate bounds a cell's stream output (stdout and stderr) in
	// bytes per second, each message counted with 512 bytes for its
	// envelope, with bursts of 4 seconds' worth: output over it is
	// dropped with a note on the cell's stderr, and the cell keeps running
	// (0: DefaultOutputRate, 1 MiB/s; negative: no bound). The kernel
	// queues what the frontend has not read yet, so a print loop would
	// otherwise fill the kernel's memory.
	OutputRate int64
}

// SessionConfig is what ServeSession, the session child, needs.
type SessionConfig struct {
	// In carries the kernel's requests and Out the child's events and
	// replies (the pipes Serve passes as file descriptors 3 and 4).
	In  io.Reader
	Out io.Writer
	// Log receives gomacro's warnings and internal errors.
	Log io.Writer
	// Docs returns the doc comment of a bound package member for inspect
	// requests (irsynth-kernel passes bindings.Doc); nil: no docs.
	Docs func(pkgPath, name string) string
	// MemoryLimit is the heap cap in bytes (0: none): a cell whose heap
	// passes it is interrupted with a MemoryLimit error, and the Go
	// runtime's soft limit (debug.SetMemoryLimit) is set to it.
	MemoryLimit int64
}

func (c Config) interruptGrace() time.Duration {
	if c.InterruptGrace > 0 {
		return c.InterruptGrace
	}
	return 2 * time.Second
}
