package sign

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
)

// file is a PDF read for an incremental update: where each object is,
// the last trailer, and whether the last section is an xref stream.
type file struct {
	b        []byte
	entries  map[int]entry
	trailer  dict
	start    int  // offset of the last cross-reference section
	xrefStrm bool // the last section is a cross-reference stream
	size     int  // /Size: one more than the highest object number
	cache    map[int]any
}

// entry locates an object: at an offset, or as the index-th object of
// the object stream stm.
type entry struct {
	offset     int
	gen        int
	stm, index int
	inStream   bool
}

// gen is the generation of object n; 0 for a new one.
func (f *file) gen(n int) int { return f.entries[n].gen }

// maxSections bounds the chain of /Prev sections, against loops.
const maxSections = 1000

// readFile reads the cross-reference sections of b, newest first.
func readFile(b []byte) (*file, error) {
	f := &file{b: b, entries: map[int]entry{}, cache: map[int]any{}}
	at := bytes.LastIndex(b, []byte("startxref"))
	if at < 0 {
		return nil, fmt.Errorf("%w: không có startxref", errSyntax)
	}
	l := &lexer{b: b, pos: at + len("startxref")}
	start, err := strconv.Atoi(l.token())
	if err != nil || start <= 0 || start >= len(b) {
		return nil, fmt.Errorf("%w: startxref sai", errSyntax)
	}
	f.start = start
	seen := map[int]bool{}
	for off, first := start, true; ; first = false {
		if seen[off] || len(seen) > maxSections {
			return nil, syntaxError(off, "các bảng tham chiếu chéo lặp vòng")
		}
		seen[off] = true
		trailer, isStream, err := f.section(off)
		if err != nil {
			return nil, err
		}
		if first {
			f.trailer, f.xrefStrm = trailer, isStream
			f.size, _ = intOf(trailer["Size"])
		}
		// A hybrid file's table points at a stream holding the objects
		// the table leaves out (§7.5.8.4).
		if s, ok := intOf(trailer["XRefStm"]); ok && !seen[s] {
			seen[s] = true
			if _, _, err := f.section(s); err != nil {
				return nil, err
			}
		}
		prev, ok := intOf(trailer["Prev"])
		if !ok {
			break
		}
		off = prev
	}
	if _, ok := f.trailer["Root"].(ref); !ok {
		return nil, fmt.Errorf("%w: không có /Root", errSyntax)
	}
	if _, ok := f.trailer["Encrypt"]; ok {
		return nil, errEncrypted
	}
	return f, nil
}

// section reads the cross-reference section at off, keeping the entries
// newer sections have not set, and returns its trailer.
func (f *file) section(off int) (dict, bool, error) {
	if off <= 0 || off >= len(f.b) {
		return nil, false, syntaxError(off, "vị trí bảng tham chiếu chéo sai")
	}
	l := &lexer{b: f.b, pos: off}
	save := l.pos
	if l.token() == "xref" {
		return f.table(l)
	}
	l.pos = save
	n, _ := strconv.Atoi(l.token())
	l.pos = save
	v, err := l.indirect(n, f.directInt)
	if err != nil {
		return nil, false, err
	}
	s, ok := v.(stream)
	if !ok || s.dict["Type"] != name("XRef") {
		return nil, false, syntaxError(off, "không thấy bảng tham chiếu chéo")
	}
	return s.dict, true, f.xrefStream(s)
}

// table reads a classic cross-reference table and its trailer.
func (f *file) table(l *lexer) (dict, bool, error) {
	for {
		save := l.pos
		t := l.token()
		if t == "trailer" {
			d, err := l.object()
			if err != nil {
				return nil, false, err
			}
			tr, ok := d.(dict)
			if !ok {
				return nil, false, syntaxError(save, "trailer sai")
			}
			return tr, false, nil
		}
		first, err1 := strconv.Atoi(t)
		count, err2 := strconv.Atoi(l.token())
		if err1 != nil || err2 != nil || first < 0 || count < 0 || count > len(f.b)/18 {
			return nil, false, syntaxError(save, "bảng tham chiếu chéo sai")
		}
		for i := range count {
			off, _ := strconv.Atoi(l.token())
			gen, _ := strconv.Atoi(l.token())
			kind := l.token()
			if kind != "n" && kind != "f" {
				return nil, false, syntaxError(l.pos, "dòng bảng tham chiếu chéo sai")
			}
			if _, ok := f.entries[first+i]; !ok && kind == "n" {
				f.entries[first+i] = entry{offset: off, gen: gen}
			} else if !ok {
				f.entries[first+i] = entry{offset: -1}
			}
		}
	}
}

// xrefStream reads the entries of a cross-reference stream (§7.5.8).
func (f *file) xrefStream(s stream) error {
	data, err := decode(s)
	if err != nil {
		return err
	}
	w, ok := s.dict["W"].(array)
	if !ok || len(w) != 3 {
		return fmt.Errorf("%w: /W của bảng tham chiếu chéo sai", errSyntax)
	}
	var ws [3]int
	row := 0
	for i := range ws {
		if ws[i], ok = intOf(w[i]); !ok || ws[i] < 0 || ws[i] > 8 {
			return fmt.Errorf("%w: /W của bảng tham chiếu chéo sai", errSyntax)
		}
		row += ws[i]
	}
	size, _ := intOf(s.dict["Size"])
	index := array{num(0), num(size)}
	if ix, ok := s.dict["Index"].(array); ok {
		index = ix
	}
	if row == 0 {
		return fmt.Errorf("%w: /W của bảng tham chiếu chéo sai", errSyntax)
	}
	pos := 0
	for i := 0; i+1 < len(index); i += 2 {
		first, ok1 := intOf(index[i])
		count, ok2 := intOf(index[i+1])
		if !ok1 || !ok2 || first < 0 || count < 0 || count > len(data)/row {
			return fmt.Errorf("%w: /Index của bảng tham chiếu chéo sai", errSyntax)
		}
		for j := range count {
			if pos+row > len(data) {
				return fmt.Errorf("%w: bảng tham chiếu chéo ngắn hơn /Index", errSyntax)
			}
			var fld [3]int
			for k := range fld {
				for _, c := range data[pos : pos+ws[k]] {
					fld[k] = fld[k]<<8 | int(c)
				}
				pos += ws[k]
			}
			if ws[0] == 0 {
				fld[0] = 1
			}
			if _, ok := f.entries[first+j]; ok {
				continue
			}
			switch fld[0] {
			case 1:
				f.entries[first+j] = entry{offset: fld[1]}
			case 2:
				f.entries[first+j] = entry{inStream: true, stm: fld[1], index: fld[2]}
			default:
				f.entries[first+j] = entry{offset: -1}
			}
		}
	}
	return nil
}

// maxDecoded bounds a decoded stream: the ones read here (cross-reference
// and object streams) are small in any real file.
const maxDecoded = 64 << 20

// decode returns the data of a stream with no filter or FlateDecode, with
// the PNG predictors cross-reference streams use.
func decode(s stream) ([]byte, error) {
	var filter any = s.dict["Filter"]
	if a, ok := filter.(array); ok && len(a) == 1 {
		filter = a[0]
	}
	data := s.data
	switch filter {
	case nil:
	case name("FlateDecode"):
		zr, err := zlib.NewReader(bytes.NewReader(s.data))
		if err != nil {
			return nil, fmt.Errorf("%w: dòng dữ liệu nén sai", errSyntax)
		}
		data, err = io.ReadAll(io.LimitReader(zr, maxDecoded+1))
		if err != nil || len(data) > maxDecoded {
			return nil, fmt.Errorf("%w: dòng dữ liệu nén sai", errSyntax)
		}
	default:
		return nil, fmt.Errorf("%w: bộ lọc %v chưa được hỗ trợ", errSyntax, filter)
	}
	parms, _ := s.dict["DecodeParms"].(dict)
	if a, ok := s.dict["DecodeParms"].(array); ok && len(a) == 1 {
		parms, _ = a[0].(dict)
	}
	pred, _ := intOf(parms["Predictor"])
	if pred < 10 {
		return data, nil
	}
	cols, ok := intOf(parms["Columns"])
	if !ok {
		cols = 1
	}
	if cols <= 0 || cols > 1<<16 {
		return nil, fmt.Errorf("%w: /Columns sai", errSyntax)
	}
	return unpredict(data, cols)
}

// unpredict undoes the PNG predictors, one byte per sample.
func unpredict(data []byte, cols int) ([]byte, error) {
	var out []byte
	prev := make([]byte, cols)
	for len(data) > 0 {
		if len(data) < cols+1 {
			return nil, fmt.Errorf("%w: dữ liệu dự đoán PNG ngắn", errSyntax)
		}
		ft, row := data[0], append([]byte(nil), data[1:cols+1]...)
		data = data[cols+1:]
		for i := range row {
			var left, upLeft byte
			if i > 0 {
				left, upLeft = row[i-1], prev[i-1]
			}
			up := prev[i]
			switch ft {
			case 0:
			case 1:
				row[i] += left
			case 2:
				row[i] += up
			case 3:
				row[i] += byte((int(left) + int(up)) / 2)
			case 4:
				row[i] += paeth(left, up, upLeft)
			default:
				return nil, fmt.Errorf("%w: bộ dự đoán PNG sai", errSyntax)
			}
		}
		out = append(out, row...)
		prev = row
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// directInt reads a /Length that may be a reference.
func (f *file) directInt(v any) (int, bool) {
	if r, ok := v.(ref); ok {
		o, err := f.get(r.num)
		if err != nil {
			return 0, false
		}
		v = o
	}
	return intOf(v)
}

// get returns object n, nil for a free or missing one (§7.3.10).
func (f *file) get(n int) (any, error) {
	if o, ok := f.cache[n]; ok {
		return o, nil
	}
	e, ok := f.entries[n]
	if !ok || e.offset < 0 {
		return keyword("null"), nil
	}
	f.cache[n] = keyword("null") // against a /Length that refers to itself
	var o any
	var err error
	if e.inStream {
		o, err = f.fromStream(e)
	} else {
		if e.offset <= 0 || e.offset >= len(f.b) {
			return nil, syntaxError(e.offset, fmt.Sprintf("vị trí đối tượng %d sai", n))
		}
		o, err = (&lexer{b: f.b, pos: e.offset}).indirect(n, f.directInt)
	}
	if err != nil {
		delete(f.cache, n)
		return nil, err
	}
	f.cache[n] = o
	return o, nil
}

// fromStream reads an object out of an object stream (§7.5.7).
func (f *file) fromStream(e entry) (any, error) {
	o, err := f.get(e.stm)
	if err != nil {
		return nil, err
	}
	s, ok := o.(stream)
	if !ok || s.dict["Type"] != name("ObjStm") {
		return nil, fmt.Errorf("%w: dòng đối tượng %d sai", errSyntax, e.stm)
	}
	data, err := decode(s)
	if err != nil {
		return nil, err
	}
	n, _ := intOf(s.dict["N"])
	first, _ := intOf(s.dict["First"])
	// Each object takes at least two bytes of the header: a bound on /N.
	if e.index < 0 || e.index >= n || n > len(data) || first < 0 || first > len(data) {
		return nil, fmt.Errorf("%w: dòng đối tượng %d sai", errSyntax, e.stm)
	}
	l := &lexer{b: data}
	off := -1
	for range e.index + 1 {
		l.token()
		off, _ = strconv.Atoi(l.token())
	}
	if off < 0 || first+off >= len(data) {
		return nil, fmt.Errorf("%w: dòng đối tượng %d sai", errSyntax, e.stm)
	}
	l.pos = first + off
	return l.object()
}

// resolve follows v if it is a reference.
func (f *file) resolve(v any) (any, error) {
	for range 32 {
		r, ok := v.(ref)
		if !ok {
			return v, nil
		}
		o, err := f.get(r.num)
		if err != nil {
			return nil, err
		}
		v = o
	}
	return nil, fmt.Errorf("%w: chuỗi tham chiếu quá dài", errSyntax)
}

// dictAt resolves v to a dictionary (the dictionary of a stream too).
func (f *file) dictAt(v any) (dict, error) {
	o, err := f.resolve(v)
	if err != nil {
		return nil, err
	}
	switch o := o.(type) {
	case dict:
		return o, nil
	case stream:
		return o.dict, nil
	}
	return nil, fmt.Errorf("%w: cần một từ điển", errSyntax)
}

// pages returns the references of the pages, in order (§7.7.3).
func (f *file) pages() ([]ref, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	var out []ref
	seen := map[ref]bool{}
	var walk func(v any, depth int) error
	walk = func(v any, depth int) error {
		r, ok := v.(ref)
		if !ok || seen[r] || depth > maxDepth {
			return fmt.Errorf("%w: cây trang sai", errSyntax)
		}
		seen[r] = true
		d, err := f.dictAt(r)
		if err != nil {
			return err
		}
		if d["Type"] == name("Page") {
			out = append(out, r)
			return nil
		}
		kids, err := f.resolve(d["Kids"])
		if err != nil {
			return err
		}
		ks, _ := kids.(array)
		for _, k := range ks {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root["Pages"], 0); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: tệp không có trang nào", errSyntax)
	}
	return out, nil
}
