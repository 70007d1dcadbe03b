package xlsx

import (
	"slices"
	"strings"
	"testing"

	"baocao/render/report"
)

func TestSortDelegates(t *testing.T) {
	tests := []struct {
		name  string
		in    []string // full names, in file order
		want  []string
		bytes bool // whether byte order would happen to agree
	}{
		{
			name: "Đ sau D, trước E",
			in:   []string{"Lê Em", "Trần Đức", "Phạm Dũng"},
			want: []string{"Phạm Dũng", "Trần Đức", "Lê Em"},
		},
		{
			name: "O, Ô, Ơ rồi P",
			in:   []string{"Lê Phúc", "Hồ Ơn", "Lý Ông", "Mai Oanh"},
			want: []string{"Mai Oanh", "Lý Ông", "Hồ Ơn", "Lê Phúc"},
		},
		{
			name: "A, Ă, Â rồi B",
			in:   []string{"Vũ Bình", "Đỗ Ân", "Tô Ánh", "Lò Anh"},
			want: []string{"Lò Anh", "Tô Ánh", "Đỗ Ân", "Vũ Bình"},
		},
		{
			name: "Ư sau U",
			in:   []string{"Lê Ưng", "Lê Vân", "Lê Uyên"},
			want: []string{"Lê Uyên", "Lê Ưng", "Lê Vân"},
		},
		{
			name:  "theo tên trước, họ sau",
			in:    []string{"Nguyễn Văn Thuận", "Phạm Văn Hiểu", "Nguyễn Văn Sơn"},
			want:  []string{"Phạm Văn Hiểu", "Nguyễn Văn Sơn", "Nguyễn Văn Thuận"},
			bytes: true,
		},
		{
			name: "cùng tên: theo họ, rồi tên đệm",
			in:   []string{"Trần Văn An", "Nguyễn Thị An", "Đặng An", "Nguyễn Bảo An"},
			want: []string{"Đặng An", "Nguyễn Bảo An", "Nguyễn Thị An", "Trần Văn An"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds []report.Delegate
			for _, n := range tt.in {
				ds = append(ds, report.Delegate{Name: n})
			}
			var got []string
			for _, i := range sortDelegates(ds) {
				got = append(got, ds[i].Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("order = %q, want %q", got, tt.want)
			}
			// The case must tell collation from byte order.
			byBytes := slices.Clone(tt.in)
			slices.SortFunc(byBytes, func(a, b string) int {
				fa, fb := strings.Fields(a), strings.Fields(b)
				return strings.Compare(fa[len(fa)-1], fb[len(fb)-1])
			})
			if slices.Equal(byBytes, tt.want) != tt.bytes {
				t.Errorf("byte order gives %q: the case does not test collation", byBytes)
			}
			if tt.in[0] != ds[0].Name {
				t.Error("sortDelegates changed its argument")
			}
		})
	}
	// Namesakes keep their order in the file.
	twins := []report.Delegate{{ID: "1", Name: "Lê An"}, {ID: "2", Name: "Lê An"}, {ID: "0", Name: "Lê Ân"}}
	var ids string
	for _, i := range sortDelegates(twins) {
		ids += twins[i].ID
	}
	if ids != "120" {
		t.Errorf("namesakes in order %s, want 120", ids)
	}
}

func TestDelegateSheet(t *testing.T) {
	f, _ := reopen(t, sampleReport())
	rows, err := f.GetRows(DelegateSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"1", "Lê Dũng", "Đại tá", "Trưởng phòng Tham mưu"},
		{"2", "Trần Thị Đào", "", "Phó Chủ tịch Ủy ban nhân dân thành phố"},
		{"3", "Nguyễn Văn Sơn", "Thượng tướng", "Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương\nThứ trưởng Bộ Công an", "Đại biểu cấp trên"},
		{"4", "Nguyễn Văn Thuận", "Thiếu tướng", "Giám đốc Công an thành phố", "Chủ trì hội nghị"},
	}
	body := rows[4:]
	if len(body) != len(want) {
		t.Fatalf("%d delegate rows, want %d", len(body), len(want))
	}
	for i := range want {
		if !slices.Equal(body[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i+5, body[i], want[i])
		}
	}
	if st := styleOf(t, f, DelegateSheet, "D7"); !st.Alignment.WrapText {
		t.Error("Chức vụ does not wrap")
	}
}
