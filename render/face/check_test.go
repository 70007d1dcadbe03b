package face

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"baocao/fonts"
)

// patchFont returns a copy of a font whose table directory and cmap
// records fix may change.
func patchFont(data []byte, fix func(tag string, rec []byte, data []byte)) []byte {
	out := bytes.Clone(data)
	for i := range int(binary.BigEndian.Uint16(out[4:])) {
		rec := out[12+16*i : 28+16*i]
		fix(string(rec[:4]), rec, out)
	}
	return out
}

func TestCheck(t *testing.T) {
	regular := fonts.LiberationSerif().Regular
	noOS2 := patchFont(regular, func(tag string, rec, _ []byte) {
		if tag == "OS/2" {
			copy(rec, "OS/3")
		}
	})
	// Every Unicode subtable relabelled as UCS-4 (3, 10), which fpdf
	// does not read, leaves the font without a map it can use.
	noBMP := patchFont(regular, func(tag string, rec, data []byte) {
		if tag != "cmap" {
			return
		}
		cmap := binary.BigEndian.Uint32(rec[8:])
		for i := range uint32(binary.BigEndian.Uint16(data[cmap+2:])) {
			r := data[cmap+4+8*i:]
			if p := binary.BigEndian.Uint16(r); p == 0 || p == 3 {
				binary.BigEndian.PutUint16(r, 3)
				binary.BigEndian.PutUint16(r[2:], 10)
			}
		}
	})
	be := binary.BigEndian
	table := func(data []byte, tag string) []byte { return tables(data)[tag] }
	// The glyph data of Liberation Serif, located by its long loca table.
	glyph := func(data []byte, g int) []byte {
		loca, glyf := table(data, "loca"), table(data, "glyf")
		return glyf[be.Uint32(loca[4*g:]):be.Uint32(loca[4*g+4:])]
	}
	firstComposite := func(data []byte) []byte {
		for g := range int(be.Uint16(table(data, "maxp")[4:])) {
			if d := glyph(data, g); len(d) >= 10 && int16(be.Uint16(d)) < 0 {
				return d
			}
		}
		t.Fatal("no composite glyph")
		return nil
	}
	if be.Uint16(table(regular, "head")[50:]) != 1 {
		t.Fatal("Liberation Serif's loca is not long")
	}
	edited := func(edit func(data []byte)) []byte {
		out := bytes.Clone(regular)
		edit(out)
		return out
	}
	shortHmtx := patchFont(regular, func(tag string, rec, _ []byte) {
		if tag == "hmtx" {
			be.PutUint32(rec[12:], be.Uint32(rec[12:])-8)
		}
	})
	shortLoca := patchFont(regular, func(tag string, rec, _ []byte) {
		if tag == "loca" {
			be.PutUint32(rec[12:], be.Uint32(rec[12:])-8)
		}
	})
	locaPastGlyf := edited(func(data []byte) {
		loca := table(data, "loca")
		be.PutUint32(loca[len(loca)-4:], be.Uint32(loca[len(loca)-4:])+1000)
	})
	componentMissing := edited(func(data []byte) {
		be.PutUint16(firstComposite(data)[12:], 0xFFFF) // the first component's glyph
	})
	noFamilyName := edited(func(data []byte) {
		name := table(data, "name")
		for i := range int(be.Uint16(name[2:])) {
			if rec := name[6+12*i:]; be.Uint16(rec[6:]) == 1 {
				be.PutUint16(rec[6:], 99) // name ID 1, the family, renumbered
			}
		}
	})
	tests := []struct {
		name string
		data []byte
		want error  // a sentinel, or nil
		msg  string // part of the message when want is nil; "" for a valid font
	}{
		{"hmtx too short", shortHmtx, nil, "phông bị hỏng"},
		{"loca too short", shortLoca, nil, "phông bị hỏng"},
		{"loca past glyf", locaPastGlyf, nil, "bảng loca không đọc được — hãy chép lại tệp .ttf từ máy gốc"},
		{"component missing", componentMissing, nil, "bảng glyf không đọc được"},
		{"no family name", noFamilyName, nil, "phông không có tên họ phông"},
		{"liberation", regular, nil, ""},
		{"otf", append([]byte("OTTO"), regular[4:]...), ErrOpenType, ""},
		{"ttc", append([]byte("ttcf"), regular[4:]...), ErrCollection, ""},
		{"short", []byte("\x00\x01\x00\x00"), ErrNotFont, ""},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), ErrNotFont, ""},
		{"truncated", regular[:300], nil, "phông bị hỏng"},
		{"table missing", noOS2, nil, `thiếu bảng "OS/2"`},
		{"no format 4 map", noBMP, nil, "không có bảng mã Unicode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.data)
			switch {
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Errorf("got %v, want %v", err, tt.want)
			case tt.want == nil && tt.msg == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tt.want == nil && tt.msg != "" && (err == nil || !strings.Contains(err.Error(), tt.msg)):
				t.Errorf("got %v, want a message with %q", err, tt.msg)
			}
		})
	}
}

func TestNames(t *testing.T) {
	s := fonts.LiberationSerif()
	for _, c := range []struct {
		data  []byte
		style string
	}{{s.Regular, "Regular"}, {s.Bold, "Bold"}, {s.Italic, "Italic"}, {s.BoldItalic, "Bold Italic"}} {
		fam, style, err := Names(c.data)
		if err != nil || fam != "Liberation Serif" || style != c.style {
			t.Errorf("Names = %q, %q, %v; want Liberation Serif, %s", fam, style, err, c.style)
		}
	}
}

// TestOpen: a family is named after itself and parsed once per content.
func TestOpen(t *testing.T) {
	s := fonts.LiberationSerif()
	fam, err := Open(s.Regular, s.Bold, s.Italic, s.BoldItalic)
	if err != nil {
		t.Fatal(err)
	}
	if fam.Name != "Liberation Serif" {
		t.Errorf("family named %q", fam.Name)
	}
	for st, ps := range map[Style]string{Regular: "LiberationSerif", Bold: "LiberationSerif-Bold", Italic: "LiberationSerif-Italic", BoldItalic: "LiberationSerif-BoldItalic"} {
		if got := fam.Face(st).PostScriptName(); got != ps {
			t.Errorf("%q: PostScript name %q, want %q", st, got, ps)
		}
	}
	again, err := Open(bytes.Clone(s.Regular), s.Bold, s.Italic, s.BoldItalic)
	if err != nil || again != fam {
		t.Errorf("equal files parsed again: %p, %p, %v", fam, again, err)
	}
	// The same four files in another order are another family.
	swapped, err := Open(s.Bold, s.Regular, s.Italic, s.BoldItalic)
	if err != nil || swapped == fam || swapped.Face(Regular).PostScriptName() != "LiberationSerif-Bold" {
		t.Errorf("swapped files gave %p (family %p), %v", swapped, fam, err)
	}
	if _, err := Open([]byte("x"), s.Bold, s.Italic, s.BoldItalic); err == nil {
		t.Error("Open accepted a regular face that is not a font")
	}
}

// TestOpenKeepsLittle: a family whose files are larger together than the
// cache may hold is parsed each time, not kept.
func TestOpenKeepsLittle(t *testing.T) {
	s := fonts.LiberationSerif()
	big := append(bytes.Clone(s.Regular), make([]byte, maxOpenedBytes/4)...) // a tail no table covers
	first, err := Open(big, big, big, big)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := Open(big, big, big, big); err != nil || again == first {
		t.Errorf("a family of %d MB was kept: %p, %p, %v", 4*len(big)>>20, first, again, err)
	}
	opened.mu.Lock()
	defer opened.mu.Unlock()
	if opened.bytes > maxOpenedBytes {
		t.Errorf("the cache holds %d bytes", opened.bytes)
	}
}
