package render

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"baocao/render/face"
	"baocao/render/report"
	"baocao/render/userfile"
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
//
// Only regular files are read, each after its size is checked, and one at
// a time: a folder of many fonts (the system's own) costs one font's
// memory until the family is chosen, whose four files are then read again.
func FontDir(dir string) (*face.Family, error) {
	entries, err := userfile.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("thư mục phông chữ %s: %w", dir, err)
	}
	families := map[string]*[4]string{} // family → the file of each style
	var order []string                  // family names in the order first seen, for messages
	var problems []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || !slices.Contains(fontExts, ext) {
			continue
		}
		name, style, err := fontFile(filepath.Join(dir, e.Name()))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", e.Name(), err))
			continue
		}
		st, ok := styleNames[strings.ToLower(strings.TrimSpace(style))]
		if !ok {
			// Light, Medium, Black…: other weights of the family.
			continue
		}
		fam := families[name]
		if fam == nil {
			fam = new([4]string)
			families[name] = fam
			order = append(order, name)
		}
		if prev := fam[st]; prev != "" {
			return nil, fmt.Errorf("thư mục %s có hai tệp cùng kiểu %s của phông %s: %s và %s — hãy giữ một tệp", dir, styleLabels[st], name, prev, e.Name())
		}
		fam[st] = e.Name()
	}
	var complete []string
	for _, name := range order {
		if !slices.Contains(families[name][:], "") {
			complete = append(complete, name)
		}
	}
	switch {
	case len(complete) == 1:
		return openFontDir(dir, complete[0], families[complete[0]])
	case len(complete) > 1:
		return nil, fmt.Errorf("thư mục %s có nhiều họ phông chữ (%s) — hãy chép 4 tệp .ttf của một họ phông vào một thư mục riêng", dir, strings.Join(complete, ", "))
	}
	msg := fmt.Sprintf("thư mục %s không có đủ 4 tệp TrueType (.ttf) của một họ phông chữ: chữ thường, đậm, nghiêng và đậm nghiêng", dir)
	for _, name := range order {
		var missing []string
		for st, file := range families[name] {
			if file == "" {
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

// fontFile reads the font file at path, checks it and returns the family
// and style names it gives itself.
func fontFile(path string) (family, style string, err error) {
	data, err := userfile.Read(path, face.MaxFileBytes)
	if err != nil {
		return "", "", err
	}
	if err := face.Check(data); err != nil {
		return "", "", err
	}
	if family, style, err = face.Names(data); err != nil {
		return "", "", fmt.Errorf("không đọc được tên phông (%w) — hãy chép lại tệp .ttf từ máy gốc", err)
	}
	return family, style, nil
}

// openFontDir reads again the four files of the family chosen in dir, one
// per style, and opens them. A file changed meanwhile — no longer the font
// of that family and style — is an error like any unusable file.
func openFontDir(dir, family string, files *[4]string) (*face.Family, error) {
	var data [4][]byte
	for st, file := range files {
		path := filepath.Join(dir, file)
		d, err := userfile.Read(path, face.MaxFileBytes)
		if err == nil {
			err = face.Check(d)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		f, s, err := face.Names(d)
		got, ok := styleNames[strings.ToLower(strings.TrimSpace(s))]
		if err != nil || f != family || !ok || got != face.Style(st) {
			return nil, fmt.Errorf("%s: %w", path, userfile.ErrChanged)
		}
		data[st] = d
	}
	fam, err := face.Open(data[0], data[1], data[2], data[3])
	if err != nil {
		return nil, fmt.Errorf("không dùng được phông %s trong thư mục %s — hãy thử một phông TrueType (.ttf) khác (%w)", family, dir, err)
	}
	return fam, nil
}
