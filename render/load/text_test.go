package load

import (
	"strings"
	"testing"
)

// TestInvisibleText checks that the characters a clerk cannot see are
// dropped where they change nothing, and refused at their place where the
// YAML parser or the printed text would differ from what the editor shows.
func TestInvisibleText(t *testing.T) {
	refused := []struct {
		name, old, new, at, want string
	}{
		{"zero-width space only", "  name: CÔNG AN THÀNH PHỐ CẦN THƠ", "  name: \u200B\u200B", "name: ‸\u200B",
			`"name" chỉ có dấu cách hoặc ký tự không nhìn thấy (U+200B), nên in ra sẽ là chỗ trống`},
		{"joiners and word joiner only", "  place: Cần Thơ", "  place: \u200D\u200C\u2060", "place: ‸\u200D",
			`"place" chỉ có dấu cách hoặc ký tự không nhìn thấy (U+200D)`},
		{"byte-order mark inside", "      name: Nguyễn Văn Sơn", "      name: \uFEFF", "name: ‸\uFEFF",
			`"name" chỉ có dấu cách hoặc ký tự không nhìn thấy (U+FEFF)`},
		{"no-break spaces only", "  title: Tổng kết công tác Công an năm 2021", "  title: \"\u00A0\u00A0\"", "title: ‸\"\u00A0",
			`"title" chỉ có dấu cách hoặc ký tự không nhìn thấy (U+00A0)`},
		{"spaces only, quoted", "  place: Cần Thơ", `  place: "   "`, `place: ‸" `, `"place" chỉ có dấu cách, nên`},
		{"em space and soft hyphen", "        - Thứ trưởng Bộ Công an", "        - \u2003\u00AD", "- ‸\u2003",
			`mục thứ 1 của "titles" chỉ có dấu cách hoặc ký tự không nhìn thấy (U+2003)`},
		{"line separator", "  place: Cần Thơ", "  place: Cần\u2028Thơ", "Cần‸\u2028",
			"tệp có ký tự xuống dòng lạ (U+2028, LINE SEPARATOR)"},
		{"paragraph separator", "  place: Cần Thơ", "  place: Cần\u2029Thơ", "Cần‸\u2029",
			"tệp có ký tự xuống dòng lạ (U+2029, PARAGRAPH SEPARATOR)"},
		{"next line", "  place: Cần Thơ", "  place: Cần\u0085Thơ", "Cần‸\u0085", "tệp có ký tự xuống dòng lạ (U+0085, NEL)"},
		{"lone carriage return", "  place: Cần Thơ", "  place: Cần\rThơ", "Cần‸\r", "ký tự về đầu dòng (CR, U+000D) đứng một mình"},
		{"bidi override", "  place: Cần Thơ", "  place: Cần \u202Eơh" + "T", "Cần ‸\u202E", "ký tự điều khiển hướng chữ không nhìn thấy (U+202E)"},
		{"bidi isolate in a comment", "# Báo cáo mẫu", "# Báo \u2066cáo mẫu", "Báo ‸\u2066", "(U+2066)"},
		{"tag character", "  place: Cần Thơ", "  place: Cần Thơ\U000E0041", "Thơ‸\U000E0041", "ký tự định dạng không nhìn thấy (U+E0041)"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			src := edit(t, readFixture(t), tt.old, tt.new)
			es := loadErrors(t, src)
			pos := at(t, src, tt.at)
			if len(es) != 1 || !hasError(es, pos, tt.want) {
				t.Errorf("want one error at %s containing %q; got\n%v", pos, tt.want, es)
			}
		})
	}

	dropped := []struct{ name, old, new, want string }{
		{"soft hyphen", "Tổng kết công tác", "Tổng kết công\u00ADtác", "Tổng kết côngtác"},
		{"zero-width characters", "Tổng kết công tác", "Tổng\u200B kết\u200C công\u200D tác\u2060\uFEFF", "Tổng kết công tác"},
		{"tab", "Tổng kết công tác", "Tổng kết\tcông tác", "Tổng kết công tác"},
		{"no-break space kept", "Tổng kết công tác", "Tổng kết\u00A0công tác", "Tổng kết\u00A0công tác"},
	}
	for _, tt := range dropped {
		t.Run(tt.name, func(t *testing.T) {
			src := edit(t, readFixture(t), tt.old, tt.new)
			r, err := Bytes("t.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if got := r.BaoCao.Title; !strings.HasPrefix(got, tt.want) {
				t.Errorf("title %q, want it to start %q", got, tt.want)
			}
		})
	}
}
