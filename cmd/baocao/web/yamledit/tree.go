package yamledit

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// val is a YAML value as it reads, without its layout: what an edit must
// change, and everything else must keep. Apply checks every result against
// the value it meant to make.
type val struct {
	kind  yaml.Kind // ScalarNode, MappingNode or SequenceNode
	flow  bool      // a collection written in flow style ([…] or {…})
	tag   string    // a scalar's resolved tag
	text  string    // a scalar's value
	keys  []string  // a mapping's keys, in order
	items []*val    // a mapping's values, or a list's items
	// made is set on the values an edit writes: their text must read back,
	// empty being the same as null, whatever YAML resolves them to.
	made bool
	// typed is set on made scalars written as typed (numbers, dates).
	typed bool
}

// valOf reads the value of n.
func valOf(n *yaml.Node) *val {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return &val{kind: yaml.MappingNode}
		}
		return valOf(n.Content[0])
	case yaml.MappingNode, yaml.SequenceNode:
		v := &val{kind: n.Kind, flow: n.Style&yaml.FlowStyle != 0}
		for i := 0; i < len(n.Content); i++ {
			if n.Kind == yaml.MappingNode {
				v.keys = append(v.keys, n.Content[i].Value)
				i++
			}
			v.items = append(v.items, valOf(n.Content[i]))
		}
		return v
	case yaml.AliasNode:
		return &val{kind: yaml.ScalarNode, tag: "alias", text: n.Value}
	}
	return &val{kind: yaml.ScalarNode, tag: n.Tag, text: n.Value}
}

// null reports whether v is an empty scalar: one read as null, or made
// with no text.
func (v *val) null() bool {
	if v.kind != yaml.ScalarNode {
		return false
	}
	if v.made {
		return v.text == ""
	}
	return v.tag == "!!null"
}

// equal reports whether got, read from the edited text, is what want
// meant, and if not, says where they differ.
func equal(got, want *val, path string) error {
	if want.made && want.kind == yaml.ScalarNode {
		empty := got.null() || got.kind == yaml.ScalarNode && got.text == ""
		if got.kind != yaml.ScalarNode || want.text == "" && !empty || want.text != "" && (got.text != want.text || got.null()) {
			return fmt.Errorf("%s: đọc lại được %q thay vì %q", path, got.text, want.text)
		}
		return nil
	}
	if got.kind != want.kind {
		return fmt.Errorf("%s: đọc lại được kiểu khác", path)
	}
	switch want.kind {
	case yaml.ScalarNode:
		if got.tag != want.tag || got.text != want.text {
			return fmt.Errorf("%s: đọc lại được %q thay vì %q", path, got.text, want.text)
		}
	case yaml.MappingNode:
		if !slices.Equal(got.keys, want.keys) {
			return fmt.Errorf("%s: các khóa thành %q thay vì %q", path, got.keys, want.keys)
		}
	}
	if len(got.items) != len(want.items) {
		return fmt.Errorf("%s: %d mục thay vì %d", path, len(got.items), len(want.items))
	}
	for i := range want.items {
		p := path + "[" + fmt.Sprint(i) + "]"
		if want.kind == yaml.MappingNode {
			p = strings.TrimPrefix(path+"."+want.keys[i], ".")
		}
		if err := equal(got.items[i], want.items[i], p); err != nil {
			return err
		}
	}
	return nil
}

// child returns the value at step s of v, or nil.
func (v *val) child(s step) *val {
	if s.key == "" {
		if v.kind != yaml.SequenceNode || s.index >= len(v.items) {
			return nil
		}
		return v.items[s.index]
	}
	if v.kind != yaml.MappingNode {
		return nil
	}
	if i := slices.Index(v.keys, s.key); i >= 0 {
		return v.items[i]
	}
	return nil
}

// insertAt is where key goes among keys: after the last of them that
// comes before it in order, the format's order of the mapping's keys;
// first when none does. A key the order does not name goes last.
func insertAt(keys, order []string, key string) int {
	at := slices.Index(order, key)
	if at < 0 {
		return len(keys)
	}
	for i := len(keys) - 1; i >= 0; i-- {
		if j := slices.Index(order, keys[i]); j >= 0 && j < at {
			return i + 1
		}
	}
	return 0
}

// ensure returns the value at steps below v, making the mappings and lists
// missing on the way and the value itself as made, which new returns for
// the path of the steps. An empty scalar on the way becomes the mapping or
// list the next step needs. A list may only grow by one item at its end.
func (v *val) ensure(steps []step, prefix []step, s Schema, made func(path []step) *val) (*val, error) {
	if len(steps) == 0 {
		return v, nil
	}
	st := steps[0]
	here := append(prefix, st)
	want := yaml.MappingNode
	if st.key == "" {
		want = yaml.SequenceNode
	}
	if v.kind == yaml.ScalarNode && v.null() {
		*v = val{kind: want, made: v.made}
	}
	if v.kind != want {
		return nil, fmt.Errorf("%s không phải là %s", pathOf(prefix), kindName(want))
	}
	next := v.child(st)
	if next == nil {
		switch {
		case len(steps) == 1:
			next = made(here)
		case steps[1].key == "":
			next = &val{kind: yaml.SequenceNode, made: true}
		default:
			next = &val{kind: yaml.MappingNode, made: true}
		}
		if st.key == "" {
			if st.index != len(v.items) {
				return nil, fmt.Errorf("%s chỉ có %d mục", pathOf(prefix), len(v.items))
			}
			v.items = append(v.items, next)
		} else {
			i := insertAt(v.keys, s.Keys(pathOf(prefix)), st.key)
			v.keys = slices.Insert(v.keys, i, st.key)
			v.items = slices.Insert(v.items, i, next)
		}
	}
	return next.ensure(steps[1:], here, s, made)
}

func kindName(k yaml.Kind) string {
	if k == yaml.SequenceNode {
		return "một danh sách"
	}
	return "một nhóm khóa"
}

// fromJSON makes the value of an item given as JSON — a string, a list or
// an object — for the path it goes to, the keys of an object in the
// format's order.
func fromJSON(x any, path []step, s Schema) (*val, error) {
	switch x := x.(type) {
	case string:
		return scalar(x, path, s), nil
	case []any:
		v := &val{kind: yaml.SequenceNode, made: true}
		for i, it := range x {
			c, err := fromJSON(it, append(slices.Clip(path), step{index: i}), s)
			if err != nil {
				return nil, err
			}
			v.items = append(v.items, c)
		}
		return v, nil
	case map[string]any:
		v := &val{kind: yaml.MappingNode, made: true}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys) // keys the format does not name go last, sorted
		order := s.Keys(pathOf(path))
		for _, k := range keys {
			c, err := fromJSON(x[k], append(slices.Clip(path), step{key: k}), s)
			if err != nil {
				return nil, err
			}
			i := insertAt(v.keys, order, k)
			v.keys = slices.Insert(v.keys, i, k)
			v.items = slices.Insert(v.items, i, c)
		}
		return v, nil
	}
	return nil, fmt.Errorf("%s: giá trị phải là chữ, danh sách hoặc nhóm khóa", pathOf(path))
}

// scalar is the made value of text at path.
func scalar(text string, path []step, s Schema) *val {
	return &val{kind: yaml.ScalarNode, text: normalize(text), made: true, typed: s.Typed(pathOf(path))}
}
