package document

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"baocao/render/load"
	"baocao/render/report"
)

// kindsReport is testReport with data for every kind.
func kindsReport() *report.Report {
	r := testReport("Nội dung báo cáo.")
	c := &r.Conference
	c.Date = report.Date{Year: 2022, Month: 1, Day: 14}
	c.Time = "8:00"
	c.Place = "Hội trường Công an thành phố"
	c.Chair = "thuan"
	c.Delegates[0].Guest = true
	c.Delegates = append(c.Delegates,
		report.Delegate{ID: "thuan", Rank: "Thiếu tướng", Name: "Nguyễn Văn Thuận", Titles: []string{"Bí thư Đảng ủy", "Giám đốc Công an thành phố"}},
		report.Delegate{ID: "han", Rank: "Trung tá", Name: "Trần Thị Hân", Titles: []string{"Phó Trưởng phòng Tham mưu"}})
	r.ThongBao = &report.ThongBao{
		Number: 16, Code: "TB-CAT", Date: report.Date{Year: 2022, Month: 1, Day: 17},
		Title: "Kết luận hội nghị",
		Body:  "## Đánh giá chung\n\nHoàn thành tốt.",
		Tasks: []report.Task{
			{Unit: "Phòng *Tham mưu*", Task: "Xây dựng kế hoạch", Deadline: report.Date{Year: 2022, Month: 3, Day: 5}},
			{Unit: "Công an các quận", Task: "Tham gia phòng, chống dịch"},
		},
		Signer:     report.Signer{Authority: "TL.", Head: "Giám đốc", Title: "Trưởng phòng Tham mưu", Name: "Lê Hoàng Nam"},
		Recipients: []string{"Lưu: VT"},
	}
	r.BienBan = &report.BienBan{Number: 1, Code: "BB-CAT", Secretary: "han", Attendance: "lãnh đạo các phòng",
		Body: "Diễn biến hội nghị.", End: "11:30", Recipients: []string{"Lưu: VT, Hồ sơ"}}
	r.BanTin = &report.BanTin{Headline: "Tổng kết năm 2021", Lead: "Ngày {{ short_date .Conference.Date }}, hội nghị.",
		Body:   "Mở đầu.\n\n{{ photo 2 }}\n\nKết quả {{ value \"toi-pham\" }}.",
		Photos: []report.Photo{{Image: report.Asset{Path: "a.png", Data: []byte("A")}, Caption: "Ảnh *một*"}, {Image: report.Asset{Path: "b.png", Data: []byte("B")}, Caption: "Ảnh hai"}},
		Author: "Minh Khang", Source: "Công an thành phố"}
	r.Positions["ban_tin.body"] = report.Pos{File: "x.yaml", Line: 80, Column: 5}
	return r
}

func kind(t *testing.T, kinds []Kind, slug string) Kind {
	t.Helper()
	k, ok := KindBySlug(kinds, slug)
	if !ok {
		t.Fatalf("no kind %q", slug)
	}
	return k
}

func build(t *testing.T, r *report.Report, slug string) *Document {
	t.Helper()
	d, err := Build(r, kind(t, Kinds(), slug))
	if err != nil {
		t.Fatalf("Build(%s): %v", slug, err)
	}
	return d
}

// paragraphTexts are the texts of the body's paragraphs.
func paragraphTexts(d *Document) []string {
	var out []string
	for _, p := range paragraphs(d.Body) {
		out = append(out, p.Text)
	}
	return out
}

func TestKinds(t *testing.T) {
	var slugs []string
	for _, k := range Kinds() {
		slugs = append(slugs, k.Slug)
		if k.src == "" || k.Template != "templates/"+k.Slug+".md.tmpl" {
			t.Errorf("%s: template %q has no embedded source", k.Slug, k.Template)
		}
	}
	if want := []string{"bao-cao", "thong-bao", "bien-ban", "ban-tin"}; !slices.Equal(slugs, want) {
		t.Errorf("kinds %q, want %q", slugs, want)
	}
	r := kindsReport()
	for slug, form := range map[string]Form{"bao-cao": FormText, "thong-bao": FormText, "bien-ban": FormMinutes, "ban-tin": FormNews} {
		if got := build(t, r, slug).Form; got != form {
			t.Errorf("%s: form %q, want %q", slug, got, form)
		}
	}
	empty := testReport("x")
	for _, k := range Kinds()[1:] {
		if k.Data(empty) != nil {
			t.Errorf("%s: data in a report without %s", k.Slug, k.Path)
		}
	}
}

func TestThongBao(t *testing.T) {
	d := build(t, kindsReport(), "thong-bao")
	f := d.Frame
	if f.Number != "Số: 16/TB-CAT" || f.PlaceDate != "Cần Thơ, ngày 17 tháng 01 năm 2022" || f.KindName != "THÔNG BÁO" {
		t.Errorf("frame %+v", f)
	}
	if f.Signature.Authority != "TL. GIÁM ĐỐC" || f.Signature.Position != "TRƯỞNG PHÒNG THAM MƯU" {
		t.Errorf("signature %+v", f.Signature)
	}
	ps := paragraphTexts(d)
	want := []string{
		"Ngày 14/01/2022, tại Hội trường Công an thành phố, Công an thành phố Cần Thơ tổ chức Hội nghị tổng kết công tác Công an năm 2021. " +
			"Đồng chí Thiếu tướng Nguyễn Văn Thuận, Bí thư Đảng ủy, Giám đốc Công an thành phố chủ trì Hội nghị. " +
			"Dự Hội nghị có đồng chí Thượng tướng Nguyễn Văn Sơn, Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương, Thứ trưởng Bộ Công an.",
		"Sau khi nghe báo cáo tổng kết công tác Công an năm 2021 và ý kiến phát biểu của các đại biểu, đồng chí Giám đốc Công an thành phố kết luận như sau:",
		"Hoàn thành tốt.",
		"Công an thành phố Cần Thơ thông báo ý kiến kết luận của đồng chí Giám đốc Công an thành phố để các đơn vị biết, thực hiện./.",
	}
	if !slices.Equal(ps, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", ps, want)
	}
	var heads []string
	var tab *Table
	for _, b := range d.Body {
		switch b := b.(type) {
		case *Heading:
			heads = append(heads, b.Label+" "+plain(b.Runs))
		case *Table:
			tab = b
		}
	}
	if want := []string{"I. ĐÁNH GIÁ CHUNG", "II. PHÂN CÔNG THỰC HIỆN"}; !slices.Equal(heads, want) {
		t.Errorf("headings %q, want %q", heads, want)
	}
	if tab == nil || len(tab.Rows) != 2 {
		t.Fatalf("tasks table %+v", tab)
	}
	var rows [][]string
	for _, row := range tab.Rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, plain(c.Runs))
		}
		rows = append(rows, cells)
	}
	// The unit's asterisks are text, not emphasis; a task without a
	// deadline is ongoing; deadlines are short dates.
	if want := [][]string{{"1", "Phòng *Tham mưu*", "Xây dựng kế hoạch", "05/3/2022"}, {"2", "Công an các quận", "Tham gia phòng, chống dịch", "Thường xuyên"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("tasks %q, want %q", rows, want)
	}
}

func TestBienBan(t *testing.T) {
	r := kindsReport()
	d := build(t, r, "bien-ban")
	f := d.Frame
	if f.PlaceDate != "" {
		t.Errorf("a biên bản has no date line, got %q", f.PlaceDate)
	}
	if f.Number != "Số: 01/BB-CAT" || f.KindName != "BIÊN BẢN" || f.Title != r.Conference.Name {
		t.Errorf("frame %+v", f)
	}
	if want := (Signature{Position: "THƯ KÝ", Name: "Trung tá Trần Thị Hân"}); f.Secretary != want {
		t.Errorf("secretary %+v, want %+v", f.Secretary, want)
	}
	if want := (Signature{Position: "CHỦ TỌA", Name: "Thiếu tướng Nguyễn Văn Thuận"}); f.Signature != want {
		t.Errorf("chair %+v, want %+v", f.Signature, want)
	}
	want := []string{
		"Thời gian bắt đầu: 08 giờ 00, ngày 14 tháng 01 năm 2022.",
		"Địa điểm: Hội trường Công an thành phố.",
		"Thành phần tham dự: đồng chí Thượng tướng Nguyễn Văn Sơn, Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương, Thứ trưởng Bộ Công an; " +
			"đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy; đồng chí Thiếu tướng Nguyễn Văn Thuận, Bí thư Đảng ủy, Giám đốc Công an thành phố; " +
			"đồng chí Trung tá Trần Thị Hân, Phó Trưởng phòng Tham mưu; lãnh đạo các phòng.",
		"Chủ trì (chủ tọa): đồng chí Thiếu tướng Nguyễn Văn Thuận, Bí thư Đảng ủy, Giám đốc Công an thành phố.",
		"Thư ký (người ghi biên bản): đồng chí Trung tá Trần Thị Hân, Phó Trưởng phòng Tham mưu.",
		"Nội dung (theo diễn biến hội nghị):",
		"Diễn biến hội nghị.",
		"Hội nghị kết thúc vào 11 giờ 30, ngày 14 tháng 01 năm 2022./.",
	}
	if got := paragraphTexts(d); !slices.Equal(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
	// A meeting that ends another day says so, and the biên bản is dated by it.
	r.BienBan.EndDate = report.Date{Year: 2022, Month: 1, Day: 15}
	d = build(t, r, "bien-ban")
	if ps := paragraphTexts(d); ps[len(ps)-1] != "Hội nghị kết thúc vào 11 giờ 30, ngày 15 tháng 01 năm 2022./." {
		t.Errorf("last paragraph %q", ps[len(ps)-1])
	}
	if got := kind(t, Kinds(), "bien-ban").Data(r).Date; got != r.BienBan.EndDate {
		t.Errorf("dated %v, want the end date", got)
	}
}

func TestBanTin(t *testing.T) {
	d := build(t, kindsReport(), "ban-tin")
	f := d.Frame
	if f.Title != "Tổng kết năm 2021" || f.PlaceDate != "Cần Thơ, 14/01/2022" || f.Author != "Minh Khang" || f.Source != "Công an thành phố" {
		t.Errorf("frame %+v", f)
	}
	if f.Number != "" || f.KindName != "" || f.Recipients != nil || f.Signature != (Signature{}) {
		t.Errorf("a bản tin has no number, tên loại, Nơi nhận or signature: %+v", f)
	}
	type block struct{ kind, text string }
	var got []block
	for _, b := range d.Body {
		switch b := b.(type) {
		case *Paragraph:
			got = append(got, block{"p", plain(b.Runs)})
		case *Figure:
			got = append(got, block{"figure " + string(b.Image), plain(b.Caption)})
		}
	}
	// The photo placed in the body stays there; the other follows the body.
	want := []block{
		{"p", "Ngày 14/01/2022, hội nghị."},
		{"p", "Đến dự và phát biểu chỉ đạo có: đồng chí Thượng tướng Nguyễn Văn Sơn, Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương, Thứ trưởng Bộ Công an. " +
			"Đồng chí Thiếu tướng Nguyễn Văn Thuận, Bí thư Đảng ủy, Giám đốc Công an thành phố chủ trì Hội nghị."},
		{"p", "Mở đầu."},
		{"figure B", "Ảnh hai"},
		{"p", "Kết quả 261 vụ."},
		{"figure A", "Ảnh *một*"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("body:\n got %q\nwant %q", got, want)
	}
	if p := d.Body[0].(*Paragraph); !p.Runs[0].Bold {
		t.Errorf("the lead is not bold: %+v", p.Runs)
	}
}

func TestPhotoOutOfRange(t *testing.T) {
	r := kindsReport()
	r.BanTin.Body = "Mở đầu.\n{{ photo 3 }}"
	_, err := Build(r, kind(t, Kinds(), "ban-tin"))
	var es report.Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("got %v, want one positioned error", err)
	}
	if want := (report.Pos{File: "x.yaml", Line: 81, Column: 8}); es[0].Pos != want || !strings.Contains(es[0].Msg, "không có ảnh thứ 3") {
		t.Errorf("got %v: %s, want at %v", es[0].Pos, es[0].Msg, want)
	}
	// photo belongs to the bản tin: another kind's body cannot place one.
	r.BaoCao.Body = "{{ photo 1 }}"
	if _, err := Build(r, baoCao(t)); err == nil || !strings.Contains(err.Error(), `không có hàm "photo"`) {
		t.Errorf("photo in a báo cáo: got %v", err)
	}
}

func TestWritingFunctions(t *testing.T) {
	r := kindsReport()
	r.Conference.Date = report.Date{Year: 2020, Month: 3, Day: 5}
	tests := []struct{ md, want string }{
		{`{{ number 3965 }} và {{ number 87.6 }} và {{ number 2021 }}`, "3.965 và 87,6 và 2.021"},
		{`{{ compare 385 261 "vụ" "năm 2020" }}`, "giảm 124 vụ, tương ứng 32,2% so với năm 2020"},
		{`{{ compare 12 12 "vụ" "năm 2020" }}`, "tương đương năm 2020"},
		{`{{ compare 0 7 "vụ" "năm 2020" }}`, "tăng 7 vụ so với năm 2020"},
		{`{{ long_date .Conference.Date }}`, "ngày 05 tháng 3 năm 2020"},
		{`{{ short_date .Conference.Date }}`, "05/3/2020"},
		{`{{ clock "8:05" }} và {{ clock "14:30" }}`, "08 giờ 05 và 14 giờ 30"},
		{`{{ upper "đồng chí Hiểu" }}`, "ĐỒNG CHÍ HIỂU"},
		{`{{ lower_first "Năm 2020" }}`, "năm 2020"},
		{`{{ join (index .Conference.Delegates 2).Titles }}`, "Bí thư Đảng ủy và Giám đốc Công an thành phố"},
		{`Phần {{ roman 14 }}, điểm {{ letter 5 }}), mục {{ add 2 1 }}`, "Phần XIV, điểm đ), mục 3"},
		{`{{ person chair }} / {{ position chair }}`, "Thiếu tướng Nguyễn Văn Thuận, Bí thư Đảng ủy, Giám đốc Công an thành phố / Giám đốc Công an thành phố"},
		{`{{ (index guests 0).Name }}`, "Nguyễn Văn Sơn"},
		{`{{ escape "a*b*" }}`, "a*b*"},
	}
	for _, tt := range tests {
		t.Run(tt.md, func(t *testing.T) {
			out, err := runBody(r, tt.md)
			if err != nil {
				t.Fatal(err)
			}
			blocks := parseBody([]byte(out))
			if got := plain(blocks[0].(*Paragraph).Runs); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	for _, md := range []string{`{{ clock "25:00" }}`, `{{ clock "8h" }}`, `{{ number "x" }}`, `{{ compare 1 "x" "vụ" "năm 2020" }}`} {
		if _, err := runBody(r, md); err == nil {
			t.Errorf("%s: no error", md)
		}
	}
}

// runBody executes md as the report's body, as Build does.
func runBody(r *report.Report, md string) (string, error) {
	b, release := newBudget(context.Background())
	defer release()
	return narrative(b, r, md, "bao_cao.body", b.bodyFuncs(r))
}

// TestNarrativeNames keeps the list error messages offer equal to the
// functions a body can call.
func TestNarrativeNames(t *testing.T) {
	funcs := narrativeFuncs(kindsReport())
	maps.Copy(funcs, photoFuncs(nil, "ban_tin.photos"))
	got := slices.Sorted(maps.Keys(funcs))
	if want := slices.Sorted(slices.Values(narrativeNames)); !slices.Equal(got, want) {
		t.Errorf("functions %q, narrativeNames %q", got, want)
	}
}

// TestWithTemplates replaces one kind's template from a directory: that
// kind's document changes, the others are exactly what the embedded
// templates give.
func TestWithTemplates(t *testing.T) {
	dir := t.TempDir()
	src := "{{ define \"frame\" }}mau-1.9{{ end }}Biên bản riêng: {{ value \"toi-pham\" }}.\n"
	if err := os.WriteFile(filepath.Join(dir, "bien-ban.md.tmpl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	kinds, err := WithTemplates(Kinds(), dir)
	if err != nil {
		t.Fatal(err)
	}
	r := kindsReport()
	for _, k := range Kinds() {
		want, err := Build(r, k)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Build(r, kind(t, kinds, k.Slug))
		if err != nil {
			t.Fatal(err)
		}
		if k.Slug != "bien-ban" {
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s changed though its template was not replaced", k.Slug)
			}
			continue
		}
		if ps := paragraphTexts(got); !slices.Equal(ps, []string{"Biên bản riêng: 261 vụ./."}) {
			t.Errorf("bien-ban body %q", ps)
		}
		if !reflect.DeepEqual(got.Frame, want.Frame) {
			t.Errorf("bien-ban frame changed: %+v", got.Frame)
		}
	}
	if k := kind(t, kinds, "bien-ban"); k.Template != filepath.Join(dir, "bien-ban.md.tmpl") {
		t.Errorf("template file %q", k.Template)
	}
}

func TestWithTemplatesErrors(t *testing.T) {
	tests := []struct {
		name, file, src string
		pos             report.Pos // Line 0: Build is not reached
		msg             string
	}{
		{"misspelt file name", "bienban.md.tmpl", "x", report.Pos{}, "không ứng với loại văn bản nào"},
		{"unknown function", "bien-ban.md.tmpl", "Một.\n\n{{ vallue 1 }}", report.Pos{Line: 3, Column: 1}, `không có hàm "vallue"`},
		{"unknown field", "bien-ban.md.tmpl", "Một {{ .BienBan.Secretry }}", report.Pos{Line: 1, Column: 16}, "Secretry"},
		{"unknown frame", "bien-ban.md.tmpl", `{{ define "frame" }}mau-2{{ end }}x`, report.Pos{Line: 1, Column: 21}, `không có khung này`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			kinds, err := WithTemplates(Kinds(), dir)
			if err == nil {
				_, err = Build(kindsReport(), kind(t, kinds, "bien-ban"))
			}
			var es report.Errors
			if !errors.As(err, &es) || len(es) != 1 {
				t.Fatalf("got %v, want one error", err)
			}
			want := tt.pos
			want.File = path
			if es[0].Pos != want || !strings.Contains(es[0].Msg, tt.msg) {
				t.Errorf("got %v: %s\nwant %v: …%s…", es[0].Pos, es[0].Msg, want, tt.msg)
			}
		})
	}
}

// TestCanThoBanTinFollowsSeed checks the example's bản tin against the
// press account it reproduces (the Cần Thơ police's report of the
// conference): each fact, in the account's order — who attended and gave
// directions, the results, the photo, the awards, then the two speeches.
func TestCanThoBanTinFollowsSeed(t *testing.T) {
	r, err := load.File("../../examples/cantho-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d := build(t, r, "ban-tin")
	var b strings.Builder
	for _, bl := range d.Body {
		switch bl := bl.(type) {
		case *Paragraph:
			b.WriteString(plain(bl.Runs) + "\n")
		case *Figure:
			b.WriteString("[ảnh] " + plain(bl.Caption) + "\n")
		}
	}
	text := b.String()
	facts := []string{
		"Đến dự và phát biểu chỉ đạo có",
		"Thượng tướng Nguyễn Văn Sơn, Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương, Thứ trưởng Bộ Công an",
		"Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy, Chủ tịch Hội đồng nhân dân thành phố",
		"Thiếu tướng Nguyễn Văn Thuận, Ủy viên Ban Thường vụ Thành ủy, Bí thư Đảng ủy, Giám đốc Công an thành phố chủ trì Hội nghị",
		"hoàn thành xuất sắc 03 mục tiêu",
		"đạt và vượt 100% chỉ tiêu đề ra trong năm 2021",
		"tội phạm giảm 32,2%",
		"tai nạn giao thông giảm cả 3 tiêu chí so với năm 2020",
		"[ảnh] Thứ trưởng Nguyễn Văn Sơn cùng các đại biểu dự Hội nghị.",
		"527 tập thể, 3.965 cá nhân",
		"3 điển hình tiên tiến được Bộ Công an tuyên dương",
		"Hội nghị Tổng kết Công an toàn quốc lần thứ 77",
		"Cờ thi đua “Đơn vị xuất sắc trong phong trào thi đua năm 2021” của Thủ tướng Chính phủ",
		"năm thứ 2 liên tiếp",
		"đồng chí Phạm Văn Hiểu",
		"ghi nhận và chúc mừng những chiến công",
		"tri ân những cống hiến, hy sinh",
		"đồng chí Thượng tướng Nguyễn Văn Sơn, Thứ trưởng Bộ Công an ghi nhận, biểu dương và chúc mừng",
		"phát huy vai trò nòng cốt của lực lượng Công an nhân dân",
		"giải pháp trọng tâm đột phá năm 2022 của Bộ",
		"sự lãnh đạo, chỉ đạo của Thành ủy, Hội đồng nhân dân, Ủy ban nhân dân thành phố",
	}
	at := 0
	for _, f := range facts {
		i := strings.Index(text[at:], f)
		if i < 0 {
			t.Fatalf("after %q… the bản tin lacks, in order: %q\n%s", text[max(0, at-40):at], f, text)
		}
		at += i + len(f)
	}
}
