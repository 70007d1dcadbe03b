package document

import (
	"fmt"
	"strings"
	"testing"
)

// TestCheckBody checks that what a body would print otherwise than written
// is refused at its line and column in the body (bodyPos is its first
// character, at 10:5 of x.yaml).
func TestCheckBody(t *testing.T) {
	tests := []struct {
		name, md string
		at       string // line:column in the body, from 1
		want     string
	}{
		{"HTML block", "Mở đầu.\n\n<div>\nẩn\n</div>", "3:1", "mã HTML (<…>) không in được"},
		{"inline HTML", "Năm 2021 <b>tăng</b> mạnh.", "1:10", "mã HTML (<…>) không in được"},
		{"HTML comment", "Câu một. <!-- ghi chú --> Câu hai.", "1:10", "mã HTML"},
		{"footnote and its text", "Tội phạm giảm[^1].\n\n[^1]: Số liệu đến 14/12.", "1:14", "chú thích cuối trang ([^…]) chưa được hỗ trợ"},
		{"footnote text alone", "Câu.\n\n[^ghi-chu]: Số liệu đến 14/12.", "3:1", "chú thích cuối trang"},
		{"link", "Xem [Cổng thông tin](https://congan.cantho.gov.vn).", "1:5", "liên kết hoặc ảnh viết kiểu Markdown"},
		{"image", "Ảnh: ![hội nghị](anh.jpg)", "1:6", "liên kết hoặc ảnh viết kiểu Markdown"},
		{"link reference definition", "Xem [cổng].\n\n[cổng]: https://congan.cantho.gov.vn", "3:1", "liên kết hoặc ảnh"},
		{"rule", "Phần một.\n\n***\n\nPhần hai.", "3:1", "dòng kẻ ngang (---, ***) không in được"},
		{"### under #", "# Kết quả\n\n### Điểm một", "3:1", "đề mục ### (1.) đứng ngay dưới đề mục # (Phần I), bỏ qua cấp ## (I.)"},
		{"#### under ##", "# A\n\n## B\n\nCâu.\n\n#### c", "7:1", "đề mục #### (a)) đứng ngay dưới đề mục ## (I.), bỏ qua cấp ### (1.)"},
		{"five #", "# A\n\n## B\n\n### C\n\n#### D\n\n##### E", "9:1", "đề mục ##### có 5 dấu #"},
		{"heading in a list", "## B\n\n- #### c", "3:3", "đề mục #### (a)) đứng ngay dưới đề mục ## (I.)"},
		{"table cells", "Bảng:\n\n|a|b|\n|-|-|\n" + strings.Repeat("|1|2|\n", 5000), "3:1", "các bảng trong nội dung này có hơn 10.000 ô"},
		{"underlined with -", "Mở đầu.\n\nKết quả đạt được\n---\n\nCâu.", "3:1", "đoạn chữ này thành đề mục ## (I.) vì ngay dưới nó là một dòng chỉ có dấu = hoặc -"},
		{"underlined with =", "Kết quả\n=======", "1:1", "đoạn chữ này thành đề mục # (Phần I)"},
		{"nested block quotes", strings.Repeat("> ", 21) + "câu", "1:1", tooDeepMessage},
		{"nested lists", "Câu.\n\n" + func() string {
			var b strings.Builder
			for i := range 22 {
				b.WriteString(strings.Repeat("  ", i) + "- mục\n")
			}
			return b.String()
		}(), "23:1", tooDeepMessage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(testReport(tt.md), baoCao(t))
			var line, col int
			fmt.Sscanf(tt.at, "%d:%d", &line, &col)
			at := fmt.Sprintf("x.yaml:%d:%d: ", bodyPos.Line+line-1, bodyPos.Column+col-1)
			lines := 1 // a footnote is refused twice: where it is called and its text
			if tt.name == "footnote and its text" {
				lines = 2
			}
			if err == nil || !strings.HasPrefix(err.Error(), at+tt.want) || strings.Count(err.Error(), "\n")+1 != lines {
				t.Errorf("got %v\nwant %d error(s), the first %s%s…", err, lines, at, tt.want)
			}
		})
	}
}

// TestCheckBodyAccepts checks that text near the refused kinds passes.
func TestCheckBodyAccepts(t *testing.T) {
	for _, md := range []string{
		"Trẻ em <5 tuổi, tỷ lệ a < b và c > d.",
		`Ghi \[^1\] và \[chữ\]\(không phải liên kết\).`,
		"Mã `<b>` và `[a](b)` trong dấu huyền.",
		"## I bắt đầu ở cấp hai\n\n### 1. rồi cấp ba\n\n# Phần rồi lên\n\n## lại xuống",
		"#### Bắt đầu ở a)",
		"Danh sách:\n\n- một\n  + hai\n    - ba",
		"> Trích dẫn một cấp.",
		"Xem <https://congan.cantho.gov.vn>.",
		"Số [12] theo quyết định (2020).",
	} {
		if _, err := Build(testReport(md), baoCao(t)); err != nil {
			t.Errorf("%q: %v", md, err)
		}
	}
}
