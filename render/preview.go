package render

import (
	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/report"
)

// Preview checks r as Validate does and returns the pages of the document
// of kind slug as its PDF would draw them, with the family they are set
// in, for a program that shows them. The pages are there even when
// another document has problems; they are nil when r has no data for the
// kind or the kind's own document has a problem. err holds the problems
// of every document, as a render would report them.
func Preview(r *report.Report, slug string, opt Options) (pages []*layout.Page, fam *face.Family, err error) {
	opt.laid = func(s string, p []*layout.Page, f *face.Family) {
		if s == slug {
			pages, fam = p, f
		}
	}
	_, err = Outputs(r, "", opt)
	return pages, fam, err
}
