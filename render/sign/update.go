package sign

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
)

// update is an incremental update of a file (ISO 32000-1 §7.5.6): new
// objects and new versions of old ones, appended after the file's bytes
// with a cross-reference section whose /Prev is the file's last one.
type update struct {
	f    *file
	next int         // the next free object number
	objs map[int]any // by number
}

func newUpdate(f *file) *update {
	next := f.size
	for n := range f.entries {
		next = max(next, n+1)
	}
	return &update{f: f, next: next, objs: map[int]any{}}
}

// add adds a new object and returns its reference.
func (u *update) add(v any) ref {
	n := u.reserve(1)
	u.objs[n] = v
	return ref{n, 0}
}

// reserve returns the first of n new consecutive object numbers.
func (u *update) reserve(n int) int {
	first := u.next
	u.next += n
	return first
}

// set gives object n a new value.
func (u *update) set(n int, v any) { u.objs[n] = v }

// bytes returns the file with the update appended, and the offset of each
// object written.
func (u *update) bytes() ([]byte, map[int]int) {
	b := bytes.Clone(u.f.b)
	if len(b) > 0 && b[len(b)-1] != '\n' {
		b = append(b, '\n')
	}
	nums := make([]int, 0, len(u.objs)+1)
	for n := range u.objs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	offsets := map[int]int{}
	for _, n := range nums {
		offsets[n] = len(b)
		b = fmt.Appendf(b, "%d %d obj\n", n, u.f.gen(n))
		b = write(b, u.objs[n])
		b = append(b, "\nendobj\n"...)
	}
	trailer := dict{"Size": num(u.next), "Prev": num(u.f.start)}
	for _, k := range []name{"Root", "Info", "ID"} {
		if v, ok := u.f.trailer[k]; ok {
			trailer[k] = v
		}
	}
	xref := len(b)
	if u.f.xrefStrm {
		// A file whose last section is a stream may have objects in object
		// streams, which only a stream section can go on describing.
		n := u.next
		trailer["Size"] = num(n + 1)
		offsets[n] = xref
		nums = append(nums, n)
		var data []byte
		var index array
		for _, run := range runs(nums) {
			index = append(index, num(run[0]), num(len(run)))
			for _, m := range run {
				o := offsets[m]
				data = append(data, 1, byte(o>>24), byte(o>>16), byte(o>>8), byte(o), byte(u.f.gen(m)>>8), byte(u.f.gen(m)))
			}
		}
		trailer["Type"] = name("XRef")
		trailer["W"] = array{num(1), num(4), num(2)}
		trailer["Index"] = index
		b = fmt.Appendf(b, "%d 0 obj\n", n)
		b = write(b, stream{dict: trailer, data: data})
		b = append(b, "\nendobj\n"...)
	} else {
		b = append(b, "xref\n"...)
		for _, run := range runs(nums) {
			b = fmt.Appendf(b, "%d %d\n", run[0], len(run))
			for _, m := range run {
				b = fmt.Appendf(b, "%010d %05d n \n", offsets[m], u.f.gen(m))
			}
		}
		b = append(b, "trailer\n"...)
		b = write(b, trailer)
		b = append(b, '\n')
	}
	b = append(b, "startxref\n"...)
	b = strconv.AppendInt(b, int64(xref), 10)
	b = append(b, "\n%%EOF\n"...)
	return b, offsets
}

// runs splits sorted numbers into runs of consecutive ones.
func runs(nums []int) [][]int {
	var out [][]int
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		out = append(out, nums[i:j])
		i = j
	}
	return out
}
