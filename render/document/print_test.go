package document

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// printfCases are formats that make fmt grow its output the most, with
// arguments of every plain kind.
var printfCases = []struct {
	format string
	args   []any
}{
	{"%s", []any{"abc"}},
	{"%q", []any{"\x00\x01\xff"}},
	{"%+q", []any{"ế\U000E0001"}},
	{"% #x", []any{"abc"}},
	{"% X", []any{"xyz"}},
	{"%999999d", []any{int64(1)}},
	{"%.999999f", []any{1e308}},
	{"%f", []any{-1e308}},
	{"%#b", []any{int64(-1 << 63)}},
	{"%b", []any{uint64(1<<64 - 1)}},
	{"%*d", []any{int64(999999), int64(1)}},
	{"%-*.*s", []any{int64(-999999), int64(999999), "ab"}},
	{"%[2]*[1]d", []any{int64(7), int64(999999)}},
	{"%[1]s%[1]s%[1]s", []any{"abcdef"}},
	{"%d", []any{"không phải số"}},
	{"%d %d", []any{int64(1)}},
	{"%d", []any{int64(1), "thừa", true, nil, 3.5}},
	{"%!%z%", []any{"x"}},
	{"%#U", []any{int64(0x1F600)}},
	{"%v %t %c", []any{nil, false, int64(0x10FFFF)}},
	{"%99999999999999999999d", []any{int64(1)}},
	{"%.*d", []any{uint64(1 << 63), int64(5)}},
	{"%[", []any{"x"}},
}

// TestPrintfBound: printfBound is never below what fmt.Sprintf makes.
func TestPrintfBound(t *testing.T) {
	for _, c := range printfCases {
		if got, bound := len(fmt.Sprintf(c.format, c.args...)), printfBound(c.format, c.args); got > bound {
			t.Errorf("Sprintf(%q, %v) is %d bytes, bound %d", c.format, c.args, got, bound)
		}
	}
}

func FuzzPrintfBound(f *testing.F) {
	for _, c := range printfCases {
		s, _ := c.args[0].(string)
		f.Add(c.format, s, int64(12), 3.5)
	}
	f.Fuzz(func(t *testing.T, format, s string, n int64, x float64) {
		// Widths and precisions of up to 1.000.000 make the strings long:
		// a few verbs are enough.
		if strings.Count(format, "%") > 8 || len(s) > 1000 {
			return
		}
		args := []any{s, n, x, uint64(n), n > 0, nil}
		if got, bound := len(fmt.Sprintf(format, args...)), printfBound(format, args); got > bound {
			t.Errorf("Sprintf(%q, %q) is %d bytes, bound %d", format, args, got, bound)
		}
	})
}

// TestPrintFuncs: the bounded builtins print what text/template's print,
// of plain arguments, as the builtins do.
func TestPrintFuncs(t *testing.T) {
	b, release := newBudget(context.Background())
	defer release()
	funcs := b.printFuncs()
	call := func(name string, args ...any) string {
		t.Helper()
		var (
			s   string
			err error
		)
		if name == "printf" {
			s, err = funcs[name].(func(string, ...any) (string, error))(args[0].(string), args[1:]...)
		} else {
			s, err = funcs[name].(func(...any) (string, error))(args...)
		}
		if err != nil {
			t.Fatalf("%s%q: %v", name, args, err)
		}
		return s
	}
	type form string // a named string type prints as its text
	for _, c := range []struct{ got, want string }{
		{call("print", "a", 1, 2, "b", true, form("c")), "a1 2btruec"},
		{call("println", "a", 1), "a 1\n"},
		{call("printf", "%05.1f|%-4s|%x", 3.14159, "ab", 255), "003.1|ab  |ff"},
		{call("html", `<a href="x">`), "&lt;a href=&#34;x&#34;&gt;"},
		{call("html", "a", 1), "a1"},
		{call("js", `"<`), `\"\u003C`},
		{call("urlquery", "a b&c"), "a+b%26c"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
