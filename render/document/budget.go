package document

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"text/template"
	tparse "text/template/parse"
	"time"

	"baocao/render/report"
	"baocao/render/viet"
)

// The budget of one document: what all the executions of its kind's
// template and of the report's bodies may use together. Each limit is far
// beyond a real report — the examples' documents take 1.000 to 2.000
// steps and make 3 to 30 KB of text — and the embedded templates stay
// within it for the longest lists the loader accepts (100.000 guests and
// 100.000 tasks: 700.000 steps); it only stops a template or a body that
// would run for minutes or take gigabytes. text/template has no hook of
// its own, so the parsed templates are rewritten to call the budget (see
// instrument) and the functions are wrapped (see meter).
const (
	// maxSteps bounds range iterations, {{ template }} calls and function
	// calls. An iteration takes text/template some 0,05 µs, a function
	// call 0,5 µs: a loop of calls stops within half a second, far from
	// maxTime even on a machine ten times busier. The embedded templates
	// take two steps for a delegate, five for a task: 500.000 for the
	// 100.000 tasks the loader accepts.
	maxSteps = 1_000_000
	// maxCalls bounds how deep {{ template }} calls nest: a template that
	// calls itself is a mistake, not a recursion anything here needs.
	maxCalls = 100
	// maxString bounds one string a function makes, and what one
	// execution writes: 8 MB is some 2.000 pages, or a statistics table
	// of some 70.000 indicators.
	maxString = 8 << 20
	// maxMade bounds the text all the function calls of a document make
	// together, which its template may hold in variables: the four
	// documents of a report are made at once, and four times 32 MB held,
	// with the garbage collector's room, keep a render of the largest
	// input under 500 MB.
	maxMade = 32 << 20
	// maxTime bounds the processor time of a document's executions, for
	// loops whose every step is cheap by the counts above but slow. It is
	// processor time, not time on the clock, so that a machine busy with
	// other work does not stop a document that would finish: the four
	// documents of a report, made at once on two cores, take 10 s on the
	// clock to use it up.
	maxTime = 5 * time.Second
	// lookEvery is how often the processor time is read: reading it is a
	// system call, ten times the cost of a step.
	lookEvery = 10 * time.Millisecond
	// narrativeSteps is what a template's call of narrative counts as
	// besides its own steps: setting up a body takes as long as a
	// thousand steps, and a template needs a few calls, not thousands.
	narrativeSteps = 1000
	// maxBody bounds the body narrative executes, as the loader bounds a
	// value: a template cannot hand it a longer text it made itself.
	maxBody = 1 << 20
)

// budget is what is left of one document's budget. The executions of a
// document run one inside another on one goroutine, so it needs no lock;
// every document has its own.
type budget struct {
	ctx context.Context // the caller's: an interrupt, a request's deadline
	// clock reads the time used, the thread's processor time or, where
	// that cannot be read, the time on the clock; past limit the
	// executions stop. looked is when it was last read.
	clock  func() time.Duration
	limit  time.Duration
	looked time.Time
	steps  int
	made   int
	calls  int
	out    *output // of the execution running now
}

// newBudget starts a budget for executions on the calling goroutine, which
// it locks to its thread, so that the thread's processor time is the
// executions'; release unlocks it.
func newBudget(ctx context.Context) (b *budget, release func()) {
	runtime.LockOSThread()
	b = &budget{ctx: ctx, clock: func() time.Duration { cpu, _ := threadCPU(); return cpu }}
	if _, ok := threadCPU(); !ok {
		start := time.Now()
		b.clock = func() time.Duration { return time.Since(start) }
	}
	b.limit = b.clock() + maxTime
	return b, runtime.UnlockOSThread
}

// errStopped marks an execution stopped by the caller's context, which is
// not the input's fault and has no position.
var errStopped = errors.New("đã dừng giữa chừng")

// step counts one step and checks every limit.
func (b *budget) step() error {
	if b.steps++; b.steps > maxSteps {
		return fmt.Errorf("các lệnh {{ … }} đã chạy quá %s bước (vòng lặp range, lời gọi hàm, lệnh template) — hãy kiểm tra các vòng lặp {{ range }} lồng nhau hoặc lặp quá nhiều lần",
			viet.Number(maxSteps, 0))
	}
	return b.check()
}

// check checks the limits that do not count steps: the caller's context,
// the output and the time.
func (b *budget) check() error {
	if err := b.ctx.Err(); err != nil {
		return fmt.Errorf("%w: %w", errStopped, context.Cause(b.ctx))
	}
	if b.out != nil && b.out.full {
		return tooLong()
	}
	if now := time.Now(); now.Sub(b.looked) >= lookEvery {
		b.looked = now
		if b.clock() > b.limit {
			return fmt.Errorf("các lệnh {{ … }} đã dùng quá %d giây xử lý của máy — hãy kiểm tra các vòng lặp {{ range }} lồng nhau hoặc lặp quá nhiều lần",
				int(maxTime/time.Second))
		}
	}
	return nil
}

// tooLong is the error of an execution whose output passed maxString.
func tooLong() error {
	return fmt.Errorf("nội dung sau khi thay các lệnh {{ … }} dài hơn %d MB — hãy kiểm tra các vòng lặp {{ range }} và các lệnh in ra những chuỗi rất dài",
		maxString>>20)
}

// enter is a step that starts a {{ template }} call; leave ends it.
func (b *budget) enter() error {
	if b.calls++; b.calls > maxCalls {
		return fmt.Errorf("lệnh {{ template }} lồng nhau quá %d cấp — hãy kiểm tra mẫu không tự gọi lại chính nó", maxCalls)
	}
	return b.step()
}

func (b *budget) leave() error {
	b.calls--
	return nil
}

// room checks that a string of up to n bytes, about to be made by the
// function name, fits the budget.
func (b *budget) room(name string, n int) error {
	return b.fits(name, n, "có thể tạo ra")
}

// charge counts a string of n bytes the function name made.
func (b *budget) charge(name string, n int) error {
	if err := b.fits(name, n, "tạo ra"); err != nil {
		return err
	}
	b.made += n
	return nil
}

func (b *budget) fits(name string, n int, makes string) error {
	switch {
	case n > maxString:
		return fmt.Errorf("hàm %s %s chuỗi dài hơn %d MB — hãy kiểm tra các biến được nối dài mãi (printf, print…) và các vòng lặp {{ range }}",
			name, makes, maxString>>20)
	case b.made+n > maxMade:
		return fmt.Errorf("các hàm trong {{ … }} đã tạo ra hơn %d MB chữ cho một văn bản — hãy kiểm tra các vòng lặp {{ range }} và các biến được nối dài mãi (printf, print…)",
			maxMade>>20)
	}
	return nil
}

var errorType = reflect.TypeFor[error]()

// meter wraps every function of funcs so that each call is a step of b
// and the string it returns is charged to b. A function that has no
// error result gets one.
func (b *budget) meter(funcs template.FuncMap) template.FuncMap {
	out := make(template.FuncMap, len(funcs))
	for name, fn := range funcs {
		v := reflect.ValueOf(fn)
		t := v.Type()
		ins := make([]reflect.Type, t.NumIn())
		for i := range ins {
			ins[i] = t.In(i)
		}
		result := t.Out(0)
		wrapped := reflect.FuncOf(ins, []reflect.Type{result, errorType}, t.IsVariadic())
		out[name] = reflect.MakeFunc(wrapped, func(args []reflect.Value) []reflect.Value {
			fail := func(err error) []reflect.Value {
				return []reflect.Value{reflect.Zero(result), reflect.ValueOf(&err).Elem()}
			}
			if err := b.step(); err != nil {
				return fail(err)
			}
			var res []reflect.Value
			if t.IsVariadic() {
				res = v.CallSlice(args)
			} else {
				res = v.Call(args)
			}
			if len(res) == 2 && !res[1].IsNil() {
				return res
			}
			if res[0].Kind() == reflect.String {
				if err := b.charge(name, res[0].Len()); err != nil {
					return fail(err)
				}
			}
			return []reflect.Value{res[0], reflect.Zero(errorType)}
		}).Interface()
	}
	return out
}

// A mark is a point of a parsed template where the budget is asked: a
// text node of no bytes, which text/template hands to the writer as it is
// (exec.go: s.wr.Write(node.Text)), so that output, the writer, knows from
// the address of its byte array which mark the execution has reached. A
// mark costs a write, a function call some ten times as much.
type mark struct {
	check func(*budget) error // step, check, enter or leave
	pos   tparse.Pos          // of the action's "{{"
}

// marks finds the mark of a text by the address of its array.
type marks map[*byte]mark

// maxNodes bounds the parts of one action — functions, arguments, fields
// — whose evaluation no mark interrupts: 1.000 comparisons of two 8 MB
// strings take a second.
const maxNodes = 1000

// instrument rewrites every template of t, parsed from src, with marks —
// a step before each range iteration, a check before each action, enter
// and leave around each {{ template }} call — and returns them, and ends
// each action that prints with literal, so that the report's text prints
// as written, never read as Markdown:
// text/template has no hook of its own. (Function calls are counted by
// meter.) An action of more than maxNodes parts is an error, positioned
// by at: nothing could stop it midway.
func instrument(t *template.Template, src string, at func(line, col int) report.Pos) (marks, error) {
	m := make(marks)
	for _, tt := range t.Templates() {
		if tt.Tree == nil {
			continue
		}
		if pos, ok := m.list(tt.Tree, tt.Tree.Root, src); !ok {
			return nil, report.Errors{{Pos: at(lineCol(src, pos)), Msg: fmt.Sprintf(
				"lệnh {{ … }} này có hơn %s phần (hàm, đối số, trường) — hãy tách thành nhiều lệnh nhỏ", viet.Number(maxNodes, 0))}}
		}
	}
	return m, nil
}

// list instruments the nodes of l. When an action has more than maxNodes
// parts it returns its position and false.
func (m marks) list(tree *tparse.Tree, l *tparse.ListNode, src string) (tparse.Pos, bool) {
	if l == nil {
		return 0, true
	}
	nodes := make([]tparse.Node, 0, 2*len(l.Nodes))
	for _, n := range l.Nodes {
		var pipe *tparse.PipeNode
		var lists []*tparse.ListNode
		switch n := n.(type) {
		case *tparse.ActionNode:
			pipe = n.Pipe
		case *tparse.TemplateNode:
			pipe = n.Pipe
		case *tparse.IfNode:
			pipe, lists = n.Pipe, []*tparse.ListNode{n.List, n.ElseList}
		case *tparse.WithNode:
			pipe, lists = n.Pipe, []*tparse.ListNode{n.List, n.ElseList}
		case *tparse.RangeNode:
			pipe, lists = n.Pipe, []*tparse.ListNode{n.List, n.ElseList}
		default:
			nodes = append(nodes, n)
			continue
		}
		at := actionStart(src, n.Position())
		if parts(pipe) > maxNodes {
			return at, false
		}
		for _, l := range lists {
			if pos, ok := m.list(tree, l, src); !ok {
				return pos, false
			}
		}
		switch n := n.(type) {
		case *tparse.ActionNode:
			if len(n.Pipe.Decl) == 0 { // it prints: the report's text literally
				id := tparse.NewIdentifier(literalFunc).SetTree(tree).SetPos(n.Pos)
				n.Pipe.Cmds = append(n.Pipe.Cmds, &tparse.CommandNode{NodeType: tparse.NodeCommand, Pos: n.Pos, Args: []tparse.Node{id}})
			}
		case *tparse.TemplateNode:
			nodes = append(nodes, m.add((*budget).enter, at), n, m.add((*budget).leave, at))
			continue
		case *tparse.RangeNode:
			if n.List == nil {
				n.List = &tparse.ListNode{NodeType: tparse.NodeList, Pos: n.Pos}
			}
			n.List.Nodes = append([]tparse.Node{m.add((*budget).step, at)}, n.List.Nodes...)
		}
		nodes = append(nodes, m.add((*budget).check, at), n)
	}
	l.Nodes = nodes
	return 0, true
}

// parts counts the nodes of a pipeline, those of its parenthesized
// pipelines included.
func parts(n tparse.Node) int {
	switch n := n.(type) {
	case *tparse.PipeNode:
		if n == nil {
			return 0
		}
		c := len(n.Decl)
		for _, cmd := range n.Cmds {
			c += parts(cmd)
		}
		return c
	case *tparse.CommandNode:
		c := 1
		for _, a := range n.Args {
			c += parts(a)
		}
		return c
	case *tparse.ChainNode:
		return len(n.Field) + parts(n.Node)
	}
	return 1
}

// add makes a mark at pos that calls check.
func (m marks) add(check func(*budget) error, pos tparse.Pos) *tparse.TextNode {
	text := make([]byte, 0, 1) // an array of its own, which a write of it shows
	m[&text[:1][0]] = mark{check: check, pos: pos}
	return &tparse.TextNode{NodeType: tparse.NodeText, Pos: pos, Text: text}
}

// actionStart returns the position of the "{{" that opens the action
// holding pos: text/template places a node on its first word.
func actionStart(src string, pos tparse.Pos) tparse.Pos {
	if i := strings.LastIndex(src[:min(int(pos), len(src))], "{{"); i >= 0 {
		return tparse.Pos(i)
	}
	return pos
}

// output is where an execution writes: a buffer that keeps no more than
// maxString bytes, and the reader of the template's marks. Past the limit
// it drops what it is given and marks itself full, for the budget's next
// step to stop the execution there — in a loop, at the loop.
type output struct {
	bytes.Buffer
	b     *budget
	marks marks
	full  bool
}

// stop is the error of a mark: what ran over, and where.
type stop struct {
	pos tparse.Pos
	err error
}

func (s *stop) Error() string { return s.err.Error() }
func (s *stop) Unwrap() error { return s.err }

func (o *output) Write(p []byte) (int, error) {
	if len(p) == 0 && cap(p) > 0 {
		if m, ok := o.marks[&p[:1][0]]; ok {
			if err := m.check(o.b); err != nil {
				return 0, &stop{pos: m.pos, err: err}
			}
			return 0, nil
		}
	}
	if o.full || o.Len()+len(p) > maxString {
		o.full = true
		return len(p), nil
	}
	return o.Buffer.Write(p)
}
