package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
)

// glyph is one character drawn on a page, at the left end of its advance.
type glyph struct {
	r    rune
	x, y float64 // mm from the top-left corner
	op   int     // the text operator that drew it, counted from 1 on its page
}

// streamPattern matches a compressed stream's data.
var streamPattern = regexp.MustCompile(`(?s)/Filter /FlateDecode /Length \d+>>\nstream\n(.*?)\nendstream`)

// segment is a straight line drawn on a page, in mm from the top-left
// corner.
type segment struct {
	x1, y1, x2, y2, width float64
}

// drawnPage is what a page's content stream draws.
type drawnPage struct {
	glyphs   []glyph
	segments []segment
	widths   int // line width settings
}

// drawn interprets the operators fpdf writes into the page content streams
// of doc — Tf, Td, Tj and TJ between BT and ET; w, m, l and S — and returns
// the glyphs of each page with their positions, measured with fam, and
// its lines. Font resources are told apart by their order of first use,
// which must follow the styles given.
func drawn(t *testing.T, doc []byte, fam *face.Family, pageHeight float64, order []face.Style) []drawnPage {
	t.Helper()
	var pages []drawnPage
	fonts := map[string]face.Style{}
	for _, m := range streamPattern.FindAllSubmatch(doc, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(content, []byte(" Tf ")) {
			continue // a font or an image
		}
		var page drawnPage
		var style face.Style
		var size, x, y, width float64
		var line segment
		var operands []string
		ops := 0
		for _, tok := range tokens(t, content) {
			switch tok {
			case "Tf":
				name := operands[len(operands)-2]
				st, ok := fonts[name]
				if !ok {
					if len(fonts) == len(order) {
						t.Fatalf("font %s used beyond the styles expected", name)
					}
					st = order[len(fonts)]
					fonts[name] = st
				}
				style = st
				size, _ = strconv.ParseFloat(operands[len(operands)-1], 64)
			case "w", "m", "l":
				var v [2]float64
				n := len(operands)
				for i := range min(n, 2) {
					v[i], _ = strconv.ParseFloat(operands[n-min(n, 2)+i], 64)
				}
				switch tok {
				case "w":
					width = v[0] / k
					page.widths++
				case "m":
					line = segment{x1: v[0] / k, y1: pageHeight - v[1]/k, width: width}
				case "l":
					line.x2, line.y2 = v[0]/k, pageHeight-v[1]/k
					page.segments = append(page.segments, line)
				}
			case "Td":
				x, _ = strconv.ParseFloat(operands[len(operands)-2], 64)
				y, _ = strconv.ParseFloat(operands[len(operands)-1], 64)
				x /= k
				y = pageHeight - y/k
			case "Tj", "TJ":
				ops++
				for _, op := range operands {
					if !strings.HasPrefix(op, "(") {
						n, _ := strconv.ParseFloat(op, 64)
						x -= n / 1000 * size / k
						continue
					}
					for _, r := range utf16.Decode(utf16be(op[1:])) {
						page.glyphs = append(page.glyphs, glyph{r, x, y, ops})
						x += fam.Face(style).Width(string(r), size)
					}
				}
			}
			switch c := tok[0]; {
			case tok == "[" || tok == "]":
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				operands = operands[:0] // an operator
			default:
				operands = append(operands, tok)
			}
		}
		pages = append(pages, page)
	}
	return pages
}

func utf16be(b string) []uint16 {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return u
}

// tokens splits a content stream into operators and operands; a literal
// string becomes "(" and its unescaped bytes.
func tokens(t *testing.T, content []byte) []string {
	t.Helper()
	var out []string
	for i := 0; i < len(content); {
		switch c := content[i]; {
		case c == ' ' || c == '\n' || c == '\r':
			i++
		case c == '[' || c == ']':
			out = append(out, string(c))
			i++
		case c == '(':
			s := []byte{'('}
			for i++; i < len(content) && content[i] != ')'; i++ {
				if content[i] == '\\' {
					i++
					if content[i] == 'r' {
						s = append(s, '\r')
						continue
					}
				}
				s = append(s, content[i])
			}
			if i == len(content) {
				t.Fatal("string not closed")
			}
			out = append(out, string(s))
			i++
		default:
			j := i
			for j < len(content) && !strings.ContainsRune(" \n\r[]()", rune(content[j])) {
				j++
			}
			out = append(out, string(content[i:j]))
			i = j
		}
	}
	return out
}

// laidGlyphs are the glyphs of a page where layout put them; spaces are
// left out, as a justified line's space glyph sits anywhere in its gap.
func laidGlyphs(pg *layout.Page, fam *face.Family) []glyph {
	var out []glyph
	for _, it := range pg.Items {
		t, ok := it.(*layout.Text)
		if !ok {
			continue
		}
		x := t.X
		for _, r := range t.S {
			if r != ' ' {
				out = append(out, glyph{r: r, x: x, y: t.Y})
			}
			x += fam.Face(t.Style).Width(string(r), t.Size)
		}
	}
	return out
}

// TestTextWhereLaidOut: texts drawn a line at a time land where layout put
// each word — justified lines with bold and italic words among regular
// ones, centred and right-aligned table cells — to within half a
// thousandth of an em and the 0.01 pt fpdf writes positions in; the text
// keeps its spaces; and a justified line in one style is one operator.
func TestTextWhereLaidOut(t *testing.T) {
	runs := []document.Run{
		{Text: "Năm 2021, Công an thành phố Cần Thơ đã nghiêm túc thực hiện với quyết tâm cao nhất theo sự chỉ đạo của lãnh đạo Bộ Công an, "},
		{Text: "hoàn thành xuất sắc", Bold: true},
		{Text: " 03 mục tiêu: vừa tham gia phòng, chống dịch "},
		{Text: "Covid-19", Italic: true},
		{Text: " - vừa thực hiện tốt công tác bảo đảm an ninh, trật tự, giữ vững ổn định chính trị xã hội, yên ổn lòng dân - vừa góp phần phục vụ thực hiện thắng lợi nhiệm vụ phát triển kinh tế, xã hội của thành phố."},
	}
	cell := func(s string) document.Cell { return document.Cell{Runs: []document.Run{{Text: s}}} }
	table := &document.Table{
		Align:  []document.Align{document.AlignCenter, document.AlignLeft, document.AlignRight},
		Header: []document.Cell{cell("STT"), cell("Chỉ tiêu"), cell("Năm 2021")},
		Rows: [][]document.Cell{
			{cell("1"), cell("Số vụ phạm tội về trật tự xã hội được phát hiện và điều tra làm rõ trên địa bàn thành phố"), cell("1.234")},
			{cell("2"), cell("Số đối tượng bị bắt"), cell("56,7")},
		},
	}
	d := &document.Document{
		Frame: document.Frame{Agency: "CÔNG AN THÀNH PHỐ CẦN THƠ", Number: "Số: 15/BC-CAT", KindName: "BÁO CÁO", Title: "Tổng kết công tác",
			Signature: document.Signature{Position: "GIÁM ĐỐC", Name: "Nguyễn Văn Thuận"}},
		Body: []document.Block{&document.Paragraph{Runs: runs}, table, &document.Paragraph{Runs: runs}},
	}
	fam := face.Default()
	pages, err := layout.Layout(d, fam, layout.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	doc := write(t, pages, sampleInfo)
	// The header's first text is regular (the agency's parent is absent:
	// the agency, bold, comes first), then the Quốc hiệu in bold…
	var order []face.Style
	for _, pg := range pages {
		for _, it := range pg.Items {
			if x, ok := it.(*layout.Text); ok && !slices.Contains(order, x.Style) {
				order = append(order, x.Style)
			}
		}
	}
	got := drawn(t, doc, fam, layout.A4Height, order)
	if len(got) != len(pages) {
		t.Fatalf("%d pages drawn, want %d", len(got), len(pages))
	}
	for pi, pg := range pages {
		var want, at []glyph
		var text, wantText strings.Builder
		for _, g := range got[pi].glyphs {
			text.WriteRune(g.r)
			if g.r != ' ' {
				at = append(at, g)
			}
		}
		for _, it := range pg.Items {
			if x, ok := it.(*layout.Text); ok {
				wantText.WriteString(x.S)
			}
		}
		if text.String() != wantText.String() {
			t.Errorf("page %d: text\n%q\nwant\n%q", pi+1, text.String(), wantText.String())
		}
		want = laidGlyphs(pg, fam)
		if len(at) != len(want) {
			t.Fatalf("page %d: %d glyphs drawn, want %d", pi+1, len(at), len(want))
		}
		for i, w := range want {
			g := at[i]
			const tol = 0.0005*14*face.PtToMM + 0.005/k + 1e-9
			if g.r != w.r || math.Abs(g.x-w.x) > tol || math.Abs(g.y-w.y) > 0.005/k+1e-9 {
				t.Errorf("page %d: %q drawn at (%.4f, %.4f), laid out at (%.4f, %.4f)", pi+1, g.r, g.x, g.y, w.x, w.y)
			}
		}
	}
	// Each stretch of a body line in one style is one operator.
	for pi, pg := range pages {
		stretches := map[float64]int{}
		var prev *layout.Text
		for _, it := range pg.Items {
			x, ok := it.(*layout.Text)
			if !ok || x.Role != layout.RoleBody {
				continue
			}
			if prev == nil || prev.Y != x.Y || prev.Style != x.Style {
				stretches[x.Y]++
			}
			prev = x
		}
		ops := map[float64]map[int]bool{}
		for _, g := range got[pi].glyphs {
			for y := range stretches {
				if math.Abs(g.y-y) < 0.01 {
					if ops[y] == nil {
						ops[y] = map[int]bool{}
					}
					ops[y][g.op] = true
				}
			}
		}
		for y, n := range stretches {
			if len(ops[y]) != n {
				t.Errorf("page %d: body line at %.1f mm drawn by %d operators, want %d, one per style", pi+1, y, len(ops[y]), n)
			}
		}
	}
}
