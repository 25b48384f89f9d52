package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// checkOut checks, before a command does any work, that path can take the
// file it will write at the end (atomically, by results.WriteFile: a
// temporary file in the same directory, renamed over path). path must not
// be a directory or anything but a regular file (a rename would replace a
// device such as /dev/null), and its directory must exist or be made and
// take a new file. The error names path and what is wrong with it, so that
// an hour of evaluation is not lost to a typo in --out.
func checkOut(path string) error {
	if path == "" {
		return errors.New("empty output path")
	}
	if st, err := os.Stat(path); err == nil {
		switch {
		case st.IsDir():
			return fmt.Errorf("%s is a directory; want a file name", path)
		case !st.Mode().IsRegular():
			return fmt.Errorf("%s is not a regular file (%v); want a file name", path, st.Mode().Type())
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot make the directory of %s: %w", path, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".check-*")
	if err != nil {
		return fmt.Errorf("cannot write a file in %s (for %s): %w", dir, path, err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}
