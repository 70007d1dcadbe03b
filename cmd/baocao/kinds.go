package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"baocao/render"
	"baocao/render/document"
)

// kindFlags are the flags that choose which documents are written and from
// which templates.
type kindFlags struct {
	kinds     *string
	templates *string
}

// addKindFlags adds --kind and --templates to fs.
func addKindFlags(fs *flag.FlagSet) kindFlags {
	return kindFlags{
		kinds: fs.String("kind", "", "chỉ tạo các văn bản này, cách nhau bằng dấu phẩy: "+strings.Join(slugs(), ", ")+
			" (mặc định: mọi văn bản tệp có dữ liệu)"),
		templates: fs.String("templates", "", "thư mục chứa mẫu văn bản <loại>.md.tmpl thay cho mẫu có sẵn (ví dụ thong-bao.md.tmpl)"),
	}
}

// slugs are the values --kind accepts.
func slugs() []string { return append(documentSlugs(), render.WorkbookSlug) }

// apply sets the kinds and the outputs the flags choose in opt. When they
// cannot be used it prints why and returns the exit status.
func (f kindFlags) apply(opt *render.Options, stderr io.Writer) (status int, ok bool) {
	if *f.kinds != "" {
		known := slugs()
		for _, s := range strings.Split(*f.kinds, ",") {
			s = strings.TrimSpace(s)
			if !slices.Contains(known, s) {
				fmt.Fprintf(stderr, "baocao: --kind: không có loại văn bản %q — hãy dùng một trong: %s\n", s, strings.Join(known, ", "))
				return exitUsage, false
			}
			opt.Only = append(opt.Only, s)
		}
	}
	if *f.templates != "" {
		kinds, err := document.WithTemplates(document.Kinds(), *f.templates)
		if err != nil {
			fmt.Fprintf(stderr, "baocao: --templates: %v\n", err)
			return exitInvalid, false
		}
		opt.Kinds = kinds
	}
	return exitOK, true
}

// flagStatus is the exit status after a FlagSet failed to parse: -h asked
// for help, anything else is misuse.
func flagStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}
