package bridge

import (
	"encoding/json"
	"fmt"
	"path"
	"reflect"
)

var errorType = reflect.TypeFor[error]()

// method is one exported method of a bound struct, called the way Wails calls it: JSON
// arguments decoded into the parameters' types, and (T, error), T, error or nothing returned.
type method struct {
	name string // "main.Members.AddPerson"
	fn   reflect.Value
	in   []reflect.Type
	out  []reflect.Type
}

// bindAll collects the exported methods of each bound pointer, keyed by their full name, and
// the table the page needs to define them: package -> type -> method names.
func bindAll(bound []any) (map[string]*method, map[string]map[string][]string, error) {
	methods := map[string]*method{}
	table := map[string]map[string][]string{}
	for _, b := range bound {
		v := reflect.ValueOf(b)
		t := v.Type()
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			return nil, nil, fmt.Errorf("bridge: can only bind a pointer to a struct, not %s", t)
		}
		pkg, typ := path.Base(t.Elem().PkgPath()), t.Elem().Name()
		if table[pkg] == nil {
			table[pkg] = map[string][]string{}
		}
		names := []string{}
		for i := 0; i < t.NumMethod(); i++ {
			mt := t.Method(i)
			m := &method{name: pkg + "." + typ + "." + mt.Name, fn: v.Method(i)}
			ft := m.fn.Type()
			for j := 0; j < ft.NumIn(); j++ {
				m.in = append(m.in, ft.In(j))
			}
			for j := 0; j < ft.NumOut(); j++ {
				m.out = append(m.out, ft.Out(j))
			}
			if len(m.out) > 2 || (len(m.out) == 2 && !m.out[1].Implements(errorType)) {
				return nil, nil, fmt.Errorf("bridge: %s must return (T, error), T, error or nothing", m.name)
			}
			methods[m.name] = m
			names = append(names, mt.Name)
		}
		table[pkg][typ] = names
	}
	return methods, table, nil
}

// call decodes args, calls the method and splits its results into a value and an error.
func (m *method) call(args []json.RawMessage) (any, error) {
	if len(args) != len(m.in) {
		return nil, fmt.Errorf("received %d arguments to method '%s', expected %d", len(args), m.name, len(m.in))
	}
	in := make([]reflect.Value, len(args))
	for i, raw := range args {
		p := reflect.New(m.in[i])
		if err := json.Unmarshal(raw, p.Interface()); err != nil {
			return nil, fmt.Errorf("error parsing arguments: %s", err)
		}
		in[i] = p.Elem()
	}
	out := m.fn.Call(in)
	switch len(out) {
	case 1:
		if m.out[0].Implements(errorType) {
			return nil, asError(out[0])
		}
		return out[0].Interface(), nil
	case 2:
		if err := asError(out[1]); err != nil {
			return nil, err
		}
		return out[0].Interface(), nil
	}
	return nil, nil
}

func asError(v reflect.Value) error {
	if k := v.Kind(); (k == reflect.Interface || k == reflect.Pointer) && v.IsNil() {
		return nil
	}
	return v.Interface().(error)
}
