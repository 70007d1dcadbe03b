package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
)

// samplePages is a page with a line in each style.
func samplePages() []*layout.Page {
	pg := &layout.Page{Width: layout.A4Width, Height: layout.A4Height}
	for i, st := range styles {
		pg.Items = append(pg.Items, &layout.Text{X: 30, Y: 30 + 10*float64(i), Style: st, Size: 13, S: "Cần Thơ, ngày 15 tháng 01 năm 2022"})
	}
	pg.Items = append(pg.Items, &layout.Rule{X1: 30, Y1: 80, X2: 90, Y2: 80, Width: 0.3})
	return []*layout.Page{pg}
}

var sampleInfo = Info{
	Meta: document.Meta{
		Title:    "Báo cáo Tổng kết công tác Công an năm 2021 (dự thảo) \\ Ĩ",
		Author:   "CÔNG AN THÀNH PHỐ CẦN THƠ",
		Subject:  "Hội nghị tổng kết công tác Công an năm 2021",
		Keywords: "báo cáo, tổng kết, 2021",
	},
	Creator:  "baocao v1.2.3",
	Created:  time.Date(2022, 1, 15, 0, 0, 0, 0, time.UTC),
	Language: "vi-VN",
}

func write(t *testing.T, pages []*layout.Page, info Info) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, pages, face.Default(), info); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestInfo reads the document information and language back from the
// file, written as UTF-16 literal strings.
func TestInfo(t *testing.T) {
	doc := write(t, samplePages(), sampleInfo)
	for key, want := range map[string]string{
		"Title":        sampleInfo.Meta.Title,
		"Author":       sampleInfo.Meta.Author,
		"Subject":      sampleInfo.Meta.Subject,
		"Keywords":     sampleInfo.Meta.Keywords,
		"Creator":      "baocao v1.2.3",
		"Producer":     "baocao v1.2.3",
		"CreationDate": "D:20220115000000Z",
		"Lang":         "vi-VN",
	} {
		got, err := pdfString(doc, key)
		if err != nil {
			t.Errorf("/%s: %v", key, err)
		} else if got != want {
			t.Errorf("/%s = %q, want %q", key, got, want)
		}
	}
}

// fontNamePattern matches the name of an embedded subset of the family.
var fontNamePattern = regexp.MustCompile(`/(?:BaseFont|FontName) /([^\s/<>\[\]()]+)`)

// TestFontNames: the embedded fonts carry the family's real PostScript
// names with a subset tag that follows the glyphs embedded, and every
// cross-reference points at its object.
func TestFontNames(t *testing.T) {
	doc := write(t, samplePages(), sampleInfo)
	tags := fontTags(t, doc)
	checkXref(t, doc)
	if again := write(t, samplePages(), sampleInfo); !bytes.Equal(doc, again) {
		t.Error("equal input gave different files")
	}
	other := samplePages()
	other[0].Items[1].(*layout.Text).S = "Hà Nội" // the bold line
	tags2 := fontTags(t, write(t, other, sampleInfo))
	if tags2["LiberationSerif-Bold"] == tags["LiberationSerif-Bold"] || tags2["LiberationSerif"] != tags["LiberationSerif"] {
		t.Errorf("tags %v, then with other bold text %v", tags, tags2)
	}
}

// fontTags checks that each face of the family is named three times, in
// its Type0 font, CID font and descriptor, always with one subset tag, and
// returns the tags by PostScript name.
func fontTags(t *testing.T, doc []byte) map[string]string {
	t.Helper()
	count := map[string]int{}
	tags := map[string]string{}
	for _, m := range fontNamePattern.FindAllSubmatch(doc, -1) {
		tag, ps, ok := strings.Cut(string(m[1]), "+")
		if !ok || !regexp.MustCompile(`^[A-Z]{6}$`).MatchString(tag) {
			t.Errorf("font %q has no subset tag", m[1])
			continue
		}
		count[ps]++
		if prev, seen := tags[ps]; seen && prev != tag {
			t.Errorf("font %s tagged both %s and %s", ps, prev, tag)
		}
		tags[ps] = tag
	}
	want := map[string]int{"LiberationSerif": 3, "LiberationSerif-Bold": 3, "LiberationSerif-Italic": 3, "LiberationSerif-BoldItalic": 3}
	if fmt.Sprint(count) != fmt.Sprint(want) {
		t.Errorf("font names %v, want %v", count, want)
	}
	return tags
}

// checkXref checks that startxref points at the table and each entry at
// its object.
func checkXref(t *testing.T, doc []byte) {
	t.Helper()
	m := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(doc)
	if m == nil {
		t.Fatal("no startxref")
	}
	off, _ := strconv.Atoi(string(m[1]))
	table := regexp.MustCompile(`^xref\s+0 (\d+)\s+`).FindSubmatch(doc[off:])
	if table == nil {
		t.Fatalf("startxref %d does not point at the xref table", off)
	}
	n, _ := strconv.Atoi(string(table[1]))
	entries := doc[off+len(table[0]):]
	for i := 1; i < n; i++ {
		e := entries[20*i : 20*i+20]
		at, err := strconv.Atoi(string(e[:10]))
		if err != nil || e[17] != 'n' {
			continue
		}
		if prefix := fmt.Sprintf("%d 0 obj", i); !bytes.HasPrefix(doc[at:], []byte(prefix)) {
			t.Errorf("xref entry %d points at %q", i, doc[at:min(len(doc), at+12)])
		}
	}
}

// pdfString returns the literal string value of /key, decoded from
// UTF-16 when it has a byte order mark.
func pdfString(doc []byte, key string) (string, error) {
	i := bytes.Index(doc, []byte("/"+key+" ("))
	if i < 0 {
		return "", fmt.Errorf("not in the file")
	}
	var raw []byte
	s := doc[i+len(key)+3:]
	for j := 0; j < len(s); j++ {
		switch c := s[j]; c {
		case ')':
			if len(raw) >= 2 && raw[0] == 0xFE && raw[1] == 0xFF {
				u := make([]uint16, 0, len(raw)/2)
				for k := 2; k+1 < len(raw); k += 2 {
					u = append(u, uint16(raw[k])<<8|uint16(raw[k+1]))
				}
				return string(utf16.Decode(u)), nil
			}
			return string(raw), nil
		case '\\':
			j++
			if j == len(s) {
				break
			}
			switch e := s[j]; e {
			case 'n':
				raw = append(raw, '\n')
			case 'r':
				raw = append(raw, '\r')
			case 't':
				raw = append(raw, '\t')
			case 'b':
				raw = append(raw, '\b')
			case 'f':
				raw = append(raw, '\f')
			default:
				raw = append(raw, e)
			}
		default:
			raw = append(raw, c)
		}
	}
	return "", fmt.Errorf("string not closed")
}
