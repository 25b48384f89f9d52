package bindings

//go:generate go run github.com/irsynth/irsynth/kernel/internal/bindgen/cmd/bindgen -o zz_bindings.go

// Doc returns the doc comment of a bound package's member, or "".
func Doc(pkgPath, name string) string { return docs[pkgPath+"."+name] }
