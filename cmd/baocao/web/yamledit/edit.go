// Package yamledit changes values in a YAML text the way a person would in
// a text editor: only the text of the values changed is written, so that
// comments, the order of keys, blank lines and the way every other value
// is written stay as they were, and a file edited by hand and in a form
// round-trips.
//
// Every change is checked: the edited text is read again and must hold
// exactly the values asked for, and everything else as before. An edit
// that would come out otherwise is refused with a message, the text left
// as it was.
package yamledit

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Schema says how values missing from a text are written.
type Schema interface {
	// Keys lists the keys of the mapping at path in the order the format
	// writes them: a key added goes after those before it that the text
	// has. Indexes in path ("a.b[2].c") are those of the text's lists.
	Keys(path string) []string
	// Typed reports whether the value at path is a number, a date or a
	// yes/no, written as typed, for the loader to read; text is quoted
	// where YAML would read it as something else.
	Typed(path string) bool
}

// Op is one change, at a path written as the loader writes them
// ("statistics.groups[0].indicators[1].current").
type Op struct {
	// Op is "set" (the text at Path becomes Value; the mappings and
	// lists missing on the way are added), "append" (Items are added at
	// the end of the list at Path), "delete" (the list item or key at
	// Path is removed) or "move" (the list item at Path goes to index To).
	Op    string `json:"op"`
	Path  string `json:"path"`
	Value string `json:"value,omitempty"`
	// Items are strings, lists of items, or objects of items.
	Items []any `json:"items,omitempty"`
	To    int   `json:"to,omitempty"`
}

// Apply makes ops on src in turn and returns the text. It fails, changing
// nothing, when src is not a YAML mapping, an op cannot be made, or its
// text would not read back as exactly the change made.
func Apply(src string, ops []Op, s Schema) (string, error) {
	x, err := Read(src)
	if err == nil {
		x, err = Edit(x, ops, s)
	}
	if err != nil {
		return "", err
	}
	return x.Source(), nil
}

// Edit makes ops on the text x was read from, as Apply does, and returns
// the text read. x is not changed.
func Edit(x *Doc, ops []Op, s Schema) (*Doc, error) {
	d := x.d
	for i := 0; i < len(ops); {
		n := d.batch(ops[i:])
		want := valOf(d.node)
		var sp []splice
		for _, op := range ops[i : i+n] {
			more, err := d.op(op, want, s)
			if err != nil {
				return nil, refused(op, err)
			}
			sp = append(sp, more...)
		}
		out, err := splices(d.src, sp)
		var nd *doc
		if err == nil {
			nd, err = parse(out)
		}
		if err == nil {
			err = equal(valOf(nd.node), want, "")
		}
		if err != nil {
			return nil, refused(ops[i], fmt.Errorf("lỗi chương trình: %w", err))
		}
		d, i = nd, i+n
	}
	return &Doc{d: d}, nil
}

// refused is the error of an op that cannot be made.
func refused(op Op, err error) error {
	return fmt.Errorf("không sửa được %q trong tệp mà vẫn giữ nguyên phần còn lại (%v) — hãy sửa ở chế độ xem YAML", op.Path, err)
}

// batch is how many of ops, from the first, set values the text has, each
// a different one: their places do not move as the others are written, so
// they are made at once, and checked once.
func (d *doc) batch(ops []Op) int {
	seen := map[string]bool{}
	for i, op := range ops {
		steps, err := parsePath(op.Path)
		if op.Op != "set" || err != nil || seen[op.Path] {
			return max(i, 1)
		}
		chain := d.walk(steps)
		if len(chain) != len(steps) || len(steps) == 0 || chain[len(chain)-1].node == nil {
			return max(i, 1)
		}
		seen[op.Path] = true
	}
	return len(ops)
}

// splice replaces the text from from to to.
type splice struct {
	from, to int
	text     string
}

// splices makes sp on src, last first so that the offsets hold.
func splices(src string, sp []splice) (string, error) {
	slices.SortStableFunc(sp, func(a, b splice) int { return cmp.Compare(b.from, a.from) })
	for i := 1; i < len(sp); i++ {
		if sp[i].to > sp[i-1].from {
			return "", fmt.Errorf("hai thay đổi chồng lên nhau")
		}
	}
	for _, s := range sp {
		src = src[:s.from] + s.text + src[s.to:]
	}
	return src, nil
}

// op makes want what op makes of it, and returns the splices that make
// the text so.
func (d *doc) op(op Op, want *val, s Schema) ([]splice, error) {
	steps, err := parsePath(op.Path)
	if err != nil {
		return nil, err
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("thiếu đường dẫn")
	}
	chain := d.walk(steps)
	found := len(chain) == len(steps) && chain[len(chain)-1].node != nil
	switch op.Op {
	case "set":
		v, err := want.ensure(steps, nil, s, func(p []step) *val { return scalar(op.Value, p, s) })
		if err != nil {
			return nil, err
		}
		if v.kind != yaml.ScalarNode {
			return nil, fmt.Errorf("giá trị ở đây không phải một ô chữ")
		}
		*v = *scalar(op.Value, steps, s)
		if found {
			return d.setScalar(chain[len(chain)-1], v)
		}
		return d.materialize(chain, steps, want)
	case "append":
		list, err := want.ensure(steps, nil, s, func([]step) *val { return &val{kind: yaml.SequenceNode, made: true} })
		if err != nil {
			return nil, err
		}
		if list.null() {
			*list = val{kind: yaml.SequenceNode, made: true}
		}
		if list.kind != yaml.SequenceNode {
			return nil, fmt.Errorf("giá trị ở đây không phải một danh sách")
		}
		var added []*val
		for _, it := range op.Items {
			v, err := fromJSON(it, append(slices.Clip(steps), step{index: len(list.items)}), s)
			if err != nil {
				return nil, err
			}
			list.items = append(list.items, v)
			added = append(added, v)
		}
		if found {
			if l := chain[len(chain)-1]; l.node.Kind == yaml.SequenceNode && !d.emptyFlow(l) {
				return d.appendItems(l.node, added)
			}
		}
		return d.materialize(chain, steps, want)
	case "delete", "move":
		if !found {
			return nil, fmt.Errorf("tệp không có mục này")
		}
		parent := want.at(steps[:len(steps)-1])
		i := slices.Index(parent.items, parent.child(steps[len(steps)-1]))
		item := parent.items[i]
		parent.items = slices.Delete(parent.items, i, i+1)
		if parent.kind == yaml.MappingNode {
			parent.keys = slices.Delete(parent.keys, i, i+1)
		}
		if op.Op == "delete" {
			if len(parent.items) == 0 && !parent.flow && len(steps) > 1 {
				*parent = val{kind: yaml.ScalarNode, tag: "!!null"}
			}
			return d.remove(chain[len(chain)-1])
		}
		if parent.kind != yaml.SequenceNode {
			return nil, fmt.Errorf("chỉ đổi được chỗ các mục của danh sách")
		}
		to := min(max(op.To, 0), len(parent.items))
		parent.items = slices.Insert(parent.items, to, item)
		return d.move(chain[len(chain)-1], to)
	}
	return nil, fmt.Errorf("không có thao tác %q", op.Op)
}

// at is the value at steps below v.
func (v *val) at(steps []step) *val {
	for _, s := range steps {
		v = v.child(s)
	}
	return v
}

// emptyFlow reports whether l's node is an empty flow collection, [] or
// {}, standing in a block collection: a value added to it is written in
// block style instead.
func (d *doc) emptyFlow(l loc) bool {
	n := l.node
	return n != nil && !l.flow && n.Style&yaml.FlowStyle != 0 && len(n.Content) == 0 &&
		(n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode)
}

// materialize writes the values of want the text lacks along steps, chain
// being where the text's own go.
func (d *doc) materialize(chain []loc, steps []step, want *val) ([]splice, error) {
	m := len(chain)
	if m == 0 {
		return d.appendRoot(want)
	}
	last := chain[m-1]
	switch {
	case last.node == nil && m >= 2 && d.emptyFlow(chain[m-2]):
		return d.replace(chain[m-2], want.at(steps[:m-1]))
	case last.node == nil && last.parent.Kind == yaml.MappingNode:
		parent := want.at(steps[:m-1])
		k := steps[m-1].key
		return d.insertKey(last.parent, k, slices.Index(parent.keys, k), want.at(steps[:m]))
	case last.node == nil:
		return d.appendItems(last.parent, []*val{want.at(steps[:m])})
	case last.node.Kind == yaml.ScalarNode && last.node.Tag == "!!null", d.emptyFlow(last):
		return d.replace(last, want.at(steps[:m]))
	}
	return nil, fmt.Errorf("%s không phải là một nhóm khóa hay danh sách", pathOf(steps[:m]))
}

// replace writes v in place of l's node, an empty value.
func (d *doc) replace(l loc, v *val) ([]splice, error) {
	from := d.start(l.node)
	to, err := d.end(l.node, l.flow, l.indent())
	if err != nil {
		return nil, err
	}
	if l.flow {
		return []splice{{from, to, flowValue(v, l.parent.Kind == yaml.SequenceNode)}}, nil
	}
	text := block(v, l.indent(), true)
	if l.parent.Kind == yaml.MappingNode {
		text = block(v, l.indent(), false)
	}
	// The text written brings its own space after the colon or dash.
	f := from
	for f > 0 && d.src[f-1] == ' ' {
		f--
	}
	if rest := d.src[to:d.lineEnd(to)]; strings.HasPrefix(text, "\n") && strings.TrimSpace(rest) != "" {
		// A comment after the key stays on its line.
		return []splice{{from, to, ""}, {d.lineEnd(to), d.lineEnd(to), text}}, nil
	}
	return []splice{{f, to, text}}, nil
}

// appendRoot writes the keys of want in a text that has none.
func (d *doc) appendRoot(want *val) ([]splice, error) {
	if d.root() != nil {
		return nil, fmt.Errorf("tệp không phải một nhóm khóa")
	}
	var b strings.Builder
	if d.src != "" && !strings.HasSuffix(d.src, "\n") {
		b.WriteByte('\n')
	}
	for i, k := range want.keys {
		b.WriteString(key(k) + ":" + block(want.items[i], 0, false) + "\n")
	}
	return []splice{{len(d.src), len(d.src), b.String()}}, nil
}

// insertKey writes key k with value v into mapping p, as its key number
// i.
func (d *doc) insertKey(p *yaml.Node, k string, i int, v *val) ([]splice, error) {
	if p.Style&yaml.FlowStyle != 0 {
		entry := key(k) + ":"
		if t := flowValue(v, false); t != "" {
			entry += " " + t
		}
		if i == 0 {
			at := d.start(p) + 1
			if len(p.Content) > 0 {
				entry += ", "
			}
			return []splice{{at, at, entry}}, nil
		}
		e, err := d.end(p.Content[2*i-1], true, 0)
		if err != nil {
			return nil, err
		}
		return []splice{{e, e, ", " + entry}}, nil
	}
	indent := p.Column - 1
	pad := strings.Repeat(" ", indent)
	if i == 0 {
		at := d.start(p.Content[0])
		return []splice{{at, at, key(k) + ":" + block(v, indent, false) + "\n" + pad}}, nil
	}
	e, err := d.end(p.Content[2*i-1], false, indent)
	if err != nil {
		return nil, err
	}
	at := d.lineEnd(e)
	return []splice{{at, at, "\n" + pad + key(k) + ":" + block(v, indent, false)}}, nil
}

// appendItems writes items at the end of list l, in the style of its
// last item: flow items after a flow item, separated by a blank line when
// the items are.
func (d *doc) appendItems(l *yaml.Node, items []*val) ([]splice, error) {
	var b strings.Builder
	if l.Style&yaml.FlowStyle != 0 {
		at := d.start(l) + 1
		if len(l.Content) > 0 {
			e, err := d.end(l.Content[len(l.Content)-1], true, 0)
			if err != nil {
				return nil, err
			}
			at = e
		}
		for i, v := range items {
			if i > 0 || len(l.Content) > 0 {
				b.WriteString(", ")
			}
			b.WriteString(flowValue(v, true))
		}
		return []splice{{at, at, b.String()}}, nil
	}
	dash := l.Column - 1
	last := l.Content[len(l.Content)-1]
	e, err := d.end(last, false, dash)
	if err != nil {
		return nil, err
	}
	sep := "\n"
	if ls := d.lineStart(d.start(last)); len(l.Content) >= 2 && ls > 0 && d.blank(d.lineStart(ls-1)) {
		sep = "\n\n"
	}
	flow := last.Kind != yaml.ScalarNode && last.Style&yaml.FlowStyle != 0
	for _, v := range items {
		b.WriteString(sep + strings.Repeat(" ", dash) + "-")
		if flow && v.kind != yaml.ScalarNode {
			b.WriteString(" " + flowValue(v, true))
		} else {
			b.WriteString(block(v, dash, true))
		}
	}
	at := d.lineEnd(e)
	return []splice{{at, at, b.String()}}, nil
}

// entryStart is where l's entry starts: at its key in a mapping.
func (d *doc) entryStart(l loc) int {
	if l.key != nil {
		return d.start(l.key)
	}
	return d.start(l.node)
}

// remove removes l's entry: its lines, in a block collection.
func (d *doc) remove(l loc) ([]splice, error) {
	p := l.parent
	from := d.entryStart(l)
	e, err := d.end(l.node, l.flow, l.indent())
	if err != nil {
		return nil, err
	}
	if p.Style&yaml.FlowStyle != 0 {
		switch {
		case l.i+1 < len(p.Content):
			return []splice{{from, d.start(p.Content[l.i+1]), ""}}, nil
		case l.key != nil && l.i > 1 || l.key == nil && l.i > 0:
			prev := l.i - 1
			if l.key != nil {
				prev = l.i - 2
			}
			pe, err := d.end(p.Content[prev], true, 0)
			if err != nil {
				return nil, err
			}
			return []splice{{pe, e, ""}}, nil
		}
		return []splice{{from, e, ""}}, nil
	}
	ls := d.lineStart(from)
	switch before := strings.TrimSpace(d.src[ls:from]); {
	case before == "" || l.key == nil && before == "-":
		to := d.nextLine(e)
		if ls > 0 && d.blank(d.lineStart(ls-1)) && d.blank(to) {
			to = d.nextLine(to)
		}
		return []splice{{ls, to, ""}}, nil
	case l.key != nil && before == "-" && l.i+1 < len(p.Content):
		// The first key of a list item: the next key takes its place
		// after the dash.
		return []splice{{from, d.start(p.Content[l.i+1]), ""}}, nil
	}
	return nil, fmt.Errorf("mục này không đứng riêng trên dòng của nó")
}

// move moves list item l to index to, in a block list whose items start
// their lines.
func (d *doc) move(l loc, to int) ([]splice, error) {
	p := l.parent
	if p.Style&yaml.FlowStyle != 0 {
		return nil, fmt.Errorf("danh sách viết trong ngoặc vuông")
	}
	lines := func(i int) (from, to int, err error) {
		it := p.Content[i]
		st := d.start(it)
		from = d.lineStart(st)
		if strings.TrimSpace(d.src[from:st]) != "-" {
			return 0, 0, fmt.Errorf("mục không đứng riêng trên dòng của nó")
		}
		e, err := d.end(it, false, p.Column-1)
		return from, d.nextLine(e), err
	}
	a, b, err := lines(l.i)
	if err != nil || to == l.i {
		return nil, err
	}
	text := d.src[a:b]
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	if to < l.i {
		c, _, err := lines(to)
		return []splice{{a, b, ""}, {c, c, text}}, err
	}
	_, c, err := lines(to)
	if c == len(d.src) && !strings.HasSuffix(d.src, "\n") {
		text = "\n" + strings.TrimSuffix(text, "\n")
	}
	return []splice{{c, c, text}, {a, b, ""}}, err
}

// setScalar writes v in place of the scalar at l, keeping a comment after
// it where it was.
func (d *doc) setScalar(l loc, v *val) ([]splice, error) {
	n := l.node
	if n.Kind != yaml.ScalarNode && n.Kind != yaml.AliasNode {
		return nil, fmt.Errorf("giá trị ở đây không phải một ô chữ")
	}
	from := d.start(n)
	to, err := d.scalarEnd(n, l.flow, l.indent())
	if err != nil {
		return nil, err
	}
	block := n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	// The comment on a block's header line, kept on the first line.
	var comment string
	if block {
		h := d.src[from:d.lineEnd(from)]
		if i := strings.IndexByte(h, '#'); i >= 0 {
			comment = h[i:]
		}
	}
	var text string
	switch {
	case l.flow && v.text != "" && n.Style&yaml.DoubleQuotedStyle != 0:
		text = quoted(v.text)
	case l.flow:
		text = flowScalar(v, l.parent.Kind == yaml.SequenceNode)
	case multiline(v.text):
		ci := l.indent() + 2
		if block {
			for i := d.nextLine(from); i < to; i = d.nextLine(i) {
				if !d.blank(i) {
					ci = leading(d.src[i:d.lineEnd(i)])
					break
				}
			}
		}
		header, body := literal(v.text, ci, l.indent())
		if rest := strings.TrimSpace(d.src[to:d.lineEnd(to)]); !block && strings.HasPrefix(rest, "#") {
			comment, to = rest, d.lineEnd(to)
		}
		if comment != "" {
			header += " " + comment
		}
		text = header + body
	default:
		switch {
		case v.text == "":
		case n.Style&yaml.DoubleQuotedStyle != 0:
			text = quoted(v.text)
		case n.Style&yaml.SingleQuotedStyle != 0 && printable(v.text):
			text = "'" + strings.ReplaceAll(v.text, "'", "''") + "'"
		default:
			text = blockScalar(v, l.indent())
		}
		if comment != "" {
			text += " " + comment
		} else {
			text, to = d.align(from, to, text)
		}
	}
	if from == to && text != "" && from > 0 && (d.src[from-1] == ':' || d.src[from-1] == '-') {
		text = " " + text
	}
	return []splice{{from, to, text}}, nil
}

// align keeps a comment after a one-line value at its column when the
// value written in place of from…to leaves room, and returns the text to
// write up to the new to.
func (d *doc) align(from, to int, text string) (string, int) {
	ls, le := d.lineStart(to), d.lineEnd(to)
	rest := d.src[to:le]
	gap := leading(rest)
	if ls != d.lineStart(from) || gap == 0 || gap == len(rest) || rest[gap] != '#' {
		return text, to
	}
	col := len([]rune(d.src[ls : to+gap]))
	end := len([]rune(d.src[ls:from])) + len([]rune(text))
	want := max(col-end, min(gap, 2))
	return text + strings.Repeat(" ", want), to + gap
}
