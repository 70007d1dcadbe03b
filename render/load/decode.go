package load

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"baocao/render/report"
)

// decoder fills model structs from a YAML node tree, collecting every
// problem instead of stopping at the first.
type decoder struct {
	file  string
	dir   string   // the file's directory, against which asset paths resolve
	lines []string // source lines, to locate the content of block scalars
	pos   map[string]report.Pos
	errs  report.Errors
	// places is where the rows of the table being decoded were written,
	// from rows for table.
	places []report.RowPlaces

	assets assets // reads the files the report names (see asset.go)
}

// newDecoder decodes the nodes parsed from src, the file name.
func newDecoder(name, src string) *decoder {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return &decoder{file: name, dir: filepath.Dir(name), lines: lines, pos: map[string]report.Pos{}}
}

func (d *decoder) at(n *yaml.Node) report.Pos {
	return report.Pos{File: d.file, Line: n.Line, Column: n.Column}
}

func (d *decoder) errorf(p report.Pos, format string, args ...any) {
	d.errs = append(d.errs, &report.Error{Pos: p, Msg: fmt.Sprintf(format, args...)})
}

var (
	dateType  = reflect.TypeFor[report.Date]()
	assetType = reflect.TypeFor[report.Asset]()
	tableType = reflect.TypeFor[report.Table]()
	rowsType  = reflect.TypeFor[[][]string]() // report.Table's Rows
)

// value decodes n into v and records its position under path. It reports
// whether n had the shape v needs, so callers do not pile a second message
// onto a value already reported as wrong.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path string, r report.Field) bool {
	if n.Kind == yaml.AliasNode {
		d.errorf(d.at(n), "%s dùng tham chiếu *%s (alias) — hãy viết đầy đủ giá trị thay cho tham chiếu", label(path), n.Value)
		return false
	}
	d.pos[path] = d.contentPos(n)
	if isNull(n) {
		return true
	}
	switch v.Type() {
	case dateType:
		return d.date(n, v, path)
	case assetType:
		return d.asset(n, v, path, r.Asset)
	case tableType:
		return d.table(n, v, path)
	case rowsType:
		return d.rows(n, v, path, r)
	}
	switch v.Kind() {
	case reflect.String:
		return d.string(n, v, path, r)
	case reflect.Int:
		return d.int(n, v, path, r)
	case reflect.Float64:
		return d.float(n, v, path, r)
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
			d.wrongType(n, path, "true hoặc false", "hãy viết true (có) hoặc false (không)")
			return false
		}
		v.SetBool(b)
		return true
	case reflect.Slice:
		return d.sequence(n, v, path, r)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		return d.value(n, v.Elem(), path, r)
	case reflect.Struct:
		return d.mapping(n, v, path)
	}
	d.errorf(d.at(n), "lỗi chương trình: không đọc được kiểu %s của %s — hãy báo cho người phát triển", v.Type(), label(path))
	return false
}

// mapping decodes a YAML mapping into struct v: unknown and duplicate keys,
// and required fields that are missing or empty, are reported.
func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string) bool {
	if n.Kind != yaml.MappingNode {
		d.wrongType(n, path, "một nhóm khóa", `hãy viết các dòng "khóa: giá trị" ở dưới, thụt vào bằng dấu cách`)
		return false
	}
	fs := report.Fields(v.Type())
	seen := map[string]*yaml.Node{}
	suggested := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(d.at(k), "khóa phải là một từ (ví dụ name), đang là %s — hãy sửa lại dòng này", found(k))
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.errorf(d.at(k), "khóa %q bị lặp lại, đã có ở dòng %d — hãy giữ một và xóa phần còn lại", k.Value, prev.Line)
			continue
		}
		seen[k.Value] = k
		fi := slices.IndexFunc(fs, func(f report.Field) bool { return f.Key == k.Value })
		if fi < 0 {
			suggested[d.unknownKey(k, fs, path)] = true
			continue
		}
		f := fs[fi]
		p := join(path, f.Key)
		fv := v.Field(f.Index)
		if d.value(val, fv, p, f) && f.Required && (isNull(val) || isEmpty(fv)) {
			d.errorf(d.at(val), "%s đang để trống — hãy điền giá trị", label(p))
		}
	}
	for _, f := range fs {
		// A misspelt key already points the user at the one missing.
		if f.Required && seen[f.Key] == nil && !suggested[f.Key] {
			d.errorf(d.at(n), "thiếu khóa %q %s — hãy thêm dòng \"%s: …\"", f.Key, section(path), f.Key)
		}
	}
	return true
}

// unknownKey reports key k, which struct fields fs do not have, and returns
// the key it suggests instead, if any.
func (d *decoder) unknownKey(k *yaml.Node, fs []report.Field, path string) string {
	keys := make([]string, len(fs))
	for i, f := range fs {
		keys[i] = f.Key
	}
	key := norm.NFC.String(k.Value)
	if s, ok := nearest(key, keys); ok {
		d.errorf(d.at(k), "khóa %q không có %s — có phải ý bạn là %q?", key, section(path), s)
		return s
	}
	d.errorf(d.at(k), "khóa %q không có %s — các khóa dùng được ở đây: %s", key, section(path), strings.Join(keys, ", "))
	return ""
}

func (d *decoder) sequence(n *yaml.Node, v reflect.Value, path string, r report.Field) bool {
	if n.Kind != yaml.SequenceNode {
		d.wrongType(n, path, "một danh sách", `hãy viết mỗi mục trên một dòng, bắt đầu bằng "- "`)
		return false
	}
	v.Set(reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content)))
	for i, item := range n.Content {
		d.item(item, v.Index(i), path, i, r)
	}
	return true
}

// item decodes item i of the list at path into v.
func (d *decoder) item(item *yaml.Node, v reflect.Value, path string, i int, r report.Field) {
	p := path + "[" + strconv.Itoa(i) + "]"
	if isNull(item) {
		d.errorf(d.at(item), "%s đang để trống — hãy điền nội dung hoặc xóa dấu \"-\" thừa", label(p))
		d.pos[p] = d.at(item)
		return
	}
	d.value(item, v, p, r)
}

// table decodes an annex table, and records in its Places where each row
// and cell was written (see rows).
func (d *decoder) table(n *yaml.Node, v reflect.Value, path string) bool {
	ok := d.mapping(n, v, path)
	v.Addr().Interface().(*report.Table).Places, d.places = d.places, nil
	return ok
}

// rows decodes the rows of a table, and leaves in d.places where each row
// and cell was written. A table may have hundreds of thousands of cells:
// rows wholly of text values are decoded here, without a path or an entry
// in d.pos for each cell, and their nodes, the bulk of the tree, are let go
// as soon as they are decoded. Other rows go through item, which reports
// what is wrong.
func (d *decoder) rows(n *yaml.Node, v reflect.Value, path string, r report.Field) bool {
	if n.Kind != yaml.SequenceNode {
		return d.sequence(n, v, path, r)
	}
	rows := make([][]string, len(n.Content))
	d.places = make([]report.RowPlaces, len(n.Content))
	for i, row := range n.Content {
		d.places[i].Row = d.place(row)
		if row.Kind == yaml.SequenceNode {
			d.places[i].Cells = make([]report.Place, len(row.Content))
			for j, c := range row.Content {
				d.places[i].Cells[j] = d.place(c)
			}
		}
		if !textRow(row) {
			d.item(row, reflect.ValueOf(rows).Index(i), path, i, r)
			continue
		}
		rows[i] = make([]string, len(row.Content))
		for j, c := range row.Content {
			rows[i][j] = text(c)
		}
		n.Content[i] = nil
	}
	v.Set(reflect.ValueOf(rows))
	return true
}

// textRow reports whether n is a list of text values, none empty.
func textRow(n *yaml.Node) bool {
	if n.Kind != yaml.SequenceNode {
		return false
	}
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || isNull(c) {
			return false
		}
	}
	return true
}

// place is where the value n starts, as contentPos.
func (d *decoder) place(n *yaml.Node) report.Place {
	p := d.contentPos(n)
	return report.Place{Line: int32(p.Line), Column: int32(p.Column)}
}

func (d *decoder) string(n *yaml.Node, v reflect.Value, path string, r report.Field) bool {
	switch n.Kind {
	case yaml.MappingNode:
		// Most often a colon followed by a space inside the text, as in
		// "Lưu: VT", which YAML reads as a key.
		d.wrongType(n, path, "một đoạn chữ", `nếu nội dung có dấu hai chấm (ví dụ Lưu: VT), hãy đặt cả nội dung trong dấu ngoặc kép: "Lưu: VT"`)
		return false
	case yaml.SequenceNode:
		d.wrongType(n, path, "một đoạn chữ", "hãy viết giá trị ngay sau dấu hai chấm, trên cùng dòng")
		return false
	}
	s := text(n)
	if s == "" && n.Value != "" {
		d.errorf(d.at(n), "%s chỉ có %s, nên in ra sẽ là chỗ trống — hãy xóa hết rồi gõ lại giá trị", label(path), invisible(n.Value))
		return false
	}
	if s != "" && r.Enum != nil && !slices.Contains(r.Enum, s) {
		todo := "hãy chọn một giá trị trong danh sách"
		if near, ok := nearest(s, r.Enum); ok {
			todo = fmt.Sprintf("có phải ý bạn là %q?", near)
		}
		d.errorf(d.at(n), "%s chỉ nhận một trong các giá trị %s, đang là %q — %s", label(path), strings.Join(r.Enum, ", "), s, todo)
		return false
	}
	v.SetString(s)
	return true
}

// text is the string value of a scalar, NFC-normalised, without the
// invisible characters of text.go. Block scalars (| and >) keep their inner
// layout, since a Markdown body is one and later stages map offsets in it
// back to file lines; only the final newlines go. In other scalars a tab is
// a space, as it is for Markdown: no line of a document has tab stops.
func text(n *yaml.Node) string {
	s := dropped.Replace(n.Value)
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		s = strings.TrimRight(s, "\n")
	} else {
		s = strings.ReplaceAll(strings.TrimSpace(s), "\t", " ")
	}
	return norm.NFC.String(s)
}

func (d *decoder) wrongType(n *yaml.Node, path, want, todo string) {
	d.errorf(d.at(n), "%s phải là %s, đang là %s — %s", label(path), want, found(n), todo)
}

// contentPos is where the value of n starts, so that an offset inside the
// text maps to a file position by addition: inside the quotes of a quoted
// scalar, and for a block scalar the first character of its content, on
// the line after the | or > indicator.
func (d *decoder) contentPos(n *yaml.Node) report.Pos {
	if n.Kind == yaml.ScalarNode && n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
		p := d.at(n)
		p.Column++
		return p
	}
	if n.Kind != yaml.ScalarNode || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		return d.at(n)
	}
	first := n.Line + 1
	// The indentation is the source line's leading spaces less those kept in
	// the value, which works for explicit indentation indicators too. Leading
	// empty lines are kept one for one in both styles.
	for i, vl := range strings.Split(n.Value, "\n") {
		src := first - 1 + i
		if strings.TrimSpace(vl) == "" || src >= len(d.lines) {
			continue
		}
		indent := leadingSpaces(d.lines[src]) - leadingSpaces(vl)
		if indent < 0 {
			break
		}
		return report.Pos{File: d.file, Line: first, Column: indent + 1}
	}
	return report.Pos{File: d.file, Line: first, Column: 1}
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// isEmpty reports whether a decoded required value counts as not given.
// Numbers are never empty: zero is a real count.
func isEmpty(v reflect.Value) bool {
	if v.Type() == assetType {
		return v.Interface().(report.Asset).IsZero()
	}
	switch v.Kind() {
	case reflect.String, reflect.Slice:
		return v.Len() == 0
	}
	return false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// lastIndex splits "a.b[2]" into "a.b" and 2; ok is false when path does
// not end in a list index.
func lastIndex(path string) (list string, index int, ok bool) {
	i := strings.LastIndexByte(path, '[')
	if i < 0 || !strings.HasSuffix(path, "]") {
		return "", 0, false
	}
	index, err := strconv.Atoi(path[i+1 : len(path)-1])
	return path[:i], index, err == nil
}

// label names the value at path for a message: its key, or its place
// (counted from 1) in the list it belongs to.
func label(path string) string {
	if list, i, ok := lastIndex(path); ok {
		return fmt.Sprintf("mục thứ %d của %q", i+1, list[strings.LastIndexByte(list, '.')+1:])
	}
	return strconv.Quote(path[strings.LastIndexByte(path, '.')+1:])
}

// section says where in the file the mapping at path is.
func section(path string) string {
	if path == "" {
		return "ở cấp ngoài cùng của tệp"
	}
	if list, i, ok := lastIndex(path); ok {
		return fmt.Sprintf("trong mục thứ %d của %s", i+1, list)
	}
	return "trong mục " + path
}

// found describes what the user wrote where something else was expected.
func found(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "một nhóm khóa"
	case yaml.SequenceNode:
		return "một danh sách"
	case yaml.AliasNode:
		return "một tham chiếu (alias)"
	}
	switch n.ShortTag() {
	case "!!null":
		return "để trống"
	case "!!int", "!!float":
		return "số " + n.Value
	case "!!bool":
		return "giá trị " + n.Value
	}
	s := norm.NFC.String(n.Value)
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return "chữ " + strconv.Quote(s)
}
