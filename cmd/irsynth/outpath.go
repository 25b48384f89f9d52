package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// refuseOut checks, with checkOut, the path a command will write at the
// end and reports a problem as the command's error: exit 2 when the path
// itself is wrong (a directory, a device), exit 1 when its directory cannot
// be made or written (as any failure to write). what names the flag or
// argument. done is false when the path is fine.
func refuseOut(stderr io.Writer, name, what, path string) (code int, done bool) {
	usage, err := checkOut(path)
	switch {
	case err == nil:
		return 0, false
	case usage:
		return usageError(stderr, name, "%s: %v", what, err), true
	}
	return failure(stderr, name, fmt.Errorf("%s: %w", what, err)), true
}

// checkOut checks, before a command does any work, that path can take the
// file it will write at the end (atomically, by results.WriteFile: a
// temporary file in the same directory, renamed over path). path must not
// be a directory or anything but a regular file (a rename would replace a
// device such as /dev/null), and its directory must exist or be made and
// take a new file. The error names path and what is wrong with it, so that
// an hour of evaluation is not lost to a typo in --out. usage is true when
// the path itself is wrong, false when the file system refuses.
func checkOut(path string) (usage bool, err error) {
	if path == "" {
		return true, errors.New("empty output path")
	}
	if st, err := os.Stat(path); err == nil {
		switch {
		case st.IsDir():
			return true, fmt.Errorf("%s is a directory; want a file name", path)
		case !st.Mode().IsRegular():
			return true, fmt.Errorf("%s is not a regular file (%v); want a file name", path, st.Mode().Type())
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("cannot make the directory of %s: %w", path, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".check-*")
	if err != nil {
		return false, fmt.Errorf("cannot write a file in %s (for %s): %w", dir, path, err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	sweepStaleTemps(path)
	return false, nil
}

// staleAfter is the age past which a temporary file of results.WriteFile
// is taken as left behind by a killed process (a write takes milliseconds).
const staleAfter = 10 * time.Minute

// sweepStaleTemps removes the temporary files that results.WriteFile left
// next to path when its process was killed mid-write (".NAME.tmp-*",
// hidden, never renamed over path), once they are older than staleAfter, so
// that kill -9 leaves nothing that accumulates.
func sweepStaleTemps(path string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+globEscape(filepath.Base(path))+".tmp-*"))
	for _, m := range matches {
		if st, err := os.Lstat(m); err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) > staleAfter {
			os.Remove(m)
		}
	}
}

// globEscape escapes filepath.Match's special characters in s.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[]\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
