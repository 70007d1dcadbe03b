package face

import (
	"slices"
	"testing"

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

func TestLoadRejectsNonTrueType(t *testing.T) {
	if _, err := Load("x", []byte("not a font"), nil, nil, nil); err == nil {
		t.Error("Load accepted bytes that are not a font")
	}
}

// BenchmarkParse measures parsing the four embedded faces, which every
// process pays once before it lays out anything.
func BenchmarkParse(b *testing.B) {
	s := fonts.LiberationSerif()
	for b.Loop() {
		if _, err := Load(s.Family, s.Regular, s.Bold, s.Italic, s.BoldItalic); err != nil {
			b.Fatal(err)
		}
	}
}
