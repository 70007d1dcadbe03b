package main

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// newFlags returns the flag set of a command whose help, and whose
// messages about the flags, are in Vietnamese: the flag package's English
// error lines are told again in Vietnamese on their way to stderr, and the
// flags' list is printed by printFlags rather than PrintDefaults.
func newFlags(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(flagErrors{stderr})
	fs.Usage = func() {
		fmt.Fprint(stderr, help)
		printFlags(stderr, fs)
	}
	return fs
}

// flagMessages are the flag package's messages for a command line it
// cannot parse (flag.go, failf), with what each says in Vietnamese.
var flagMessages = []struct {
	english    *regexp.Regexp
	vietnamese string
}{
	{regexp.MustCompile(`^flag provided but not defined: (-\S*)$`), "không có tùy chọn $1 — hãy xem các tùy chọn dưới đây"},
	{regexp.MustCompile(`^flag needs an argument: (-\S*)$`), "tùy chọn $1 cần một giá trị ngay sau nó"},
	{regexp.MustCompile(`^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?(-\S*): .*$`), "giá trị $1 không dùng được cho tùy chọn $2"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "tùy chọn viết sai: $1"},
}

// flagErrors writes to w, telling the flag package's error lines in
// Vietnamese; the flag package writes each in one call.
type flagErrors struct{ w io.Writer }

func (f flagErrors) Write(p []byte) (int, error) {
	line := strings.TrimSuffix(string(p), "\n")
	for _, m := range flagMessages {
		if m.english.MatchString(line) {
			_, err := fmt.Fprintf(f.w, "baocao: %s\n", m.english.ReplaceAllString(line, m.vietnamese))
			return len(p), err
		}
	}
	return f.w.Write(p)
}

// valueNames name the value a flag of each type takes, as PrintDefaults
// names it by its Go type.
var valueNames = map[string]string{"string": "GIÁ_TRỊ", "int": "SỐ", "int64": "SỐ", "duration": "THỜI_GIAN", "value": "GIÁ_TRỊ"}

// printFlags lists the flags of fs with their help and default, in
// Vietnamese.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  -%s", f.Name)
		if name != "" {
			if v, ok := valueNames[name]; ok {
				name = v
			}
			fmt.Fprintf(w, " %s", name)
		}
		fmt.Fprintf(w, "\n    \t%s", strings.ReplaceAll(usage, "\n", "\n    \t"))
		if d := f.DefValue; d != "" && d != "0" && d != "false" && !strings.Contains(usage, "mặc định") {
			fmt.Fprintf(w, " (mặc định: %s)", d)
		}
		fmt.Fprintln(w)
	})
}
