package document

import (
	"fmt"
	"strconv"
	"strings"
	"text/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"baocao/render/report"
)

// Figure is a photo with its caption, set across the text width.
type Figure struct {
	Image   []byte // PNG or JPEG, as the loader read and checked it
	Caption []Run
}

func (*Figure) isBlock() {}

// photoMark, followed by a photo's index, is the paragraph a photo function
// writes: the body names photos by number, never by file, so it cannot
// reach a file the loader did not check. The loader refuses the character
// (U+FFFC, OBJECT REPLACEMENT CHARACTER) in the input, so only a photo
// function writes it.
const photoMark = "\uFFFC"

// statisticsMark is the paragraph statistics_table writes, which the
// converter replaces with the table (statisticsTable).
const statisticsMark = photoMark + "statistics"

// photoFuncs are the functions of a body that has photos: photo N places
// the N-th photo (from 1) where it is called, other_photos places every
// photo not placed yet. Each call of photoFuncs has its own record of what
// was placed, so concurrent builds do not share it.
func photoFuncs(photos []report.Photo, path string) template.FuncMap {
	placed := make([]bool, len(photos))
	figure := func(i int) string {
		placed[i] = true
		// A paragraph of its own, which parseBody turns into a Figure.
		return "\n\n" + photoMark + strconv.Itoa(i) + "\n\n"
	}
	return template.FuncMap{
		"photo": func(n int) (markup, error) {
			if n < 1 || n > len(photos) {
				return "", fmt.Errorf("không có ảnh thứ %d: %s có %d ảnh — hãy dùng {{ photo 1 }} đến {{ photo %d }}", n, path, len(photos), len(photos))
			}
			return markup(figure(n - 1)), nil
		},
		"other_photos": func() markup {
			var b strings.Builder
			for i := range photos {
				if !placed[i] {
					b.WriteString(figure(i))
				}
			}
			return markup(b.String())
		},
	}
}

// parseBodyPhotos is parseBody for a body that may place photos and the
// statistics table.
func parseBodyPhotos(src []byte, photos []report.Photo, stats *report.Statistics) []Block {
	c := converter{src: src, photos: photos, stats: stats}
	c.blocks(markdown.Parser().Parse(text.NewReader(src)), 0)
	return c.out
}

// figure returns the Figure a paragraph stands for — a paragraph holding
// nothing but a photo's mark, written by photoFuncs — or nil.
func (c *converter) figure(p *ast.Paragraph) *Figure {
	t, ok := p.FirstChild().(*ast.Text)
	if !ok || p.ChildCount() != 1 {
		return nil
	}
	v := string(t.Segment.Value(c.src))
	i, err := strconv.Atoi(strings.TrimPrefix(v, photoMark))
	if !strings.HasPrefix(v, photoMark) || err != nil || i < 0 || i >= len(c.photos) {
		return nil
	}
	f := &Figure{Image: c.photos[i].Image.Data}
	if caption := strings.Join(strings.Fields(c.photos[i].Caption), " "); caption != "" {
		f.Caption = []Run{{Text: caption}}
	}
	return f
}
