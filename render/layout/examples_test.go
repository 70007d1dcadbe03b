package layout_test

import (
	"path/filepath"
	"strings"
	"testing"

	"baocao/render"
	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/load"
)

// TestExamplesPages: in every document of the three examples no page ends
// on a heading, no paragraph leaves a single line on a page (CheckFlow),
// and the end mark "./." follows the last text of the document and of each
// annex instead of standing on a line of its own.
func TestExamplesPages(t *testing.T) {
	fam := face.Default()
	for _, name := range []string{"cantho-2021", "vinhlong-gddt-2023", "dai-hoc-300"} {
		r, err := load.File(filepath.Join("..", "..", "examples", name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range document.Kinds() {
			if k.Data(r) == nil {
				continue
			}
			d, err := document.Build(r, k)
			if err != nil {
				t.Fatal(err)
			}
			s := render.Settings(r)
			pages, err := layout.Layout(d, fam, s)
			if err != nil {
				t.Fatal(err)
			}
			doc := name + " " + k.Slug
			layout.CheckFlow(t, doc, pages, s)
			marks := 0
			for pi, pg := range pages {
				lines := map[float64]string{}
				for _, it := range pg.Items {
					if x, ok := it.(*layout.Text); ok && x.Role != layout.RolePageNumber {
						lines[x.Y] += x.S
						marks += strings.Count(x.S, "./.")
					}
				}
				for _, l := range lines {
					if strings.TrimSpace(l) == "./." {
						t.Errorf("%s page %d: the end mark stands alone on a line", doc, pi+1)
					}
				}
			}
			if want := 1 + len(d.Annexes); d.Form != document.FormNews && marks != want {
				t.Errorf("%s: %d end marks, want %d", doc, marks, want)
			}
		}
	}
}
