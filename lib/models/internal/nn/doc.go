// Package nn holds the machinery behind lib/models: fused gorgonia
// operations (linear layers with their bias, embedding gathers, residual
// adds with dropout, layer norm, causal multi-head attention, softmax
// cross-entropy), parameter sets that gorgonia graphs and
// plain-Go inference share without copying, and an Adam solver whose state can
// be checkpointed.
//
// Every operation here implements gorgonia's Op and SDOp interfaces, so
// gorgonia builds the graph, differentiates it symbolically and runs it on its
// tape machine; the ops only supply fused forward and backward kernels (matrix
// products go through OpenBLAS via gonum's netlib binding). Gorgonia itself
// only sums the gradients of tensors used twice; every other node is an op
// here, whose output lives in a buffer reused from one run to the next.
//
// The ops repeat one shape of code (Arity, Type, InferShape, Do, SymDiff,
// DiffWRT, ReturnsPtr, ... and a gradient op beside each): gorgonia's Op and
// SDOp interfaces ask every op for the same dozen methods, and an op's
// methods must be on its own type for gorgonia to dispatch on it. base
// (newBase) holds what is the same for all of them; what is left differs in
// shape and type rules per op. This is the one place where `duplicates`
// reports near-identical code on purpose.
//
// Invariants: all tensors are float32 and row-major; an op never writes to its
// inputs; kernels are deterministic for a given input (parallel work is split
// into fixed, disjoint pieces).
package nn
