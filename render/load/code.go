package load

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"baocao/render/report"
	"baocao/render/viet"
)

// checkCodes checks the ký hiệu of each document. The document prints
// "Số: <number>/<code>", so a code written with the number or with "Số"
// prints them twice ("Số: 05/05/BC-X"); Nghị định 30 (nd30.md §6) writes
// a ký hiệu as the abbreviation of the kind, a dash, and the issuer's
// abbreviation, in capitals: BC-UBND.
func checkCodes(d *decoder, r *report.Report) {
	if r.BaoCao != nil {
		checkCode(d, "bao_cao", r.BaoCao.Code, r.BaoCao.Number, "BC", "báo cáo")
	}
	if r.ThongBao != nil {
		checkCode(d, "thong_bao", r.ThongBao.Code, r.ThongBao.Number, "TB", "thông báo")
	}
	if r.BienBan != nil {
		checkCode(d, "bien_ban", r.BienBan.Code, r.BienBan.Number, "BB", "biên bản")
	}
}

// checkCode reports what is wrong with code, the ký hiệu of the document
// at path, whose kind is abbreviated kind, and what to write instead.
func checkCode(d *decoder, path, code string, number int, kind, name string) {
	if code == "" { // reported as missing
		return
	}
	problem := codeProblem(code, kind, name)
	if problem == "" {
		return
	}
	fix := fixCode(code, kind)
	todo := fmt.Sprintf(`hãy viết code: %s (văn bản sẽ in "Số: %s/%s")`, fix, viet.DocNumber(number), fix)
	if codeProblem(fix, kind, name) != "" {
		todo = fmt.Sprintf(`hãy viết chữ viết tắt tên loại, dấu "-" rồi chữ viết tắt tên cơ quan, ví dụ code: %s-UBND (văn bản sẽ in "Số: %s/%s-UBND")`, kind, viet.DocNumber(number), kind)
	}
	d.errorf(d.pos[path+".code"], `"code" là %q, %s — %s`, code, problem, todo)
}

// codeProblem says what is wrong with code as the ký hiệu of a document
// of kind (name), or "" when nothing is.
func codeProblem(code, kind, name string) string {
	first, _ := utf8.DecodeRuneInString(code)
	switch {
	case hasSo(code):
		return `có chữ "Số", mà "Số:" và số văn bản (ghi ở "number") được in sẵn trước ký hiệu`
	case unicode.IsDigit(first):
		return `có cả số văn bản, mà số văn bản ghi ở "number" và được in sẵn trước ký hiệu`
	case first == '/':
		return `bắt đầu bằng dấu "/", mà dấu "/" sau số văn bản được in sẵn`
	case strings.IndexFunc(code, unicode.IsSpace) >= 0:
		return "có dấu cách, mà ký hiệu viết liền"
	case strings.IndexFunc(code, unicode.IsLower) >= 0:
		return "có chữ thường, mà ký hiệu viết bằng chữ in hoa"
	}
	if i := strings.IndexFunc(code, func(r rune) bool { return !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '-' }); i >= 0 {
		c, _ := utf8.DecodeRuneInString(code[i:])
		return fmt.Sprintf(`có ký tự %q, mà ký hiệu chỉ gồm chữ in hoa, chữ số và dấu gạch ngang "-"`, c)
	}
	parts := strings.Split(code, "-")
	if len(parts) < 2 || slices.Contains(parts, "") {
		return `chưa đúng dạng <tên loại>-<cơ quan> của Nghị định 30, các phần nối bằng một dấu gạch ngang "-"`
	}
	if parts[0] != kind {
		return fmt.Sprintf("bắt đầu bằng %s, mà theo Nghị định 30 ký hiệu của %s bắt đầu bằng %s", parts[0], name, kind)
	}
	return ""
}

// hasSo reports whether code starts with the word "Số".
func hasSo(code string) bool {
	r := []rune(code)
	return len(r) >= 2 && strings.EqualFold(string(r[:2]), "số") && (len(r) == 2 || !unicode.IsLetter(r[2]))
}

// fixCode is code without what does not belong in a ký hiệu: "Số:", the
// number and its slash, spaces; in capitals, parts joined by dashes, the
// kind's abbreviation first.
func fixCode(code, kind string) string {
	s := code
	if hasSo(s) {
		s = strings.TrimLeft(string([]rune(s)[2:]), ": ")
	}
	s = strings.TrimLeft(s, "0123456789")
	s = strings.TrimLeft(s, "/ ")
	s = strings.Join(strings.Fields(viet.Upper(s)), "")
	s = strings.ReplaceAll(s, "/", "-")
	if k, rest, ok := strings.Cut(s, "-"); ok && k != kind && rest != "" {
		s = kind + "-" + rest
	}
	return s
}
