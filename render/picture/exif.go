package picture

import "encoding/binary"

// exifOrientation reads the orientation a camera records in the Exif
// segment seg of a JPEG (its content after the length), 1 to 8 (TIFF tag
// 274); 1, upright as stored, when it records none or the segment is
// damaged. A phone held upright stores its photo sideways with
// orientation 6: viewers turn it, a PDF does not (see Shown).
func exifOrientation(seg []byte) int {
	if len(seg) < 14 || string(seg[:6]) != "Exif\x00\x00" {
		return 1
	}
	tiff := seg[6:]
	var order binary.ByteOrder
	switch string(tiff[:4]) {
	case "II*\x00":
		order = binary.LittleEndian
	case "MM\x00*":
		order = binary.BigEndian
	default:
		return 1
	}
	ifd := int64(order.Uint32(tiff[4:]))
	if ifd+2 > int64(len(tiff)) {
		return 1
	}
	n := int64(order.Uint16(tiff[ifd:]))
	for i := range n {
		at := ifd + 2 + 12*i
		if at+12 > int64(len(tiff)) {
			break
		}
		// Tag 274, of type SHORT (3), one value.
		if order.Uint16(tiff[at:]) == 274 && order.Uint16(tiff[at+2:]) == 3 && order.Uint32(tiff[at+4:]) == 1 {
			if v := int(order.Uint16(tiff[at+8:])); v >= 1 && v <= 8 {
				return v
			}
			break
		}
	}
	return 1
}

// Shown returns the picture's size in pixels as a viewer shows it: a JPEG
// whose Exif orientation turns it a quarter (5 to 8) is shown with its
// width and height swapped.
func (p *Picture) Shown() (w, h int) {
	if p.Orientation >= 5 {
		return p.Height, p.Width
	}
	return p.Width, p.Height
}
