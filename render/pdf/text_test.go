package pdf

import (
	"bytes"
	"compress/zlib"
	"html"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

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

// drawn interprets the operators written into the page content streams of
// doc — Tf, Td and TJ between BT and ET; w, m, l and S — and returns the
// glyphs of each page with their positions, measured with fam, and its
// lines. Glyph IDs are read back to characters through fam's own maps.
func drawn(t *testing.T, doc []byte, fam *face.Family, pageHeight float64) []drawnPage {
	t.Helper()
	chars := map[face.Style]map[uint16]rune{}
	for _, st := range styles {
		chars[st] = map[uint16]rune{}
		for r := rune(0x20); r < 0x2200; r++ {
			if g := fam.Face(st).Glyph(r); g != 0 && chars[st][g] == 0 {
				chars[st][g] = r
			}
		}
	}
	var pages []drawnPage
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
				n, err := strconv.Atoi(strings.TrimPrefix(operands[len(operands)-2], "/F"))
				if err != nil || n < 1 || n > len(styles) {
					t.Fatalf("font %s is none of the family's", operands[len(operands)-2])
				}
				style = styles[n-1]
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
					if !strings.HasPrefix(op, "<") {
						n, _ := strconv.ParseFloat(op, 64)
						x -= n / 1000 * size * face.PtToMM
						continue
					}
					for i := 1; i+4 <= len(op); i += 4 {
						g, err := strconv.ParseUint(op[i:i+4], 16, 16)
						r := chars[style][uint16(g)]
						if err != nil || r == 0 {
							t.Fatalf("glyph %q of %s is no character's", op[i:i+4], op)
						}
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

// tokens splits a content stream into operators and operands; a
// hexadecimal string becomes "<" and its digits.
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
		case c == '<':
			j := bytes.IndexByte(content[i:], '>')
			if j < 0 {
				t.Fatal("string not closed")
			}
			out = append(out, string(content[i:i+j]))
			i += j + 1
		default:
			j := i
			for j < len(content) && !strings.ContainsRune(" \n\r[]<>", rune(content[j])) {
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
// ones, centred and right-aligned table cells — to within the thousandth
// of a point positions and shifts are written to; the text keeps its
// spaces; and a justified line in one style is one operator.
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
	got := drawn(t, doc, fam, layout.A4Height)
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
			const tol = 0.0005/k + 1e-9
			if g.r != w.r || math.Abs(g.x-w.x) > tol || math.Abs(g.y-w.y) > tol {
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

// wordBox is a word as pdftotext -bbox reports it, in mm.
type wordBox struct {
	s                      string
	xMin, yMin, xMax, yMax float64
}

var wordPattern = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// TestReaderPlacesWords: a PDF reader (poppler) finds each word where
// layout put it, and as wide as layout measured it — the widths the fonts
// declare agree with face's, and the shifts between words land them.
func TestReaderPlacesWords(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	fam := face.Default()
	pg := &layout.Page{Width: layout.A4Width, Height: layout.A4Height}
	words := strings.Fields("Cộng hòa xã hội chủ nghĩa Việt Nam, Độc lập - Tự do - Hạnh phúc; giảm 124 vụ, tương ứng 32,2%")
	y := 30.0
	for _, st := range styles {
		for _, size := range []float64{11, 13, 14} {
			x := 30.0
			for i, w := range words {
				s := w + " "
				if x+fam.Face(st).Width(s, size) > 180 {
					x, y = 30, y+7
				}
				pg.Items = append(pg.Items, &layout.Text{X: x, Y: y, Style: st, Size: size, S: s})
				x += fam.Face(st).Width(s, size) + 0.37*float64(i%3) // uneven gaps, as lines are justified
			}
			y += 7
		}
	}
	path := filepath.Join(t.TempDir(), "words.pdf")
	if err := os.WriteFile(path, write(t, []*layout.Page{pg}, sampleInfo), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var got []wordBox
	for _, m := range wordPattern.FindAllStringSubmatch(string(out), -1) {
		b := wordBox{s: html.UnescapeString(m[5])}
		for i, v := range []*float64{&b.xMin, &b.yMin, &b.xMax, &b.yMax} {
			f, _ := strconv.ParseFloat(m[i+1], 64)
			*v = f / k
		}
		got = append(got, b)
	}
	if len(got) != len(pg.Items) {
		t.Fatalf("reader found %d words, want %d:\n%s", len(got), len(pg.Items), out)
	}
	for i, it := range pg.Items {
		tx := it.(*layout.Text)
		w, g := strings.TrimSuffix(tx.S, " "), got[i]
		width := fam.Face(tx.Style).Width(w, tx.Size)
		const tol = 0.002 // mm, poppler prints to 1e-6 pt
		if g.s != w || math.Abs(g.xMin-tx.X) > tol || math.Abs(g.xMax-(tx.X+width)) > tol || g.yMin >= tx.Y || g.yMax <= tx.Y {
			t.Errorf("word %q %v %v pt: reader has %q at %.4f–%.4f mm, %.2f–%.2f; laid out at %.4f–%.4f, baseline %.2f",
				w, tx.Style, tx.Size, g.s, g.xMin, g.xMax, g.yMin, g.yMax, tx.X, tx.X+width, tx.Y)
		}
	}
}
