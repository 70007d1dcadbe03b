package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"baocao/render/document"
)

// flowLine is one line of the body's text flow, as a reader meets it.
type flowLine struct {
	page    int
	text    string
	heading bool
	// opens is true for a line that starts a block: a heading, or a
	// paragraph's first line, indented or opening on a list marker.
	opens bool
}

// flowLines returns the lines of headings and body paragraphs of pages in
// reading order.
func flowLines(pages []*Page) []flowLine {
	indent := DefaultSettings().Margins.Left + paraIndent
	var out []flowLine
	for pi, pg := range pages {
		var ts []*Text
		for _, it := range pg.Items {
			if x, ok := it.(*Text); ok && (x.Role == RoleBody || x.Role == RoleHeading) {
				ts = append(ts, x)
			}
		}
		for _, l := range byLine(ts) {
			h := l[0].Role == RoleHeading
			out = append(out, flowLine{page: pi, text: lineText(l), heading: h,
				opens: h || math.Abs(l[0].X-indent) < eps})
		}
	}
	return out
}

// checkFlow reports a heading that is the last line of the flow on its
// page, and a paragraph split over pages with fewer than two lines on
// either side of the break (an orphan or a widow).
func checkFlow(t *testing.T, name string, pages []*Page) (errs int) {
	t.Helper()
	ls := flowLines(pages)
	for i, l := range ls {
		if l.heading && i+1 < len(ls) && ls[i+1].page != l.page {
			t.Errorf("%s: page %d ends on the heading %q", name, l.page+1, l.text)
			errs++
		}
	}
	for start := 0; start < len(ls); {
		end := start + 1
		for end < len(ls) && !ls[end].opens {
			end++
		}
		if !ls[start].heading {
			perPage := map[int]int{}
			for _, l := range ls[start:end] {
				perPage[l.page]++
			}
			if len(perPage) > 1 {
				for pg, n := range perPage {
					if n < 2 {
						t.Errorf("%s: %d-line paragraph %q… leaves %d line on page %d", name, end-start, ls[start].text[:20], n, pg+1)
						errs++
					}
				}
			}
		}
		start = end
	}
	return errs
}

// para is a body paragraph of about n lines.
func para(i, n int) *document.Paragraph {
	s := fmt.Sprintf("Đoạn %d: ", i) + strings.Repeat("tăng cường công tác quản lý địa bàn, nắm chắc tình hình ", n*2)
	return &document.Paragraph{Runs: []document.Run{{Text: strings.TrimSpace(s)}}}
}

// TestHeadingRunKeepsWithNext: a run of headings — Phần II, I., 1. —
// stays on the page of the first lines of what follows, wherever the
// run falls on the page.
func TestHeadingRunKeepsWithNext(t *testing.T) {
	for fill := range 40 {
		d := sampleDoc(0, 0)
		d.Body = nil
		for i := range fill {
			d.Body = append(d.Body, &document.Paragraph{Runs: []document.Run{{Text: fmt.Sprintf("Dòng %d.", i)}}})
		}
		d.Body = append(d.Body,
			&document.Heading{Level: 1, Label: "Phần II", Runs: []document.Run{{Text: "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022"}}},
			&document.Heading{Level: 2, Label: "I.", Runs: []document.Run{{Text: "PHƯƠNG HƯỚNG CHUNG"}}},
			&document.Heading{Level: 3, Label: "1.", Runs: []document.Run{{Text: "Tham mưu và bảo đảm an ninh quốc gia"}}},
			para(0, 5), para(1, 5))
		checkFlow(t, fmt.Sprintf("%d lines before", fill), mustLayout(t, d))
	}
}

// TestNoWidowsOrOrphans: a paragraph broken over pages keeps at least two
// lines on each side, for paragraphs of 2 to 6 lines at every place on
// the page, including the last one, kept with the closing block.
func TestNoWidowsOrOrphans(t *testing.T) {
	for n := 2; n <= 6; n++ {
		for fill := range 40 {
			d := sampleDoc(0, 0)
			d.Body = nil
			for i := range fill {
				d.Body = append(d.Body, &document.Paragraph{Runs: []document.Run{{Text: fmt.Sprintf("Dòng %d.", i)}}})
			}
			for i := range 3 {
				d.Body = append(d.Body, para(i, n))
			}
			checkFlow(t, fmt.Sprintf("%d-line paragraphs after %d lines", n, fill), mustLayout(t, d))
		}
	}
}
