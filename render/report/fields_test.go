package report

import (
	"reflect"
	"testing"
)

func TestFields(t *testing.T) {
	type sample struct {
		A string  `yaml:"a" required:"true" doc:"Chữ"`
		B float64 `yaml:"b" min:"0"`
		C string  `yaml:"c" enum:"x,y"`
		D Asset   `yaml:"d" asset:"image"`
		E int     `yaml:"-"`
		F int
		G int `yaml:"g" min:"many"`
	}
	got := Fields(reflect.TypeFor[sample]())
	want := []Field{
		{Key: "a", Index: 0, Required: true, Doc: "Chữ"},
		{Key: "b", Index: 1, HasMin: true, Min: 0},
		{Key: "c", Index: 2, Enum: []string{"x", "y"}},
		{Key: "d", Index: 3, Asset: "image"},
		{Key: "g", Index: 6},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Fields = %+v\nwant %+v", got, want)
	}
}
