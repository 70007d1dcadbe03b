package document

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	tparse "text/template/parse"
	"unicode/utf8"

	"baocao/render/report"
	"baocao/render/viet"
)

// Build makes the document of kind k from r. r must hold data for k.
func Build(r *report.Report, k Kind) (*Document, error) {
	return BuildContext(context.Background(), r, k)
}

// BuildContext is Build stopped as soon as ctx is done, with an error
// that wraps context.Cause(ctx) and names no place in the input.
//
// The executions of the kind's template and of the report's bodies share
// a budget far beyond any real report — of steps (range iterations,
// template and function calls), of text written and made, of nesting and
// of time (see budget.go) — and an execution that exceeds it stops with
// an error at its place in the template or the body.
func BuildContext(ctx context.Context, r *report.Report, k Kind) (*Document, error) {
	d := k.Data(r)
	if d == nil {
		return nil, fmt.Errorf("report has no %s data", k.Path)
	}
	b, release := newBudget(ctx)
	defer release()
	funcs := b.bodyFuncs(r)
	body, form, err := executeKind(b, r, k, funcs)
	if err != nil {
		return nil, err
	}
	var photos []report.Photo
	if k.photos != nil {
		photos = k.photos(r)
	}
	if _, ok := tooDeep(body); !ok {
		// Made by the kind's template: the bodies were checked in narrative.
		return nil, report.Errors{{Pos: report.Pos{File: k.Template, Line: 1, Column: 1}, Msg: "nội dung do tệp mẫu tạo ra có " + tooDeepMessage}}
	}
	blocks := parseBodyPhotos([]byte(body), photos, &r.Statistics)
	if form != FormNews {
		// A press account does not end with the decree's "./.".
		endBody(&blocks)
	}
	annexes, err := buildAnnexes(b, r, k, d, funcs)
	if err != nil {
		return nil, err
	}
	agency := viet.Upper(r.Agency.Name)
	doc := &Document{
		Slug: k.Slug,
		Form: form,
		Frame: Frame{
			Parent:     viet.Upper(r.Agency.Parent),
			Agency:     agency,
			Number:     "Số: " + viet.DocNumber(d.Number) + "/" + d.Code,
			PlaceDate:  r.Agency.Place + ", " + viet.LongDate(d.Date),
			KindName:   k.Name,
			Title:      d.Title,
			Urgency:    d.Urgency,
			Secrecy:    d.Secrecy,
			KinhGui:    kinhGui(d.KinhGui),
			Recipients: recipients(d.Recipients),
			Signature:  signature(d.Signer),
			// The loader has read the images; layout checks and places them.
			SignatureImage: d.Signer.Signature.Data,
			Seal:           d.Signer.Seal.Data,
		},
		Body:    blocks,
		Annexes: annexes,
		Meta: Meta{
			Title:    k.Name + " " + d.Title,
			Author:   r.Agency.Name,
			Subject:  r.Conference.Name,
			Keywords: strings.Join([]string{strings.ToLower(k.Name), r.Agency.Name, r.Conference.Name}, ", "),
		},
	}
	if k.frame != nil {
		k.frame(r, &doc.Frame)
	}
	finishFrame(doc, d, r)
	return doc, nil
}

// endBody closes the body with "./." (nd30.md §2) after its last text: on
// the last paragraph, or in the last filled cell of a closing table's last
// row, rather than alone under the table; else on a paragraph of its own.
// In a cell that ends on a figure the mark stands a space apart, so that
// the figure still reads, and copies, as itself.
func endBody(blocks *[]Block) {
	const end = "./."
	if n := len(*blocks); n > 0 {
		if runs := lastText((*blocks)[n-1]); len(runs) > 0 {
			last := &runs[len(runs)-1]
			// Drop the user's own final "." or "./." so the mark is not doubled.
			text := strings.TrimRight(strings.TrimSuffix(last.Text, end), ".")
			if _, ok := (*blocks)[n-1].(*Table); ok && text != "" && '0' <= text[len(text)-1] && text[len(text)-1] <= '9' {
				text += " "
			}
			last.Text = text + end
			return
		}
	}
	*blocks = append(*blocks, &Paragraph{Runs: []Run{{Text: end}}})
}

// lastText returns the runs of the text a block ends with, nil if none.
func lastText(b Block) []Run {
	switch b := b.(type) {
	case *Paragraph:
		return b.Runs
	case *Table:
		if len(b.Rows) == 0 {
			return nil
		}
		row := b.Rows[len(b.Rows)-1]
		for i := len(row) - 1; i >= 0; i-- {
			for _, r := range row[i].Runs {
				if strings.TrimSpace(r.Text) != "" {
					return row[i].Runs
				}
			}
		}
	}
	return nil
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

// kinhGui punctuates the Kính gửi addressees (nd30.md §2): one stands on
// the label's line and ends with "."; several are a Nơi nhận-style list.
func kinhGui(items []string) []string {
	switch len(items) {
	case 0:
		return nil
	case 1:
		return []string{strings.TrimSpace(strings.TrimRight(strings.TrimSpace(items[0]), ";.")) + "."}
	}
	return recipients(items)
}

// signature composes the signing block (nd30.md §6): "KT. GIÁM ĐỐC" over
// "PHÓ GIÁM ĐỐC", likewise TM., TL. and TUQ.; an acting head signs "Q.
// GIÁM ĐỐC" on one line, with no position under it.
func signature(s report.Signer) Signature {
	sig := Signature{Position: viet.Upper(s.Title), Name: strings.TrimSpace(s.Rank + " " + s.Name)}
	switch {
	case s.Authority == "Q.":
		sig.Authority, sig.Position = strings.TrimSpace("Q. "+viet.Upper(cmp.Or(s.Head, s.Title))), ""
	case s.Authority != "":
		sig.Authority = strings.TrimSpace(s.Authority + " " + viet.Upper(s.Head))
	}
	return sig
}

// bodyFuncs are the functions of the report's bodies, metered by b: the
// narrative functions and the bounded builtins.
func (b *budget) bodyFuncs(r *report.Report) template.FuncMap {
	funcs := narrativeFuncs(r)
	maps.Copy(funcs, b.printFuncs())
	return b.meter(funcs)
}

// executeKind runs the kind's template, whose output is the Markdown body,
// and returns it with the page model the template chose. funcs are the
// functions of the report's bodies, metered by b.
func executeKind(b *budget, r *report.Report, k Kind, funcs template.FuncMap) (string, Form, error) {
	at := func(line, col int) report.Pos {
		return report.Pos{File: k.Template, Line: line, Column: max(col, 1)}
	}
	// The report's own bodies may place the kind's photos when it has
	// some.
	bodyFuncs := funcs
	if k.photos != nil {
		bodyFuncs = maps.Clone(funcs)
		maps.Copy(bodyFuncs, b.meter(photoFuncs(k.photos(r), k.Path+".photos")))
	}
	kindFuncs := maps.Clone(bodyFuncs)
	maps.Copy(kindFuncs, b.meter(template.FuncMap{"narrative": func(body, path string) (markup, error) {
		if len(body) > maxBody {
			return "", fmt.Errorf("narrative nhận nội dung dài hơn %d MB — hãy chỉ đưa vào narrative một nội dung của tệp YAML, ví dụ .BaoCao.Body", maxBody>>20)
		}
		// Reading the body costs as much as making its text, and setting
		// it up as many steps as narrativeSteps.
		if err := b.charge("narrative", len(body)); err != nil {
			return "", err
		}
		b.steps += narrativeSteps
		md, err := narrative(b, r, body, path, bodyFuncs)
		return markup(md), err
	}}))
	t, err := parse(k.Slug+templateExt, k.src, kindFuncs, at)
	if err != nil {
		return "", "", err
	}
	m, err := instrument(t, k.src, at)
	if err != nil {
		return "", "", err
	}
	form, err := formOf(b, t, m, k.src, r, at)
	if err != nil {
		return "", "", err
	}
	body, err := b.run(t, m, k.src, r, at)
	return body, form, err
}

// narrative executes a Markdown body written in the report, with the
// functions funcs, so that its figures come from the statistics. Its
// errors point into the YAML file.
func narrative(b *budget, r *report.Report, body, path string, funcs template.FuncMap) (string, error) {
	start := r.PosOf(path)
	at := func(line, col int) report.Pos {
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
	}
	t, err := parse(path, body, funcs, at)
	if err != nil {
		return "", err
	}
	if err := insertsOnly(t, body, at); err != nil {
		return "", err
	}
	if err := checkBody(body, at); err != nil {
		return "", err
	}
	m, err := instrument(t, body, at)
	if err != nil {
		return "", err
	}
	md, err := b.run(t, m, body, r, at)
	if err != nil {
		return "", err
	}
	// The functions' text may nest what the body does not, as printf can.
	if _, ok := tooDeep(md); !ok {
		return "", report.Errors{{Pos: at(1, 1), Msg: "sau khi thay các lệnh {{ … }}, " + tooDeepMessage}}
	}
	return md, nil
}

// insertsOnly refuses loops and template definitions in a report's own
// body: it inserts figures and names, and {{ range 1000000000 }}{{ end }}
// would run for minutes without writing a byte. Loops belong in the
// templates under templates/, which the program's authors write.
func insertsOnly(t *template.Template, src string, at func(line, col int) report.Pos) error {
	refuse := func(pos tparse.Pos, what string) error {
		return report.Errors{{Pos: at(lineCol(src, actionStart(src, pos))), Msg: fmt.Sprintf(
			"nội dung không được dùng {{ %s }} — trong nội dung chỉ chèn số liệu và tên (value, change, delegate…); vòng lặp và khuôn mẫu thuộc về các tệp trong templates/", what)}}
	}
	if len(t.Templates()) > 1 {
		return refuse(0, "define")
	}
	var walk func(n tparse.Node) error
	walk = func(n tparse.Node) error {
		switch n := n.(type) {
		case *tparse.ListNode:
			if n == nil {
				return nil
			}
			for _, c := range n.Nodes {
				if err := walk(c); err != nil {
					return err
				}
			}
		case *tparse.RangeNode:
			return refuse(n.Position(), "range")
		case *tparse.TemplateNode:
			return refuse(n.Position(), "template")
		case *tparse.IfNode:
			return walkBranches(walk, &n.BranchNode)
		case *tparse.WithNode:
			return walkBranches(walk, &n.BranchNode)
		}
		return nil
	}
	return walk(t.Tree.Root)
}

func walkBranches(walk func(tparse.Node) error, b *tparse.BranchNode) error {
	if err := walk(b.List); err != nil {
		return err
	}
	return walk(b.ElseList)
}

// templateErr matches the position text/template puts in its errors:
// "template: NAME:LINE[:COL]: MESSAGE".
var templateErr = regexp.MustCompile(`^template: [^:]*:(\d+)(?::(\d+))?: (.*)$`)

// parse parses the template src with the functions funcs; its errors are
// positioned by at.
func parse(name, src string, funcs template.FuncMap, at func(line, col int) report.Pos) (*template.Template, error) {
	t, err := template.New(name).Funcs(funcs).Funcs(template.FuncMap{literalFunc: literal}).Option("missingkey=error").Parse(src)
	if err != nil {
		return nil, positioned(err, src, at)
	}
	return t, nil
}

// run executes t, parsed from src, with its marks, within b; its errors
// are positioned by at.
func (b *budget) run(t *template.Template, m marks, src string, data any, at func(line, col int) report.Pos) (string, error) {
	out := &output{b: b, marks: m}
	outer := b.out
	b.out = out
	defer func() { b.out = outer }()
	err := t.Execute(out, data)
	var inner report.Errors
	var st *stop
	switch {
	case errors.Is(err, errStopped):
		return "", err
	case errors.As(err, &st):
		return "", report.Errors{{Pos: at(lineCol(src, st.pos)), Msg: st.err.Error()}}
	case errors.As(err, &inner):
		return "", inner
	case err != nil:
		return "", positioned(err, src, at)
	case out.full:
		// Text after the last step ran past the limit.
		return "", report.Errors{{Pos: at(1, 1), Msg: tooLong().Error()}}
	}
	return out.String(), nil
}

// lineCol returns the 1-based line and character column of the byte
// offset pos in src.
func lineCol(src string, pos tparse.Pos) (line, col int) {
	line = strings.Count(src[:pos], "\n") + 1
	col = utf8.RuneCountInString(src[strings.LastIndexByte(src[:pos], '\n')+1:pos]) + 1
	return line, col
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
		return report.Errors{{Pos: at(0, 0), Msg: fmt.Sprintf("lỗi trong {{ … }}: %v — kiểm tra cặp ngoặc {{ }} và tên hàm", err)}}
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
// where a user is likely to meet them; others keep the original, the only
// account there is of what went wrong.
func explain(msg string) string {
	if m := funcNotDefined.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("không có hàm %q trong {{ … }} — dùng một trong: %s", m[1], strings.Join(narrativeNames, ", "))
	}
	if i := strings.LastIndex(msg, "error calling "); i >= 0 {
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			return msg[i+j+2:]
		}
	}
	return "lỗi trong {{ … }}: " + msg + " — kiểm tra cặp ngoặc {{ }} và tên hàm"
}
