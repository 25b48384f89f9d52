package main

import (
	"fmt"
	"io"
	"os"
)

// maxInputSize bounds a file the command line reads as input (a program
// for run --file, a task list for synth --spec): far above any real one,
// and small enough that /dev/zero fails at once.
const maxInputSize = 1 << 20

// readInput reads the file at path, of at most limit bytes. Pipes and
// /dev/stdin are read (a user may pipe a program in) but only up to the
// limit, so an endless stream fails fast with a message.
func readInput(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory, not a file", path)
	}
	if st.Mode().IsRegular() && st.Size() > limit {
		return nil, fmt.Errorf("%s is %d bytes, over the %d KiB input limit", path, st.Size(), limit>>10)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is over the %d KiB input limit", path, limit>>10)
	}
	return data, nil
}
