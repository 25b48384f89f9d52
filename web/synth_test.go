package web

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth"
)

// sumExamples are four examples of sum_1_to_n (DESIGN.md: sum(10) = 55).
const sumExamples = "1→1, 2→3, 3→6, 10→55"

// hardExamples fit no small program: a search on them runs its budget out.
const hardExamples = "1→7, 2→-3, 3→99, 4→12, 5→-1000, 6→4"

func TestSynthBadInput(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir(), MaxSynthBudget: 30 * time.Second})
	many := make([]string, synth.MaxExamples+1)
	for i := range many {
		many[i] = fmt.Sprintf("%d→%d", i, i)
	}
	for _, tc := range []struct {
		name, body string
		wantKind   string
		wantIn     string
	}{
		{"malformed examples", `{"text":"x","examples":"1→, 2→3"}`, "examples", "1→"},
		{"not an arrow", `{"text":"x","examples":"1 = 2"}`, "examples", ""},
		{"too many examples", `{"examples":` + quote(strings.Join(many, ", ")) + `}`, "examples", fmt.Sprintf("at most %d", synth.MaxExamples)},
		{"mixed arity", `{"examples":[{"inputs":[1],"output":1},{"inputs":[1,2],"output":3}]}`, "examples", "examples[1]"},
		{"examples of the wrong type", `{"examples":12}`, "examples", "must be a string"},
		{"unknown example field", `{"examples":[{"input":[1],"output":1}]}`, "examples", "unknown field"},
		{"missing examples", `{"text":"sum"}`, "examples", "missing"},
		{"budget over the cap", `{"examples":"1→1","budget":"5m"}`, "budget", "over the server's cap of 30s"},
		{"budget not a duration", `{"examples":"1→1","budget":"soon"}`, "budget", `"soon"`},
		{"negative budget", `{"examples":"1→1","budget":"-1s"}`, "budget", "positive"},
		{"text too long", `{"text":` + quote(strings.Repeat("x", maxSynthText+1)) + `,"examples":"1→1"}`, "text", "at most"},
		{"malformed JSON", `{"examples":`, "json", "malformed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, s.Handler(), http.MethodPost, "/api/synth", tc.body)
			e, _ := decode(t, rec)["error"].(map[string]any)
			if rec.Code != http.StatusBadRequest || e == nil || e["kind"] != tc.wantKind || !strings.Contains(e["message"].(string), tc.wantIn) {
				t.Errorf("%d %s; want 400 %s %q", rec.Code, rec.Body.String(), tc.wantKind, tc.wantIn)
			}
		})
	}
	if got := s.searches.running.Load(); got != 0 {
		t.Errorf("%d searches still counted after bad requests", got)
	}
}

// TestSynthSolves asks for sum_1_to_n from four examples, as JSON and as a
// stream, and checks the program found on inputs the examples do not give
// against the library's native reference.
func TestSynthSolves(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir()})
	spec, _ := ir.LibraryProgram("sum_1_to_n")
	check := func(t *testing.T, r synth.Result) {
		t.Helper()
		if r.Status != synth.StatusSolved && r.Status != synth.StatusAmbiguous {
			t.Fatalf("status %s (%+v)", r.Status, r)
		}
		if r.Status == synth.StatusAmbiguous {
			t.Logf("ambiguous at %v: %+v", r.Ambiguity.Input, r.Ambiguity.Candidates)
			return
		}
		p, err := ir.ParseProgram("found", r.Program)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int32{0, 7, 100, 1000} {
			got, err := ir.Interpret(p, []int32{n}, synth.RunFuel)
			if want := spec.Ref([]int32{n}); err != nil || got != want {
				t.Errorf("found %s: (%d) = %d, %v; want %d", r.Program, n, got, err, want)
			}
		}
		if r.WAT == "" || r.Candidates == 0 {
			t.Errorf("record lacks WAT or candidates: %+v", r)
		}
	}
	t.Run("json", func(t *testing.T) {
		rec := do(t, s.Handler(), http.MethodPost, "/api/synth", `{"text":"add 1 to n","examples":`+quote(sumExamples)+`,"budget":"20s"}`)
		if rec.Code != http.StatusOK {
			t.Fatalf("%d %s", rec.Code, rec.Body.String())
		}
		var r synth.Result
		if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		check(t, r)
	})
	t.Run("stream, task-file examples", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodPost, "/api/synth", strings.NewReader(
			`{"examples":[{"inputs":[1],"output":1},{"inputs":[2],"output":3},{"inputs":[3],"output":6},{"inputs":[10],"output":55}],"budget":"20s"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "text/event-stream")
		req.Host = "127.0.0.1"
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/event-stream" {
			t.Fatalf("%d %s %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
		}
		events := readEvents(t, rec.Body)
		if len(events) < 2 || events[0].name != "progress" || events[len(events)-1].name != "result" {
			t.Fatalf("events %v: want progress first and result last", events)
		}
		var r synth.Result
		if err := json.Unmarshal([]byte(events[len(events)-1].data), &r); err != nil {
			t.Fatal(err)
		}
		check(t, r)
	})
}

type sse struct{ name, data string }

func readEvents(t *testing.T, r io.Reader) []sse {
	t.Helper()
	var out []sse
	var cur sse
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.name != "" {
				out = append(out, cur)
			}
			cur = sse{}
		case strings.HasPrefix(line, "event: "):
			cur.name = line[7:]
		case strings.HasPrefix(line, "data: "):
			cur.data += line[6:]
		default:
			t.Fatalf("not an event stream line: %q", line)
		}
	}
	return out
}

// TestSynthCapAndCancel fills the server's one search slot, checks that the
// next search gets 429 and that the count API sees it, then closes the
// first connection and checks that the server's search stops.
func TestSynthCapAndCancel(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir(), MaxSearches: 1})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	running := func() int {
		rec := do(t, s.Handler(), http.MethodGet, "/api/synth/running", "")
		m := decode(t, rec)
		if m["limit"] != 1.0 {
			t.Fatalf("limit %v, want 1", m["limit"])
		}
		return int(m["running"].(float64))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/api/synth",
		strings.NewReader(`{"examples":`+quote(hardExamples)+`,"budget":"30s"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("first search: %d", resp.StatusCode)
	}
	if n := running(); n != 1 {
		t.Fatalf("%d searches running, want 1", n)
	}
	rec := do(t, s.Handler(), http.MethodPost, "/api/synth", `{"examples":"1→1"}`)
	e, _ := decode(t, rec)["error"].(map[string]any)
	if rec.Code != http.StatusTooManyRequests || e["kind"] != "busy" || !strings.Contains(e["message"].(string), "1 searches") || rec.Header().Get("Retry-After") == "" {
		t.Errorf("second search: %d %s, want 429 busy", rec.Code, rec.Body.String())
	}
	start := time.Now()
	cancel()
	for running() != 0 {
		if time.Since(start) > 3*time.Second {
			t.Fatal("the search still runs 3 s after its client left")
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("search stopped %v after the client left", time.Since(start).Round(time.Millisecond))
	rec = do(t, s.Handler(), http.MethodPost, "/api/synth", `{"examples":"1→2, 2→3","budget":"10s"}`)
	if rec.Code != http.StatusOK {
		t.Errorf("after the cancel: %d %s", rec.Code, rec.Body.String())
	}
}
