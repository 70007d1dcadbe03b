package face

import (
	"math"
	"slices"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"baocao/fonts"
)

// TestVietnameseCoverage: every letter of Vietnamese, precomposed, is in
// each of the four embedded faces.
func TestVietnameseCoverage(t *testing.T) {
	const letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ" +
		"AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ0123456789.,;:!?%()-–/\"'“”"
	fam := Default()
	for _, st := range []Style{Regular, Bold, Italic, BoldItalic} {
		if m := fam.Face(st).Missing(letters); len(m) > 0 {
			t.Errorf("style %q lacks %q", st, string(m))
		}
	}
}

func TestMissing(t *testing.T) {
	f := Default().Face(Regular)
	for _, c := range []struct {
		in   string
		want []rune
	}{
		{"Cần Thơ", nil},
		{"a☎b☎c😀", []rune{'☎', '😀'}},
		{"dòng\nmới\tvà tab", nil},
		{"", nil},
	} {
		if got := f.Missing(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Missing(%q) = %q, want %q", c.in, string(got), string(c.want))
		}
	}
}

// TestWidthMatchesFpdf: layout measures with this package and fpdf draws
// with its own font parser; the two must agree or justified lines would
// not end at the margin.
func TestWidthMatchesFpdf(t *testing.T) {
	s := fonts.LiberationSerif()
	p := fpdf.New("P", "mm", "A4", "")
	fam := Default()
	for st, data := range map[Style][]byte{Regular: s.Regular, Bold: s.Bold, Italic: s.Italic, BoldItalic: s.BoldItalic} {
		p.AddUTF8FontFromBytes("x", st.String(), data)
		for _, text := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "giảm 124 vụ, tương ứng 32,2%"} {
			for _, size := range []float64{11, 13, 14} {
				p.SetFont("x", st.String(), size)
				want := p.GetStringWidth(text)
				got := fam.Face(st).Width(text, size)
				if math.Abs(got-want) > 1e-9 {
					t.Errorf("%q %q %v pt: width %.4f mm, fpdf %.4f mm", st, text, size, got, want)
				}
			}
		}
	}
}

func TestLoadRejectsNonTrueType(t *testing.T) {
	if _, err := Load("x", []byte("not a font"), nil, nil, nil); err == nil {
		t.Error("Load accepted bytes that are not a font")
	}
}
