// Package report defines the validated report model: the facts of one
// conference, written once in YAML, from which every document and the
// statistics workbook are produced.
//
// The model is plain data. Loading and validation live in package load;
// the document kinds, layout and writers read the model and never change it.
// Figures that can be derived (differences, percentages, totals) are methods,
// never stored, so the PDF and the workbook cannot disagree.
package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"baocao/render/figure"
)

// Pos is a position in a source file, 1-based.
type Pos struct {
	File   string
	Line   int
	Column int
}

// String renders the position as file:line:col, the form editors jump to.
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Report is one conference and the documents issued about it.
type Report struct {
	Agency        Agency        `yaml:"agency" required:"true" doc:"Cơ quan ban hành"`
	Format        Format        `yaml:"format" doc:"Khổ giấy, lề và cỡ chữ (không bắt buộc)"`
	Conference    Conference    `yaml:"conference" required:"true" doc:"Hội nghị"`
	Statistics    Statistics    `yaml:"statistics" doc:"Số liệu thống kê"`
	Commendations Commendations `yaml:"commendations" doc:"Khen thưởng"`
	Annexes       []Annex       `yaml:"annexes" doc:"Các phụ lục kèm theo báo cáo (Phụ lục I, II…, theo thứ tự), mỗi phụ lục một bảng và/hoặc một đoạn nội dung"`
	BaoCao        *Document     `yaml:"bao_cao" doc:"Báo cáo tổng kết"`
	ThongBao      *ThongBao     `yaml:"thong_bao" doc:"Thông báo kết luận hội nghị"`
	BienBan       *BienBan      `yaml:"bien_ban" doc:"Biên bản hội nghị (Mẫu 1.9)"`
	BanTin        *BanTin       `yaml:"ban_tin" doc:"Bản tin tổng thuật hội nghị (đăng trang tin, bản tin nội bộ)"`

	// Positions maps the YAML path of every value ("bao_cao.body",
	// "statistics.groups[0].indicators[1].current") to where it was written,
	// so later stages can point the user at the line to fix.
	Positions map[string]Pos `yaml:"-"`
}

// PosOf returns where the value at path was written, or a position naming
// only the file when the path is unknown. The rows and cells of the
// annexes' tables ("annexes[0].table.rows[2][1]") are found in their
// Table's Places.
func (r *Report) PosOf(path string) Pos {
	if p, ok := r.Positions[path]; ok {
		return p
	}
	var file string
	for _, p := range r.Positions {
		file = p.File
		break
	}
	if pl, ok := r.tablePlace(path); ok {
		return Pos{File: file, Line: int(pl.Line), Column: int(pl.Column)}
	}
	return Pos{File: file}
}

// tablePlace finds the row or cell of an annex table at path in the
// table's Places.
func (r *Report) tablePlace(path string) (Place, bool) {
	annex, rest, ok := pathIndex(path, "annexes[")
	if !ok || annex >= len(r.Annexes) || r.Annexes[annex].Table == nil {
		return Place{}, false
	}
	places := r.Annexes[annex].Table.Places
	row, rest, ok := pathIndex(rest, ".table.rows[")
	if !ok || row >= len(places) {
		return Place{}, false
	}
	if rest == "" {
		return places[row].Row, true
	}
	cell, rest, ok := pathIndex(rest, "[")
	if !ok || rest != "" || cell >= len(places[row].Cells) {
		return Place{}, false
	}
	return places[row].Cells[cell], true
}

// pathIndex reads prefix, a number and "]" at the start of s, and returns
// the number and the rest of s.
func pathIndex(s, prefix string) (n int, rest string, ok bool) {
	s, ok = strings.CutPrefix(s, prefix)
	digits, rest, found := strings.Cut(s, "]")
	if !ok || !found {
		return 0, "", false
	}
	n, err := strconv.Atoi(digits)
	return n, rest, err == nil && n >= 0
}

// Agency is the issuing body: the parent line (cơ quan chủ quản) and the
// issuer (cơ quan ban hành), both as they are printed, in capitals.
type Agency struct {
	Parent string `yaml:"parent" doc:"Tên cơ quan chủ quản, viết hoa (ví dụ: BỘ CÔNG AN)"`
	Name   string `yaml:"name" required:"true" doc:"Tên cơ quan ban hành, viết hoa (ví dụ: CÔNG AN THÀNH PHỐ CẦN THƠ)"`
	// NameInText is the issuer as a sentence writes it. Capitals cannot be
	// lowered back mechanically without lowering proper names too.
	NameInText string `yaml:"name_in_text" doc:"Tên cơ quan ban hành như viết trong câu văn (ví dụ: Công an thành phố Cần Thơ); bỏ trống thì dùng name"`
	Place      string `yaml:"place" required:"true" doc:"Địa danh ghi trước ngày tháng (ví dụ: Cần Thơ)"`
}

// InText returns the issuer as written inside a sentence: NameInText, or
// Name when that is not given.
func (a Agency) InText() string {
	if a.NameInText != "" {
		return a.NameInText
	}
	return a.Name
}

// Format holds the page settings a user may change within the ranges of
// Nghị định 30. Zero values mean the defaults.
type Format struct {
	MarginTop    float64 `yaml:"margin_top" doc:"Lề trên, mm (20–25)"`
	MarginBottom float64 `yaml:"margin_bottom" doc:"Lề dưới, mm (20–25)"`
	MarginLeft   float64 `yaml:"margin_left" doc:"Lề trái, mm (30–35)"`
	MarginRight  float64 `yaml:"margin_right" doc:"Lề phải, mm (15–20)"`
	// Profile picks one of the two consistent size profiles of nd30.md §2.
	Profile string `yaml:"profile" enum:"decree,model" doc:"Bộ cỡ chữ: decree (theo ví dụ của Nghị định: Quốc hiệu 12, Tiêu ngữ 13) hoặc model (theo tệp mẫu: Quốc hiệu 13, Tiêu ngữ 14)"`
	// Font replaces the embedded Liberation Serif with the user's own
	// TrueType family (for example Times New Roman from their computer).
	Font *FontFiles `yaml:"font" doc:"Phông chữ TrueType (.ttf) của người dùng thay cho Liberation Serif"`
}

// FontFiles are the four TrueType files of one family.
type FontFiles struct {
	Regular    Asset `yaml:"regular" required:"true" asset:"font" doc:"Tệp .ttf chữ thường"`
	Bold       Asset `yaml:"bold" required:"true" asset:"font" doc:"Tệp .ttf chữ đậm"`
	Italic     Asset `yaml:"italic" required:"true" asset:"font" doc:"Tệp .ttf chữ nghiêng"`
	BoldItalic Asset `yaml:"bold_italic" required:"true" asset:"font" doc:"Tệp .ttf chữ đậm nghiêng"`
}

// Asset is a file the report refers to — an image, a font — read when the
// report is loaded, relative to the YAML file and inside its folder, so
// that later stages do no I/O and a missing or unusable file is reported at
// its line.
type Asset struct {
	Path string // as written in the YAML
	Data []byte
}

// IsZero reports whether no file was given.
func (a Asset) IsZero() bool { return a.Path == "" }

// Conference is the meeting the documents are about.
type Conference struct {
	Name      string     `yaml:"name" required:"true" doc:"Tên hội nghị"`
	Date      Date       `yaml:"date" required:"true" doc:"Ngày họp (15/01/2022 hoặc 2022-01-15)"`
	Time      string     `yaml:"time" doc:"Giờ bắt đầu (ví dụ: 08:00)"`
	Place     string     `yaml:"place" required:"true" doc:"Địa điểm"`
	Chair     string     `yaml:"chair" required:"true" doc:"Mã (id) của đại biểu chủ trì, trong danh sách delegates"`
	Delegates []Delegate `yaml:"delegates" required:"true" doc:"Đại biểu dự hội nghị"`
}

// ChairDelegate returns the delegate who chaired, if the id resolves.
func (c *Conference) ChairDelegate() (Delegate, bool) {
	for _, d := range c.Delegates {
		if d.ID == c.Chair {
			return d, true
		}
	}
	return Delegate{}, false
}

// Delegate is a person present at the conference.
type Delegate struct {
	ID     string   `yaml:"id" required:"true" doc:"Mã ngắn để tham chiếu (ví dụ: thuan)"`
	Name   string   `yaml:"name" required:"true" doc:"Họ và tên"`
	Rank   string   `yaml:"rank" doc:"Cấp bậc (ví dụ: Thiếu tướng)"`
	Titles []string `yaml:"titles" doc:"Chức vụ, theo thứ tự"`
	Guest  bool     `yaml:"guest" doc:"Đại biểu cấp trên đến dự và chỉ đạo"`
}

// Statistics are the indicators compared between two periods.
type Statistics struct {
	Previous string  `yaml:"previous" required:"true" doc:"Tên kỳ trước (ví dụ: Năm 2020)"`
	Current  string  `yaml:"current" required:"true" doc:"Tên kỳ này (ví dụ: Năm 2021)"`
	Groups   []Group `yaml:"groups" required:"true" doc:"Nhóm chỉ tiêu"`
}

// Group is a titled group of indicators (row I, II … of the table).
type Group struct {
	Title      string      `yaml:"title" required:"true" doc:"Tên nhóm chỉ tiêu"`
	Indicators []Indicator `yaml:"indicators" required:"true" doc:"Các chỉ tiêu trong nhóm"`
}

// Indicator is one counted quantity in both periods. Differences and
// percentages are derived, never typed in.
type Indicator struct {
	ID       string  `yaml:"id" required:"true" doc:"Mã ngắn để dẫn số liệu trong văn bản (ví dụ: toi-pham)"`
	Name     string  `yaml:"name" required:"true" doc:"Tên chỉ tiêu"`
	Unit     string  `yaml:"unit" required:"true" doc:"Đơn vị tính (ví dụ: vụ, người)"`
	Previous float64 `yaml:"previous" required:"true" min:"0" doc:"Số liệu kỳ trước"`
	Current  float64 `yaml:"current" required:"true" min:"0" doc:"Số liệu kỳ này"`
}

// Change is the current value minus the previous one.
func (i Indicator) Change() float64 { return i.Current - i.Previous }

// Percent is the change relative to the previous value, in percent,
// rounded to one decimal as it is printed, and computed exactly on the
// figures as written (figure.Percent). ok is false when the previous
// value is 0 and no percentage exists.
func (i Indicator) Percent() (pct float64, ok bool) {
	return figure.Percent(i.Previous, i.Current)
}

// Total is a row of sums in the statistics workbook: the figures of
// several indicators in one unit, added up exactly.
type Total struct {
	Unit              string
	Previous, Current float64
	// Decimals is how many decimals the row is shown with: as many as the
	// figure summed that has the most.
	Decimals int
}

// Total returns the group's row of totals, when it has one: two or more
// indicators sharing one unit other than "%". A sum of mixed units means
// nothing, nor does a sum of percentages, nor a "total" of a single
// indicator. It cannot tell a part from its whole ("số vụ" and "số vụ đã
// làm rõ" share a unit); the model has no field for that yet.
func (g Group) Total() (Total, bool) {
	inds := g.Indicators
	if len(inds) < 2 || inds[0].Unit == "%" {
		return Total{}, false
	}
	for _, ind := range inds[1:] {
		if ind.Unit != inds[0].Unit {
			return Total{}, false
		}
	}
	return sum(inds, len(inds)), true
}

// Total returns the TỔNG CỘNG row of the statistics: the totals of the
// groups added up, when there are two or more groups and each has a total,
// all in one unit.
func (s *Statistics) Total() (Total, bool) {
	var all []Indicator
	for _, g := range s.Groups {
		t, ok := g.Total()
		if !ok || t.Unit != s.Groups[0].Indicators[0].Unit {
			return Total{}, false
		}
		all = append(all, g.Indicators...)
	}
	if len(s.Groups) < 2 {
		return Total{}, false
	}
	return sum(all, len(s.Groups)), true
}

// sum adds the figures of inds exactly, for a row of the workbook whose
// formula adds terms cells. The loader keeps them within figure.MaxSum,
// where the sum is exact.
func sum(inds []Indicator, terms int) Total {
	vals := make([]float64, 0, 2*len(inds))
	for _, ind := range inds {
		vals = append(vals, ind.Previous, ind.Current)
	}
	t := Total{Unit: inds[0].Unit, Decimals: figure.Decimals(vals...)}
	prev, cur := figure.NewSum(t.Decimals, terms), figure.NewSum(t.Decimals, terms)
	for _, ind := range inds {
		prev.Add(ind.Previous)
		cur.Add(ind.Current)
	}
	t.Previous, _ = prev.Value()
	t.Current, _ = cur.Value()
	return t
}

// Indicator finds an indicator by id.
func (s *Statistics) Indicator(id string) (Indicator, bool) {
	for _, g := range s.Groups {
		for _, ind := range g.Indicators {
			if ind.ID == id {
				return ind, true
			}
		}
	}
	return Indicator{}, false
}

// Commendations are the awards given for the period.
type Commendations struct {
	Awards []Award `yaml:"awards" doc:"Các hình thức khen thưởng"`
}

// Award is one form of award with how many collectives and individuals
// received it.
type Award struct {
	Form        string `yaml:"form" required:"true" doc:"Hình thức khen thưởng"`
	Collectives int    `yaml:"collectives" min:"0" doc:"Số tập thể"`
	Individuals int    `yaml:"individuals" min:"0" doc:"Số cá nhân"`
}

// Totals sums collectives and individuals over all awards.
func (c Commendations) Totals() (collectives, individuals int) {
	for _, a := range c.Awards {
		collectives += a.Collectives
		individuals += a.Individuals
	}
	return collectives, individuals
}

// Document is the data of one issued document: its number, date, subject,
// Markdown body, signer and recipients.
type Document struct {
	Number     int      `yaml:"number" required:"true" min:"1" doc:"Số văn bản (ví dụ: 15)"`
	Code       string   `yaml:"code" required:"true" doc:"Ký hiệu (ví dụ: BC-CAT)"`
	Date       Date     `yaml:"date" required:"true" doc:"Ngày ban hành"`
	Title      string   `yaml:"title" required:"true" doc:"Trích yếu nội dung"`
	Urgency    string   `yaml:"urgency" enum:"KHẨN,THƯỢNG KHẨN,HỎA TỐC" doc:"Độ khẩn: KHẨN, THƯỢNG KHẨN hoặc HỎA TỐC"`
	Secrecy    string   `yaml:"secrecy" enum:"MẬT,TỐI MẬT,TUYỆT MẬT" doc:"Độ mật: MẬT, TỐI MẬT hoặc TUYỆT MẬT"`
	KinhGui    []string `yaml:"kinh_gui" doc:"Kính gửi: một hoặc nhiều nơi nhận chính (báo cáo gửi cấp trên)"`
	Body       string   `yaml:"body" required:"true" doc:"Nội dung (Markdown); # Phần, ## mục I, ### điểm 1, #### tiết a)"`
	Signer     Signer   `yaml:"signer" required:"true" doc:"Người ký"`
	Recipients []string `yaml:"recipients" required:"true" doc:"Nơi nhận, mỗi dòng một nơi; dòng cuối là Lưu: VT, …"`
}

// Annex is one annex of the báo cáo, numbered Phụ lục I, II… in order: a
// title, an optional Markdown text and an optional table. The statistics
// table stands in the body and in the workbook, not as an annex.
type Annex struct {
	Title string `yaml:"title" required:"true" doc:"Tên phụ lục (ví dụ: Danh sách tập thể được khen thưởng)"`
	Body  string `yaml:"body" doc:"Nội dung (Markdown) trước bảng"`
	Table *Table `yaml:"table" doc:"Bảng số liệu của phụ lục"`
}

// Table is an annex table: typed columns and rows of cells. Number cells
// are written as numbers in the workbook and formatted the Vietnamese way
// in the PDF.
type Table struct {
	Columns []Column   `yaml:"columns" required:"true" doc:"Các cột"`
	Rows    [][]string `yaml:"rows" required:"true" doc:"Các dòng; mỗi dòng một danh sách ô, đúng số cột"`
	// Places is where each row and its cells were written, when the table
	// was loaded from a file; Report.PosOf reads it. A long table's cells
	// are kept out of Report.Positions, where each would cost a map entry
	// and a string key: 70 MB for a table of 100.000 rows.
	Places []RowPlaces `yaml:"-"`
}

// Place is a line and column in the file a report was loaded from,
// 1-based: a Pos without the file, small enough to keep for every cell of
// a table.
type Place struct{ Line, Column int32 }

// RowPlaces is where a table row and each of its cells were written.
type RowPlaces struct {
	Row   Place
	Cells []Place
}

// Column is one column of an annex table.
type Column struct {
	Name string `yaml:"name" required:"true" doc:"Tên cột"`
	Type string `yaml:"type" enum:"text,number" doc:"Kiểu: text (chữ, mặc định) hoặc number (số)"`
	Sum  bool   `yaml:"sum" doc:"Cộng dồn cột này ở dòng TỔNG CỘNG (chỉ cột số)"`
}

// IsNumber reports whether the column holds numbers.
func (c Column) IsNumber() bool { return c.Type == "number" }

// Signer is the person who signs, with the authority they sign under.
type Signer struct {
	Authority string `yaml:"authority" enum:"TM.,Q.,KT.,TL.,TUQ." doc:"Quyền hạn ký: TM., Q., KT., TL. hoặc TUQ. (bỏ trống nếu người đứng đầu ký)"`
	Head      string `yaml:"head" doc:"Chức vụ người đứng đầu, khi ký thay (ví dụ: GIÁM ĐỐC)"`
	Title     string `yaml:"title" required:"true" doc:"Chức vụ người ký (ví dụ: PHÓ GIÁM ĐỐC)"`
	Rank      string `yaml:"rank" doc:"Cấp bậc (ví dụ: Đại tá)"`
	Name      string `yaml:"name" required:"true" doc:"Họ và tên người ký"`
	// Signature and Seal are the images of a digitally signed copy.
	Signature Asset `yaml:"signature_image" asset:"image" doc:"Ảnh chữ ký (PNG hoặc JPEG), cho bản ký số"`
	Seal      Asset `yaml:"seal_image" asset:"image" doc:"Ảnh con dấu (PNG hoặc JPEG, kích thước thật), cho bản ký số"`
}

// Date is a calendar day, without time or zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// NarrativeBytes is the length of the report's Markdown texts — the
// bodies of its documents and annexes, the bản tin's lead — which the
// documents parse and lay out.
func (r *Report) NarrativeBytes() int {
	n := 0
	if r.BaoCao != nil {
		n += len(r.BaoCao.Body)
	}
	if r.ThongBao != nil {
		n += len(r.ThongBao.Body)
	}
	if r.BienBan != nil {
		n += len(r.BienBan.Body)
	}
	if r.BanTin != nil {
		n += len(r.BanTin.Body) + len(r.BanTin.Lead)
	}
	for _, a := range r.Annexes {
		n += len(a.Body)
	}
	return n
}
