package render_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"baocao/render"
	"baocao/render/load"
	"baocao/render/report"
)

// FuzzRender loads each input, converting legacy text, and renders every
// output of a report that loads: whatever the input, Outputs either fails
// with positioned errors or returns outputs that all write.
func FuzzRender(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"../examples/*.yaml", "../testdata/bad/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, m...)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	// Named as if in examples/, so that its images are found.
	name := filepath.Join("..", "examples", "fuzz.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := load.Options{FixLegacy: true}.Bytes(name, data)
		if err != nil {
			return
		}
		outs, err := render.Outputs(r, "fuzz", render.Options{})
		if err != nil {
			var es report.Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("Outputs: %v is not report.Errors", err)
			}
			for _, e := range es {
				if e.Pos.File != name || e.Msg == "" {
					t.Fatalf("Outputs: error %#v does not name the file", e)
				}
			}
			return
		}
		for _, o := range outs {
			if err := o.Write(io.Discard); err != nil {
				t.Fatalf("%s: %v", o.Name, err)
			}
		}
	})
}
