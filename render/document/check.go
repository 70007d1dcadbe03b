package document

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	tparse "text/template/parse"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"baocao/render/report"
	"baocao/render/viet"
)

// maxNesting bounds the block quotes and lists nested in one another: the
// format needs two levels of lists ("-" and "+"), and goldmark's work on a
// line grows with the blocks open around it, so that a 1 MB body of
// "> > > …" would take minutes.
const maxNesting = 20

// maxBodyCells bounds the cells of the tables of one body: a thousand rows
// of ten columns. Laid out, a cell takes some 1,5 KB, and a 1 MB body of
// "|a|b|" rows would take 400 MB; large tables belong in annexes.
const maxBodyCells = 10_000

// maxBodyProblems bounds the problems checkBody reports for one body.
const maxBodyProblems = 20

// headingNames name the levels of the report hierarchy (nd30.md §4).
var headingNames = [...]string{1: "# (Phần I)", 2: "## (I.)", 3: "### (1.)", 4: "#### (a))"}

// checkBody refuses what a report's own Markdown body src would print
// otherwise than written — raw HTML, links and images, footnotes, a rule —
// and headings that skip a level of the hierarchy, each at its place,
// given by at from a 1-based line and character column. Nesting deeper
// than maxNesting is refused before the body is parsed.
func checkBody(src string, at func(line, col int) report.Pos) error {
	if off, ok := tooDeep(src); !ok {
		return report.Errors{{Pos: at(offsetLineCol(src, off)), Msg: tooDeepMessage}}
	}
	var errs report.Errors
	type seen struct {
		line int
		msg  string
	}
	said := map[seen]bool{}
	calls := 0
	fail := func(off int, format string, args ...any) {
		// Placing a problem reads the body up to it: a body of a million
		// mistakes is read a bounded number of times.
		if calls++; calls > 5*maxBodyProblems || len(errs) == maxBodyProblems {
			return
		}
		line, col := offsetLineCol(src, off)
		msg := fmt.Sprintf(format, args...)
		// One message a line: "<b>…</b>" is one mistake.
		if !said[seen{line, msg}] {
			said[seen{line, msg}] = true
			errs = append(errs, &report.Error{Pos: at(line, col), Msg: msg})
		}
	}
	b := []byte(src)
	pc := parser.NewContext()
	root := markdown.Parser().Parse(text.NewReader(b), parser.WithContext(pc))
	over, _ := pc.Get(emphasisOver).([]int)
	for _, off := range over {
		fail(off, "đoạn này có hơn %d chỗ in đậm, in nghiêng (dấu * và _) — hãy chia thành nhiều đoạn, bằng một dòng trống; muốn in dấu * hay _ hãy viết \\* hay \\_", maxEmphasis)
	}
	level := 0           // of the last heading
	cells, table := 0, 0 // cells of the tables so far, where the last began
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			switch start := blockStart(n); {
			case !atxHeading(b, start):
				// A line of = or - under a sentence, typed as a rule, makes
				// it a heading "Phần I" or "I." without a # to show it.
				fail(start, "đoạn chữ này thành đề mục %s vì ngay dưới nó là một dòng chỉ có dấu = hoặc - — đề mục hãy viết bằng dấu # ở đầu dòng; nếu không phải đề mục, hãy xóa dòng dấu = hoặc - đó", headingNames[n.Level])
			case n.Level > 4:
				fail(start, "đề mục %s có %d dấu #, nhưng hệ thống đề mục của báo cáo chỉ có 4 cấp: # (Phần I), ## (I.), ### (1.), #### (a)) — hãy dùng từ 1 đến 4 dấu #, hoặc viết thành đoạn văn",
					strings.Repeat("#", n.Level), n.Level)
			case level > 0 && n.Level > level+1:
				fail(start, "đề mục %s đứng ngay dưới đề mục %s, bỏ qua cấp %s — hãy thêm đề mục %s ở giữa, hoặc đổi đề mục này thành %s",
					headingNames[n.Level], headingNames[level], headingNames[level+1], headingNames[level+1], headingNames[level+1])
			}
			level = min(n.Level, 4)
		case *extast.Table:
			table = blockStart(n)
		case *extast.TableCell:
			if cells++; cells == maxBodyCells+1 {
				fail(table, "các bảng trong nội dung này có hơn %s ô — bảng lớn như vậy hãy đưa vào phụ lục (annexes), nơi bảng có cột số, dòng TỔNG CỘNG và được chép sang Excel", viet.Number(maxBodyCells, 0))
			}
		case *ast.HTMLBlock:
			fail(blockStart(n), "%s", htmlMessage)
		case *ast.RawHTML:
			fail(n.Segments.At(0).Start, "%s", htmlMessage)
		case *ast.ThematicBreak:
			fail(n.Pos(), "dòng kẻ ngang (---, ***) không in được trong văn bản hành chính — hãy xóa dòng này; muốn sang phần mới, dùng đề mục # hoặc ##")
		case *ast.Paragraph:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				if linkDefinition.Match(seg.Value(b)) {
					fail(seg.Start, "%s", linkMessage)
				}
			}
		case *ast.Text:
			if !n.IsRaw() {
				checkText(n.Segment.Value(b), n.Segment.Start, fail)
			}
		}
		return ast.WalkContinue, nil
	})
	if len(errs) > 0 {
		return errs
	}
	return nil
}

const (
	htmlMessage     = "mã HTML (<…>) không in được trong văn bản — hãy viết chữ thường, đậm bằng **…**, nghiêng bằng *…*; muốn in dấu < hãy viết \\<"
	linkMessage     = "liên kết hoặc ảnh viết kiểu Markdown ([chữ](địa chỉ)) không in được trên văn bản giấy — hãy viết thẳng địa chỉ, ví dụ https://…; ảnh của bản tin đặt bằng {{ photo 1 }}"
	footnoteMessage = "chú thích cuối trang ([^…]) chưa được hỗ trợ và sẽ bị in nguyên dạng — hãy viết phần giải thích trong ngoặc đơn ngay sau câu, hoặc đưa vào phụ lục"
	tooDeepMessage  = "các khối trích dẫn (>) và danh sách (-, +, 1.) lồng nhau quá 20 cấp — hãy viết lại nội dung với ít cấp hơn; văn bản chỉ cần danh sách hai cấp (- và +)"
)

var (
	// linkDefinition is a link reference definition, "[x]: address",
	// which goldmark, without links, leaves in its paragraph.
	linkDefinition = regexp.MustCompile(`^ {0,3}\[[^\]^][^\]]*\]:`)
	// footnote is a footnote or its text, "[^1]" or "[^1]:".
	footnote = regexp.MustCompile(`\[\^[^\]\s]*\]`)
)

// checkText reports, through fail, the links and footnotes in the text v
// of a Text node starting at offset start.
func checkText(v []byte, start int, fail func(off int, format string, args ...any)) {
	for _, m := range footnote.FindAllIndex(v, -1) {
		if !escaped(v, m[0]) {
			fail(start+m[0], "%s", footnoteMessage)
		}
	}
	from := 0 // where the text of a link may start: after the last "]("
	for i := 0; ; {
		j := bytes.Index(v[i:], []byte("]("))
		if j < 0 {
			return
		}
		i += j
		if !escaped(v, i) {
			open := bytes.LastIndexByte(v[from:i], '[')
			if open >= 0 {
				open += from
			}
			if open >= 0 && !escaped(v, open) {
				if open > 0 && v[open-1] == '!' {
					open--
				}
				fail(start+open, "%s", linkMessage)
			}
		}
		i += 2
		from = i
	}
}

// escaped reports whether the character at i of v is escaped by a
// backslash, and so printed as itself.
func escaped(v []byte, i int) bool {
	n := 0
	for i > 0 && v[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}

// atxHeading reports whether the heading starting at offset start of src
// is written with #s, rather than underlined (a setext heading).
func atxHeading(src []byte, start int) bool {
	rest := bytes.TrimLeft(src[start:], " ")
	return len(rest) > 0 && rest[0] == '#'
}

// blockStart is the offset in src of the first character of block n.
func blockStart(n ast.Node) int {
	if _, ok := n.(*ast.Heading); !ok && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return n.Pos()
}

// tooDeep finds the first line of src whose block quotes and list items
// nest deeper than maxNesting, and returns its offset and false; true when
// there is none. It counts each ">" and list marker at the start of a line,
// and two columns of the indentation before a marker as a level, as
// nested lists need them: an upper bound of the blocks open on the line,
// found in time linear in src.
func tooDeep(src string) (int, bool) {
	for off := 0; off < len(src); {
		end := strings.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		if nesting(src[off:off+end]) > maxNesting {
			return off, false
		}
		off += end + 1
	}
	return 0, true
}

// nesting is the bound of tooDeep for one line.
func nesting(line string) int {
	depth, indent := 0, 0
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			// Nested lists need two columns a level before their marker;
			// spaces after a marker belong to it.
			switch {
			case depth > 0:
			case c == '\t':
				indent += 4
			default:
				indent++
			}
			i++
			continue
		case c == '>':
			i++
		case c == '-' || c == '+' || c == '*':
			if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
				return depth + indent/2
			}
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j >= len(line) || (line[j] != '.' && line[j] != ')') || (j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t') {
				return depth + indent/2
			}
			i = j + 1
		default:
			if depth == 0 {
				return 0 // text, however indented, opens no block
			}
			return depth + indent/2
		}
		depth++
	}
	return depth + indent/2
}

// offsetLineCol is lineCol for a byte offset.
func offsetLineCol(src string, off int) (line, col int) {
	return lineCol(src, tparse.Pos(off))
}
