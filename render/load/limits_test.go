package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLimits(t *testing.T) {
	src := readFixture(t)
	// repeat returns n list items "- x" indented for the recipients.
	repeat := func(n int) string { return strings.Repeat("    - Nơi nhận\n", n) }
	// rows returns an annex with n rows of cells cells.
	rows := func(n, cells int) string {
		return "annexes:\n  - title: Phụ lục\n    table:\n      columns: [{name: A}]\n      rows:\n" +
			strings.Repeat("        - ["+strings.Repeat("x, ", cells-1)+"x]\n", n)
	}
	tests := []struct {
		name   string
		src    string
		pos    string
		msg    string
		within time.Duration
	}{
		{"list over the limit",
			edit(t, src, "  recipients:\n", "  recipients:\n"+repeat(maxItems-1)),
			at(t, src, "‸- Như trên;"), `danh sách "recipients" có 100.001 mục, vượt giới hạn 100.000 mục — hãy kiểm tra lại danh sách`, 0},
		{"value over the limit",
			edit(t, src, "title: Tổng kết công tác Công an năm 2021", "title: "+strings.Repeat("a", maxTextBytes+1)),
			at(t, src, "title: ‸Tổng kết công tác Công an"), `"title" dài 1.024 KB, vượt giới hạn 1.024 KB cho một giá trị — hãy rút gọn nội dung`, 0},
		{"nesting 101 levels", src + "x: " + strings.Repeat("[", 101) + strings.Repeat("]", 101) + "\n",
			"", "các mục lồng nhau quá 100 cấp — hãy kiểm tra lại thụt lề", 0},
		{"nesting 10.000 levels", src + "x: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n",
			"", "các mục lồng nhau quá 100 cấp", time.Second},
		{"rows of all tables", src + rows(maxRows-1, 1),
			"", "các bảng có tổng cộng 100.001 dòng (chỉ tiêu trong statistics và dòng trong các bảng phụ lục), vượt giới hạn 100.000 dòng", 0},
		{"cells of all tables", src + rows(50001, 10),
			"", "các bảng phụ lục có tổng cộng 500.010 ô, vượt giới hạn 500.000 ô", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			es := loadErrors(t, tt.src)
			if d := time.Since(start); tt.within > 0 && d > tt.within {
				t.Errorf("took %v", d)
			}
			for _, e := range es {
				if strings.Contains(e.Msg, tt.msg) && (tt.pos == "" || hasError(es, tt.pos, tt.msg)) {
					return
				}
			}
			t.Errorf("no error %q at %q:\n%.2000s", tt.msg, tt.pos, es.Error())
		})
	}
}

func TestFileTooBig(t *testing.T) {
	file := filepath.Join(t.TempDir(), "lon.yaml")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 20 MB long, nothing written.
	if err := f.Truncate(20 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for name, load := range map[string]func() error{
		"File":  func() error { _, err := File(file); return err },
		"Bytes": func() error { _, err := Bytes(file, make([]byte, 20<<20)); return err },
	} {
		err := load()
		if err == nil || err.Error() != file+": tệp lớn 20 MB, vượt giới hạn 10 MB — hãy kiểm tra đã chọn đúng tệp YAML chưa; một báo cáo hội nghị thường chỉ vài chục KB" {
			t.Errorf("%s: %v", name, err)
		}
	}
}
