package document

import (
	"strings"
	"testing"

	"baocao/render/report"
)

// TestReportTextLiteral: a name, a place or a title the clerk wrote prints
// as written in the kinds that print it, whatever Markdown would make of
// it — not "Văn" in italics with the asterisks gone, nor a heading, a list
// item, a quote, an entity or an HTML tag.
func TestReportTextLiteral(t *testing.T) {
	for _, tt := range []struct {
		name  string
		set   func(r *report.Report, s string)
		s     string
		kinds []string
	}{
		{"chair's name", func(r *report.Report, s string) { r.Conference.Delegates[2].Name = s },
			"Đặng *Văn* __Khoa__ <b>x</b>", []string{"thong-bao", "bien-ban", "ban-tin"}},
		{"a guest's title", func(r *report.Report, s string) { r.Conference.Delegates[0].Titles[1] = s },
			"Giám đốc `Sở` [Tư pháp](x) &amp; ~~Nội vụ~~", []string{"thong-bao", "bien-ban", "ban-tin"}},
		{"the place, as a line could start", func(r *report.Report, s string) { r.Conference.Place = s },
			"# 1. Hội trường > tầng 2", []string{"thong-bao"}},
		{"the conference's name, a number first", func(r *report.Report, s string) { r.Conference.Name = s },
			"2021. Hội nghị \\ tổng kết", []string{"thong-bao"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := kindsReport()
			tt.set(r, tt.s)
			for _, slug := range tt.kinds {
				text := fullText(build(t, r, slug).Body)
				if !strings.Contains(strings.ReplaceAll(text, "\n", " "), tt.s) {
					t.Errorf("%s: %q is not printed as written in\n%s", slug, tt.s, text)
				}
			}
		})
	}
}
