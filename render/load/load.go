// Package load reads a conference described in YAML into a validated
// report.Report.
//
// Loading is strict and reports every problem it finds at once, each with
// the file, line and column to fix, in plain Vietnamese for the secretariat
// staff who write the files. The decoder is driven by the struct tags of the
// model (yaml, required, min, enum), so a field added to package report is
// loaded and checked without changes here.
//
// YAML anchors are ignored and aliases (*name) are refused: the files are
// written by hand, aliases would only make them harder to read, and refusing
// them rules out documents that expand to huge sizes.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"baocao/render/report"
	"baocao/render/userfile"
)

// File reads and loads the YAML file at path, strictly. Positions in the
// report and in errors name the file by path as given.
func File(path string) (*report.Report, error) { return Options{}.File(path) }

// Bytes loads the YAML document data, strictly; name is the file name used
// in positions. On any problem in the input it returns report.Errors.
func Bytes(name string, data []byte) (*report.Report, error) { return Options{}.Bytes(name, data) }

// File reads and loads the YAML file at path. Positions in the report and in
// errors name the file by path as given.
func (o Options) File(path string) (*report.Report, error) {
	data, err := o.readFile(path)
	if err != nil {
		return nil, report.Errors{{Pos: report.Pos{File: path}, Msg: readMessage(err)}}
	}
	return o.Bytes(path, data)
}

// readFile reads the file at path — inside o.Root, when set — refusing
// one over maxFileBytes before reading it, and anything but a regular
// file.
func (o Options) readFile(path string) ([]byte, error) {
	if o.Root == "" {
		return userfile.Read(path, maxFileBytes)
	}
	rel, err := filepath.Rel(o.Root, path)
	if err != nil || !filepath.IsLocal(rel) {
		return nil, &userfile.OutsideError{Path: path, Folder: o.Root}
	}
	f, err := userfile.OpenFolder(o.Root)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Read(rel, maxFileBytes)
}

// readMessage explains why a file could not be read.
func readMessage(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "không tìm thấy tệp — hãy kiểm tra lại tên và thư mục của tệp"
	}
	var big *userfile.TooLargeError
	if errors.As(err, &big) {
		return tooBig(big.Size)
	}
	return err.Error()
}

// Bytes loads the YAML document data; name is the file name used in
// positions. On any problem in the input it returns report.Errors.
func (o Options) Bytes(name string, data []byte) (*report.Report, error) {
	if len(data) > maxFileBytes {
		return nil, report.Errors{{Pos: report.Pos{File: name}, Msg: tooBig(int64(len(data)))}}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	data, e := o.legacyFile(name, data)
	if e != nil {
		return nil, report.Errors{e}
	}
	if e := checkText(name, data); e != nil {
		return nil, report.Errors{e}
	}
	// One copy of the text serves the parser and the decoder, which locates
	// values in it: data, no longer used, can be freed before the node
	// tree is built.
	src := string(data)
	root, e := parse(name, src)
	if e != nil {
		return nil, report.Errors{e}
	}
	if errs := checkLimits(name, root); len(errs) > 0 {
		return nil, errs
	}
	d := newDecoder(name, src)
	d.assets.root = o.Root
	defer d.assets.close()
	d.assets.files = o.Files
	o.legacyText(d, root)
	r := &report.Report{}
	d.mapping(root, reflect.ValueOf(r).Elem(), "")
	r.Positions = d.pos
	check(d, r)
	checkTables(d, r)
	if len(d.errs) > 0 {
		d.errs.Sort()
		return nil, d.errs
	}
	return r, nil
}

// checkText finds the first byte the YAML parser would refuse without
// saying where — invalid UTF-8 and control characters — and the first
// character it would misread or the text cannot print (see oddRune).
func checkText(name string, data []byte) *report.Error {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return &report.Error{Pos: report.Pos{File: name, Line: 1, Column: 1},
			Msg: "tệp được lưu với mã hóa UTF-16 — hãy lưu lại tệp với mã hóa UTF-8"}
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		pos := report.Pos{File: name, Line: line, Column: col}
		switch {
		case r == utf8.RuneError && size == 1:
			return &report.Error{Pos: pos, Msg: "tệp có ký tự không đọc được (không phải mã hóa UTF-8) — hãy mở tệp và lưu lại với mã hóa UTF-8"}
		case !allowedRune(r):
			return &report.Error{Pos: pos, Msg: fmt.Sprintf("tệp có ký tự điều khiển không nhìn thấy (U+%04X), thường do sao chép từ nơi khác — hãy xóa ký tự này hoặc gõ lại đoạn chữ", r)}
		case r >= 0x80 || r == '\r':
			next, _ := utf8.DecodeRune(data[i+size:])
			if msg := oddRune(r, next); msg != "" {
				return &report.Error{Pos: pos, Msg: msg}
			}
			col++
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return nil
}

// allowedRune reports whether YAML accepts r in a document (YAML 1.2 §5.1).
func allowedRune(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == 0x85:
		return true
	case r >= 0x20 && r <= 0x7E, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD:
		return true
	}
	return r >= 0x10000 && r <= utf8.MaxRune
}

// parse reads the single YAML document in src and returns its root node.
func parse(name, src string) (*yaml.Node, *report.Error) {
	dec := yaml.NewDecoder(strings.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return nil, &report.Error{Pos: report.Pos{File: name, Line: 1, Column: 1},
			Msg: "tệp trống — hãy viết nội dung báo cáo, bắt đầu bằng các mục agency:, conference: …"}
	} else if err != nil {
		return nil, syntaxError(name, src, err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return nil, &report.Error{Pos: report.Pos{File: name, Line: next.Line, Column: next.Column},
			Msg: `tệp chỉ được chứa một báo cáo, nhưng có dòng "---" bắt đầu phần thứ hai — hãy xóa dòng "---" hoặc tách thành tệp riêng`}
	} else if err != io.EOF {
		return nil, syntaxError(name, src, err)
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &report.Error{Pos: report.Pos{File: name, Line: root.Line, Column: root.Column},
			Msg: fmt.Sprintf("tệp phải gồm các mục dạng \"khóa: giá trị\" (agency:, conference: …), đang là %s — hãy viết lại theo tệp mẫu", found(root))}
	}
	return root, nil
}

// yamlLine matches the prefix of yaml.v3's messages and the line number
// it names.
var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// syntaxHints explain the parser's most common messages, matched by
// fragment, as what is wrong and what to do.
var syntaxHints = []struct{ fragment, what, todo string }{
	{"tab character", "có ký tự Tab ở đầu dòng", "hãy thụt lề bằng dấu cách, không dùng phím Tab"},
	{"cannot start any token", "có ký tự không được đứng đầu (Tab, @, `, % …)", "hãy thụt lề bằng dấu cách; nếu giá trị bắt đầu bằng ký tự đặc biệt, đặt cả giá trị trong dấu ngoặc kép"},
	{"mapping values are not allowed", "có dấu hai chấm ở chỗ không hợp lệ", `nếu giá trị có dấu hai chấm (ví dụ "Báo cáo: tổng kết"), hãy đặt cả giá trị trong dấu ngoặc kép; nếu không, kiểm tra thụt lề`},
	{"could not find expected ':'", "thiếu dấu hai chấm sau tên khóa", `hãy viết "khóa: giá trị", có một dấu cách sau dấu hai chấm`},
	{"did not find expected key", "thụt lề không khớp", "các khóa trong cùng một mục phải thẳng cột với nhau, thụt vào bằng dấu cách"},
	{"did not find expected '-' indicator", "danh sách bị lẫn với khóa", `mỗi mục của danh sách bắt đầu bằng "- " và thẳng cột với nhau`},
	{"did not find expected ',' or ']'", "danh sách trong ngoặc vuông [ ] chưa đóng hoặc thiếu dấu phẩy", "hãy kiểm tra các dấu ngoặc và dấu phẩy"},
	{"did not find expected ',' or '}'", "nhóm trong ngoặc nhọn { } chưa đóng hoặc thiếu dấu phẩy", "hãy kiểm tra các dấu ngoặc và dấu phẩy"},
	{"unexpected end of stream", "tệp kết thúc giữa chừng", "có dấu ngoặc kép hoặc ngoặc vuông chưa đóng — hãy thêm dấu đóng"},
}

// syntaxError turns a yaml.v3 parse error into an Error at the line the
// parser names (often the start of the construct it was reading, so the
// mistake may be on a following line). The parser's English text is kept
// only when no hint explains it, being then the one account of the
// mistake, and without its line, which may differ from the position
// given. A tab in an indentation is located exactly, being the most
// common mistake of people new to YAML.
func syntaxError(name, src string, err error) *report.Error {
	text := err.Error()
	pos := report.Pos{File: name, Line: 1, Column: 1} // yaml.v3 omits the line when its zero-based mark is on the first line
	if m := yamlLine.FindStringSubmatch(text); m != nil && m[1] != "" {
		pos.Line, _ = strconv.Atoi(m[1])
	}
	what, todo := "tệp viết sai cú pháp", "hãy kiểm tra thụt lề (chỉ dùng dấu cách), dấu hai chấm sau mỗi khóa và các dấu ngoặc kép"
	detail := " (bộ đọc YAML báo: " + yamlLine.ReplaceAllString(text, "") + ")"
	for _, h := range syntaxHints {
		if strings.Contains(text, h.fragment) {
			what, todo, detail = h.what, h.todo, ""
			break
		}
	}
	where := "ở dòng này hoặc ngay sau"
	if strings.Contains(text, "tab character") || strings.Contains(text, "cannot start any token") {
		if line, col, ok := indentTab(src, pos.Line); ok {
			pos.Line, pos.Column, where = line, col, "ở đây"
			what, todo, detail = syntaxHints[0].what, syntaxHints[0].todo, ""
		}
	} else if col, ok := secondColon(src, pos.Line); ok && strings.Contains(text, "mapping values are not allowed") {
		pos.Column, where = col, "ở đây"
	} else if line, col, ok := unclosedQuote(src, pos.Line); ok {
		// A quoted value may run on over lines, so the parser stumbles
		// only where a later quote ends it, far from the mistake.
		pos.Line, pos.Column, where = line, col, "ở đây"
		what, todo, detail = "giá trị mở dấu ngoặc kép nhưng không đóng trên cùng dòng", `hãy thêm dấu " ở cuối giá trị`, ""
	}
	return &report.Error{Pos: pos, Msg: fmt.Sprintf("lỗi cú pháp YAML %s: %s — %s%s", where, what, todo, detail)}
}

// secondColon finds on line (1-based) a colon and space after the one
// that ends the key — "title: Báo cáo: tổng kết" — and returns its column.
func secondColon(src string, line int) (col int, ok bool) {
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) {
		return 0, false
	}
	l := strings.TrimSuffix(lines[line-1], "\r")
	first := strings.Index(l, ": ")
	if first < 0 || strings.ContainsAny(l[:first], `"'`) {
		return 0, false
	}
	second := strings.Index(l[first+2:], ": ")
	if second < 0 {
		return 0, false
	}
	at := first + 2 + second
	return utf8.RuneCountInString(l[:at]) + 1, true
}

// unclosedQuote finds the first line before line (1-based) where a value
// opens a double quote and does not close it, and the column of the quote.
func unclosedQuote(src string, line int) (l, col int, ok bool) {
	for i, text := range strings.Split(src, "\n") {
		if i+1 >= line {
			break
		}
		if c := openQuote(text); c > 0 {
			return i + 1, c, true
		}
	}
	return 0, 0, false
}

// openQuote returns the column of a double quote that opens a value on
// line and is not closed on it, or 0. A quote inside a plain value
// (Báo cáo "tổng kết") opens nothing.
func openQuote(line string) int {
	open, prev, escaped := 0, ' ', false
	for c, r := range []rune(line) {
		switch {
		case open > 0 && escaped:
			escaped = false
		case open > 0 && r == '\\':
			escaped = true
		case open > 0 && r == '"':
			open = 0
		case open > 0:
		case r == '#' && prev == ' ':
			return 0 // the rest is a comment
		case r == '"' && strings.ContainsRune(" :-[,{", prev):
			open = c + 1
		}
		if r != ' ' || open > 0 {
			prev = r
		}
	}
	return open
}

// indentTab finds a tab in the leading whitespace of line from (1-based)
// or the next, where the parser stopped.
func indentTab(src string, from int) (line, col int, ok bool) {
	for i, l := range strings.Split(src, "\n") {
		if i+1 < from || i+1 > from+1 {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if c := strings.IndexByte(indent, '\t'); c >= 0 {
			return i + 1, c + 1, true
		}
	}
	return 0, 0, false
}
