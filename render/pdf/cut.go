package pdf

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"baocao/render/face"
	"baocao/render/layout"
)

// fpdf parses every font it is given, and when it writes the file cuts it
// down to the characters used, parsing it again: for a short document this
// is most of the work. The faces of the embedded family are therefore cut,
// once per process, to the characters Vietnamese documents use, and a
// document whose text in a face keeps to them gets the cut face: a quarter
// of the font to parse and cut, for the same embedded subset
// (TestCutFacesEmbedSame). Other families are given whole: fpdf's cutting
// is only known to give the same subsets for this one.

// common are the ranges of characters the cut faces keep: ASCII, Latin-1,
// Latin Extended-A and B (Ă, Đ, Ĩ, Ũ, Ơ, Ư), the combining accents, the
// Vietnamese letters of Latin Extended Additional, and general punctuation
// (dashes, quotes, bullet, ellipsis, per mille), the đồng, numero and
// trade mark signs and the minus.
var common = [...][2]rune{
	{0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x323}, {0x1EA0, 0x1EF9},
	{0x2010, 0x2044}, {0x20AB, 0x20AB}, {0x2116, 0x2116}, {0x2122, 0x2122}, {0x2212, 0x2212},
}

// cutFace is a face of the embedded family cut down to the common
// characters it has, made once per process: the set of them when first
// asked for, the font when first needed. The cut faces are made at run
// time, not shipped: the font's licence reserves its name to the
// unmodified fonts.
type cutFace struct {
	keeps func() []uint64 // bit r: the cut face has rune r
	data  func() []byte
}

// keeps reports whether the bit set keeps holds r.
func keeps(set []uint64, r rune) bool {
	return r >= 0 && int(r>>6) < len(set) && set[r>>6]&(1<<(r&63)) != 0
}

// cutSet returns the common characters f has.
func cutSet(f *face.Face) []rune {
	var set []rune
	for _, rg := range common {
		for r := rg[0]; r <= rg[1]; r++ {
			if f.Has(r) {
				set = append(set, r)
			}
		}
	}
	return set
}

// embeddedCuts are the cut faces of the embedded family.
var embeddedCuts = func() (cuts [len(styles)]cutFace) {
	for i, st := range styles {
		f := func() *face.Face { return face.Default().Face(st) }
		cuts[i].keeps = sync.OnceValue(func() []uint64 {
			keeps := make([]uint64, common[len(common)-1][1]>>6+1)
			for _, r := range cutSet(f()) {
				keeps[r>>6] |= 1 << (r & 63)
			}
			return keeps
		})
		cuts[i].data = sync.OnceValue(func() []byte {
			return fpdf.UTF8CutFont(f().Data(), string(cutSet(f())))
		})
	}
	return cuts
}()

// Prepare starts making, in the background, what Write will need to write
// documents in fam, so that the first does not wait for it: cutting the
// faces of the embedded family takes about as long as writing a short
// document.
func Prepare(fam *face.Family) {
	if fam == face.Default() {
		for _, c := range embeddedCuts {
			go c.data()
		}
	}
}

// fontData returns, for each face of fam, the TrueType bytes to give
// fpdf for a document drawing pages.
func fontData(fam *face.Family, pages []*layout.Page) [len(styles)][]byte {
	var data [len(styles)][]byte
	for i, st := range styles {
		data[i] = fam.Face(st).Data()
	}
	if fam != face.Default() {
		return data
	}
	var sets [len(styles)][]uint64
	for i, c := range embeddedCuts {
		sets[i] = c.keeps()
	}
	var used, beyond [len(styles)]bool // beyond: some character is not in the cut face
	for _, pg := range pages {
		for _, it := range pg.Items {
			t, ok := it.(*layout.Text)
			if !ok || beyond[t.Style] {
				continue
			}
			used[t.Style] = true
			for _, r := range t.S {
				if !keeps(sets[t.Style], r) {
					beyond[t.Style] = true
					break
				}
			}
		}
	}
	for i := range data {
		if used[i] && !beyond[i] {
			data[i] = embeddedCuts[i].data()
		}
	}
	return data
}
