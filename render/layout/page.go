// Package layout places a document on A4 pages following Nghị định
// 30/2020/NĐ-CP: the two-column header, the body with its headings, lists
// and tables, the closing block and the page numbers.
//
// The result is a list of pages of positioned items in millimetres from the
// top-left corner, which package pdf draws without further decisions. Tests
// measure the rules of the decree on these items directly.
package layout

import (
	"baocao/render/face"
	"baocao/render/picture"
)

// Page is one laid-out page. A page wider than it is tall is landscape.
type Page struct {
	Width, Height float64 // mm
	Items         []Item
	// Marks are the page's entries in the PDF outline, in reading order.
	Marks []Mark
}

// Mark is an outline (bookmark) entry: a heading or an annex.
type Mark struct {
	// Level is the depth in the outline, 0 at the top; each mark is at
	// most one level below the one before it.
	Level int
	Title string
	Y     float64 // mm from the top of the page, the top of the heading
}

// Item is a *Text, a *Rule or an *Image.
type Item interface{ isItem() }

// Role names what an item is, so tests and tools can find it without
// guessing from coordinates.
type Role string

// Roles of the items on a page.
const (
	RoleQuocHieu   Role = "quoc-hieu"
	RoleTieuNgu    Role = "tieu-ngu"
	RoleParent     Role = "parent"
	RoleAgency     Role = "agency"
	RoleNumber     Role = "number"
	RoleDate       Role = "date"
	RoleKind       Role = "kind"
	RoleTitle      Role = "title"
	RoleHeading    Role = "heading"
	RoleBody       Role = "body"
	RoleTable      Role = "table"
	RoleNoiNhan    Role = "noi-nhan"
	RoleRecipient  Role = "recipient"
	RoleAuthority  Role = "authority"
	RolePosition   Role = "position"
	RoleSigner     Role = "signer"
	RolePageNumber Role = "page-number"
	RoleTableRule  Role = "table-rule"
	RoleKinhGui    Role = "kinh-gui"
	RoleUrgency    Role = "urgency" // the độ khẩn stamp: its text and box
	RoleSecrecy    Role = "secrecy" // the độ mật stamp: its text and box
	RoleSignImage  Role = "signature-image"
	RoleSeal       Role = "seal"
	RoleAnnexLabel Role = "annex-label" // "Phụ lục I"
	RoleAnnexTitle Role = "annex-title"
	RoleAnnexRef   Role = "annex-ref" // "(Kèm theo Báo cáo số …)"
)

// Text is a string drawn from (X, Y), Y being the baseline.
type Text struct {
	X, Y  float64
	Style face.Style
	Size  float64 // pt
	S     string
	Role  Role
	// Width is the advance width of S, for tests and centring checks.
	Width float64
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64 // mm
	Role           Role
}

// Image is a picture drawn into the box X, Y (top-left), W × H mm.
type Image struct {
	X, Y, W, H float64
	Picture    *picture.Picture // a PNG or JPEG, read and checked
	Role       Role
}

func (*Text) isItem()  {}
func (*Rule) isItem()  {}
func (*Image) isItem() {}

// Margins of the page, in mm.
type Margins struct {
	Top, Bottom, Left, Right float64
}

// Sizes are the font sizes of a profile, in pt (nd30.md §2).
type Sizes struct {
	QuocHieu, TieuNgu, Agency, Number, Date, Kind, Body, Table, Signature, NoiNhanLabel, NoiNhan, PageNumber, Stamp float64
}

// Settings are the page geometry and sizes of one document.
type Settings struct {
	Margins Margins
	Sizes   Sizes
}

// A4 paper, portrait, in mm.
const (
	A4Width  = 210.0
	A4Height = 297.0
)

// DefaultSettings are margins inside the decree's ranges that leave room for
// the header on one line per item (top and bottom 20, left 30, right 15 mm,
// the usual setting of offices' Word templates) and DecreeSizes.
func DefaultSettings() Settings {
	return Settings{
		Margins: Margins{Top: 20, Bottom: 20, Left: 30, Right: 15},
		Sizes:   DecreeSizes(),
	}
}

// DecreeSizes are the sizes of the decree's examples (nd30.md §2): Quốc
// hiệu 12, Tiêu ngữ 13, agencies 12, Số and date 13, tên loại, trích yếu,
// body and signature 14, Nơi nhận 12 and its list 11; tables 12, page
// numbers and stamps 13.
func DecreeSizes() Sizes {
	return Sizes{
		QuocHieu: 12, TieuNgu: 13, Agency: 12, Number: 13, Date: 13, Kind: 14,
		Body: 14, Table: 12, Signature: 14, NoiNhanLabel: 12, NoiNhan: 11, PageNumber: 13, Stamp: 13,
	}
}

// ModelSizes are the sizes of the decree's model files (nd30.md §2): Quốc
// hiệu 13, Tiêu ngữ 14, agencies 13, date 14, signature 14; the rest as
// DecreeSizes.
func ModelSizes() Sizes {
	s := DecreeSizes()
	s.QuocHieu, s.TieuNgu, s.Agency, s.Date, s.Signature = 13, 14, 13, 14, 14
	return s
}
