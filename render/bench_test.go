package render_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"baocao/fonts"
	"baocao/render"
	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/load"
	"baocao/render/pdf"
	"baocao/render/report"
	"baocao/render/viet"
)

// seedParagraphs are the press account's paragraphs: real Vietnamese of the
// length a report's paragraphs have.
var seedParagraphs = []string{
	"Đến dự và phát biểu chỉ đạo có: Thượng tướng Nguyễn Văn Sơn, Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương, Thứ trưởng Bộ Công an; đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy, Chủ tịch Hội đồng nhân dân thành phố, và đồng chí Thiếu tướng Nguyễn Văn Thuận, Ủy viên Ban Thường vụ Thành ủy, Bí thư Đảng ủy, Giám đốc Công an thành phố chủ trì Hội nghị.",
	"Năm 2021, Công an thành phố Cần Thơ đã nghiêm túc thực hiện với quyết tâm cao nhất theo sự chỉ đạo của lãnh đạo Bộ Công an, Thành ủy, Ủy ban nhân dân thành phố; với sự cố gắng không ngừng nghỉ, đơn vị đã hoàn thành xuất sắc 03 mục tiêu: vừa tham gia phòng, chống dịch Covid-19 - vừa thực hiện tốt công tác bảo đảm an ninh, trật tự, giữ vững ổn định chính trị xã hội, yên ổn lòng dân - vừa góp phần phục vụ thực hiện thắng lợi nhiệm vụ phát triển kinh tế, xã hội của thành phố.",
	"Cùng với những thành tích đạt được, năm vừa qua có nhiều tập thể, cá nhân đã nỗ lực được các ngành, các cấp biểu dương, khen thưởng, trong đó có 527 tập thể, 3.965 cá nhân (đặc biệt có 3 điển hình tiên tiến được Bộ Công an tuyên dương thành tích trên tuyến đầu chống dịch).",
	"Tại Hội nghị, đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy, Chủ tịch Hội đồng nhân dân thành phố ghi nhận và chúc mừng những chiến công mà lực lượng Công an thành phố đã đạt được trong năm 2021; tri ân những cống hiến, hy sinh của cán bộ, chiến sĩ trong phòng, chống dịch Covid-19 và giữ gìn sự bình yên cho người dân trên địa bàn.",
}

// maxParagraphs is the most paragraphs a synthetic body has: within the 1 MB
// a body may have (README, Limits), some 450 pages of them.
const maxParagraphs = 1800

// synthetic builds a report of about pages A4 pages, half of them a
// 7-column statistics table and half the seed's paragraphs, up to
// maxParagraphs; beyond, the table's rows make up the pages.
func synthetic(pages int) *report.Report {
	r := &report.Report{
		Agency:     report.Agency{Parent: "BỘ CÔNG AN", Name: "CÔNG AN THÀNH PHỐ CẦN THƠ", Place: "Cần Thơ"},
		Conference: report.Conference{Name: "Hội nghị tổng kết", Date: report.Date{Year: 2022, Month: 1, Day: 14}, Place: "Cần Thơ", Chair: "a", Delegates: []report.Delegate{{ID: "a", Name: "Nguyễn Văn Thuận"}}},
		Statistics: report.Statistics{Previous: "Năm 2020", Current: "Năm 2021"},
	}
	g := report.Group{Title: "Tình hình tội phạm"}
	paragraphs := min(pages*4, maxParagraphs)
	// 36 rows or 8 paragraphs a page.
	for i := range pages*18 + (pages*4-paragraphs)*36/8 {
		g.Indicators = append(g.Indicators, report.Indicator{ID: fmt.Sprint("c", i), Name: "Số vụ phạm tội về trật tự xã hội trên địa bàn", Unit: "vụ", Previous: float64(300 + i), Current: float64(250 + i%90)})
	}
	r.Statistics.Groups = []report.Group{g}
	var body strings.Builder
	body.WriteString("# Kết quả công tác\n\n## Tình hình tội phạm\n\n{{ statistics_table }}\n\n")
	for i := range paragraphs {
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
		benchRender1(b, r, only)
	}
}

// benchRender1 makes r's outputs and writes those whose names end in only,
// or all, to nowhere.
func benchRender1(b *testing.B, r *report.Report, only string) {
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

// syntheticPages are the sizes of the synthetic reports, in pages.
var syntheticPages = []int{10, 100, 200, 500, 1000}

// BenchmarkSynthetic shows how cost grows with size. The pages metric is
// the length of the PDF written, to compare with BenchmarkRawFpdf's.
func BenchmarkSynthetic(b *testing.B) {
	for _, n := range syntheticPages {
		b.Run(fmt.Sprint(n, "pages"), func(b *testing.B) {
			r := synthetic(n)
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				syntheticPDF(b, r, &buf)
			}
			b.ReportMetric(float64(pageCount(buf.Bytes())), "pages")
		})
	}
}

// syntheticPDF writes the báo cáo of r into buf.
func syntheticPDF(b *testing.B, r *report.Report, buf *bytes.Buffer) {
	outs, err := render.Outputs(r, "x", render.Options{Only: []string{"bao-cao"}})
	if err != nil {
		b.Fatal(err)
	}
	buf.Reset()
	if err := outs[0].Write(buf); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkVsRaw renders the synthetic report and sets its content with
// raw fpdf by turns, and reports how many times longer the render took
// (x-raw) and how many times more memory it took at most (x-raw-peak; see
// peakHeap), with its own peak (MB-peak). Taken turn by turn in one run,
// the ratios hold however busy the machine is, which the figures of two
// separate benchmarks do not.
func BenchmarkVsRaw(b *testing.B) {
	for _, n := range syntheticPages {
		b.Run(fmt.Sprint(n, "pages"), func(b *testing.B) {
			r := synthetic(n)
			var buf bytes.Buffer
			vsRaw(b, func() { syntheticPDF(b, r, &buf) }, func() {
				buf.Reset()
				if err := rawFpdf(&buf, r); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkStream lays out and draws the báo cáo of the synthetic report,
// built beforehand, as a render does — each page written, compressed, as
// soon as it is laid out — and reports the most memory it took beyond the
// document (MB-peak, MB-live: see peakHeap). What it holds, MB-live, stays
// flat as pages are added; MB-peak grows as the collector lets garbage
// grow with the heap, the document included.
func BenchmarkStream(b *testing.B) {
	for _, n := range syntheticPages {
		b.Run(fmt.Sprint(n, "pages"), func(b *testing.B) {
			r := synthetic(n)
			doc, err := document.Build(r, document.Kinds()[0])
			if err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			var most, live float64
			for b.Loop() {
				m, l := peakHeap(func() {
					buf.Reset()
					pw := pdf.NewWriter(&buf, face.Default(), pdf.Info{})
					if err := layout.Stream(doc, face.Default(), render.Settings(r), pw.Page); err != nil {
						b.Fatal(err)
					}
					if err := pw.Close(); err != nil {
						b.Fatal(err)
					}
				})
				most, live = max(most, m), max(live, l)
			}
			b.ReportMetric(most, "MB-peak")
			b.ReportMetric(live, "MB-live")
			b.ReportMetric(float64(pageCount(buf.Bytes())), "pages")
		})
	}
}

// BenchmarkExampleVsRaw renders the example, all its outputs, and sets
// the synthetic report of 2 pages with raw fpdf by turns, as
// BenchmarkVsRaw does: what a clerk's render costs against the least a
// program writing a short PDF with the same fonts must.
func BenchmarkExampleVsRaw(b *testing.B) {
	r, raw := loadExample(b), synthetic(2)
	var buf bytes.Buffer
	vsRaw(b, func() { benchRender1(b, r, "") }, func() {
		buf.Reset()
		if err := rawFpdf(&buf, raw); err != nil {
			b.Fatal(err)
		}
	})
}

// vsRaw runs ours and raw by turns and reports the ratios of their times
// and of their peaks of memory, and ours's peaks (see peakHeap).
func vsRaw(b *testing.B, ours, raw func()) {
	var tOurs, tRaw time.Duration
	var mOurs, mRaw, lOurs, lRaw float64
	for b.Loop() {
		start := time.Now()
		m, l := peakHeap(ours)
		mOurs, lOurs = max(mOurs, m), max(lOurs, l)
		mid := time.Now()
		m, l = peakHeap(raw)
		mRaw, lRaw = max(mRaw, m), max(lRaw, l)
		tOurs, tRaw = tOurs+mid.Sub(start), tRaw+time.Since(mid)
	}
	b.ReportMetric(float64(tOurs)/float64(tRaw), "x-raw")
	b.ReportMetric(mOurs/mRaw, "x-raw-peak")
	b.ReportMetric(lOurs/lRaw, "x-raw-live")
	b.ReportMetric(mOurs, "MB-peak")
	b.ReportMetric(lOurs, "MB-live")
}

// peakHeap runs fn and returns the most memory its objects took
// meanwhile, in MB, less what they were after a collection before fn:
// peak, live or not yet collected (the heap's objects sampled every half
// millisecond), which follows the collector's pace, and live, as the
// collections meanwhile found it, what fn held.
func peakHeap(fn func()) (peak, live float64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	base, baseLive := sample[0].Value.Uint64(), sample[1].Value.Uint64()
	most, mostLive := base, baseLive
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(500 * time.Microsecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			most = max(most, sample[0].Value.Uint64())
			mostLive = max(mostLive, sample[1].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	fn()
	close(done)
	wg.Wait()
	const mb = 1 << 20
	return float64(most-base) / mb, float64(mostLive-baseLive) / mb
}

// BenchmarkRawFpdf is the baseline: fpdf called directly on the same
// content as BenchmarkSynthetic's, with no template, Markdown or ND30
// layout.
func BenchmarkRawFpdf(b *testing.B) {
	for _, n := range syntheticPages {
		b.Run(fmt.Sprint(n, "pages"), func(b *testing.B) {
			r := synthetic(n)
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := rawFpdf(&buf, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pageCount(buf.Bytes())), "pages")
		})
	}
}

// pageCount counts the page objects of a PDF.
func pageCount(doc []byte) int { return len(pagePattern.FindAll(doc, -1)) }

var pagePattern = regexp.MustCompile(`/Type /Page\b`)

// rawFpdf sets what the synthetic report prints the way a minimal program
// calling fpdf would, with the same fonts, sizes and measures: the header
// lines centred, the statistics table with fixed column widths (those
// layout finds), its header repeated after each page break, the paragraphs
// justified at 14 pt with MultiCell, the closing block, and page numbers
// from page 2.
func rawFpdf(w io.Writer, r *report.Report) error {
	const (
		left, top, right, bottom = 30.0, 20.0, 15.0, 20.0
		ptmm                     = 25.4 / 72
	)
	lh := func(size float64) float64 { return size * 1.15 * ptmm }
	s := fonts.LiberationSerif()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetMargins(left, top, right)
	p.SetCellMargin(0)
	p.SetAutoPageBreak(true, bottom)
	for i, data := range [][]byte{s.Regular, s.Bold, s.Italic, s.BoldItalic} {
		p.AddUTF8FontFromBytes("serif", []string{"", "B", "I", "BI"}[i], data)
	}
	p.SetHeaderFuncMode(func() {
		if n := p.PageNo(); n > 1 {
			p.SetFont("serif", "", 13)
			p.SetY(top/2 - lh(13)/2)
			p.CellFormat(0, lh(13), fmt.Sprint(n), "", 0, "C", false, 0, "")
		}
	}, true)
	p.AddPage()
	line := func(x, width float64, style string, size float64, text string) {
		p.SetFont("serif", style, size)
		p.SetX(x)
		p.CellFormat(width, lh(size), text, "", 1, "C", false, 0, "")
	}
	y := p.GetY()
	line(left, 70, "", 12, r.Agency.Parent)
	line(left, 70, "B", 12, r.Agency.Name)
	p.SetY(y)
	line(100, 95, "B", 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	line(100, 95, "B", 13, "Độc lập - Tự do - Hạnh phúc")
	p.Ln(4)
	y = p.GetY()
	line(left, 70, "", 13, "Số: 15/BC-CAT")
	p.SetY(y)
	line(100, 95, "I", 13, "Cần Thơ, ngày 15 tháng 01 năm 2022")
	p.Ln(10)
	line(left, 0, "B", 14, "BÁO CÁO")
	line(left, 0, "B", 14, r.BaoCao.Title)
	p.Ln(6)
	line(left, 0, "B", 14, "Phần I")
	line(left, 0, "B", 14, "KẾT QUẢ CÔNG TÁC")
	p.SetFont("serif", "B", 14)
	p.CellFormat(0, lh(14), "I. TÌNH HÌNH TỘI PHẠM", "", 1, "L", false, 0, "")

	widths := []float64{11.5, 81, 12.5, 12, 12, 23.5, 12.5}
	header := func() {
		p.SetFont("serif", "B", 12)
		y := p.GetY()
		for i, h := range [][2]string{{"STT"}, {"Chỉ tiêu"}, {"ĐVT"}, {"Năm", "2020"}, {"Năm", "2021"}, {"Tăng/giảm", "(±)"}, {"Tỷ lệ", "(%)"}} {
			x := p.GetX()
			p.Rect(x, y, widths[i], 2*lh(12)+2, "D")
			p.SetXY(x, y+1)
			p.CellFormat(widths[i], lh(12), h[0], "", 2, "C", false, 0, "")
			p.CellFormat(widths[i], lh(12), h[1], "", 0, "C", false, 0, "")
			p.SetXY(x+widths[i], y)
		}
		p.SetY(y + 2*lh(12) + 2)
		p.SetFont("serif", "", 12)
	}
	header()
	row := func(cells []string, aligns string) {
		if p.GetY()+lh(12)+2 > 297-bottom {
			p.AddPage()
			header()
		}
		for i, c := range cells {
			p.CellFormat(widths[i], lh(12)+2, c, "1", 0, aligns[i:i+1], false, 0, "")
		}
		p.Ln(-1)
	}
	g := r.Statistics.Groups[0]
	row([]string{"I", g.Title, "", "", "", "", ""}, "CLCRRRR")
	for i, ind := range g.Indicators {
		pct, _ := ind.Percent()
		row([]string{fmt.Sprint(i + 1), ind.Name, ind.Unit, viet.Number(ind.Previous, 0), viet.Number(ind.Current, 0),
			viet.Signed(ind.Change(), 0), viet.Signed(pct, 1)}, "CLCRRRR")
	}
	p.Ln(2)
	p.SetFont("serif", "", 14)
	for _, para := range strings.Split(strings.TrimSpace(r.BaoCao.Body[strings.Index(r.BaoCao.Body, "}}")+2:]), "\n\n") {
		p.MultiCell(0, lh(14), para, "", "J", false)
		p.Ln(6 * ptmm)
	}
	if p.GetY()+40 > 297-bottom {
		p.AddPage()
	}
	y = p.GetY() + 7.5
	p.SetXY(left, y)
	p.SetFont("serif", "BI", 12)
	p.CellFormat(60, lh(12), "Nơi nhận:", "", 2, "L", false, 0, "")
	p.SetFont("serif", "", 11)
	for _, rc := range r.BaoCao.Recipients {
		p.CellFormat(60, lh(11), "- "+rc+";", "", 2, "L", false, 0, "")
	}
	p.SetXY(left+60, y)
	p.SetFont("serif", "B", 14)
	p.CellFormat(105, lh(14), "GIÁM ĐỐC", "", 2, "C", false, 0, "")
	p.SetXY(left+60, y+25)
	p.CellFormat(105, lh(14), r.BaoCao.Signer.Rank+" "+r.BaoCao.Signer.Name, "", 2, "C", false, 0, "")
	return p.Output(w)
}

// syntheticYAML writes the synthetic report of about pages pages as an
// input file, for whole-process runs of the command.
func syntheticYAML(pages int) string {
	r := synthetic(pages)
	var b strings.Builder
	b.WriteString(`agency:
  parent: BỘ CÔNG AN
  name: CÔNG AN THÀNH PHỐ CẦN THƠ
  place: Cần Thơ
conference:
  name: Hội nghị tổng kết
  date: 2022-01-14
  place: Cần Thơ
  chair: a
  delegates:
    - id: a
      name: Nguyễn Văn Thuận
statistics:
  previous: Năm 2020
  current: Năm 2021
  groups:
    - title: Tình hình tội phạm
      indicators:
`)
	for _, ind := range r.Statistics.Groups[0].Indicators {
		fmt.Fprintf(&b, "        - {id: %s, name: %s, unit: %s, previous: %v, current: %v}\n", ind.ID, ind.Name, ind.Unit, ind.Previous, ind.Current)
	}
	b.WriteString(`bao_cao:
  number: 15
  code: BC-CAT
  date: 15/01/2022
  title: Tổng kết công tác Công an năm 2021
  signer: {title: Giám đốc, name: Nguyễn Văn Thuận, rank: Thiếu tướng}
  recipients: [Bộ Công an, "Lưu: VT"]
  body: |
`)
	for _, l := range strings.Split(strings.TrimSpace(r.BaoCao.Body), "\n") {
		if l != "" {
			b.WriteString("    " + l)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestSyntheticYAML: the input file of the synthetic report loads as the
// report the benchmarks build. With BAOCAO_SYNTHETIC=FILE:PAGES set it
// writes that file, for BENCHMARKS.md's whole-process runs.
func TestSyntheticYAML(t *testing.T) {
	file, pages := generated(t, "BAOCAO_SYNTHETIC", 2, syntheticYAML)
	got, err := load.File(file)
	if err != nil {
		t.Fatal(err)
	}
	want := synthetic(pages)
	if !reflect.DeepEqual(got.Statistics, want.Statistics) || strings.TrimSpace(got.BaoCao.Body) != strings.TrimSpace(want.BaoCao.Body) ||
		!reflect.DeepEqual(got.BaoCao.Signer, want.BaoCao.Signer) || !slices.Equal(got.BaoCao.Recipients, want.BaoCao.Recipients) {
		t.Error("the file does not load as the synthetic report")
	}
}

// generated writes the input file gen makes for a size, and returns its
// name and the size: the size given by default, in a temporary directory;
// with env set to FILE:SIZE, that file of that size, for BENCHMARKS.md's
// whole-process runs.
func generated(t *testing.T, env string, size int, gen func(int) string) (string, int) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "input.yaml")
	if v := os.Getenv(env); v != "" {
		f, n, ok := strings.Cut(v, ":")
		var err error
		if size, err = strconv.Atoi(n); !ok || err != nil {
			t.Fatalf("%s=%q, want FILE:SIZE", env, v)
		}
		file = f
	}
	if err := os.WriteFile(file, []byte(gen(size)), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, size
}
