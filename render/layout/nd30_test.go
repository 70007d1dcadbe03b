package layout

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/picture"
)

// nd30Coverage maps each rule of nd30.md §1–5 to the tests that measure it
// on laid-out pages (or, for text the layout only places, where that text
// is made). Tests of other packages are written "pkg.TestName".
// TestND30Coverage fails when a named test does not exist.
var nd30Coverage = []struct {
	section, rule string
	tests         []string
}{
	{"§1", "A4 210 × 297 mm portrait", []string{"TestMargins"}},
	{"§1", "landscape only for the pages of a wide table (annexes)", []string{"TestAnnexPages"}},
	{"§1", "margins T 20–25, B 20–25, L 30–35, R 15–20 mm, used as set", []string{"TestMargins"}},
	{"§1", "margins outside the ranges are input errors", []string{"load.TestErrors"}},
	{"§1", "Unicode font with Times New Roman's metrics, embedded", []string{"pdf.TestFontNames", "render.TestPDFFontsEmbedded"}},
	{"§1", "page numbers Arabic, 13–14 pt, upright, centred in the top margin; none on page 1", []string{"TestPageNumbers"}},
	{"§1", "each annex restarts its page numbering", []string{"TestAnnexPages"}},
	{"§2", "two size profiles, chosen in the YAML (decree 12/13, model 13/14)", []string{"TestHeaderItems", "render.TestSettingsProfile"}},
	{"§2", "Quốc hiệu upper, bold, top right, on one line", []string{"TestHeaderItems", "TestHeaderGeometry", "TestHeaderFits"}},
	{"§2", "Tiêu ngữ bold, centred under the Quốc hiệu, rule exactly its width", []string{"TestHeaderItems", "TestHeaderGeometry"}},
	{"§2", "cơ quan chủ quản upper, not bold, top left", []string{"TestHeaderItems", "TestHeaderGeometry"}},
	{"§2", "cơ quan ban hành bold, centred, wraps inside its column, rule 1/3–1/2", []string{"TestHeaderGeometry", "TestBalancedAgency", "TestAgencyBreaks", "TestHeaderFits"}},
	{"§2", "Số 13 pt upright, same baseline as the date; numbers below 10 padded", []string{"TestHeaderItems", "TestHeaderGeometry", "document.TestFrame"}},
	{"§2", "địa danh, ngày tháng italic, centred under the Tiêu ngữ", []string{"TestHeaderItems", "TestHeaderGeometry"}},
	{"§2", "tên loại bold, centred", []string{"TestHeaderItems", "TestHeaderGeometry"}},
	{"§2", "trích yếu bold, centred, rule 1/3–1/2 of its width", []string{"TestHeaderItems", "TestHeaderGeometry", "TestTitleBreaks"}},
	{"§2", "body justified, first-line indent 1.27 cm", []string{"TestBodyParagraphs"}},
	{"§2", "≥ 6 pt between paragraphs, single line spacing", []string{"TestParagraphSpacing"}},
	{"§2", "căn cứ lines: not in the model — a báo cáo has none", nil},
	{"§2", "the body ends with ./.", []string{"document.TestEndMark", "TestAnnexPages"}},
	{"§2", "quyền hạn and chức vụ bold, centred in the right column; TM., Q., KT., TL., TUQ.", []string{"TestAuthorities", "document.TestSignature"}},
	{"§2", "signature image centred between chức vụ and name; seal at real size over its left third", []string{"TestSignatureImages", "TestPictureResolution"}},
	{"§2", "họ tên bold, centred under the chức vụ, after the space for the signature", []string{"TestClosingBlock", "TestAuthorities"}},
	{"§2", "Kính gửi: one on the label's line; several one per line, dashes under the colon", []string{"TestKinhGui", "document.TestKinhGuiText"}},
	{"§2", "Nơi nhận: 12 pt bold italic, flush left, level with the quyền hạn line", []string{"TestClosingBlock", "TestAuthorities"}},
	{"§2", "recipient list 11 pt, \"- …;\", the last \"- Lưu: VT, ….\"", []string{"TestClosingBlock", "TestRecipientBreaks", "document.TestRecipients"}},
	{"§2", "KHẨN / THƯỢNG KHẨN / HỎA TỐC, MẬT: bold 13–14 pt in a single-line box", []string{"TestStamps"}},
	{"§2", "the closing block stays on one page, with the body's last lines", []string{"TestClosingBlock", "TestSignatureImages"}},
	{"§3", "dates pad days below 10 and months 1 and 2 only", []string{"viet.TestDateDayPadding", "viet.TestDateMonthPadding", "document.TestFrame"}},
	{"§4", "Phần I bold centred + CAPITALS title; I. CAPITALS bold; 1. bold; a) plain; - and + lists; all at body size", []string{"TestHeadingHierarchy", "document.TestHeadingNumbering", "document.TestParseBodyLists"}},
	{"§4", "bold and italic runs of the Markdown keep their style", []string{"TestHeadingHierarchy", "document.TestParseBodyInline"}},
	{"§4", "tables: columns fit the text width, cells wrap, header repeated on each page", []string{"TestTableHeaderRepeats", "TestTableRowSplits", "TestTableCellBreaks"}},
	{"§4", "tables: a tall row splits between lines across pages; a giant row ends", []string{"TestTableRowSplits"}},
	{"§5", "annex pages: no national header; Phụ lục I 14 pt bold centred; TITLE bold; (Kèm theo …) italic; short rule; ./.", []string{"TestAnnexPages", "TestAnnexHeadingBreaks", "document.TestAnnexes"}},
	{"§5", "annexes numbered I, II, III; each on new pages; landscape when a table is too wide", []string{"TestAnnexPages", "document.TestAnnexes"}},
	{"§6", "biên bản (Mẫu 1.9): no date line; THƯ KÝ left, CHỦ TỌA right, where the model's table puts them; Nơi nhận under them", []string{"TestMinutesClosing", "TestMinutesModel"}},
	{"PDF", "outline (bookmarks) from the headings and the annexes", []string{"TestOutline", "pdf.TestImagesAndOutline"}},
	{"PL I", "chữ ký số: the signer's image centred between chức vụ and name; the agency's seal at real size over its left third, with the agency and the signing time (ISO 8601, +07:00)", []string{"TestSignatureBoxes", "sign.TestTwoSignaturesVerified"}},
	{"PL I", "chữ ký số on a separate attachment: no image, the number and ký hiệu and the signing time, 10 pt upright, top right of page 1", []string{"sign.TestAttachmentLook"}},
}

// TestND30Coverage keeps the table honest: every test it names exists.
func TestND30Coverage(t *testing.T) {
	defined := map[string]bool{}
	dirs := map[string]string{"": ".", "document": "../document", "load": "../load", "pdf": "../pdf", "render": "..", "sign": "../sign", "viet": "../viet"}
	for pkg, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range file.Decls {
				if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Test") {
					defined[strings.TrimPrefix(pkg+"."+fn.Name.Name, ".")] = true
				}
			}
		}
	}
	for _, c := range nd30Coverage {
		for _, name := range c.tests {
			if !defined[name] {
				t.Errorf("%s %q: no test %s", c.section, c.rule, name)
			}
		}
	}
}

// layoutWith lays d out with s, failing the test on error.
func layoutWith(t *testing.T, d *document.Document, s Settings) []*Page {
	t.Helper()
	pages, err := Layout(d, face.Default(), s)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// textTop is the top of a text's line box: its baseline less the ascent.
func textTop(x *Text) float64 { return x.Y - face.Default().Face(face.Regular).Ascent(x.Size) }

// centreOf is the centre of the horizontal extent of ts.
func centreOf(ts []*Text) float64 { x0, x1 := extent(ts); return (x0 + x1) / 2 }

// byLine groups ts by baseline, in order.
func byLine(ts []*Text) [][]*Text {
	var out [][]*Text
	for i, x := range ts {
		if i == 0 || x.Y != ts[i-1].Y {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], x)
	}
	return out
}

// TestMargins: every item but the page number stays inside the margins
// the settings give, the body reaches both side margins, and pages are A4
// portrait.
func TestMargins(t *testing.T) {
	for _, m := range []Margins{
		{Top: 20, Bottom: 20, Left: 30, Right: 15},
		{Top: 25, Bottom: 25, Left: 35, Right: 20},
		{Top: 22.5, Bottom: 21, Left: 32, Right: 18},
	} {
		s := DefaultSettings()
		s.Margins = m
		pages := layoutWith(t, sampleDoc(30, 40), s)
		left, right, top, bottom := m.Left, A4Width-m.Right, m.Top, A4Height-m.Bottom
		var touchL, touchR bool
		for pi, pg := range pages {
			if pg.Width != A4Width || pg.Height != A4Height {
				t.Errorf("%v page %d: %v × %v mm, want A4 portrait", m, pi+1, pg.Width, pg.Height)
			}
			for _, it := range pg.Items {
				switch it := it.(type) {
				case *Text:
					if it.Role == RolePageNumber {
						continue
					}
					if it.X < left-eps || it.X+it.Width > right+eps || textTop(it) < top-eps || it.Y > bottom+eps {
						t.Errorf("%v page %d: %q at (%.2f, %.2f) outside the margins", m, pi+1, it.S, it.X, it.Y)
					}
					if it.Role == RoleBody {
						touchL = touchL || math.Abs(it.X-left) < eps
						touchR = touchR || math.Abs(it.X+it.Width-right) < eps
					}
				case *Rule:
					if min(it.X1, it.X2) < left-eps || max(it.X1, it.X2) > right+eps || min(it.Y1, it.Y2) < top-eps || max(it.Y1, it.Y2) > bottom+eps {
						t.Errorf("%v page %d: rule %+v outside the margins", m, pi+1, *it)
					}
				}
			}
		}
		if !touchL || !touchR {
			t.Errorf("%v: the body does not reach both margins (left %v, right %v)", m, touchL, touchR)
		}
	}
}

// TestHeaderFits: in both profiles and at the extreme margins, the Quốc
// hiệu and the date stay on one line inside the page, the columns do not
// meet, and a long agency name wraps inside its column, every line centred
// on one axis.
func TestHeaderFits(t *testing.T) {
	for _, sizes := range []Sizes{DecreeSizes(), ModelSizes()} {
		for _, m := range []Margins{{Top: 20, Bottom: 20, Left: 30, Right: 15}, {Top: 25, Bottom: 25, Left: 35, Right: 20}} {
			for _, agency := range []string{"CÔNG AN THÀNH PHỐ CẦN THƠ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÀ RỊA - VŨNG TÀU"} {
				name := fmt.Sprintf("QH %v, L %v R %v, %s", sizes.QuocHieu, m.Left, m.Right, agency)
				d := sampleDoc(1, 0)
				d.Frame.Parent = "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU"
				d.Frame.Agency = agency
				d.Frame.PlaceDate = "Bà Rịa - Vũng Tàu, ngày 15 tháng 01 năm 2022"
				pg := layoutWith(t, d, Settings{Margins: m, Sizes: sizes})[0]
				qh := texts(pg, RoleQuocHieu)
				if n := len(byLine(qh)); n != 1 {
					t.Errorf("%s: Quốc hiệu on %d lines", name, n)
				}
				if w := face.Default().Face(face.Bold).Width(quocHieu, 13); sizes.QuocHieu == 13 && (w < 95 || w > 96.5) {
					t.Errorf("Quốc hiệu at 13 pt is %.1f mm, expected about 95.7", w)
				}
				if n := len(byLine(texts(pg, RoleDate))); n != 1 {
					t.Errorf("%s: date on %d lines", name, n)
				}
				_, leftEnd := extent(slices.Concat(texts(pg, RoleParent), texts(pg, RoleAgency), texts(pg, RoleNumber)))
				rightStart, rightEnd := extent(slices.Concat(qh, texts(pg, RoleTieuNgu), texts(pg, RoleDate)))
				if leftEnd > rightStart-eps || rightEnd > A4Width-m.Right+eps {
					t.Errorf("%s: left column ends at %.1f, right column spans %.1f–%.1f", name, leftEnd, rightStart, rightEnd)
				}
				c := centreOf(texts(pg, RoleAgency))
				for _, l := range byLine(slices.Concat(texts(pg, RoleParent), texts(pg, RoleAgency))) {
					if d := math.Abs(centreOf(l) - c); d > 0.05 {
						t.Errorf("%s: line %q centred %.2f mm off the column", name, lineText(l), d)
					}
				}
			}
		}
	}
}

// TestParagraphSpacing measures single line spacing (1.15 em for Times New
// Roman metrics) inside paragraphs and at least 6 pt more between them.
func TestParagraphSpacing(t *testing.T) {
	pages := mustLayout(t, sampleDoc(20, 0))
	left := DefaultSettings().Margins.Left
	lh := 14 * 1.15 * face.PtToMM
	var inside, between int
	for pi, pg := range pages {
		lines := byLine(texts(pg, RoleBody))
		for i := 1; i < len(lines); i++ {
			gap := lines[i][0].Y - lines[i-1][0].Y
			x0, _ := extent(lines[i])
			if math.Abs(x0-(left+12.7)) < eps { // a paragraph's first line
				between++
				if gap < lh+6*face.PtToMM-eps {
					t.Errorf("page %d: %.2f mm between paragraphs, want ≥ %.2f", pi+1, gap, lh+6*face.PtToMM)
				}
				continue
			}
			inside++
			if math.Abs(gap-lh) > eps {
				t.Errorf("page %d: lines %.2f mm apart, want %.2f (single spacing)", pi+1, gap, lh)
			}
		}
	}
	if inside < 20 || between < 10 {
		t.Fatalf("measured %d line gaps and %d paragraph gaps: too few", inside, between)
	}
}

// TestHeadingHierarchy measures nd30.md §4 on the page: Phần I and its
// title bold and centred on two lines, I. and 1. bold, a) plain, all at
// body size; list items start with their marker; bold and italic runs
// keep their style.
func TestHeadingHierarchy(t *testing.T) {
	d := sampleDoc(0, 0)
	d.Body = []document.Block{
		&document.Heading{Level: 1, Label: "Phần I", Runs: []document.Run{{Text: "KẾT QUẢ CÔNG TÁC"}}},
		&document.Heading{Level: 2, Label: "I.", Runs: []document.Run{{Text: "ĐẶC ĐIỂM TÌNH HÌNH"}}},
		&document.Heading{Level: 3, Label: "1.", Runs: []document.Run{{Text: "Công tác bảo đảm an ninh"}}},
		&document.Heading{Level: 4, Label: "a)", Runs: []document.Run{{Text: "Tội phạm về trật tự xã hội"}}},
		&document.Paragraph{Runs: []document.Run{{Text: "Đạt "}, {Text: "03 mục tiêu", Bold: true}, {Text: " trong "}, {Text: "năm thứ 2", Italic: true}, {Text: " liên tiếp."}}},
		&document.Paragraph{Marker: "-", Runs: []document.Run{{Text: "vừa phòng, chống dịch;"}}},
		&document.Paragraph{Marker: "+", Runs: []document.Run{{Text: "tội phạm công nghệ cao."}}},
	}
	pg := mustLayout(t, d)[0]
	s := DefaultSettings()
	mid := s.Margins.Left + (A4Width-s.Margins.Left-s.Margins.Right)/2
	lines := byLine(texts(pg, RoleHeading))
	if len(lines) != 5 {
		t.Fatalf("%d heading lines, want 5", len(lines))
	}
	for i, c := range []struct {
		text           string
		style          face.Style
		centred, inset bool
	}{
		{"Phần I", face.Bold, true, false},
		{"KẾT QUẢ CÔNG TÁC", face.Bold, true, false},
		{"I. ĐẶC ĐIỂM TÌNH HÌNH", face.Bold, false, true},
		{"1. Công tác bảo đảm an ninh", face.Bold, false, true},
		{"a) Tội phạm về trật tự xã hội", face.Regular, false, true},
	} {
		l := lines[i]
		if got := lineText(l); got != c.text {
			t.Errorf("heading line %d: %q, want %q", i+1, got, c.text)
		}
		for _, x := range l {
			if x.Style != c.style || x.Size != 14 {
				t.Errorf("%q: %q %v pt, want %q 14 pt", c.text, x.Style, x.Size, c.style)
			}
		}
		if x0, _ := extent(l); c.inset && math.Abs(x0-(s.Margins.Left+12.7)) > eps {
			t.Errorf("%q starts at %.2f, want the paragraph indent", c.text, x0)
		}
		if c.centred && math.Abs(centreOf(l)-mid) > 0.05 {
			t.Errorf("%q centred at %.2f, want %.2f", c.text, centreOf(l), mid)
		}
	}
	styles := map[string]face.Style{}
	for _, x := range texts(pg, RoleBody) {
		for _, w := range strings.Fields(x.S) { // a text may hold words of one style
			styles[w] = x.Style
		}
	}
	for w, st := range map[string]face.Style{"03": face.Bold, "mục": face.Bold, "năm": face.Italic, "Đạt": face.Regular} {
		if styles[w] != st {
			t.Errorf("%q set in %q, want %q", w, styles[w], st)
		}
	}
	body := byLine(texts(pg, RoleBody))
	for _, m := range []string{"-", "+"} {
		found := false
		for _, l := range body {
			found = found || strings.HasPrefix(l[0].S, m+" ")
		}
		if !found {
			t.Errorf("no line starts with the list marker %q", m)
		}
	}
}

// closingFrame is sampleDoc's frame signed under a given authority.
func closingFrame(authority, position string) *document.Document {
	d := sampleDoc(2, 0)
	d.Frame.Signature = document.Signature{Authority: authority, Position: position, Name: "Nguyễn Văn Thuận"}
	return d
}

// TestAuthorities: under each authority prefix the signing lines are bold
// 14 pt, centred on one axis in the signature column — the right part of
// the text width after a Nơi nhận column of 53–64 mm — in the order
// authority, position, name; Nơi nhận is level with the first line.
func TestAuthorities(t *testing.T) {
	s := DefaultSettings()
	for _, c := range []struct{ authority, position string }{
		{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"},
		{"Q. GIÁM ĐỐC", ""},
		{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"},
		{"TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"},
		{"TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG THAM MƯU"},
	} {
		pages := mustLayout(t, closingFrame(c.authority, c.position))
		pg := pages[len(pages)-1]
		auth, pos, name := texts(pg, RoleAuthority), texts(pg, RolePosition), texts(pg, RoleSigner)
		if lineText(auth) != c.authority || lineText(pos) != c.position || lineText(name) != "Nguyễn Văn Thuận" {
			t.Errorf("%s: lines %q / %q / %q", c.authority, lineText(auth), lineText(pos), lineText(name))
			continue
		}
		lo := (s.Margins.Left + 53 + A4Width - s.Margins.Right) / 2
		hi := (s.Margins.Left + 64 + A4Width - s.Margins.Right) / 2
		axis := centreOf(auth)
		if axis < lo || axis > hi {
			t.Errorf("%s: signature column centred at %.1f, want %.1f–%.1f", c.authority, axis, lo, hi)
		}
		for _, ts := range [][]*Text{auth, pos, name} {
			for _, x := range ts {
				if x.Style != face.Bold || x.Size != 14 {
					t.Errorf("%s: %q in %q %v pt", c.authority, x.S, x.Style, x.Size)
				}
			}
			if len(ts) > 0 && math.Abs(centreOf(ts)-axis) > 0.05 {
				t.Errorf("%s: %q off the column's axis", c.authority, lineText(ts))
			}
		}
		last := auth[0].Y
		if len(pos) > 0 {
			if pos[0].Y <= last {
				t.Errorf("%s: position above the authority line", c.authority)
			}
			last = pos[0].Y
		}
		if name[0].Y-last < 20 {
			t.Errorf("%s: %.1f mm for the signature, want ≥ 20", c.authority, name[0].Y-last)
		}
		if nn := texts(pg, RoleNoiNhan); len(nn) == 0 || nn[0].Y != auth[0].Y {
			t.Errorf("%s: Nơi nhận not level with the authority line", c.authority)
		}
	}
}

// testPNG encodes a w × h PNG; dpm > 0 adds a pHYs chunk of dpm dots per
// metre, and deep makes it 16 bits per channel.
func testPNG(t *testing.T, w, h int, dpm uint32, deep bool) []byte {
	t.Helper()
	var img image.Image
	if deep {
		m := image.NewNRGBA64(image.Rect(0, 0, w, h))
		m.Set(w/2, h/2, color.NRGBA64{R: 0xffff, A: 0x8000})
		img = m
	} else {
		m := image.NewNRGBA(image.Rect(0, 0, w, h))
		m.Set(w/2, h/2, color.NRGBA{B: 200, A: 255})
		img = m
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if dpm == 0 {
		return data
	}
	body := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, dpm), dpm)
	body = append(body, 1)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	chunk = append(chunk, "pHYs"...)
	chunk = append(chunk, body...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	const afterIHDR = 8 + 25
	return slices.Concat(data[:afterIHDR], chunk, data[afterIHDR:])
}

func images(pg *Page, role Role) []*Image {
	var out []*Image
	for _, it := range pg.Items {
		if im, ok := it.(*Image); ok && im.Role == role {
			out = append(out, im)
		}
	}
	return out
}

// TestSignatureImages: the signature image is centred in the space between
// the chức vụ and the name, its aspect kept; the seal is printed at its
// real size (36 mm when the file does not say) with its right edge a third
// of the way into the signature; the block stays on one page, inside the
// page's margins.
func TestSignatureImages(t *testing.T) {
	sig := testPNG(t, 600, 200, 0, false)
	for _, c := range []struct {
		name     string
		seal     []byte
		sealSize float64
	}{
		{"seal without resolution", testPNG(t, 400, 400, 0, false), 36},
		{"seal of 40 mm at 10 dots/mm", testPNG(t, 400, 400, 10000, false), 40},
		{"seal claiming 141 mm (72 dpi default)", testPNG(t, 400, 400, 2835, false), 36},
		{"16-bit seal", testPNG(t, 300, 300, 0, true), 36},
	} {
		for n := 1; n <= 24; n += 23 {
			d := sampleDoc(n, 0)
			d.Frame.SignatureImage, d.Frame.Seal = sig, c.seal
			pages := mustLayout(t, d)
			pg := pages[len(pages)-1]
			si, se := images(pg, RoleSignImage), images(pg, RoleSeal)
			if len(si) != 1 || len(se) != 1 {
				t.Fatalf("%s: %d signature and %d seal images on the last page", c.name, len(si), len(se))
			}
			im, seal := si[0], se[0]
			pos, name := texts(pg, RolePosition)[0], texts(pg, RoleSigner)[0]
			if im.Y < pos.Y || im.Y+im.H > textTop(name) {
				t.Errorf("%s: signature %.1f–%.1f outside the space %.1f–%.1f", c.name, im.Y, im.Y+im.H, pos.Y, textTop(name))
			}
			if math.Abs((im.Y+im.H/2)-(pos.Y+textTop(name))/2) > 2 {
				t.Errorf("%s: signature not centred in the space", c.name)
			}
			if math.Abs(im.X+im.W/2-centreOf(texts(pg, RoleSigner))) > 0.05 {
				t.Errorf("%s: signature not centred on the name", c.name)
			}
			if math.Abs(im.W/im.H-3) > 1e-6 {
				t.Errorf("%s: signature %.1f × %.1f mm, aspect 3:1 lost", c.name, im.W, im.H)
			}
			if math.Abs(seal.W-c.sealSize) > 0.01 || math.Abs(seal.H-c.sealSize) > 0.01 {
				t.Errorf("%s: seal %.2f × %.2f mm, want %v", c.name, seal.W, seal.H, c.sealSize)
			}
			if math.Abs(seal.X+seal.W-(im.X+im.W/3)) > 0.01 {
				t.Errorf("%s: seal's right edge at %.2f, want a third into the signature (%.2f)", c.name, seal.X+seal.W, im.X+im.W/3)
			}
			if math.Abs((seal.Y+seal.H/2)-(im.Y+im.H/2)) > 0.01 {
				t.Errorf("%s: seal not level with the signature", c.name)
			}
			s := DefaultSettings()
			if seal.Y < s.Margins.Top || seal.Y+seal.H > A4Height-s.Margins.Bottom {
				t.Errorf("%s, %d paragraphs: seal %.1f–%.1f leaves the text area", c.name, n, seal.Y, seal.Y+seal.H)
			}
			if len(texts(pg, RoleBody)) == 0 || len(texts(pg, RoleNoiNhan)) == 0 {
				t.Errorf("%s, %d paragraphs: the block left the body or its Nơi nhận", c.name, n)
			}
		}
	}
	d := sampleDoc(1, 0)
	d.Frame.Seal = []byte("\x89PNG\r\n\x1a\nnot really")
	if _, err := Layout(d, face.Default(), DefaultSettings()); err == nil || !strings.Contains(err.Error(), "seal_image") {
		t.Errorf("a damaged seal image gave %v, want an error naming seal_image", err)
	}
}

// TestKinhGui: one addressee is set on the label's line, centred; several
// are set one per line, their dashes under the label's colon, the block
// centred on the text width; all between the trích yếu and the body.
func TestKinhGui(t *testing.T) {
	s := DefaultSettings()
	mid := s.Margins.Left + (A4Width-s.Margins.Left-s.Margins.Right)/2
	for _, items := range [][]string{
		{"Bộ Công an."},
		{"- Bộ Công an;", "- Thường trực Thành ủy Cần Thơ;", "- Ủy ban nhân dân thành phố."},
	} {
		d := sampleDoc(1, 0)
		d.Frame.KinhGui = items
		pg := mustLayout(t, d)[0]
		lines := byLine(texts(pg, RoleKinhGui))
		for _, x := range texts(pg, RoleKinhGui) {
			if x.Style != face.Regular || x.Size != 14 {
				t.Errorf("%q in %q %v pt, want regular 14", x.S, x.Style, x.Size)
			}
		}
		if rs := rules(pg, RoleTitle); len(rs) == 0 || textTop(lines[0][0]) < rs[0].Y1 {
			t.Error("Kính gửi is not below the trích yếu rule")
		}
		if body := texts(pg, RoleBody); len(body) == 0 || textTop(body[0]) < lines[len(lines)-1][0].Y {
			t.Error("Kính gửi is not above the body")
		}
		if len(items) == 1 {
			if len(lines) != 1 || lineText(lines[0]) != "Kính gửi: Bộ Công an." {
				t.Errorf("one addressee: %d lines, %q", len(lines), lineText(lines[0]))
			}
			if c := centreOf(lines[0]); math.Abs(c-mid) > 0.05 {
				t.Errorf("one addressee centred at %.2f, want %.2f", c, mid)
			}
			continue
		}
		if len(lines) != len(items)+1 || lineText(lines[0]) != "Kính gửi:" {
			t.Fatalf("several addressees: %d lines starting %q", len(lines), lineText(lines[0]))
		}
		colon := lines[0][0].X + face.Default().Face(face.Regular).Width("Kính gửi", 14)
		for i, l := range lines[1:] {
			if lineText(l) != items[i] || math.Abs(l[0].X-colon) > eps {
				t.Errorf("line %q at %.2f, want %q under the colon at %.2f", lineText(l), l[0].X, items[i], colon)
			}
		}
		if c := centreOf(texts(pg, RoleKinhGui)); math.Abs(c-mid) > 0.05 {
			t.Errorf("the block is centred at %.2f, want %.2f", c, mid)
		}
	}
}

// TestStamps: độ khẩn and độ mật are bold 13–14 pt on one line in a box of
// the decree's sizes (20, 30, 40 × 8 mm), centred under the Số, độ mật
// first, clear of each other and of the tên loại.
func TestStamps(t *testing.T) {
	for _, c := range []struct {
		urgency, secrecy string
		width            float64 // of the urgency box, per the decree
	}{
		{"KHẨN", "", 20}, {"HỎA TỐC", "", 30}, {"THƯỢNG KHẨN", "MẬT", 40}, {"", "TỐI MẬT", 0},
	} {
		d := sampleDoc(1, 0)
		d.Frame.Urgency, d.Frame.Secrecy = c.urgency, c.secrecy
		pg := mustLayout(t, d)[0]
		num := texts(pg, RoleNumber)
		bottom := num[0].Y
		for _, st := range []struct {
			text  string
			role  Role
			width float64
		}{{c.secrecy, RoleSecrecy, 0}, {c.urgency, RoleUrgency, c.width}} {
			ts, rs := texts(pg, st.role), rules(pg, st.role)
			if st.text == "" {
				if len(ts)+len(rs) != 0 {
					t.Errorf("%q: a %s stamp that was not asked for", st.text, st.role)
				}
				continue
			}
			if lineText(ts) != st.text || len(byLine(ts)) != 1 {
				t.Errorf("%s: %q on %d lines", st.role, lineText(ts), len(byLine(ts)))
			}
			for _, x := range ts {
				if x.Style != face.Bold || x.Size < 13 || x.Size > 14 {
					t.Errorf("%s: %q in %q %v pt", st.role, x.S, x.Style, x.Size)
				}
			}
			if len(rs) != 4 {
				t.Fatalf("%s: %d rules, want a box of 4", st.role, len(rs))
			}
			x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
			for _, r := range rs {
				x0, x1 = min(x0, r.X1, r.X2), max(x1, r.X1, r.X2)
				y0, y1 = min(y0, r.Y1, r.Y2), max(y1, r.Y1, r.Y2)
			}
			tx0, tx1 := extent(ts)
			if tx0 <= x0 || tx1 >= x1 || textTop(ts[0]) <= y0 || ts[0].Y >= y1 {
				t.Errorf("%s: text %.1f–%.1f / %.1f not inside its box %.1f–%.1f × %.1f–%.1f", st.role, tx0, tx1, ts[0].Y, x0, x1, y0, y1)
			}
			if math.Abs(y1-y0-8) > eps || (st.width > 0 && math.Abs(x1-x0-st.width) > 2.5) {
				t.Errorf("%s: box %.1f × %.1f mm, want %v × 8", st.role, x1-x0, y1-y0, st.width)
			}
			if math.Abs((x0+x1)/2-centreOf(num)) > 0.05 {
				t.Errorf("%s: box centred at %.2f, Số at %.2f", st.role, (x0+x1)/2, centreOf(num))
			}
			if y0 <= bottom {
				t.Errorf("%s: box top %.1f above the line before it (%.1f)", st.role, y0, bottom)
			}
			bottom = y1
		}
		if kind := texts(pg, RoleKind); textTop(kind[0]) <= bottom {
			t.Errorf("%q/%q: tên loại top %.1f above the last stamp's bottom %.1f", c.urgency, c.secrecy, textTop(kind[0]), bottom)
		}
	}
}

// tallTable is a table of rows rows whose row tall has a cell of n lines:
// each of its words is wider than half the column, so it takes a line.
func tallTable(rows, tall, n int) *document.Table {
	tab := &document.Table{Align: []document.Align{document.AlignCenter, document.AlignLeft, document.AlignRight}}
	for _, h := range []string{"STT", "Nội dung", "Số liệu"} {
		tab.Header = append(tab.Header, document.Cell{Runs: []document.Run{{Text: h}}})
	}
	for i := range rows {
		text := "Trường Tiểu học Nguyễn Trãi"
		if i == tall {
			var ws []string
			for j := range n {
				ws = append(ws, fmt.Sprintf("dòng%03d%s", j, strings.Repeat("m", 30)))
			}
			text = strings.Join(ws, " ")
		}
		tab.Rows = append(tab.Rows, []document.Cell{
			{Runs: []document.Run{{Text: fmt.Sprint(i + 1)}}},
			{Runs: []document.Run{{Text: text}}},
			{Runs: []document.Run{{Text: "1.234"}}},
		})
	}
	return tab
}

// TestTableRowSplits: a row taller than the rest of the page splits
// between lines of its cells and goes on under the repeated header; each
// part keeps at least two lines; short rows never split; a row taller than
// a page ends after a few pages instead of looping; nothing crosses the
// bottom margin and the table spans exactly the text width. The tall row
// is moved down the page paragraph by paragraph to meet every position.
func TestTableRowSplits(t *testing.T) {
	s := DefaultSettings()
	left, right, bottom := s.Margins.Left, A4Width-s.Margins.Right, A4Height-s.Margins.Bottom
	for _, n := range []int{12, 150} {
		splits := 0
		for paras := range 14 {
			name := fmt.Sprintf("%d-line row after %d paragraphs", n, paras)
			d := sampleDoc(paras, 0)
			d.Body = append(d.Body, tallTable(30, 2, n))
			pages := mustLayout(t, d)
			var lines []string
			tallPages := 0
			rowPages := map[string]int{}
			for pi, pg := range pages {
				ts := texts(pg, RoleTable)
				if len(ts) > 0 && !strings.HasPrefix(ts[0].S, "STT") {
					t.Errorf("%s: page %d: table part starts with %q, not the header", name, pi+1, ts[0].S)
				}
				part := 0
				for _, x := range ts {
					if strings.HasPrefix(x.S, "dòng") {
						lines = append(lines, x.S[:len("dòng000")])
						part++
					}
					if x.X < left-eps || x.X+x.Width > right+eps || x.Y > bottom+eps {
						t.Errorf("%s: page %d: %q at (%.1f, %.1f) outside the text area", name, pi+1, x.S, x.X, x.Y)
					}
					if strings.Trim(x.S, "0123456789") == "" && x.Style == face.Regular {
						rowPages[x.S]++ // the row's number, printed once per part
					}
				}
				if part > 0 {
					tallPages++
					if part < splitMin {
						t.Errorf("%s: page %d holds %d line(s) of the tall row", name, pi+1, part)
					}
				}
				for _, r := range rules(pg, RoleTableRule) {
					if max(r.Y1, r.Y2) > bottom+eps {
						t.Errorf("%s: page %d: border at %.1f below the bottom margin", name, pi+1, max(r.Y1, r.Y2))
					}
				}
				if rs := rules(pg, RoleTableRule); len(rs) > 0 {
					x0, x1 := math.Inf(1), math.Inf(-1)
					for _, r := range rs {
						x0, x1 = min(x0, r.X1, r.X2), max(x1, r.X1, r.X2)
					}
					if math.Abs(x0-left) > eps || math.Abs(x1-right) > eps {
						t.Errorf("%s: page %d: table spans %.1f–%.1f, want the text width %.1f–%.1f", name, pi+1, x0, x1, left, right)
					}
				}
			}
			if len(lines) != n {
				t.Fatalf("%s: %d lines of the tall row printed, want %d", name, len(lines), n)
			}
			for i, l := range lines {
				if l != fmt.Sprintf("dòng%03d", i) {
					t.Fatalf("%s: line %d of the tall row is %q: order lost", name, i+1, l)
				}
			}
			for row, k := range rowPages {
				if k > 1 && row != "3" {
					t.Errorf("%s: the short row %s was split", name, row)
				}
			}
			if tallPages > 1 {
				splits++
			}
		}
		if splits == 0 || (n == 150 && splits != 14) {
			t.Errorf("%d-line row split in %d of 14 positions", n, splits)
		}
	}
}

// annexDoc is sampleDoc with two annexes: Phụ lục I a long table that fits
// a portrait page, Phụ lục II a table of fourteen number columns.
func annexDoc() *document.Document {
	d := sampleDoc(14, 0)
	narrow := tallTable(70, -1, 0)
	wide := &document.Table{}
	for i := range 14 {
		wide.Header = append(wide.Header, document.Cell{Runs: []document.Run{{Text: fmt.Sprintf("Cột %d", i+1)}}})
		wide.Align = append(wide.Align, document.AlignRight)
	}
	for range 5 {
		var row []document.Cell
		for range 14 {
			row = append(row, document.Cell{Runs: []document.Run{{Text: "123.456"}}})
		}
		wide.Rows = append(wide.Rows, row)
	}
	ref := "(Kèm theo Báo cáo số 15/BC-CAT ngày 15 tháng 01 năm 2022 của CÔNG AN THÀNH PHỐ CẦN THƠ)"
	end := &document.Paragraph{Runs: []document.Run{{Text: "./."}}}
	d.Annexes = []document.Annex{
		{Label: "Phụ lục I", Title: "DANH SÁCH CÁC TRƯỜNG", Ref: ref, Body: []document.Block{
			&document.Paragraph{Runs: []document.Run{{Text: "Số liệu đến ngày 31 tháng 12 năm 2021."}}}, narrow, end}},
		{Label: "Phụ lục II", Title: "SỐ LIỆU THEO ĐƠN VỊ", Ref: ref, Body: []document.Block{wide, end}},
	}
	return d
}

// TestAnnexPages measures nd30.md §5: each annex starts a page with no
// national or agency header, its heading block — Phụ lục 14 pt bold
// centred, the title bold centred, the reference italic centred, a short
// rule — its own page numbers from 2, landscape pages for a table too wide
// for portrait, and the content ending with ./.
func TestAnnexPages(t *testing.T) {
	pages := mustLayout(t, annexDoc())
	s := DefaultSettings()
	starts := map[string]int{}
	for i, pg := range pages {
		if l := texts(pg, RoleAnnexLabel); len(l) > 0 {
			starts[lineText(l)] = i
		}
	}
	first, second := starts["Phụ lục I"], starts["Phụ lục II"]
	if first < 2 || second <= first+1 {
		t.Fatalf("annexes start on pages %d and %d of %d; Phụ lục I needs two pages", first+1, second+1, len(pages))
	}
	for _, a := range []struct {
		start, end int
		landscape  bool
	}{{first, second, false}, {second, len(pages), true}} {
		pg := pages[a.start]
		w := pg.Width - s.Margins.Left - s.Margins.Right
		mid := s.Margins.Left + w/2
		for _, r := range []Role{RoleQuocHieu, RoleTieuNgu, RoleParent, RoleAgency, RoleNumber, RoleDate, RoleKind} {
			for _, p := range pages[a.start:a.end] {
				if len(texts(p, r)) > 0 {
					t.Errorf("annex page carries the %s", r)
				}
			}
		}
		label, title, ref := texts(pg, RoleAnnexLabel), texts(pg, RoleAnnexTitle), texts(pg, RoleAnnexRef)
		if math.Abs(textTop(label[0])-s.Margins.Top) > eps {
			t.Errorf("%s starts %.2f mm down, want the top margin", lineText(label), textTop(label[0]))
		}
		for _, c := range []struct {
			ts    []*Text
			style face.Style
		}{{label, face.Bold}, {title, face.Bold}, {ref, face.Italic}} {
			for _, x := range c.ts {
				if x.Style != c.style || x.Size != 14 {
					t.Errorf("%s: %q in %q %v pt, want %q 14", lineText(label), x.S, x.Style, x.Size, c.style)
				}
			}
			if math.Abs(centreOf(c.ts)-mid) > 0.05 {
				t.Errorf("%s: %q not centred", lineText(label), lineText(c.ts))
			}
		}
		if !(label[0].Y < title[0].Y && title[0].Y < ref[0].Y) {
			t.Errorf("%s: heading block out of order", lineText(label))
		}
		rs := rules(pg, RoleAnnexRef)
		x0, x1 := extent(title)
		if len(rs) != 1 || rs[0].Y1 <= ref[len(ref)-1].Y || rs[0].X2-rs[0].X1 > (x1-x0)/2+eps || math.Abs((rs[0].X1+rs[0].X2)/2-mid) > 0.05 {
			t.Errorf("%s: want one short centred rule under the reference, got %+v", lineText(label), rs)
		}
		for i, p := range pages[a.start:a.end] {
			if (p.Width > p.Height) != a.landscape {
				t.Errorf("%s page %d: %v × %v mm, landscape %v", lineText(label), i+1, p.Width, p.Height, a.landscape)
			}
			n := texts(p, RolePageNumber)
			if i == 0 && len(n) > 0 || i > 0 && (len(n) != 1 || n[0].S != fmt.Sprint(i+1)) {
				t.Errorf("%s page %d numbered %q", lineText(label), i+1, lineText(n))
			}
		}
		last := texts(pages[a.end-1], RoleBody)
		if len(last) == 0 || strings.TrimSpace(last[len(last)-1].S) != "./." {
			t.Errorf("%s does not end with ./.", lineText(label))
		}
	}
	if n := texts(pages[1], RolePageNumber); len(n) != 1 || n[0].S != "2" {
		t.Errorf("the document's own page 2 is numbered %q", lineText(n))
	}
}

// TestOutline: the headings and annexes are marked in the outline with
// their numbers, at the top of their first line, nested one level at a
// time from level 0.
func TestOutline(t *testing.T) {
	d := annexDoc()
	d.Body = slices.Insert(d.Body, 2, document.Block(&document.Heading{Level: 3, Label: "1.", Runs: []document.Run{{Text: "Công tác bảo đảm an ninh"}}}))
	d.Annexes[0].Body = slices.Insert(d.Annexes[0].Body, 0, document.Block(&document.Heading{Level: 2, Label: "I.", Runs: []document.Run{{Text: "TRƯỜNG CÔNG LẬP"}}}))
	pages := mustLayout(t, d)
	type got struct {
		level int
		title string
	}
	var marks []got
	prev := -1
	for _, pg := range pages {
		for _, m := range pg.Marks {
			marks = append(marks, got{m.Level, m.Title})
			if m.Level > prev+1 || m.Level < 0 {
				t.Errorf("mark %q at level %d after level %d", m.Title, m.Level, prev)
			}
			prev = m.Level
			found := false
			for _, x := range pg.Items {
				if x, ok := x.(*Text); ok && math.Abs(textTop(x)-m.Y) < eps && strings.HasPrefix(m.Title, strings.TrimSpace(x.S)) {
					found = true
				}
			}
			if !found {
				t.Errorf("mark %q at y %.2f: no text of it starts there", m.Title, m.Y)
			}
		}
	}
	want := []got{
		{0, "Phần I. KẾT QUẢ CÔNG TÁC"}, {1, "I. ĐẶC ĐIỂM TÌNH HÌNH"}, {2, "1. Công tác bảo đảm an ninh"},
		{0, "Phụ lục I. DANH SÁCH CÁC TRƯỜNG"}, {1, "I. TRƯỜNG CÔNG LẬP"},
		{0, "Phụ lục II. SỐ LIỆU THEO ĐƠN VỊ"},
	}
	if !slices.Equal(marks, want) {
		t.Errorf("outline\n got %v\nwant %v", marks, want)
	}

	// A body whose first heading is "I." starts the outline at level 0.
	d = sampleDoc(0, 0)
	d.Annexes = nil
	d.Body = []document.Block{&document.Heading{Level: 2, Label: "I.", Runs: []document.Run{{Text: "KẾT QUẢ"}}}, &document.Paragraph{Runs: []document.Run{{Text: "Nội dung."}}}}
	if m := mustLayout(t, d)[0].Marks; len(m) != 1 || m[0].Level != 0 {
		t.Errorf("outline of a body without Phần: %+v", m)
	}
}

// jfif returns a JPEG of w × h pixels whose JFIF header gives density in
// the unit (1 dots per inch, 2 per cm).
func jfif(t *testing.T, w, h int, unit byte, density uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	app0 := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, unit}
	app0 = binary.BigEndian.AppendUint16(binary.BigEndian.AppendUint16(app0, density), density)
	app0 = append(app0, 0, 0)
	return slices.Concat(data[:2], app0, data[2:])
}

// TestPictureResolution: the printed size of an image comes from its
// file's resolution, in either unit, or is unknown.
func TestPictureResolution(t *testing.T) {
	for _, c := range []struct {
		name   string
		data   []byte
		format picture.Format
		w      float64 // mm; 0 when the file gives no size
	}{
		{"PNG without pHYs", testPNG(t, 400, 200, 0, false), picture.PNG, 0},
		{"PNG at 10 dots/mm", testPNG(t, 400, 200, 10000, false), picture.PNG, 40},
		{"JPEG without JFIF density", jfif(t, 300, 100, 0, 72), picture.JPEG, 0},
		{"JPEG at 300 dpi", jfif(t, 300, 100, 1, 300), picture.JPEG, 25.4},
		{"JPEG at 100 dots/cm", jfif(t, 300, 100, 2, 100), picture.JPEG, 30},
	} {
		p, err := picture.Read(c.data)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		w, h, ok := p.Size()
		if p.Format != c.format || ok != (c.w > 0) || math.Abs(w-c.w) > 1e-6 || (ok && math.Abs(w/h-float64(p.Width)/float64(p.Height)) > 1e-9) {
			t.Errorf("%s: %s %.2f × %.2f mm (known %v), want %s %v mm wide", c.name, p.Format, w, h, ok, c.format, c.w)
		}
		// Fitted into a box larger than its real size, it keeps that size.
		if fw, _ := fit(p, 1000, 1000); ok && math.Abs(fw-c.w) > 1e-6 {
			t.Errorf("%s: fitted %.2f mm wide, want its real %v", c.name, fw, c.w)
		}
	}
}
