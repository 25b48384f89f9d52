package formula

import "math/big"

// Named sequences in a series' scalars: "Product_{k>=1} (1 -
// x^Fibonacci(k))", "Product_{k>=1} 1/(1 - x^prime(k))", "Sum_{k>=1}
// x^Lucas(k)". The program computes them with the package's lowering of
// the call (a loop each time the product's loop asks), the series
// evaluator with the package's exact evaluator.

// seriesCalls maps the names read to the parser's calls.
var seriesCalls = map[string]string{
	"prime": "prime", "Fibonacci": "fib", "fibonacci": "fib", "fib": "fib", "Lucas": "lucas", "lucas": "lucas",
}

// scalarCall reads "prime(k)" (a name of seriesCalls and a scalar in
// parentheses) at p.pos.
func (p *seriesParser) scalarCall() (*node, bool) {
	t := p.peek()
	name, ok := seriesCalls[t.s]
	if t.k != tIdent || !ok || p.pos+1 >= len(p.toks) || !isOp(p.toks[p.pos+1], "(") {
		return nil, false
	}
	p.pos += 2
	a := p.scalar()
	p.expect(")")
	return call(name, a), true
}

// scalarCall evaluates a call over the bound variables exactly: an
// integer, or the series fails.
func (ev *sEval) scalarCall(x *node) *big.Int {
	env := map[string]*big.Rat{}
	for k, v := range ev.env {
		env[k] = new(big.Rat).SetInt64(v)
	}
	v := &evaluator{steps: 1 << 20}
	r, err := v.evalAt(x, env)
	if err != nil || !r.IsInt() {
		seriesFail()
	}
	ev.work(1<<20 - v.steps)
	return new(big.Int).Set(r.Num())
}
