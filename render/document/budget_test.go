package document

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"baocao/render/report"
)

// withTemplate is the bao-cao kind with its template replaced by src, read
// from the file "mau.md.tmpl".
func withTemplate(t *testing.T, src string) Kind {
	t.Helper()
	k := baoCao(t)
	k.src, k.Template = src, "mau.md.tmpl"
	return k
}

// doubling is a template line that doubles $s, a string of 16 bytes, with
// the function call call ("printf \"%s%s\" $s $s") 30 times: 16 GB.
func doubling(call string) string {
	return `{{ $s := "0123456789abcdef" }}{{ range 30 }}{{ $s = ` + call + ` }}{{ end }}{{ len $s }}`
}

// TestBudgetStops runs the known attacks on the execution of a template or
// a body: each must stop, quickly and within bounded memory, with one
// error at the place of the action that ran over.
func TestBudgetStops(t *testing.T) {
	tmpl := func(line, col int) report.Pos { return report.Pos{File: "mau.md.tmpl", Line: line, Column: col} }
	body := func(line, col int) report.Pos {
		return report.Pos{File: bodyPos.File, Line: bodyPos.Line + line - 1, Column: bodyPos.Column + col - 1}
	}
	const (
		steps  = "đã chạy quá 1.000.000 bước"
		output = "dài hơn 8 MB"
	)
	tests := []struct {
		name     string
		template string // "" keeps the kind's own, which executes body
		body     string
		pos      report.Pos
		msg      string
	}{
		{"printf doubling", doubling(`printf "%s%s" $s $s`), "", tmpl(1, 53), "hàm printf có thể tạo ra chuỗi dài hơn 8 MB"},
		{"print doubling", doubling(`print $s $s`), "", tmpl(1, 53), "hàm print có thể tạo ra chuỗi dài hơn 8 MB"},
		{"println doubling", doubling(`println $s $s`), "", tmpl(1, 53), "hàm println có thể tạo ra chuỗi dài hơn 8 MB"},
		{"js escaping", `{{ $s := "<<<<" }}{{ range 30 }}{{ $s = js $s }}{{ end }}`, "", tmpl(1, 41), "hàm js có thể tạo ra chuỗi"},
		{"upper of ever larger strings", `{{ $s := "ab" }}{{ range 30 }}{{ $s = upper (print $s $s) }}{{ end }}`, "", tmpl(1, 46), "hàm print có thể tạo ra chuỗi"},
		{"escape of ever larger strings", `{{ $s := "**" }}{{ range 30 }}{{ $s = escape $s }}{{ end }}`, "", tmpl(1, 39), "hàm escape tạo ra chuỗi"},
		{"printf widths", `{{ printf "` + strings.Repeat("%999999d", 20) + `" 1 }}`, "", tmpl(1, 4), "hàm printf có thể tạo ra chuỗi"},
		{"printf width from an argument", `{{ range 100 }}{{ $x := printf "%*d" 999999 1 }}{{ end }}`, "", tmpl(1, 25), "các hàm trong {{ … }} đã tạo ra hơn 32 MB"},
		{"many calls of 8 MB", `{{ $s := printf "%8000000d" 1 }}{{ range 100 }}{{ $x := lower_first $s }}{{ end }}`, "", tmpl(1, 57), "đã tạo ra hơn 32 MB"},
		{"roman of a huge number", `{{ roman 1000000000000 }}`, "", tmpl(1, 4), "từ 1 đến 3.999"},
		{"nested range", "Mở đầu\n{{ range 100000 }}{{ range 100000 }}{{ end }}{{ end }}", "", tmpl(2, 19), steps},
		{"range inside the frame", `{{ define "frame" }}{{ range 1000000000 }}{{ end }}mau-1.4{{ end }}x`, "", tmpl(1, 21), steps},
		{"guests called many times", `{{ range 1000000000 }}{{ $g := guests }}{{ end }}`, "", tmpl(1, 1), steps},
		{"recursion through template", `{{ define "a" }}{{ template "a" . }}{{ end }}{{ template "a" . }}`, "", tmpl(1, 17), "lồng nhau quá 100 cấp"},
		{"mutual recursion", `{{ define "a" }}{{ template "b" }}{{ end }}{{ define "b" }}{{ template "a" }}{{ end }}{{ template "a" }}`, "", tmpl(1, 60), "lồng nhau quá 100 cấp"},
		{"output of a loop", `{{ range 1000000000 }}Một dòng chữ.{{ end }}`, "", tmpl(1, 1), output},
		{"output of the body", "", `{{ $s := printf "%7000000s" "x" }}{{ $s }}{{ $s }}`, body(1, 1), output},
		{"output of the body, then a call", "", `{{ $s := printf "%7000000s" "x" }}{{ $s }}{{ $s }}{{ value "toi-pham" }}`, body(1, 51), output},
		{"narrative over and over", `{{ range 1000000000 }}{{ narrative "Một câu." "bao_cao.body" }}{{ end }}`, "", tmpl(1, 1), steps},
		{"narrative of a made text", `{{ narrative (printf "%1100000s" "x") "x" }}`, "", tmpl(1, 4), "dài hơn 1 MB"},
		// Ranges are refused in bodies: the doubling is written out. The
		// 18th would make 4 MB, which printf refuses: it counts its
		// arguments twice, as verbs and as arguments no verb used.
		{"printf doubling in a body", "", "Mở đầu\n\n{{ $s := \"0123456789abcdef\" }}\n" + strings.Repeat("{{ $s = printf \"%s%s\" $s $s }}\n", 30), body(21, 9), "hàm printf có thể tạo ra chuỗi dài hơn 8 MB"},
		{"print of a list", `{{ print .Conference.Delegates }}`, "", tmpl(1, 4), "không in được một danh sách"},
		{"an action of 1.001 parts", "Một\n{{ if eq 1" + strings.Repeat(" 1", 999) + " }}x{{ end }}", "", tmpl(2, 1), "hơn 1.000 phần"},
		{"an action of 1.001 parts in a body", "", "{{ $x := and" + strings.Repeat(" (not 1)", 500) + " }}", body(1, 1), "hơn 1.000 phần"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := baoCao(t)
			if tt.template != "" {
				k = withTemplate(t, tt.template)
			}
			start := time.Now()
			_, err := Build(testReport(tt.body), k)
			var errs report.Errors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("got %v, want one positioned error", err)
			}
			if errs[0].Pos != tt.pos || !strings.Contains(errs[0].Msg, tt.msg) {
				t.Errorf("got %v\nwant %v: …%s…", errs[0], tt.pos, tt.msg)
			}
			t.Logf("stopped after %v", time.Since(start))
		})
	}
}

// TestBudgetAllowsRealWork: the budget lets a template loop over the
// largest lists the loader accepts, with several calls for each item.
func TestBudgetAllowsRealWork(t *testing.T) {
	if raceDetector {
		t.Skip("the race detector slows the build past the budget's time")
	}
	r := testReport("Nội dung.")
	for i := range 100_000 {
		r.Conference.Delegates = append(r.Conference.Delegates, report.Delegate{ID: fmt.Sprint("d", i), Name: fmt.Sprint("Nguyễn Văn ", i), Guest: true})
	}
	src := `{{ range $i, $d := guests }}{{ add $i 1 }}. {{ person $d }} — {{ upper (position $d | print) }}, {{ value "toi-pham" }}

{{ end }}{{ narrative .BaoCao.Body "bao_cao.body" }}`
	doc, err := Build(r, withTemplate(t, src))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(paragraphs(doc.Body)); n < 100_000 {
		t.Errorf("%d paragraphs, want one for each of 100.000 guests", n)
	}
}

// TestBuildContext: a cancelled context stops an execution at its next
// step, with an error that wraps the context's and names no place.
func TestBuildContext(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cause := errors.New("ngắt")
	time.AfterFunc(50*time.Millisecond, func() { cancel(cause) })
	start := time.Now()
	_, err := BuildContext(ctx, testReport(""), withTemplate(t, `{{ range 1000000000 }}{{ end }}`))
	if !errors.Is(err, cause) {
		t.Fatalf("got %v, want an error wrapping the cause", err)
	}
	var errs report.Errors
	if errors.As(err, &errs) {
		t.Errorf("got a positioned error %v: an interrupt is not the input's fault", err)
	}
	t.Logf("stopped after %v", time.Since(start))
}

// TestBudgetDeadline: past its time, the next action stops the
// execution, even where nothing loops or calls a function.
func TestBudgetDeadline(t *testing.T) {
	r := testReport("")
	b, release := newBudget(context.Background())
	defer release()
	body := "Một.\n\n{{ if true }}Hai.{{ end }}"
	if _, err := narrative(b, r, body, "bao_cao.body", b.bodyFuncs(r)); err != nil {
		t.Fatalf("within the time: %v", err)
	}
	b.limit, b.looked = b.clock()-time.Second, time.Time{}
	_, err := narrative(b, r, body, "bao_cao.body", b.bodyFuncs(r))
	var errs report.Errors
	if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Pos.Line != bodyPos.Line+2 || !strings.Contains(errs[0].Msg, "quá 5 giây xử lý") {
		t.Errorf("past the time: %v, want an error at line %d", err, bodyPos.Line+2)
	}
}

// TestBudgetTime: the time counted is the processor's, which work uses
// up and a wait does not.
func TestBudgetTime(t *testing.T) {
	b, release := newBudget(context.Background())
	defer release()
	if _, ok := threadCPU(); !ok {
		t.Skip("no processor time of a thread here")
	}
	start := b.clock()
	time.Sleep(50 * time.Millisecond)
	if used := b.clock() - start; used > 20*time.Millisecond {
		t.Errorf("a 50 ms wait counted %v", used)
	}
	// Work, until it counts 20 ms, for 10 s on the clock at the most.
	for end := time.Now().Add(10 * time.Second); b.clock()-start < 20*time.Millisecond && time.Now().Before(end); {
	}
	if used := b.clock() - start; used < 20*time.Millisecond {
		t.Errorf("10 s of work counted %v", used)
	}
}

// TestNothingToWrite: a function with nothing to write is an error at its
// call, not an empty string or a table of nothing.
func TestNothingToWrite(t *testing.T) {
	noStatistics := func(r *report.Report) { r.Statistics = report.Statistics{} }
	noAwards := func(r *report.Report) { r.Commendations = report.Commendations{} }
	zeroAwards := func(r *report.Report) {
		r.Commendations.Awards = []report.Award{{Form: "Giấy khen"}, {Form: "Bằng khen"}}
	}
	noChair := func(r *report.Report) { r.Conference.Chair = "khong-co" }
	tests := []struct {
		name   string
		body   string
		change func(*report.Report)
		col    int
		msg    string
	}{
		{"statistics_table without statistics", "Bảng:\n\n{{ statistics_table }}", noStatistics, 4, "không có mục statistics"},
		{"commended without awards", "Đã khen {{ commended }}.", noAwards, 12, "chưa có số tập thể, cá nhân"},
		{"commended with no counts", "Đã khen {{ commended }}.", zeroAwards, 12, "chưa có số tập thể, cá nhân"},
		{"long_date of a date not given", "{{ long_date .Conference.Date }}", nil, 4, "ngày này không có"},
		{"short_date of a date not given", "{{ short_date .Conference.Date }}", nil, 4, "ngày này không có"},
		{"join of no items", "{{ join .BaoCao.KinhGui }}", nil, 4, "danh sách trống"},
		{"roman 0", "{{ roman 0 }}", nil, 4, "từ 1 đến 3.999"},
		{"roman 4000", "{{ roman 4000 }}", nil, 4, "từ 1 đến 3.999"},
		{"letter 0", "{{ letter 0 }}", nil, 4, "bắt đầu từ 1"},
		{"add past the largest int", "{{ add 9223372036854775807 1 }}", nil, 4, "vượt quá số lớn nhất"},
		{"chair not a delegate", "{{ person chair }}", noChair, 11, "conference.chair"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := testReport(tt.body)
			if tt.change != nil {
				tt.change(r)
			}
			_, err := Build(r, baoCao(t))
			var errs report.Errors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("got %v, want one positioned error", err)
			}
			line := bodyPos.Line + strings.Count(tt.body, "\n")
			if p := errs[0].Pos; p.Line != line || p.Column != bodyPos.Column+tt.col-1 || !strings.Contains(errs[0].Msg, tt.msg) {
				t.Errorf("got %v\nwant line %d, column %d: …%s…", errs[0], line, bodyPos.Column+tt.col-1, tt.msg)
			}
		})
	}
}

// FuzzTemplate builds the báo cáo with a fuzzed template (as --templates
// DIR gives it): whatever it holds, the build ends, without a panic, in a
// document or in errors that name a place in the template or the body;
// Texts never panics and places text inside the template.
func FuzzTemplate(f *testing.F) {
	for _, k := range Kinds() {
		f.Add(k.src)
	}
	f.Add(`{{ define "a" }}{{ range $i, $x := . }}{{ if $i }}{{ break }}{{ else }}{{ continue }}{{ end }}{{ end }}{{ end }}{{ block "b" . }}{{ template "a" .Conference.Delegates }}{{ end }}`)
	f.Add(`{{ with $x := guests }}{{ range . }}{{ person . }}{{ else }}-{{ end }}{{ else with chair }}{{ .Name }}{{ end }}`)
	for _, s := range []string{"", "{{", "{{ define \"frame\" }}ban-tin{{ end }}x", "{{ template \"x\" }}", "{{ range .Conference.Delegates }}{{ person . }}{{ end }}"} {
		f.Add(s)
	}
	f.Add(`{{ $s := "ab" }}{{ range 40 }}{{ $s = printf "%s%s" $s $s }}{{ end }}`)
	f.Fuzz(func(t *testing.T, src string) {
		k := withTemplate(t, src)
		k.Texts(func(at report.Pos, s string) {
			if at.File != k.Template || at.Line < 1 || at.Column < 1 || at.Line > strings.Count(src, "\n")+1 || strings.Contains(s, "\n") {
				t.Fatalf("text %q at %v", s, at)
			}
		})
		_, err := Build(testReport("Nội dung {{ value \"toi-pham\" }}."), k)
		var errs report.Errors
		if err != nil && (!errors.As(err, &errs) || len(errs) == 0) {
			t.Fatalf("%q: error %v (%T) is not positioned", src, err, err)
		}
		for _, e := range errs {
			if e.Pos.File != k.Template && e.Pos.File != bodyPos.File {
				t.Errorf("%q: error %v names no place in the template or the body", src, e)
			}
		}
	})
}
