package web

import (
	"reflect"
	"slices"
	"strings"

	"baocao/render/report"
)

// field is one value of the input format as the form shows it, read from
// the model's struct tags through report.Fields, as the loader and the
// JSON Schema read them: a field added to the model needs no work here.
type field struct {
	Key      string `json:"key"`
	Label    string `json:"label"`
	Help     string `json:"help,omitempty"`
	Kind     string `json:"kind"`
	Required bool   `json:"required,omitempty"`
	// Optional is set on a group the file may leave out (a pointer in the
	// model): the form offers to add it or to take it out.
	Optional bool     `json:"optional,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	Asset    string   `json:"asset,omitempty"` // a file: "image" or "font"
	// Fields are a group's fields, or those of each item of a list or
	// table.
	Fields []*field `json:"fields,omitempty"`
	// Columns names the sibling list whose items name the columns of rows.
	Columns string `json:"columns,omitempty"`
}

// The kinds of field, as the form draws them.
const (
	kindText     = "text"     // one line of text
	kindMarkdown = "markdown" // a body in Markdown
	kindNumber   = "number"
	kindInteger  = "integer"
	kindDate     = "date"
	kindBool     = "bool"
	kindEnum     = "enum"
	kindFile     = "file"    // a picture or a font, by its path
	kindGroup    = "group"   // a mapping of fields
	kindList     = "list"    // a list of groups, one below the other
	kindTable    = "table"   // a list of groups of short values, as rows
	kindStrings  = "strings" // a list of texts, one a line
	kindRows     = "rows"    // a table's rows of cells
)

var (
	dateType  = reflect.TypeFor[report.Date]()
	assetType = reflect.TypeFor[report.Asset]()
	rowsType  = reflect.TypeFor[[][]string]()
)

// fields describes the fields of struct type t.
func fields(t reflect.Type) []*field {
	var out []*field
	fs := report.Fields(t)
	for _, f := range fs {
		ft := t.Field(f.Index).Type
		label, help := labelOf(f.Doc)
		fd := &field{Key: f.Key, Label: label, Help: help, Required: f.Required, Enum: f.Enum, Asset: f.Asset}
		fd.Kind = kindOf(ft, f)
		switch fd.Kind {
		case kindGroup:
			if ft.Kind() == reflect.Pointer {
				fd.Optional, ft = true, ft.Elem()
			}
			fd.Fields = fields(ft)
		case kindList, kindTable:
			fd.Fields = fields(ft.Elem())
		case kindRows:
			if slices.ContainsFunc(fs, func(c report.Field) bool { return c.Key == "columns" }) {
				fd.Columns = "columns"
			}
		}
		out = append(out, fd)
	}
	return out
}

// kindOf is how the form draws a value of type t.
func kindOf(t reflect.Type, f report.Field) string {
	switch t {
	case dateType:
		return kindDate
	case assetType:
		return kindFile
	case rowsType:
		return kindRows
	}
	switch t.Kind() {
	case reflect.String:
		switch {
		case f.Enum != nil:
			return kindEnum
		case strings.Contains(f.Doc, "Markdown"):
			// Every body says so in its description, which is what the
			// clerk reads too.
			return kindMarkdown
		}
		return kindText
	case reflect.Int:
		return kindInteger
	case reflect.Float64:
		return kindNumber
	case reflect.Bool:
		return kindBool
	case reflect.Pointer, reflect.Struct:
		return kindGroup
	case reflect.Slice:
		e := t.Elem()
		if e.Kind() == reflect.String {
			return kindStrings
		}
		// A list whose items hold only short values is drawn as a table;
		// one whose items hold groups or lists of groups, one below the
		// other.
		for _, c := range report.Fields(e) {
			switch kindOf(e.Field(c.Index).Type, c) {
			case kindGroup, kindList, kindTable, kindRows, kindMarkdown:
				return kindList
			}
		}
		return kindTable
	}
	return kindText
}

// labelOf splits a field's description into a short label and, when the
// description says more, the rest as help. The label ends before an
// explanation: ": ", ";", "(ví dụ…", or "(…)" after two words or more.
func labelOf(doc string) (label, help string) {
	end := len(doc)
	for _, sep := range []string{": ", ";"} {
		if i := strings.Index(doc, sep); i > 0 {
			end = min(end, i)
		}
	}
	for i := 0; ; i += 2 {
		j := strings.Index(doc[i:], " (")
		if j < 0 {
			break
		}
		i += j
		if strings.HasPrefix(doc[i:], " (ví dụ") || strings.Contains(doc[:i], " ") {
			end = min(end, i)
			break
		}
	}
	if end == len(doc) {
		return doc, ""
	}
	help = strings.TrimLeft(doc[end:], " :;")
	if strings.HasPrefix(help, "(") && strings.Index(help, ")") == len(help)-1 {
		help = help[1 : len(help)-1]
	}
	return doc[:end], help
}

// model is the input format as the form draws it, and as yamledit writes
// values it adds.
type model struct{ root []*field }

func newModel() *model { return &model{root: fields(reflect.TypeFor[report.Report]())} }

// at is the field at path ("conference.delegates[2].name"), nil when the
// format has none; within a rows field, its cells are the field itself.
func (m *model) at(path string) *field {
	fs := m.root
	var f *field
	for _, seg := range strings.Split(path, ".") {
		key, _, _ := strings.Cut(seg, "[")
		if f != nil && f.Kind == kindRows {
			return f
		}
		i := slices.IndexFunc(fs, func(f *field) bool { return f.Key == key })
		if i < 0 {
			return nil
		}
		f, fs = fs[i], fs[i].Fields
	}
	return f
}

// Keys lists the keys of the group at path in the model's order.
func (m *model) Keys(path string) []string {
	fs := m.root
	if path != "" {
		f := m.at(path)
		if f == nil {
			return nil
		}
		fs = f.Fields
	}
	keys := make([]string, len(fs))
	for i, f := range fs {
		keys[i] = f.Key
	}
	return keys
}

// Typed reports whether the value at path is a number, a date or a
// yes/no, which the loader reads from the text as typed.
func (m *model) Typed(path string) bool {
	f := m.at(path)
	return f != nil && slices.Contains([]string{kindNumber, kindInteger, kindDate, kindBool}, f.Kind)
}
