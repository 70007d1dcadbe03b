package load

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"baocao/render/report"
	"baocao/render/viet"
)

// Limits on what one file may hold. Each is far above any real conference
// — the largest real lists (the delegates of a province-wide conference,
// an annex listing every commended person) run to a few thousand entries
// and the longest body to a few hundred KB — and keeps a wrong or hostile
// file from taking minutes and gigabytes to reject. The README lists them
// with their messages.
const (
	// maxFileBytes bounds the input file: 10 MB is over a hundred times
	// the full examples.
	maxFileBytes = 10 << 20
	// maxItems bounds every list (delegates, recipients, titles…): 100.000
	// delegates render in some 6 seconds.
	maxItems = 100_000
	// maxRows bounds the rows of all tables together — the indicators of
	// statistics and the rows of the annexes' tables: 100.000 rows are
	// some 2.000 pages, which render in some 10 seconds and 1 GB of memory.
	maxRows = 100_000
	// maxCells bounds the cells of the annexes' tables together: 100.000
	// rows of five columns.
	maxCells = 500_000
	// maxTextBytes bounds one value: a 1 MB body is some 300 pages.
	maxTextBytes = 1 << 20
	// maxDepth bounds nesting. The model needs six levels.
	maxDepth = 100
)

// tooBig is the message for a file over maxFileBytes.
func tooBig(size int64) string {
	mb := viet.Round(float64(size)/(1<<20), 1)
	return fmt.Sprintf("tệp lớn %s MB, vượt giới hạn %d MB — hãy kiểm tra đã chọn đúng tệp YAML chưa; một báo cáo hội nghị thường chỉ vài chục KB",
		viet.Number(mb, viet.Decimals(mb)), maxFileBytes>>20)
}

// checkLimits reports every list longer than maxItems and every value
// longer than maxTextBytes, and nesting deeper than maxDepth (once, since
// one mistake makes all the levels below it too deep).
func checkLimits(name string, root *yaml.Node) report.Errors {
	var errs report.Errors
	pos := func(n *yaml.Node) report.Pos { return report.Pos{File: name, Line: n.Line, Column: n.Column} }
	deep := false
	walk(root, func(n *yaml.Node, t trail) bool {
		if len(t)+1 > maxDepth {
			if !deep {
				errs = append(errs, &report.Error{Pos: pos(n), Msg: fmt.Sprintf(
					"các mục lồng nhau quá %d cấp — hãy kiểm tra lại thụt lề và dấu ngoặc", maxDepth)})
			}
			deep = true
			return false
		}
		switch n.Kind {
		case yaml.SequenceNode:
			if len(n.Content) > maxItems {
				errs = append(errs, &report.Error{Pos: pos(n), Msg: fmt.Sprintf(
					"danh sách %s có %s mục, vượt giới hạn %s mục — hãy kiểm tra lại danh sách, hoặc tách thành nhiều tệp",
					listName(t.String()), viet.Number(float64(len(n.Content)), 0), viet.Number(maxItems, 0))})
				return false
			}
		case yaml.ScalarNode:
			if len(n.Value) > maxTextBytes {
				errs = append(errs, &report.Error{Pos: pos(n), Msg: fmt.Sprintf(
					"%s dài %s KB, vượt giới hạn %s KB cho một giá trị — hãy rút gọn nội dung, hoặc chia thành nhiều phần (ví dụ đưa bớt vào phụ lục annexes)",
					label(t.String()), viet.Number(float64(len(n.Value)>>10), 0), viet.Number(maxTextBytes>>10, 0))})
			}
		}
		return true
	})
	return errs
}

// checkTables keeps the tables of r within maxRows and maxCells.
func checkTables(d *decoder, r *report.Report) {
	rows, cells := 0, 0
	for _, g := range r.Statistics.Groups {
		rows += len(g.Indicators)
	}
	for _, a := range r.Annexes {
		if a.Table != nil {
			rows += len(a.Table.Rows)
			for _, row := range a.Table.Rows {
				cells += len(row)
			}
		}
	}
	at := d.pos["annexes"]
	if len(r.Annexes) == 0 {
		at = d.pos["statistics"]
	}
	if rows > maxRows {
		d.errorf(at, "các bảng có tổng cộng %s dòng (chỉ tiêu trong statistics và dòng trong các bảng phụ lục), vượt giới hạn %s dòng — hãy tách thành nhiều báo cáo, mỗi báo cáo một phần số liệu",
			viet.Number(float64(rows), 0), viet.Number(maxRows, 0))
	}
	if cells > maxCells {
		d.errorf(at, "các bảng phụ lục có tổng cộng %s ô, vượt giới hạn %s ô — hãy bớt cột hoặc dòng, hoặc tách thành nhiều báo cáo",
			viet.Number(float64(cells), 0), viet.Number(maxCells, 0))
	}
}

// listName names the list at path for a message.
func listName(path string) string {
	if path == "" {
		return "ngoài cùng"
	}
	return label(path)
}

// trail is the way from the root of the tree to a value: the key of each
// mapping and the index of each list it is in. It becomes a path, named as
// the decoder names paths, only for a message: a long table has too many
// values for each to be given a string.
type trail []step

// step is a key, or when index is 0 or more, an index.
type step struct {
	key   string
	index int
}

// String is the path the trail leads to: "annexes[0].table.rows[2][1]".
func (t trail) String() string {
	var b strings.Builder
	for _, s := range t {
		switch {
		case s.index >= 0:
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
		case b.Len() > 0:
			b.WriteString("." + s.key)
		default:
			b.WriteString(s.key)
		}
	}
	return b.String()
}

// walk calls fn with root and every value under it, with the trail to
// each, except those under a value for which fn returns false. Mapping keys
// are not values. Depth is bounded by checkLimits, the first to walk.
func walk(root *yaml.Node, fn func(n *yaml.Node, t trail) bool) {
	var t trail
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		if !fn(n, t) {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				t = append(t, step{key: n.Content[i].Value, index: -1})
				visit(n.Content[i+1])
				t = t[:len(t)-1]
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				t = append(t, step{index: i})
				visit(c)
				t = t[:len(t)-1]
			}
		}
	}
	visit(root)
}
