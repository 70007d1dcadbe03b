package document

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"

	"baocao/render/report"
	"baocao/render/viet"
	"baocao/templates"
)

// Kind is a document kind: what it is called, where its data is in the
// report and which template writes its body.
type Kind struct {
	Slug string // in file names: "bao-cao"
	Name string // tên loại as printed: "BÁO CÁO"
	// Path is the report key holding the kind's data ("bao_cao").
	Path string
	data func(*report.Report) *report.Document
}

// Kinds lists the document kinds baocao can write, in output order.
func Kinds() []Kind {
	return []Kind{
		{Slug: "bao-cao", Name: "BÁO CÁO", Path: "bao_cao", data: func(r *report.Report) *report.Document { return r.BaoCao }},
	}
}

// Data returns the kind's document data in r, or nil when r has none.
func (k Kind) Data(r *report.Report) *report.Document { return k.data(r) }

// Build makes the document of kind k from r. r must hold data for k.
func Build(r *report.Report, k Kind) (*Document, error) {
	d := k.Data(r)
	if d == nil {
		return nil, fmt.Errorf("report has no %s data", k.Path)
	}
	body, err := executeKind(r, k)
	if err != nil {
		return nil, err
	}
	blocks := parseBody([]byte(body))
	endBody(&blocks)
	agency := viet.Upper(r.Agency.Name)
	return &Document{
		Slug: k.Slug,
		Frame: Frame{
			Parent:     viet.Upper(r.Agency.Parent),
			Agency:     agency,
			Number:     "Số: " + viet.DocNumber(d.Number) + "/" + d.Code,
			PlaceDate:  r.Agency.Place + ", " + viet.LongDate(d.Date),
			KindName:   k.Name,
			Title:      d.Title,
			Recipients: recipients(d.Recipients),
			Signature:  signature(d.Signer),
		},
		Body: blocks,
		Meta: Meta{
			Title:    k.Name + " " + d.Title,
			Author:   r.Agency.Name,
			Subject:  r.Conference.Name,
			Keywords: strings.Join([]string{strings.ToLower(k.Name), r.Agency.Name, r.Conference.Name}, ", "),
		},
	}, nil
}

// endBody closes the body with "./." (nd30.md §2): on the last paragraph
// when the body ends with one, else on a paragraph of its own.
func endBody(blocks *[]Block) {
	const end = "./."
	if n := len(*blocks); n > 0 {
		if p, ok := (*blocks)[n-1].(*Paragraph); ok && len(p.Runs) > 0 {
			last := &p.Runs[len(p.Runs)-1]
			// Drop the user's own final "." or "./." so the mark is not doubled.
			last.Text = strings.TrimRight(strings.TrimSuffix(last.Text, end), ".") + end
			return
		}
	}
	*blocks = append(*blocks, &Paragraph{Runs: []Run{{Text: end}}})
}

// recipients punctuates the Nơi nhận list: "- x;" for each line and "- x."
// for the last, whatever punctuation the user typed.
func recipients(items []string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		it = strings.TrimPrefix(strings.TrimSpace(it), "- ")
		it = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(it), ";."))
		end := ";"
		if i == len(items)-1 {
			end = "."
		}
		out[i] = "- " + it + end
	}
	return out
}

func signature(s report.Signer) Signature {
	sig := Signature{Position: viet.Upper(s.Title), Name: strings.TrimSpace(s.Rank + " " + s.Name)}
	if s.Authority != "" {
		sig.Authority = s.Authority + " " + viet.Upper(s.Head)
	}
	return sig
}

// executeKind runs the kind's template, whose output is the Markdown body.
func executeKind(r *report.Report, k Kind) (string, error) {
	name := k.Slug + ".md.tmpl"
	src, err := templates.FS.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("no template for %s: %w", k.Slug, err)
	}
	funcs := narrativeFuncs(r)
	funcs["narrative"] = func(body, path string) (string, error) { return narrative(r, body, path) }
	return execute(name, string(src), funcs, r, func(line, col int) report.Pos {
		return report.Pos{File: "templates/" + name, Line: line, Column: max(col, 1)}
	})
}

// narrative executes a Markdown body written in the report, so that its
// figures come from the statistics. Its errors point into the YAML file.
func narrative(r *report.Report, body, path string) (string, error) {
	start := r.PosOf(path)
	return execute(path, body, narrativeFuncs(r), r, func(line, col int) report.Pos {
		// Block scalar lines share one indentation, so a column inside the
		// body maps to the same offset from the content's first column.
		p := start
		if line > 0 {
			p.Line += line - 1
			if col > 0 {
				p.Column += col - 1
			}
		}
		return p
	})
}

// templateErr matches the position text/template puts in its errors:
// "template: NAME:LINE[:COL]: MESSAGE".
var templateErr = regexp.MustCompile(`^template: [^:]*:(\d+)(?::(\d+))?: (.*)$`)

func execute(name, src string, funcs template.FuncMap, data any, at func(line, col int) report.Pos) (string, error) {
	t, err := template.New(name).Funcs(funcs).Option("missingkey=error").Parse(src)
	if err != nil {
		return "", positioned(err, src, at)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		var inner report.Errors
		if errors.As(err, &inner) {
			return "", inner
		}
		return "", positioned(err, src, at)
	}
	return buf.String(), nil
}

// startedAt is where text/template says an unclosed action began; its own
// line is the end of the input, far from the mistake.
var startedAt = regexp.MustCompile(`started at [^:]*:(\d+)`)

// positioned turns a text/template error into a report error at the place
// in src it names. at receives a 1-based line and a 1-based character
// column, 0 when unknown.
func positioned(err error, src string, at func(line, col int) report.Pos) error {
	m := templateErr.FindStringSubmatch(err.Error())
	if m == nil {
		return report.Errors{{Pos: at(0, 0), Msg: err.Error()}}
	}
	line, _ := strconv.Atoi(m[1])
	col := 0
	if m[2] != "" {
		offset, _ := strconv.Atoi(m[2])
		col = column(src, line, offset)
	}
	if s := startedAt.FindStringSubmatch(m[3]); s != nil {
		line, _ = strconv.Atoi(s[1])
		col = 0
	}
	return report.Errors{{Pos: at(line, col), Msg: explain(m[3])}}
}

// column converts text/template's column, a 0-based byte offset into the
// line, to the 1-based character column editors and YAML positions use.
func column(src string, line, offset int) int {
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	return utf8.RuneCountInString(l[:min(max(offset, 0), len(l))]) + 1
}

// funcNotDefined is text/template's message for an unknown function.
var funcNotDefined = regexp.MustCompile(`function "([^"]*)" not defined`)

// explain turns text/template's English messages into plain Vietnamese
// where a user is likely to meet them, keeping the original for reference.
func explain(msg string) string {
	if m := funcNotDefined.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("không có hàm %q trong {{ … }} — dùng một trong: %s (%s)", m[1], strings.Join(narrativeNames, ", "), msg)
	}
	if i := strings.LastIndex(msg, "error calling "); i >= 0 {
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			return msg[i+j+2:]
		}
	}
	return "lỗi trong {{ … }}: " + msg + " — kiểm tra cặp ngoặc {{ }} và tên hàm"
}
