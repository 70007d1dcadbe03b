package document

import (
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"text/template"
)

// printFuncs replace text/template's builtins that build a string from
// their arguments — print, printf, println and the escapers html, js,
// urlquery — by versions that first work out how long the string can be
// and refuse it, at the call, when the budget has no room for it: doubling
// a string in a loop, or a width of 1.000.000 repeated, would otherwise
// take gigabytes before anything could count them. They print text,
// numbers and true/false; a list or a record would print Go's notation,
// which no document wants, at a length hard to foresee.
func (b *budget) printFuncs() template.FuncMap {
	sprint := func(name string, args []any, newline bool, escape func(string) string, growth int) (string, error) {
		args, n, err := printable(name, args)
		if err != nil {
			return "", err
		}
		if escape != nil && len(args) == 1 {
			if s, ok := args[0].(string); ok {
				// A lone string is escaped as it is, as text/template does.
				if err := b.room(name, growth*len(s)); err != nil {
					return "", err
				}
				return escape(s), nil
			}
		}
		// Sprint puts a space between operands that are not strings,
		// Sprintln between all, and a newline at the end.
		if err := b.room(name, growth*(n+len(args)+1)); err != nil {
			return "", err
		}
		s := fmt.Sprint(args...)
		if newline {
			s = fmt.Sprintln(args...)
		}
		if escape != nil {
			s = escape(s)
		}
		return s, nil
	}
	return template.FuncMap{
		"print":   func(args ...any) (string, error) { return sprint("print", args, false, nil, 1) },
		"println": func(args ...any) (string, error) { return sprint("println", args, true, nil, 1) },
		"printf": func(format string, args ...any) (string, error) {
			args, _, err := printable("printf", args)
			if err != nil {
				return "", err
			}
			if err := b.room("printf", printfBound(format, args)); err != nil {
				return "", err
			}
			return fmt.Sprintf(format, args...), nil
		},
		// An escaped character takes at most 6 bytes: "&#34;", "\u003C",
		// "%3C".
		"html":     func(args ...any) (string, error) { return sprint("html", args, false, template.HTMLEscapeString, 6) },
		"js":       func(args ...any) (string, error) { return sprint("js", args, false, template.JSEscapeString, 6) },
		"urlquery": func(args ...any) (string, error) { return sprint("urlquery", args, false, url.QueryEscape, 6) },
	}
}

// numberWidth bounds the length of a number, a boolean or nil formatted by
// any verb without width or precision: %f of the largest float64 is 309
// digits, a sign, the point and 6 decimals.
const numberWidth = 330

// printable returns args as plain strings, numbers and booleans, so that fmt
// calls no method of theirs, and the bytes they take in total when
// formatted with %v. A list, a record or a pointer is an error.
func printable(name string, args []any) ([]any, int, error) {
	out := make([]any, len(args))
	n := 0
	for i, a := range args {
		v := reflect.ValueOf(a)
		switch v.Kind() {
		case reflect.String:
			out[i] = v.String()
			n += v.Len()
			continue
		case reflect.Invalid:
			out[i] = nil
		case reflect.Bool:
			out[i] = v.Bool()
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			out[i] = v.Int()
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			out[i] = v.Uint()
		case reflect.Float32, reflect.Float64:
			out[i] = v.Float()
		default:
			return nil, 0, fmt.Errorf("hàm %s chỉ in được chữ, số và true/false, không in được một %s (%s) — hãy in từng trường của nó, ví dụ {{ .Name }}, và dùng long_date, short_date cho ngày",
				name, kindName(v.Kind()), v.Type())
		}
		n += numberWidth
	}
	return out, n, nil
}

// kindName names a kind of Go value the way a template writer sees it.
func kindName(k reflect.Kind) string {
	switch k {
	case reflect.Slice, reflect.Array:
		return "danh sách"
	case reflect.Map:
		return "bảng tra"
	case reflect.Struct:
		return "bản ghi"
	}
	return "giá trị"
}

// The largest width or precision fmt accepts; a larger one prints
// %!(BADWIDTH) or %!(BADPREC). fmt checks a written one against 1.000.000
// before reading its last digit, so it may reach ten times that.
const (
	maxFmtWritten  = 10_000_009
	maxFmtArgument = 1_000_000
)

// printfBound returns a length fmt.Sprintf(format, args...) cannot exceed,
// args being plain. It does not parse verbs as fmt does, which a format
// written to mislead could exploit, but counts generously: the format's
// own bytes; for every "%" an operand as long as the longest argument at
// the greatest growth a verb in the format gives (% #x turns a byte into
// "0x61 "), and an error mark; every number written in the format and,
// for every "*", the largest argument, as widths or precisions; every
// argument once more, as fmt appends those no verb used.
func printfBound(format string, args []any) int {
	longest, widest := 0, 0
	n := len(format)
	for _, a := range args {
		switch a := a.(type) {
		case string:
			longest = max(longest, len(a))
			n += len(a) + 20 // %!(EXTRA string=…)
			continue
		case int64:
			widest = max(widest, int(min(max(a, -a), maxFmtArgument)))
		case uint64:
			widest = max(widest, int(min(a, maxFmtArgument)))
		}
		n += numberWidth + 20
	}
	growth := 1
	if strings.ContainsAny(format, "xX") {
		growth = 2
		if strings.Contains(format, " ") {
			growth = 5
		}
	}
	if strings.Contains(format, "q") {
		growth = max(growth, 4) // "\x00" for a byte
	}
	operand := max(growth*longest, numberWidth) + 40 // "%!d(string=…)", "%!(BADWIDTH)"…
	for i := 0; i < len(format); i++ {
		switch c := format[i]; {
		case c == '%':
			n += operand
		case c == '*':
			n += widest
		case c >= '0' && c <= '9':
			j := i
			for j < len(format) && format[j] >= '0' && format[j] <= '9' {
				j++
			}
			v, err := strconv.Atoi(format[i:j])
			if err != nil || v > maxFmtWritten {
				v = maxFmtWritten
			}
			n += v
			i = j - 1
		}
	}
	return n
}
