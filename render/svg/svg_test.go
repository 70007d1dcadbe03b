package svg

import (
	"encoding/xml"
	"fmt"
	"math"
	"strings"
	"testing"

	"baocao/render"
	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/load"
)

// drawn is what an SVG page holds, as encoding/xml reads it back.
type drawn struct {
	XMLName xml.Name `xml:"svg"`
	ViewBox string   `xml:"viewBox,attr"`
	Family  string   `xml:"font-family,attr"`
	Space   string   `xml:"space,attr"`
	Texts   []struct {
		Y      float64 `xml:"y,attr"`
		Size   float64 `xml:"font-size,attr"`
		Weight string  `xml:"font-weight,attr"`
		Style  string  `xml:"font-style,attr"`
		Spans  []struct {
			X float64 `xml:"x,attr"`
			S string  `xml:",chardata"`
		} `xml:"tspan"`
	} `xml:"text"`
	Lines []struct {
		X1 float64 `xml:"x1,attr"`
		Y1 float64 `xml:"y1,attr"`
		X2 float64 `xml:"x2,attr"`
		Y2 float64 `xml:"y2,attr"`
	} `xml:"line"`
	Images []struct {
		X      float64 `xml:"x,attr"`
		Y      float64 `xml:"y,attr"`
		W      float64 `xml:"width,attr"`
		H      float64 `xml:"height,attr"`
		Href   string  `xml:"href,attr"`
		Aspect string  `xml:"preserveAspectRatio,attr"`
	} `xml:"image"`
}

func read(t *testing.T, b []byte) drawn {
	t.Helper()
	var d drawn
	if err := xml.Unmarshal(b, &d); err != nil {
		t.Fatalf("not XML: %v\n%s", err, b)
	}
	return d
}

// texts lists the page's texts as "x y style size text", rounded as the
// SVG writes them.
func texts(items []layout.Item) []string {
	var out []string
	for _, it := range items {
		if t, ok := it.(*layout.Text); ok {
			// Rounded as the SVG rounds, to the thousandth of v × 1000:
			// %.3f rounds the exact decimal, which differs at a half.
			r := func(v float64) float64 { return math.Round(v*1000) / 1000 }
			out = append(out, fmt.Sprintf("%.3f %.3f %s %.3f %s", r(t.X), r(t.Y), t.Style, r(t.Size*face.PtToMM), t.S))
		}
	}
	return out
}

func (d drawn) texts() []string {
	var out []string
	for _, t := range d.Texts {
		st := face.StyleOf(t.Weight == "700", t.Style == "italic")
		for _, s := range t.Spans {
			out = append(out, fmt.Sprintf("%.3f %.3f %s %.3f %s", s.X, t.Y, st, t.Size, s.S))
		}
	}
	return out
}

func TestPage(t *testing.T) {
	img := &layout.Image{X: 10, Y: 20, W: 30, H: 15.5}
	p := &layout.Page{Width: 297, Height: 210, Items: []layout.Item{
		&layout.Text{X: 30, Y: 25.1234, Style: face.Bold, Size: 12, S: "CÔNG AN"},
		&layout.Text{X: 60.5, Y: 25.1234, Style: face.Bold, Size: 12, S: "THÀNH PHỐ"},
		&layout.Text{X: 90, Y: 25.1234, Style: face.Regular, Size: 12, S: "a < b & \"c\"\x01 >"},
		&layout.Text{X: 30, Y: 40, Style: face.BoldItalic, Size: 14, S: "  hai  dấu cách  "},
		&layout.Rule{X1: 30, Y1: 30, X2: 80.0004, Y2: 30, Width: 0.25},
		img,
		&layout.Text{X: 30, Y: 50, Style: face.Italic, Size: 13, S: "Nơi nhận:"},
	}}
	b := Page(p, Options{Family: `bc "x"`, ImageHref: func(im *layout.Image) string {
		if im != img {
			t.Errorf("asked for the address of another image")
		}
		return "/anh?a=1&b=2"
	}})
	d := read(t, b)
	if d.ViewBox != "0 0 297 210" || d.Family != `bc "x"` || d.Space != "preserve" {
		t.Errorf("svg attributes: viewBox %q, font-family %q, xml:space %q", d.ViewBox, d.Family, d.Space)
	}
	want := texts(p.Items)
	want[2] = "90.000 25.123  4.233 a < b & \"c\" >" // the control character is not XML
	if got := d.texts(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("texts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// One text element per baseline, face and size.
	if len(d.Texts) != 4 || len(d.Texts[0].Spans) != 2 {
		t.Errorf("%d text elements, the first with %d spans; want 4, and 2 spans", len(d.Texts), len(d.Texts[0].Spans))
	}
	if len(d.Lines) != 1 || d.Lines[0].X2 != 80 || d.Lines[0].Y1 != 30 {
		t.Errorf("lines %+v", d.Lines)
	}
	if len(d.Images) != 1 || d.Images[0].Href != "/anh?a=1&b=2" || d.Images[0].H != 15.5 || d.Images[0].Aspect != "none" {
		t.Errorf("images %+v", d.Images)
	}
}

// TestExample draws every page of every document of the example and finds
// on each exactly the texts, in order and place, that layout put there.
func TestExample(t *testing.T) {
	r, err := load.File("../../examples/cantho-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range document.Kinds() {
		doc, err := document.Build(r, k)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := layout.Layout(doc, face.Default(), render.Settings(r))
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range pages {
			d := read(t, Page(p, Options{Family: "f", ImageHref: func(*layout.Image) string { return "x" }}))
			got, want := d.texts(), texts(p.Items)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s page %d: %d texts drawn, want %d", k.Slug, i+1, len(got), len(want))
			}
			var images, rules int
			for _, it := range p.Items {
				switch it.(type) {
				case *layout.Image:
					images++
				case *layout.Rule:
					rules++
				}
			}
			if len(d.Images) != images || len(d.Lines) != rules {
				t.Errorf("%s page %d: %d images and %d rules, want %d and %d", k.Slug, i+1, len(d.Images), len(d.Lines), images, rules)
			}
			if w := fmt.Sprint(math.Round(p.Width)); !strings.Contains(d.ViewBox, w) {
				t.Errorf("%s page %d: viewBox %q for a page %v wide", k.Slug, i+1, d.ViewBox, p.Width)
			}
		}
	}
}

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 1: "1", 12.5: "12.5", 0.0004: "0", 0.0005: "0.001", 210.0499: "210.05",
		-3.25: "-3.25", -0.0001: "0", 42.7: "42.7", 1e6 + 0.123: "1000000.123", 0.01: "0.01", 99.999: "99.999"} {
		if got := string(num(nil, v)); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}
