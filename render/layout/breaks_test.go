package layout

import (
	"slices"
	"strings"
	"testing"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/phrase"
)

// blockLines returns the lines of ts as read, one string a line.
func blockLines(ts []*Text) []string {
	var out []string
	for _, l := range byLine(ts) {
		out = append(out, lineText(l))
	}
	return out
}

// TestAgencyBreaks: the agency names of the header break between phrases,
// the unit and its name together ("ỦY BAN NHÂN DÂN / TỈNH BÀ RỊA - VŨNG
// TÀU", not "… TỈNH / BÀ RỊA - VŨNG TÀU"), and a name that fits stays on
// one line.
func TestAgencyBreaks(t *testing.T) {
	for _, c := range []struct {
		parent, agency string
		sizes          Sizes
		parentLines    []string
		agencyLines    []string
	}{
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÀ RỊA - VŨNG TÀU", ModelSizes(),
			[]string{"ỦY BAN NHÂN DÂN", "TỈNH BÀ RỊA - VŨNG TÀU"}, []string{"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TỈNH BÀ RỊA - VŨNG TÀU"}},
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÀ RỊA - VŨNG TÀU", DecreeSizes(),
			[]string{"ỦY BAN NHÂN DÂN", "TỈNH BÀ RỊA - VŨNG TÀU"}, []string{"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TỈNH BÀ RỊA - VŨNG TÀU"}},
		{"ỦY BAN NHÂN DÂN TỈNH VĨNH LONG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", ModelSizes(),
			[]string{"ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG"}, []string{"SỞ GIÁO DỤC VÀ ĐÀO TẠO"}},
		{"BỘ CÔNG AN", "CÔNG AN THÀNH PHỐ CẦN THƠ", DecreeSizes(),
			[]string{"BỘ CÔNG AN"}, []string{"CÔNG AN THÀNH PHỐ CẦN THƠ"}},
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HỒ CHÍ MINH", ModelSizes(),
			[]string{"ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"}, []string{"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "THÀNH PHỐ HỒ CHÍ MINH"}},
	} {
		d := sampleDoc(1, 0)
		d.Frame.Parent, d.Frame.Agency = c.parent, c.agency
		s := DefaultSettings()
		s.Sizes = c.sizes
		pg := layoutWith(t, d, s)[0]
		if got := blockLines(texts(pg, RoleParent)); !slices.Equal(got, c.parentLines) {
			t.Errorf("%q: %q, want %q", c.parent, got, c.parentLines)
		}
		if got := blockLines(texts(pg, RoleAgency)); !slices.Equal(got, c.agencyLines) {
			t.Errorf("%q: %q, want %q", c.agency, got, c.agencyLines)
		}
	}
}

// TestTitleBreaks: the trích yếu breaks into balanced lines at a comma or
// before a phrase, never inside a word or a year, and keeps clear of the
// margins: one that would run within a few millimetres of both becomes two
// lines (the Vĩnh Long example's, 0,9 mm from each), one that leaves room
// stays one.
func TestTitleBreaks(t *testing.T) {
	for _, c := range []struct {
		title string
		want  []string
	}{
		{"Tổng kết năm học 2022 - 2023, phương hướng, nhiệm vụ năm học 2023 - 2024",
			[]string{"Tổng kết năm học 2022 - 2023,", "phương hướng, nhiệm vụ năm học 2023 - 2024"}},
		{"Hội nghị tổng kết công tác Công an năm 2021, triển khai nhiệm vụ năm 2022",
			[]string{"Hội nghị tổng kết công tác Công an năm 2021,", "triển khai nhiệm vụ năm 2022"}},
		{"Tổng kết công tác Công an năm 2021, phương hướng, nhiệm vụ năm 2022",
			[]string{"Tổng kết công tác Công an năm 2021, phương hướng, nhiệm vụ năm 2022"}},
		{"Kết luận của đồng chí Giám đốc tại Hội nghị tổng kết công tác Công an năm 2021, triển khai nhiệm vụ năm 2022",
			[]string{"Kết luận của đồng chí Giám đốc tại Hội nghị tổng kết công tác Công an", "năm 2021, triển khai nhiệm vụ năm 2022"}},
		{"Tổng kết năm học 2023 - 2024 và phương hướng, nhiệm vụ năm học 2024 - 2025",
			[]string{"Tổng kết năm học 2023 - 2024 và phương hướng,", "nhiệm vụ năm học 2024 - 2025"}},
		{"Kết luận của Giám đốc Sở tại Hội nghị tổng kết năm học 2022 - 2023, triển khai nhiệm vụ năm học 2023 - 2024",
			[]string{"Kết luận của Giám đốc Sở tại Hội nghị tổng kết năm học 2022 - 2023,", "triển khai nhiệm vụ năm học 2023 - 2024"}},
	} {
		d := sampleDoc(1, 0)
		d.Frame.Title = c.title
		s := DefaultSettings()
		pg := layoutWith(t, d, s)[0]
		ts := texts(pg, RoleTitle)
		if got := blockLines(ts); !slices.Equal(got, c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.title, got, c.want)
		}
		for _, l := range byLine(ts) {
			x0, x1 := extent(l)
			if left, right := x0-s.Margins.Left, A4Width-s.Margins.Right-x1; min(left, right) < 2 {
				t.Errorf("%q: %.1f and %.1f mm from the margins", lineText(l), left, right)
			}
		}
	}
}

// TestAnnexHeadingBreaks: the annex title and its "(Kèm theo …)" line break
// at a comma or before a phrase, never inside a date, a document number or
// a name — the decree's own annex heading among them.
func TestAnnexHeadingBreaks(t *testing.T) {
	for _, c := range []struct {
		title, ref         string
		titleWant, refWant []string
	}{
		{"BẢNG CHỮ VIẾT TẮT TÊN LOẠI, MẪU TRÌNH BÀY VĂN BẢN HÀNH CHÍNH VÀ BẢN SAO VĂN BẢN",
			"(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)",
			[]string{"BẢNG CHỮ VIẾT TẮT TÊN LOẠI,", "MẪU TRÌNH BÀY VĂN BẢN HÀNH CHÍNH VÀ BẢN SAO VĂN BẢN"},
			[]string{"(Kèm theo Nghị định số 30/2020/NĐ-CP", "ngày 05 tháng 3 năm 2020 của Chính phủ)"}},
		{"KẾT QUẢ KỲ THI CHỌN HỌC SINH GIỎI QUỐC GIA TRUNG HỌC PHỔ THÔNG NĂM HỌC 2022 - 2023",
			"(Kèm theo Báo cáo số 1865/BC-SGDĐT ngày 28 tháng 8 năm 2023 của Sở Giáo dục và Đào tạo tỉnh Vĩnh Long)",
			[]string{"KẾT QUẢ KỲ THI CHỌN HỌC SINH GIỎI QUỐC GIA", "TRUNG HỌC PHỔ THÔNG NĂM HỌC 2022 - 2023"},
			[]string{"(Kèm theo Báo cáo số 1865/BC-SGDĐT ngày 28 tháng 8 năm 2023", "của Sở Giáo dục và Đào tạo tỉnh Vĩnh Long)"}},
		{"DANH SÁCH TẬP THỂ ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO",
			"(Kèm theo Báo cáo số 2145/BC-SGDĐT ngày 15 tháng 8 năm 2024 của Sở Giáo dục và Đào tạo tỉnh Bà Rịa - Vũng Tàu)",
			[]string{"DANH SÁCH TẬP THỂ ĐỀ NGHỊ TẶNG BẰNG KHEN", "CỦA BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO"},
			[]string{"(Kèm theo Báo cáo số 2145/BC-SGDĐT ngày 15 tháng 8 năm 2024", "của Sở Giáo dục và Đào tạo tỉnh Bà Rịa - Vũng Tàu)"}},
	} {
		d := sampleDoc(1, 0)
		d.Annexes = []document.Annex{{Label: "Phụ lục I", Title: c.title, Ref: c.ref, Body: []document.Block{&document.Paragraph{Runs: []document.Run{{Text: "./."}}}}}}
		pages := mustLayout(t, d)
		pg := pages[len(pages)-1]
		if got := blockLines(texts(pg, RoleAnnexTitle)); !slices.Equal(got, c.titleWant) {
			t.Errorf("title:\n got %q\nwant %q", got, c.titleWant)
		}
		if got := blockLines(texts(pg, RoleAnnexRef)); !slices.Equal(got, c.refWant) {
			t.Errorf("reference:\n got %q\nwant %q", got, c.refWant)
		}
	}
}

// TestRecipientBreaks: a Nơi nhận item that wraps keeps its words and its
// place names whole — no lone "phố;" — and takes no more lines than it
// must.
func TestRecipientBreaks(t *testing.T) {
	d := sampleDoc(1, 0)
	d.Frame.Recipients = []string{
		"- Các đơn vị thuộc Công an thành phố;",
		"- Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố;",
		"- Sở Giáo dục và Đào tạo tỉnh Bà Rịa - Vũng Tàu;",
		"- Lưu: VT, PV01.",
	}
	pages := mustLayout(t, d)
	var got []string
	for _, l := range byLine(texts(pages[len(pages)-1], RoleRecipient)) {
		got = append(got, lineText(l))
	}
	want := []string{
		"- Các đơn vị thuộc Công an", "thành phố;",
		"- Phòng Giáo dục và Đào tạo", "các huyện, thị xã, thành phố;",
		"- Sở Giáo dục và Đào tạo", "tỉnh Bà Rịa - Vũng Tàu;",
		"- Lưu: VT, PV01.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Nơi nhận:\n got %q\nwant %q", got, want)
	}
}

// TestTableCellBreaks: table cells — the header's centred, the others as
// their column sets them — break between words and keep names and years
// whole: "Năm học" over its years, never a line opening on the dash of
// "2021 - 2022", a school's name on a line of its own; and a cell takes no
// more lines than the fewest that hold it. Measured on the lines of cells
// as wide as the columns of the examples' tables.
func TestTableCellBreaks(t *testing.T) {
	e := &engine{fam: face.Default(), s: DefaultSettings(), level: -1}
	size := e.s.Sizes.Table
	for _, c := range []struct {
		text  string
		bold  bool
		width float64
		align align
		want  []string
	}{
		{"Năm học 2021 - 2022", true, 22, alignCenter, []string{"Năm học", "2021 - 2022"}},
		{"Năm học 2021 - 2022", true, 17, alignCenter, []string{"Năm học", "2021 -", "2022"}},
		{"Năm 2020", true, 12, alignCenter, []string{"Năm", "2020"}},
		{"Tỷ lệ (%)", true, 12, alignCenter, []string{"Tỷ lệ", "(%)"}},
		{"Số học sinh dự thi", true, 16, alignCenter, []string{"Số", "học sinh", "dự thi"}},
		{"Trường THPT Trương Định", false, 40, alignLeft, []string{"Trường THPT", "Trương Định"}},
		{"Trường Tiểu học Lê Hồng Phong", false, 40, alignLeft, []string{"Trường Tiểu học", "Lê Hồng Phong"}},
		{"Số người chết do tai nạn giao thông", false, 55, alignLeft, []string{"Số người chết do tai nạn", "giao thông"}},
		{"Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", false, 60, alignLeft,
			[]string{"Phòng An ninh mạng và phòng,", "chống tội phạm sử dụng", "công nghệ cao"}},
	} {
		ws := e.words(plain(c.text, c.bold, false), size)
		lines := e.breakLines(ws, shape{first: c.width, rest: c.width, align: c.align}, size)
		var got []string
		for _, l := range lines {
			var b strings.Builder
			for i, w := range l.words {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(w.text())
			}
			got = append(got, b.String())
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q in %v mm: %q, want %q", c.text, c.width, got, c.want)
		}
		if fewest := len(e.fill(ws, c.width, c.width, size)); len(lines) > fewest {
			t.Errorf("%q in %v mm: %d lines, %d hold it", c.text, c.width, len(lines), fewest)
		}
	}
}

// TestBodyKeepsFiguresWhole: a justified paragraph avoids ending a line
// inside a date, a year and what it counts, or a name, where a line with
// spaces at most doubled lets it: over the same text shifted word by word,
// it splits them a third as often as filling each line does, and a line
// is looser than that only when it is as full as it can be.
func TestBodyKeepsFiguresWhole(t *testing.T) {
	e := &engine{fam: face.Default(), s: DefaultSettings(), level: -1}
	s := e.flowShape(paraIndent, alignJustify)
	s.body = true
	var tx phrase.Text
	splits := func(ws []word, lines []line) (n int) {
		tx.Reset(len(ws), func(i int) string { return ws[i].text() }, false)
		end := 0
		for _, l := range lines[:len(lines)-1] {
			end += len(l.words)
			if b := tx.Break(end - 1); b == phrase.Count || b == phrase.Name || b >= phrase.Place {
				n++
			}
		}
		return n
	}
	filled, broken := 0, 0
	for n := range 40 {
		text := strings.Repeat("và ", n) + "Toàn ngành triển khai kế hoạch năm 2021 tại tỉnh Bà Rịa - Vũng Tàu theo đúng tiến độ, ngày 28 tháng 8 năm 2023 tổng kết tại thành phố Vũng Tàu, bảo đảm chất lượng và hiệu quả của Chương trình giáo dục phổ thông năm 2018."
		ws := e.words(plain(text, false, false), 14)
		lines := e.breakLines(ws, s, 14)
		filled += splits(ws, e.fill(ws, s.first, s.rest, 14))
		broken += splits(ws, lines)
		for i, l := range lines[:len(lines)-1] {
			_, m := s.line(i)
			next := lines[i+1].words[0]
			spaces := 0.0
			for _, w := range l.words[:len(l.words)-1] {
				spaces += w.space
			}
			if full := l.width+l.words[len(l.words)-1].space+next.width > m; !full && m-l.width > maxStretch*spaces+eps {
				t.Errorf("%d words before: line %d stretches its spaces %.1f times, though a word more would fit", n, i+1, (m-l.width)/spaces)
			}
		}
	}
	if broken*3 > filled {
		t.Errorf("%d lines end inside a date, a figure or a name, filling each line %d", broken, filled)
	}
	t.Logf("lines ending inside a date, a figure or a name: %d, filling each line %d", broken, filled)
}
