package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/report"
)

// sampleDoc is a document with every kind of block, long enough to run
// over several pages.
func sampleDoc(paragraphs, tableRows int) *document.Document {
	d := &document.Document{
		Slug: "bao-cao",
		Frame: document.Frame{
			Parent:     "BỘ CÔNG AN",
			Agency:     "CÔNG AN THÀNH PHỐ CẦN THƠ",
			Number:     "Số: 15/BC-CAT",
			PlaceDate:  "Cần Thơ, ngày 15 tháng 01 năm 2022",
			KindName:   "BÁO CÁO",
			Title:      "Tổng kết công tác Công an năm 2021, phương hướng, nhiệm vụ năm 2022",
			Recipients: []string{"- Bộ Công an (để báo cáo);", "- Lưu: VT, PV01."},
			Signature:  document.Signature{Authority: "KT. GIÁM ĐỐC", Position: "PHÓ GIÁM ĐỐC", Name: "Đại tá Trần Văn An"},
		},
	}
	d.Body = append(d.Body, &document.Heading{Level: 1, Label: "Phần I", Runs: []document.Run{{Text: "KẾT QUẢ CÔNG TÁC"}}})
	d.Body = append(d.Body, &document.Heading{Level: 2, Label: "I.", Runs: []document.Run{{Text: "ĐẶC ĐIỂM TÌNH HÌNH"}}})
	for i := range paragraphs {
		d.Body = append(d.Body, &document.Paragraph{Runs: []document.Run{
			{Text: fmt.Sprintf("Đoạn %d: năm 2021, Công an thành phố Cần Thơ đã ", i+1)},
			{Text: "hoàn thành xuất sắc", Bold: true},
			{Text: " 03 mục tiêu: vừa tham gia phòng, chống dịch Covid-19, vừa bảo đảm an ninh, trật tự, giữ vững ổn định chính trị xã hội, yên ổn lòng dân."},
		}})
	}
	tab := &document.Table{Align: []document.Align{document.AlignCenter, document.AlignLeft, document.AlignRight}}
	for _, h := range []string{"STT", "Chỉ tiêu", "Năm 2021"} {
		tab.Header = append(tab.Header, document.Cell{Runs: []document.Run{{Text: h}}})
	}
	for i := range tableRows {
		tab.Rows = append(tab.Rows, []document.Cell{
			{Runs: []document.Run{{Text: fmt.Sprint(i + 1)}}},
			{Runs: []document.Run{{Text: "Số vụ tai nạn giao thông trên địa bàn thành phố"}}},
			{Runs: []document.Run{{Text: "1.234"}}},
		})
	}
	d.Body = append(d.Body, tab, &document.Paragraph{Runs: []document.Run{{Text: "Kết thúc báo cáo./."}}})
	return d
}

func mustLayout(t *testing.T, d *document.Document) []*Page {
	t.Helper()
	pages, err := Layout(d, face.Default(), DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func texts(pg *Page, role Role) []*Text {
	var out []*Text
	for _, it := range pg.Items {
		if t, ok := it.(*Text); ok && t.Role == role {
			out = append(out, t)
		}
	}
	return out
}

func rules(pg *Page, role Role) []*Rule {
	var out []*Rule
	for _, it := range pg.Items {
		if r, ok := it.(*Rule); ok && r.Role == role {
			out = append(out, r)
		}
	}
	return out
}

// extent returns the leftmost and rightmost x of texts.
func extent(ts []*Text) (x0, x1 float64) {
	x0, x1 = math.Inf(1), math.Inf(-1)
	for _, t := range ts {
		x0 = min(x0, t.X)
		x1 = max(x1, t.X+t.Width)
	}
	return x0, x1
}

func joined(ts []*Text) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(t.S)
	}
	return b.String()
}

// lineText is the text of ts as read: each line's pieces joined, the lines
// joined by a space, runs of spaces collapsed.
func lineText(ts []*Text) string {
	var lines []string
	for i, x := range ts {
		if i == 0 || x.Y != ts[i-1].Y {
			lines = append(lines, "")
		}
		lines[len(lines)-1] += x.S
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

const eps = 0.01 // mm

// TestHeaderItems checks font, size and style of each header and closing
// element against nd30.md §2, in both size profiles: the decree's examples
// (decree) and its model files (model: Quốc hiệu 13, Tiêu ngữ 14, agencies
// 13, date 14).
func TestHeaderItems(t *testing.T) {
	for _, p := range []struct {
		name  string
		sizes Sizes
		// Quốc hiệu, Tiêu ngữ, agencies, date
		qh, tn, ag, date float64
	}{
		{"decree", DecreeSizes(), 12, 13, 12, 13},
		{"model", ModelSizes(), 13, 14, 13, 14},
	} {
		s := DefaultSettings()
		s.Sizes = p.sizes
		pages, err := Layout(sampleDoc(1, 0), face.Default(), s)
		if err != nil {
			t.Fatal(err)
		}
		pg := pages[len(pages)-1]
		for _, c := range []struct {
			role  Role
			text  string
			style face.Style
			size  float64
		}{
			{RoleQuocHieu, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", face.Bold, p.qh},
			{RoleTieuNgu, "Độc lập - Tự do - Hạnh phúc", face.Bold, p.tn},
			{RoleParent, "BỘ CÔNG AN", face.Regular, p.ag},
			{RoleAgency, "CÔNG AN THÀNH PHỐ CẦN THƠ", face.Bold, p.ag},
			{RoleNumber, "Số: 15/BC-CAT", face.Regular, 13},
			{RoleDate, "Cần Thơ, ngày 15 tháng 01 năm 2022", face.Italic, p.date},
			{RoleKind, "BÁO CÁO", face.Bold, 14},
			{RoleTitle, "Tổng kết công tác Công an năm 2021, phương hướng, nhiệm vụ năm 2022", face.Bold, 14},
			{RoleAuthority, "KT. GIÁM ĐỐC", face.Bold, 14},
			{RolePosition, "PHÓ GIÁM ĐỐC", face.Bold, 14},
			{RoleSigner, "Đại tá Trần Văn An", face.Bold, 14},
			{RoleNoiNhan, "Nơi nhận:", face.BoldItalic, 12},
			{RoleRecipient, "- Bộ Công an (để báo cáo); - Lưu: VT, PV01.", face.Regular, 11},
		} {
			ts := texts(pg, c.role)
			if got := lineText(ts); got != c.text {
				t.Errorf("%s %s: text %q, want %q", p.name, c.role, got, c.text)
			}
			for _, x := range ts {
				if x.Style != c.style || x.Size != c.size {
					t.Errorf("%s %s: %q in style %q size %v, want %q %v", p.name, c.role, x.S, x.Style, x.Size, c.style, c.size)
				}
			}
		}
	}
}

// TestHeaderGeometry measures the placement rules of the header.
func TestHeaderGeometry(t *testing.T) {
	pg := mustLayout(t, sampleDoc(1, 0))[0]
	s := DefaultSettings()
	baseline := func(r Role) float64 { return texts(pg, r)[0].Y }
	if baseline(RoleQuocHieu) != baseline(RoleParent) {
		t.Errorf("Quốc hiệu baseline %v, chủ quản %v: want one row", baseline(RoleQuocHieu), baseline(RoleParent))
	}
	if baseline(RoleNumber) != baseline(RoleDate) {
		t.Errorf("Số baseline %v, date %v: must share a baseline", baseline(RoleNumber), baseline(RoleDate))
	}
	if top := baseline(RoleQuocHieu) - face.Default().Face(face.Bold).Ascent(12); math.Abs(top-s.Margins.Top) > eps {
		t.Errorf("header starts %v mm from the top, want the top margin %v", top, s.Margins.Top)
	}

	// Items of one column share a centre; the left and right columns split
	// the text width.
	centre := func(r Role) float64 { x0, x1 := extent(texts(pg, r)); return (x0 + x1) / 2 }
	for _, group := range [][]Role{{RoleParent, RoleAgency, RoleNumber}, {RoleQuocHieu, RoleTieuNgu, RoleDate}, {RoleKind, RoleTitle}} {
		for _, r := range group[1:] {
			if d := math.Abs(centre(r) - centre(group[0])); d > 0.05 {
				t.Errorf("%s is centred %.2f mm off %s", r, d, group[0])
			}
		}
	}
	if c, want := centre(RoleKind), s.Margins.Left+(A4Width-s.Margins.Left-s.Margins.Right)/2; math.Abs(c-want) > 0.05 {
		t.Errorf("tên loại centred at %v, want the text width's centre %v", c, want)
	}
	if centre(RoleAgency) >= centre(RoleQuocHieu) {
		t.Error("agency column must be left of the Quốc hiệu column")
	}
	for _, ts := range [][]*Text{texts(pg, RoleQuocHieu), texts(pg, RoleAgency)} {
		x0, x1 := extent(ts)
		if x0 < s.Margins.Left-eps || x1 > A4Width-s.Margins.Right+eps {
			t.Errorf("%q runs into the margin: %v–%v", joined(ts), x0, x1)
		}
	}

	// The rules: under the Tiêu ngữ exactly its width; under the agency and
	// the trích yếu 1/3–1/2 of the text, centred; all below their text.
	for _, c := range []struct {
		role     Role
		min, max float64
	}{{RoleTieuNgu, 1, 1}, {RoleAgency, 1.0 / 3, 0.5}, {RoleTitle, 1.0 / 3, 0.5}} {
		rs := rules(pg, c.role)
		if len(rs) != 1 {
			t.Fatalf("%s: %d rules, want 1", c.role, len(rs))
		}
		r, ts := rs[0], texts(pg, c.role)
		widest := 0.0
		byLine := map[float64][]*Text{}
		for _, x := range ts {
			byLine[x.Y] = append(byLine[x.Y], x)
		}
		for _, l := range byLine {
			x0, x1 := extent(l)
			widest = max(widest, x1-x0)
		}
		ratio := (r.X2 - r.X1) / widest
		if ratio < c.min-1e-3 || ratio > c.max+1e-3 {
			t.Errorf("%s rule is %.3f of the text width, want %.3f–%.3f", c.role, ratio, c.min, c.max)
		}
		if d := math.Abs((r.X1+r.X2)/2 - centre(c.role)); d > 0.05 {
			t.Errorf("%s rule is %.2f mm off centre", c.role, d)
		}
		if r.Y1 != r.Y2 || r.Y1 <= ts[len(ts)-1].Y {
			t.Errorf("%s rule at y %v must be level and below the baseline %v", c.role, r.Y1, ts[len(ts)-1].Y)
		}
	}
}

func TestPageNumbers(t *testing.T) {
	pages := mustLayout(t, sampleDoc(40, 60))
	if len(pages) < 3 {
		t.Fatalf("sample laid out on %d pages, want at least 3", len(pages))
	}
	s := DefaultSettings()
	if n := texts(pages[0], RolePageNumber); len(n) != 0 {
		t.Errorf("page 1 carries a number %q", n[0].S)
	}
	for i, pg := range pages[1:] {
		n := texts(pg, RolePageNumber)
		if len(n) != 1 || n[0].S != fmt.Sprint(i+2) {
			t.Fatalf("page %d: numbers %v, want one %q", i+2, n, fmt.Sprint(i+2))
		}
		x := n[0]
		if x.Y >= s.Margins.Top || x.Y-face.Default().Face(face.Regular).Ascent(x.Size) <= 0 {
			t.Errorf("page %d: number baseline %v is not inside the top margin (%v mm)", i+2, x.Y, s.Margins.Top)
		}
		if c := x.X + x.Width/2; math.Abs(c-(s.Margins.Left+(A4Width-s.Margins.Left-s.Margins.Right)/2)) > 0.05 {
			t.Errorf("page %d: number centred at %v", i+2, c)
		}
		if x.Size < 13 || x.Size > 14 || x.Style != face.Regular {
			t.Errorf("page %d: number in %q %v pt, want upright 13–14 pt", i+2, x.Style, x.Size)
		}
	}
}

// TestBodyParagraphs checks justification, the first-line indent and that
// nothing is set outside the text area.
func TestBodyParagraphs(t *testing.T) {
	pages := mustLayout(t, sampleDoc(30, 0))
	s := DefaultSettings()
	left, right := s.Margins.Left, A4Width-s.Margins.Right
	lines := map[[2]float64][]*Text{} // page, baseline
	for pi, pg := range pages {
		for _, x := range texts(pg, RoleBody) {
			if x.Size != 14 {
				t.Fatalf("body text %q at %v pt, want 14", x.S, x.Size)
			}
			if x.Y > A4Height-s.Margins.Bottom || x.Y < s.Margins.Top {
				t.Errorf("page %d: body baseline %v outside the text area", pi+1, x.Y)
			}
			k := [2]float64{float64(pi), x.Y}
			lines[k] = append(lines[k], x)
		}
	}
	var indented, justified int
	for k, ts := range lines {
		x0, x1 := extent(ts)
		if x0 < left-eps || x1 > right+eps {
			t.Errorf("page %v line at %v runs %v–%v, outside %v–%v", k[0]+1, k[1], x0, x1, left, right)
		}
		if math.Abs(x0-(left+12.7)) < eps {
			indented++
		}
		if math.Abs(x1-right) < eps {
			justified++
		}
	}
	// Each paragraph has 3 lines here: one indented first line, two full
	// lines flush with both margins, and a ragged last line.
	if indented != 31 || justified < 30 {
		t.Errorf("%d indented first lines (want 31), %d lines flush right (want ≥ 30)", indented, justified)
	}
}

func TestTableHeaderRepeats(t *testing.T) {
	pages := mustLayout(t, sampleDoc(2, 120))
	var tablePages int
	for i, pg := range pages {
		ts := texts(pg, RoleTable)
		if len(ts) == 0 {
			continue
		}
		tablePages++
		// Items are in drawing order: a page's table begins with its header.
		first := ts[0]
		if !strings.HasPrefix(first.S, "STT") || first.Style != face.Bold {
			t.Errorf("page %d: table starts with %q (%q), want the bold header STT", i+1, first.S, first.Style)
		}
		for _, r := range rules(pg, RoleTableRule) {
			if r.Y2 > A4Height-DefaultSettings().Margins.Bottom+eps {
				t.Errorf("page %d: table border at %v below the bottom margin", i+1, r.Y2)
			}
		}
	}
	if tablePages < 2 {
		t.Fatalf("table on %d pages; the test needs one that crosses a page", tablePages)
	}
}

// TestClosingBlock: Nơi nhận level with the authority line, sizes and
// styles per nd30.md §2, all on one page.
func TestClosingBlock(t *testing.T) {
	for n := 1; n <= 24; n++ {
		pages := mustLayout(t, sampleDoc(n, 0))
		var page = -1
		for i, pg := range pages {
			for _, r := range []Role{RoleNoiNhan, RoleRecipient, RoleAuthority, RolePosition, RoleSigner} {
				if len(texts(pg, r)) > 0 {
					if page >= 0 && page != i {
						t.Fatalf("%d paragraphs: closing block split over pages %d and %d", n, page+1, i+1)
					}
					page = i
				}
			}
		}
		pg := pages[page]
		if len(texts(pg, RoleBody)) == 0 {
			t.Errorf("%d paragraphs: the closing block stands alone on page %d", n, page+1)
		}
		label, auth := texts(pg, RoleNoiNhan)[0], texts(pg, RoleAuthority)[0]
		if label.Y != auth.Y {
			t.Errorf("%d paragraphs: Nơi nhận baseline %v, authority %v", n, label.Y, auth.Y)
		}
		if label.Style != face.BoldItalic || label.Size != 12 {
			t.Errorf("Nơi nhận in %q %v", label.Style, label.Size)
		}
		if r := texts(pg, RoleRecipient)[0]; r.Size != 11 || r.Style != face.Regular {
			t.Errorf("recipients in %q %v, want regular 11", r.Style, r.Size)
		}
		if label.X != DefaultSettings().Margins.Left {
			t.Errorf("Nơi nhận at x %v, want flush left", label.X)
		}
		signer := texts(pg, RoleSigner)[0]
		if gap := signer.Y - texts(pg, RolePosition)[0].Y; gap < 20 {
			t.Errorf("only %v mm for the signature", gap)
		}
	}
}

func TestMissingGlyphReported(t *testing.T) {
	d := sampleDoc(1, 0)
	d.Body = append(d.Body, &document.Paragraph{Runs: []document.Run{{Text: "Biểu tượng ☎ và ✓"}}})
	_, err := Layout(d, face.Default(), DefaultSettings())
	errs, ok := err.(report.Errors)
	if !ok || len(errs) != 2 {
		t.Fatalf("got %v, want two errors, one per missing character", err)
	}
	for i, r := range []string{"U+260E", "U+2713"} {
		if !strings.Contains(errs[i].Msg, r) {
			t.Errorf("error %q does not name %s", errs[i].Msg, r)
		}
	}
}

// TestOverlongWordIsCut: a word wider than the line (a pasted URL, a
// 300-character token) is cut, never set into the margin.
func TestOverlongWordIsCut(t *testing.T) {
	d := sampleDoc(0, 0)
	d.Body = append(d.Body, &document.Paragraph{Runs: []document.Run{{Text: strings.Repeat("Nguyễn", 60)}}})
	pages := mustLayout(t, d)
	right := A4Width - DefaultSettings().Margins.Right
	var got strings.Builder
	for _, pg := range pages {
		for _, x := range texts(pg, RoleBody) {
			if x.X+x.Width > right+eps {
				t.Errorf("%q ends at %v, past %v", x.S, x.X+x.Width, right)
			}
			got.WriteString(strings.TrimSpace(x.S))
		}
	}
	if !strings.Contains(got.String(), strings.Repeat("Nguyễn", 60)) {
		t.Error("cutting the word lost characters")
	}
}

// TestBalancedAgency: a long agency name wraps into even lines centred in
// its column, not a full line and a lone word.
func TestBalancedAgency(t *testing.T) {
	d := sampleDoc(1, 0)
	d.Frame.Agency = "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÀ RỊA - VŨNG TÀU"
	pg := mustLayout(t, d)[0]
	byLine := map[float64]float64{}
	for _, x := range texts(pg, RoleAgency) {
		byLine[x.Y] += x.Width
	}
	if len(byLine) != 2 {
		t.Fatalf("agency on %d lines, want 2", len(byLine))
	}
	var ws []float64
	for _, w := range byLine {
		ws = append(ws, w)
	}
	if r := min(ws[0], ws[1]) / max(ws[0], ws[1]); r < 0.6 {
		t.Errorf("agency lines %.1f and %.1f mm: unbalanced", ws[0], ws[1])
	}
}

// TestHeadingKeepsWithNext: no page ends on a heading; it moves to the
// page of the text it introduces.
func TestHeadingKeepsWithNext(t *testing.T) {
	for n := 1; n <= 12; n++ {
		d := sampleDoc(0, 0)
		for i := range 8 {
			d.Body = append(d.Body, &document.Heading{Level: 3, Label: fmt.Sprint(i+1) + ".", Runs: []document.Run{{Text: "Công tác bảo đảm an ninh quốc gia"}}})
			for range n {
				d.Body = append(d.Body, &document.Paragraph{Runs: []document.Run{{Text: "Chủ động nắm chắc tình hình từ sớm, từ xa, từ cơ sở, không để bị động, bất ngờ."}}})
			}
		}
		for pi, pg := range mustLayout(t, d) {
			var last *Text
			for _, it := range pg.Items {
				if x, ok := it.(*Text); ok && (x.Role == RoleBody || x.Role == RoleHeading) && (last == nil || x.Y > last.Y) {
					last = x
				}
			}
			if last != nil && last.Role == RoleHeading {
				t.Errorf("%d paragraphs per heading: page %d ends on the heading %q", n, pi+1, last.S)
			}
		}
	}
}
