package main

import (
	"strings"
	"testing"
)

// TestFlagMessages checks that a command line the flag package cannot
// parse is told in Vietnamese, and the flags listed with Vietnamese
// names for their values and defaults, with none of its English left.
func TestFlagMessages(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"render", "-x", example}, exitUsage, "baocao: không có tùy chọn -x — hãy xem các tùy chọn dưới đây\n"},
		{[]string{"validate", example, "--kind"}, exitUsage, "baocao: tùy chọn -kind cần một giá trị ngay sau nó\n"},
		{[]string{"render", "-j", "abc", example}, exitUsage, "baocao: giá trị \"abc\" không dùng được cho tùy chọn -j\n"},
		{[]string{"serve", "--no-browser=có"}, exitUsage, "baocao: giá trị \"có\" không dùng được cho tùy chọn -no-browser\n"},
		{[]string{"serve", "--timeout", "5"}, exitUsage, "baocao: giá trị \"5\" không dùng được cho tùy chọn -timeout\n"},
		{[]string{"render", "---o", example}, exitUsage, "baocao: tùy chọn viết sai: ---o\n"},
		{[]string{"render", "-h"}, exitOK, "  -o GIÁ_TRỊ\n    \tthư mục ghi kết quả (tạo nếu chưa có) (mặc định: .)\n"},
		{[]string{"serve", "-h"}, exitOK, "  -timeout THỜI_GIAN\n    \tthời gian tối đa cho một yêu cầu (mặc định: 1m0s)\n"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(tt.args...)
		if code != tt.status {
			t.Errorf("%q: status %d, want %d", tt.args, code, tt.status)
		}
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: stderr lacks %q:\n%s", tt.args, tt.want, stderr)
		}
		for _, english := range []string{"flag ", "default", "string", "int\n", "duration", "invalid"} {
			if strings.Contains(stderr, english) {
				t.Errorf("%q: stderr has the English %q:\n%s", tt.args, english, stderr)
			}
		}
	}
}
