package main

import (
	"flag"
	"fmt"
	"io"

	"baocao/render/load"
)

// fixLegacyFlag adds --fix-legacy to fs.
func fixLegacyFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("fix-legacy", false, "chuyển chữ mã cũ (TCVN3/ABC, VNI, Windows-1258) sang Unicode khi đọc và báo từng chỗ đã chuyển; tệp YAML không bị sửa")
}

// loadOptions are the load options of the --fix-legacy flag: each
// conversion is told on stderr, since the file itself keeps the old text.
func loadOptions(fix bool, stderr io.Writer) load.Options {
	return load.Options{FixLegacy: fix, Converted: func(c load.Conversion) { fmt.Fprintln(stderr, c) }}
}
