package pdf

import (
	_ "embed"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// PDF/A-2b asks of a file, beyond what every file written here has (all
// fonts embedded, with widths matching their programs and a map to
// Unicode; a file identifier; no encryption, no JavaScript; transparency
// only as images' soft masks, which PDF/A-2 allows), two things: the
// colour the device colours mean, given by an output intent with an ICC
// profile, and XMP metadata saying the same as the document information
// dictionary, with the part and level of PDF/A the file claims.

// srgb is the International Color Consortium's sRGB profile (ICC v2,
// 2014), which the consortium lets anyone copy and embed without
// restriction (icc/LICENSE.color.org): the colour space of the pictures
// and of the black of text and rules.
//
//go:embed icc/sRGB2014.icc
var srgb []byte

// archival writes the metadata stream and the output intent's profile and
// returns b with the catalog's entries that name them.
func (pw *Writer) archival(b []byte) []byte {
	meta := pw.begin()
	xmp := xmpPacket(pw.info)
	// Not compressed, so that a program that does not read PDF may still
	// find it (ISO 16684-1).
	fmt.Fprintf(&pw.out, "<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n", len(xmp))
	pw.out.Write(xmp)
	pw.out.WriteString("\nendstream")
	pw.end()
	profile := pw.begin()
	pw.out.Write(stream("/N 3", srgb))
	pw.end()
	return fmt.Appendf(b, " /Metadata %d 0 R /OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 "+
		"/OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) "+
		"/Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>]", meta, profile)
}

// xmpPacket returns the XMP metadata of a PDF/A-2b file described by in:
// each entry of the information dictionary (see infoDict) in the property
// PDF/A pairs it with.
func xmpPacket(in Info) []byte {
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" " +
		"xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n" +
		"<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n<dc:format>application/pdf</dc:format>\n")
	property := func(name, open, value, close string) {
		if value == "" {
			return
		}
		fmt.Fprintf(&b, "<%s>%s", name, open)
		xml.EscapeText(&b, []byte(value)) // a strings.Builder does not fail
		fmt.Fprintf(&b, "%s</%s>\n", close, name)
	}
	const alt, altEnd = `<rdf:Alt><rdf:li xml:lang="x-default">`, "</rdf:li></rdf:Alt>"
	property("dc:title", alt, in.Meta.Title, altEnd)
	property("dc:creator", "<rdf:Seq><rdf:li>", in.Meta.Author, "</rdf:li></rdf:Seq>")
	property("dc:description", alt, in.Meta.Subject, altEnd)
	property("dc:language", "<rdf:Bag><rdf:li>", in.Language, "</rdf:li></rdf:Bag>")
	property("pdf:Keywords", "", in.Meta.Keywords, "")
	property("pdf:Producer", "", in.Creator, "")
	property("xmp:CreatorTool", "", in.Creator, "")
	date := in.Created.Format(time.RFC3339)
	property("xmp:CreateDate", "", date, "")
	property("xmp:ModifyDate", "", date, "")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}
