package pdf

import "baocao/render/face"

// TextFont embeds a face for text drawn outside the pages — a signature's
// appearance — as the pages' text is: a Type0 font of the glyphs drawn.
type TextFont struct{ u fontUse }

// NewTextFont returns a TextFont of f with nothing drawn yet.
func NewTextFont(f *face.Face) *TextFont { return &TextFont{u: fontUse{face: f}} }

// Show returns s as the hexadecimal string the Tj operator takes, without
// its angle brackets, and its width in thousandths of an em; the glyphs
// are noted for Objects.
func (t *TextFont) Show(s string) (hex []byte, width int) { return t.u.encode(nil, s) }

// Objects returns the objects of the font, numbered from first: the Type0
// font to name in the resources first, then those it refers to. It is
// called after every Show.
func (t *TextFont) Objects(first int) ([][]byte, error) {
	e, err := t.u.embedding()
	if err != nil {
		return nil, err
	}
	return e.objects(t.u.face, first), nil
}
