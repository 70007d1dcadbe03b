// Command baocao turns a conference described in YAML into the documents a
// Vietnamese agency's secretariat issues: PDFs in the format of Nghị định
// 30/2020/NĐ-CP and the statistics workbook.
//
//	baocao render [-o DIR] FILE...
//	baocao validate FILE...
//	baocao version
//
// Exit status: 0 success, 1 invalid input or a failed write, 2 misuse.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"baocao/render"
	"baocao/render/load"
)

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `baocao — từ một tệp YAML về hội nghị đến văn bản theo Nghị định 30/2020/NĐ-CP.

Cách dùng:
  baocao render [-o THƯ_MỤC] TỆP.yaml...   tạo PDF và phụ lục Excel
  baocao validate TỆP.yaml...               chỉ kiểm tra, báo mọi lỗi
  baocao version                            phiên bản
  baocao LỆNH -h                            trợ giúp của từng lệnh
`

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "render":
		return cmdRender(args[1:], stdout, stderr)
	case "validate":
		return cmdValidate(args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "baocao", version())
		return exitOK
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "baocao: không có lệnh %q (unknown command)\n\n%s", args[0], usage)
	return exitUsage
}

// parse parses flags that may stand before, between or after the file
// arguments ("render examples/x.yaml -o out"), as users type them. When
// there is nothing to do (-h, a bad flag, no files) ok is false and status
// is the exit status.
func parse(fs *flag.FlagSet, args []string) (files []string, status int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) == 0 {
		fs.Usage()
		return nil, exitUsage, false
	}
	return files, exitOK, true
}

// each runs fn on every file, going on after a failure, and returns
// exitInvalid if any failed.
func each(files []string, fn func(file string) bool) int {
	status := exitOK
	for _, f := range files {
		if !fn(f) {
			status = exitInvalid
		}
	}
	return status
}

func newFlags(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), help)
		fs.PrintDefaults()
	}
	return fs
}

func cmdRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", "Cách dùng: baocao render [-o THƯ_MỤC] TỆP.yaml...\n\nTạo <tên>-bao-cao.pdf và <tên>-phu-luc.xlsx cho mỗi tệp.\n", stderr)
	dir := fs.String("o", ".", "thư mục ghi kết quả (tạo nếu chưa có)")
	files, status, ok := parse(fs, args)
	if !ok {
		return status
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "baocao: không tạo được thư mục %s — %v\n", *dir, err)
		return exitInvalid
	}
	return each(files, func(file string) bool {
		outs, ok := prepare(file, stderr)
		if !ok {
			return false
		}
		if err := render.WriteAll(*dir, outs); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
			return false
		}
		for _, o := range outs {
			fmt.Fprintln(stdout, filepath.Join(*dir, o.Name))
		}
		return true
	})
}

func cmdValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "Cách dùng: baocao validate TỆP.yaml...\n\nKiểm tra tệp và báo mọi lỗi, không ghi tệp nào.\n", stderr)
	files, status, ok := parse(fs, args)
	if !ok {
		return status
	}
	return each(files, func(file string) bool {
		if _, ok := prepare(file, stderr); !ok {
			return false
		}
		fmt.Fprintf(stdout, "%s: hợp lệ (valid)\n", file)
		return true
	})
}

// prepare loads a file and builds its outputs, printing every problem.
func prepare(file string, stderr io.Writer) ([]render.Output, bool) {
	r, err := load.File(file)
	if err == nil {
		base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		var outs []render.Output
		if outs, err = render.Outputs(r, base, render.Options{Version: version()}); err == nil {
			return outs, true
		}
	}
	fmt.Fprintln(stderr, err)
	var list interface{ Unwrap() []error }
	n := 1
	if errors.As(err, &list) {
		n = len(list.Unwrap())
	}
	fmt.Fprintf(stderr, "baocao: %s có %d lỗi, chưa ghi tệp nào (%d error(s), nothing written)\n", file, n, n)
	return nil, false
}

// version is the module version when installed from a tagged source, else
// the VCS revision it was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev-" + s.Value[:12]
		}
	}
	return "dev"
}
