package render

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/report"
)

// notPrinted are the keys whose values name other values (ids) and never
// appear in a document.
var notPrinted = map[string]bool{"id": true, "chair": true}

var (
	assetType = reflect.TypeFor[report.Asset]()
	styles    = [...]face.Style{face.Regular, face.Bold, face.Italic, face.BoldItalic}
)

// checkGlyphs reports every character written in the report, or in the
// templates of the kinds, that the family cannot print, at its place in the
// YAML or the template file. A value may end up in any style (a name in
// bold in one document, in italic in another), so a character must be in
// all four. What the templates' functions write has no place in a file;
// layout checks it once more after laying it out.
func checkGlyphs(r *report.Report, kinds []document.Kind, fam *face.Family) error {
	var errs report.Errors
	eachString(reflect.ValueOf(r).Elem(), "", func(path, s string) {
		// Most values are wholly printable: they are told apart first,
		// without the bookkeeping of missingGlyphs.
		if !allPrintable(fam, s) {
			errs = append(errs, missingGlyphs(r.PosOf(path), s, fam)...)
		}
	})
	for _, k := range kinds {
		errs = append(errs, templateGlyphs(k, fam)...)
	}
	if len(errs) == 0 {
		return nil
	}
	errs.Sort()
	return errs
}

// templateGlyphs reports each character the template of kind k writes
// itself that fam lacks, at its first place in the template file.
func templateGlyphs(k document.Kind, fam *face.Family) report.Errors {
	var errs report.Errors
	seen := map[rune]bool{}
	k.Texts(func(at report.Pos, s string) {
		if allPrintable(fam, s) {
			return
		}
		for i, c := range []rune(s) {
			if c != '\t' && !printable(fam, c) && !seen[c] {
				seen[c] = true
				errs = append(errs, &report.Error{Pos: report.Pos{File: at.File, Line: at.Line, Column: at.Column + i}, Msg: glyphMessage(c, fam)})
			}
		}
	})
	return errs
}

// eachString calls fn with every string value in v that may be printed and
// the path the loader records its position under.
func eachString(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		if v.Len() > 0 {
			fn(path, v.String())
		}
	case reflect.Pointer:
		if !v.IsNil() {
			eachString(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			eachString(v.Index(i), path+"["+strconv.Itoa(i)+"]", fn)
		}
	case reflect.Struct:
		if v.Type() == assetType {
			return
		}
		for _, f := range report.Fields(v.Type()) {
			if notPrinted[f.Key] {
				continue
			}
			key := f.Key
			if path != "" {
				key = path + "." + key
			}
			eachString(v.Field(f.Index), key, fn)
		}
	}
}

// missingGlyphs reports each character of s, written at pos, that a face
// of fam lacks: once, at its first occurrence, naming the further lines it
// is on. A value with line breaks is a block scalar, whose position is that
// of its first content line and indentation (see package load), so its
// lines map one for one onto the file's.
func missingGlyphs(pos report.Pos, s string, fam *face.Family) report.Errors {
	var errs report.Errors
	first := map[rune]int{}     // index in errs
	more := map[rune][]string{} // further lines, for the message
	for i, line := range strings.Split(s, "\n") {
		col := 0
		for _, c := range line {
			col++
			if c == '\t' || printable(fam, c) {
				continue
			}
			at := report.Pos{File: pos.File, Line: pos.Line + i, Column: pos.Column + col - 1}
			if pos.Line == 0 {
				at = pos // a value the loader did not place
			}
			k, seen := first[c]
			switch {
			case !seen:
				first[c] = len(errs)
				errs = append(errs, &report.Error{Pos: at, Msg: glyphMessage(c, fam)})
			case at.Line != errs[k].Pos.Line && !slices.Contains(more[c], strconv.Itoa(at.Line)):
				more[c] = append(more[c], strconv.Itoa(at.Line))
			}
		}
	}
	for c, lines := range more {
		errs[first[c]].Msg += fmt.Sprintf(" (ký tự này còn có ở dòng %s)", strings.Join(lines, ", "))
	}
	return errs
}

// allPrintable reports whether every face of fam has every character of
// s but tabs and line breaks.
func allPrintable(fam *face.Family, s string) bool {
	for _, c := range s {
		if c != '\t' && c != '\n' && !printable(fam, c) {
			return false
		}
	}
	return true
}

// printable reports whether every face of fam has c.
func printable(fam *face.Family, c rune) bool {
	for _, st := range styles {
		if !fam.Face(st).Has(c) {
			return false
		}
	}
	return true
}

// glyphMessage says which character fam lacks, in which styles, and what
// to do about it.
func glyphMessage(c rune, fam *face.Family) string {
	var lacking []string
	for _, st := range styles {
		if !fam.Face(st).Has(c) {
			lacking = append(lacking, styleLabels[st])
		}
	}
	where := "phông chữ " + fam.Name
	if len(lacking) < len(styles) {
		where = fmt.Sprintf("%s của phông %s", strings.Join(lacking, ", "), fam.Name)
	}
	return fmt.Sprintf("ký tự %q (U+%04X) không có trong %s nên không in được — hãy thay bằng ký tự khác, hoặc dùng một phông chữ có ký tự này (khóa format.font trong tệp, hoặc tùy chọn --font)",
		string(c), c, where)
}
