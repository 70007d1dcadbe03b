package yamledit

import (
	"fmt"
	"strconv"
	"strings"
)

// step is one step of a path: a key of a mapping, or an index of a list
// when key is "".
type step struct {
	key   string
	index int
}

// parsePath splits a path written as the loader writes them —
// "statistics.groups[0].indicators[1].current", "rows[2][1]" — into steps.
// The empty path is the document's root.
func parsePath(p string) ([]step, error) {
	var steps []step
	for i := 0; i < len(p); {
		switch p[i] {
		case '[':
			j := strings.IndexByte(p[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("đường dẫn %q thiếu dấu ]", p)
			}
			n, err := strconv.Atoi(p[i+1 : i+j])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("đường dẫn %q có chỉ số sai", p)
			}
			steps = append(steps, step{index: n})
			i += j + 1
		case '.':
			if i == 0 || i == len(p)-1 {
				return nil, fmt.Errorf("đường dẫn %q có dấu chấm thừa", p)
			}
			i++
		default:
			j := strings.IndexAny(p[i:], ".[")
			if j < 0 {
				j = len(p) - i
			}
			if i > 0 && p[i-1] != '.' {
				return nil, fmt.Errorf("đường dẫn %q thiếu dấu chấm trước %q", p, p[i:i+j])
			}
			steps = append(steps, step{key: p[i : i+j]})
			i += j
		}
	}
	return steps, nil
}

// pathOf writes steps back as a path.
func pathOf(steps []step) string {
	var b strings.Builder
	for _, s := range steps {
		if s.key == "" {
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}
