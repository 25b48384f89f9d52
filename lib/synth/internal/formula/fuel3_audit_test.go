package formula

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

var fuel3Audit = flag.Bool("fuel3.audit", false, "TestFuel3FarAudit: run every request the tests and testdata/human know far from their examples (n up to 10^6, two operands up to 10^5) and list the readings that run out of fuel or wrap where the exact value fits i32")

// auditPoints1 are the one-operand inputs of the audit: small, the wrap
// edges of squares and cubes, and far.
var auditPoints1 = []int64{0, 1, 2, 10, 100, 1000, 1290, 1500, 1861, 2000, 3000, 5000, 10_000, 20_000, 30_000, 40_000, 46_341, 47_841, 55_000, 65_535, 65_536, 100_000, 200_000, 500_000, 1_000_000}

// auditPoints2 are each operand's values in the audit over two or more
// operands (every tuple).
var auditPoints2 = []int64{-100_000, -46_341, -7, 0, 1, 2, 7, 1000, 46_341, 65_536, 99_999, 100_000}

// auditRequests are the requests the package's tests and testdata/human
// pose, with their operand counts.
func auditRequests(t *testing.T) map[string]int {
	reqs := map[string]int{}
	re := regexp.MustCompile(`\{"([^"\\]+)",\s*(\d+)?`)
	for _, f := range []string{"asked_test.go", "asked2_test.go", "asked2_ops_test.go", "asked3_test.go", "operands_test.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			ar := 1
			if f == "asked2_ops_test.go" || f == "operands_test.go" {
				if a, err := strconv.Atoi(m[2]); err == nil && a >= 2 && a <= 4 {
					ar = a
				}
			}
			reqs[m[1]] = ar
		}
	}
	files, _ := filepath.Glob("../../../../testdata/human/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var tasks []struct {
			Text     string `json:"text"`
			Examples []struct {
				Inputs []int64 `json:"inputs"`
			} `json:"examples"`
		}
		if err := json.Unmarshal(b, &tasks); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, tk := range tasks {
			if len(tk.Examples) > 0 {
				reqs[tk.Text] = len(tk.Examples[0].Inputs)
			}
		}
	}
	return reqs
}

// TestFuel3FarAudit lists, for each request's readings, the inputs where
// the program runs out of ir.DefaultFuel or differs from the exact
// evaluator while the exact value fits i32 (a dev measurement: pass
// -fuel3.audit).
func TestFuel3FarAudit(t *testing.T) {
	if !*fuel3Audit {
		t.Skip("dev measurement: pass -fuel3.audit to run it")
	}
	reqs := auditRequests(t)
	texts := make([]string, 0, len(reqs))
	for s := range reqs {
		texts = append(texts, s)
	}
	slices.Sort(texts)
	var fuelOut, fuelUnknown, wrong, clean, unread int
	var unreadTexts []string
	for _, text := range texts {
		ar := reqs[text]
		type reading struct {
			expr string
			x    *node
			ops  []ir.Op
			vars []string
		}
		var rs []reading
		if ar == 1 {
			c := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}}
			c.readAsked(text)
			for _, cand := range c.out {
				rs = append(rs, reading{cand.Expr, c.forms[cand.Expr], cand.Ops, []string{"n"}})
			}
		} else {
			for _, cand := range Candidates(text, ar) {
				vars := operandLetters(text, ar)
				var x *node
				if vars != nil {
					x, _ = parseWhole(cand.Expr, vars)
				}
				rs = append(rs, reading{cand.Expr, x, cand.Ops, vars})
			}
		}
		if len(rs) == 0 {
			unread++
			unreadTexts = append(unreadTexts, fmt.Sprintf("%q/%d", text, ar))
			continue
		}
		for _, r := range rs {
			e, err := ir.Prepare(ir.Program{Arity: ar, Ops: r.ops})
			if err != nil {
				t.Errorf("%q: %v", text, err)
				continue
			}
			var outs, unknown, bads []string
			past := false // ar == 1: the exact value passed i32 at a smaller n
			for _, in := range auditTuples(ar) {
				args := make([]int32, ar)
				env := map[string]*big.Rat{}
				for i, v := range in {
					args[i] = int32(v)
					if i < len(r.vars) {
						env[r.vars[i]] = ratInt(v)
					}
				}
				got, runErr := e.Run(args, ir.DefaultFuel)
				want, known := int64(0), false
				if r.x != nil {
					var v evaluator
					v.steps = farSteps
					q, err := v.evalAt(r.x, env)
					if err == nil && q.IsInt() && q.Num().IsInt64() && q.Num().Int64() <= 1<<31-1 && q.Num().Int64() >= -1<<31 {
						want, known = q.Num().Int64(), true
					} else if err == nil && ar == 1 {
						past = true
					}
				}
				switch {
				case runErr != nil && known:
					outs = append(outs, fmt.Sprint(in))
				case runErr != nil && !known && !past && strings.Contains(runErr.Error(), "fuel"):
					unknown = append(unknown, fmt.Sprint(in))
				case runErr == nil && known && int64(got) != want:
					bads = append(bads, fmt.Sprintf("%v: %d, exact %d", in, got, want))
				}
			}
			if len(outs) > 0 {
				fuelOut++
			}
			if len(bads) > 0 {
				wrong++
			}
			if len(unknown) > 0 {
				fuelUnknown++
			}
			if len(outs) == 0 && len(bads) == 0 && len(unknown) == 0 {
				clean++
				continue
			}
			t.Logf("%q (%d operands) %s [%d opcodes]%s", text, ar, r.expr, len(r.ops), map[bool]string{true: " (no exact form)"}[r.x == nil])
			if len(outs) > 0 {
				t.Logf("    out of fuel or trapped where the exact value fits i32: %s", strings.Join(outs, " "))
			}
			if len(unknown) > 0 {
				t.Logf("    out of fuel where the evaluator gave no value (within %d steps): %s", farSteps, strings.Join(unknown, " "))
			}
			if len(bads) > 0 {
				t.Logf("    WRONG at %s", strings.Join(bads, "; "))
			}
		}
	}
	t.Logf("unread: %s", strings.Join(unreadTexts, ", "))
	t.Logf("(value unknown: the evaluator gave none within %d steps, and none past i32 at a smaller n)", farSteps)
	t.Logf("%d requests (%d unread): readings clean %d, out of fuel somewhere (value known) %d, out of fuel somewhere (value unknown) %d, wrong somewhere %d", len(texts), unread, clean, fuelOut, fuelUnknown, wrong)
}

// auditTuples are the inputs of the audit for ar operands.
func auditTuples(ar int) [][]int64 {
	if ar == 1 {
		var ts [][]int64
		for _, n := range auditPoints1 {
			ts = append(ts, []int64{n})
		}
		return ts
	}
	ts := [][]int64{nil}
	for range ar {
		var next [][]int64
		for _, t := range ts {
			for _, v := range auditPoints2 {
				if ar > 2 && v != 0 && v != 1 && v != 7 && v != 100_000 && v != -100_000 && v != 46_341 {
					continue // fewer values per operand over three
				}
				next = append(next, append(slices.Clone(t), v))
			}
		}
		ts = next
	}
	return ts
}

// operandLetters are the operand names of a request over ar operands:
// operand.go's (the text's one-letter words, in order), else
// asked2_ops.go's (operandForm); nil if neither has ar.
func operandLetters(text string, ar int) []string {
	var vars []string
	toks := lex(strings.TrimPrefix(strings.TrimPrefix(arithmeticWords(strings.TrimSpace(text)), "the "), "The "))
	for i, tk := range toks {
		if tk.k == tIdent && len(tk.s) == 1 && !(i+1 < len(toks) && toks[i+1].s == "(") && !slices.Contains(vars, tk.s) {
			vars = append(vars, tk.s)
		}
	}
	if len(vars) == ar {
		return vars
	}
	if s, vs := operandForm(text, ar); s != "" && len(vs) == ar {
		return vs
	}
	return nil
}
