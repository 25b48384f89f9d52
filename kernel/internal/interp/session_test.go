//go:debug gotypesalias=0

package interp

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

func newSession(t *testing.T) *Session {
	t.Helper()
	s, err := New(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func TestEvalKeepsState(t *testing.T) {
	s := newSession(t)
	ctx := context.Background()
	cases := []struct {
		name, code string
		want       any
		errName    string
	}{
		{"declare", "x := 20", nil, ""},
		{"use", "x + 22", 42, ""},
		{"func", "func double(n int) int { return 2 * n }\ndouble(x)", 40, ""},
		{"panic", "var m map[string]int\nm[\"a\"] = 1", nil, "Panic"},
		{"compile error", "y := nope + 1", nil, "CompileError"},
		{"survives", "double(x) + 2", 42, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			vals, err := s.Eval(ctx, tc.code)
			if tc.errName != "" {
				var ce *CellError
				if !errors.As(err, &ce) || ce.Name != tc.errName {
					t.Fatalf("Eval(%q) error = %v, want a %s", tc.code, err, tc.errName)
				}
				return
			}
			if err != nil {
				t.Fatalf("Eval(%q): %v", tc.code, err)
			}
			if tc.want == nil {
				return
			}
			if len(vals) != 1 || vals[0].Interface() != tc.want {
				t.Fatalf("Eval(%q) = %v, want %v", tc.code, vals, tc.want)
			}
		})
	}
}

func TestComplete(t *testing.T) {
	s := newSession(t)
	if _, err := s.Eval(context.Background(), `import "strings"`); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		code      string
		cursor    int
		wantMatch string
		wantStart int
	}{
		{"strings.HasPre", 14, "HasPrefix", 8},
		{"x := 1\nstrings.ToUp", 19, "ToUpper", 15},
		{"é := strings.Tri", 16, "TrimSpace", 13}, // cursor counts runes
	}
	for _, tc := range cases {
		c, err := s.Complete(tc.code, tc.cursor)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range c.Matches {
			found = found || m == tc.wantMatch
		}
		if !found || c.Start != tc.wantStart || c.End != tc.cursor {
			t.Errorf("Complete(%q, %d) = %+v, want %s from %d", tc.code, tc.cursor, c, tc.wantMatch, tc.wantStart)
		}
	}
}

func TestIsComplete(t *testing.T) {
	cases := []struct{ code, status string }{
		{"x := 1", "complete"},
		{"func f() {", "incomplete"},
		{"s := `raw", "incomplete"},
		{`s := "{"`, "complete"},
		{"// {\nx := 1", "complete"},
		{"}}", "invalid"},
	}
	for _, tc := range cases {
		if got, _ := IsComplete(tc.code); got != tc.status {
			t.Errorf("IsComplete(%q) = %s, want %s", tc.code, got, tc.status)
		}
	}
}

func TestInspect(t *testing.T) {
	s := newSession(t)
	if _, err := s.Eval(context.Background(), `import "strings"`); err != nil {
		t.Fatal(err)
	}
	docs := func(pkg, name string) string { return "doc of " + pkg + "." + name }
	text, found, err := s.Inspect("strings.HasPrefix(a, b)", 10, docs)
	if err != nil || !found {
		t.Fatalf("Inspect: found=%v err=%v", found, err)
	}
	if !strings.Contains(text, "func(s string, prefix string) bool") && !strings.Contains(text, "func(string, string) bool") {
		t.Errorf("Inspect text %q lacks the signature", text)
	}
	if !strings.Contains(text, "doc of strings.HasPrefix") {
		t.Errorf("Inspect text %q lacks the doc", text)
	}
	if _, found, _ := s.Inspect("  ", 1, docs); found {
		t.Error("Inspect of blanks found something")
	}
}

func TestCheck(t *testing.T) {
	// this test binary runs with gotypesalias=0 (see the directive above),
	// as the kernel does, so gomacro must be usable
	if err := Check(); err != nil {
		t.Fatal(err)
	}
}
