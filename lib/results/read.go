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
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s is a %s", ErrNotRegular, path, kindOf(st.Mode()))
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%w: %s is %d bytes, over the %d-byte limit", ErrTooLarge, path, st.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit { // it grew while we read
		return nil, fmt.Errorf("%w: %s is over the %d-byte limit", ErrTooLarge, path, limit)
	}
	return data, nil
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
