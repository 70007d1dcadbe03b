package layout

import "baocao/render/picture"

// fit scales the picture, keeping its aspect ratio, to fill a box of
// maxW × maxH mm, never beyond its real size when the file states one.
// Layout only reads a picture's size and resolution (picture.Read): its
// pixels are the loader's to check and the PDF writer's to convert.
func fit(p *picture.Picture, maxW, maxH float64) (w, h float64) {
	scale := min(maxW/float64(p.Width), maxH/float64(p.Height))
	if rw, _, ok := p.Size(); ok {
		scale = min(scale, rw/float64(p.Width))
	}
	return float64(p.Width) * scale, float64(p.Height) * scale
}
