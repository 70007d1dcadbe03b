package document

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"baocao/render/report"
)

// bodyPos is where the test report's body starts in its imaginary YAML file.
var bodyPos = report.Pos{File: "x.yaml", Line: 40, Column: 5}

// testReport is a small report whose body is md. Each call returns a fresh
// copy, so a test may change it.
func testReport(md string) *report.Report {
	return &report.Report{
		Agency: report.Agency{Parent: "Bộ Công an", Name: "Công an thành phố Cần Thơ", Place: "Cần Thơ"},
		Conference: report.Conference{
			Name: "Hội nghị tổng kết công tác Công an năm 2021",
			Delegates: []report.Delegate{
				{ID: "son", Rank: "Thượng tướng", Name: "Nguyễn Văn Sơn", Titles: []string{"Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương", "Thứ trưởng Bộ Công an"}},
				{ID: "hieu", Name: "Phạm Văn Hiểu", Titles: []string{"Phó Bí thư Thường trực Thành ủy"}},
			},
		},
		Statistics: report.Statistics{
			Previous: "Năm 2020",
			Current:  "Năm 2021",
			Groups: []report.Group{
				{Title: "Tình hình tội phạm", Indicators: []report.Indicator{
					{ID: "toi-pham", Name: "Tội phạm về trật tự xã hội", Unit: "vụ", Previous: 385, Current: 261},
					{ID: "ma-tuy", Name: "Số vụ phạm tội về ma túy", Unit: "vụ", Previous: 402, Current: 436},
				}},
				{Title: "Phòng cháy \\ chữa cháy [PCCC]", Indicators: []report.Indicator{
					{ID: "moi", Name: "Tin báo | tố giác *mới* _x_", Unit: "tin", Previous: 0, Current: 7},
					{ID: "the", Name: "Thẻ căn cước", Unit: "thẻ", Previous: 3965, Current: 3965},
					{ID: "vi-pham", Name: "Vi phạm giao thông", Unit: "trường hợp", Previous: 118452, Current: 86317},
					{ID: "ty-le", Name: "Tỷ lệ điều tra làm rõ", Unit: "%", Previous: 85.25, Current: 87.6},
				}},
			},
		},
		Commendations: report.Commendations{Awards: []report.Award{
			{Form: "Bằng khen của Thủ tướng Chính phủ", Collectives: 2, Individuals: 5},
			{Form: "Bằng khen của Bộ trưởng", Collectives: 24, Individuals: 118},
			{Form: "Giấy khen của Giám đốc", Collectives: 501, Individuals: 3842},
		}},
		BaoCao: &report.Document{
			Number:     15,
			Code:       "BC-CAT",
			Date:       report.Date{Year: 2022, Month: 1, Day: 15},
			Title:      "Tổng kết công tác Công an năm 2021",
			Body:       md,
			Signer:     report.Signer{Title: "GIÁM ĐỐC", Rank: "Thiếu tướng", Name: "Nguyễn Văn Thuận"},
			Recipients: []string{"Như trên", "Lưu: VT, PV01"},
		},
		Positions: map[string]report.Pos{"bao_cao.body": bodyPos},
	}
}

func baoCao(t *testing.T) Kind {
	t.Helper()
	for _, k := range Kinds() {
		if k.Slug == "bao-cao" {
			return k
		}
	}
	t.Fatal("no bao-cao kind")
	return Kind{}
}

func mustBuild(t *testing.T, r *report.Report) *Document {
	t.Helper()
	d, err := Build(r, baoCao(t))
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return d
}

// plain is the text of runs without styles.
func plain(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// stripEnd removes the "./." Build closes the body with, so tests of other
// features can compare the text they are about.
func stripEnd(s string) string { return strings.TrimSuffix(s, "./.") }

func TestHeadingNumbering(t *testing.T) {
	md := strings.Join([]string{
		"# Kết quả công tác",
		"## đặc điểm tình hình",
		"### Điểm một",
		"#### tiết một", "#### tiết hai", "#### tiết ba", "#### tiết bốn", "#### tiết năm", "#### tiết sáu", "#### tiết bảy",
		"### Điểm hai",
		"#### tiết lại một",
		"## Kết quả đạt được",
		"### Điểm lại một",
		"# Phương hướng",
		"## chung",
		"### Điểm",
		"#### Sâu hơn",
	}, "\n\n")
	type head struct {
		Level int
		Label string
		Text  string
	}
	want := []head{
		{1, "Phần I", "KẾT QUẢ CÔNG TÁC"},
		{2, "I.", "ĐẶC ĐIỂM TÌNH HÌNH"},
		{3, "1.", "Điểm một"},
		{4, "a)", "tiết một"}, {4, "b)", "tiết hai"}, {4, "c)", "tiết ba"}, {4, "d)", "tiết bốn"},
		{4, "đ)", "tiết năm"}, {4, "e)", "tiết sáu"}, {4, "g)", "tiết bảy"},
		{3, "2.", "Điểm hai"},
		{4, "a)", "tiết lại một"},
		{2, "II.", "KẾT QUẢ ĐẠT ĐƯỢC"},
		{3, "1.", "Điểm lại một"},
		{1, "Phần II", "PHƯƠNG HƯỚNG"},
		{2, "I.", "CHUNG"},
		{3, "1.", "Điểm"},
		{4, "a)", "Sâu hơn"},
	}
	var got []head
	for _, b := range mustBuild(t, testReport(md)).Body {
		if h, ok := b.(*Heading); ok {
			got = append(got, head{h.Level, h.Label, plain(h.Runs)})
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("headings:\n got %v\nwant %v", got, want)
	}
}

// para is a paragraph reduced to what the list tests compare.
type para struct {
	Marker string
	Text   string
}

func paragraphs(blocks []Block) []para {
	var out []para
	for _, b := range blocks {
		if p, ok := b.(*Paragraph); ok {
			out = append(out, para{p.Marker, plain(p.Runs)})
		}
	}
	return out
}

func TestParseBodyLists(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []para
	}{
		{"bullets", "- một\n- hai", []para{{"-", "một"}, {"-", "hai"}}},
		{"nested", "- một\n  + con một\n  + con hai\n- hai", []para{{"-", "một"}, {"+", "con một"}, {"+", "con hai"}, {"-", "hai"}}},
		{"nested with dashes", "- một\n  - con", []para{{"-", "một"}, {"+", "con"}}},
		{"ordered", "1. một\n2. hai", []para{{"1.", "một"}, {"2.", "hai"}}},
		{"ordered from 3", "3. ba\n4. bốn", []para{{"3.", "ba"}, {"4.", "bốn"}}},
		{"loose item with two paragraphs", "- một\n\n  tiếp theo\n\n- hai", []para{{"-", "một"}, {"", "tiếp theo"}, {"-", "hai"}}},
		{"paragraph then list", "Như sau:\n\n- một", []para{{"", "Như sau:"}, {"-", "một"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paragraphs(parseBody([]byte(tt.md))); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseBodyInline(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []Run
	}{
		{"styles", "**đậm** thường *nghiêng* ***cả hai***", []Run{
			{Text: "đậm", Bold: true}, {Text: " thường "}, {Text: "nghiêng", Italic: true}, {Text: " "}, {Text: "cả hai", Bold: true, Italic: true},
		}},
		{"underscores", "__đậm__ và _nghiêng_", []Run{{Text: "đậm", Bold: true}, {Text: " và "}, {Text: "nghiêng", Italic: true}}},
		{"soft line breaks are spaces", "dòng một\ndòng hai\ndòng ba", []Run{{Text: "dòng một dòng hai dòng ba"}}},
		{"soft break inside bold", "**đậm\nhai dòng** rồi", []Run{{Text: "đậm hai dòng", Bold: true}, {Text: " rồi"}}},
		{"hard break is a space", "một  \nhai", []Run{{Text: "một hai"}}},
		{"escapes print literally", `a \* b \| c \_ d \\ e`, []Run{{Text: `a * b | c _ d \ e`}}},
		{"entities are resolved", "R&amp;D &#272;", []Run{{Text: "R&D Đ"}}},
		{"code span is literal", "lệnh `a\\*b` xong", []Run{{Text: `lệnh a\*b xong`}}},
		{"a link prints as written", "xem [Cổng thông tin](https://example.vn)", []Run{{Text: "xem [Cổng thông tin](https://example.vn)"}}},
		{"autolink keeps its address", "xem <https://example.vn>", []Run{{Text: "xem https://example.vn"}}},
		{"raw HTML prints as written", "a <b>b</b>", []Run{{Text: "a <b>b</b>"}}},
		{"tabs are spaces", "a\tb **c\td**", []Run{{Text: "a b "}, {Text: "c d", Bold: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := parseBody([]byte(tt.md))
			if len(blocks) != 1 {
				t.Fatalf("got %d blocks, want 1", len(blocks))
			}
			p, ok := blocks[0].(*Paragraph)
			if !ok {
				t.Fatalf("got %T, want *Paragraph", blocks[0])
			}
			if !slices.Equal(p.Runs, tt.want) {
				t.Errorf("got %+v\nwant %+v", p.Runs, tt.want)
			}
		})
	}
}

func TestEndMark(t *testing.T) {
	table := "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | |"
	tests := []struct {
		name string
		md   string
		// want is the text the body ends with, in a block of type in.
		want string
		in   string
	}{
		{"appended", "Mở đầu.\n\nCâu cuối", "Câu cuối./.", "*document.Paragraph"},
		{"typed dot not doubled", "Câu cuối.", "Câu cuối./.", "*document.Paragraph"},
		{"typed end mark not doubled", "Câu cuối./.", "Câu cuối./.", "*document.Paragraph"},
		{"trailing newline", "Câu cuối\n\n", "Câu cuối./.", "*document.Paragraph"},
		{"after bold", "Câu **cuối**", "Câu cuối./.", "*document.Paragraph"},
		{"last list item", "- một\n- hai", "hai./.", "*document.Paragraph"},
		// In a table, the mark follows the last filled cell of its last row.
		{"after a table", table, "3 ./.", "*document.Table"},
		{"after a table of words", "| a | b |\n|---|---|\n| 1 | Ghi chú. |", "Ghi chú./.", "*document.Table"},
		{"after the statistics table", "Số liệu:\n\n{{ statistics_table }}", "+2,8 ./.", "*document.Table"},
		{"after a heading", "# Phần cuối", "./.", "*document.Paragraph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := mustBuild(t, testReport(tt.md)).Body
			last := body[len(body)-1]
			if got := reflect.TypeOf(last).String(); got != tt.in {
				t.Fatalf("last block is %s, want %s", got, tt.in)
			}
			if got := plain(lastText(last)); got != tt.want {
				t.Errorf("the body ends with %q, want %q", got, tt.want)
			}
			if n := strings.Count(fullText(body), "./."); n != 1 {
				t.Errorf("body has %d end marks, want 1", n)
			}
		})
	}
}

// fullText is all the text of a body, for counting.
func fullText(blocks []Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl := bl.(type) {
		case *Heading:
			b.WriteString(plain(bl.Runs))
		case *Paragraph:
			b.WriteString(plain(bl.Runs))
		case *Table:
			for _, row := range append([][]Cell{bl.Header}, bl.Rows...) {
				for _, c := range row {
					b.WriteString(plain(c.Runs))
				}
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestRecipients(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{[]string{"- a;", "b.", " c "}, []string{"- a;", "- b;", "- c."}},
		{[]string{"Như trên;", "Lưu: VT, PV01."}, []string{"- Như trên;", "- Lưu: VT, PV01."}},
		{[]string{"Bộ Công an (để báo cáo) ;", "- Lưu: VT ."}, []string{"- Bộ Công an (để báo cáo);", "- Lưu: VT."}},
		{[]string{"Lưu: VT"}, []string{"- Lưu: VT."}},
	}
	for _, tt := range tests {
		r := testReport("Nội dung")
		r.BaoCao.Recipients = tt.in
		if got := mustBuild(t, r).Frame.Recipients; !slices.Equal(got, tt.want) {
			t.Errorf("recipients(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSignature(t *testing.T) {
	tests := []struct {
		name   string
		signer report.Signer
		want   Signature
	}{
		{"deputy signs for the head",
			report.Signer{Authority: "KT.", Head: "giám đốc", Title: "phó giám đốc", Rank: "Đại tá", Name: "Trần Văn Hùng"},
			Signature{Authority: "KT. GIÁM ĐỐC", Position: "PHÓ GIÁM ĐỐC", Name: "Đại tá Trần Văn Hùng"}},
		{"head signs",
			report.Signer{Title: "GIÁM ĐỐC", Rank: "Thiếu tướng", Name: "Nguyễn Văn Thuận"},
			Signature{Position: "GIÁM ĐỐC", Name: "Thiếu tướng Nguyễn Văn Thuận"}},
		{"by order, no rank",
			report.Signer{Authority: "TL.", Head: "Giám đốc", Title: "Chánh Văn phòng", Name: "Lê Thị Hoa"},
			Signature{Authority: "TL. GIÁM ĐỐC", Position: "CHÁNH VĂN PHÒNG", Name: "Lê Thị Hoa"}},
		{"for a collective",
			report.Signer{Authority: "TM.", Head: "Ủy ban nhân dân", Title: "Chủ tịch", Name: "Trần Việt Trường"},
			Signature{Authority: "TM. ỦY BAN NHÂN DÂN", Position: "CHỦ TỊCH", Name: "Trần Việt Trường"}},
		{"by delegation",
			report.Signer{Authority: "TUQ.", Head: "Giám đốc", Title: "Trưởng phòng Tham mưu", Name: "Lê Văn Bình"},
			Signature{Authority: "TUQ. GIÁM ĐỐC", Position: "TRƯỞNG PHÒNG THAM MƯU", Name: "Lê Văn Bình"}},
		{"acting head, one line",
			report.Signer{Authority: "Q.", Head: "Giám đốc", Title: "Phó Giám đốc", Rank: "Đại tá", Name: "Lê Văn Bình"},
			Signature{Authority: "Q. GIÁM ĐỐC", Name: "Đại tá Lê Văn Bình"}},
		{"acting head, title only",
			report.Signer{Authority: "Q.", Title: "Giám đốc", Name: "Lê Văn Bình"},
			Signature{Authority: "Q. GIÁM ĐỐC", Name: "Lê Văn Bình"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := testReport("Nội dung")
			r.BaoCao.Signer = tt.signer
			if got := mustBuild(t, r).Frame.Signature; got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestFrame(t *testing.T) {
	tests := []struct {
		number    int
		date      report.Date
		wantNum   string
		wantPlace string
	}{
		{5, report.Date{Year: 2020, Month: 3, Day: 5}, "Số: 05/BC-CAT", "Cần Thơ, ngày 05 tháng 3 năm 2020"},
		{15, report.Date{Year: 2022, Month: 1, Day: 15}, "Số: 15/BC-CAT", "Cần Thơ, ngày 15 tháng 01 năm 2022"},
		{123, report.Date{Year: 2019, Month: 6, Day: 29}, "Số: 123/BC-CAT", "Cần Thơ, ngày 29 tháng 6 năm 2019"},
		{10, report.Date{Year: 2021, Month: 12, Day: 31}, "Số: 10/BC-CAT", "Cần Thơ, ngày 31 tháng 12 năm 2021"},
	}
	for _, tt := range tests {
		r := testReport("Nội dung")
		r.BaoCao.Number = tt.number
		r.BaoCao.Date = tt.date
		d := mustBuild(t, r)
		if d.Frame.Number != tt.wantNum {
			t.Errorf("number %d: Number = %q, want %q", tt.number, d.Frame.Number, tt.wantNum)
		}
		if d.Frame.PlaceDate != tt.wantPlace {
			t.Errorf("date %v: PlaceDate = %q, want %q", tt.date, d.Frame.PlaceDate, tt.wantPlace)
		}
	}

	d := mustBuild(t, testReport("Nội dung"))
	want := Frame{
		Parent:     "BỘ CÔNG AN",
		Agency:     "CÔNG AN THÀNH PHỐ CẦN THƠ",
		Number:     "Số: 15/BC-CAT",
		PlaceDate:  "Cần Thơ, ngày 15 tháng 01 năm 2022",
		KindName:   "BÁO CÁO",
		Title:      "Tổng kết công tác Công an năm 2021",
		Recipients: []string{"- Như trên;", "- Lưu: VT, PV01."},
		Signature:  Signature{Position: "GIÁM ĐỐC", Name: "Thiếu tướng Nguyễn Văn Thuận"},
	}
	if !reflect.DeepEqual(d.Frame, want) {
		t.Errorf("Frame:\n got %+v\nwant %+v", d.Frame, want)
	}
	if d.Slug != "bao-cao" {
		t.Errorf("Slug = %q, want bao-cao", d.Slug)
	}
	if !strings.Contains(d.Meta.Title, "Tổng kết công tác Công an năm 2021") || d.Meta.Author != "Công an thành phố Cần Thơ" || d.Meta.Subject != "Hội nghị tổng kết công tác Công an năm 2021" {
		t.Errorf("Meta = %+v", d.Meta)
	}
}

func TestNarrativeFunctions(t *testing.T) {
	tests := []struct {
		md   string
		want string
	}{
		{`Xảy ra {{ value "toi-pham" }}`, "Xảy ra 261 vụ"},
		{`{{ value "vi-pham" }}`, "86.317 trường hợp"},
		{`Đạt {{ value "ty-le" }}`, "Đạt 87,60%"},
		{`Tội phạm {{ change "toi-pham" }}`, "Tội phạm giảm 124 vụ, tương ứng 32,2% so với năm 2020"},
		{`{{ change "ma-tuy" }}`, "tăng 34 vụ, tương ứng 8,5% so với năm 2020"},
		{`{{ change "moi" }}`, "tăng 7 tin so với năm 2020"},
		{`{{ change "the" }}`, "tương đương năm 2020"},
		{`giảm {{ percent "toi-pham" }}`, "giảm 32,2%"},
		{`tỷ lệ {{ percent "moi" }}`, "tỷ lệ -"},
		{`có {{ commended }} được khen`, "có 527 tập thể, 3.965 cá nhân được khen"},
		{`đồng chí {{ delegate "son" }}`, "đồng chí Thượng tướng Nguyễn Văn Sơn, Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương, Thứ trưởng Bộ Công an"},
		{`đồng chí {{ delegate "hieu" }}`, "đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy"},
		{"hai\ndòng {{ value \"toi-pham\" }}", "hai dòng 261 vụ"},
	}
	for _, tt := range tests {
		t.Run(tt.md, func(t *testing.T) {
			body := mustBuild(t, testReport(tt.md)).Body
			if len(body) != 1 {
				t.Fatalf("got %d blocks, want 1", len(body))
			}
			if got := stripEnd(plain(body[0].(*Paragraph).Runs)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNarrativeCommendedSums(t *testing.T) {
	r := testReport("{{ commended }}")
	r.Commendations.Awards = []report.Award{{Form: "Giấy khen", Collectives: 1000, Individuals: 0}}
	body := mustBuild(t, r).Body
	if got, want := stripEnd(plain(body[0].(*Paragraph).Runs)), "1.000 tập thể, 0 cá nhân"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestStatisticsTable(t *testing.T) {
	body := mustBuild(t, testReport("{{ statistics_table }}")).Body
	tab, ok := body[0].(*Table)
	if !ok {
		t.Fatalf("first block is %T, want *Table", body[0])
	}
	cells := func(row []Cell) []string {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = plain(c.Runs)
		}
		return out
	}
	if got, want := cells(tab.Header), []string{"STT", "Chỉ tiêu", "ĐVT", "Năm 2020", "Năm 2021", "Tăng/giảm (±)", "Tỷ lệ (%)"}; !slices.Equal(got, want) {
		t.Errorf("header %q, want %q", got, want)
	}
	if want := []Align{AlignCenter, AlignLeft, AlignCenter, AlignRight, AlignRight, AlignRight, AlignRight}; !slices.Equal(tab.Align, want) {
		t.Errorf("align %v, want %v", tab.Align, want)
	}
	want := [][]string{
		{"I", "Tình hình tội phạm", "", "", "", "", ""},
		{"1", "Tội phạm về trật tự xã hội", "vụ", "385", "261", "-124", "-32,2"},
		{"2", "Số vụ phạm tội về ma túy", "vụ", "402", "436", "+34", "+8,5"},
		{"II", "Phòng cháy \\ chữa cháy [PCCC]", "", "", "", "", ""},
		{"1", "Tin báo | tố giác *mới* _x_", "tin", "0", "7", "+7", "-"},
		{"2", "Thẻ căn cước", "thẻ", "3.965", "3.965", "0", "0,0"},
		{"3", "Vi phạm giao thông", "trường hợp", "118.452", "86.317", "-32.135", "-27,1"},
		{"4", "Tỷ lệ điều tra làm rõ", "%", "85,25", "87,60", "+2,35", "+2,8 ./."}, // the body's end, apart from the figure
	}
	if len(tab.Rows) != len(want) {
		t.Fatalf("got %d rows, want %d", len(tab.Rows), len(want))
	}
	for i, row := range tab.Rows {
		if got := cells(row); !slices.Equal(got, want[i]) {
			t.Errorf("row %d: %q, want %q", i, got, want[i])
		}
		group := i == 0 || i == 3
		for j, c := range row[:2] {
			for _, r := range c.Runs {
				if r.Bold != group || r.Italic {
					t.Errorf("row %d cell %d run %+v: bold should be %v, italic false", i, j, r, group)
				}
			}
		}
	}
}

func TestBodyErrors(t *testing.T) {
	tests := []struct {
		name    string
		md      string
		wantPos report.Pos
		want    []string // substrings of the message
	}{
		{"unknown indicator on the third line",
			"Dòng một\nDòng hai\nTội phạm {{ value \"khong-co\" }}",
			report.Pos{File: "x.yaml", Line: 42, Column: 17}, // "Tội phạm {{ " is 12 characters
			[]string{`"khong-co"`, "chỉ tiêu"}},
		{"unknown indicator in change",
			"{{ change \"sai\" }}",
			report.Pos{File: "x.yaml", Line: 40, Column: 8},
			[]string{`"sai"`, "chỉ tiêu"}},
		{"unknown delegate",
			"Đồng chí {{ delegate \"ai\" }}",
			report.Pos{File: "x.yaml", Line: 40, Column: 17},
			[]string{`"ai"`, "đại biểu"}},
		{"unknown function",
			"Mở đầu\n{{ vaule \"toi-pham\" }}",
			report.Pos{File: "x.yaml", Line: 41, Column: 5},
			append([]string{`"vaule"`, "không có hàm"}, narrativeNames...)},
		{"unclosed action",
			"Mở đầu\nXảy ra {{ value \"toi-pham\"\n",
			report.Pos{File: "x.yaml", Line: 41, Column: 5},
			[]string{"{{", "unclosed action"}},
		{"wrong argument",
			"{{ value 1 }}",
			report.Pos{File: "x.yaml", Line: 40, Column: 14},
			[]string{"lỗi trong {{ … }}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(testReport(tt.md), baoCao(t))
			var errs report.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error %v (%T), want report.Errors", err, err)
			}
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(errs), err)
			}
			e := errs[0]
			if e.Pos != tt.wantPos {
				t.Errorf("Pos = %v, want %v", e.Pos, tt.wantPos)
			}
			for _, w := range tt.want {
				if !strings.Contains(e.Msg, w) {
					t.Errorf("message %q does not contain %q", e.Msg, w)
				}
			}
			if !strings.HasPrefix(err.Error(), tt.wantPos.String()+": ") {
				t.Errorf("Error() = %q, want it to start with %q", err.Error(), tt.wantPos.String()+": ")
			}
		})
	}
}

func TestBuildWithoutData(t *testing.T) {
	r := testReport("")
	r.BaoCao = nil
	if _, err := Build(r, baoCao(t)); err == nil {
		t.Error("Build of a report without bao_cao succeeded, want an error")
	}
}

// TestBodyInsertsOnly: a report's own body may insert values but not loop
// or define templates; the refusal points at the action.
func TestBodyInsertsOnly(t *testing.T) {
	for _, c := range []struct {
		name, body string
		line, col  int
		what       string
	}{
		{"range", "Đoạn một.\n\nCó {{ range 1000000000 }}{{ end }} vòng.", 42, 8, "range"},
		{"range inside if", "{{ if true }}\n  {{ range 3 }}x{{ end }}\n{{ end }}", 41, 7, "range"},
		{"define", "{{ define \"x\" }}y{{ end }}Nội dung.", 40, 5, "define"},
		{"template", "{{ template \"bao_cao.body\" }}", 40, 5, "template"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Build(testReport(c.body), baoCao(t))
			var errs report.Errors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("got %v, want one positioned error", err)
			}
			if p := errs[0].Pos; p.Line != c.line || p.Column != c.col || !strings.Contains(errs[0].Msg, "{{ "+c.what+" }}") {
				t.Errorf("got %v, want %d:%d naming %s", errs[0], c.line, c.col, c.what)
			}
		})
	}
	if _, err := Build(testReport("Có {{ if true }}{{ value \"toi-pham\" }}{{ end }} vụ."), baoCao(t)); err != nil {
		t.Errorf("an if around a value was refused: %v", err)
	}
}
