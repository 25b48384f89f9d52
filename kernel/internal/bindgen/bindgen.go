package bindgen

import (
	"bytes"
	"errors"
	"fmt"
	"go/constant"
	"go/doc"
	"go/format"
	"go/types"
	"path"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// ErrNoPackages is returned when none of the requested packages can be bound.
var ErrNoPackages = errors.New("bindgen: no package could be loaded")

// Module is the import path prefix of irsynth.
const Module = "github.com/irsynth/irsynth"

// DefaultPackages are the packages the kernel binds when they exist.
var DefaultPackages = []string{
	Module + "/lib/ir",
	Module + "/lib/wasmrt",
	Module + "/lib/dataset",
	Module + "/lib/models",
	Module + "/lib/plots",
	Module + "/lib/results",
	Module + "/lib/synth",
	Module + "/kernel/display",
}

// Config says what to bind and where the generated file goes.
type Config struct {
	Dir      string   // directory to load packages from (inside the module)
	Packages []string // import paths; DefaultPackages when nil
	// Target is the import path of the generated file's package, which
	// decides which internal packages its proxies may name.
	Target string
	// PackageName of the generated file.
	PackageName string
}

// Generate loads the packages and returns the formatted Go source that
// registers them with gomacro.
func Generate(cfg Config) ([]byte, error) {
	paths := cfg.Packages
	if paths == nil {
		paths = DefaultPackages
	}
	if cfg.PackageName == "" {
		cfg.PackageName = "bindings"
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedImports | packages.NeedDeps,
		Dir:  cfg.Dir,
	}, paths...)
	if err != nil {
		return nil, fmt.Errorf("bindgen: load: %w", err)
	}
	byPath := map[string]*packages.Package{}
	for _, p := range pkgs {
		byPath[p.PkgPath] = p
	}
	g := &gen{target: cfg.Target, imports: map[string]string{}, aliases: map[string]string{}}
	var skipped []string
	for _, want := range paths {
		p := byPath[want]
		if p == nil || len(p.Errors) > 0 || p.Types == nil || len(p.Syntax) == 0 || hasDepErrors(p) {
			skipped = append(skipped, want)
			continue
		}
		g.bindPackage(p)
	}
	if len(g.pkgs) == 0 {
		return nil, fmt.Errorf("%w: tried %s", ErrNoPackages, strings.Join(paths, ", "))
	}
	src := g.file(cfg.PackageName, skipped)
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("bindgen: generated code does not parse: %w", err)
	}
	return out, nil
}

func hasDepErrors(p *packages.Package) bool {
	bad := false
	packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
		if len(q.Errors) > 0 {
			bad = true
		}
	})
	return bad
}

type gen struct {
	target  string
	imports map[string]string // path -> alias
	aliases map[string]string // alias -> path
	pkgs    []*pkgBinding
	proxies bytes.Buffer
	docs    []docEntry
}

type docEntry struct{ key, text string }

type pkgBinding struct {
	path, name, alias string
	binds, types      []entry
	untypeds, proxies []entry
	wrappers          []entry
	skipped           []string
}

type entry struct{ name, expr string }

// alias returns the local name of an imported package, adding the import.
func (g *gen) alias(pkgPath, name string) string {
	if a, ok := g.imports[pkgPath]; ok {
		return a
	}
	base := sanitize(name)
	a := base
	for i := 2; ; i++ {
		if _, taken := g.aliases[a]; !taken && a != "r" && a != "imports" {
			break
		}
		a = fmt.Sprintf("%s%d", base, i)
	}
	g.imports[pkgPath] = a
	g.aliases[a] = pkgPath
	return a
}

func sanitize(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

func (g *gen) bindPackage(p *packages.Package) {
	pb := &pkgBinding{path: p.PkgPath, name: p.Types.Name(), alias: g.alias(p.PkgPath, p.Types.Name())}
	scope := p.Types.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		q := pb.alias + "." + name
		switch o := obj.(type) {
		case *types.Func:
			if o.Type().(*types.Signature).TypeParams().Len() > 0 {
				pb.skipped = append(pb.skipped, "func "+name+" (generic)")
				continue
			}
			pb.binds = append(pb.binds, entry{name, "r.ValueOf(" + q + ")"})
		case *types.Var:
			pb.binds = append(pb.binds, entry{name, "r.ValueOf(&" + q + ").Elem()"})
		case *types.Const:
			g.bindConst(pb, o, q)
		case *types.TypeName:
			g.bindType(pb, o, q)
		}
	}
	g.pkgs = append(g.pkgs, pb)
	g.collectDocs(p)
}

func (g *gen) bindConst(pb *pkgBinding, c *types.Const, q string) {
	basic, ok := c.Type().(*types.Basic)
	if !ok || basic.Info()&types.IsUntyped == 0 {
		pb.binds = append(pb.binds, entry{c.Name(), "r.ValueOf(" + q + ")"})
		return
	}
	val := c.Val()
	var marshalled string
	fits := true
	switch {
	case basic.Kind() == types.UntypedBool:
		marshalled = "bool:" + strconv.FormatBool(constant.BoolVal(val))
	case basic.Kind() == types.UntypedRune:
		marshalled = "rune:" + val.ExactString()
		_, fits = constant.Int64Val(val)
	case basic.Kind() == types.UntypedInt:
		marshalled = "int:" + val.ExactString()
		_, fits = constant.Int64Val(val)
	case basic.Kind() == types.UntypedFloat:
		marshalled = "float:" + val.ExactString()
	case basic.Kind() == types.UntypedComplex:
		marshalled = "complex:" + constant.Real(val).ExactString() + ":" + constant.Imag(val).ExactString()
	case basic.Kind() == types.UntypedString:
		marshalled = "string:" + constant.StringVal(val)
	default:
		pb.skipped = append(pb.skipped, "const "+c.Name()+" (untyped nil)")
		return
	}
	if fits {
		pb.binds = append(pb.binds, entry{c.Name(), "r.ValueOf(" + q + ")"})
	}
	pb.untypeds = append(pb.untypeds, entry{c.Name(), strconv.Quote(marshalled)})
}

func (g *gen) bindType(pb *pkgBinding, tn *types.TypeName, q string) {
	name := tn.Name()
	if a, ok := tn.Type().(*types.Alias); ok && a.TypeParams().Len() > 0 {
		pb.skipped = append(pb.skipped, "type "+name+" (generic alias)")
		return
	}
	if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
		pb.skipped = append(pb.skipped, "type "+name+" (generic)")
		return
	}
	t := types.Unalias(tn.Type())
	if iface, ok := t.Underlying().(*types.Interface); ok && !iface.IsMethodSet() {
		pb.skipped = append(pb.skipped, "type "+name+" (constraint interface)")
		return
	}
	pb.types = append(pb.types, entry{name, "r.TypeOf((*" + q + ")(nil)).Elem()"})
	if tn.IsAlias() {
		return
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj() != tn {
		return
	}
	if iface, ok := named.Underlying().(*types.Interface); ok {
		if proxy, ok := g.proxy(pb, named, iface); ok {
			pb.proxies = append(pb.proxies, entry{name, "r.TypeOf((*" + proxy + ")(nil)).Elem()"})
		}
		return
	}
	// promoted methods: gomacro cannot tell them from declared ones by reflection
	var wrappers []string
	mset := types.NewMethodSet(types.NewPointer(named))
	for i := 0; i < mset.Len(); i++ {
		sel := mset.At(i)
		if len(sel.Index()) > 1 && sel.Obj().Exported() {
			wrappers = append(wrappers, strconv.Quote(sel.Obj().Name()))
		}
	}
	if len(wrappers) > 0 {
		sort.Strings(wrappers)
		pb.wrappers = append(pb.wrappers, entry{name, "[]string{" + strings.Join(wrappers, ", ") + "}"})
	}
}

// proxy writes a struct that implements iface by calling one function
// field per method; gomacro fills the fields with interpreted methods.
func (g *gen) proxy(pb *pkgBinding, named *types.Named, iface *types.Interface) (string, bool) {
	if iface.NumMethods() == 0 {
		return "", false
	}
	ok := true
	qual := func(p *types.Package) string {
		if !g.canImport(p.Path()) {
			ok = false
		}
		return g.alias(p.Path(), p.Name())
	}
	pname := "P_" + sanitize(strings.TrimPrefix(pb.path, Module+"/")) + "_" + named.Obj().Name()
	var fields, methods bytes.Buffer
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		if !m.Exported() {
			return "", false
		}
		sig := m.Type().(*types.Signature)
		var params, args []string
		for j := 0; j < sig.Params().Len(); j++ {
			pt := sig.Params().At(j).Type()
			ts := types.TypeString(pt, qual)
			if sig.Variadic() && j == sig.Params().Len()-1 {
				ts = "..." + types.TypeString(pt.(*types.Slice).Elem(), qual)
				args = append(args, fmt.Sprintf("a%d...", j))
			} else {
				args = append(args, fmt.Sprintf("a%d", j))
			}
			params = append(params, fmt.Sprintf("a%d %s", j, ts))
		}
		var results []string
		for j := 0; j < sig.Results().Len(); j++ {
			results = append(results, types.TypeString(sig.Results().At(j).Type(), qual))
		}
		res := strings.Join(results, ", ")
		if len(results) > 1 {
			res = "(" + res + ")"
		}
		ret := "return "
		if len(results) == 0 {
			ret = ""
		}
		fmt.Fprintf(&fields, "\t%s_ func(%s) %s\n", m.Name(), strings.Join(append([]string{"_proxy_obj_ interface{}"}, params...), ", "), res)
		fmt.Fprintf(&methods, "func (P *%s) %s(%s) %s {\n\t%sP.%s_(%s)\n}\n",
			pname, m.Name(), strings.Join(params, ", "), res, ret, m.Name(), strings.Join(append([]string{"P.Object"}, args...), ", "))
	}
	if !ok {
		pb.skipped = append(pb.skipped, "proxy for "+named.Obj().Name()+" (names a package this file cannot import)")
		return "", false
	}
	fmt.Fprintf(&g.proxies, "// %s lets interpreted types implement %s.%s.\ntype %s struct {\n\tObject interface{}\n%s}\n\n%s\n",
		pname, pb.name, named.Obj().Name(), pname, fields.String(), methods.String())
	return pname, true
}

// canImport reports whether the generated package may import pkgPath
// (internal packages only from within their parent).
func (g *gen) canImport(pkgPath string) bool {
	if pkgPath == "" {
		return false
	}
	elems := strings.Split(pkgPath, "/")
	for i, e := range elems {
		if e == "internal" {
			parent := strings.Join(elems[:i], "/")
			if g.target != parent && !strings.HasPrefix(g.target, parent+"/") {
				return false
			}
		}
	}
	return true
}

func (g *gen) collectDocs(p *packages.Package) {
	d, err := doc.NewFromFiles(p.Fset, p.Syntax, p.PkgPath)
	if err != nil {
		return
	}
	add := func(name, text string) {
		if text = strings.TrimSpace(text); text != "" {
			g.docs = append(g.docs, docEntry{p.PkgPath + "." + name, text})
		}
	}
	values := func(vs []*doc.Value) {
		for _, v := range vs {
			for _, n := range v.Names {
				add(n, v.Doc)
			}
		}
	}
	for _, f := range d.Funcs {
		add(f.Name, f.Doc)
	}
	values(d.Consts)
	values(d.Vars)
	for _, t := range d.Types {
		add(t.Name, t.Doc)
		for _, f := range t.Funcs {
			add(f.Name, f.Doc)
		}
		values(t.Consts)
		values(t.Vars)
	}
}

func (g *gen) file(pkgName string, skipped []string) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by kernel/internal/bindgen; DO NOT EDIT.\n")
	b.WriteString("// Regenerate with: go generate ./kernel/internal/bindings\n\n")
	fmt.Fprintf(&b, "package %s\n\n", pkgName)
	paths := make([]string, 0, len(g.imports))
	for p := range g.imports {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	line := func(p string) string {
		if a := g.imports[p]; a != path.Base(p) {
			return fmt.Sprintf("\t%s %q\n", a, p)
		}
		return fmt.Sprintf("\t%q\n", p)
	}
	b.WriteString("import (\n\tr \"reflect\"\n")
	for _, p := range paths {
		if !strings.Contains(strings.Split(p, "/")[0], ".") {
			b.WriteString(line(p)) // standard library
		}
	}
	b.WriteString("\n\t\"github.com/cosmos72/gomacro/imports\"\n\n")
	for _, p := range paths {
		if strings.Contains(strings.Split(p, "/")[0], ".") {
			b.WriteString(line(p))
		}
	}
	b.WriteString(")\n\n")
	b.WriteString("// Bound lists the import paths registered with gomacro.\nvar Bound = []string{\n")
	for _, pb := range g.pkgs {
		fmt.Fprintf(&b, "\t%q,\n", pb.path)
	}
	b.WriteString("}\n\n")
	if len(skipped) > 0 {
		b.WriteString("// Not bound: these packages did not exist or did not compile when the\n// file was generated.\n//\n")
		for _, s := range skipped {
			fmt.Fprintf(&b, "//\t%s\n", s)
		}
		b.WriteString("\n")
	}
	b.WriteString("func init() {\n")
	for _, pb := range g.pkgs {
		for _, s := range pb.skipped {
			fmt.Fprintf(&b, "\t// %s: skipped %s\n", pb.path, s)
		}
		fmt.Fprintf(&b, "\timports.Packages.MergePackage(%q, imports.PackageUnderlying{\n\t\tName: %q,\n", pb.path, pb.name)
		writeMap(&b, "Binds", "map[string]r.Value", pb.binds)
		writeMap(&b, "Types", "map[string]r.Type", pb.types)
		writeMap(&b, "Proxies", "map[string]r.Type", pb.proxies)
		writeMap(&b, "Untypeds", "map[string]string", pb.untypeds)
		writeMap(&b, "Wrappers", "map[string][]string", pb.wrappers)
		b.WriteString("\t})\n")
	}
	b.WriteString("}\n\n")
	b.Write(g.proxies.Bytes())
	sort.Slice(g.docs, func(i, j int) bool { return g.docs[i].key < g.docs[j].key })
	b.WriteString("// docs holds the doc comments of the bound packages' members, keyed\n// \"import/path.Name\".\nvar docs = map[string]string{\n")
	for _, d := range g.docs {
		fmt.Fprintf(&b, "\t%q: %q,\n", d.key, d.text)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func writeMap(b *bytes.Buffer, field, typ string, es []entry) {
	if len(es) == 0 {
		return
	}
	fmt.Fprintf(b, "\t\t%s: %s{\n", field, typ)
	for _, e := range es {
		fmt.Fprintf(b, "\t\t\t%q: %s,\n", e.name, e.expr)
	}
	b.WriteString("\t\t},\n")
}
