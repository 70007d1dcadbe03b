package phrase

import (
	"strings"
	"testing"
)

// breaks returns the breaks of every gap of s, split at its spaces.
func breaks(s string) (ws []string, bs []Break) {
	ws = strings.Fields(s)
	var t Text
	t.Reset(len(ws), func(i int) string { return ws[i] }, true)
	for i := range len(ws) - 1 {
		bs = append(bs, t.Break(i))
	}
	return ws, bs
}

// TestBreak: each gap named by the two words around it gets its class,
// among the texts of the examples, the issue and the decree's models.
func TestBreak(t *testing.T) {
	for _, c := range []struct {
		text, gap string
		want      Break
	}{
		// Agency names: the unit and its name stay together.
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "DÂN TỈNH", Phrase},
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "TỈNH BÀ", Place},
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "BÀ RỊA", Place},
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "RỊA -", Dash},
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "- VŨNG", Place},
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "VŨNG TÀU", Place},
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "ỦY BAN", Word},
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "BAN NHÂN", Word}, // ủy ban nhân dân
		{"CÔNG AN THÀNH PHỐ CẦN THƠ", "AN THÀNH", Phrase},
		{"CÔNG AN THÀNH PHỐ CẦN THƠ", "THÀNH PHỐ", Word},
		{"CÔNG AN THÀNH PHỐ CẦN THƠ", "PHỐ CẦN", Place},
		{"SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÀ RỊA - VŨNG TÀU", "TẠO TỈNH", Phrase},
		{"SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÀ RỊA - VŨNG TÀU", "DỤC VÀ", Phrase},
		{"SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÀ RỊA - VŨNG TÀU", "VÀ ĐÀO", Dangling},
		// Words of several syllables.
		{"Hội nghị tổng kết công tác Công an năm 2021", "công tác", Word},
		{"Hội nghị tổng kết công tác Công an năm 2021", "tác Công", Free},
		{"Hội nghị tổng kết công tác Công an năm 2021", "an năm", Phrase},
		{"Tổng kết năm học 2023 - 2024 và phương hướng, nhiệm vụ", "phương hướng,", Word},
		{"việc làm cho 640 học viên./.", "học viên./.", Word}, // the end mark closes the word
		{"Tổng kết năm học 2023 - 2024 và phương hướng, nhiệm vụ", "hướng, nhiệm", Clause},
		{"Tổng kết năm học 2023 - 2024 và phương hướng, nhiệm vụ", "2024 và", Phrase},
		{"Tổng kết năm học 2023 - 2024 và phương hướng, nhiệm vụ", "và phương", Dangling},
		{"- Các đơn vị thuộc Công an thành phố;", "thành phố;", Word},
		{"- Các đơn vị thuộc Công an thành phố;", "an thành", Free}, // "an thành" is a word too
		{"Số học sinh dự thi", "Số học", Free},                      // "số học" too
		{"Số học sinh dự thi", "học sinh", Word},
		{"- Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố;", "các huyện,", Dangling},
		{"- Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố;", "thị xã,", Word},
		{"- Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố;", "Phòng Giáo", Name},
		// Dates, years and ranges.
		{"năm học 2022 - 2023", "học 2022", Count},
		{"năm học 2022 - 2023", "2022 -", Dash},
		{"năm học 2022 - 2023", "- 2023", Figure},
		{"ngày 28 tháng 8 năm 2023 của Sở", "ngày 28", Figure},
		{"ngày 28 tháng 8 năm 2023 của Sở", "28 tháng", Figure},
		{"ngày 28 tháng 8 năm 2023 của Sở", "8 năm", Figure},
		{"ngày 28 tháng 8 năm 2023 của Sở", "năm 2023", Figure},
		{"ngày 28 tháng 8 năm 2023 của Sở", "2023 của", Phrase},
		{"số 1865/BC-SGDĐT ngày 28 tháng 8", "1865/BC-SGDĐT ngày", Phrase},
		{"(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)", "số 30/2020/NĐ-CP", Count},
		{"(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)", "tháng 3", Figure},
		{"(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)", "30/2020/NĐ-CP ngày", Phrase},
		{"Tổng kết công tác Công an năm 2021, phương hướng", "năm 2021,", Count},
		{"số liệu đến tháng 8/2023", "tháng 8/2023", Count},
		{"(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)", "(Kèm theo", Word},
		{"(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)", "Chính phủ)", Word},
		{"vào lúc 08 giờ 30 ngày", "08 giờ", Figure},
		{"Phần II", "Phần II", Count},
		{"đại biểu Quốc hội khóa XV", "khóa XV", Count},
		// Names.
		{"Thiếu tướng Nguyễn Văn Thuận", "Nguyễn Văn", Name},
		{"Thiếu tướng Nguyễn Văn Thuận", "tướng Nguyễn", Free},
		{"Giải Khuyến khích", "Giải Khuyến", Name},
		{"Giải Khuyến khích", "Khuyến khích", Word},
		{"Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "Rịa -", Dash},
		{"Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "Vũng Tàu", Place},
		{"thành phố Vũng Tàu", "phố Vũng", Place},
		{"Sở Giáo dục và Đào tạo", "Sở Giáo", Name},
		{"Ủy ban nhân dân tỉnh Vĩnh Long", "tỉnh Vĩnh", Place},
		{"Ủy ban nhân dân tỉnh Vĩnh Long", "dân tỉnh", Phrase},
		{"tại phường 5", "phường 5", Place},
		// Punctuation.
		{"(Chữ ký của người có thẩm quyền, dấu/chữ ký số của cơ quan, tổ chức)", "quyền, dấu/chữ", Clause},
		{"Thường trực Thành ủy (để báo cáo);", "ủy (để", Clause},
		{"hoàn thành xuất sắc 03 mục tiêu:", "xuất sắc", Word},
	} {
		ws, bs := breaks(c.text)
		pair := strings.Fields(c.gap)
		found := false
		for i := range bs {
			if ws[i] == pair[0] && ws[i+1] == pair[1] {
				found = true
				if bs[i] != c.want {
					t.Errorf("%q in %q: %v, want %v", c.gap, c.text, bs[i], c.want)
				}
			}
		}
		if !found {
			t.Errorf("%q not in %q", c.gap, c.text)
		}
	}
}

// TestBreakOutside: a text of one word, or none, has no break to ask
// about, and words outside the text join nothing.
func TestBreakOutside(t *testing.T) {
	var tx Text
	tx.Reset(1, func(int) string { return "phương" }, true)
	if b := tx.Break(0); b != Free {
		t.Errorf("after the last word: %v, want free", b)
	}
	tx.Reset(0, nil, true)
	if b := tx.Break(-1); b != Free {
		t.Errorf("in an empty text: %v, want free", b)
	}
}
