package render

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"baocao/render/face"
	"baocao/render/report"
)

// family picks the font family: the one given in the options, else the
// report's own, else the embedded one.
func (o Options) family(r *report.Report) (*face.Family, error) {
	if o.Family != nil {
		return o.Family, nil
	}
	f := r.Format.Font
	if f == nil {
		return face.Default(), nil
	}
	fam, err := face.Open(f.Regular.Data, f.Bold.Data, f.Italic.Data, f.BoldItalic.Data)
	if err != nil {
		// The loader checked each file; this is a font that passes the
		// checks and still does not parse.
		return nil, report.Errors{{Pos: r.PosOf("format.font.regular"),
			Msg: fmt.Sprintf("không dùng được phông chữ này — hãy thử một phông TrueType (.ttf) khác (%v)", err)}}
	}
	return fam, nil
}

// fontExts are the extensions of font files; other files in a font
// directory are ignored.
var fontExts = []string{".ttf", ".otf", ".ttc", ".otc"}

// styleNames maps the style (subfamily) names fonts give themselves,
// lower-cased, onto the four styles.
var styleNames = map[string]face.Style{
	"regular": face.Regular, "normal": face.Regular, "roman": face.Regular, "book": face.Regular,
	"bold":   face.Bold,
	"italic": face.Italic, "oblique": face.Italic,
	"bold italic": face.BoldItalic, "bold oblique": face.BoldItalic, "bolditalic": face.BoldItalic,
}

// styleLabels name the styles in messages.
var styleLabels = [...]string{"chữ thường (Regular)", "chữ đậm (Bold)", "chữ nghiêng (Italic)", "chữ đậm nghiêng (Bold Italic)"}

// FontDir loads the TrueType family whose four files are in dir, telling
// the styles apart by the names the fonts give themselves, not by file
// names, which differ between systems (times.ttf, timesbd.ttf…). Files that
// are not usable TrueType fonts are ignored if the four styles are found
// without them, and named in the error otherwise.
func FontDir(dir string) (*face.Family, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("không đọc được thư mục phông chữ %s — hãy kiểm tra tên thư mục (%w)", dir, err)
	}
	type found struct {
		file string
		data []byte
	}
	families := map[string]*[4]found{}
	var order []string // family names in the order first seen, for messages
	var problems []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || !slices.Contains(fontExts, ext) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: không đọc được (%v)", e.Name(), err))
			continue
		}
		if err := face.Check(data); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", e.Name(), err))
			continue
		}
		name, style, err := face.Names(data)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: không đọc được tên phông (%v)", e.Name(), err))
			continue
		}
		st, ok := styleNames[strings.ToLower(strings.TrimSpace(style))]
		if !ok {
			// Light, Medium, Black…: other weights of the family.
			continue
		}
		fam := families[name]
		if fam == nil {
			fam = new([4]found)
			families[name] = fam
			order = append(order, name)
		}
		if prev := fam[st].file; prev != "" {
			return nil, fmt.Errorf("thư mục %s có hai tệp cùng kiểu %s của phông %s: %s và %s — hãy giữ một tệp", dir, styleLabels[st], name, prev, e.Name())
		}
		fam[st] = found{e.Name(), data}
	}
	var complete []string
	for _, name := range order {
		if f := families[name]; !slices.ContainsFunc(f[:], func(x found) bool { return x.data == nil }) {
			complete = append(complete, name)
		}
	}
	switch {
	case len(complete) == 1:
		f := families[complete[0]]
		fam, err := face.Open(f[0].data, f[1].data, f[2].data, f[3].data)
		if err != nil {
			return nil, fmt.Errorf("không dùng được phông %s trong thư mục %s — hãy thử một phông TrueType (.ttf) khác (%w)", complete[0], dir, err)
		}
		return fam, nil
	case len(complete) > 1:
		return nil, fmt.Errorf("thư mục %s có nhiều họ phông chữ (%s) — hãy chép 4 tệp .ttf của một họ phông vào một thư mục riêng", dir, strings.Join(complete, ", "))
	}
	msg := fmt.Sprintf("thư mục %s không có đủ 4 tệp TrueType (.ttf) của một họ phông chữ: chữ thường, đậm, nghiêng và đậm nghiêng", dir)
	for _, name := range order {
		var missing []string
		for st, x := range families[name] {
			if x.data == nil {
				missing = append(missing, styleLabels[st])
			}
		}
		msg += fmt.Sprintf("; phông %s thiếu %s", name, strings.Join(missing, ", "))
	}
	if len(problems) > 0 {
		msg += "; các tệp không dùng được: " + strings.Join(problems, "; ")
	}
	return nil, fmt.Errorf("%s — hãy chép đủ 4 tệp .ttf của phông vào thư mục này", msg)
}
