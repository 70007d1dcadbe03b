package face

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// MaxFileBytes bounds the size of a font file read: the largest TrueType
// files in common use (Arial Unicode MS) are some 23 MB, a Vietnamese
// font about 1 MB; a larger file is a wrong choice (a video, a disk image)
// not to be read into memory. The four of a family are held while a
// report renders.
const MaxFileBytes = 32 << 20

// requiredTables are the tables of a TrueType font that this package reads
// to measure it and to cut the subset a PDF embeds.
var requiredTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post"}

// The messages say what is wrong and what to do, for the person who chose
// the file; callers add which file it is.
var (
	// ErrOpenType is a font with PostScript (CFF) outlines, a .otf file.
	ErrOpenType = errors.New("đây là phông OpenType dạng CFF (tệp .otf), chương trình chỉ nhúng được phông TrueType — hãy dùng tệp .ttf của từng kiểu chữ")
	// ErrCollection is a TrueType collection, a .ttc file holding
	// several fonts.
	ErrCollection = errors.New("đây là bộ sưu tập phông (tệp .ttc, nhiều phông trong một tệp), chương trình chỉ nhúng được từng phông TrueType riêng — hãy dùng tệp .ttf của từng kiểu chữ")
	// ErrNotFont is a file that is not a TrueType font at all.
	ErrNotFont = errors.New("tệp không phải là phông chữ TrueType — hãy chọn tệp .ttf của phông chữ")
)

// Check reports whether data is a TrueType font that can be measured and
// embedded: TrueType outlines, every table the embedder reads, a Unicode
// character map of the kind it uses (format 4), names, a width for every
// glyph, and glyph data that a subset can be cut from (Subset). A font
// that passes is measured and embedded without an error, so that a broken
// table is reported where the font is named, not when a PDF is written.
func Check(data []byte) error {
	if len(data) < 12 {
		return ErrNotFont
	}
	switch string(data[:4]) {
	case "OTTO":
		return ErrOpenType
	case "ttcf":
		return ErrCollection
	case "\x00\x01\x00\x00", "true":
	default:
		return ErrNotFont
	}
	if _, err := sfnt.Parse(data); err != nil {
		return fmt.Errorf("tệp phông bị hỏng, không đọc được — hãy chép lại tệp .ttf từ máy gốc (chi tiết kỹ thuật: %v)", err)
	}
	dir := tables(data)
	for _, t := range requiredTables {
		if _, ok := dir[t]; !ok {
			return fmt.Errorf("phông thiếu bảng %q nên không nhúng được vào PDF — hãy dùng một phông TrueType (.ttf) đầy đủ khác", t)
		}
	}
	if !hasUnicodeMap(dir["cmap"]) {
		return errors.New("phông không có bảng mã Unicode (cmap định dạng 4), thường là phông ký hiệu hoặc phông cũ — hãy dùng một phông TrueType có tiếng Việt")
	}
	if _, _, err := Names(data); err != nil {
		return fmt.Errorf("phông không có tên họ phông và kiểu chữ (bảng name) — %s", brokenTodo)
	}
	f, err := parse(data)
	if err != nil {
		return fmt.Errorf("tệp phông bị hỏng, không đọc được — %s (chi tiết kỹ thuật: %v)", brokenTodo, err)
	}
	if err := f.checkTables(); err != nil {
		return fmt.Errorf("%v — %s", err, brokenTodo)
	}
	return nil
}

// brokenTodo is what to do about a damaged font file.
const brokenTodo = "hãy chép lại tệp .ttf từ máy gốc, hoặc dùng một phông TrueType khác"

// checkTables checks what the sfnt package does not and the embedder
// reads: the units of the em, a width for every glyph (hmtx), and every
// glyph's data, as Subset cuts it.
func (f *Face) checkTables() error {
	if f.upem <= 0 {
		return corrupt("head")
	}
	if f.numHMetrics < 1 || f.numHMetrics > f.numGlyphs || len(f.hmtx) < 4*f.numHMetrics+2*(f.numGlyphs-f.numHMetrics) {
		return corrupt("hmtx")
	}
	s, err := f.subsetter()
	if err != nil {
		return err
	}
	for g := range f.numGlyphs {
		if err := s.mark(uint16(g), 0); err != nil {
			return err
		}
	}
	return nil
}

// tables reads the table directory of a TrueType font whose header sfnt
// has accepted: tag → the table's bytes. sfnt has checked that every table
// lies within data; a record that does not is left out all the same, so
// that no reader of a table can run past the end of the file.
func tables(data []byte) map[string][]byte {
	if len(data) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	m := make(map[string][]byte, n)
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			break
		}
		off := uint64(binary.BigEndian.Uint32(data[rec+8:]))
		end := off + uint64(binary.BigEndian.Uint32(data[rec+12:]))
		if end <= uint64(len(data)) {
			m[string(data[rec:rec+4])] = data[off:end:end]
		}
	}
	return m
}

// hasUnicodeMap reports whether a cmap table has a format 4 subtable for
// Unicode (platform 0, or platform 3 encoding 1), the map every usable
// Vietnamese TrueType font has.
func hasUnicodeMap(cmap []byte) bool {
	u16 := func(at uint64) (int, bool) {
		if at+2 > uint64(len(cmap)) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(cmap[at:])), true
	}
	n, ok := u16(2)
	if !ok {
		return false
	}
	for i := range n {
		rec := 4 + 8*uint64(i)
		platform, ok1 := u16(rec)
		encoding, ok2 := u16(rec + 2)
		if !ok1 || !ok2 || rec+8 > uint64(len(cmap)) {
			return false
		}
		if platform != 0 && (platform != 3 || encoding != 1) {
			continue
		}
		if format, ok := u16(uint64(binary.BigEndian.Uint32(cmap[rec+4:]))); ok && format == 4 {
			return true
		}
	}
	return false
}

// Names returns the family and style names a font gives itself, as in
// "Times New Roman" and "Bold Italic": the names by which the four files of
// a family are told apart.
func Names(data []byte) (family, style string, err error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return "", "", err
	}
	var buf sfnt.Buffer
	if family, err = f.Name(&buf, sfnt.NameIDFamily); err != nil {
		return "", "", err
	}
	if style, err = f.Name(&buf, sfnt.NameIDSubfamily); err != nil {
		return "", "", err
	}
	return family, style, nil
}

// postScriptName reads the font's PostScript name, or makes one in the
// usual Family-Style form from its family and style names, keeping only
// the characters a PDF name may hold unescaped (the OpenType specification
// restricts PostScript names to them anyway).
func postScriptName(f *sfnt.Font, buf *sfnt.Buffer) string {
	name, err := f.Name(buf, sfnt.NameIDPostScript)
	if err != nil {
		family, _ := f.Name(buf, sfnt.NameIDFamily)
		style, _ := f.Name(buf, sfnt.NameIDSubfamily)
		name = family + "-" + style
	}
	return strings.Trim(strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7F && !strings.ContainsRune("[](){}<>/%#", r) {
			return r
		}
		return -1
	}, name), "-")
}
