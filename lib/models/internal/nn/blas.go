package nn

// Linking OpenBLAS here means a plain `go build` works without CGO_LDFLAGS:
// a #cgo LDFLAGS directive in any package applies to the final link.

// #cgo LDFLAGS: -lopenblas
import "C"

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/netlib/blas/netlib"
	G "gorgonia.org/gorgonia"
)

func init() {
	G.Use(netlib.Implementation{})
	blas32.Use(netlib.Implementation{})
}

var impl = netlib.Implementation{}

// Gemm computes C = alpha*op(A)*op(B) + beta*C on row-major float32 slices
// with OpenBLAS; op transposes when the flag is set. m, n, k are the sizes of
// op(A) (m×k), op(B) (k×n) and C (m×n); lda, ldb, ldc are row strides.
func Gemm(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	ta, tb := blas.NoTrans, blas.NoTrans
	if transA {
		ta = blas.Trans
	}
	if transB {
		tb = blas.Trans
	}
	impl.Sgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}
