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
	table   bool
	// opens is true for a line that starts a block: a heading, or a
	// paragraph's first line, indented or opening on a list marker.
	opens bool
}

// flowLines returns the lines of headings, body paragraphs and tables of pages
// laid out with s, in reading order.
func flowLines(pages []*Page, s Settings) []flowLine {
	indent := s.Margins.Left + paraIndent
	var out []flowLine
	for pi, pg := range pages {
		var ts []*Text
		for _, it := range pg.Items {
			if x, ok := it.(*Text); ok && (x.Role == RoleBody || x.Role == RoleHeading || x.Role == RoleTable) {
				ts = append(ts, x)
			}
		}
		for _, l := range byLine(ts) {
			h, tab := l[0].Role == RoleHeading, l[0].Role == RoleTable
			out = append(out, flowLine{page: pi, text: lineText(l), heading: h, table: tab,
				opens: h || tab || math.Abs(l[0].X-indent) < eps})
		}
	}
	return out
}

// CheckFlow reports a heading that is the last line of the flow on its
// page, and a paragraph split over pages with fewer than two lines on
// either side of the break (an orphan or a widow), in pages laid out with
// s. It is exported for the tests of the examples (examples_test.go).
func CheckFlow(t *testing.T, name string, pages []*Page, s Settings) {
	t.Helper()
	ls := flowLines(pages, s)
	for i, l := range ls {
		if l.heading && i+1 < len(ls) && ls[i+1].page != l.page {
			t.Errorf("%s: page %d ends on the heading %q", name, l.page+1, l.text)
		}
	}
	for start := 0; start < len(ls); {
		end := start + 1
		for end < len(ls) && !ls[end].opens {
			end++
		}
		if !ls[start].heading && !ls[start].table {
			perPage := map[int]int{}
			for _, l := range ls[start:end] {
				perPage[l.page]++
			}
			if len(perPage) > 1 {
				for pg, n := range perPage {
					if n < 2 {
						t.Errorf("%s: %d-line paragraph %q… leaves %d line on page %d", name, end-start, prefix(ls[start].text, 20), n, pg+1)
					}
				}
			}
		}
		start = end
	}
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
	for _, end := range []struct {
		name   string
		blocks []document.Block
	}{
		{"paragraphs", []document.Block{para(0, 5), para(1, 5)}},
		// The last paragraph goes with the closing block, and its heading with it.
		{"a short last paragraph", []document.Block{para(0, 1)}},
		{"a table", []document.Block{tallTable(6, 0, 1)}},
	} {
		for fill := range 40 {
			d := sampleDoc(0, 0)
			d.Body = nil
			for i := range fill {
				d.Body = append(d.Body, &document.Paragraph{Runs: []document.Run{{Text: fmt.Sprintf("Dòng %d.", i)}}})
			}
			d.Body = append(d.Body,
				&document.Heading{Level: 1, Label: "Phần II", Runs: []document.Run{{Text: "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022"}}},
				&document.Heading{Level: 2, Label: "I.", Runs: []document.Run{{Text: "PHƯƠNG HƯỚNG CHUNG"}}},
				&document.Heading{Level: 3, Label: "1.", Runs: []document.Run{{Text: "Tham mưu và bảo đảm an ninh quốc gia"}}})
			d.Body = append(d.Body, end.blocks...)
			CheckFlow(t, fmt.Sprintf("%d lines before, then %s", fill, end.name), mustLayout(t, d), DefaultSettings())
		}
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
			CheckFlow(t, fmt.Sprintf("%d-line paragraphs after %d lines", n, fill), mustLayout(t, d), DefaultSettings())
		}
	}
}

// prefix is the first n characters of s.
func prefix(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}
