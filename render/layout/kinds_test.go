package layout

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"slices"
	"strings"
	"testing"

	"baocao/render/document"
	"baocao/render/face"
)

// minutesDoc is a biên bản of n body paragraphs (Mẫu 1.9).
func minutesDoc(n int, secretary string, recipients []string) *document.Document {
	d := sampleDoc(n, 0)
	d.Form = document.FormMinutes
	d.Frame.PlaceDate = ""
	d.Frame.KindName = "BIÊN BẢN"
	d.Frame.Signature = document.Signature{Position: "CHỦ TỌA", Name: "Thiếu tướng Nguyễn Văn Thuận"}
	d.Frame.Secretary = document.Signature{Position: "THƯ KÝ", Name: secretary}
	d.Frame.Recipients = recipients
	return d
}

func TestMinutesClosing(t *testing.T) {
	text := DefaultSettings()
	left, right := text.Margins.Left, A4Width-text.Margins.Right
	for _, tt := range []struct {
		name       string
		paragraphs int
		secretary  string
		recipients []string
	}{
		{"short", 2, "Trung tá Trần Thị Hân", []string{"- Lãnh đạo Công an thành phố;", "- Lưu: VT, Hồ sơ."}},
		// Wider than the decree's 60 mm column: the column widens.
		{"long name, closing on page 2", 12, "Thiếu tá Nguyễn Thị Ngọc Hân", []string{"- Lưu: VT, Hồ sơ."}},
		{"no Nơi nhận", 3, "Lê Văn Tâm", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pages := mustLayout(t, minutesDoc(tt.paragraphs, tt.secretary, tt.recipients))
			if n := len(texts(pages[0], RoleDate)); n != 0 {
				t.Errorf("Mẫu 1.9 has no date line, page 1 has %d date items", n)
			}
			pg := pages[len(pages)-1]
			secPos, chairPos := columns(texts(pg, RolePosition))
			secName, chairName := columns(texts(pg, RoleSigner))
			if joined(secPos) != "THƯ KÝ" || joined(chairPos) != "CHỦ TỌA" || joined(secName) != tt.secretary {
				t.Fatalf("left %q over %q, right %q: want THƯ KÝ over the secretary's name on the left, CHỦ TỌA on the right",
					joined(secPos), joined(secName), joined(chairPos))
			}
			if secPos[0].Y != chairPos[0].Y || secPos[0].Style != face.Bold {
				t.Errorf("THƯ KÝ at %v (%s), CHỦ TỌA at %v: want one bold line", secPos[0].Y, secPos[0].Style, chairPos[0].Y)
			}
			// One name line each, level, with room for the signatures.
			names := append(secName, chairName...)
			for _, n := range names {
				if n.Y != names[0].Y {
					t.Errorf("name lines at %v and %v, want one line", names[0].Y, n.Y)
				}
			}
			if names[0].Y-secPos[0].Y < 20 {
				t.Errorf("only %v mm for the signatures", names[0].Y-secPos[0].Y)
			}
			sx0, sx1 := extent(secName)
			cx0, cx1 := extent(chairName)
			if tt.paragraphs > 10 && (sx1-sx0 <= closingLeftWidth || len(pages) < 2) {
				t.Fatalf("the case does not test a name wider than %v mm (%v) on a later page (%d pages)", closingLeftWidth, sx1-sx0, len(pages))
			}
			if sx0 < left || cx1 > right {
				t.Errorf("names span [%v %v] and [%v %v], want inside [%v %v]", sx0, sx1, cx0, cx1, left, right)
			}
			// A name wider than its column keeps its centre as near the
			// model's as the margin allows; the chair's stays put.
			if sx1-sx0 > minutesLeftWidth && math.Abs(sx0-left) > eps {
				t.Errorf("the secretary's name spans [%v %v], want it flush with the margin %v", sx0, sx1, left)
			}
			if c := (cx0+cx1)/2 - left; math.Abs(c-116.3) > 0.3 {
				t.Errorf("the chair's name centred %v mm from the margin, want the model's 116,3", c)
			}
			if px0, px1 := extent(secPos); math.Abs((px0+px1)/2-(sx0+sx1)/2) > eps {
				t.Errorf("THƯ KÝ centred at %v, its name at %v", (px0+px1)/2, (sx0+sx1)/2)
			}
			ys := []float64{names[0].Y}
			label := texts(pg, RoleNoiNhan)
			if tt.recipients == nil {
				if len(label) != 0 {
					t.Errorf("Nơi nhận printed without recipients")
				}
				return
			}
			if len(label) == 0 || joined(label) != "Nơi nhận:" || label[0].X != left || label[0].Y <= ys[0] || label[0].Style != face.BoldItalic {
				t.Errorf("Nơi nhận %+v: want flush left, below the names (%v), bold italic", label, ys[0])
			}
			if got := len(texts(pg, RoleRecipient)); got == 0 {
				t.Errorf("no recipients on the closing's page")
			}
		})
	}
}

// TestMinutesModel measures the biên bản's closing against Mẫu 1.9 as the
// decree's PDF sets it (Phụ lục III, page 13, read with pdftotext -bbox and
// from its content stream): THƯ KÝ centred 30,0 mm and CHỦ TỌA 116,3 mm
// right of the left margin, with the model's margins and with baocao's;
// baselines 22,3 pt from the body's last line to THƯ KÝ, 20,2 pt from the
// names to "Nơi nhận:", 12,9 pt from it to the first recipient and 12,6 pt
// between recipients.
func TestMinutesModel(t *testing.T) {
	const pt = face.PtToMM
	for _, m := range []Margins{DefaultSettings().Margins, {Top: 20, Bottom: 20, Left: 35, Right: 20}} {
		s := DefaultSettings()
		s.Margins = m
		pages := layoutWith(t, minutesDoc(2, "Trung tá Trần Thị Hân", []string{"- Lãnh đạo Công an thành phố;", "- Lưu: VT, Hồ sơ."}), s)
		if len(pages) != 1 {
			t.Fatalf("margins %v: %d pages, want the closing on page 1", m, len(pages))
		}
		pg := pages[0]
		secPos, chairPos := columns(texts(pg, RolePosition))
		body, names, label := texts(pg, RoleBody), texts(pg, RoleSigner), texts(pg, RoleNoiNhan)
		var recipients []float64 // their baselines
		for _, r := range texts(pg, RoleRecipient) {
			if len(recipients) == 0 || r.Y != recipients[len(recipients)-1] {
				recipients = append(recipients, r.Y)
			}
		}
		if len(secPos) == 0 || len(chairPos) == 0 || len(body) == 0 || len(names) == 0 || len(label) == 0 || len(recipients) != 2 {
			t.Fatalf("margins %v: closing incomplete", m)
		}
		for _, c := range []struct {
			what      string
			got, want float64
			tolerance float64
		}{
			{"THƯ KÝ's centre from the left margin", centreOf(secPos) - m.Left, 30.0, 0.3},
			{"CHỦ TỌA's centre from the left margin", centreOf(chairPos) - m.Left, 116.3, 0.3},
			{"body's last baseline to THƯ KÝ", secPos[0].Y - body[len(body)-1].Y, 22.3 * pt, 0.3},
			{"names to Nơi nhận", label[0].Y - names[0].Y, 20.2 * pt, 0.15},
			{"Nơi nhận to the first recipient", recipients[0] - label[0].Y, 12.9 * pt, 0.1},
			{"between recipients", recipients[1] - recipients[0], 12.6 * pt, 0.1},
		} {
			if math.Abs(c.got-c.want) > c.tolerance {
				t.Errorf("margins %v: %s %.2f mm, the model's %.2f mm", m, c.what, c.got, c.want)
			}
		}
	}
}

// columns splits texts of one line into the left and the right column, at
// the widest gap between words.
func columns(ts []*Text) (l, r []*Text) {
	at, widest := 0, -1.0
	for i := 1; i < len(ts); i++ {
		if gap := ts[i].X - (ts[i-1].X + ts[i-1].Width); gap > widest {
			at, widest = i, gap
		}
	}
	return ts[:at], ts[at:]
}

// pngOf is a w × h PNG.
func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// newsDoc is a bản tin with a wide and a tall photo between paragraphs.
func newsDoc(t *testing.T) *document.Document {
	d := newsText(3)
	photo := func(png []byte, caption string) *document.Figure {
		return &document.Figure{Image: png, Caption: []document.Run{{Text: caption}}}
	}
	d.Body = slices.Insert(d.Body, 3, document.Block(photo(pngOf(t, 1000, 5000), "Ảnh đứng.")))
	d.Body = slices.Insert(d.Body, 2, document.Block(photo(pngOf(t, 2000, 1000), "Thứ trưởng Nguyễn Văn Sơn cùng các đại biểu dự Hội nghị.")))
	return d
}

// newsText is a bản tin of a bold lead and n paragraphs.
func newsText(n int) *document.Document {
	body := strings.Repeat("Công an thành phố Cần Thơ đã hoàn thành xuất sắc 03 mục tiêu trong năm 2021. ", 6)
	d := &document.Document{
		Form: document.FormNews,
		Frame: document.Frame{
			Agency:    "CÔNG AN THÀNH PHỐ CẦN THƠ",
			PlaceDate: "Cần Thơ, 14/01/2022",
			Title:     "Công an thành phố Cần Thơ tổng kết công tác năm 2021, triển khai nhiệm vụ năm 2022",
			Author:    "Minh Khang",
			Source:    "Công an thành phố Cần Thơ",
		},
		Body: []document.Block{&document.Paragraph{Runs: []document.Run{{Text: "Ngày 14/01/2022, Công an thành phố Cần Thơ tổ chức Hội nghị.", Bold: true}}}},
	}
	for range n {
		d.Body = append(d.Body, &document.Paragraph{Runs: []document.Run{{Text: body}}})
	}
	return d
}

func TestNews(t *testing.T) {
	s := DefaultSettings()
	left, width := s.Margins.Left, A4Width-s.Margins.Left-s.Margins.Right
	pages := mustLayout(t, newsDoc(t))
	for i, pg := range pages {
		for _, r := range []Role{RoleQuocHieu, RoleTieuNgu, RoleNumber, RoleKind, RoleSigner, RoleNoiNhan} {
			if len(texts(pg, r)) > 0 {
				t.Errorf("page %d has the ND30 element %q", i+1, r)
			}
		}
	}
	p1 := pages[0]
	mast := texts(p1, RoleMasthead)
	if !strings.HasPrefix(joined(mast), "CÔNG AN THÀNH PHỐ CẦN THƠ") || !strings.HasSuffix(joined(mast), "Cần Thơ, 14/01/2022") {
		t.Errorf("masthead %q", joined(mast))
	}
	if x0, x1 := extent(mast); math.Abs(x0-left) > eps || math.Abs(x1-(left+width)) > eps {
		t.Errorf("masthead spans [%v %v], want the text width", x0, x1)
	}
	if r := rules(p1, RoleMasthead); len(r) != 1 || math.Abs(r[0].X2-r[0].X1-width) > eps {
		t.Errorf("masthead rule %+v, want one across the text width", r)
	}
	head := texts(p1, RoleHeadline)
	if len(head) == 0 || head[0].Size != 18 || head[0].Style != face.Bold || head[0].Y <= mast[0].Y {
		t.Fatalf("headline %+v: want 18 pt bold under the masthead", head)
	}

	var photos []*Image
	var captions [][]*Text
	for _, pg := range pages {
		for _, it := range pg.Items {
			if im, ok := it.(*Image); ok && im.Role == RolePhoto {
				photos = append(photos, im)
				captions = append(captions, nil)
				for _, c := range texts(pg, RoleCaption) {
					if c.Y > im.Y+im.H && (len(captions[len(captions)-1]) == 0 || c.Y == captions[len(captions)-1][0].Y) {
						captions[len(captions)-1] = append(captions[len(captions)-1], c)
					}
				}
			}
		}
	}
	if len(photos) != 2 {
		t.Fatalf("%d photos, want 2", len(photos))
	}
	// The wide photo takes the text width; the tall one is held to half the
	// text height. Both keep their aspect ratio and are centred.
	textHeight := A4Height - s.Margins.Top - s.Margins.Bottom
	for i, want := range []struct{ w, h float64 }{{width, width / 2}, {textHeight / 2 / 5, textHeight / 2}} {
		im := photos[i]
		if math.Abs(im.W-want.w) > eps || math.Abs(im.H-want.h) > eps || math.Abs(im.X-(left+(width-im.W)/2)) > eps {
			t.Errorf("photo %d at x %v, %v × %v mm; want %v × %v centred", i+1, im.X, im.W, im.H, want.w, want.h)
		}
		if len(captions[i]) == 0 || captions[i][0].Style != face.Italic || captions[i][0].Y-(im.Y+im.H) > 10 {
			t.Errorf("photo %d: caption %+v, want italic right below", i+1, captions[i])
		}
	}
	if got := joined(captions[0]); got != "Thứ trưởng Nguyễn Văn Sơn cùng các đại biểu dự Hội nghị." {
		t.Errorf("caption %q", got)
	}

	last := pages[len(pages)-1]
	by := texts(last, RoleByline)
	if len(by) < 2 || by[0].Style != face.Bold || by[len(by)-1].Style != face.Italic {
		t.Fatalf("byline %+v: want the author in bold, then the source in italics", by)
	}
	if !strings.HasPrefix(joined(by), "Minh Khang") || !strings.HasSuffix(joined(by), "Nguồn: Công an thành phố Cần Thơ") {
		t.Errorf("byline %q", joined(by))
	}
	if _, x1 := extent(by); math.Abs(x1-(left+width)) > eps {
		t.Errorf("byline ends at %v, want set right at %v", x1, left+width)
	}
}

func TestNewsBadPhoto(t *testing.T) {
	d := newsDoc(t)
	d.Body[2].(*document.Figure).Image = []byte("not an image")
	if _, err := Layout(d, face.Default(), DefaultSettings()); err == nil || !strings.Contains(err.Error(), "ảnh thứ 1") {
		t.Errorf("got %v, want the damaged photo reported", err)
	}
}
