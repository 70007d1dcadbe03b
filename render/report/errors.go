package report

import (
	"cmp"
	"slices"
	"strings"
)

// Error is a problem in the user's input, at the place to fix it.
type Error struct {
	Pos Pos
	Msg string
}

// Error renders the problem as "file:line:col: message".
func (e *Error) Error() string {
	if e.Pos == (Pos{}) {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// Errors is every problem found in one input, reported at once so that a
// user fixes them in one pass.
type Errors []*Error

// Error lists the problems one per line, in file order.
func (es Errors) Error() string {
	sorted := slices.Clone(es)
	slices.SortStableFunc(sorted, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Column, b.Pos.Column))
	})
	lines := make([]string, len(sorted))
	for i, e := range sorted {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
