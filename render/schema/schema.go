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
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"

	"baocao/render/figure"
	"baocao/render/report"
)

// Draft is the JSON Schema version the schema is written in.
const Draft = "http://json-schema.org/draft-07/schema#"

// datePattern matches the two ways the loader reads a date: 15/01/2022
// and 2022-01-15. Whether the day exists is the loader's to check.
const datePattern = `^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})$`

// nonBlank is the pattern of a required text: the loader trims it and
// refuses it when nothing is left.
const nonBlank = `\S`

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
	MinItems             *int             `json:"minItems,omitempty"`
	Enum                 []any            `json:"enum,omitempty"`
	Minimum              *float64         `json:"minimum,omitempty"`
	Pattern              string           `json:"pattern,omitempty"`
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

// object describes struct type t: its keys, those required, and no other.
func (g *generator) object(t reflect.Type) *node {
	closed := false
	n := &node{Type: "object", AdditionalProperties: &closed}
	for _, f := range report.Fields(t) {
		if f.Required {
			n.Required = append(n.Required, f.Key)
		}
		n.Properties = append(n.Properties, property{f.Key, g.field(t.Field(f.Index).Type, f)})
	}
	return n
}

// field describes one struct field as the loader reads it: a value left
// empty (null) is accepted unless the field is required, and a required
// text or list must not be empty.
func (g *generator) field(t reflect.Type, f report.Field) *node {
	n := g.value(t)
	required := f.Required
	if n.Ref != "" {
		// Draft-07 ignores the keywords beside a $ref: wrap it.
		if required {
			return &node{Description: f.Doc, AllOf: []*node{n}}
		}
		return &node{Description: f.Doc, AnyOf: []*node{n, {Type: "null"}}}
	}
	n.Description = f.Doc
	if f.HasMin {
		m := f.Min
		n.Minimum = &m
	}
	if n.Pattern != "" { // a number, which may be written as text
		n.Pattern = figurePattern(t.Kind() == reflect.Int, !f.HasMin || f.Min < 0)
	}
	for _, v := range f.Enum {
		n.Enum = append(n.Enum, v)
	}
	types, _ := n.Type.([]any) // text and numbers have a list of types here
	switch {
	case required && types != nil && n.Pattern == "":
		n.Pattern = nonBlank
	case required && n.Type == "array":
		one := 1
		n.MinItems = &one
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

// value describes a value of type t.
func (g *generator) value(t reflect.Type) *node {
	switch t {
	case dateType:
		g.defs["Date"] = &node{Type: "string", Pattern: datePattern,
			Description: "Ngày, dạng ngày/tháng/năm (15/01/2022) hoặc năm-tháng-ngày (2022-01-15)"}
		return &node{Ref: "#/definitions/Date"}
	case assetType:
		// A file path, relative to the YAML file.
		return &node{Type: textType()}
	}
	switch t.Kind() {
	case reflect.String:
		return &node{Type: textType()}
	case reflect.Int:
		return &node{Type: []any{"integer", "string"}, Pattern: figurePattern(true, true)}
	case reflect.Float64:
		return &node{Type: []any{"number", "string"}, Pattern: figurePattern(false, true)}
	case reflect.Bool:
		return &node{Type: "boolean"}
	case reflect.Slice:
		return &node{Type: "array", Items: g.value(t.Elem())}
	case reflect.Pointer:
		return g.value(t.Elem())
	case reflect.Struct:
		if _, ok := g.defs[t.Name()]; !ok {
			g.defs[t.Name()] = nil // claimed before recursing, for recursive types
			g.defs[t.Name()] = g.object(t)
		}
		return &node{Ref: "#/definitions/" + t.Name()}
	}
	// The loader cannot read it either, which its tests report.
	g.err = fmt.Errorf("schema: the model has a field of type %s", t)
	return &node{}
}
