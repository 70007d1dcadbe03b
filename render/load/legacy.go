package load

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"baocao/render/legacy"
	"baocao/render/report"
)

// Options change how a file is loaded. The zero value loads strictly.
type Options struct {
	// FixLegacy converts text in the legacy encodings TCVN3, VNI and
	// Windows-1258 to Unicode instead of reporting it; the file itself is
	// never changed.
	FixLegacy bool
	// Converted, when set, is told of every conversion FixLegacy made.
	Converted func(Conversion)
	// Root is the folder the files a report names — images, fonts — are
	// read from, paths resolving against the YAML file's folder, and the
	// YAML file itself when read by File: no path, link or ".." may leave
	// it. Empty means the YAML file's own folder: a YAML file may come from
	// anyone, and may name only the files beside it and in its subfolders.
	// A server confines every read of its requests to its folder with it.
	Root string
	// Files, when set, is where the files the YAML names (images, fonts)
	// are read from instead of Root, by their paths as written, relative to
	// its top: an absolute path or one with ".." is refused, so nothing
	// outside it can be reached — with os.Root's FS, not even through a
	// symbolic link; only regular files are read, their size checked first. A
	// server confines each request to its folder or to the files sent with
	// it this way. When nil, paths are relative to the YAML file's folder.
	Files fs.FS
}

// Conversion is one place where FixLegacy converted legacy text.
type Conversion struct {
	Pos      report.Pos
	From     legacy.Encoding
	Old, New string // the start of the text, as written and converted
	// File is set when the whole file was in From, rather than one value.
	File bool
}

// String renders the conversion as a line for the user:
// "file:line:col: đã chuyển TCVN3 (ABC) → Unicode: «C«ng an» → «Công an»".
func (c Conversion) String() string {
	what := c.From.String()
	if c.File {
		what = "cả tệp từ " + what
	}
	return fmt.Sprintf("%s: đã chuyển %s → Unicode: «%s» → «%s»", c.Pos, what, c.Old, c.New)
}

// legacyTodo is what to do about legacy text.
const legacyTodo = "hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) hoặc chạy lại với --fix-legacy"

// legacyFile recognises a file that is not UTF-8 because an old editor
// saved it in a legacy encoding. It returns the data to load — converted,
// if o.FixLegacy — or the error naming the encoding. Data it does not
// recognise is returned as it is, for checkText to report.
func (o Options) legacyFile(name string, data []byte) ([]byte, *report.Error) {
	if utf8.Valid(data) {
		return data, nil
	}
	m := legacy.SniffFile(data)
	if m.Words < legacy.MinWords {
		return data, nil
	}
	// Old editors show one character per byte.
	line := 1 + bytes.Count(data[:m.At], []byte("\n"))
	pos := report.Pos{File: name, Line: line, Column: m.At - bytes.LastIndexByte(data[:m.At], '\n')}
	rest := data[m.At:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	old := excerpt(legacy.View(rest))
	c := Conversion{Pos: pos, From: m.Encoding, Old: old, New: legacy.Convert(old, m.Encoding), File: true}
	if !o.FixLegacy {
		return nil, &report.Error{Pos: pos, Msg: fmt.Sprintf(
			"tệp được lưu với mã %s, không phải UTF-8: «%s» tức là «%s» — hãy chuyển cả tệp sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey, hoặc mở tệp rồi lưu lại với mã hóa UTF-8) hoặc chạy lại với --fix-legacy",
			m.Encoding, c.Old, c.New)}
	}
	if o.Converted != nil {
		o.Converted(c)
	}
	return legacy.ConvertFile(data, m.Encoding), nil
}

// legacyText finds the values under root written in a legacy encoding,
// pasted from an old document: with o.FixLegacy it converts them in the
// tree, otherwise it reports each at its first legacy word.
func (o Options) legacyText(d *decoder, root *yaml.Node) {
	// Only the values with a word that reads as Vietnamese in a legacy
	// encoding matter to Scan: they are few, where a table may have
	// hundreds of thousands of values.
	var nodes []*yaml.Node
	var paths, texts []string
	walk(root, func(n *yaml.Node, t trail) bool {
		if n.Kind == yaml.ScalarNode && legacy.Sniff(n.Value).Words > 0 {
			nodes, paths, texts = append(nodes, n), append(paths, t.String()), append(texts, n.Value)
		}
		return true
	})
	for i, m := range legacy.Scan(texts) {
		if m.Encoding == legacy.None {
			continue
		}
		n, s := nodes[i], texts[i]
		c := Conversion{Pos: d.find(n, m.Word), From: m.Encoding, Old: excerpt(s[m.At:])}
		c.New = legacy.Convert(c.Old, m.Encoding)
		if !o.FixLegacy {
			d.errorf(c.Pos, "%s có vẻ được dán từ tài liệu cũ mã %s: «%s» tức là «%s» — %s",
				label(paths[i]), m.Encoding, c.Old, c.New, legacyTodo)
			continue
		}
		n.Value = legacy.Convert(s, m.Encoding)
		if o.Converted != nil {
			o.Converted(c)
		}
	}
}

// find locates word, written in the value n, in the file: the value may
// span lines, and quoting shifts columns. When the word is not found as
// written (an escape sequence in a quoted value) it returns n's position.
func (d *decoder) find(n *yaml.Node, word string) report.Pos {
	last := min(len(d.lines), n.Line+strings.Count(n.Value, "\n")+1)
	for l := n.Line - 1; l >= 0 && l < last; l++ {
		line := d.lines[l]
		from := 0
		if l == n.Line-1 {
			from = min(len(line), byteOffset(line, n.Column-1))
		}
		if i := strings.Index(line[from:], word); i >= 0 {
			return report.Pos{File: d.file, Line: l + 1, Column: utf8.RuneCountInString(line[:from+i]) + 1}
		}
	}
	return d.at(n)
}

// byteOffset is the offset in s of its rune number runes (0-based).
func byteOffset(s string, runes int) int {
	for i := range s {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(s)
}

// excerpt is the start of s to quote in a message: its first line, cut
// after a few words.
func excerpt(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	const max = 40 // characters
	if utf8.RuneCountInString(s) <= max {
		return strings.TrimSpace(s)
	}
	s = string([]rune(s)[:max])
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s) + "…"
}
