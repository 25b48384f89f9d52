// Package nn holds the machinery behind lib/models: fused gorgonia
// operations (bias add, layer norm, causal multi-head attention, masked
// dropout, softmax cross-entropy), parameter sets that gorgonia graphs and
// plain-Go inference share without copying, and an Adam solver whose state can
// be checkpointed.
//
// Every operation here implements gorgonia's Op and SDOp interfaces, so
// gorgonia builds the graph, differentiates it symbolically and runs it on its
// tape machine; the ops only supply fused forward and backward kernels (matrix
// products go through OpenBLAS via gonum's netlib binding). Gorgonia's own
// Mul, Add and Rectify are used for everything else.
//
// Invariants: all tensors are float32 and row-major; an op never writes to its
// inputs; kernels are deterministic for a given input (parallel work is split
// into fixed, disjoint pieces).
package nn
