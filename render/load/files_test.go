package load

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"baocao/render/report"
)

// TestFiles loads a report whose signature image is read through
// Options.Files: inside the folder it is read, and no name reaches a file
// outside it, whatever the folder holds.
func TestFiles(t *testing.T) {
	png1 := encodePNG(t, 3, 2)
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "ky.png"), png1)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "ky.png"), png1)
	writeFile(t, filepath.Join(dir, "anh", "ky.png"), png1)
	if err := os.Symlink(filepath.Join(outside, "ky.png"), filepath.Join(dir, "ra-ngoai.png")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("anh/ky.png", filepath.Join(dir, "ben-trong.png")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "ong.png"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	mem := fstest.MapFS{"anh/ky.png": {Data: png1}}
	const outsideMsg = "một tệp YAML chỉ được dùng các tệp trong thư mục của nó"
	tests := []struct {
		name  string
		value string
		mem   bool   // read from mem instead of the folder
		want  string // part of the error; "" when the image is read
	}{
		{name: "beside the file", value: "ky.png"},
		{name: "in a folder", value: "anh/ky.png"},
		{name: "in a folder, with a dot", value: "./anh/../anh/ky.png"},
		{name: "link inside", value: "ben-trong.png"},
		{name: "in memory", value: "anh/ky.png", mem: true},
		{name: "parent", value: "../ky.png", want: outsideMsg},
		{name: "absolute", value: filepath.Join(outside, "ky.png"), want: outsideMsg},
		{name: "absolute in memory", value: "/anh/ky.png", mem: true, want: outsideMsg},
		{name: "link out", value: "ra-ngoai.png", want: "không đọc được tệp"},
		{name: "fifo", value: "ong.png", want: "không phải một tệp thông thường"},
		{name: "missing in memory", value: "ky.png", mem: true, want: "không tìm thấy tệp ky.png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := edit(t, readFixture(t), "    name: Trần Văn Hùng\n", "    name: Trần Văn Hùng\n    signature_image: "+tt.value+"\n")
			o := Options{Files: root.FS()}
			if tt.mem {
				o.Files = mem
			}
			r, err := o.Bytes("bao-cao.yaml", []byte(src))
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := r.BaoCao.Signer.Signature; got.Path != tt.value || !bytes.Equal(got.Data, png1) {
					t.Errorf("got %q with %d bytes, want %q with %d", got.Path, len(got.Data), tt.value, len(png1))
				}
				return
			}
			var es report.Errors
			if !errors.As(err, &es) || len(es) != 1 {
				t.Fatalf("want one error, got %v", err)
			}
			if !strings.Contains(es[0].Msg, tt.want) || es[0].Pos.Line == 0 {
				t.Errorf("error %v, want one at its line saying %q", es[0], tt.want)
			}
		})
	}
}
