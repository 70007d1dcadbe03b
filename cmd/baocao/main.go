// Command baocao turns a conference described in YAML into the documents a
// Vietnamese agency's secretariat issues: PDFs in the format of Nghị định
// 30/2020/NĐ-CP and the statistics workbook.
//
//	baocao new KIND [FILE]
//	baocao render [-o DIR] [--kind SLUG,…] [--templates DIR] FILE...
//	baocao validate [--kind SLUG,…] [--templates DIR] FILE...
//	baocao serve [--addr HOST:PORT] [--token T] [--api] [DIR]
//	baocao sign --p12 FILE [--password-file FILE|--password-env VAR] [--field NAME] FILE.pdf...
//	baocao schema
//	baocao version
//
// Exit status: 0 success, 1 invalid input or a failed write, 2 misuse.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	"baocao/render"
	"baocao/render/load"
	"baocao/render/oserr"
)

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

func main() {
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	if len(os.Args) == 1 && code != exitOK {
		waitToClose(os.Stdin, os.Stderr)
	}
	os.Exit(code)
}

// doubleClickDir is the folder the app opens on when the program is run
// with no arguments: the current folder, as Windows sets it to the
// program's own on a double-click — but on a Mac, whose Finder starts a
// program in the home folder, the folder the program was unzipped into,
// with its examples (nil: the current folder).
func doubleClickDir() []string {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	return pickDoubleClickDir(exe)
}

// pickDoubleClickDir is doubleClickDir for the program at exe.
func pickDoubleClickDir(exe string) []string {
	home, herr := os.UserHomeDir()
	cwd, cerr := os.Getwd()
	if herr != nil || cerr != nil || filepath.Clean(cwd) != filepath.Clean(home) {
		return nil
	}
	// A program built by go run lies in the temporary folder.
	dir := filepath.Dir(exe)
	if rel, err := filepath.Rel(os.TempDir(), dir); err == nil && filepath.IsLocal(rel) {
		return nil
	}
	return []string{dir}
}

// waitToClose keeps the window of a double-clicked program open until the
// clerk presses Enter, so that they can read why the app did not start:
// Windows closes a console window when its program ends. From a terminal
// it costs one key; with no input (a pipe, /dev/null) it ends at once.
func waitToClose(in io.Reader, out io.Writer) {
	fmt.Fprintln(out, "Nhấn Enter để đóng cửa sổ này.")
	bufio.NewReader(in).ReadString('\n')
}

const usage = `baocao — từ một tệp YAML về hội nghị đến văn bản theo Nghị định 30/2020/NĐ-CP.

Cách dùng:
  baocao new LOẠI [TỆP.yaml]                tạo tệp mẫu có chú thích cho một loại văn bản
  baocao render [-o THƯ_MỤC] TỆP.yaml...   tạo PDF và phụ lục Excel
  baocao validate TỆP.yaml...               chỉ kiểm tra, báo mọi lỗi
  baocao serve [THƯ_MỤC]                    mở ứng dụng soạn văn bản trong trình duyệt (cũng là
                                            việc chạy baocao không kèm lệnh, ví dụ nhấp đúp)
  baocao sign --p12 TỆP.p12 TỆP.pdf...      ký số tệp PDF (PAdES)
  baocao schema                             in JSON Schema của định dạng tệp
  baocao version                            phiên bản
  baocao LỆNH -h                            trợ giúp của từng lệnh
`

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		// Started by a double-click: the app (see doubleClickDir).
		return cmdServe(doubleClickDir(), stdout, stderr)
	}
	switch args[0] {
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	case "render":
		return cmdRender(args[1:], stdout, stderr)
	case "validate":
		return cmdValidate(args[1:], stdout, stderr)
	case "sign":
		return cmdSign(args[1:], os.Stdin, stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "schema":
		return cmdSchema(args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "baocao", version())
		return exitOK
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "baocao: không có lệnh %q — hãy dùng một trong các lệnh dưới đây\n\n%s", args[0], usage)
	return exitUsage
}

// parse parses flags that may stand before, between or after the file
// arguments ("render examples/x.yaml -o out"), as users type them. When
// there is nothing to do (-h, a bad flag, no files) ok is false and status
// is the exit status.
func parse(fs *flag.FlagSet, args []string) (files []string, status int, ok bool) {
	if files, status, ok = parseOptional(fs, args); ok && len(files) == 0 {
		fs.Usage()
		return nil, exitUsage, false
	}
	return files, status, ok
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

func cmdRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", "Cách dùng: baocao render [-o THƯ_MỤC] [--font THƯ_MỤC] [--pdfa] [--fix-legacy] [--kind LOẠI,…] [--templates THƯ_MỤC] [--sign-fields | --sign --p12 TỆP.p12 …] TỆP.yaml...\n\nTạo cho mỗi tệp các văn bản tệp có dữ liệu: <tên>-bao-cao.pdf, <tên>-thong-bao.pdf, <tên>-bien-ban.pdf, <tên>-ban-tin.pdf và <tên>-phu-luc.xlsx.\n", stderr)
	dir := fs.String("o", ".", "thư mục ghi kết quả (tạo nếu chưa có)")
	jobs := jobsFlag(fs)
	pdfa := fs.Bool("pdfa", false, "tạo PDF theo chuẩn lưu trữ PDF/A-2b (ISO 19005-2) để nộp lưu trữ điện tử")
	in := addInputFlags(fs)
	signing := addRenderSigning(fs)
	files, opt, status, ok := in.setup(fs, args, stderr)
	if !ok {
		return status
	}
	if !signing.setup(&opt, os.Stdin, stderr) {
		return exitInvalid
	}
	opt.PDFA = *pdfa
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "baocao: không tạo được thư mục %s (%s) — hãy chọn thư mục khác bằng -o\n", *dir, oserr.Reason(err))
		return exitInvalid
	}
	ctx, stop := notifyInterrupt()
	defer stop()
	out := render.OpenDir(*dir)
	return batch(ctx, files, *jobs, stdout, stderr, func(file string, stdout, stderr io.Writer) (func() error, error) {
		// Where each PDF is to be signed; Generate keeps only the bytes.
		var sigs []*render.Signature
		outs, err := interruptible(ctx, stderr, func(stderr io.Writer) ([]render.Output, error) {
			outs, err := prepare(ctx, file, loadOptions(*in.fix, stderr), opt, stderr)
			if err != nil {
				return nil, err
			}
			sigs = make([]*render.Signature, len(outs))
			for i, o := range outs {
				sigs[i] = o.Signature
			}
			return render.Generate(outs), nil
		})
		if errors.Is(err, render.ErrInterrupted) {
			err = fmt.Errorf("đã dừng vì bị ngắt khi đang tạo văn bản — chưa ghi tệp nào, các tệp đã có trong %s vẫn giữ nguyên", *dir)
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
		}
		if err != nil {
			return nil, err
		}
		if outs, err = signing.apply(ctx, outs, sigs); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
			fmt.Fprintf(stderr, "baocao: %s chưa ghi tệp nào\n", file)
			return nil, err
		}
		return func() error {
			if err := out.WriteAll(ctx, outs); err != nil {
				// One line for each file that stopped it.
				for line := range strings.SplitSeq(err.Error(), "\n") {
					fmt.Fprintf(stderr, "%s: %s\n", file, line)
				}
				return err
			}
			for _, o := range outs {
				fmt.Fprintln(stdout, filepath.Join(*dir, o.Name))
			}
			return nil
		}, nil
	})
}

func cmdValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "Cách dùng: baocao validate [--font THƯ_MỤC] [--fix-legacy] [--kind LOẠI,…] [--templates THƯ_MỤC] TỆP.yaml...\n\nKiểm tra tệp và báo mọi lỗi, không ghi tệp nào.\n", stderr)
	in := addInputFlags(fs)
	files, opt, status, ok := in.setup(fs, args, stderr)
	if !ok {
		return status
	}
	opt.Check = true
	ctx, stop := notifyInterrupt()
	defer stop()
	return each(files, func(file string) bool {
		if ctx.Err() != nil {
			return false // interrupted: the files after it are not checked
		}
		_, err := interruptible(ctx, stderr, func(stderr io.Writer) ([]render.Output, error) {
			return prepare(ctx, file, loadOptions(*in.fix, stderr), opt, stderr)
		})
		if errors.Is(err, render.ErrInterrupted) {
			fmt.Fprintf(stderr, "%s: đã dừng vì bị ngắt — tệp chưa được kiểm tra xong, hãy chạy lại baocao validate\n", file)
		}
		if err != nil {
			return false
		}
		fmt.Fprintf(stdout, "%s: hợp lệ\n", file)
		return true
	})
}

// notifyInterrupt returns a context cancelled by the first SIGINT or
// SIGTERM, which stops the command within a second: the work under way is
// left to the process's exit, a write removes its temporary files. A
// second signal ends the process at once, by the default action.
func notifyInterrupt() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop)
	return ctx, stop
}

// interruptible runs work on a goroutine of its own, printing into a
// buffer of its own, and returns what it made, with its printout copied
// to stderr; or, as soon as ctx is done, render.ErrInterrupted, leaving
// work to end in the background. Loading, layout and making a PDF do not
// watch ctx; the command exits soon after, and nothing they made is
// written.
func interruptible[T any](ctx context.Context, stderr io.Writer, work func(stderr io.Writer) (T, error)) (T, error) {
	type result struct {
		v       T
		err     error
		printed bytes.Buffer
	}
	done := make(chan *result, 1)
	go func() {
		r := &result{}
		r.v, r.err = work(&r.printed)
		done <- r
	}()
	select {
	case r := <-done:
		if ctx.Err() == nil {
			stderr.Write(r.printed.Bytes())
			return r.v, r.err
		}
	case <-ctx.Done():
	}
	var zero T
	return zero, render.ErrInterrupted
}

// inputFlags are the flags render and validate share: how to read the
// files and which documents to make of them.
type inputFlags struct {
	font  *string
	kinds kindFlags
	fix   *bool
}

func addInputFlags(fs *flag.FlagSet) inputFlags {
	return inputFlags{font: fontFlag(fs), kinds: addKindFlags(fs), fix: fixLegacyFlag(fs)}
}

// setup parses args and prepares the render options. When there is
// nothing to do (-h, a bad flag, no files, a bad --font or --kind) ok is
// false and status is the exit status.
func (in inputFlags) setup(fs *flag.FlagSet, args []string, stderr io.Writer) (files []string, opt render.Options, status int, ok bool) {
	if files, status, ok = parse(fs, args); !ok {
		return nil, opt, status, false
	}
	if opt, ok = options(*in.font, stderr); !ok {
		return nil, opt, exitInvalid, false
	}
	if status, ok = in.kinds.apply(&opt, stderr); !ok {
		return nil, opt, status, false
	}
	return files, opt, exitOK, true
}

// fontFlag adds the --font flag to fs.
func fontFlag(fs *flag.FlagSet) *string {
	return fs.String("font", "", "thư mục chứa 4 tệp .ttf của một họ phông chữ (thường, đậm, nghiêng, đậm nghiêng), dùng thay phông trong tệp YAML")
}

// options returns the render options, with the family of the --font
// directory, loaded once for all files; a problem with it is printed.
func options(fontDir string, stderr io.Writer) (render.Options, bool) {
	opt := render.Options{Version: version()}
	if fontDir == "" {
		return opt, true
	}
	fam, err := render.FontDir(fontDir)
	if err != nil {
		fmt.Fprintf(stderr, "baocao: --font: %v\n", err)
		return opt, false
	}
	opt.Family = fam
	return opt, true
}

// prepare loads a file and builds its outputs, printing every problem.
func prepare(ctx context.Context, file string, lopt load.Options, opt render.Options, stderr io.Writer) ([]render.Output, error) {
	r, err := lopt.File(file)
	if err == nil {
		base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		var outs []render.Output
		if outs, err = render.OutputsContext(ctx, r, base, opt); err == nil {
			return outs, nil
		}
	}
	fmt.Fprintln(stderr, err)
	var list interface{ Unwrap() []error }
	n := 1
	if errors.As(err, &list) {
		n = len(list.Unwrap())
	}
	fmt.Fprintf(stderr, "baocao: %s có %d lỗi, chưa ghi tệp nào\n", file, n)
	return nil, err
}

// stamp is the version a release build writes into the binary with
// -ldflags "-X main.stamp=v1.2.0" (cmd/release); set at link time only.
var stamp string

// version is the stamped version of a release build, else the module
// version when installed from a tagged source, else the VCS revision it
// was built from.
func version() string {
	if stamp != "" {
		return stamp
	}
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
