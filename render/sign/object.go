package sign

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// The PDF objects this package reads and writes back (ISO 32000-1 §7.3).
// Numbers keep their text, so that a real is written back as it was read.
type (
	name    string
	number  string
	pdfStr  []byte
	array   []any
	dict    map[name]any
	ref     struct{ num, gen int }
	keyword string // true, false, null
	// stream is a stream object: its dictionary and its raw, still
	// encoded, data.
	stream struct {
		dict dict
		data []byte
	}
)

// errSyntax is wrapped by every error about the file's structure.
var errSyntax = errors.New("cấu trúc PDF không đọc được")

func syntaxError(at int, what string) error {
	return fmt.Errorf("%w: %s ở byte %d", errSyntax, what, at)
}

// lexer reads objects from b starting at pos.
type lexer struct {
	b   []byte
	pos int
	// depth limits nesting, so that a hostile file cannot exhaust the stack.
	depth int
}

const maxDepth = 100

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }

// skip moves past white space and comments.
func (l *lexer) skip() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// token reads a regular token: a number, a keyword or an operator.
func (l *lexer) token() string {
	l.skip()
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	return string(l.b[start:l.pos])
}

func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// object reads one object. Indirect references "n g R" are recognised by
// looking ahead.
func (l *lexer) object() (any, error) {
	l.skip()
	if l.pos >= len(l.b) {
		return nil, syntaxError(l.pos, "tệp kết thúc giữa chừng")
	}
	l.depth++
	defer func() { l.depth-- }()
	if l.depth > maxDepth {
		return nil, syntaxError(l.pos, "đối tượng lồng nhau quá sâu")
	}
	switch c := l.b[l.pos]; {
	case c == '/':
		return l.name()
	case c == '(':
		return l.literal()
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		return l.dict()
	case c == '<':
		return l.hex()
	case c == '[':
		l.pos++
		var a array
		for {
			l.skip()
			if l.pos >= len(l.b) {
				return nil, syntaxError(l.pos, "mảng không đóng")
			}
			if l.b[l.pos] == ']' {
				l.pos++
				return a, nil
			}
			o, err := l.object()
			if err != nil {
				return nil, err
			}
			a = append(a, o)
		}
	}
	start := l.pos
	t := l.token()
	if t == "" {
		return nil, syntaxError(start, "ký tự không mong đợi")
	}
	if isInt(t) {
		// "n g R"?
		save := l.pos
		g := l.token()
		if isInt(g) {
			if r := l.token(); r == "R" {
				n, _ := strconv.Atoi(t)
				gen, _ := strconv.Atoi(g)
				return ref{n, gen}, nil
			}
		}
		l.pos = save
		return number(t), nil
	}
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return number(t), nil
	}
	switch t {
	case "true", "false", "null":
		return keyword(t), nil
	}
	return nil, syntaxError(start, "từ khóa không mong đợi "+strconv.Quote(t))
}

func (l *lexer) name() (name, error) {
	l.pos++ // '/'
	var n []byte
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		c := l.b[l.pos]
		if c == '#' && l.pos+2 < len(l.b) {
			if v, err := strconv.ParseUint(string(l.b[l.pos+1:l.pos+3]), 16, 8); err == nil {
				n = append(n, byte(v))
				l.pos += 3
				continue
			}
		}
		n = append(n, c)
		l.pos++
	}
	return name(n), nil
}

func (l *lexer) literal() (pdfStr, error) {
	start := l.pos
	l.pos++
	var s []byte
	level := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			level++
		case ')':
			if level--; level == 0 {
				return s, nil
			}
		case '\\':
			if l.pos >= len(l.b) {
				break
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; i++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		s = append(s, c)
	}
	return nil, syntaxError(start, "chuỗi không đóng")
}

func (l *lexer) hex() (pdfStr, error) {
	start := l.pos
	l.pos++
	var digits []byte
	for l.pos < len(l.b) && l.b[l.pos] != '>' {
		if c := l.b[l.pos]; !isSpace(c) {
			digits = append(digits, c)
		}
		l.pos++
	}
	if l.pos >= len(l.b) {
		return nil, syntaxError(start, "chuỗi hex không đóng")
	}
	l.pos++
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	s := make([]byte, len(digits)/2)
	for i := range s {
		v, err := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		if err != nil {
			return nil, syntaxError(start, "chuỗi hex sai")
		}
		s[i] = byte(v)
	}
	return s, nil
}

func (l *lexer) dict() (dict, error) {
	start := l.pos
	l.pos += 2
	d := dict{}
	for {
		l.skip()
		if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
			l.pos += 2
			return d, nil
		}
		if l.pos >= len(l.b) || l.b[l.pos] != '/' {
			return nil, syntaxError(start, "từ điển sai")
		}
		k, _ := l.name()
		v, err := l.object()
		if err != nil {
			return nil, err
		}
		d[k] = v
	}
}

// indirect reads "n g obj … endobj" at pos: the object, with its stream
// data if it is a stream. length resolves a /Length given by reference.
func (l *lexer) indirect(num int, length func(any) (int, bool)) (any, error) {
	start := l.pos
	n, g, o := l.token(), l.token(), l.token()
	if o != "obj" || n != strconv.Itoa(num) || !isInt(g) {
		return nil, syntaxError(start, fmt.Sprintf("không thấy đối tượng %d", num))
	}
	v, err := l.object()
	if err != nil {
		return nil, err
	}
	d, ok := v.(dict)
	if !ok {
		return v, nil
	}
	save := l.pos
	if l.token() != "stream" {
		l.pos = save
		return d, nil
	}
	// The data starts after the end of line following "stream".
	if l.pos < len(l.b) && l.b[l.pos] == '\r' {
		l.pos++
	}
	if l.pos < len(l.b) && l.b[l.pos] == '\n' {
		l.pos++
	}
	n2, ok := length(d[name("Length")])
	if !ok || n2 < 0 || n2 > len(l.b)-l.pos {
		return nil, syntaxError(start, fmt.Sprintf("độ dài dòng dữ liệu của đối tượng %d sai", num))
	}
	return stream{dict: d, data: l.b[l.pos : l.pos+n2]}, nil
}

// write appends the PDF syntax of v to dst.
func write(dst []byte, v any) []byte {
	switch v := v.(type) {
	case name:
		dst = append(dst, '/')
		for _, c := range []byte(v) {
			if c <= ' ' || c >= 0x7f || c == '#' || isDelim(c) {
				dst = fmt.Appendf(dst, "#%02X", c)
			} else {
				dst = append(dst, c)
			}
		}
		return dst
	case number:
		return append(dst, v...)
	case keyword:
		return append(dst, v...)
	case pdfStr:
		return fmt.Appendf(dst, "<%X>", []byte(v))
	case ref:
		return fmt.Appendf(dst, "%d %d R", v.num, v.gen)
	case array:
		dst = append(dst, '[')
		for i, o := range v {
			if i > 0 {
				dst = append(dst, ' ')
			}
			dst = write(dst, o)
		}
		return append(dst, ']')
	case dict:
		// Sorted, so that equal input gives equal bytes.
		keys := make([]name, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		dst = append(dst, "<<"...)
		for _, k := range keys {
			dst = write(dst, k)
			dst = append(dst, ' ')
			dst = write(dst, v[k])
			dst = append(dst, ' ')
		}
		return append(dst, ">>"...)
	case stream:
		d := dict{}
		for k, x := range v.dict {
			d[k] = x
		}
		d["Length"] = number(strconv.Itoa(len(v.data)))
		dst = write(dst, d)
		dst = append(dst, "\nstream\n"...)
		dst = append(dst, v.data...)
		return append(dst, "\nendstream"...)
	case raw:
		return append(dst, v...)
	}
	panic(fmt.Sprintf("sign: cannot write %T", v)) // only this package builds values
}

// raw is PDF syntax written as it is: the signature's /Contents and
// /ByteRange placeholders, whose place in the file must be known.
type raw []byte

func intOf(v any) (int, bool) {
	n, ok := v.(number)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(string(n))
	return i, err == nil
}

func num(i int) number { return number(strconv.Itoa(i)) }

func floatOf(v any) (float64, bool) {
	n, ok := v.(number)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(n), 64)
	return f, err == nil
}

func realNum(f float64) number { return number(strconv.FormatFloat(f, 'f', 2, 64)) }
