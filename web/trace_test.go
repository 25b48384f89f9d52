package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/plots"
)

func TestTrace(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir(), MaxTraceSteps: 5000})
	h := s.Handler()
	t.Run("collatz_length(7)", func(t *testing.T) {
		rec := do(t, h, http.MethodPost, "/api/trace", `{"program":"collatz_length","args":[7]}`)
		if rec.Code != http.StatusOK {
			t.Fatalf("%d %s", rec.Code, rec.Body.String())
		}
		var v plots.StepperView
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		spec, _ := ir.LibraryProgram("collatz_length")
		want, err := ir.Trace(spec.Program, []int32{7}, DefaultFuel, 5000)
		if err != nil {
			t.Fatal(err)
		}
		last := v.Steps[len(v.Steps)-1]
		// DESIGN.md: collatz(7) = 16.
		if v.Value != 16 || v.Cut || v.Error != "" || len(v.Steps) != len(want.Steps) || last.Name != "END" || last.Stack[0] != 16 {
			t.Errorf("value %d, cut %v, error %q, %d steps (want %d), last %+v", v.Value, v.Cut, v.Error, len(v.Steps), len(want.Steps), last)
		}
		if len(v.Ops) != spec.Len() || !strings.Contains(v.WAT, ";; 9 LOOP_BEGIN") || len(v.Lines) == 0 || v.Fuel != DefaultFuel {
			t.Errorf("view lacks ops (%d), WAT or lines: %+v", len(v.Ops), v.Lines)
		}
	})
	t.Run("IR text, cut", func(t *testing.T) {
		rec := do(t, h, http.MethodPost, "/api/trace", `{"ir":`+quote(libraryIR(t, "sum_1_to_n"))+`,"args":[1000],"max_steps":10}`)
		m := decode(t, rec)
		if rec.Code != http.StatusOK || m["cut"] != true || len(m["steps"].([]any)) != 10 {
			t.Errorf("%d cut %v, %d steps; want 200, cut, 10 steps", rec.Code, m["cut"], len(m["steps"].([]any)))
		}
	})
	t.Run("memory", func(t *testing.T) {
		// squaresIR (stepper_memory_browser_test.go): the stores are in
		// the steps, and 0+1+4+9+16 = 30.
		rec := do(t, h, http.MethodPost, "/api/trace", `{"ir":`+quote(squaresIR)+`,"args":[5]}`)
		var v plots.StepperView
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil || rec.Code != http.StatusOK {
			t.Fatalf("%d %s", rec.Code, rec.Body.String())
		}
		var stores []ir.MemWrite
		for _, st := range v.Steps {
			if st.Store != nil {
				stores = append(stores, *st.Store)
			}
		}
		if v.Value != 30 || len(stores) != 5 || stores[4] != (ir.MemWrite{Addr: 4, Value: 16}) || !strings.Contains(v.WAT, "i32.store") {
			t.Errorf("value %d, stores %v; want 30 after squares 0..16 stored at 0..4", v.Value, stores)
		}
	})
	t.Run("trap", func(t *testing.T) {
		rec := do(t, h, http.MethodPost, "/api/trace", `{"ir":"START SLOT_0 CONST_0 I32_DIV_S END","args":[3]}`)
		m := decode(t, rec)
		if rec.Code != http.StatusOK || !strings.Contains(m["error"].(string), "divide by zero") || m["error_index"] != 3.0 {
			t.Errorf("%d %s", rec.Code, rec.Body.String())
		}
	})
	for _, tc := range []struct {
		name, body string
		wantStatus int
		wantKind   string
		wantIn     string
	}{
		{"unknown program", `{"program":"nope","args":[1]}`, 404, "unknown_program", `no library program "nope"`},
		{"invalid IR", `{"ir":"START CONST_1 I32_ADD END","args":[]}`, 422, "validation", "stack underflow"},
		{"wrong arguments", `{"program":"collatz_length","args":[1,2]}`, 400, "args", "takes 1, got 2"},
		{"steps over the cap", `{"program":"collatz_length","args":[7],"max_steps":5001}`, 400, "max_steps", "cap of 5000"},
		{"negative steps", `{"program":"collatz_length","args":[7],"max_steps":-1}`, 400, "max_steps", "positive"},
		{"both", `{"program":"collatz_length","ir":"START CONST_1 END","args":[]}`, 400, "request", "not both"},
		{"neither", `{"args":[]}`, 400, "request", "missing"},
		{"malformed JSON", `{"program":`, 400, "json", "malformed"},
		{"unknown field", `{"program":"collatz_length","args":[7],"steps":3}`, 400, "json", "unknown field"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, http.MethodPost, "/api/trace", tc.body)
			e, _ := decode(t, rec)["error"].(map[string]any)
			if rec.Code != tc.wantStatus || e == nil || e["kind"] != tc.wantKind || !strings.Contains(e["message"].(string), tc.wantIn) {
				t.Errorf("%d %s; want %d %s %q", rec.Code, rec.Body.String(), tc.wantStatus, tc.wantKind, tc.wantIn)
			}
		})
	}
	t.Run("script and page", func(t *testing.T) {
		rec := do(t, h, http.MethodGet, "/static/stepper.js", "")
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/javascript") || !strings.Contains(rec.Body.String(), "IrsynthStepper") {
			t.Errorf("/static/stepper.js: %d %s", rec.Code, rec.Header().Get("Content-Type"))
		}
		page := do(t, h, http.MethodGet, "/playground", "").Body.String()
		for _, want := range []string{`src="/static/stepper.js"`, `src="/static/playground_step.js"`, `id="step"`} {
			if !strings.Contains(page, want) {
				t.Errorf("playground lacks %s", want)
			}
		}
	})
}
