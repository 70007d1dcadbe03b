package load

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"baocao/render/report"
)

const fixture = "testdata/valid.yaml"

func readFixture(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit applies old/new replacement pairs, each of which must match.
func edit(t *testing.T, src string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(src, pairs[i]) {
			t.Fatalf("fixture has no %q", pairs[i])
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

// at finds needle in src and returns "line:col" of the caret ‸ in it, or of
// its start when it has none; columns count characters, like the loader's.
func at(t *testing.T, src, needle string) string {
	t.Helper()
	before, after, caret := strings.Cut(needle, "‸")
	i := strings.Index(src, before+after)
	if i < 0 {
		t.Fatalf("no %q in input", before+after)
	}
	if caret {
		i += len(before)
	}
	line := strings.Count(src[:i], "\n") + 1
	col := utf8.RuneCountInString(src[strings.LastIndexByte(src[:i], '\n')+1:i]) + 1
	return fmt.Sprintf("%d:%d", line, col)
}

// loadErrors loads src, which must fail, and returns the problems.
func loadErrors(t *testing.T, src string) report.Errors {
	t.Helper()
	r, err := Bytes("t.yaml", []byte(src))
	var es report.Errors
	if !errors.As(err, &es) {
		t.Fatalf("want report.Errors, got report %v, error %v", r != nil, err)
	}
	if r != nil {
		t.Error("a report came back with errors")
	}
	return es
}

func TestValidFixture(t *testing.T) {
	r, err := File(fixture)
	if err != nil {
		t.Fatal(err)
	}
	want := report.Report{
		Agency: report.Agency{Parent: "BỘ CÔNG AN", Name: "CÔNG AN THÀNH PHỐ CẦN THƠ", Place: "Cần Thơ"},
		Format: report.Format{MarginTop: 25, MarginLeft: 35},
		Conference: report.Conference{
			Name:  "Hội nghị tổng kết công tác Công an năm 2021",
			Date:  report.Date{Year: 2022, Month: time.January, Day: 15},
			Time:  "08:00",
			Place: "Hội trường Công an thành phố",
			Chair: "thuan",
			Delegates: []report.Delegate{
				{ID: "son", Name: "Nguyễn Văn Sơn", Rank: "Thượng tướng", Titles: []string{"Thứ trưởng Bộ Công an"}, Guest: true},
				{ID: "thuan", Name: "Nguyễn Văn Thuận", Rank: "Thiếu tướng", Titles: []string{"Giám đốc Công an thành phố"}},
			},
		},
		Statistics: report.Statistics{
			Previous: "Năm 2020",
			Current:  "Năm 2021",
			Groups: []report.Group{
				{Title: "Tình hình tội phạm", Indicators: []report.Indicator{
					{ID: "toi-pham", Name: "Số vụ phạm tội về trật tự xã hội", Unit: "vụ", Previous: 420, Current: 378}}},
				{Title: "Tai nạn giao thông", Indicators: []report.Indicator{
					{ID: "tai-nan", Name: "Số người chết", Unit: "người", Previous: 88, Current: 71.5}}},
			},
		},
		Commendations: report.Commendations{Awards: []report.Award{
			{Form: "Bằng khen của Bộ trưởng", Collectives: 12, Individuals: 40}}},
		BaoCao: &report.Document{
			Number:     15,
			Code:       "BC-CAT",
			Date:       report.Date{Year: 2022, Month: time.January, Day: 15},
			Title:      "Tổng kết công tác Công an năm 2021",
			Body:       "# Phần thứ nhất\n\n## I. Tình hình\n  Dòng thụt lề giữ nguyên.",
			Signer:     report.Signer{Authority: "KT.", Head: "GIÁM ĐỐC", Title: "PHÓ GIÁM ĐỐC", Rank: "Đại tá", Name: "Trần Văn Hùng"},
			Recipients: []string{"Như trên;", "Lưu: VT, PV01."},
		},
	}
	got := *r
	got.Positions = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loaded\n%+v\nwant\n%+v", got, want)
	}

	for path, pos := range map[string]string{
		"agency":                                     "3:3",
		"agency.parent":                              "3:11",
		"conference.date":                            "13:9",
		"conference.chair":                           "16:10",
		"conference.delegates":                       "18:5",
		"conference.delegates[0]":                    "18:7",
		"conference.delegates[1].name":               "25:13",
		"conference.delegates[0].titles[0]":          "22:11",
		"conference.delegates[1].titles[0]":          "27:16",
		"statistics.groups[1].indicators[0].current": "46:20",
		"bao_cao":                                    "55:3",
		"bao_cao.body":                               "60:5",
		"bao_cao.recipients[1]":                      "72:8", // inside the quotes
	} {
		p, ok := r.Positions[path]
		if !ok {
			t.Errorf("no position for %s", path)
			continue
		}
		if p.File != fixture || fmt.Sprintf("%d:%d", p.Line, p.Column) != pos {
			t.Errorf("position of %s = %v, want %s:%s", path, p, fixture, pos)
		}
	}
}

func TestErrors(t *testing.T) {
	base := readFixture(t)
	tests := []struct {
		name  string
		edits []string // old, new, …
		want  [][2]string
	}{
		{"unknown key with suggestion",
			[]string{"  delegates:\n", "  delegate:\n"},
			[][2]string{{"delegate:", `khóa "delegate" không có trong mục conference — có phải ý bạn là "delegates"?`}}},
		{"unknown key with suggestion and another missing key",
			[]string{"  delegates:\n", "  delegate:\n", "  place: Hội trường", "  venue: Hội trường"},
			[][2]string{
				{"delegate:", `có phải ý bạn là "delegates"?`},
				{"venue:", `khóa "venue" không có trong mục conference — các khóa dùng được ở đây: name, date, time, place, chair, delegates`},
				{"name: Hội nghị", `thiếu khóa "place" trong mục conference — hãy thêm dòng "place: …"`},
			}},
		{"unknown key without suggestion",
			[]string{"  place: Cần Thơ\n", "  place: Cần Thơ\n  ten: X\n"},
			[][2]string{{"ten: X", `khóa "ten" không có trong mục agency — các khóa dùng được ở đây: parent, name, name_in_text, place`}}},
		{"unknown key differing in case",
			[]string{"bao_cao:", "Bao_cao:"},
			[][2]string{{"Bao_cao:", `khóa "Bao_cao" không có ở cấp ngoài cùng của tệp — có phải ý bạn là "bao_cao"?`}}},
		{"swapped letters",
			[]string{"  title: Tổng", "  titel: Tổng"},
			[][2]string{{"titel:", `khóa "titel" không có trong mục bao_cao — có phải ý bạn là "title"?`}}},
		{"text for a number",
			[]string{"previous: 420", "previous: bốn trăm"},
			[][2]string{{"bốn trăm", `"previous" phải là một số, đang là "bốn trăm" — hãy viết số như Excel tiếng Việt hiển thị`}}},
		{"fraction for an integer",
			[]string{"collectives: 12", "collectives: 2.5"},
			[][2]string{{"2.5", `"collectives" phải là số nguyên, đang là 2.5 — hãy viết số nguyên`}}},
		{"integer too large",
			[]string{"number: 15", "number: 18446744073709551615"},
			[][2]string{{"18446744073709551615", `"number" là 18446744073709551615, có 20 chữ số, quá 15 chữ số mà Excel giữ được — hãy kiểm tra lại số này`}}},
		{"not a finite number",
			[]string{"current: 378", "current: .nan"},
			[][2]string{{".nan", `"current" phải là một số, đang là ".nan"`}}},
		{"word for a boolean",
			[]string{"guest: true", "guest: có"},
			[][2]string{{"có", `"guest" phải là true hoặc false, đang là chữ "có" — hãy viết true (có) hoặc false (không)`}}},
		{"text for a list",
			[]string{"titles: [Giám đốc Công an thành phố]", "titles: Giám đốc"},
			[][2]string{{"Giám đốc\n", `"titles" phải là một danh sách, đang là chữ "Giám đốc" — hãy viết mỗi mục trên một dòng, bắt đầu bằng "- "`}}},
		{"text for a mapping",
			[]string{"format:\n  margin_top: 25\n  margin_left: 35\n", "format: A4\n"},
			[][2]string{{"A4", `"format" phải là một nhóm khóa, đang là chữ "A4"`}}},
		{"list for text",
			[]string{"  place: Cần Thơ", "  place: [Cần Thơ, Hậu Giang]"},
			[][2]string{{"[Cần", `"place" phải là một đoạn chữ, đang là một danh sách`}}},
		{"unquoted colon in a list item",
			[]string{`- "Lưu: VT, PV01."`, `- Lưu: VT, PV01.`},
			[][2]string{{"Lưu: VT", `mục thứ 2 của "recipients" phải là một đoạn chữ, đang là một nhóm khóa — nếu nội dung có dấu hai chấm`}}},
		{"mapping as key",
			[]string{"  place: Cần Thơ\n", "  place: Cần Thơ\n  [a, b]: c\n"},
			[][2]string{{"[a, b]", `khóa phải là một từ (ví dụ name), đang là một danh sách`}}},
		{"missing key",
			[]string{"  place: Cần Thơ\n", ""},
			[][2]string{{"parent: BỘ", `thiếu khóa "place" trong mục agency — hãy thêm dòng "place: …"`}}},
		{"missing key in a list item",
			[]string{"      name: Nguyễn Văn Thuận\n", ""},
			[][2]string{{"id: thuan", `thiếu khóa "name" trong mục thứ 2 của conference.delegates`}}},
		{"missing section",
			[]string{"agency:\n  parent: BỘ CÔNG AN\n  name: CÔNG AN THÀNH PHỐ CẦN THƠ\n  place: Cần Thơ\n\n", ""},
			[][2]string{{"format:", `thiếu khóa "agency" ở cấp ngoài cùng của tệp`}}},
		{"blank text",
			[]string{"  name: CÔNG AN THÀNH PHỐ CẦN THƠ", `  name: "  "`},
			[][2]string{{`"  "`, `"name" chỉ có dấu cách, nên in ra sẽ là chỗ trống — hãy xóa hết rồi gõ lại giá trị`}}},
		{"null value",
			[]string{"  code: BC-CAT", "  code:"},
			[][2]string{{"  code:‸", `"code" đang để trống`}}},
		{"empty list item",
			[]string{"    - Như trên;\n", "    -\n"},
			[][2]string{{"    -‸\n", `mục thứ 1 của "recipients" đang để trống — hãy điền nội dung hoặc xóa dấu "-" thừa`}}},
		{"negative count",
			[]string{"previous: 420", "previous: -5"},
			[][2]string{{"-5", `"previous" phải là số không âm, đang là -5 — hãy sửa thành số ≥ 0`}}},
		{"number below one",
			[]string{"number: 15", "number: 0"},
			[][2]string{{"number: ‸0", `"number" phải là số từ 1 trở lên, đang là 0 — hãy sửa thành số ≥ 1`}}},
		{"value outside enum",
			[]string{"authority: KT.", "authority: KT"},
			[][2]string{{"KT\n", `"authority" chỉ nhận một trong các giá trị TM., Q., KT., TL., TUQ., đang là "KT" — có phải ý bạn là "KT."?`}}},
		{"duplicate key",
			[]string{"  place: Cần Thơ\n", "  place: Cần Thơ\n  name: X\n"},
			[][2]string{{"name: X", `khóa "name" bị lặp lại, đã có ở dòng 4 — hãy giữ một và xóa phần còn lại`}}},
		{"impossible day",
			[]string{"date: 15/1/2022", "date: 31/02/2022"},
			[][2]string{{"31/02", `"date" là 31/02/2022, ngày này không có: tháng 2 năm 2022 chỉ có 28 ngày — hãy kiểm tra lại ngày`}}},
		{"no leap day",
			[]string{"date: 2022-01-15", "date: 2023-02-29"},
			[][2]string{{"2023-02-29", `tháng 2 năm 2023 chỉ có 28 ngày`}}},
		{"impossible month",
			[]string{"date: 2022-01-15", "date: 2022-13-15"},
			[][2]string{{"2022-13", `"date" là 2022-13-15, không có tháng 13 — hãy viết ngày/tháng/năm`}}},
		{"date in another form",
			[]string{"date: 15/1/2022", "date: 15.01.2022"},
			[][2]string{{"15.01", `"date" phải là một ngày, đang là chữ "15.01.2022" — hãy viết ngày/tháng/năm, ví dụ 15/01/2022 (hoặc 2022-01-15)`}}},
		{"alias",
			[]string{"  parent: BỘ CÔNG AN", "  parent: &bo BỘ CÔNG AN", "  place: Cần Thơ", "  place: *bo"},
			[][2]string{{"*bo", `"place" dùng tham chiếu *bo (alias) — hãy viết đầy đủ giá trị thay cho tham chiếu`}}},
		{"chair not a delegate",
			[]string{"chair: thuan", "chair: hung"},
			[][2]string{{"hung", `"chair" là "hung" nhưng không có đại biểu nào có id này — hãy dùng id của một người trong delegates: son, thuan`}}},
		{"duplicate delegate id",
			[]string{"    - id: thuan", "    - id: son"},
			[][2]string{
				{"thuan\n", `"chair" là "thuan" nhưng không có đại biểu`},
				{"- id: ‸son\n      name: Nguyễn Văn Thuận", `id "son" bị trùng với đại biểu ở dòng 18 — mỗi đại biểu cần một id riêng`},
			}},
		{"duplicate indicator id across groups",
			[]string{"- id: tai-nan", "- id: toi-pham"},
			[][2]string{{"giao thông\n      indicators:\n        - id: ‸toi-pham", `id "toi-pham" bị trùng với chỉ tiêu ở dòng 35`}}},
		{"no recipients",
			[]string{"recipients:\n    - Như trên;\n    - \"Lưu: VT, PV01.\"", "recipients: []"},
			[][2]string{{"[]", `"recipients" đang để trống`}}},
		{"archive line not last",
			[]string{"    - Như trên;\n    - \"Lưu: VT, PV01.\"", "    - \"Lưu: VT, PV01.\"\n    - Như trên;"},
			[][2]string{{"Như trên;", `dòng cuối của "recipients" là "Như trên;", nhưng theo Nghị định 30 dòng cuối của Nơi nhận phải là nơi lưu văn bản — hãy thêm dòng "- Lưu: VT, <đơn vị soạn thảo>." vào cuối danh sách`}}},
		{"margins outside the decree",
			[]string{"margin_top: 25", "margin_top: 30", "margin_left: 35", "margin_left: 20.5"},
			[][2]string{
				{"30", `"margin_top" là 30 mm, ngoài khoảng Nghị định 30 cho phép (20–25 mm) — hãy sửa thành số từ 20 đến 25, hoặc xóa dòng này để dùng lề mặc định`},
				{"20.5", `"margin_left" là 20.5 mm, ngoài khoảng Nghị định 30 cho phép (30–35 mm)`},
			}},
		{"tab indentation",
			[]string{"  place: Cần Thơ", "\tplace: Cần Thơ"},
			[][2]string{{"‸\tplace", `lỗi cú pháp YAML ở đây: có ký tự Tab ở đầu dòng — hãy thụt lề bằng dấu cách, không dùng phím Tab`}}},
		{"unquoted colon in a value",
			[]string{"  title: Tổng kết", "  title: Báo cáo: Tổng kết"},
			[][2]string{{"  title: Báo cáo‸: Tổng kết", `lỗi cú pháp YAML ở đây: có dấu hai chấm ở chỗ không hợp lệ — nếu giá trị có dấu hai chấm`}}},
		{"second document",
			[]string{"bao_cao:", "---\nbao_cao:"},
			[][2]string{{"---", `tệp chỉ được chứa một báo cáo, nhưng có dòng "---"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := edit(t, base, tt.edits...)
			es := loadErrors(t, src)
			for _, w := range tt.want {
				pos := at(t, src, w[0])
				if !hasError(es, pos, w[1]) {
					t.Errorf("missing error at %s containing %q; got\n%v", pos, w[1], es)
				}
			}
			if len(es) != len(tt.want) {
				t.Errorf("got %d errors, want %d:\n%v", len(es), len(tt.want), es)
			}
		})
	}
}

func hasError(es report.Errors, pos, fragment string) bool {
	for _, e := range es {
		if fmt.Sprintf("%d:%d", e.Pos.Line, e.Pos.Column) == pos && strings.Contains(e.Msg, fragment) && e.Pos.File == "t.yaml" {
			return true
		}
	}
	return false
}

// TestSyntaxMessages checks whole messages for the parser's mistakes: one
// a hint explains says it in Vietnamese only; one none explains keeps the
// parser's words, labelled, without the parser's own line number.
func TestSyntaxMessages(t *testing.T) {
	tests := []struct{ src, want string }{
		{"agency:\n\tplace: Cần Thơ\n", "t.yaml:2:1: lỗi cú pháp YAML ở đây: có ký tự Tab ở đầu dòng — hãy thụt lề bằng dấu cách, không dùng phím Tab"},
		{"agency:\n  place: Cần Thơ\n  parent: [BỘ,\n", "t.yaml:3:1: lỗi cú pháp YAML ở dòng này hoặc ngay sau: tệp viết sai cú pháp — hãy kiểm tra thụt lề (chỉ dùng dấu cách), dấu hai chấm sau mỗi khóa và các dấu ngoặc kép (bộ đọc YAML báo: did not find expected node content)"},
	}
	for _, tt := range tests {
		es := loadErrors(t, tt.src)
		if len(es) != 1 || es[0].Error() != tt.want {
			t.Errorf("%q:\n got %v\nwant %s", tt.src, es, tt.want)
		}
	}
}

func TestWholeFileErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", "# chỉ có chú thích\n", "t.yaml:1:1: tệp trống — "},
		{"list at top", "- a\n- b\n", `t.yaml:1:1: tệp phải gồm các mục dạng "khóa: giá trị" (agency:, conference: …), đang là một danh sách`},
		{"invalid UTF-8", "agency:\n  name: Cần \xffThơ\n", "t.yaml:2:13: tệp có ký tự không đọc được (không phải mã hóa UTF-8)"},
		{"control character", "agency:\n  na\x0bme: x\n", "t.yaml:2:5: tệp có ký tự điều khiển không nhìn thấy (U+000B)"},
		{"UTF-16", "\xff\xfea\x00:\x00", "t.yaml:1:1: tệp được lưu với mã hóa UTF-16"},
		{"tab before a key", "agency:\n\tname: x\n", "t.yaml:2:1: lỗi cú pháp YAML ở đây: có ký tự Tab ở đầu dòng"},
		{"special first character", "agency: @x\n", "t.yaml:1:1: lỗi cú pháp YAML ở dòng này hoặc ngay sau: có ký tự không được đứng đầu (Tab, @, `, % …)"},
		{"deep nesting", "a: " + strings.Repeat("[", 150) + strings.Repeat("]", 150) + "\n",
			"t.yaml:1:103: các mục lồng nhau quá 100 cấp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := loadErrors(t, tt.src)
			if len(es) != 1 || !strings.HasPrefix(es.Error(), tt.want) {
				t.Errorf("got\n%v\nwant one error starting\n%s", es, tt.want)
			}
		})
	}
}

func TestAllErrorsAtOnce(t *testing.T) {
	src := edit(t, readFixture(t),
		"  delegates:\n", "  delegate:\n",
		"previous: 420", "previous: -5",
		"date: 15/1/2022", "date: 31/02/2022",
		"margin_top: 25", "margin_top: 30",
		"authority: KT.", "authority: XYZ",
	)
	_, err := Bytes("x.yaml", []byte(src))
	want := strings.Join([]string{
		`x.yaml:8:15: "margin_top" là 30 mm, ngoài khoảng Nghị định 30 cho phép (20–25 mm) — hãy sửa thành số từ 20 đến 25, hoặc xóa dòng này để dùng lề mặc định`,
		`x.yaml:13:9: "date" là 31/02/2022, ngày này không có: tháng 2 năm 2022 chỉ có 28 ngày — hãy kiểm tra lại ngày`,
		`x.yaml:17:3: khóa "delegate" không có trong mục conference — có phải ý bạn là "delegates"?`,
		`x.yaml:38:21: "previous" phải là số không âm, đang là -5 — hãy sửa thành số ≥ 0`,
		`x.yaml:65:16: "authority" chỉ nhận một trong các giá trị TM., Q., KT., TL., TUQ., đang là "XYZ" — hãy chọn một giá trị trong danh sách`,
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	var es report.Errors
	if !errors.As(err, &es) || len(es) != 5 {
		t.Errorf("errors.As gave %d errors", len(es))
	}
}

func TestByteOrderMark(t *testing.T) {
	src := readFixture(t)
	plain, err := Bytes("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	bom, err := Bytes("t.yaml", []byte("\uFEFF"+src))
	if err != nil {
		t.Fatalf("file with BOM: %v", err)
	}
	if !reflect.DeepEqual(plain, bom) {
		t.Error("a byte-order mark changed the result")
	}
}

func TestNormalisation(t *testing.T) {
	nfd := norm.NFD.String("Cần Thơ")
	src := edit(t, readFixture(t),
		"  place: Cần Thơ", `  place: "  `+nfd+`  "`,
		"      rank: Thiếu tướng", "      rank: "+norm.NFD.String("Thiếu tướng"),
		"  body: |\n", "  body: |+\n",
		"      Dòng thụt lề giữ nguyên.\n", "      Dòng thụt lề giữ nguyên.  \n\n\n",
	)
	if src == norm.NFC.String(src) {
		t.Fatal("test input is not decomposed")
	}
	r, err := Bytes("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ got, want string }{
		{r.Agency.Place, "Cần Thơ"},
		{r.Conference.Delegates[1].Rank, "Thiếu tướng"},
		{r.BaoCao.Body, "# Phần thứ nhất\n\n## I. Tình hình\n  Dòng thụt lề giữ nguyên.  "},
	} {
		if c.got != c.want || !norm.NFC.IsNormalString(c.got) {
			t.Errorf("got %q, want NFC %q", c.got, c.want)
		}
	}
}

// TestBlockScalarPosition checks that a line offset into a block scalar,
// added to its recorded position, lands on that text in the file.
func TestBlockScalarPosition(t *testing.T) {
	tests := []struct {
		name, yaml string
		pos        string
		literal    bool // every line maps, not just the first
	}{
		{"literal", "body: |\n  # Tiêu đề\n\n  Đoạn **một**.\n    thụt lề\n", "2:3", true},
		{"leading blank line", "body: |\n\n    Đoạn.\n    Hai.\n", "2:5", true},
		{"comment after indicator", "body: |- # ghi chú\n   a\n   b\n", "2:4", true},
		{"explicit indentation", "x:\n  body: |2\n      thụt sẵn\n    dòng hai\n", "3:5", true},
		{"in a list", "items:\n  - body: |\n      a\n      b\n", "3:7", true},
		{"windows line ends", "body: |\r\n  a\r\n  b\r\n", "2:3", true},
		{"folded", "body: >\n   Dòng đầu\n   nối tiếp\n", "2:4", false},
		{"plain", "body: văn bản\n", "1:7", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.yaml
			root, e := parse("t.yaml", data)
			if e != nil {
				t.Fatal(e)
			}
			d := newDecoder("t.yaml", data)
			n := valueOf(root, "body")
			p := d.contentPos(n)
			if got := fmt.Sprintf("%d:%d", p.Line, p.Column); got != tt.pos {
				t.Fatalf("position %s, want %s", got, tt.pos)
			}
			lines := strings.Split(text(n), "\n")
			if !tt.literal {
				lines = []string{strings.Fields(lines[0])[0]}
			}
			for i, l := range lines {
				src := []rune(strings.TrimSuffix(d.lines[p.Line-1+i], "\r"))
				if l == "" {
					continue
				}
				if col := p.Column - 1; col > len(src) || !strings.HasPrefix(string(src[col:]), l) {
					t.Errorf("body line %d %q not at %d:%d of the file", i, l, p.Line+i, p.Column)
				}
			}
		})
	}
}

// valueOf finds the value of the first key named key, depth first.
func valueOf(n *yaml.Node, key string) *yaml.Node {
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 && c.Value == key {
			return n.Content[i+1]
		}
		if v := valueOf(c, key); v != nil {
			return v
		}
	}
	return nil
}

func TestFile(t *testing.T) {
	_, err := File("testdata/khong-co.yaml")
	var es report.Errors
	if !errors.As(err, &es) || len(es) != 1 || !strings.HasPrefix(es[0].Error(), "testdata/khong-co.yaml: không tìm thấy tệp") {
		t.Errorf("missing file: %v", err)
	}
}

// TestExample loads the project's example once it exists.
func TestExample(t *testing.T) {
	const path = "../../examples/cantho-2021.yaml"
	if _, err := os.Stat(path); err != nil {
		t.Skip("no example yet")
	}
	if _, err := File(path); err != nil {
		t.Error(err)
	}
}
