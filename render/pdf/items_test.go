package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"regexp"
	"strconv"
	"testing"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/picture"
)

// encoded returns a small opaque picture as PNG and as JPEG; the PNG is
// 16 bits per channel when deep.
func encoded(t *testing.T, deep bool) (pngData, jpegData []byte) {
	t.Helper()
	var img image.Image = image.NewNRGBA(image.Rect(0, 0, 60, 20))
	if deep {
		img = image.NewNRGBA64(image.Rect(0, 0, 60, 20))
	}
	// Opaque, so that no PNG needs a soft mask, itself an image.
	set := img.(interface{ Set(int, int, color.Color) }).Set
	for x := range 60 {
		for y := range 20 {
			c := color.NRGBA{R: 255, G: 255, B: 255, A: 255}
			if y == x/3 {
				c = color.NRGBA{B: 200, A: 255}
			}
			set(x, y, c)
		}
	}
	var p, j bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&j, img, nil); err != nil {
		t.Fatal(err)
	}
	return p.Bytes(), j.Bytes()
}

func mustRead(t *testing.T, data []byte) *picture.Picture {
	t.Helper()
	p, err := picture.Check(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// destPattern matches an outline entry's title and destination.
var destPattern = regexp.MustCompile(`/Dest \[(\d+) 0 R /XYZ 0 ([\d.]+) null\]`)

// TestImagesAndOutline: every image is embedded once under its own name
// and drawn; each mark becomes an outline entry pointing at its page and
// height, also on portrait pages before a landscape one (fpdf measures
// from the last page's height).
func TestImagesAndOutline(t *testing.T) {
	pngData, jpegData := encoded(t, false)
	portrait := &layout.Page{Width: layout.A4Width, Height: layout.A4Height,
		Items: []layout.Item{
			&layout.Text{X: 30, Y: 40, Size: 14, S: "Phần I"},
			&layout.Image{X: 120, Y: 200, W: 45, H: 15, Picture: mustRead(t, pngData)},
			&layout.Image{X: 110, Y: 195, W: 36, H: 36, Picture: mustRead(t, jpegData)},
		},
		Marks: []layout.Mark{{Level: 0, Title: "Phần I. KẾT QUẢ CÔNG TÁC"}, {Level: 1, Title: "I. ĐẶC ĐIỂM TÌNH HÌNH", Y: 55.5}},
	}
	portrait.Marks[0].Y = 35
	landscape := &layout.Page{Width: layout.A4Height, Height: layout.A4Width,
		Items: []layout.Item{&layout.Text{X: 30, Y: 30, Size: 14, S: "Phụ lục I"}},
		Marks: []layout.Mark{{Level: 0, Title: "Phụ lục I. SỐ LIỆU", Y: 25}},
	}
	doc := write(t, []*layout.Page{portrait, landscape}, sampleInfo)
	checkXref(t, doc)
	if n := bytes.Count(doc, []byte("/Subtype /Image")); n != 2 {
		t.Errorf("%d images embedded, want 2", n)
	}
	type entry struct {
		title string
		obj   int
		y     float64
	}
	var got []entry
	for _, obj := range bytes.Split(doc, []byte("endobj")) {
		m := destPattern.FindSubmatch(obj)
		if m == nil {
			continue
		}
		title, err := pdfString(obj, "Title")
		if err != nil {
			t.Fatal(err)
		}
		n, _ := strconv.Atoi(string(m[1]))
		y, _ := strconv.ParseFloat(string(m[2]), 64)
		got = append(got, entry{title, n, y})
	}
	const k = 72 / 25.4 // points per mm
	want := []entry{
		// fpdf numbers page n's object 1+2n.
		{"Phần I. KẾT QUẢ CÔNG TÁC", 3, (layout.A4Height - 35) * k},
		{"I. ĐẶC ĐIỂM TÌNH HÌNH", 3, (layout.A4Height - 55.5) * k},
		{"Phụ lục I. SỐ LIỆU", 5, (layout.A4Width - 25) * k},
	}
	if len(got) != len(want) {
		t.Fatalf("outline %v, want %v", got, want)
	}
	for i := range want {
		if got[i].title != want[i].title || got[i].obj != want[i].obj || got[i].y < want[i].y-0.01 || got[i].y > want[i].y+0.01 {
			t.Errorf("entry %d: %+v, want %+v", i+1, got[i], want[i])
		}
	}
}

// TestLaidOutImages: the signature and seal as layout prepares them —
// including a 16-bit PNG, which fpdf cannot read as it is — embed.
func TestLaidOutImages(t *testing.T) {
	deep, jpegData := encoded(t, true)
	d := &document.Document{Frame: document.Frame{
		Agency: "CÔNG AN THÀNH PHỐ CẦN THƠ", Number: "Số: 15/BC-CAT", KindName: "BÁO CÁO", Title: "Tổng kết",
		Signature:      document.Signature{Position: "GIÁM ĐỐC", Name: "Nguyễn Văn Thuận"},
		SignatureImage: jpegData, Seal: deep,
	}, Body: []document.Block{&document.Paragraph{Runs: []document.Run{{Text: "Nội dung./."}}}}}
	pages, err := layout.Layout(d, face.Default(), layout.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	doc := write(t, pages, sampleInfo)
	if n := bytes.Count(doc, []byte("/Subtype /Image")); n != 2 {
		t.Errorf("%d images embedded, want 2", n)
	}
}
