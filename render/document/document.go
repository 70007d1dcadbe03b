// Package document builds the document model of one issued document — the
// ND30 frame fields and a body of blocks — from a report and the template of
// a document kind.
//
// A document knows what is written, not where: package layout decides
// positions, package pdf draws them. Every string here is final text, NFC,
// with numbers and dates already formatted.
package document

// Document is one administrative document ready for layout.
type Document struct {
	// Slug names the kind in output file names ("bao-cao").
	Slug string
	// Form is the page model, chosen by the kind's template.
	Form Form
	// Frame is the ND30 header and closing of the first and last page.
	Frame Frame
	// Body is the content between the trích yếu and the closing block.
	Body []Block
	// Annexes follow the document, each on pages of its own (nd30.md §5).
	Annexes []Annex
	// Meta is what the PDF says about itself.
	Meta Meta
}

// Frame holds the ND30 header and closing fields, already formatted.
type Frame struct {
	Parent    string // cơ quan chủ quản, upper case; may be empty
	Agency    string // cơ quan ban hành, upper case
	Number    string // "Số: 15/BC-CAT"
	PlaceDate string // "Cần Thơ, ngày 15 tháng 01 năm 2022"
	KindName  string // tên loại, "BÁO CÁO"
	Title     string // trích yếu

	// Stamps, upper case, empty when none: độ khẩn ("KHẨN", "THƯỢNG KHẨN",
	// "HỎA TỐC") and độ mật ("MẬT", "TỐI MẬT", "TUYỆT MẬT").
	Urgency, Secrecy string
	// KinhGui are the addressees, punctuated: one is "Bộ Công an.", several
	// are "- Bộ Công an;" … "- Ủy ban nhân dân thành phố.". Nil when none.
	KinhGui []string

	Recipients []string  // Nơi nhận lines, punctuated: "- Như trên;" … "- Lưu: VT, PV01."
	Signature  Signature // the signing block on the right
	// Secretary is the biên bản's second signing block, THƯ KÝ, on the
	// left of the chair's (Mẫu 1.9); empty for the other kinds.
	Secretary Signature
	// Author and Source close a bản tin: who wrote it and where it was
	// published; empty when not given.
	Author, Source string
	// SignatureImage and Seal are the PNG or JPEG bytes of a digitally
	// signed copy's signature and seal; nil when none.
	SignatureImage, Seal []byte
}

// Signature is the signing block: authority and position lines, the space
// for the signature, and the name.
type Signature struct {
	Authority string // "KT. GIÁM ĐỐC", empty when the head signs
	Position  string // "PHÓ GIÁM ĐỐC"
	Name      string // "Đại tá Trần Văn A"
}

// Annex is one appendix (Phụ lục): its heading block and its content, which
// ends with "./.".
type Annex struct {
	Label string // "Phụ lục I"
	Title string // upper case
	// Ref ties the annex to its document: "(Kèm theo Báo cáo số 15/BC-CAT
	// ngày 15 tháng 01 năm 2022 của …)".
	Ref  string
	Body []Block
}

// Meta is the PDF's document information.
type Meta struct {
	Title    string
	Author   string
	Subject  string
	Keywords string
}

// Block is one element of the body: *Heading, *Paragraph or *Table.
type Block interface{ isBlock() }

// Run is a stretch of text in one style.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
}

// Heading is a numbered heading of the report hierarchy (nd30.md §4).
type Heading struct {
	// Level: 1 Phần, 2 I., 3 1., 4 a).
	Level int
	// Label is the number as printed: "Phần I", "I.", "1.", "a)".
	Label string
	// Runs is the title, already upper-cased where the level wants it.
	Runs []Run
}

// Paragraph is a body paragraph; list items are paragraphs with a marker.
type Paragraph struct {
	// Marker is "-" or "+" for list items, empty otherwise.
	Marker string
	Runs   []Run
}

// Align is the horizontal alignment of a table column.
type Align int

// Column alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Table is a table with one header row.
type Table struct {
	Header []Cell
	Rows   [][]Cell
	Align  []Align
}

// Cell is one table cell.
type Cell struct {
	Runs []Run
}

func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*Table) isBlock()     {}
