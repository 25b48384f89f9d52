// Package fit finds closed forms for integer sequences by exact linear
// algebra: polynomials in n (degree ≤ MaxDegree), periods (≤ MaxPeriod),
// sparse recurrences a(n) = c·a(n-p) (+ k), and linear recurrences with
// constant rational coefficients (order ≤ MaxOrder, with or without a
// constant term). The enumerator in package enum finds a program's
// structure; this package finds the constants of a few structures that
// enumeration reaches only at great cost (a recurrence of order 3 with
// coefficients 7, -13 and 2 is a term of cost ~40).
//
// Invariants:
//   - Every Model reproduces every term it was fitted to, and its Ops are a
//     program that ir.Validate accepts, over one operand n (SLOT_0).
//   - A model is determined by its first Used terms; Surplus = len(terms) -
//     Used is the evidence for it, and callers decide how much they need.
//   - Programs compute with i32 ring operations (wrapping + - *), so a
//     recurrence or polynomial with integer coefficients gives a(n) exactly
//     whenever a(n) fits in i32, however large the values on the way; a
//     rational recurrence divides once per step and is exact only while
//     each step's numerator fits.
//   - Work is linear in n - x0: one loop iteration per term.
//
// Points (points.go) fits small integer recurrences to a run of first
// terms and values further on, by enumeration rather than algebra, and
// returns nothing when a match by chance is not unlikely (MaxChance).
package fit
