package results

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// Limits on what ReadFile reads.
const (
	// MaxRecordSize bounds a phase record (the largest, phase 4 with every
	// generated length and sample, is well under a megabyte).
	MaxRecordSize = 64 << 20
)

var (
	// ErrNotRegular: ReadFile was asked for a FIFO, a device, a socket or a
	// directory. Reading one could block forever or never end.
	ErrNotRegular = errors.New("results: not a regular file")
	// ErrTooLarge: the file is over the size limit of its reader.
	ErrTooLarge = errors.New("results: file too large")
	// ErrInvalid: a record decoded but breaks its invariants (a number
	// that is not finite, a rate outside [0, 1], shapes that disagree).
	ErrInvalid = errors.New("results: invalid record")
)

// ReadFile returns the contents of path, which must be a regular file of at
// most limit bytes. It never blocks: the file is opened with O_NONBLOCK and
// its type checked on the open descriptor before anything is read, so a
// FIFO or a device named like a record gives ErrNotRegular at once. A
// missing file gives an error matching fs.ErrNotExist; one over limit,
// ErrTooLarge.
func ReadFile(path string, limit int64) ([]byte, error) {
	return read(path, limit, false)
}

// ReadInput returns the contents of a file a user names as input (a
// program, a task file), of at most limit bytes. Unlike ReadFile it also
// reads what a user may pipe in (a FIFO, /dev/stdin), waiting for the
// writer as any command does, but never past the limit: an endless stream
// such as /dev/zero fails at once with ErrTooLarge. A directory gives
// ErrNotRegular; a missing file, an error matching fs.ErrNotExist.
func ReadInput(path string, limit int64) ([]byte, error) {
	return read(path, limit, true)
}

// read is ReadFile, or ReadInput when streams are allowed: the one home of
// the rules on what may be read and how much.
func read(path string, limit int64, streams bool) ([]byte, error) {
	flags := os.O_RDONLY
	if !streams {
		flags |= syscall.O_NONBLOCK
	}
	f, err := os.OpenFile(path, flags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	regular := st.Mode().IsRegular()
	if !regular && (!streams || st.IsDir()) {
		return nil, fmt.Errorf("%w: %s is a %s", ErrNotRegular, path, kindOf(st.Mode()))
	}
	if regular && st.Size() > limit {
		return nil, fmt.Errorf("%w: %s is %d bytes, over the %s limit", ErrTooLarge, path, st.Size(), sizeText(limit))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit { // a stream, or a file that grew while we read
		return nil, fmt.Errorf("%w: %s is over the %s limit", ErrTooLarge, path, sizeText(limit))
	}
	return data, nil
}

// sizeText writes a limit for messages: "1 MiB", "64 KiB", "1000-byte".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d-byte", n)
}

// kindOf names a file type for messages.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}
