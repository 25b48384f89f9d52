package kernel_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// observation is one line printed by testdata/protocol.py.
type observation map[string]any

func (o observation) str(keys ...string) string {
	var v any = map[string]any(o)
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

func (o observation) num(key string) float64 {
	f, _ := o[key].(float64)
	return f
}

// runProtocol runs protocol.py against the installed kernel and returns its
// observations by check name.
func runProtocol(t *testing.T, rounds int) map[string]observation {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, "testdata/protocol.py", "irsynth-go", itoa(rounds))
	cmd.Env = jupyterEnv(t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	obs := map[string]observation{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var o observation
		if json.Unmarshal(sc.Bytes(), &o) == nil {
			obs[o.str("check")] = o
		}
	}
	if err != nil {
		t.Fatalf("protocol.py: %v\nstdout:\n%s\nstderr:\n%s", err, out, stderr.String())
	}
	return obs
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestProtocol(t *testing.T) {
	t.Parallel()
	needJupyter(t, "jupyter_client", "zmq")
	obs := runProtocol(t, 20)
	get := func(t *testing.T, name string) observation {
		t.Helper()
		o, ok := obs[name]
		if !ok {
			t.Fatalf("protocol.py printed no %q check", name)
		}
		return o
	}
	cases := []struct {
		check string
		keys  []string
		want  string
	}{
		{"kernel_info", []string{"content", "protocol_version"}, "5.3"},
		{"kernel_info", []string{"content", "language_info", "name"}, "go"},
		{"execute", []string{"reply", "status"}, "ok"},
		{"execute", []string{"result", "text/plain"}, "42"},
		{"execute", []string{"types"}, `["status","execute_input","execute_result","status"]`},
		{"stream", []string{"stdout"}, "line 0\nline 1\nline 2\n"},
		{"stream", []string{"stderr"}, "to stderr\n"},
		{"panic", []string{"reply", "status"}, "error"},
		{"panic", []string{"error", "ename"}, "Panic"},
		{"panic", []string{"error", "evalue"}, "assignment to entry in nil map"},
		{"panic_value", []string{"error", "evalue"}, "custom failure"},
		{"compile_error", []string{"error", "ename"}, "CompileError"},
		{"survives", []string{"result", "text/plain"}, "40"}, // x := 20 from the first cell
		{"abort_queue", []string{"statuses"}, `["error","aborted","aborted"]`},
		{"after_abort", []string{"result", "text/plain"}, "20"},
		{"interrupt", []string{"reply", "ename"}, "Interrupted"},
		{"interrupt", []string{"next", "result", "text/plain"}, "true"},
		{"interrupt_context", []string{"reply", "ename"}, "Interrupted"},
		{"display", []string{"display"}, `[{"text/markdown":"**shown**","text/plain":"**shown**"}]`},
		{"display", []string{"result", "text/html"}, "<b>last</b>"},
		{"display_interpreted", []string{"result", "text/html"}, "<span>ok</span>"},
		{"bad_signature", []string{"answered"}, "false"},
		{"bad_signature", []string{"after", "result", "text/plain"}, "20"}, // x = 1000 never ran
		{"complete", []string{"content", "matches"}, `["Sprint","Sprintf","Sprintln"]`},
		{"complete", []string{"content", "cursor_start"}, "4"},
		{"complete_lib", []string{"content", "matches"}, `["Library","LibraryProgram"]`},
		{"is_complete", []string{"content", "x := 1", "status"}, "complete"},
		{"is_complete", []string{"content", "func f() {", "status"}, "incomplete"},
		{"is_complete", []string{"content", "s := `raw", "status"}, "incomplete"},
		{"is_complete", []string{"content", "}}", "status"}, "invalid"},
		{"inspect", []string{"content", "found"}, "true"},
		{"shutdown", []string{"alive"}, "false"},
	}
	for _, tc := range cases {
		t.Run(tc.check+"/"+strings.Join(tc.keys, "."), func(t *testing.T) {
			if got := get(t, tc.check).str(tc.keys...); got != tc.want {
				t.Errorf("%s %v = %q, want %q", tc.check, tc.keys, got, tc.want)
			}
		})
	}
	t.Run("streamed while running", func(t *testing.T) {
		// the cell prints, sleeps 1.5 s, prints: the first line must arrive
		// long before the cell ends
		o := get(t, "streaming")
		if first, total := o.num("first_stream_seconds"), o.num("total_seconds"); first <= 0 || first > total/2 {
			t.Errorf("first stream after %.3fs of %.3fs: output was not streamed", first, total)
		}
	})
	t.Run("inspect shows signature and doc", func(t *testing.T) {
		text := get(t, "inspect").str("content", "data", "text/plain")
		if !strings.Contains(text, "func(") || !strings.Contains(text, "Parse") {
			t.Errorf("inspect text %q lacks the signature", text)
		}
	})
	t.Run("program renders as listing and WAT", func(t *testing.T) {
		html := get(t, "program_display").str("result", "text/html")
		for _, want := range []string{"sum_1_to_n", "LOOP_BEGIN", "WAT", "(module"} {
			if !strings.Contains(html, want) {
				t.Errorf("program HTML lacks %q:\n%s", want, html)
			}
		}
	})
	t.Logf("kernel start %.0f ms, first cell %.0f ms, median trivial execute round trip %.2f ms (%v rounds), interrupt stop %.1f ms",
		1000*get(t, "start").num("seconds"), 1000*get(t, "first_cell").num("seconds"), 1000*get(t, "roundtrip").num("median_seconds"),
		get(t, "roundtrip")["rounds"], 1000*get(t, "interrupt").num("stop_seconds"))
}

// BenchmarkKernel measures, through jupyter_client, the kernel's start time
// (process start to kernel_info answered) and the median round trip of a
// trivial cell ("1": execute_request to execute_reply and idle). Targets:
// under 1 s and under 10 ms.
//
//	go test ./kernel -run '^$' -bench Kernel -benchtime 1x
func BenchmarkKernel(b *testing.B) {
	if setupErr != nil {
		b.Fatal(setupErr)
	}
	for i := 0; i < b.N; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		cmd := exec.CommandContext(ctx, python, "testdata/protocol.py", "irsynth-go", "200")
		cmd.Env = jupyterEnv(b.TempDir())
		out, err := cmd.Output()
		cancel()
		if err != nil {
			b.Fatalf("protocol.py: %v\n%s", err, out)
		}
		for _, line := range bytes.Split(out, []byte("\n")) {
			var o observation
			if json.Unmarshal(line, &o) != nil {
				continue
			}
			switch o.str("check") {
			case "start":
				b.ReportMetric(1000*o.num("seconds"), "start-ms")
			case "first_cell":
				b.ReportMetric(1000*o.num("seconds"), "first-cell-ms")
			case "roundtrip":
				b.ReportMetric(1000*o.num("median_seconds"), "roundtrip-ms")
			}
		}
	}
}
