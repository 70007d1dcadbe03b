package load

import (
	"fmt"
	"strconv"

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
	var walk func(n *yaml.Node, path string, depth int)
	walk = func(n *yaml.Node, path string, depth int) {
		if depth > maxDepth {
			if !deep {
				errs = append(errs, &report.Error{Pos: pos(n), Msg: fmt.Sprintf(
					"các mục lồng nhau quá %d cấp — hãy kiểm tra lại thụt lề và dấu ngoặc", maxDepth)})
			}
			deep = true
			return
		}
		switch n.Kind {
		case yaml.SequenceNode:
			if len(n.Content) > maxItems {
				errs = append(errs, &report.Error{Pos: pos(n), Msg: fmt.Sprintf(
					"danh sách %s có %s mục, vượt giới hạn %s mục — hãy kiểm tra lại danh sách, hoặc tách thành nhiều tệp",
					listName(path), viet.Number(float64(len(n.Content)), 0), viet.Number(maxItems, 0))})
				return
			}
		case yaml.ScalarNode:
			if len(n.Value) > maxTextBytes {
				errs = append(errs, &report.Error{Pos: pos(n), Msg: fmt.Sprintf(
					"%s dài %s KB, vượt giới hạn %s KB cho một giá trị — hãy rút gọn nội dung, hoặc chia thành nhiều phần (ví dụ đưa bớt vào phụ lục annexes)",
					label(path), viet.Number(float64(len(n.Value)>>10), 0), viet.Number(maxTextBytes>>10, 0))})
			}
		}
		eachChild(n, path, func(c *yaml.Node, p string) { walk(c, p, depth+1) })
	}
	walk(root, "", 1)
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

// eachChild calls fn with each value directly under n and its path, named
// as the decoder names paths. Mapping keys are not values.
func eachChild(n *yaml.Node, path string, fn func(c *yaml.Node, path string)) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			fn(n.Content[i+1], join(path, n.Content[i].Value))
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			fn(c, path+"["+strconv.Itoa(i)+"]")
		}
	}
}

// eachNode calls fn with n and every value under it, with their paths.
// Depth is bounded by checkLimits before it is called.
func eachNode(n *yaml.Node, path string, fn func(n *yaml.Node, path string)) {
	fn(n, path)
	eachChild(n, path, func(c *yaml.Node, p string) { eachNode(c, p, fn) })
}
