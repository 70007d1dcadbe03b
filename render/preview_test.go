package render

import (
	"errors"
	"testing"

	"baocao/render/load"
	"baocao/render/report"
)

func TestPreview(t *testing.T) {
	r, err := load.File("../examples/cantho-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{"bao-cao", "thong-bao", "bien-ban", "ban-tin"} {
		pages, fam, err := Preview(r, slug, Options{})
		if err != nil || len(pages) == 0 || fam == nil {
			t.Errorf("%s: %d pages, family %v, error %v", slug, len(pages), fam, err)
		}
	}
	if pages, _, err := Preview(r, "phu-luc", Options{}); pages != nil || err != nil {
		t.Errorf("the workbook has no pages: got %d, error %v", len(pages), err)
	}
	// A problem in the thông báo leaves the báo cáo to preview, and is
	// reported as a render reports it.
	r.ThongBao.Body = `{{ value "khong-co" }}`
	pages, _, err := Preview(r, "bao-cao", Options{})
	var es report.Errors
	if len(pages) == 0 || !errors.As(err, &es) || es[0].Pos.Line == 0 {
		t.Errorf("with a wrong thông báo: %d pages of the báo cáo, error %v", len(pages), err)
	}
	if err.Error() != Validate(r, Options{}).Error() {
		t.Errorf("Preview says %v, Validate %v", err, Validate(r, Options{}))
	}
	if pages, _, _ := Preview(r, "thong-bao", Options{}); pages != nil {
		t.Errorf("the wrong thông báo gave %d pages", len(pages))
	}
}
