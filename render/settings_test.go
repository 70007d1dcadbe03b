package render_test

import (
	"testing"

	"baocao/render"
	"baocao/render/layout"
	"baocao/render/report"
)

// TestSettingsProfile: the YAML's format picks the size profile of
// nd30.md §2 — the decree's examples by default — and the margins.
func TestSettingsProfile(t *testing.T) {
	for _, c := range []struct {
		format report.Format
		want   layout.Settings
	}{
		{report.Format{}, layout.DefaultSettings()},
		{report.Format{Profile: "decree"}, layout.Settings{Margins: layout.DefaultSettings().Margins, Sizes: layout.DecreeSizes()}},
		{report.Format{Profile: "model", MarginTop: 25, MarginLeft: 35},
			layout.Settings{Margins: layout.Margins{Top: 25, Bottom: 20, Left: 35, Right: 15}, Sizes: layout.ModelSizes()}},
	} {
		if got := render.Settings(&report.Report{Format: c.format}); got != c.want {
			t.Errorf("%+v: got %+v, want %+v", c.format, got, c.want)
		}
	}
	if m, d := layout.ModelSizes(), layout.DecreeSizes(); m.QuocHieu != 13 || m.TieuNgu != 14 || m.Agency != 13 || m.Date != 14 || m.Signature != 14 ||
		d.QuocHieu != 12 || d.TieuNgu != 13 || d.Agency != 12 || d.Date != 13 || d.Signature != 14 {
		t.Errorf("profiles: model %+v, decree %+v", m, d)
	}
}
