package synth

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/results"
)

// sharedOEIS is ../shared/oeis seen from this package, present only on the
// project's own machines.
var sharedOEIS = filepath.Join("..", "..", "..", "shared", "oeis")

// TestGuessMatchesPeer: the Go guesser gives exactly guess.py's answers,
// task by task (method and verdict), and its published totals on dev300
// (33 solved, 26 wrong). Needs ../shared/oeis and python3.
func TestGuessMatchesPeer(t *testing.T) {
	dev := filepath.Join(sharedOEIS, "dev300.json")
	if _, err := os.Stat(dev); err != nil {
		t.Skipf("skipped: %s is not here (the task files live outside the repository)", dev)
	}
	tasks, checks := readTaskFileT(t, dev)
	rs := EvalGuess(tasks, checks, Shard{})
	var tot results.TaskTotals
	for _, r := range rs {
		tot.Count(r)
	}
	if tot.Solved != 33 || tot.Wrong != 26 {
		t.Errorf("dev300: %d solved, %d wrong; guess.py: 33 solved, 26 wrong", tot.Solved, tot.Wrong)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipped the task-by-task comparison: no python3")
	}
	out, err := exec.Command(py, filepath.Join(sharedOEIS, "guess.py"), dev).Output()
	if err != nil {
		t.Fatalf("guess.py: %v", err)
	}
	want := map[string]string{} // name -> "method verdict"
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 3 && strings.HasPrefix(f[0], "A") {
			want[f[0]] = f[1] + " " + f[2]
		}
	}
	for _, r := range rs {
		got := ""
		switch r.Outcome {
		case results.OutcomeSolved:
			got = r.Method + " solved"
		case results.OutcomeWrong:
			got = r.Method + " WRONG"
		}
		if got != want[r.Name] {
			t.Errorf("%s: Go %q, guess.py %q", r.Name, got, want[r.Name])
		}
	}
}

func readTaskFileT(t *testing.T, path string) ([]Task, []Checks) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tasks, checks, err := ReadTaskFile(f)
	if err != nil {
		t.Fatal(err)
	}
	return tasks, checks
}

// TestGuessFamilies: each family is found on a sequence it describes and
// predicts later terms exactly.
func TestGuessFamilies(t *testing.T) {
	cases := []struct {
		name   string
		a      func(n int64) int64
		method string
	}{
		{"squares", func(n int64) int64 { return n * n }, "poly2"},
		{"period", func(n int64) int64 { return []int64{1, 4, 2}[n%3] }, "period3"},
		{"fibonacci", fib, "linrec2"},
		{"2^n-1", func(n int64) int64 { return 1<<n - 1 }, "linrec1+k"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var task Task
			for n := int64(0); n < 10; n++ {
				task.Examples = append(task.Examples, Example{Inputs: []int32{int32(n)}, Output: int32(tc.a(n))})
			}
			g := GuessSequence(task)
			if g == nil || g.Method != tc.method {
				t.Fatalf("got %+v, want %s", g, tc.method)
			}
			for n := int64(10); n < 25; n++ {
				if got := g.Predict(n); got.RatString() != fmt.Sprint(tc.a(n)) {
					t.Fatalf("a(%d) = %s, want %d", n, got.RatString(), tc.a(n))
				}
			}
		})
	}
}

func fib(n int64) int64 {
	a, b := int64(0), int64(1)
	for ; n > 0; n-- {
		a, b = b, a+b
	}
	return a
}
