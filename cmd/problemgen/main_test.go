package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const root = "../.."

// The committed frontend file is what the generator writes now: a problem added or reworded in
// Go fails here until `go generate ./...` has been run.
func TestGeneratedProblemsAreCurrent(t *testing.T) {
	defs, err := catalogue()
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join(root, Out))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, render(defs)) {
		t.Fatalf("%s is stale: run `go generate ./...` from the repository root", Out)
	}
}

// Every problem.New in the backend (outside tests) is at package level and its code is in the
// catalogue, and nothing builds a problem.Problem by hand: so the generated file has every code
// the backend can return. A new package's Problems() must be added to catalogue().
func TestEveryDefinedProblemIsInTheCatalogue(t *testing.T) {
	defs, err := catalogue()
	if err != nil {
		t.Fatal(err)
	}
	inCatalogue := map[string]bool{}
	for _, d := range defs {
		inCatalogue[d.Code] = true
		if d.Message == "" || (d.Fix == "" && d.Code != "chat.already_member") {
			t.Errorf("%s: empty message or fix", d.Code)
		}
		if strings.Contains(d.Message+d.Fix, "%") {
			t.Errorf("%s: a printf verb in English text; name parameters as {name}", d.Code)
		}
	}
	found := 0
	for _, dir := range []string{filepath.Join(root, "backend"), root} {
		for _, pkg := range parseDir(t, dir, dir == root) {
			consts := stringConsts(pkg)
			for name, f := range pkg.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncDecl:
						if n.Body != nil && pkg.Name != "problem" {
							ast.Inspect(n.Body, func(m ast.Node) bool {
								if isProblemNew(m) {
									t.Errorf("%s: problem.New inside %s: define the problem at package level and list it in Problems()", name, n.Name.Name)
								}
								return true
							})
						}
						return false
					case *ast.CompositeLit:
						if sel, ok := n.Type.(*ast.SelectorExpr); ok && isIdent(sel.X, "problem") && sel.Sel.Name == "Problem" {
							t.Errorf("%s: a problem.Problem built by hand; use a problem defined with problem.New", name)
						}
					case *ast.CallExpr:
						if !isProblemNew(n) {
							return true
						}
						found++
						code, ok := codeOf(n.Args[0], consts)
						if !ok {
							t.Errorf("%s: problem.New with a code that is not a constant string", name)
						} else if !inCatalogue[code] {
							t.Errorf("%s: problem %q is not in the catalogue: list it in its package's Problems() (and that in catalogue())", name, code)
						}
					}
					return true
				})
			}
		}
	}
	if found < len(defs)-1 {
		t.Fatalf("found %d problem.New calls for %d codes: is the walk looking in the right place?", found, len(defs))
	}
}

func parseDir(t *testing.T, dir string, flat bool) []*ast.Package {
	t.Helper()
	var pkgs []*ast.Package
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if flat && path != dir {
			return filepath.SkipDir
		}
		if d.Name() == "node_modules" || d.Name() == "emulator" || d.Name() == "testdata" {
			return filepath.SkipDir
		}
		got, err := parser.ParseDir(token.NewFileSet(), path, func(fi fs.FileInfo) bool {
			return !strings.HasSuffix(fi.Name(), "_test.go")
		}, 0)
		for _, p := range got {
			pkgs = append(pkgs, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func isProblemNew(n ast.Node) bool {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) < 3 {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && isIdent(sel.X, "problem") && sel.Sel.Name == "New"
}

// stringConsts maps a package's string constants to their values (chat's CodeX = "chat.x").
func stringConsts(pkg *ast.Package) map[string]string {
	out := map[string]string{}
	for _, f := range pkg.Files {
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						if v, ok := literal(vs.Values[i]); ok {
							out[name.Name] = v
						}
					}
				}
			}
		}
	}
	return out
}

func codeOf(e ast.Expr, consts map[string]string) (string, bool) {
	if id, ok := e.(*ast.Ident); ok {
		v, ok := consts[id.Name]
		return v, ok
	}
	return literal(e)
}

func literal(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	v, err := strconv.Unquote(lit.Value)
	return v, err == nil
}
