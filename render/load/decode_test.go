package load

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"baocao/render/report"
)

// TestModelTags checks that every tag the decoder reads on the model is
// well formed and every field has a kind the decoder handles, since a bad
// min tag would otherwise be silently ignored.
func TestModelTags(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		// Dates and assets are decoded whole, from a scalar.
		if seen[typ] || typ == dateType || typ == assetType {
			return
		}
		seen[typ] = true
		for i := range typ.NumField() {
			f := typ.Field(i)
			if f.Tag.Get("yaml") == "-" {
				continue
			}
			if f.Tag.Get("yaml") == "" {
				t.Errorf("%s.%s has no yaml tag", typ.Name(), f.Name)
			}
			if m := f.Tag.Get("min"); m != "" {
				if _, err := strconv.ParseFloat(m, 64); err != nil {
					t.Errorf("%s.%s: min tag %q is not a number", typ.Name(), f.Name, m)
				}
			}
			if e := f.Tag.Get("enum"); e != "" && strings.Contains(","+e+",", ",,") {
				t.Errorf("%s.%s: enum tag %q has an empty value", typ.Name(), f.Name, e)
			}
			if a := f.Tag.Get("asset"); (f.Type == assetType) != (a == "font" || a == "image") {
				t.Errorf("%s.%s: an Asset needs asset:\"font\" or asset:\"image\", other fields none; has %q", typ.Name(), f.Name, a)
			}
			ft := f.Type
			for ft.Kind() == reflect.Slice || ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch ft.Kind() {
			case reflect.Struct:
				walk(ft)
			case reflect.String, reflect.Int, reflect.Float64, reflect.Bool:
			default:
				t.Errorf("%s.%s: the decoder cannot load kind %s", typ.Name(), f.Name, ft.Kind())
			}
		}
	}
	walk(reflect.TypeFor[report.Report]())
}

// TestUnsupportedKind checks that a model field of a kind the decoder does
// not know is reported, not a panic.
func TestUnsupportedKind(t *testing.T) {
	var v struct {
		M map[string]string `yaml:"m"`
	}
	data := "m:\n  a: b\n"
	root, e := parse("t.yaml", data)
	if e != nil {
		t.Fatal(e)
	}
	d := newDecoder("t.yaml", data)
	d.mapping(root, reflect.ValueOf(&v).Elem(), "")
	if len(d.errs) != 1 || !strings.Contains(d.errs[0].Msg, "lỗi chương trình") {
		t.Errorf("got %v", d.errs)
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"id", "name", "rank", "titles", "guest", "delegates", "title"}
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"delegate", "delegates", true},
		{"titel", "title", true},
		{"Name", "name", true},
		{"nmae", "name", true},
		{"ten", "", false},
		{"x", "", false},
		{"", "", false},
		{"tm", "TM.", true}, // against the enum below
	}
	for _, tt := range tests {
		opts := keys
		if tt.word == "tm" {
			opts = []string{"TM.", "Q.", "KT.", "TL.", "TUQ."}
		}
		got, ok := nearest(tt.word, opts)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("nearest(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzBytes is seeded from the fixture, the examples and the corpus of bad
// inputs (testdata/bad at the top of the module), and loads each input as
// if it were in the corpus' folder, so that the images and fonts its
// cases name are read and checked.
func FuzzBytes(f *testing.F) {
	files := []string{fixture}
	for _, pattern := range []string{"../../examples/*.yaml", "../../testdata/bad/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		files = append(files, m...)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", "a: [", "a: &x [*x]\n", "agency: {name: *a}\n", "- 1\n", "\xef\xbb\xbfagency:\n  name: |2\n    x\n",
		"format:\n  font: {regular: assets/hong.png, bold: /dev/zero, italic: ../bad, bold_italic: assets}\n",
		"bao_cao:\n  signer: {seal_image: assets/hong.png, signature_image: assets/dau.gif}\n",
		"ban_tin:\n  photos:\n    - {image: ../../examples/images/cantho-2021-hoi-nghi.png}\n    - image: \"\\0\"\n"} {
		f.Add([]byte(s))
	}
	const name = "../../testdata/bad/f.yaml"
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Bytes(name, data)
		if (r == nil) == (err == nil) {
			t.Fatalf("report %v and error %v", r != nil, err)
		}
		if err == nil {
			return
		}
		var es report.Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("error %v is not report.Errors", err)
		}
		for _, e := range es {
			if e.Pos.File != name || e.Msg == "" {
				t.Fatalf("bad error %#v", e)
			}
		}
	})
}
