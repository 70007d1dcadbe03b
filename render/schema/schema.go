// Package schema describes the input format as a JSON Schema (draft-07),
// for editors that complete and check a YAML file as one types
// (yaml-language-server and the editors built on it).
//
// The schema is generated from the struct tags of the report model — yaml,
// required, min, enum, doc — which are the tags package load decodes and
// checks by, so the two cannot drift apart. Rules that relate several
// values (a chair that names a delegate, margins within the decree's
// ranges, the last recipient being the archive line) are beyond JSON
// Schema and only the loader applies them.
//
// Every check an editor makes carries a Vietnamese message, in the
// keywords yaml-language-server reads: errorMessage, shown instead of its
// English for a wrong type, a value outside an enum, a key not allowed,
// a missing key and an empty list ("contains"), and patternErrorMessage,
// for a pattern. It has no message of a schema's own for "minimum" nor
// "minItems", so the schema says those another way. The schema is laid
// out so that each message fits the one failure it can stand for: a key's
// type is checked beside the reference to its definition, each required
// key in a schema of its own, a required list by "contains" rather than
// "minItems", and a number below its minimum by "if" it is one, "then"
// a type it cannot have, whose message says what is wrong.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"baocao/render/figure"
	"baocao/render/report"
	"baocao/render/viet"
)

// Draft is the JSON Schema version the schema is written in.
const Draft = "http://json-schema.org/draft-07/schema#"

// datePattern matches the two ways the loader reads a date: 15/01/2022
// and 2022-01-15. Whether the day exists is the loader's to check.
const datePattern = `^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})$`

// nonBlank is the pattern of a required text: the loader refuses one that
// prints as nothing, spaces or the invisible characters it drops (soft
// hyphen, zero-width space and joiners, word joiner, byte-order mark),
// written here as themselves, which JavaScript's and Go's regular
// expressions both read.
const nonBlank = "[^\\s\u00AD\u200B-\u200D\u2060\uFEFF]"

// figurePattern is the pattern of a number written as text ("3.965,5",
// pasted from Excel), as the loader reads it (package figure): digits,
// maybe grouped in thousands by dots, commas or spaces, also the no-break
// ones spreadsheets use; unless whole, maybe decimals after a comma or a
// dot; signed, or (when the field has a minimum of 0 or more) not. A
// figure with two readings ("3.965") or beyond the bounds matches too:
// only the loader tells those apart, and says why. The spaces are written
// as themselves, which both the editors' regular expressions (ECMA-262)
// and Go's read alike.
func figurePattern(whole, signed bool) string {
	space := `[\s` + figure.Spaces + `]*`
	p := `(\d+|\d{1,3}([.,` + figure.Spaces + `]\d{3})+)`
	if !whole {
		p += `([.,]\d+)?`
	}
	if signed {
		p = `[-−]?` + p
	}
	return `^` + space + p + space + `$`
}

// textType is the type of a text field. The loader takes any scalar as
// text — a table cell written 12, a code written 2021 — and refuses only
// lists and groups of keys there, so the schema does too.
func textType() []any { return []any{"string", "number", "boolean"} }

// JSON returns the schema of the report model, indented, ending with a
// newline: the content of docs/baocao.schema.json.
func JSON() ([]byte, error) {
	g := &generator{defs: map[string]*node{}}
	root := g.object(reflect.TypeFor[report.Report]())
	root.Type = "object"
	root.Schema = Draft
	root.Title = "baocao: tệp dữ liệu hội nghị"
	root.Description = "Dữ liệu một hội nghị, ghi một lần, để tạo báo cáo, thông báo kết luận, biên bản, bản tin (PDF theo Nghị định 30/2020/NĐ-CP) và phụ lục Excel."
	root.Definitions = g.defs
	if g.err != nil {
		return nil, g.err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// node is one JSON Schema object, with the keywords the model needs.
type node struct {
	Schema               string           `json:"$schema,omitempty"`
	Ref                  string           `json:"$ref,omitempty"`
	Title                string           `json:"title,omitempty"`
	Description          string           `json:"description,omitempty"`
	AllOf                []*node          `json:"allOf,omitempty"`
	AnyOf                []*node          `json:"anyOf,omitempty"`
	Type                 any              `json:"type,omitempty"` // a name, or a list of names
	Properties           properties       `json:"properties,omitempty"`
	Required             []string         `json:"required,omitempty"`
	AdditionalProperties *bool            `json:"additionalProperties,omitempty"`
	Items                *node            `json:"items,omitempty"`
	Contains             *node            `json:"contains,omitempty"`
	Enum                 []any            `json:"enum,omitempty"`
	ExclusiveMaximum     *float64         `json:"exclusiveMaximum,omitempty"`
	If                   *node            `json:"if,omitempty"`
	Then                 *node            `json:"then,omitempty"`
	Pattern              string           `json:"pattern,omitempty"`
	ErrorMessage         string           `json:"errorMessage,omitempty"`
	PatternErrorMessage  string           `json:"patternErrorMessage,omitempty"`
	Definitions          map[string]*node `json:"definitions,omitempty"`
}

// property is one key of an object.
type property struct {
	key string
	*node
}

// properties keep the model's field order, which is the order the guide
// and the examples write the keys in, so editors offer them that way.
type properties []property

// MarshalJSON writes the properties as one object, in order.
func (ps properties) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, err := json.Marshal(p.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(p.node)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// generator collects the definitions of the model's struct types.
type generator struct {
	defs map[string]*node
	err  error // the first field of a kind the schema cannot describe
}

var (
	dateType  = reflect.TypeFor[report.Date]()
	assetType = reflect.TypeFor[report.Asset]()
)

// object describes the keys of struct type t: those allowed, and each
// required one in a schema of its own, so that the editor's message names
// the key missing. The type, "object", is checked where the definition is
// referred to, with a message naming the key that holds it.
func (g *generator) object(t reflect.Type) *node {
	closed := false
	n := &node{AdditionalProperties: &closed}
	var keys []string
	for _, f := range report.Fields(t) {
		keys = append(keys, f.Key)
		if f.Required {
			n.AllOf = append(n.AllOf, &node{Required: []string{f.Key},
				ErrorMessage: fmt.Sprintf(`thiếu khóa %q — hãy thêm dòng "%s: …"`, f.Key, f.Key)})
		}
		n.Properties = append(n.Properties, property{f.Key, g.field(t.Field(f.Index).Type, f)})
	}
	n.ErrorMessage = "khóa này không dùng được ở đây — các khóa dùng được: " + strings.Join(keys, ", ")
	return n
}

// field describes one struct field as the loader reads it: a value left
// empty (null) is accepted unless the field is required, and a required
// text or list must not be empty.
func (g *generator) field(t reflect.Type, f report.Field) *node {
	what := strconv.Quote(f.Key)
	n := g.value(t, what)
	n.Description = f.Doc
	required := f.Required
	if f.HasMin {
		m := f.Min
		n.If = &node{Type: "number", ExclusiveMaximum: &m}
		n.Then = &node{Type: "string", ErrorMessage: belowMessage(what, m)}
	}
	if isNumber(t) { // a number, which may be written as text
		whole := t.Kind() == reflect.Int
		nonNegative := f.HasMin && f.Min >= 0
		n.Pattern = figurePattern(whole, !nonNegative)
		n.ErrorMessage = numberMessage(what, whole, f)
		n.PatternErrorMessage = n.ErrorMessage
	}
	for _, v := range f.Enum {
		n.Enum = append(n.Enum, v)
	}
	if n.Enum != nil {
		n.ErrorMessage = fmt.Sprintf("%s chỉ nhận một trong các giá trị %s — hãy chọn một giá trị trong danh sách", what, strings.Join(f.Enum, ", "))
	}
	types, _ := n.Type.([]any) // text and numbers have a list of types here
	switch {
	case required && types != nil && n.Pattern == "":
		n.Pattern = nonBlank
		n.PatternErrorMessage = what + " đang để trống — hãy điền giá trị"
	case required && n.Type == "array":
		// contains, not minItems, whose message the editor gives in English.
		n.Contains = &node{}
		n.ErrorMessage = fmt.Sprintf(`%s cần một danh sách có ít nhất một mục, mỗi mục một dòng bắt đầu bằng "- "`, what)
	case !required && types != nil:
		n.Type = append(types, "null")
	case !required:
		n.Type = []any{n.Type, "null"}
	}
	if !required && n.Enum != nil {
		n.Enum = append(n.Enum, nil)
	}
	return n
}

// isNumber reports whether values of t are figures, read by package figure.
func isNumber(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Int || t.Kind() == reflect.Float64
}

// belowMessage says that a number is below min, as the loader does.
func belowMessage(what string, min float64) string {
	if min == 0 {
		return what + " phải là số không âm — hãy sửa thành số ≥ 0"
	}
	m := viet.Number(min, 0)
	return fmt.Sprintf("%s phải là số từ %s trở lên — hãy sửa thành số ≥ %s", what, m, m)
}

// numberMessage says what a number field f takes, as the loader reads it.
func numberMessage(what string, whole bool, f report.Field) string {
	kind, example := "một số", "3965, 1.234.567, 3.965,5 hoặc 87,6"
	if whole {
		kind, example = "một số nguyên", "15, 3965 hoặc 1.234.567"
	}
	switch {
	case f.HasMin && f.Min == 0:
		kind += " không âm"
	case f.HasMin:
		kind += " từ " + viet.Number(f.Min, 0) + " trở lên"
	}
	return fmt.Sprintf("%s phải là %s, viết như Excel tiếng Việt: %s", what, kind, example)
}

// value describes a value of type t, which the messages call what.
func (g *generator) value(t reflect.Type, what string) *node {
	switch t {
	case dateType:
		msg := what + " phải là một ngày, dạng ngày/tháng/năm (15/01/2022) hoặc năm-tháng-ngày (2022-01-15)"
		return &node{Type: "string", Pattern: datePattern, ErrorMessage: msg, PatternErrorMessage: msg}
	case assetType:
		// A file path, relative to the YAML file.
		return &node{Type: textType(), ErrorMessage: what + " phải là tên một tệp, đường dẫn tính từ thư mục chứa tệp YAML"}
	}
	switch t.Kind() {
	case reflect.String:
		return &node{Type: textType(), ErrorMessage: what + ` phải là một đoạn chữ, viết ngay sau dấu hai chấm — nếu đoạn chữ có dấu hai chấm, hãy đặt cả đoạn trong dấu ngoặc kép: "Lưu: VT"`}
	case reflect.Int:
		msg := numberMessage(what, true, report.Field{})
		return &node{Type: []any{"integer", "string"}, Pattern: figurePattern(true, true), ErrorMessage: msg, PatternErrorMessage: msg}
	case reflect.Float64:
		msg := numberMessage(what, false, report.Field{})
		return &node{Type: []any{"number", "string"}, Pattern: figurePattern(false, true), ErrorMessage: msg, PatternErrorMessage: msg}
	case reflect.Bool:
		return &node{Type: "boolean", ErrorMessage: what + " chỉ nhận true hoặc false"}
	case reflect.Slice:
		item := "mỗi mục của " + what
		if rest, ok := strings.CutPrefix(what, "mỗi mục của "); ok {
			item = "mỗi ô trong " + rest
		}
		return &node{Type: "array", Items: g.value(t.Elem(), item),
			ErrorMessage: fmt.Sprintf(`%s phải là một danh sách, mỗi mục một dòng bắt đầu bằng "- "`, what)}
	case reflect.Pointer:
		return g.value(t.Elem(), what)
	case reflect.Struct:
		if _, ok := g.defs[t.Name()]; !ok {
			g.defs[t.Name()] = nil // claimed before recursing, for recursive types
			g.defs[t.Name()] = g.object(t)
		}
		// Draft-07 ignores the keywords beside a $ref: it goes in allOf.
		return &node{Type: "object", AllOf: []*node{{Ref: "#/definitions/" + t.Name()}},
			ErrorMessage: what + ` phải là một nhóm khóa: các dòng "khóa: giá trị" thụt vào bên dưới`}
	}
	// The loader cannot read it either, which its tests report.
	g.err = fmt.Errorf("schema: the model has a field of type %s", t)
	return &node{}
}
