package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/render/report"
)

// words is n times a word and a space: text that wraps, 15 characters
// for each n.
func words(n int) string { return strings.TrimSpace(strings.Repeat("Công an phường ", n)) }

// TestLimits: text a sheet can hold only in a wider column is written
// whole in one; text no row can hold, and parts past the workbook's
// limits, are reported by Check at their place in the YAML, exactly as
// Write reports them — never cut short, nor left to excelize's errors.
func TestLimits(t *testing.T) {
	tests := []struct {
		name string
		edit func(r *report.Report)
		// want maps the YAML path of each problem to a part of its message;
		// none means that the workbook is written.
		want map[string]string
		text string // the text the written workbook must hold whole
	}{
		{"a long annex cell in the column that fills the page", func(r *report.Report) { r.Annexes[1].Table.Rows[0][1] = words(100) }, nil, words(100)},
		{"an annex cell no row holds", func(r *report.Report) { r.Annexes[1].Table.Rows[2][1] = words(400) },
			map[string]string{"annexes[1].table.rows[2][1]": "quá chiều cao tối đa của một dòng bảng tính (409 điểm, tức 26 dòng chữ cỡ 12) kể cả khi nới cột rộng bằng trang giấy"}, ""},
		{"an annex cell past Excel's characters", func(r *report.Report) { r.Annexes[1].Table.Rows[1][0] = strings.Repeat("\u200b", 32768) },
			map[string]string{"annexes[1].table.rows[1][0]": "dài 32.768 ký tự, vượt giới hạn 32.767 ký tự của một ô Excel"}, ""},
		{"characters past the BMP count twice", func(r *report.Report) { r.Annexes[1].Table.Rows[1][0] = strings.Repeat("\U0001d400", 16384) },
			map[string]string{"annexes[1].table.rows[1][0]": "dài 32.768 ký tự"}, ""},
		{"a long indicator name in the column that fills the page", func(r *report.Report) { r.Statistics.Groups[0].Indicators[1].Name = words(80) }, nil, words(80)},
		{"an indicator name no row holds", func(r *report.Report) { r.Statistics.Groups[0].Indicators[1].Name = words(400) },
			map[string]string{"statistics.groups[0].indicators[1].name": "cần"}, ""},
		{"a group title no row holds", func(r *report.Report) { r.Statistics.Groups[1].Title = words(400) },
			map[string]string{"statistics.groups[1].title": "cần"}, ""},
		{"a unit no row holds", func(r *report.Report) { r.Statistics.Groups[1].Indicators[0].Unit = words(400) },
			map[string]string{"statistics.groups[1].indicators[0].unit": "cần"}, ""},
		{"a long number column's name widens its column", func(r *report.Report) { r.Annexes[1].Table.Columns[2].Name = words(40) }, nil, words(40)},
		{"a long unit widens its column", func(r *report.Report) { r.Statistics.Groups[1].Indicators[0].Unit = words(30) }, nil, words(30)},
		{"a long delegate's name widens its column", func(r *report.Report) { r.Conference.Delegates[1].Name = words(60) }, nil, words(60)},
		{"a column name no row holds", func(r *report.Report) { r.Annexes[1].Table.Columns[2].Name = words(400) },
			map[string]string{"annexes[1].table.columns[2].name": "cần"}, ""},
		{"an award no row holds", func(r *report.Report) { r.Commendations.Awards[2].Form = words(400) },
			map[string]string{"commendations.awards[2].form": "cần"}, ""},
		{"a delegate with more titles than a row holds", func(r *report.Report) {
			r.Conference.Delegates[2].Titles = slices.Repeat([]string{"Ủy viên"}, 30)
		}, map[string]string{"conference.delegates[2].titles": "cần 30 dòng chữ"}, ""},
		{"a delegate's name no row holds", func(r *report.Report) { r.Conference.Delegates[0].Name = words(300) },
			map[string]string{"conference.delegates[0].name": "cần"}, ""},
		{"a long title over a narrow table", func(r *report.Report) {
			r.Annexes[1].Title = words(40)
			tb := r.Annexes[1].Table
			tb.Columns = tb.Columns[2:]
			for i := range tb.Rows {
				tb.Rows[i] = tb.Rows[i][2:]
			}
		}, nil, strings.ToUpper(words(40))},
		{"an annex title no row holds", func(r *report.Report) { r.Annexes[1].Title = words(400) },
			map[string]string{"annexes[1].title": `tiêu đề của trang tính "Công an phường Công an phường…" trong phụ lục Excel cần`}, ""},
		{"a conference name no row holds", func(r *report.Report) { r.Conference.Name = words(400) },
			map[string]string{"conference.name": `tiêu đề của trang tính "Đại biểu"`}, ""},
		{"a period in a column's heading and several sheets', reported once", func(r *report.Report) { r.Statistics.Previous = words(400) },
			map[string]string{"statistics.previous": "cần"}, ""},
		{"a period in several sheets' headings, reported once", func(r *report.Report) { r.Statistics.Current = "Năm 2021 " + words(150) },
			map[string]string{"statistics.current": `tiêu đề của trang tính "Biểu đồ"`}, ""},
		{"the agency in every heading, reported once", func(r *report.Report) { r.Agency.NameInText = words(400) },
			map[string]string{"agency.name_in_text": "cần"}, ""},
		{"more groups than a SUM adds", func(r *report.Report) {
			g := r.Statistics.Groups[1]
			r.Statistics.Groups = slices.Repeat([]report.Group{g}, maxGroups+1)
		}, map[string]string{"statistics.groups": "có 256 nhóm chỉ tiêu, vượt giới hạn 255 nhóm"}, ""},
		{"as many groups as a SUM adds", func(r *report.Report) {
			g := r.Statistics.Groups[1]
			r.Statistics.Groups = slices.Repeat([]report.Group{g}, maxGroups)
		}, nil, ""},
		{"more annex tables than sheets", func(r *report.Report) {
			r.Annexes = slices.Repeat(r.Annexes, maxAnnexTables+1) // half without a table
		}, map[string]string{fmt.Sprintf("annexes[%d]", 2*maxAnnexTables+1): "đây là bảng phụ lục thứ 101, vượt giới hạn 100 bảng"}, ""},
		{"more columns than a sheet shows", func(r *report.Report) {
			tb := r.Annexes[1].Table
			for len(tb.Columns) <= maxColumns {
				tb.Columns = append(tb.Columns, report.Column{Name: "Ghi chú"})
				for i := range tb.Rows {
					tb.Rows[i] = append(tb.Rows[i], "")
				}
			}
		}, map[string]string{"annexes[1].table.columns": "bảng có 257 cột, vượt giới hạn 256 cột"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport()
			tt.edit(r)
			// Each expected path at its own line, so that messages tell
			// which they are about.
			r.Positions = map[string]report.Pos{"agency": {File: "t.yaml", Line: 1, Column: 1}}
			line := map[int]string{}
			for path := range tt.want {
				n := len(r.Positions) + 1
				r.Positions[path] = report.Pos{File: "t.yaml", Line: n, Column: 1}
				line[n] = path
			}
			checked := Check(r)
			var buf bytes.Buffer
			written := Write(&buf, r)
			if tt.want == nil {
				if checked != nil || written != nil {
					t.Fatalf("Check = %v\nWrite = %v\nwant the workbook written", checked, written)
				}
				checkWritten(t, buf.Bytes(), tt.text)
				return
			}
			var errs report.Errors
			if !errors.As(checked, &errs) {
				t.Fatalf("Check = %v, want report.Errors", checked)
			}
			if written == nil || written.Error() != checked.Error() {
				t.Errorf("Write = %v\nCheck = %v\nwant the same", written, checked)
			}
			found := map[string]bool{}
			for _, e := range errs {
				path := line[e.Pos.Line]
				switch {
				case path == "":
					t.Errorf("unexpected %v", e)
				case found[path]:
					t.Errorf("%s reported twice: %v", path, e)
				case !strings.Contains(e.Msg, tt.want[path]) || !strings.Contains(e.Msg, " — hãy "):
					t.Errorf("%s: %q, want it to say %q and what to do", path, e.Msg, tt.want[path])
				}
				found[path] = true
			}
			for path := range tt.want {
				if !found[path] {
					t.Errorf("%s not reported: %v", path, checked)
				}
			}
		})
	}
}

// checkWritten checks a written workbook: no row taller than Excel
// allows, and text, when given, held whole in one cell.
func checkWritten(t *testing.T, data []byte, text string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	held := text == ""
	zr := parts(t, data)
	for _, sheet := range f.GetSheetList() {
		if sheet == ChartSheet {
			continue
		}
		var ws worksheetXML
		decodePart(t, zr, sheetPart(t, f, sheet), &ws)
		for _, row := range ws.Rows {
			if row.Ht > maxRowHeight {
				t.Errorf("%s: row %d is %v points high", sheet, row.R, row.Ht)
			}
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, cells := range rows {
			held = held || slices.Contains(cells, text)
		}
	}
	if !held {
		t.Errorf("no cell holds %.40q… whole", text)
	}
}

// TestCheckAgreesWithWrite: across lengths on both sides of each limit,
// Write fails exactly when Check does, with the same errors — validate
// finds what a render would.
func TestCheckAgreesWithWrite(t *testing.T) {
	fields := map[string]func(r *report.Report, s string){
		"unit":          func(r *report.Report, s string) { r.Statistics.Groups[1].Indicators[0].Unit = s },
		"column name":   func(r *report.Report, s string) { r.Annexes[1].Table.Columns[2].Name = s },
		"annex cell":    func(r *report.Report, s string) { r.Annexes[1].Table.Rows[1][1] = s },
		"annex title":   func(r *report.Report, s string) { r.Annexes[1].Title = s },
		"delegate rank": func(r *report.Report, s string) { r.Conference.Delegates[3].Rank = s },
		"agency":        func(r *report.Report, s string) { r.Agency.NameInText = s },
	}
	for name, set := range fields {
		var ok, failed int
		for n := 100; n <= 330; n += 23 {
			r := sampleReport()
			set(r, words(n)+strings.Repeat(" ệ", n%7))
			checked := Check(r)
			var buf bytes.Buffer
			written := Write(&buf, r)
			if (checked == nil) != (written == nil) || checked != nil && checked.Error() != written.Error() {
				t.Errorf("%s of %d words: Check = %v, Write = %v", name, n, checked, written)
			}
			if checked == nil {
				ok++
			} else {
				failed++
			}
		}
		if ok == 0 || failed == 0 {
			t.Errorf("%s: %d lengths written, %d refused: the lengths do not cross the limit", name, ok, failed)
		}
	}
}
