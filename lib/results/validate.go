package results

import (
	"fmt"
	"math"
	"reflect"
)

// Validator is a record that can check its own invariants; Read calls
// Validate on every record it decodes.
type Validator interface{ Validate() error }

// maxLength bounds a program length in a record (opcodes); lengths feed
// histograms whose bins are allocated from the range.
const maxLength = 1 << 16

// check collects the first broken invariant of a record.
type check struct{ err error }

func (c *check) failf(format string, a ...any) {
	if c.err == nil {
		c.err = fmt.Errorf(format, a...)
	}
}

func (c *check) rate(name string, v float64) {
	if !(v >= 0 && v <= 1) {
		c.failf("%s = %v, want a fraction in [0, 1]", name, v)
	}
}

func (c *check) nonNeg(name string, v float64) {
	if !(v >= 0) {
		c.failf("%s = %v, want >= 0", name, v)
	}
}

func (c *check) length(name string, v int) {
	if v < 0 || v > maxLength {
		c.failf("%s = %d, want a length in [0, %d]", name, v, maxLength)
	}
}

func (c *check) lengths(name string, ls []int) {
	for i, l := range ls {
		c.length(fmt.Sprintf("%s[%d]", name, i), l)
	}
}

// confusion checks that a confusion matrix is square over its labels and
// counts nothing negative.
func (c *check) confusion(m Confusion) {
	n := len(m.Labels)
	if len(m.Matrix) != n {
		c.failf("confusion: %d labels but %d rows", n, len(m.Matrix))
	}
	for i, row := range m.Matrix {
		if len(row) != n {
			c.failf("confusion: row %d has %d columns, want %d", i, len(row), n)
		}
		for j, v := range row {
			if v < 0 {
				c.failf("confusion: matrix[%d][%d] = %d, want >= 0", i, j, v)
			}
		}
	}
}

// finite reports the first float anywhere in v that is NaN or infinite,
// by its path ("history[3].loss").
func finite(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("%s = %v, want a finite number", path, f)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return finite(v.Elem(), path)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			if !t.Field(i).IsExported() {
				continue
			}
			name := t.Field(i).Name
			if tag := t.Field(i).Tag.Get("json"); tag != "" && tag[0] != ',' {
				name = tag
				for j := range len(tag) {
					if tag[j] == ',' {
						name = tag[:j]
						break
					}
				}
			}
			p := name
			if path != "" && !t.Field(i).Anonymous {
				p = path + "." + name
			} else if t.Field(i).Anonymous {
				p = path
			}
			if err := finite(v.Field(i), p); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := finite(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if err := finite(it.Value(), fmt.Sprintf("%s[%v]", path, it.Key())); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *check) finite(v any) {
	if c.err == nil {
		c.err = finite(reflect.ValueOf(v), "")
	}
}

// split checks a pair of rates measured on the training and the held-out
// examples, named train_NAME and test_NAME.
func (c *check) split(name string, train, test float64) {
	c.rate("train_"+name, train)
	c.rate("test_"+name, test)
}

// trained checks what every trained model's record holds: execution
// accuracies on both splits, the training time and the epoch history.
func (c *check) trained(trainExec, testExec, seconds float64, h []Epoch) {
	c.split("exec_acc", trainExec, testExec)
	c.nonNeg("train_seconds", seconds)
	c.history(h)
}

func (c *check) history(h []Epoch) {
	for i, e := range h {
		c.rate(fmt.Sprintf("history[%d].train_acc", i), e.TrainAcc)
		c.rate(fmt.Sprintf("history[%d].test_acc", i), e.TestAcc)
		c.nonNeg(fmt.Sprintf("history[%d].seconds", i), e.Seconds)
		c.nonNeg(fmt.Sprintf("history[%d].loss", i), e.Loss)
		if e.Epoch != i+1 {
			c.failf("history[%d].epoch = %d, want %d", i, e.Epoch, i+1)
		}
	}
}

// Validate checks Phase1: counts within their totals, one Collatz length
// per benchmark number.
func (p *Phase1) Validate() error {
	var c check
	c.finite(p)
	if p.Total < 0 || p.Working < 0 || p.Working > p.Total {
		c.failf("working = %d of total = %d", p.Working, p.Total)
	}
	b := p.Collatz
	if len(b.Lengths) != len(b.Numbers) {
		c.failf("collatz: %d numbers but %d lengths", len(b.Numbers), len(b.Lengths))
	}
	if b.CountGT100 < 0 {
		c.failf("collatz.count_gt_100 = %d, want >= 0", b.CountGT100)
	}
	for i, l := range b.Lengths {
		if l < 0 {
			c.failf("collatz.lengths[%d] = %d, want >= 0", i, l)
		}
	}
	for _, ns := range []int64{b.CompileNs, b.InstantiateNs, b.RunNs, b.NativeNs, b.TotalNs, b.WarmTotalNs, b.WarmRunNs, b.ConstNs} {
		if ns < 0 {
			c.failf("collatz: a negative time (%d ns)", ns)
		}
	}
	return c.err
}

// Validate checks Phase2: accuracies are fractions, counts are not negative.
func (p *Phase2) Validate() error {
	var c check
	c.finite(p)
	for i, s := range p.Splits {
		c.rate(fmt.Sprintf("splits[%d].extraction_accuracy", i), s.ExtractionAccuracy)
		c.rate(fmt.Sprintf("splits[%d].execution_accuracy", i), s.ExecutionAccuracy)
		if s.TrainExamples < 0 || s.TestExamples < 0 {
			c.failf("splits[%d]: negative example count", i)
		}
		for name, n := range s.PerProgram {
			if n < 0 {
				c.failf("splits[%d].per_program[%s] = %d, want >= 0", i, name, n)
			}
		}
	}
	return c.err
}

// Validate checks Phase3: accuracies are fractions, the history counts its
// epochs from 1, and the confusion matrix is square over its labels.
func (p *Phase3) Validate() error {
	var c check
	c.finite(p)
	c.trained(p.TrainExecAcc, p.TestExecAcc, p.TrainSeconds, p.History)
	c.split("class_acc", p.TrainClassAcc, p.TestClassAcc)
	c.rate("extraction_acc", p.ExtractionAcc)
	c.confusion(p.Confusion)
	return c.err
}

// Validate checks Phase4: rates are fractions and lengths are lengths, one
// generated length per target length.
func (p *Phase4) Validate() error {
	var c check
	c.finite(p)
	c.trained(p.TrainExecAcc, p.TestExecAcc, p.TrainSeconds, p.History)
	c.split("exact_match", p.TrainExactMatch, p.TestExactMatch)
	c.split("valid_rate", p.TrainValidRate, p.TestValidRate)
	if len(p.GeneratedLengths) != len(p.TargetLengths) {
		c.failf("%d generated lengths but %d target lengths", len(p.GeneratedLengths), len(p.TargetLengths))
	}
	c.lengths("generated_lengths", p.GeneratedLengths)
	c.lengths("target_lengths", p.TargetLengths)
	return c.err
}

// Validate checks Phase5: solved counts within the total, fractions and
// times in range.
func (p *Phase5) Validate() error {
	var c check
	c.finite(p)
	if p.Total < 0 || p.Solved < 0 || p.Solved > p.Total || p.SolvedNoNN < 0 || p.SolvedNoNN > p.Total {
		c.failf("solved = %d, unguided = %d of total = %d", p.Solved, p.SolvedNoNN, p.Total)
	}
	for i, r := range p.Rows {
		for _, s := range []struct {
			name string
			r    SynthResult
		}{{"guided", r.Guided}, {"unguided", r.Unguided}} {
			c.rate(fmt.Sprintf("rows[%d].%s.correct", i, s.name), s.r.Correct)
			c.nonNeg(fmt.Sprintf("rows[%d].%s.seconds", i, s.name), s.r.Seconds)
			c.length(fmt.Sprintf("rows[%d].%s.length", i, s.name), s.r.Length)
		}
	}
	st := p.Structured
	c.rate("structured.train_exec_masked", st.TrainExecMasked)
	c.rate("structured.test_exec_masked", st.TestExecMasked)
	c.rate("structured.train_exec_unmasked", st.TrainExecUnmasked)
	c.rate("structured.test_exec_unmasked", st.TestExecUnmasked)
	c.rate("structured.valid_masked", st.ValidMasked)
	c.rate("structured.valid_unmasked", st.ValidUnmasked)
	return c.err
}
