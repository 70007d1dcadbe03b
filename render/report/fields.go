package report

import (
	"reflect"
	"strconv"
	"strings"
)

// Field is one YAML key of a model struct as its tags describe it. It is
// the single reading of the tags that the loader, the JSON Schema and the
// glyph check share, so that the three cannot drift apart.
type Field struct {
	Key      string  // yaml tag
	Index    int     // index of the struct field
	Required bool    // required:"true"
	HasMin   bool    // a min tag is set
	Min      float64 // min:"0": the smallest number accepted
	Enum     []string
	Asset    string // asset:"font" or asset:"image": what file an Asset must be
	Doc      string // the Vietnamese description shown to users
}

// Fields lists the fields of struct type t that have a YAML key, in
// declaration order. A min tag that is not a number counts as absent; the
// loader's tests check the model's tags are well formed.
func Fields(t reflect.Type) []Field {
	var fs []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		key := sf.Tag.Get("yaml")
		if key == "" || key == "-" {
			continue
		}
		f := Field{
			Key:      key,
			Index:    i,
			Required: sf.Tag.Get("required") == "true",
			Asset:    sf.Tag.Get("asset"),
			Doc:      sf.Tag.Get("doc"),
		}
		if m, err := strconv.ParseFloat(sf.Tag.Get("min"), 64); err == nil {
			f.HasMin, f.Min = true, m
		}
		if e := sf.Tag.Get("enum"); e != "" {
			f.Enum = strings.Split(e, ",")
		}
		fs = append(fs, f)
	}
	return fs
}
