package layout

import (
	"math"
	"testing"

	"baocao/render/face"
)

// TestSignatureBoxes: the signer's field fills the space between the chức
// vụ and the name across the signature column; the agency's starts at the
// seal's top left — where the seal is printed when the images are, and
// over the left third of the signature when not — and reaches two 10 pt
// lines under the name. A biên bản's fields are the chair's.
func TestSignatureBoxes(t *testing.T) {
	s := DefaultSettings()
	sig := testPNG(t, 600, 200, 0, false)
	seal := testPNG(t, 400, 400, 0, false)
	withImages := sampleDoc(3, 0)
	withImages.Frame.SignatureImage, withImages.Frame.Seal = sig, seal
	for _, c := range []struct {
		name   string
		pages  []*Page
		images bool
	}{
		{"báo cáo", mustLayout(t, sampleDoc(3, 0)), false},
		{"báo cáo with images", mustLayout(t, withImages), true},
		{"biên bản", mustLayout(t, minutesDoc(2, "Nguyễn Thị B", []string{"- Lưu: VT."})), false},
	} {
		b, ok := FindSignatureBoxes(c.pages, face.Default(), s)
		if !ok {
			t.Fatalf("%s: no signature boxes", c.name)
		}
		pg := c.pages[b.Page]
		names := texts(pg, RoleSigner)
		name := names[len(names)-1]
		var pos *Text
		for _, p := range texts(pg, RolePosition) {
			if math.Abs(centreOf([]*Text{p})-centreOf([]*Text{name})) < 0.05 {
				pos = p
			}
		}
		if pos == nil {
			t.Fatalf("%s: no chức vụ above the name", c.name)
		}
		sg, ag := b.Signer, b.Agency
		if sg.Y < pos.Y || sg.Y+sg.H > textTop(name) || sg.H < 15 {
			t.Errorf("%s: signer's field %.1f–%.1f, want inside the space %.1f–%.1f", c.name, sg.Y, sg.Y+sg.H, pos.Y, textTop(name))
		}
		if math.Abs(sg.X+sg.W/2-centreOf([]*Text{name})) > 0.05 || sg.X < s.Margins.Left+closingLeftWidth-0.01 || sg.X+sg.W > A4Width-s.Margins.Right+0.01 {
			t.Errorf("%s: signer's field %.1f–%.1f not centred on the name in the signature column", c.name, sg.X, sg.X+sg.W)
		}
		if math.Abs(ag.X+ag.W-(sg.X+sg.W)) > 0.01 || ag.Y+ag.H < name.Y+2*lineHeight(10) {
			t.Errorf("%s: agency's field %+v does not reach the column's right edge and two lines under the name", c.name, ag)
		}
		if c.images {
			im, se := images(pg, RoleSignImage)[0], images(pg, RoleSeal)[0]
			if ag.X != se.X || ag.Y != se.Y {
				t.Errorf("%s: agency's field at %.2f, %.2f, the seal at %.2f, %.2f", c.name, ag.X, ag.Y, se.X, se.Y)
			}
			if im.X < sg.X-0.01 || im.X+im.W > sg.X+sg.W+0.01 || im.Y < sg.Y-0.01 || im.Y+im.H > sg.Y+sg.H+0.01 {
				t.Errorf("%s: the signature image %+v is outside the signer's field %+v", c.name, *im, sg)
			}
		} else if right := ag.X + sealDiameter; math.Abs(right-(sg.X+sg.W/2-nominalSignature/2+nominalSignature/3)) > 0.01 && ag.X != sg.X {
			t.Errorf("%s: the seal's place ends at %.2f, not a third into a %v mm signature", c.name, right, nominalSignature)
		}
	}
	if _, ok := FindSignatureBoxes(mustLayout(t, newsDoc(t)), face.Default(), s); ok {
		t.Error("a bản tin, which nobody signs, has signature boxes")
	}
}
