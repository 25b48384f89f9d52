package dataset

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

func TestSplitCounts(t *testing.T) {
	cases := []struct {
		name       string
		given      Split
		wantTrain  int
		wantTest   int
		wantEach   int
		wantHeldIn []string
	}{
		{"study", StudySplit(), 800, 50, 200, []string{"collatz_length"}},
		{"expanded", ExpandedSplit(), 1400, 50, 200, []string{"collatz_length"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := Generate(tc.given)
			if err != nil {
				t.Fatal(err)
			}
			if len(ds.Train) != tc.wantTrain || len(ds.Test) != tc.wantTest {
				t.Fatalf("train %d test %d, want %d and %d", len(ds.Train), len(ds.Test), tc.wantTrain, tc.wantTest)
			}
			per := map[string]int{}
			for _, ex := range ds.Train {
				per[ex.Program]++
			}
			for _, p := range tc.given.Train {
				if per[p] != tc.wantEach {
					t.Errorf("%s: %d examples, want %d", p, per[p], tc.wantEach)
				}
			}
			for _, ex := range ds.Test {
				if ex.Program != tc.wantHeldIn[0] {
					t.Fatalf("test holds %s", ex.Program)
				}
			}
		})
	}
}

func TestHoldoutSplit(t *testing.T) {
	s, err := HoldoutSplit([]string{"gcd", "collatz_length"})
	if err != nil {
		t.Fatal(err)
	}
	s.PerProgram, s.TestPerProgram = 3, 4
	ds, err := Generate(s)
	if err != nil {
		t.Fatal(err)
	}
	if want := 3 * (len(ir.Library()) - 2); len(ds.Train) != want || len(ds.Test) != 8 {
		t.Fatalf("train %d test %d, want %d and 8", len(ds.Train), len(ds.Test), want)
	}
	if _, err := HoldoutSplit([]string{"no_such"}); !errors.Is(err, ErrUnknownProgram) {
		t.Fatalf("unknown holdout: err %v", err)
	}
}

// TestExpectedAnswers checks every generated answer against the library's
// native Go reference, and the study's known values through a template.
func TestExpectedAnswers(t *testing.T) {
	var names []string
	for _, s := range ir.Library() {
		names = append(names, s.Name)
	}
	ds, err := Generate(Split{Name: "all", Train: names, PerProgram: 40})
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range ds.Train {
		spec, _ := ir.LibraryProgram(ex.Program)
		if want := spec.Ref(ex.Operands); ex.Expected != want {
			t.Errorf("%q: expected %d, native reference %d", ex.Text, ex.Expected, want)
		}
		for i, a := range ex.Operands {
			if d := spec.Domain[i]; a < d.Min || a > d.Max {
				t.Errorf("%q: operand %d = %d outside domain %v", ex.Text, i, a, d)
			}
		}
	}
	known := []struct {
		text string
		prog string
		want int32
	}{
		{"What is 1 + 2 + ... + 100?", "sum_1_to_n", 5050},
		{"Sum from 5 to 15", "sum_a_to_b", 110},
		{"10 factorial", "factorial", 3628800},
		{"Calculate 2 to the 10th power", "power", 1024},
		{"Collatz length of 27", "collatz_length", 111},
		{"Steps to reach 1 from 73847 via Collatz", "collatz_length", 94},
	}
	for _, k := range known {
		spec, _ := ir.LibraryProgram(k.prog)
		args, err := ExtractN(k.text, spec.Arity)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ir.Interpret(spec.Program, args, ir.DefaultFuel)
		if err != nil || got != k.want {
			t.Errorf("%q: %s%v = %d, %v; want %d", k.text, k.prog, args, got, err, k.want)
		}
	}
}

func TestTemplates(t *testing.T) {
	for _, spec := range ir.Library() {
		ts := Templates(spec.Name)
		if len(ts) < 8 || len(ts) > 10 {
			t.Errorf("%s: %d templates, want 8–10", spec.Name, len(ts))
		}
		for _, tm := range ts {
			for i := 0; i < 4; i++ {
				n := strings.Count(tm, "{"+string(rune('0'+i))+"}")
				if (i < spec.Arity && n != 1) || (i >= spec.Arity && n != 0) {
					t.Errorf("%s: %q uses {%d} %d times", spec.Name, tm, i, n)
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := Generate(StudySplit())
	b, _ := Generate(StudySplit())
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same split and seed gave different data")
	}
	s := StudySplit()
	s.Seed = 9
	c, _ := Generate(s)
	if reflect.DeepEqual(a.Train, c.Train) {
		t.Fatal("another seed gave the same data")
	}
	// Adding programs does not change the others' examples.
	e, _ := Generate(ExpandedSplit())
	if !reflect.DeepEqual(a.Train, e.Train[:800]) {
		t.Fatal("expanded split changed the study programs' examples")
	}
}

func TestExtractionAccuracy(t *testing.T) {
	ds, err := Generate(ExpandedSplit())
	if err != nil {
		t.Fatal(err)
	}
	m := MeasureExtraction(append(ds.Train, ds.Test...))
	// One collatz template puts a literal after the operand ("Starting at
	// N, how many ... until 1?"); everything else must extract.
	for _, f := range m.Failures {
		if !strings.HasPrefix(f.Text, "Starting at ") {
			t.Errorf("extraction failed on %q (%v)", f.Text, f.Operands)
		}
	}
	if m.Extracted != m.Executed {
		t.Errorf("extracted %d but executed %d", m.Extracted, m.Executed)
	}
}

func TestWriteRead(t *testing.T) {
	ds, err := Generate(StudySplit())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "train.json")
	if err := Write(path, ds.Split, "train", ds.Train); err != nil {
		t.Fatal(err)
	}
	f, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.Examples, ds.Train) || f.Split.Name != "study" {
		t.Fatal("read back differs")
	}
}

func TestReadErrors(t *testing.T) {
	good := `{"split":{"name":"s","train":["factorial"],"holdout":null,"seed":0},"part":"train","examples":[
 {"text":"5 factorial","program":"factorial","operands":[5],"expected":120,"template":0},
 %s
]}`
	cases := []struct {
		name   string
		given  string
		record int
		want   string
	}{
		{"syntax", "{\"part\": \"train\",\n \"examples\": [ } ", -1, "line 2"},
		{"unknown program", strings.Replace(good, "%s", `{"text":"x","program":"nope","operands":[],"expected":0}`, 1), 1, `unknown program "nope"`},
		{"operand count", strings.Replace(good, "%s", `{"text":"x","program":"factorial","operands":[1,2],"expected":1}`, 1), 1, "takes 1 operands, record has 2"},
		{"wrong answer", strings.Replace(good, "%s", `{"text":"6!","program":"factorial","operands":[6],"expected":721}`, 1), 1, "expected 721, but factorial[6] gives 720"},
		{"empty text", strings.Replace(good, "%s", `{"text":"","program":"factorial","operands":[6],"expected":720}`, 1), 1, "empty text"},
		{"unknown field", strings.Replace(good, "%s", `{"txt":"6!","program":"factorial","operands":[6],"expected":720}`, 1), -1, `unknown field "txt"`},
		{"wrong type", strings.Replace(good, "%s", `{"text":"6!","program":"factorial","operands":["6"],"expected":720}`, 1), -1, "line 3"},
		{"bad part", `{"part":"dev","examples":[]}`, -1, `part is "dev"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.json")
			if err := os.WriteFile(path, []byte(tc.given), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Read(path)
			var re *RecordError
			if !errors.As(err, &re) || !errors.Is(err, ErrRecord) {
				t.Fatalf("err = %v, want a *RecordError", err)
			}
			if re.File != path || re.Record != tc.record || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("err = %q (record %d), want record %d mentioning %q and the file", err, re.Record, tc.record, tc.want)
			}
		})
	}
	if _, err := Read(filepath.Join(t.TempDir(), "missing.json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}
}
