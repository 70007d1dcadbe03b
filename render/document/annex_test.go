package document

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"baocao/render/report"
)

// TestAnnexes: the report's annexes become Phụ lục I, II… of the báo cáo,
// each with its heading block, its Markdown (whose figures come from the
// statistics), its table — numbers formatted and right-aligned, STT
// centred, a bold TỔNG CỘNG row under the summed columns — and the closing
// ./.; the other
// kinds carry none.
func TestAnnexes(t *testing.T) {
	r := testReport("Nội dung")
	r.Annexes = []report.Annex{
		{Title: "Danh sách tập thể được khen thưởng", Body: "Tội phạm: {{ value \"toi-pham\" }}."},
		{Title: "Số liệu theo đơn vị", Table: &report.Table{
			Columns: []report.Column{
				{Name: "STT"}, {Name: "Đơn vị"},
				{Name: "Số vụ", Type: "number", Sum: true},
				{Name: "Tỷ lệ (%)", Type: "number"},
				{Name: "Kinh phí", Type: "number", Sum: true},
			},
			Rows: [][]string{
				{"1", "Phòng Cảnh sát hình sự", "1234", "87.6", "1500.5"},
				{"2", "Công an quận Ninh Kiều", "56", "90", ""},
			},
		}},
	}
	d := mustBuild(t, r)
	if len(d.Annexes) != 2 {
		t.Fatalf("%d annexes, want 2", len(d.Annexes))
	}
	ref := "(Kèm theo Báo cáo số 15/BC-CAT ngày 15 tháng 01 năm 2022 của Công an thành phố Cần Thơ)"
	for i, want := range []struct{ label, title string }{
		{"Phụ lục I", "DANH SÁCH TẬP THỂ ĐƯỢC KHEN THƯỞNG"},
		{"Phụ lục II", "SỐ LIỆU THEO ĐƠN VỊ"},
	} {
		a := d.Annexes[i]
		if a.Label != want.label || a.Title != want.title || a.Ref != ref {
			t.Errorf("annex %d: %q / %q / %q", i+1, a.Label, a.Title, a.Ref)
		}
		if !strings.HasSuffix(plain(lastText(a.Body[len(a.Body)-1])), "./.") {
			t.Errorf("%s does not end with ./.", a.Label)
		}
	}
	if p, ok := d.Annexes[0].Body[0].(*Paragraph); !ok || plain(p.Runs) != "Tội phạm: 261 vụ./." {
		t.Errorf("Phụ lục I body: %#v", d.Annexes[0].Body[0])
	}
	tab, ok := d.Annexes[1].Body[0].(*Table)
	if !ok {
		t.Fatalf("Phụ lục II starts with %T, want its table", d.Annexes[1].Body[0])
	}
	if want := []Align{AlignCenter, AlignLeft, AlignRight, AlignRight, AlignRight}; !slices.Equal(tab.Align, want) {
		t.Errorf("alignments %v, want %v", tab.Align, want)
	}
	var rows [][]string
	for _, row := range tab.Rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, plain(c.Runs))
		}
		rows = append(rows, cells)
	}
	want := [][]string{
		{"1", "Phòng Cảnh sát hình sự", "1.234", "87,6", "1.500,5"},
		{"2", "Công an quận Ninh Kiều", "56", "90,0", ""},
		{"", "TỔNG CỘNG", "1.290", "", "1.500,5 ./."}, // the end mark follows the last figure, apart
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows\n got %q\nwant %q", rows, want)
	}
	for _, c := range tab.Rows[2] {
		for _, run := range c.Runs {
			if !run.Bold {
				t.Errorf("TỔNG CỘNG cell %q not bold", run.Text)
			}
		}
	}

	for _, k := range Kinds() {
		if k.Slug != "bao-cao" && k.Data(r) != nil {
			if d, err := Build(r, k); err == nil && len(d.Annexes) > 0 {
				t.Errorf("%s carries the báo cáo's annexes", k.Slug)
			}
		}
	}
}

// TestKinhGuiText: one addressee ends with "."; several are punctuated as
// a list, whatever the user typed.
func TestKinhGuiText(t *testing.T) {
	for _, c := range []struct{ in, want []string }{
		{nil, nil},
		{[]string{"Bộ Công an;"}, []string{"Bộ Công an."}},
		{[]string{"- Bộ Công an", "Ủy ban nhân dân thành phố."}, []string{"- Bộ Công an;", "- Ủy ban nhân dân thành phố."}},
	} {
		r := testReport("Nội dung")
		r.BaoCao.KinhGui = c.in
		if got := mustBuild(t, r).Frame.KinhGui; !slices.Equal(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}
