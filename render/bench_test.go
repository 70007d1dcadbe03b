package render_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"baocao/fonts"
	"baocao/render"
	"baocao/render/load"
	"baocao/render/report"
)

// seedParagraphs are the press account's paragraphs: real Vietnamese of the
// length a report's paragraphs have.
var seedParagraphs = []string{
	"Đến dự và phát biểu chỉ đạo có: Thượng tướng Nguyễn Văn Sơn, Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương, Thứ trưởng Bộ Công an; đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy, Chủ tịch Hội đồng nhân dân thành phố, và đồng chí Thiếu tướng Nguyễn Văn Thuận, Ủy viên Ban Thường vụ Thành ủy, Bí thư Đảng ủy, Giám đốc Công an thành phố chủ trì Hội nghị.",
	"Năm 2021, Công an thành phố Cần Thơ đã nghiêm túc thực hiện với quyết tâm cao nhất theo sự chỉ đạo của lãnh đạo Bộ Công an, Thành ủy, Ủy ban nhân dân thành phố; với sự cố gắng không ngừng nghỉ, đơn vị đã hoàn thành xuất sắc 03 mục tiêu: vừa tham gia phòng, chống dịch Covid-19 - vừa thực hiện tốt công tác bảo đảm an ninh, trật tự, giữ vững ổn định chính trị xã hội, yên ổn lòng dân - vừa góp phần phục vụ thực hiện thắng lợi nhiệm vụ phát triển kinh tế, xã hội của thành phố.",
	"Cùng với những thành tích đạt được, năm vừa qua có nhiều tập thể, cá nhân đã nỗ lực được các ngành, các cấp biểu dương, khen thưởng, trong đó có 527 tập thể, 3.965 cá nhân (đặc biệt có 3 điển hình tiên tiến được Bộ Công an tuyên dương thành tích trên tuyến đầu chống dịch).",
	"Tại Hội nghị, đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy, Chủ tịch Hội đồng nhân dân thành phố ghi nhận và chúc mừng những chiến công mà lực lượng Công an thành phố đã đạt được trong năm 2021; tri ân những cống hiến, hy sinh của cán bộ, chiến sĩ trong phòng, chống dịch Covid-19 và giữ gìn sự bình yên cho người dân trên địa bàn.",
}

// synthetic builds a report of about pages A4 pages: the seed's
// paragraphs and a 7-column statistics table, as the raw baseline lays out.
func synthetic(pages int) *report.Report {
	r := &report.Report{
		Agency:     report.Agency{Parent: "BỘ CÔNG AN", Name: "CÔNG AN THÀNH PHỐ CẦN THƠ", Place: "Cần Thơ"},
		Conference: report.Conference{Name: "Hội nghị tổng kết", Date: report.Date{Year: 2022, Month: 1, Day: 14}, Place: "Cần Thơ", Chair: "a", Delegates: []report.Delegate{{ID: "a", Name: "Nguyễn Văn Thuận"}}},
		Statistics: report.Statistics{Previous: "Năm 2020", Current: "Năm 2021"},
	}
	g := report.Group{Title: "Tình hình tội phạm"}
	for i := range pages * 8 {
		g.Indicators = append(g.Indicators, report.Indicator{ID: fmt.Sprint("c", i), Name: "Số vụ phạm tội về trật tự xã hội trên địa bàn", Unit: "vụ", Previous: float64(300 + i), Current: float64(250 + i%90)})
	}
	r.Statistics.Groups = []report.Group{g}
	var body strings.Builder
	body.WriteString("# Kết quả công tác\n\n## Tình hình tội phạm\n\n{{ statistics_table }}\n\n")
	for i := range pages * 3 {
		body.WriteString(seedParagraphs[i%len(seedParagraphs)] + "\n\n")
	}
	r.BaoCao = &report.Document{
		Number: 15, Code: "BC-CAT", Date: report.Date{Year: 2022, Month: 1, Day: 15},
		Title: "Tổng kết công tác Công an năm 2021", Body: body.String(),
		Signer:     report.Signer{Title: "Giám đốc", Name: "Nguyễn Văn Thuận", Rank: "Thiếu tướng"},
		Recipients: []string{"Bộ Công an", "Lưu: VT"},
	}
	return r
}

func benchRender(b *testing.B, r *report.Report, only string) {
	b.ReportAllocs()
	for b.Loop() {
		outs, err := render.Outputs(r, "x", render.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, o := range outs {
			if only == "" || strings.HasSuffix(o.Name, only) {
				if err := o.Write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

func loadExample(b *testing.B) *report.Report {
	r, err := load.File("../examples/cantho-2021.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkLoadExample: reading and validating the example.
func BenchmarkLoadExample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load.File("../examples/cantho-2021.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExamplePDF: the example's báo cáo, from model to bytes.
func BenchmarkExamplePDF(b *testing.B) { benchRender(b, loadExample(b), ".pdf") }

// BenchmarkExampleWorkbook: the example's workbook (documents are still
// built, as Outputs does, but only the workbook is written).
func BenchmarkExampleWorkbook(b *testing.B) { benchRender(b, loadExample(b), ".xlsx") }

// BenchmarkSynthetic shows how cost grows with size.
func BenchmarkSynthetic(b *testing.B) {
	for _, n := range []int{10, 100, 500} {
		b.Run(fmt.Sprint(n, "pages"), func(b *testing.B) { benchRender(b, synthetic(n), ".pdf") })
	}
}

// BenchmarkRawFpdf is the baseline: fpdf called directly on the same
// paragraphs and table, with no template, Markdown or ND30 layout.
func BenchmarkRawFpdf(b *testing.B) {
	for _, n := range []int{10, 100, 500} {
		b.Run(fmt.Sprint(n, "pages"), func(b *testing.B) {
			r := synthetic(n)
			b.ReportAllocs()
			for b.Loop() {
				if err := rawFpdf(io.Discard, r, n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// rawFpdf lays out the synthetic report's paragraphs and table the way a
// minimal program would: MultiCell for justified paragraphs, CellFormat for
// table cells, the header repeated after each page break.
func rawFpdf(w io.Writer, r *report.Report, pages int) error {
	s := fonts.LiberationSerif()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetMargins(30, 20, 15)
	p.SetAutoPageBreak(true, 20)
	p.AddUTF8FontFromBytes("serif", "", s.Regular)
	p.AddUTF8FontFromBytes("serif", "B", s.Bold)
	p.AddPage()
	widths := []float64{12, 58, 15, 20, 20, 22, 18}
	header := func() {
		p.SetFont("serif", "B", 12)
		for i, h := range []string{"STT", "Chỉ tiêu", "ĐVT", "Năm 2020", "Năm 2021", "Tăng/giảm", "Tỷ lệ"} {
			p.CellFormat(widths[i], 7, h, "1", 0, "C", false, 0, "")
		}
		p.Ln(-1)
		p.SetFont("serif", "", 12)
	}
	header()
	for i, ind := range r.Statistics.Groups[0].Indicators {
		if p.GetY()+7 > 297-20 {
			p.AddPage()
			header()
		}
		pct, _ := ind.Percent()
		for j, c := range []string{fmt.Sprint(i + 1), ind.Name, ind.Unit, fmt.Sprint(ind.Previous), fmt.Sprint(ind.Current), fmt.Sprint(ind.Change()), fmt.Sprintf("%.1f", pct)} {
			p.CellFormat(widths[j], 7, c, "1", 0, "L", false, 0, "")
		}
		p.Ln(-1)
	}
	p.SetFont("serif", "", 14)
	for i := range pages * 3 {
		p.MultiCell(0, 5.7, seedParagraphs[i%len(seedParagraphs)], "", "J", false)
		p.Ln(2)
	}
	return p.Output(w)
}
