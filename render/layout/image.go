package layout

import "baocao/render/picture"

// fit scales the picture, keeping its aspect ratio, to fill a box of
// maxW × maxH mm, upright as it is shown, never beyond its real size when the file states one.
// Layout only reads a picture's size and resolution (picture.Read): its
// pixels are the loader's to check and the PDF writer's to convert.
func fit(p *picture.Picture, maxW, maxH float64) (w, h float64) {
	pw, ph := p.Shown()
	scale := min(maxW/float64(pw), maxH/float64(ph))
	if rw, _, ok := p.Size(); ok {
		scale = min(scale, rw/float64(pw))
	}
	return float64(pw) * scale, float64(ph) * scale
}
