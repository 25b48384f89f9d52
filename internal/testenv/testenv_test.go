package testenv

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCI(t *testing.T) {
	for v, want := range map[string]bool{"true": true, "": false, "1": false, "false": false} {
		t.Setenv("CI", v)
		if CI() != want {
			t.Errorf("CI=%q: CI() = %v, want %v", v, !want, want)
		}
	}
}

// TestMissing: on CI a missing prerequisite fails the test; elsewhere it
// skips it.
func TestMissing(t *testing.T) {
	for _, ci := range []string{"true", ""} {
		t.Setenv("CI", ci)
		var failed, skipped bool
		done := make(chan struct{})
		// Run Missing in a goroutine on a stub, as it stops the test it is given.
		st := &stub{fail: &failed, skip: &skipped}
		go func() {
			defer close(done)
			defer func() { recover() }()
			Missing(st, "wabt not found")
		}()
		<-done
		if failed != (ci == "true") || skipped != (ci != "true") || st.msg != "wabt not found" {
			t.Errorf("CI=%q: failed %v, skipped %v, message %q", ci, failed, skipped, st.msg)
		}
	}
}

type stub struct {
	testing.TB
	fail, skip *bool
	msg        string
}

func (s *stub) Helper() {}
func (s *stub) Fatal(args ...any) {
	*s.fail, s.msg = true, args[0].(string)
	panic("stop")
}
func (s *stub) Skip(args ...any) {
	*s.skip, s.msg = true, args[0].(string)
	panic("stop")
}

// TestOneCIRule: no other file reads $CI itself, so the rule cannot drift
// (it once read CI != "" in one test and CI == "true" in others).
func TestOneCIRule(t *testing.T) {
	root := filepath.Join("..", "..")
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || filepath.Base(filepath.Dir(path)) == "testenv" {
			return nil
		}
		files++
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(src), `Getenv("CI")`) {
			t.Errorf("%s reads $CI itself; use testenv.CI or testenv.Missing", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("walked %d Go files; the module has more", files)
	}
}
