package document

import (
	"errors"
	"strings"
	"testing"

	"baocao/render/load"
	"baocao/render/report"
)

// FuzzTemplate runs any bytes as the template of each kind (as --templates
// DIR gives it) on the Cần Thơ example: Build never panics and fails only
// with positioned errors, in the template file or the YAML file; Texts
// never panics and places text inside the template. Seeded with the
// embedded templates.
func FuzzTemplate(f *testing.F) {
	r, err := load.File("../../examples/cantho-2021.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, k := range Kinds() {
		f.Add(k.src)
	}
	for _, s := range []string{"", "{{", "{{ define \"frame\" }}ban-tin{{ end }}x", "{{ template \"x\" }}", "{{ range .Conference.Delegates }}{{ person . }}{{ end }}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, k := range Kinds() {
			k.src, k.Template = src, "mau/"+k.Slug+templateExt
			k.Texts(func(at report.Pos, s string) {
				if at.File != k.Template || at.Line < 1 || at.Column < 1 || at.Line > strings.Count(src, "\n")+1 || strings.Contains(s, "\n") {
					t.Fatalf("text %q at %v", s, at)
				}
			})
			_, err := Build(r, k)
			if err == nil {
				continue
			}
			var es report.Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("%s: %v is not report.Errors", k.Slug, err)
			}
			for _, e := range es {
				if (e.Pos.File != k.Template && !strings.HasSuffix(e.Pos.File, "cantho-2021.yaml")) || e.Msg == "" {
					t.Fatalf("%s: error %#v is not placed", k.Slug, e)
				}
			}
		}
	})
}
