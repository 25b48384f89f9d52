// Package formula reads formulas out of a task's text and compiles them to
// IR programs: "a(n) = 20*n^2 + 3.", "n^2 reduced mod 100.", "a(n) =
// Sum_{k=0..n} binomial(n,k)*k", "a(n) = prime(n)^2 - 2". OEIS names state
// their formula outright for about one task in fifteen; a program read from
// the text costs no search.
//
// # Overview
//
// A request a person writes ("largest prime not bigger than k") that no
// reader takes as written is read again as the names are written: a
// capital first letter, the operand called n, comparisons as symbols
// (asked.go, readAsked); a definition in English, "a(n) is the number
// of ...", "a(n) is equal to the sum of ...", without its frame, and
// "unitary divisors of N (that are P)" as the divisors d of N with
// gcd(d, N/d) = 1 (and d P), for OEIS names too (Seeded) where nothing
// reads them as written (isdef2.go; adjectives "exponentially odd", "the
// square of a squarefree number", "cubefree" and "biquadratefree", e
// dividing rad(e)^2 or rad(e)^3, for lists, conditions and divisors). Candidates(text, 2..4) reads a request over
// several operands as one formula over its one-letter names, checked on a
// grid of operands (operands.go).
//
// What those rewrites leave unread, asked2.go reads (readAsked2): "the
// n-th X" as the list X ("Pentagonal numbers", "Squares", "Palindromes in
// base 10"; the examples choose the index convention); digits of a kind
// ("how many even digits n has", "number of zeros in n", "sum of the
// cubes of the digits of n") as sums of digcount; "trailing zeros of n!"
// and "exponent of p in n!" by Legendre's (n - s_p(n))/(p - 1); "digital
// root of n"; "double factorial of n"; "absolute value" and "sign of n";
// multiples and rounding by a constant ("round n up to a multiple of 5",
// "distance from n to the nearest multiple of 5", "n divided by 3,
// rounded up"); "difference between the largest and smallest digit of
// n"; "1 if n is even, 0 if it is odd"; "is n a palindrome? 1 or 0" (the
// adjective "a palindrome"); and, before the other readers (askedFirst),
// "the largest power of b <= n" as b^(ndigits(n, b) - 1), which stays
// within the fuel far from the examples. asked2_ops.go reads requests over
// 2-4 operands that operands.go leaves unread: unnamed operands ("the
// larger of two numbers", "median of three numbers"), max / min / median
// / sum / product / average (rounded) of a list, "absolute difference of
// a and b", "x mod y, never negative", "clamp x to [lo, hi]", and
// characteristic functions ("1 if a <= b <= c, else 0", "is a divisible
// by b? 1 or 0", "are a and b coprime? 1 or 0", "1 if a divides b").
//
// asked3*.go reads families of requests before those rewrites
// (readAsked3): counts, sums and products over a kind of number in a
// range ending at n ("how many primes are there up to n", "sum of all
// multiples of 3 or 5 below n": multiples, even and odd numbers and
// squares as closed forms, any other kind as the names write it); the
// length of n in a base ("number of bits needed to write n in binary");
// trailing zeros in a base and trailing ones in binary; integer k-th
// roots rounded down or up; "1 if n is divisible by the sum (product)
// of its digits"; sums of powers ("sum of the cubes from 1 to n", "the
// first n squares"); sequences asked for by name ("the n-th Catalan
// number": Catalan, Motzkin, Bell, Pell, Pell-Lucas, Jacobsthal,
// Padovan, Perrin numbers and derangements, as their recurrences, from
// 0 and from 1). Over two or three operands (asked3_ops.go): "difference
// between the largest and the smallest of a, b and c", "the remainder of
// a divided by b", "the quotient of a and b", and a property of several
// operands, "a and b are both even", "neither a nor b is prime",
// "exactly one of a and b is odd", "at least one of a, b and c is
// divisible by 3", "the larger of a and b minus the smaller", "X,
// squared", "the last digit of the product of a and b" (the mod taken
// inside sums and products), counts of a kind from a to b, "how many
// multiples of k are there up to n". Also over one operand: the exponent
// of b in n and the largest power of b dividing n, "the next prime after
// n", zeros or ones of n in a base, "how many numbers up to n are
// coprime to n", "the last digit of n squared". A reading asked3 tries
// and its far check refuses leaves the text to the other readers.
//
// lead_ops.go reads, over operands, sums of squares, cubes or absolute
// values of a list, counts of operands with a property ("how many of a, b
// and c are positive"), the gcd of three or four, a value held at a bound
// ("a minus b, but never less than zero"), and operands ending in the same
// digit or of the same sign; lead_one.go, over one operand when nothing
// else reads it, a fraction of n rounded ("half of n, rounded up"), the
// multiples of m strictly after or before n, rounding to the nearest ten
// or multiple (with m even, halves up and halves down are both offered:
// the examples decide, or it is a question), the floor of a logarithm
// ("the position of the highest set bit of n") and the least divisor
// above 1.
//
// Candidates(text, 1) finds formula-like spans (a(n) = ..., each further
// "= ..." of a chain, a bare expression in n opening the text, phrase
// templates in phrases.go: periods, congruence classes, named sequences,
// "Primes of the form ...", divisor functions; quant.go: lists named by
// a condition, "Primes p such that p+4 and p+12 are also prime", and
// quantifiers, "Smallest k such that ...", "Number of k <= n such
// that ...", "Number of divisors d of n such that ...", "Largest divisor
// of n coprime to 6", "Least prime >= sigma(n)", "Composites of the form
// 14k + 3", the condition a boolean combination of atoms read
// by pred.go (X is prime/squarefree/a square/even, X divides Y, X | Y,
// X == Y (mod M), comparisons; and, or, either, neither, but not; and
// pred2.go's "(A, B) is a twin prime pair", "A and B are twin primes",
// quantifiers over the decimal digits "no nonzero digit of 3*k divides
// 3*k", "every digit of k is odd", "some digit of k^2 is 7" (a count over
// the digit values 0..9 that occur, by digcount), "X/Y has denominator
// D", "all prime divisors of k are <= sqrt(k)" (gpf, or lpf for >=),
// "powerful" (rad(e)^2 divides e); lists of a mapped kind, "Squares k
// such that ...", "Triangular numbers k such that ..." (cubes, oblong,
// tetrahedral numbers, powers of 2, factorials), run over
// the map's argument; kinds named by stacked adjectives, "Nonprime
// squarefree numbers n such that ...", "Positive nonsquare integers k
// such that ...", and (lists3_kinds.go) an adjective alone, "Positive j
// such that ...", "Values of k such that ...", or adjectives before a
// plural noun nounIs reads, "Odd semiprimes k", "Twin primes p"; a compound complement, "both n-1 and n+1 are not
// squarefree and not prime"; the digit phrases of digitWords inside a
// condition; "Number of ADJ divisors d of n such that P"; "divisible by
// at least 8 primes (counted with multiplicity)"; "Smallest k > 0 such
// that n*k + 1 is a cube" (a fourth, a fifth power) for a*k + b with
// a(n) > 0, b(n) >= 0, over the roots j: the least j with a | j^3 - b);
// phrases_fn.go: digit sums, digit counts, reversals, prime
// factors of an expression; phrases_digits.go: lists named by their
// digits; phrases_base.go: strings of digits, runs, distinct digits,
// digit products, palindromes, divisibility by a digit function, binary
// weight classes, digits from a set (walked by dmap), "GENERATOR whose
// <function phrase> is ..." (read by quant.go), squares, cubes and
// triangular numbers whose value passes a condition, digits read in
// another base, the bitwise "n AND 2*n", and digit phrases inside a
// formula, rewritten as calls: "n + (sum of digits of n)"),
// recurrences a(n) = f(n, a(n-1), ..., a(n-k)) with the terms
// the text starts them from (rec.go; Seeded starts one the text gives
// no start for from a sequence's first terms, rec_seed.go; equations
// between terms, "a(n) + a(n+1) + a(n+2) = n^3", solved for the latest
// term, rec_implicit.go), recurrences with history that read earlier
// terms at any index, "a(n) = a(n-1) + a(floor(n/2))", "a(n) =
// a(n-a(n-1)) + a(n-a(n-2))", "a(n) = Sum_{k=0..n-1} a(k)*a(n-1-k)",
// "a(n) = 1 + Sum_{d|n, d<n} a(d)", "a(1) + a(2) + ... + a(n-1)"
// (memrec.go: the program keeps the terms in the IR's memory, word i
// holding a(i); every term up to n = 100 must be defined by the terms
// before it, Seeded starts one from the fewest first terms that define
// it; residue cases that read earlier terms, "a(2n+1) = 2*a(n) +
// (-1)^a(n+1)", memrec_cases.go; letters defined after the recurrence,
// "where m = n - 1 - 2^p and p is the unique integer such that ...",
// memrec_where.go; complementary equations, "a(n) = a(n-1) + a(n-2) +
// b(n), ... (a(n)) and (b(n)) are increasing complementary sequences",
// b kept beside a, memrec_comp.go; triangles read by rows given by a
// recurrence, "T(n,k) = T(n-1,k) + 9*T(n-2,k-1) for k = 0..floor(n/2)",
// the rows kept in memory, memrec_tri.go; square arrays read by
// antidiagonals given by a recurrence, "A(n,k) = A(n-1,k) + A(n,k-1),
// A(0,k) = A(n,0) = 1", each antidiagonal a row of such a triangle,
// tri2_rec.go; triangles of Stirling and Eulerian numbers named in
// words, "Triangle of Stirling numbers of 2nd kind, S(n,k), n >= 0, 0 <= k
// <= n", read as their recurrences, tri2_named.go; recurrences by the parity of
// n, "a(n) = 2*a(n-1) if n is odd, or a(n) = a(n/2)+1 if n is even";
// digit and prime-factor phrases of earlier terms, "a(n+1) = a(n) +
// sum of digits of a(n)^2"; Kolakoski-(p,q) sequences,
// memrec_kolakoski.go), rational
// generating functions "Expansion of P(x)/Q(x)" (gf.go: the recurrence of
// Q, order up to 6), power series of any other shape, "Expansion of
// Product_{k>=1} (1 + x^(4*k))/(1 + x^k)", multiplicities that vary with
// k, "Product_{k>=1} (1+x^k)^(k*(k-1))" (each factor by its binomial
// coefficients mod 2^32, odd divisors inverted in the ring,
// series2*.go), square roots and half powers of polynomials,
// "(1-x-sqrt(1-2*x-3*x^2))/(2*x^2)", "(1-4*x)^(15/2)" (sqrt(P) = A(1 + 2T)
// for P = A^2 + 4Q, T = Q/A^2 - T^2, ring arithmetic throughout, a
// division by c*x^s read as a shift; series2_sqrt.go), named sequences in
// a series' scalars, "Product_{k>=1} (1 - x^Fibonacci(k))", "1/(1 -
// x^prime(k))" (series2_calls.go), products written out with an ellipsis,
// "x((1-x)(1-x^2)(1-x^4)(1-x^8)...)^2" (three or more binomials whose
// powers run arithmetically or geometrically, series2_ellipsis.go), eta
// quotients, Ramanujan's
// theta functions and the cubic AGM a(q) and b(q), theta_j(dz) in powers
// of q^(1/4), Lambert series, rational functions of any order
// (series*.go: one program fills tables of coefficients in memory; an
// exact evaluator that takes theta functions from their sums decides;
// cyclotomic polynomials and their reciprocals, "Inverse of 1702nd
// cyclotomic polynomial", as products of (1 - x^d)^mu(N/d), series_cyclo.go;
// "G.f. A(x) satisfies: A(x) = 1 + x*A(x)^2", the fixed point reached
// from A = 1, series_fixed.go),
// decimal
// expansions of p/q and continued fractions of sqrt(N) (digits.go),
// decimal expansions of constants, "Decimal expansion of
// (3+sqrt(21))/6", "... of e^(-6)", "... of Pi - e", "... of 4th root
// of 43", "... of log_12 (18)", "... of 1/(Pi + 1)", "... of tan(1)"
// (decimal.go reads N or N/D, each a rational combination of k-th roots,
// e^(u/v), Pi, sin, cos, sinh, cosh, arctan and atanh of u/v,
// logarithms taken over primes, or a power or product of two of them,
// "Pi^2/6", "2*Pi*e/5"; decimal_emit.go sums one
// series per atom into long numbers in memory, limbs of 1000, to n + 12
// digits, and divides N by D a limb at a time; decimal_eval.go's
// math/big values, by other algorithms, must match every digit to
// position 101, and past the limbs its bounds cover a program traps),
// floor, ceiling and round of a + b*sqrt(d) for rational formulas a, b
// and a constant d (Beatty sequences: "floor(n*phi^4), where phi is the
// golden ratio", "[nr/s]; r=1, s=sqrt(2)", "integer nearest
// n*(1+sqrt(2))", "Beatty sequence for (sqrt(5) + 3)/4"; beatty.go,
// beatty_text.go: exact surd arithmetic, and floor(Q*sqrt(d)) without
// squaring Q past i32; Pi, e, 1/Pi and 1/e likewise, transc.go: the
// evaluator decides floor(a + b*c) from rational bounds on c, the
// program uses a convergent p/q proved to give floor(m*c) for every m
// up to a bound M >= 10^4 computed at first use), divide-and-conquer
// recurrences linear in one call, "a(n) = 2*a(floor(n/2)) + n - 1",
// "a(2n) = a(n) + 1, a(2n+1) = 2n" (dnc.go: a loop over n, floor(n/b),
// ... with no memory),
// partitions and compositions named in English, "Number of partitions
// of n into distinct odd parts", "... of 4*n+1 into at most 3 parts",
// "... into parts 5k+1 or 5k+4", "... into parts of the form 3^k - 2^k",
// "Number of compositions of n into Pell numbers", "... where every part
// appears at least 2 times", "... with at most one odd part", "Number of
// overpartitions of n", "Number of ways to write n as the sum of a prime
// and a square" (parts_text.go reads the part set, the number of parts,
// multiplicities, kinds and the clauses after "with"; parts.go fills a
// table in the IR's memory, p[j][i] for j parts summing to i, additions
// only, and checks it against an exact native count at every n it is run
// up to 100; readings the words leave open are offered only where they
// differ by n = 9; lists named by sums of two, "Numbers that are not the
// sum of two primes", parts_list.go; of K = 3..8 members and sums named as
// a plural noun, "Numbers that are the sum of 4 nonzero squares",
// "... of eight squares in three or more ways", "Sums of two distinct
// abundant numbers", readers3_sums.go: the knapsack table
// ways_j(x) += ways_{j-1}(x - s) over the members s, K+1 rows in memory),
// sums and products of the members a count reads ("Sum of the numbers
// <= n that are either squarefree, a divisor of n, or both": the count's
// Sum_{x} [P(x)] as Sum_{x} [P(x)]*x, readers3_sumof.go), a bound inside
// the clause ("squarefree numbers that are less than n, not dividing n,
// and relatively prime to n" as "... < n that are ..."), complements
// listed after one subject ("k is odd, squarefree and divisible by 7",
// "either A, B, or both"; participles "not dividing n", readers3_pred.go),
// quantifiers over the prime factors ("all prime factors of k are
// congruent to 1 mod 4", "no prime factor of k is ...", "Numbers that
// are divisible only by primes congruent to 3 mod 4", "Numbers whose
// prime factors are all of the form 4k+1": pfcount_(k, q, body), a walk
// over k's factorization with body once per distinct prime,
// readers3_pfac.go), and over the divisors ("k has no squarefree divisor
// d such that d^2 > k", "k has at least 3 divisors d with d+1 prime",
// "d+1 is prime for every divisor d of k", "every divisor of k is
// squarefree": counts the count readers read, compared with 0, the
// number, or all the divisors; readers3_divq.go),
// triangles read by rows and arrays read by antidiagonals, "T(n,k) = ..."
// (triangle.go: a loop maps the index to a row and column; cells with two
// cases, "n*k if k|n, 0 otherwise", triangle_cond.go; rows of any length,
// "0 <= k <= floor(n/2)", "n appears 4*n + 1 times in row n", "row n
// lists the divisors of n", triangle_rows.go; "row n lists the odd
// divisors of n in decreasing order", "... the divisors d of n such that
// d+1 is prime", "... the distinct prime factors of n", tri2_rows.go;
// Riordan arrays (g, f) with
// rational g, f, the coefficients of p(x)^n by rows, and "Coefficient of
// x^n in the expansion of p(x)^n", triangle_coef.go: powers of two- and
// three-term polynomials whose coefficients are binomials or one sum of
// them, offered only where every binomial they sum stays in i32; entries
// "coefficient of [x^(n-k)] in (x+n)^n", "[x^k] (1/(1-x) + x/(1-x)^n)",
// triangle_xcoef.go; row sums
// and antidiagonal sums of a formula table, triangle_sums.go; rows listed
// reversed; tri2.go: a table's formula ends where its text goes on, "T(n,k)
// = n^k read by antidiagonals", "... is an upper bound on", "(k+n)/2 n, k >
// 0" (a range statement: "2 n" is no product), "(n >= 1, 0 <= k <= n-1)";
// "mod 2" only inside the formula; heads in other capitals, "R(n,k)";
// "T(n,k) = numerator of k/n"; tables named by their formula, "Triangle of
// denominators of 1/n + 1/m, n >= m >= 1", "Triangle of n*k + 1, 0 <= k <=
// n", the range naming the row and column), numerators and denominators of a rational formula in lowest
// terms, "Numerator of n*(n-1)*(n-2)/720" (ratio.go: P/gcd(P,Q) and
// |Q|/gcd(P,Q) of the formula written as one fraction P/Q; also the
// functions numerator(x) and denominator(x) of the parser), and cases by
// residue class, "a(2n) = f(n), a(2n+1) = g(n)" (cases.go); the Kronecker
// symbol, "Sum_{d|n} Kronecker(-22, d)", "Legendre symbol (n,59)", the
// Dirichlet series of zeta(s)*L(s, (m/.)) by its Euler product, and
// products over divisors, "Product_{d|n} phi(d)", p in "Sum_{p|n}" a prime
// (cases_kron.go); recurrences by one condition on n and an earlier
// term, "a(n) = a(n-1)/2 if a(n-1) is even, otherwise 3*a(n-1)+1"
// (cases_rec.go); cases followed by glosses that restate their functions,
// "..., otherwise 0, where sigma is the sum of divisors", "how many of
// {6,7,8} divide n", "If n is the k-th prime, then a(n) = k!, otherwise
// a(n) = 0" (cases_cond.go);
// mod read as tightly as * ("a(n-1) mod n + a(n-2) mod n"), a second
// reading beside the loose one where the first terms tell them apart
// (cases_mod.go); "If n = Product (p_j^k_j) then a(n) = Product (p_j *
// k_j)", multiplicative with a(p^e) = p*e (cases_mult.go). It
// parses each into a syntax tree (lex.go, parse.go),
// normalizes its rational arithmetic into integer operations (frac.go; where
// a power of a quotient, "(binomial(n-1,k-1)*binomial(n,k-1)/k)^2", leaves
// i32 as P^e/Q^e, also as floor(P/Q)^e, checked against the formula as
// written, tri3_pow.go) and
// lowers it to a program (lower.go, lower_loops.go, lower_factor.go):
// constants built from CONST_0/1/2/10, powers, factorials, binomials,
// sums, products, divisor sums, totients, primes, factorizations (mu,
// omega, bigomega, lpf, gpf, rad, sopf, sopfr), digits in a base and
// bitwise AND/OR/XOR (digitfns.go: digit products, largest, smallest,
// first and last digits, runs, distinct digits, occurrences of a digit
// string, digits read in another base) as counted loops over LOCAL_*.
// A formula whose loops nest past ir.NumLocals locals is lowered again
// with its outermost locals in memory words 0..3 (parse3_spill.go; the
// last register the scratch of their writes), where nothing else of the
// program uses memory or writes a local opcode itself.
// The parser's function table names bitand, bitor, bitxor and
// sumdigits/digsum for formulas and for other phrase readers; AND, OR
// and XOR in capitals are those operators written between expressions.
// It also reads sums written as calls, sum(body, k=a..b), and a word of
// two or three variables as their product ("2mn").
//
//	for _, c := range formula.Candidates("a(n) = 3*n^2 + 12*n.", 1) {
//		p := ir.Program{Arity: 1, Ops: c.Ops} // c.Expr == "((3*(n^2))+(12*n))"
//	}
//
// Formulas by cases on n, "a(n) = 1 if n is squarefree, otherwise 0",
// "a(n) = (n+1)/2 if n is odd; a(n) = n/2 + 6 if n is even", "If n mod 3
// = 0 then n/3 else n", and characteristic functions, "Characteristic
// function of numbers that are not multiples of 12", are read by
// coverage_cond.go (conditions by pred.go; the cases must exclude each
// other, and without "otherwise" cover every n, up to 300; a condition
// undecided at some n >= 1 gives nothing). Conditions by construction,
// "n is a prime power of the form 4m+3", "nonabundant", "the 2-adic
// valuation of phi(n) does not exceed ...", and characteristic functions
// of lists the other readers read alone, "Characteristic function of
// numbers with binary weight 2", are read by cond2.go; forms written as
// equations, "if n = 3*k", "if n = 2^k", and terms stated after the cases,
// "except a(0) = 1", by cond2_cases.go; divisibility by every member of
// a set, "divisible by the numbers from 1 to 10", "by every prime factor
// of k", by cond2_each.go; cases by the form of n whose values use the
// form's letter, "If n is of the form 3k+1, then a(n) = 5*k + 4", by
// cond2_forms.go. Seeded also
// reads a formula the text counts from n = 1 whose terms are listed from
// a(0) ("a(n) = prime(4*n-3)", a(0) = 2) as f(n + 1), where no reading
// fits as the text counts and the shifted one gives all of at least 8
// terms (coverage_shift.go), and a formula whose terms are listed from
// where it is first an integer ("a(n) = (prime(n)^4 - 1) / 240", a(0) =
// 10, the value at n = 4) as f(n + s), s the indices from the first
// term's at which the exact value is no integer or undefined, where f(n +
// s) reproduces every term (fuel2_shift.go). "Primes of the form x^2 +
// 112*y^2" (a positive definite binary quadratic form over all integers, or one with
// nonnegative coefficients over x, y >= 0) is the list of primes m for
// which some y >= 0 makes the discriminant 4am - D*y^2 of the quadratic in
// x a square with an integer root (qform.go), behind residue filters mod
// small M that f's values allow, as many as save fuel at n = 100; where
// that program is refused for fuel ("Primes of the form 5x^2 + 21y^2")
// and f is primitive and alone in its genus up to inversion (every
// reduced form of its discriminant D with f's values prime to q mod each
// prime q of 2D, mod 8 for q = 2, is f or its inverse), the primes p not
// dividing 2D with p mod q among those values (genus theory), and the
// primes of 2D f represents, checked against the search for every prime
// to 30,000 when read (lists3_qform.go); an indefinite form ("Primes of
// the form -3*x^2 + 4*x*y + 5*y^2 (as well as of the form 6*x^2 + 10*x*y
// + y^2)") by the same residues where a search over y represents every
// prime that passes them up to the 400th (one that fails is no value of f
// mod some q), both forms giving the same primes. isqrt
// is lowered as Newton's method from (x/256 + 256)/2 + 1 (coverage_isqrt.go:
// a few steps, not the binary search's 16), and a list whose predicate
// binds variables of its own (a sum's, a let_'s) keeps its memo in the
// evaluator (coverage_free.go). A program refused for fuel that tests
// primality is lowered once more with a sieve of Eratosthenes in memory
// (coverage_sieve.go: the odd numbers below 2*ir.MemWords, about 330,000
// fuel a run; a test below that bound is one load), unless its program
// keeps a table of its own; and, where every other lowering was refused,
// once more with the primality tests of values (not of a list's own
// candidates) by trial division over a wheel of 30 (fuel2_prime.go: the
// eight divisors coprime to 30 in one loop entry of 89 opcodes where
// isPrime's pairs cost 160; 0.56 of its fuel on a large prime). A form
// that names a list's n-th term more than once ("Primes of the form p^2 -
// p - 1, where p is prime") binds the term once (let_ once_, one scan, not
// one per use), and falls back to the substitution where that gives no
// candidate (fuel2_once.go). Bitwise AND, OR and XOR of values that wrap
// ("a(n) = a(n-1) XOR (a(n-1) + a(n-2))") are lowered last on all 32
// bits from the sign bit down (fuel2_bits.go): per bit they give the low
// 32 bits of the exact result whatever the operands' signs, where
// digitfns.go's loop reads positive operands only. A gcd of a value past
// i32 ("Sum_{i=1..n} gcd(n^(n-i), n-i)") is lowered last as gcd(a mod b,
// b), the operand with a power or factorial reduced as it is computed
// (fuel2_gcd.go). The long numbers of wide_digits.go take a varying base
// to a constant power too ("Initial decimal digit of n^6": the base
// multiplied in 6 times).
// Answers stay right far from the examples (wrapsafe.go, fuel3_prime.go):
// an exact quotient of a product by a constant, "n(n+1)/2", "n(n+1)(2n+1)/6",
// "(a+b)(b-a+1)/2" (a polynomial, in up to three variables, that the
// constant divides at every tuple of residues), splits the constant over
// the factors at run time (gcd(f_i, rem), one test for two factors and a
// prime), so no product wraps before its division: exact mod 2^32, so
// wherever the value fits i32 (n(n+1)/2 at n = 47841 was -1003079087); a
// quotient of a polynomial that is no product takes wide_div.go's
// residues, and binomial(a, b) for a constant 2 <= b <= 12 splits b! over
// the a - i in a loop; a sum of a polynomial over a range,
// "Sum_{k=a..b} k", is Sum_j c_j*(C(b+1, j+1) - C(a, j+1)) with every
// binomial split so (wrapsafe_sum.go: exact at any length of the range,
// where the loop ran out of fuel at 200,000 passes), and lcm(a, b) divides
// by the gcd before it multiplies. This wrapSafe lowering is tried before
// the plain one, which stays where it does not fit. A request's or name's program
// that tests primality and runs out of fuel far out (farPoints) is
// lowered once more with the sieve, sieveTop in word 0 and tests of 30
// opcodes whose trial division runs in a loop of one pass (charged only
// when it runs), prime(i) for i <= 3512 and primepi(m) for m < 32768
// counted over the sieve's words, and, for a formula that is one prime
// function alone, past the sieve from segments of it (the words from 512
// on reused for 31744 numbers at a time, marked with the segment's start,
// the base primes below 1024 kept): the n-th prime reaches n = 9043 (1779
// before), primepi 96256 (15330), the sum of the primes <= n 33258
// (13900), kept only where it agrees near and far and reaches further.
// coverage_named.go reads "Fibonacci sequence
// beginning 4, 19" and "8-step Fibonacci sequence starting with ..." (as
// the recurrence they state, from a(0) or a(1)), "Squares mod 94" and
// "Nonsquares mod 63" (a finite list; past its end m, m+1, ...), and
// totally multiplicative functions given at the primes and multiplicative
// ones given at prime powers, "Multiplicative with a(p^e) = p*e" (the
// product over the d <= n exactly dividing n that are prime powers; its
// products are ring arithmetic, exact where the value fits). The parser's
// concat(a, b, ...) writes decimal digits one after another
// (coverage_concat.go: a*10^ndigits(b) + b), read from "the string 75n is
// prime", "4n concatenated with itself", "Concatenation of n, n+1, n+2
// divided by 3", "Numbers formed by concatenating 3 consecutive primes"
// and "Primes that are concatenations of n with n + 4". pred.go's
// complements also read "a 4-almost prime", "a product of exactly 3
// primes", "a product of 2 distinct primes", "0 or 2 mod 3" and
// "noncomposite" (coverage_pred.go), and "Number of solutions to x^4 == 1
// (mod n)" counts the x (and y) in 0..n-1 (coverage_count.go). "Number of
// (w,x,y,z) with all terms in {1,...,n} and w=x+2y+3z-n" and "Number of
// ordered quintuples (a,b,c,d,e), -n <= a,b,c,d,e <= n, such that
// a+b+c+d+e = 0" count tuples of a range (count.go): a condition about one
// linear form s of the letters by a table of how many tuples give each s,
// built a letter at a time by sliding windows in memory (count_lin.go);
// one linear in some letters and not in one or two others ("(w+n)^2 =
// x+y") by that table's prefix sums, looked up at each of the other
// letters' tuples (count_mix.go); independent groups of letters ("w>=2x
// and y>3z") counted apart and multiplied; a range given by a chain, "1
// <= x < y < z <= n", read as its ends and its links; any other by nested sums whose
// last letter, where the condition is linear in it, is counted in closed
// form; each checked against every tuple at small n and a native int64
// count up to n = 100. "Number of integer solutions to n^2 = x^2 + y^2
// with x>0, y>=0", "Number of ways to write n as x^2 + 2*y^2 + z*(z+1)/2,
// where ..." count the values of letters whose one-letter quadratic
// terms sum to N(n) (count_sq.go: a table of partial sums in memory, the
// last letter gathered at N alone). "Number of squarefree numbers <= n",
// "Number of odd primes less than n" count a list's members up to a bound
// (count_list.go: the list as the other readers read it alone, or a kind
// of number pred.go reads; a list read as a formula only where it
// increases strictly; prime tuples by their least member, "Number of sexy
// prime pairs (p, p+6) with p <= n"; "Number of triangular divisors of n"
// as the divisors d such that d is triangular). "Number of binary strings
// of length n with equal numbers of 00010 and 10001 substrings", "...
// containing exactly one subsequence 001", "Number of ternary words of
// length n avoiding 00 and 121" count words by the occurrences of
// patterns (comb_words.go: a table over the word's last L-1 letters and
// a counter, moved a letter at a time in memory; the reference walks
// suffixes as Go strings). "Number of permutations satisfying
// -k<=p(i)-i<=r and p(i)-i not in I, i=1..n, with k=1, r=5, I={3}", "...
// such that p(i)-i is in {-2,4,5} for all i", "... with |p(i)-i| <= 2"
// count permutations by their displacements (comb_perm.go: a table over
// the used values of the window i-k..i+r, a mask read by division).
// "Number of non-palindromic divisors of n", "Number of nondeficient
// divisors of n", "Number of divisors of n that are not abundant numbers"
// negate the adjective; "Number of times 7 appears in decimal expansion of
// n" is digcount(n, 10, 7), "Number of occurrences of '10' in binary
// expansion of n" and "Number of blocks of {1,0} in the binary expansion
// of n" strcount(n, 2, 2, 2) (comb_div.go). "Number of primes congruent
// to 3 modulo 4 dividing n (with multiplicity)", "Number of distinct prime
// factors of n of the form 6k+1" count the prime divisors that pass, or
// with multiplicity the prime powers whose prime passes (comb_pfactors.go).
// "Number of partitions of n into two parts (s,t) such that (t-s) | n,
// where s < t" writes N - s for t and sums the condition over s <= N/2
// (comb_parts2.go). "Number of subsets of {1..n}
// whose sum is prime", "Number of nonempty subsets S of {1,2,...,n} in
// which all elements are strictly less than the sum of the other elements
// of S" count subsets by a table of their sums in memory, the largest
// element against the rest as it joins (comb_subsets.go). "Sum of
// first n semiprimes" (and Product; any kind of number a list reads, with
// "of the form" or "congruent to") sums the list's terms up to its n-th in
// one pass, and "Sum of odd divisors of n that are greater than 1" (odd,
// even, proper, squarefree, prime; "such that", "that are", "of the
// form", a comparison) is a divisor sum of d where d passes
// (coverage_sums.go; "Sum of the 6th powers of the square divisors of n",
// "Sum of cubes of odd primes dividing n", "Sum of the reversals of the
// proper divisors of n": d^k or the reversal of d over those divisors,
// sets_sums.go). Any kind a list reads "of the form f(v)" with a clause on
// v, "Primes of the form 210*k+89, k >= 0", "Primes of the form 2*s + 1,
// where s is a squarefree number", "Semiprimes of the form k^2+1",
// "Integers of the form (k^2 - 49)/120", is the n-th v passing the clause
// and the kind's property at f(v), mapped by f (f strictly increasing
// there); "Positive numbers not of the form n^2+2" the numbers no f(v)
// hits (f growing by at least 1 a step); "Smallest prime == 1 mod (7n)"
// the quantifier it rewords (sets.go). Where the text leaves a start
// open, the readings are offered only if the examples tell them apart
// (they differ at some n <= 8, or nowhere). A text opening "a(n) is
// the", "a(n) = " or "The" before a phrase ("a(n) is the sum of the
// squares of the odd divisors of n", "The sum of the odd divisors of
// n ...") is read past that opening by the phrase readers
// (sets_open.go); "Smallest cube >= n" tests each candidate with the
// least j >= 0 with j^3 >= |e| (to 1290; sets.go's cubeOf). Lists
// named by the kinds they are not, "Numbers that are not Sophie Germain
// primes", "Odd numbers that are not twin primes", "Positive integers
// which are neither squarefree integers nor prime powers", "Complement of
// the 12-gonal numbers", take the kinds pred.go reads and more
// (sets_kinds.go: twin, Sophie Germain, safe and Chen primes, s-gonal
// numbers by a discriminant square, oblong numbers, powers of a prime).
// "Least multiple of n == -1 (mod 2n+1)", "Smallest positive multiple of
// n that is a square" (also "such that", "whose ...", "nontrivial") is E
// times the least k >= 1 (>= 2) whose multiple E*k passes (sets.go); a
// modulus may hold one level of parentheses, "(mod prime(n))" (pred.go).
// Members of prime tuples, "Smallest member p of a triple of primes
// (p,p+8,p+20)", "Greater of twin primes of (40n-23,40n-21)": the first or
// last member of the n-th tuple whose members, increasing in the order
// written, are all prime (sets_tuple.go).
// Lists named by their prime factors (sets3.go): "Numbers with distinct
// prime factors 2, 3, and 5", "Numbers with exactly 6 distinct odd prime
// divisors {3,5,7,11,13,17}" are P (the primes' product) times the n-th
// v whose every prime factor divides P (smooth_(v, P): the primes of P
// divided out, a loop each); "Numbers whose smallest prime factor is 13"
// is 13 times the n-th v coprime to the primes below 13 (p <= 29: their
// product fits i32); "7-smooth numbers"; "Squares of primes of the form
// 4*k+3" (squares, cubes, fourth and fifth powers) raises each reading of
// the list the other readers take alone.
// Products of powers of fixed numbers (lists3_powprod.go): "Numbers of
// the form 4^i * 9^j, with i, j >= 0", "Numbers of the form 2^i*3^j*5^k"
// (exponents from 0 or, unsaid, from 1), and "3-smooth numbers" (p <= 7)
// where a scan over every number is refused for fuel: powprod_(n, b1,
// ..., bm), each value once, stepped from term to term (the least
// q*b1^e above the last term over the products q of the other bases).
// "Primes whose base-8 representation also is the base-5 representation
// of a prime" (and "... decimal representation is a valid number in base
// 5 ...") is rebase(q, 5, 8) of the n-th prime q with rebase(q, 5, 8)
// prime: a scan over the base-5 values, not over the primes.
// "Smallest positive multiple of n whose base 8 representation contains
// only 0's and 1's" is rebase(k, 2, 8) for the least k >= 1 whose one n
// divides ("Least positive multiple of n written in base 9 using only 0
// and 1" also as rebase(k, 2, 10), the digits).
// Sparse lists named by digit counts, "Numbers having four 5's in base
// 10", "... contains exactly four 2's and three 3's", are ranked instead of
// scanned (sets3_digits.go: digrank_ counts the completions of a prefix,
// C(r, c_1) * C(r - c_1, c_2) * ... * f^rest, to find the n-th member's
// length and digits; the evaluator ranks by the same counts in math/big).
// So are lists named by their number of runs, "Numbers whose base-4
// representation has exactly 7 runs", "... congruent to 7 mod 9"
// (sets3_runs.go: runrank_, C(r, k) * (b-1)^k strings of r more digits
// start k new runs).
// "Composite numbers whose multiplicative digital root is 4": mdr_(x, b)
// multiplies x's digits until one is left (sets3_mdr.go; "the
// multiplicative digital root of" is one of fnPhrases).
// Operations on a sequence named in words, "Partial sums of X", "First
// differences of X", "Convolution of X and Y", "Self-convolution of X",
// "Moebius transform of X", "Binomial transform of X", "Alternating sum
// of X", "Sums of three consecutive X" (sums_seq.go): X as the other
// readers read its name alone, every start of X and of the result a
// reading, offered only where two that differ do so by n = 8 or not
// before both leave i32. A function named in words applied to another
// argument, "Sum of odd divisors of sopf(n)", "Sum of divisors of p+1, p
// prime", is "P of n" as the other readers read it with the argument put
// for n (sums_of.go: P holds no n of its own; a letter bound to the primes
// is the n-th prime; "the n-th X" is X's n-th term, X any list
// seqReadings reads); "Sum of odd divisors of n <= sqrt(n)" bounds d^2.
// Such a sum over the terms of the primes or of a list named by its
// predicate reads each term from a table in memory the program fills
// first, one scan per list up to index n + 4 (sums_tab.go).
// Operators over what the other readers read (ops3*.go): "Difference
// between X and Y", "Absolute difference between ...", "X minus Y", "X
// plus Y" with each operand an expression in n, "the n-th X" or a phrase
// read alone as a function of n ("Difference between the n-th squarefree
// number and n", "n^2 minus the greatest triangular number smaller than
// or equal to n^2"); the member of any kind of number kindPredicate reads
// nearest a bound, "Largest powerful number not greater than n",
// "Smallest prime larger than n" (ops3_near.go, comparisons in words by
// comparatives); "Sum of all primes <= n", "Product of the squarefree
// numbers < 2n", "Number of primes between n^2 and (n+1)^2", "... in the
// interval [n, 2n)", "... p with n < p <= 2n" (ops3_range.go: "between"
// read with and without its ends, offered only where the examples tell
// the two apart); "Number of odd divisors of n^2+1", "Product of the
// squarefree divisors of n", "Largest odd divisor of 3n+1", "Number of
// common divisors of n and 12" (ops3_div.go: the adjective's condition
// taken from the divisor sum the other readers read, common divisors as
// those of the gcd); "Number of squares dividing n", "Sum of the
// squarefree numbers dividing 2n+1", "Largest triangular number dividing
// n" (any kind kindPredicate reads, over the divisors); two sequences
// interleaved, "50k^2-20k-23 interleaved with 50k^2+30k+17 for k>=0",
// "Interleave 3n+1 and 3n+2", "Primes interleaved with zeros"
// (ops3_interleave.go: X at the even places, Y at the odd ones, a(0) or
// a(1) first); "Digital root of the n-th prime", "Digital root of the
// triangular numbers" (ops3_droot.go: 1 + (x - 1) mod 9 for x > 0, 0 at
// 0, for terms >= 0; the exact check refuses wrapped terms that lose the
// residue).
// "Sum of the third largest parts of the partitions of n into 4 parts",
// "Sum of the products of the smaller and larger parts of the partitions
// of n into two distinct parts with the larger part even" are nested sums
// over the parts a1 <= ... <= ak, k up to 4 (sums_parts.go).
// "Largest cube dividing n" is multiplicative,
// p^(3*floor(e/3)) at p^e. Processes named by their rule
// (automata.go, morphism.go): elementary cellular automata, "Triangle read
// by rows giving successive states of cellular automaton generated by
// "Rule 90"", "Decimal (Binary) representation of the n-th iteration of
// the "Rule 20" elementary cellular automaton starting with a single ON
// (black) cell", "Number of", "Total number of ON/OFF cells", "Middle
// column of ..." (one ON cell at stage 0, the background following the
// rule; a row updated in place in memory), the x-axis and the diagonal of
// the n-th stage of a two-dimensional automaton "defined by "Rule 467",
// based on the 5-celled von Neumann neighborhood" or the 9-celled Moore
// one (Wolfram's outer totalistic code: bit 2*s + self; one octant kept
// in two buffers; the evaluator simulates the whole plane), and the fixed
// point, image,
// trajectory or limiting word of a morphism on digits, "Fixed point of the
// morphism 0 -> 01, 1 -> 1101, starting with 0" (the word written to memory
// letter by letter, from n = 0 and from n = 1). The 3x+1 map named by
// a quantity of n's trajectory (collatz.go): "Collatz length of n", "How
// many steps does the 3n+1 sequence take from n?", "Number of halving
// steps to reach 1 in '3x+1' problem", "Largest value in the hailstone
// trajectory of n", read word by word against a closed vocabulary (any
// other word gives nothing); "length" as the steps and as the terms,
// "stopping time" as the steps to 1 and to a value below n, the examples
// choosing. Formulas "a(n) = ..."
// that name what the parser lacks (eqn*.go): letters and functions the
// text defines after the formula, "where p is the n-th prime", "where e
// is the 2-adic valuation of n", "where f(n) = n^4 + n^2 + 1", "where
// A032742 gives the largest proper divisor of n", "F = A000045 is the
// Fibonacci numbers" (the words, never the A-number: the package keeps
// no table of A-numbers), and the same words inside a formula, "n - sum
// of the distinct prime factors of n", "1 if n-th prime is 0 or 2 mod 3"
// (rewritten as calls for the formula and conditional readers);
// valuation(x, p), composite(n), nonprime(n) and usigma(n) by name; a
// chain whose first member cites an A-number, read from its next
// member (eqn.go); Sum_{k>=a} whose terms have a factor binomial(n + d,
// c*k + e), bounded at k = n + d, and divisor sums with a condition
// pred.go reads, "Sum_{d|n, n/d=1 mod 4} d^4", "Sum_{d|n, d is odd}"
// ("X = r mod m" there is the congruence; eqn_sum.go); sums written with an
// ellipsis, "1*2 + 2*3 + ... + n*(n+1)", "... + (up to the n-th term)",
// each number of the written terms an arithmetic progression, the last
// term checked to be the J-th (eqn_ellipsis.go). Two lowerings come
// after the sieve (lowerLast): binomials read from Pascal's triangle,
// filled in memory by additions up to the rows a run needs (rows below
// 180; eqn_pascal.go), so a sum of binomials that fits i32 is right
// while its terms pass it; and floor(a/d) for an odd d > 0 as (a - (a mod
// d)) times d's inverse mod 2^32, a's residue from reduced arithmetic
// (factorials, Fibonacci and Lucas numbers now reduced under a mod too),
// so "floor(Fibonacci(n)/prime(n))" and "n! mod prime(n)" are right
// where the value fits and a does not; a constant divisor with a power
// of 2, b = 2^k*d, adds a's residue mod b*(2^k + 3), which gives the
// quotient's high bits ("round((2^n - n - 1)/4)", "ceiling(Fibonacci(n)/2)",
// "(prime(n)^4 - 1)/240"), and under a mod (a/b) mod m is (a mod b*m)
// div b ("(6^n-1)/5 mod n"; wide_div.go), and a binomial under a mod
// comes from a row of Pascal's triangle mod m in memory ("binomial(2n-1,
// n-1) mod n"; wide_binom.go) (eqn_ring.go; there too primepi
// of an argument with a root or a quotient takes its floor, "pi(n) -
// pi(sqrt(n))"). Digit sums, digit counts and first digits of values far
// past i32, "Number of digits in 3^n", "Sum of digits of n!", build their
// argument as a long number in memory, limbs of b^j <= 10^4, from powers
// with a varying exponent ("n^n"), factorials, products of them and small
// factors, added constants and exact division by a constant; largest and
// smallest digits and counts of a digit too (wide_digits.go; the evaluator
// takes such digits from math/big). Names of whole families that state
// no formula but fix one are rewritten as a formula (phrase2*.go):
// polygonal numbers by their sides in digits or words, "Centered 47-gonal
// numbers", "29-gonal pyramidal numbers", "Second heptagonal numbers",
// "Generalized 19-gonal numbers" (P_k at m = 0, 1, -1, 2, -2, ...);
// "Nimsum n + 16";
// "Number of edges in 9-partite Turán graph of order n", (n^2 - Sum of the
// parts' squares)/2; "Dimension of the space of weight 2n cusp forms
// (cuspidal newforms) for Gamma_0( N )", from the genus, elliptic points
// and cusps of X_0(N) computed from N (newforms summed over the levels M
// | N with the weights beta(N/M)). Operations on a sequence named in
// words that sums_seq.go does not take (phrase2_seq.go): "Lucas numbers
// mod 20", "Semiprimes (mod 10)", "Apply partial sum operator thrice to
// primes" (k-fold partial sums as one sum, Sum_{j} C(n-j+k-1, k-1) x(j)),
// "Powers of 3 repeated four times" (x(floor(n/4)) at each start; "X mod
// m" only where the mod acts on the first terms). Trajectories of a map
// named in words, read as a(n) = f(a(n-1)) from the text's start
// (phrase2_iter.go): "Start with 14 and repeatedly reverse the digits and
// add 1 to get the next term", "... when the number is written in
// binary", "Add 4, then reverse the decimal digits; start with 10",
// "Trajectory of 77 under the Reverse and Add! operation carried out in
// base 2", "3x - 1 sequence starting at 66". Growth series of Coxeter
// groups named by type (phrase2_coxeter.go): "Number of reduced words of
// length n in the Weyl group B_3" (Product_i [d_i]_x over the degrees),
// "Growth series for affine Weyl group A_2" (Bott's formula), "...
// Coxeter group on 3 generators S_i with relations (S_i)^2 = (S_i S_j)^29
// = I" (Steinberg's formula, every m_ij = M >= 3), handed to the series
// readers as a rational generating function (a finite group's polynomial
// of degree N > 30 as a palindrome, R(min(n, N-n)), R from its first
// half). Two nonattacking pieces on
// an n X n board (phrase2_board.go): "Number of ways to place 2
// nonattacking knights on an n X n cylindrical board" (leapers on plain,
// toroidal and cylindrical boards: C(n^2, 2) less the pairs each move
// class joins, exact past twice the reach, smaller boards counted pair by
// pair in a table; rooks, bishops and queens on a plain board). The measure
// test's -oeis.why ranks why the
// other names give nothing (coverage_why.go: the parse's stopping token,
// the lowering error, or where the scan refused the program).
// Notations the parser stops in are rewritten as ones it reads
// (parse2.go): divisor sums whose subscript names the divisor by
// conditions in any order, "Sum_{ k < n and k | n} a(k)", "Sum_{ d >= 1,
// d divides n}"; two divisor letters, "Sum_{i|n, j|n}", as nested sums;
// "hamming_weight(x)"; "first digit to the right of the
// decimal point of x", floor(10*x) - 10*floor(x); "n^(3/2)" as
// sqrt(n^3), round(sqrt(E)) as floor((floor(sqrt(4*E)) + 1)/2); "Sum
// a(p), p prime, p | n-1" as Sum_{p|n-1} a(p). Words inside a
// formula, "a(n) = n + sum of prime indices of n", "a(n) = n-th prime
// congruent to 1 mod 6 minus n-th prime", are each read by the other
// readers as a name of their own ("n-th X" as the list "Xs" from 1) and
// put in the formula as a call (parse2_words.go; "minus", "plus",
// "times", "divided by" between spans; a span then a connective then a
// number, or "if", "for", "where" after the formula, gives nothing; a
// letter the words define after it, "prime(k) where k = n-th prime
// congruent to 1 mod 6", is such a span).
// "Sum of (distinct) (even|odd) prime indices of n", "Number of ...",
// "Largest prime index of n" sum primepi(lpf(d)) over the prime powers
// (primes) d dividing n (parse2_pidx.go).
//
// # Invariants
//
//   - Every Candidate's Ops is a whole program body (START..END) over
//     SLOT_0 = n that ir.Validate accepts, at most ir.MaxLength opcodes and
//     ir.NumLocals locals.
//   - Never a guess: a span with an unknown name (an A-number, a function
//     not in parse.go's table), a conditional clause (if, otherwise, for
//     even n, conjectured; a kind said of the formula's letter, "for p
//     prime", "k composite", "p runs over the primes", and anything but
//     bounds after the letter, "for n coprime to 10", "for n = 3k+1":
//     parse3_kinds.go),
//     a recurrence without its starting terms
//     (Candidates; Seeded takes them from the terms it is given), or
//     anything not parsed to its end gives no candidate; so does a
//     formula without n. A condition with a word pred.go does not read,
//     or "and" and "or" side by side, gives none; a quantifier whose start
//     the text leaves open (k from 0 or 1) is offered both ways only where
//     the two differ at no n past 8 (the examples tell them apart), else
//     not at all.
//   - A candidate computes its formula exactly where it matters: before it
//     is returned, its program is run beside an exact rational evaluator
//     (eval.go) for n = 0..12 and then about every fifth n up to 100 (a
//     table's values do not grow with n: every n; a list's runs grow
//     costly: 0..8, then every 2/5 of n; every
//     n just before the formula's values leave i32, where OEIS checks stop),
//     and must agree on every value that is an integer in i32, at least 5
//     of them. Where plain i32 arithmetic would wrap, other lowerings are
//     tried (residues inside "mod", exact division by an odd constant as
//     multiplication by its inverse modulo 2^32, a polynomial in its
//     binomial basis, binomials that divide out a gcd at each step), else
//     there is no candidate. A scan cut short by its budget passes only if
//     the program's fuel, extrapolated to n = 100, stays well within
//     ir.DefaultFuel, no list predicate would wrap there, and no part of
//     the formula leaves i32 at later n where its value fits (scan.go:
//     finishes, listsFit, partsFit).
//   - The check passes over no point it claims to cover (sound.go): an n
//     >= 10 where the formula is undefined or no integer ("3^(n/2)" and
//     "n/2" at odd n, a list whose predicate is undefined at some value)
//     refuses the reading; below 10 its domain may open later (1/n at 0,
//     "(prime(n)^4 - 1)/240" from n = 4), those n being among the first ten
//     terms every candidate must reproduce in lib/synth. A rational power
//     b^(p/q) is evaluated exactly where it is rational, and floor,
//     ceiling and round of a formula with such powers are decided from
//     rational bounds on them (sound_root.go: integer roots on big.Int),
//     so "floor(3^(n/2))" is compared at odd n too, not passed over. A
//     scan cut short by its budget is refused where the formula has no
//     term at the n between its last run and 100 that partsFit looks at,
//     or the program runs out of ir.DefaultFuel at the last of them whose
//     value fits i32 (the fuel extrapolation can miss).
//   - "/" is exact (rational) division, as in OEIS names; floor, ceiling
//     and round round a rational as they say; "x mod m" is the residue
//     with the sign of m.
//   - Candidates never panics (each reader runs apart: one that panics
//     gives nothing, the others still read) and takes a few milliseconds on an OEIS name,
//     up to some tens for a list whose scan spends its larger program
//     fuel (listScanFuel: a sparse list runs its predicate thousands of
//     times from its first terms on), some tens for a power series (its
//     O(n^2) program runs at some 30 n, series.go), about ten for a
//     partition count (its table program runs at some 35 n, parts.go:
//     "... of 4*n+1 into distinct parts" 11 ms), up to about 50 for a
//     two-dimensional automaton (every run simulates its stages, within
//     autoScanFuel), and up to about a
//     second for a decimal expansion (its program runs once per digit to
//     position 101, a quotient of logarithms at up to 1.4 M fuel); texts
//     over 2,000 bytes are not read.
//
// Candidates reads only the text: whether a candidate fits the task's
// examples is the caller's test (lib/synth accepts one only if it
// reproduces every example). Seeded also takes a sequence's first terms:
// a recurrence the text starts nowhere starts from them and must
// reproduce the rest (at least 3 terms) before it is offered.
package formula
