package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
)

// xmpList is an XMP array, alternatives or a sequence: its items.
type xmpList struct {
	Alt []string `xml:"Alt>li"`
	Seq []string `xml:"Seq>li"`
}

// xmpDoc is what TestPDFA reads of the XMP metadata.
type xmpDoc struct {
	Description struct {
		Part        string  `xml:"http://www.aiim.org/pdfa/ns/id/ part"`
		Conformance string  `xml:"http://www.aiim.org/pdfa/ns/id/ conformance"`
		Title       xmpList `xml:"http://purl.org/dc/elements/1.1/ title"`
		Creator     xmpList `xml:"http://purl.org/dc/elements/1.1/ creator"`
		Description xmpList `xml:"http://purl.org/dc/elements/1.1/ description"`
		Keywords    string  `xml:"http://ns.adobe.com/pdf/1.3/ Keywords"`
		Producer    string  `xml:"http://ns.adobe.com/pdf/1.3/ Producer"`
		CreatorTool string  `xml:"http://ns.adobe.com/xap/1.0/ CreatorTool"`
		CreateDate  string  `xml:"http://ns.adobe.com/xap/1.0/ CreateDate"`
		ModifyDate  string  `xml:"http://ns.adobe.com/xap/1.0/ ModifyDate"`
	} `xml:"RDF>Description"`
}

// TestPDFA checks what PDF/A-2b asks beyond what every file has: the XMP
// metadata claims part 2, level B, and says what the information
// dictionary says, entry for entry, dates included, also in a zone other
// than UTC and with characters XML escapes; the output intent carries the
// sRGB profile, an RGB display profile of ICC version 2; the catalog names
// both; the file has an identifier. A file not asked to be PDF/A has none
// of it.
func TestPDFA(t *testing.T) {
	info := sampleInfo
	info.PDFA = true
	info.Meta.Title += " <Hà Nội & Huế>"
	info.Created = time.Date(2022, 1, 15, 8, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	doc := write(t, samplePages(), info)
	checkXref(t, doc)

	meta := regexp.MustCompile(`(?s)<</Type /Metadata /Subtype /XML /Length (\d+)>>\nstream\n(.*?)\nendstream`).FindSubmatch(doc)
	if meta == nil {
		t.Fatal("no XMP metadata stream")
	}
	var x xmpDoc
	if err := xml.Unmarshal(meta[2], &x); err != nil {
		t.Fatalf("the XMP metadata is not XML: %v", err)
	}
	d := x.Description
	if d.Part != "2" || d.Conformance != "B" {
		t.Errorf("XMP claims PDF/A part %q level %q, want 2 and B", d.Part, d.Conformance)
	}
	info1 := func(key string) string {
		v, err := pdfString(doc, key)
		if err != nil {
			t.Errorf("/%s: %v", key, err)
		}
		return v
	}
	first := func(l xmpList) string {
		items := append(l.Alt, l.Seq...)
		if len(items) != 1 {
			return strings.Join(items, " | ")
		}
		return items[0]
	}
	for key, got := range map[string]string{
		"Title": first(d.Title), "Author": first(d.Creator), "Subject": first(d.Description),
		"Keywords": d.Keywords, "Producer": d.Producer, "Creator": d.CreatorTool,
	} {
		if want := info1(key); got != want || want == "" {
			t.Errorf("XMP has %q for /%s %q", got, key, want)
		}
	}
	if info1("Title") != info.Meta.Title {
		t.Errorf("/Title %q, want %q", info1("Title"), info.Meta.Title)
	}
	for key, xmpDate := range map[string]string{"CreationDate": d.CreateDate, "ModDate": d.ModifyDate} {
		pdfDate, err := time.Parse("D:20060102150405-07'00'", info1(key))
		xd, xerr := time.Parse(time.RFC3339, xmpDate)
		if err != nil || xerr != nil || !pdfDate.Equal(xd) || !xd.Equal(info.Created) {
			t.Errorf("/%s %q and XMP %q, want both %v (%v, %v)", key, info1(key), xmpDate, info.Created, err, xerr)
		}
	}

	intent := regexp.MustCompile(`/OutputIntents \[<</Type /OutputIntent /S /GTS_PDFA1 [^\]]*/DestOutputProfile (\d+) 0 R>>\]`).FindSubmatch(doc)
	if intent == nil {
		t.Fatal("no PDF/A output intent in the catalog")
	}
	profile := regexp.MustCompile(`(?s)\n` + string(intent[1]) + ` 0 obj\n<</N 3 /Filter /FlateDecode /Length \d+>>\nstream\n(.*?)\nendstream`).FindSubmatch(doc)
	if profile == nil {
		t.Fatal("the output intent's profile is not a stream of 3 components")
	}
	zr, err := zlib.NewReader(bytes.NewReader(profile[1]))
	if err != nil {
		t.Fatal(err)
	}
	icc, err := io.ReadAll(zr)
	if err != nil || len(icc) < 128 || int(icc[0])<<24|int(icc[1])<<16|int(icc[2])<<8|int(icc[3]) != len(icc) {
		t.Fatalf("the profile is %d bytes, not as long as it says (%v)", len(icc), err)
	}
	if string(icc[12:16]) != "mntr" || string(icc[16:20]) != "RGB " || string(icc[36:40]) != "acsp" || icc[8] != 2 {
		t.Errorf("profile class %q, space %q, signature %q, version %d: want an ICC v2 RGB display profile", icc[12:16], icc[16:20], icc[36:40], icc[8])
	}
	if !regexp.MustCompile(`/Type /Catalog [^\n]*/Metadata \d+ 0 R /OutputIntents`).Match(doc) {
		t.Error("the catalog does not name the metadata")
	}
	if !regexp.MustCompile(`/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]`).Match(doc) {
		t.Error("the trailer has no file identifier")
	}

	plain := write(t, samplePages(), sampleInfo)
	for _, s := range []string{"/Metadata", "/OutputIntents", "pdfaid"} {
		if bytes.Contains(plain, []byte(s)) {
			t.Errorf("a file not asked to be PDF/A has %s", s)
		}
	}
}
