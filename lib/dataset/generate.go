package dataset

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Dataset is one generated split.
type Dataset struct {
	Split Split
	Train []Example
	Test  []Example
}

// Programs lists the library programs that have templates, in library order.
func Programs() []string {
	var out []string
	for _, s := range ir.Library() {
		if len(templates[s.Name]) > 0 {
			out = append(out, s.Name)
		}
	}
	return out
}

// Templates returns the request templates of a program ({0}, {1}, ... mark
// its operands).
func Templates(program string) []string {
	return append([]string(nil), templates[program]...)
}

// Generate builds a split: PerProgram examples of every training program
// and TestPerProgram of every held-out one. Each example draws a template
// and operands (inside the program's Domain) from a stream seeded by the
// split's Seed and the program's name, so adding a program changes no other
// program's examples. The expected answer comes from running the program
// with the reference interpreter; the native reference must agree.
func Generate(s Split) (*Dataset, error) {
	s = s.resolved()
	if err := s.validate(); err != nil {
		return nil, err
	}
	ds := &Dataset{Split: s}
	for _, p := range s.Train {
		exs, err := generate(p, s.PerProgram, s.Seed, 0)
		if err != nil {
			return nil, err
		}
		ds.Train = append(ds.Train, exs...)
	}
	for _, p := range s.Holdout {
		exs, err := generate(p, s.TestPerProgram, s.Seed, 1)
		if err != nil {
			return nil, err
		}
		ds.Test = append(ds.Test, exs...)
	}
	return ds, nil
}

func generate(program string, n int, seed int64, part uint64) ([]Example, error) {
	spec, _ := ir.LibraryProgram(program)
	exec, err := ir.Prepare(spec.Program)
	if err != nil {
		return nil, fmt.Errorf("dataset: %s: %w", program, err)
	}
	h := fnv.New64a()
	h.Write([]byte(program))
	rng := rand.New(rand.NewPCG(uint64(seed), h.Sum64()+part))
	tmpls := templates[program]
	out := make([]Example, 0, n)
	for len(out) < n {
		args := sampleOperands(rng, spec)
		got, err := exec.Run(args, ir.DefaultFuel)
		if err != nil {
			continue // outside the short-run part of the domain: draw again
		}
		if spec.Ref != nil {
			if want := spec.Ref(args); want != got {
				return nil, fmt.Errorf("dataset: %s%v: program gives %d, reference %d", program, args, got, want)
			}
		}
		t := rng.IntN(len(tmpls))
		out = append(out, Example{Text: render(tmpls[t], args), Program: program, Operands: args, Expected: got, Template: t})
	}
	return out, nil
}

func sampleOperands(rng *rand.Rand, spec ir.Spec) []int32 {
	args := make([]int32, spec.Arity)
	ranges := sampleRange[spec.Name]
	for i := range args {
		lo, hi := int64(-1000), int64(1000)
		if i < len(ranges) {
			lo, hi = int64(ranges[i].Min), int64(ranges[i].Max)
		}
		if i < len(spec.Domain) {
			lo = max(lo, int64(spec.Domain[i].Min))
			hi = min(hi, int64(spec.Domain[i].Max))
		}
		args[i] = int32(lo + rng.Int64N(hi-lo+1))
	}
	if spec.Name == "sum_a_to_b" && args[0] > args[1] {
		args[0], args[1] = args[1], args[0] // requests name a range low to high
	}
	return args
}

func render(tmpl string, args []int32) string {
	for i, a := range args {
		tmpl = strings.ReplaceAll(tmpl, "{"+strconv.Itoa(i)+"}", strconv.Itoa(int(a)))
	}
	return tmpl
}
