package layout

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/picture/picturetest"
)

// newsBody is a bản tin of a bold lead, n paragraphs, a photo and one
// paragraph more.
func newsBody(n int, photo []byte) *document.Document {
	d := newsText(n + 1)
	last := d.Body[len(d.Body)-1]
	d.Body = append(d.Body[:len(d.Body)-1], &document.Figure{Image: photo, Caption: []document.Run{{Text: "Đồng chí Đặng Văn Khoa phát biểu chỉ đạo Hội nghị."}}}, last)
	return d
}

// lines groups a page's texts of role into lines, by baseline.
func lines(pg *Page, role Role) [][]*Text {
	var out [][]*Text
	for _, x := range texts(pg, role) {
		if n := len(out); n > 0 && out[n-1][0].Y == x.Y {
			out[n-1] = append(out[n-1], x)
			continue
		}
		out = append(out, []*Text{x})
	}
	return out
}

// TestNewsParagraphs: a bản tin is set in blocks, as a news page is — the
// lead and every paragraph start at the margin, without the first-line
// indent of an administrative text.
func TestNewsParagraphs(t *testing.T) {
	left := DefaultSettings().Margins.Left
	pages := mustLayout(t, newsDoc(t))
	lead := lines(pages[0], RoleBody)
	if len(lead) == 0 || lead[0][0].Style != face.Bold {
		t.Fatalf("page 1 opens with %+v, want the bold lead", lead)
	}
	for i, pg := range pages {
		for _, l := range lines(pg, RoleBody) {
			if x0, _ := extent(l); math.Abs(x0-left) > eps {
				t.Errorf("page %d: line %q starts %.2f mm right of the margin, want none", i+1, lineText(l), x0-left)
			}
		}
	}
}

// TestNewsPageNumbers: a bản tin's pages are numbered at their foot,
// "Trang 1/3" on every page, the first included, none in the top margin
// where the decree puts an administrative document's; a single page has
// no number.
func TestNewsPageNumbers(t *testing.T) {
	s := DefaultSettings()
	foot := A4Height - s.Margins.Bottom
	d := newsDoc(t)
	pages := mustLayout(t, d)
	if len(pages) < 2 {
		t.Fatalf("%d page, the case needs several", len(pages))
	}
	for i, pg := range pages {
		num := texts(pg, RolePageNumber)
		want := fmt.Sprintf("Trang %d/%d", i+1, len(pages))
		if joined(num) != want || num[0].Y <= foot || num[0].Y >= A4Height || num[0].Size != mastheadSize {
			t.Errorf("page %d numbered %+v, want %q in the bottom margin (below %v mm), %v pt", i+1, num, want, foot, mastheadSize)
			continue
		}
		if c := centreOf(num); math.Abs(c-(s.Margins.Left+(A4Width-s.Margins.Left-s.Margins.Right)/2)) > eps {
			t.Errorf("page %d: number centred at %v, want the text's centre", i+1, c)
		}
	}
	d.Body = d.Body[:2]
	if pages := mustLayout(t, d); len(pages) != 1 || len(texts(pages[0], RolePageNumber)) != 0 {
		t.Errorf("a one-page bản tin: %d pages, numbered %q; want one, unnumbered", len(pages), joined(texts(pages[0], RolePageNumber)))
	}
}

// TestNewsByline: the author, then the source, close the bản tin when
// given — each alone too, neither when neither is — set right after
// everything else and never opening a page on their own, whatever comes
// before them: a paragraph or a photo.
func TestNewsByline(t *testing.T) {
	photo := pngOf(t, 1600, 1000)
	for _, tt := range []struct{ author, source, want string }{
		{"Ngọc Trâm", "Cổng thông tin điện tử Sở Giáo dục và Đào tạo", "Ngọc TrâmNguồn: Cổng thông tin điện tử Sở Giáo dục và Đào tạo"},
		{"Ngọc Trâm", "", "Ngọc Trâm"},
		{"", "Công an thành phố Cần Thơ", "Nguồn: Công an thành phố Cần Thơ"},
		{"", "", ""},
	} {
		// Paragraphs of six lines and of one move the photo down the
		// pages in steps finer than the byline.
		for c := range 9 * 5 * 2 {
			n, short, photoLast := c/10, c/2%5, c%2 == 1
			d := newsBody(n, photo)
			if photoLast {
				d.Body = d.Body[:len(d.Body)-1]
			}
			for range short {
				d.Body = slices.Insert(d.Body, 1, document.Block(&document.Paragraph{Runs: []document.Run{{Text: "Một dòng."}}}))
			}
			d.Frame.Author, d.Frame.Source = tt.author, tt.source
			pages := mustLayout(t, d)
			name := fmt.Sprintf("%q %q, %d paragraphs and %d lines, photo last %v", tt.author, tt.source, n, short, photoLast)
			last := pages[len(pages)-1]
			by := texts(last, RoleByline)
			if joined(by) != tt.want {
				t.Errorf("%s: byline %q on the last page, want %q", name, joined(by), tt.want)
			}
			if len(by) == 0 {
				continue
			}
			if isByline(last.Items[0]) {
				t.Errorf("%s: the byline opens page %d", name, len(pages))
			}
			for _, it := range last.Items {
				if bottom := itemBottom(it); bottom > by[0].Y && !isByline(it) && !isPageNumber(it) {
					t.Errorf("%s: %T %+v below the byline", name, it, it)
				}
			}
		}
	}
}

func isByline(it Item) bool     { x, ok := it.(*Text); return ok && x.Role == RoleByline }
func isPageNumber(it Item) bool { x, ok := it.(*Text); return ok && x.Role == RolePageNumber }

// itemBottom is the lowest point of an item: a text's baseline, a rule's
// lower end, an image's foot.
func itemBottom(it Item) float64 {
	switch it := it.(type) {
	case *Text:
		return it.Y
	case *Rule:
		return max(it.Y1, it.Y2)
	case *Image:
		return it.Y + it.H
	}
	return 0
}

// TestNewsNoBlankPage: a photo that does not fit the rest of a page never
// leaves it blank. Wherever a tall or a wide photo falls, every page that
// more text follows is filled to its foot, but for the lines kept with
// the next page's: the photo heads the next page while the text fills
// this one. Where no text is left to fill it, the photo shrinks to the
// room left, down to half its size. Its aspect is kept.
func TestNewsNoBlankPage(t *testing.T) {
	s := DefaultSettings()
	foot := A4Height - s.Margins.Bottom
	// A paragraph's last two lines kept with the two of the byline, and the
	// space between, is the most a filled page leaves.
	slack := 4*lineHeight(s.Sizes.Body) + paraAfterPt*face.PtToMM
	photos := map[[2]int][]byte{}
	for _, size := range [][2]int{{900, 1350}, {1800, 1000}} {
		photos[size] = pngOf(t, size[0], size[1])
	}
	for size, photo := range photos {
		for n := range 10 {
			pages := mustLayout(t, newsBody(n, photo))
			var set []*Image
			for i, pg := range pages {
				low := 0.0
				for _, it := range pg.Items {
					if !isPageNumber(it) {
						low = max(low, itemBottom(it))
					}
					if im, ok := it.(*Image); ok && im.Role == RolePhoto {
						set = append(set, im)
					}
				}
				textFollows := false
				for _, later := range pages[i+1:] {
					textFollows = textFollows || len(texts(later, RoleBody)) > 0
				}
				if foot-low <= slack || i == len(pages)-1 {
					continue
				}
				// Left short, the page is followed by a photo alone, too
				// big for the foot at half its size (with its caption).
				next, ok := pages[i+1].Items[0].(*Image)
				if textFollows || !ok || next.H*minShrink+30 < foot-low {
					t.Errorf("%d × %d photo after %d paragraphs: page %d ends %.0f mm above its foot", size[0], size[1], n, i+1, foot-low)
				}
			}
			if len(set) != 1 {
				t.Fatalf("%d photos, want 1", len(set))
			}
			im := set[0]
			w, h := photoSizeOf(size[0], size[1])
			if math.Abs(im.W/im.H-float64(size[0])/float64(size[1])) > 1e-9 || im.H > h+eps || im.H < h*minShrink-eps {
				t.Errorf("%d × %d photo after %d paragraphs set %.1f × %.1f mm, want %.1f × %.1f or no less than %v of it", size[0], size[1], n, im.W, im.H, w, h, minShrink)
			}
		}
	}
}

// photoSizeOf is the size a photo of w × h pixels is printed at with the
// default settings: the text width, half the text height or 150 dpi,
// whichever is smallest.
func photoSizeOf(w, h int) (float64, float64) {
	s := DefaultSettings()
	scale := min((A4Width-s.Margins.Left-s.Margins.Right)/float64(w), (A4Height-s.Margins.Top-s.Margins.Bottom)/2/float64(h), 25.4/150)
	return float64(w) * scale, float64(h) * scale
}

// TestNewsPhotoResolution: a photo is printed as wide as the text only
// when it has the pixels for 150 dpi; a small picture keeps that
// resolution, smaller and centred, instead of being blown up.
func TestNewsPhotoResolution(t *testing.T) {
	s := DefaultSettings()
	width := A4Width - s.Margins.Left - s.Margins.Right
	for _, tt := range []struct {
		w, h      int
		wantWidth float64
	}{
		{480, 320, 480 / 150.0 * 25.4},
		{960, 540, 960 / 150.0 * 25.4},
		{3000, 2000, width},
	} {
		pages := mustLayout(t, newsBody(0, pngOf(t, tt.w, tt.h)))
		var im *Image
		for _, it := range pages[0].Items {
			if x, ok := it.(*Image); ok {
				im = x
			}
		}
		if im == nil || math.Abs(im.W-tt.wantWidth) > eps || math.Abs(im.X-(s.Margins.Left+(width-im.W)/2)) > eps {
			t.Errorf("%d × %d pixels: photo %+v, want %.1f mm wide, centred", tt.w, tt.h, im, tt.wantWidth)
			continue
		}
		if dpi := float64(tt.w) / (im.W / 25.4); dpi < 150-1e-6 {
			t.Errorf("%d × %d pixels printed at %.0f dpi", tt.w, tt.h, dpi)
		}
	}
}

// TestNewsPhotoOrientation: a photo from a phone held upright is stored
// sideways with an Exif orientation that every viewer obeys; its box on the
// page is as a viewer shows it — portrait for orientations 5 to 8 — and
// the picture keeps its orientation for the PDF to turn it
// (pdf.TestImageOrientation looks at the pixels).
func TestNewsPhotoOrientation(t *testing.T) {
	for o := range 9 {
		pages := mustLayout(t, newsBody(0, picturetest.ExifJPEG(t, 400, 200, o, "MM", true)))
		var im *Image
		for _, it := range pages[0].Items {
			if x, ok := it.(*Image); ok {
				im = x
			}
		}
		portrait := o >= 5
		if im == nil || (im.H > im.W) != portrait || math.Abs(im.W/im.H-map[bool]float64{false: 2, true: 0.5}[portrait]) > 1e-9 {
			t.Errorf("orientation %d: photo %+v, want portrait %v at its aspect", o, im, portrait)
		}
	}
}
