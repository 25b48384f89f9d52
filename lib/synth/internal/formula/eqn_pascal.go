package formula

// Binomials from Pascal's triangle in the IR's memory: C(a, b) for
// 0 <= a < pascalRows is one load from rows filled by additions only, so
// it is exact mod 2^32 however large it is. A sum or difference of
// binomials that fits i32 while its terms do not, "a(n) = Sum_{k>=0}
// (-1)^k*binomial(n,5*k)", is then right: i32 arithmetic is a ring. The
// plain lowering divides at each step of its product, which is not. The
// rows are filled when first needed, up to the largest a asked for (word
// pascalCount keeps how many rows are filled; memory is zero when a run
// starts). Outside the rows (a < 0 or a >= pascalRows) the plain lowering
// runs. It is the last lowering a formula tries (lowerPascal), only for one
// with a binomial whose plain program keeps no table of its own.

import (
	"fmt"
	"slices"

	"github.com/irsynth/irsynth/lib/ir"
)

const (
	// pascalRows: rows 0..pascalRows-1 take pascalRows*(pascalRows+1)/2
	// words, below pascalCount
	pascalRows = 180
	// pascalCount is the word that holds the number of rows filled
	pascalCount = ir.MemWords - 1
	// pascalScanFuel is what the scan adds to its budget for such a
	// program: each run to n = scanN fills up to about n + 2 rows, at
	// about 20 opcodes a word
	pascalScanFuel = 6_000_000
)

// lowerPascal is lowerWith with binomials read from Pascal's triangle: an
// error if x has no binomial or its plain program uses memory.
func lowerPascal(x *node, exactBinomial bool) ([]ir.Op, error) {
	if !hasCall(x, "binomial") {
		return nil, fmt.Errorf("%w: no binomial", errLower)
	}
	return lowerTabled(x, exactBinomial, func(e *emitter) ([]ir.Op, error) {
		e.pascal = true
		return e.program(x)
	})
}

// pascalSignature: the opcodes that read the count of rows filled; a
// program that has them gets pascalScanFuel more in the scan.
var pascalSignature = append(ir.AppendConst(nil, pascalCount), ir.OpMemLoad)

// isPascal reports whether ops reads Pascal's triangle (or word
// pascalCount for another reason: it then only gets a larger scan budget).
func isPascal(ops []ir.Op) bool {
	for i := 0; i+len(pascalSignature) <= len(ops); i++ {
		if slices.Equal(ops[i:i+len(pascalSignature)], pascalSignature) {
			return true
		}
	}
	return false
}

// binomialPascal pushes C(a, b): 0 if b < 0 or b > a >= 0, the table's
// word for 0 <= b <= a < pascalRows, else the plain lowering's value.
func (e *emitter) binomialPascal(a, b *node) {
	mark := e.next
	defer func() { e.next = mark }()
	la, lb := e.hold(a), e.hold(b)
	e.get(la)
	e.emit(ir.OpConst0, ir.OpI32GeS)
	e.get(la)
	e.konst(pascalRows)
	e.emit(ir.OpI32LtS, ir.OpI32Mul, ir.OpIfBegin)
	e.get(lb)
	e.emit(ir.OpConst0, ir.OpI32LtS)
	e.get(lb)
	e.get(la)
	e.emit(ir.OpI32GtS, ir.OpI32Add, ir.OpIfBegin, ir.OpConst0, ir.OpElse)
	e.pascalFill(la)
	e.load(func() {
		e.get(la)
		e.get(la)
		e.emit(ir.OpConst1, ir.OpI32Add, ir.OpI32Mul, ir.OpConst2, ir.OpI32DivS)
		e.get(lb)
		e.emit(ir.OpI32Add)
	})
	e.emit(ir.OpIfEnd, ir.OpElse)
	e.pascal = false
	e.binomial(vrAt(e, la), vrAt(e, lb))
	e.pascal = true
	e.emit(ir.OpIfEnd)
}

// pascalFill fills the rows of Pascal's triangle up to row a (a local
// in 0..pascalRows-1) that are not filled yet: row f starts at word
// f(f+1)/2, its ends are 1, each other entry the sum of the two above.
func (e *emitter) pascalFill(la int) {
	mark := e.next
	defer func() { e.next = mark }()
	f, c, base := e.alloc(), e.alloc(), e.alloc()
	e.load(func() { e.konst(pascalCount) })
	e.set(f)
	e.while(func() { e.get(f); e.get(la); e.emit(ir.OpI32LeS) }, func() {
		e.get(f)
		e.get(f)
		e.emit(ir.OpConst1, ir.OpI32Add, ir.OpI32Mul, ir.OpConst2, ir.OpI32DivS)
		e.set(base)
		e.store(func() { e.get(base) }, func() { e.emit(ir.OpConst1) })
		e.store(func() { e.get(base); e.get(f); e.emit(ir.OpI32Add) }, func() { e.emit(ir.OpConst1) })
		e.emit(ir.OpConst1)
		e.set(c)
		// C(f, c) = C(f-1, c-1) + C(f-1, c): words base-f+c-1 and base-f+c
		e.while(func() { e.get(c); e.get(f); e.emit(ir.OpI32LtS) }, func() {
			e.store(func() { e.get(base); e.get(c); e.emit(ir.OpI32Add) }, func() {
				e.load(func() {
					e.get(base)
					e.get(f)
					e.emit(ir.OpI32Sub)
					e.get(c)
					e.emit(ir.OpI32Add, ir.OpConst1, ir.OpI32Sub)
				})
				e.load(func() { e.get(base); e.get(f); e.emit(ir.OpI32Sub); e.get(c); e.emit(ir.OpI32Add) })
				e.emit(ir.OpI32Add)
			})
			e.inc(c, 1)
		})
		e.inc(f, 1)
	})
	e.store(func() { e.konst(pascalCount) }, func() { e.get(f) })
}
