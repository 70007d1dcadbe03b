package picture

import (
	"testing"

	"baocao/render/picture/picturetest"
)

// TestOrientation: the Exif orientation of a JPEG is read in both byte
// orders, and a quarter turn swaps the size it is shown at.
func TestOrientation(t *testing.T) {
	for _, order := range []string{"MM", "II"} {
		for o := range 9 {
			p, err := Read(picturetest.ExifJPEG(t, 40, 20, o, order, false))
			if err != nil {
				t.Fatal(err)
			}
			want := max(o, 1)
			w, h := p.Shown()
			if p.Orientation != want || (h > w) != (o >= 5) {
				t.Errorf("%s, orientation %d: read %d, shown %d × %d", order, o, p.Orientation, w, h)
			}
		}
	}
}

// TestOrientationHostile: a damaged Exif segment is read as no
// orientation, never past its end.
func TestOrientationHostile(t *testing.T) {
	good := picturetest.ExifJPEG(t, 40, 20, 6, "MM", true)
	seg := good[6 : 4+int(good[4])<<8+int(good[5])]
	if got := exifOrientation(seg); got != 6 {
		t.Fatalf("orientation %d, want 6", got)
	}
	for n := range len(seg) {
		if o := exifOrientation(seg[:n]); o != 1 && o != 6 {
			t.Errorf("cut at %d: orientation %d", n, o)
		}
	}
	for at := range len(seg) {
		bad := append([]byte{}, seg...)
		bad[at] = 0xFF
		if o := exifOrientation(bad); o < 1 || o > 8 {
			t.Errorf("byte %d set: orientation %d", at, o)
		}
	}
	for n := range 3 {
		if _, err := Read([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0, byte(n)}); err == nil {
			t.Errorf("a cut Exif segment of length %d read as a picture", n)
		}
	}
}

// FuzzExifOrientation: any bytes read as an orientation from 1 to 8,
// without a panic.
func FuzzExifOrientation(f *testing.F) {
	for _, order := range []string{"MM", "II"} {
		data := picturetest.ExifJPEG(f, 8, 4, 6, order, true)
		f.Add(data[6 : 4+int(data[4])<<8+int(data[5])])
	}
	f.Fuzz(func(t *testing.T, seg []byte) {
		if o := exifOrientation(seg); o < 1 || o > 8 {
			t.Errorf("orientation %d", o)
		}
	})
}
