package load

import "testing"

func TestOpenQuote(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{`  place: "Hội trường`, 10},
		{`  place: "Hội trường"`, 0},
		{`    - "Lưu: VT`, 7},
		{`  title: Báo cáo "tổng kết`, 0}, // a quote inside a plain value
		{`  name: "a \" b`, 9},            // an escaped quote does not close
		{`  # ghi chú: "mở`, 0},
		{`  titles: [Giám đốc, "Phó`, 22},
	}
	for _, tt := range tests {
		if got := openQuote(tt.line); got != tt.want {
			t.Errorf("openQuote(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestUnclosedQuoteReported(t *testing.T) {
	src := edit(t, readFixture(t), `place: Hội trường Công an thành phố`, `place: "Hội trường Công an thành phố`)
	es := loadErrors(t, src)
	if len(es) != 1 || !hasError(es, at(t, src, `place: ‸"Hội trường`), `giá trị mở dấu ngoặc kép nhưng không đóng trên cùng dòng — hãy thêm dấu " ở cuối giá trị`) {
		t.Errorf("got:\n%v", es)
	}
}
