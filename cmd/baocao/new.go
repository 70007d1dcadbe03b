package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"baocao/cmd/baocao/web"
	"baocao/render/document"
	"baocao/render/oserr"
	"baocao/render/schema"
)

// starters holds the commented starter files: common.yaml, the agency and
// the conference every kind needs, and one "<slug>.yaml" per kind.
//
//go:embed starters/*.yaml
var starters embed.FS

// schemaFile is the schema's file name beside a starter, which the
// starter's first line names.
const schemaFile = "baocao.schema.json"

// cmdNew writes a commented starter file for one kind of document, and the
// schema beside it when there is none, never replacing an existing file.
func cmdNew(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new", "Cách dùng: baocao new LOẠI [TỆP.yaml]\n\nTạo tệp mẫu có chú thích cho một loại văn bản ("+strings.Join(documentSlugs(), ", ")+
		"), cùng tệp "+schemaFile+" để trình soạn thảo gợi ý khóa. Không ghi đè tệp đã có. Mặc định TỆP là hoi-nghi.yaml.\n", stderr)
	if err := flags.Parse(args); err != nil {
		return flagStatus(err)
	}
	if flags.NArg() < 1 || flags.NArg() > 2 {
		flags.Usage()
		return exitUsage
	}
	slug := flags.Arg(0)
	text, err := starter(slug)
	if err != nil {
		fmt.Fprintf(stderr, "baocao new: %v\n", err)
		return exitUsage
	}
	file := "hoi-nghi.yaml"
	if flags.NArg() == 2 {
		file = flags.Arg(1)
	}
	if err := writeNew(file, text); err != nil {
		fmt.Fprintf(stderr, "baocao new: %v\n", err)
		return exitInvalid
	}
	fmt.Fprintln(stdout, file)
	sch, err := schema.JSON()
	if err == nil {
		err = writeNew(filepath.Join(filepath.Dir(file), schemaFile), sch)
	}
	switch {
	case err == nil:
		fmt.Fprintln(stdout, filepath.Join(filepath.Dir(file), schemaFile))
	case !errors.Is(err, fs.ErrExist):
		// The starter is written; only the editor's help is missing.
		fmt.Fprintf(stderr, "baocao new: không ghi được %s (%s) — có thể tạo bằng: baocao schema > %s\n", schemaFile, oserr.Reason(err), schemaFile)
	}
	fmt.Fprintf(stderr, "Đã tạo %s — hãy sửa tệp, rồi chạy: baocao render %s\n", file, file)
	return exitOK
}

// documentSlugs are the slugs of the document kinds, which have starters.
func documentSlugs() []string {
	var out []string
	for _, k := range document.Kinds() {
		out = append(out, k.Slug)
	}
	return out
}

// starter is the starter file of the kind slug: the line naming the
// schema for editors, common.yaml, then the kind's own sections.
func starter(slug string) ([]byte, error) {
	kind, err := starters.ReadFile("starters/" + slug + ".yaml")
	if _, ok := document.KindBySlug(document.Kinds(), slug); !ok || err != nil {
		return nil, fmt.Errorf("không có loại văn bản %q — hãy dùng một trong: %s", slug, strings.Join(documentSlugs(), ", "))
	}
	common, err := starters.ReadFile("starters/common.yaml")
	if err != nil {
		return nil, err
	}
	return slices.Concat([]byte("# yaml-language-server: $schema="+schemaFile+"\n"), common, kind), nil
}

// writeNew writes data to a new file at path, all or nothing: into a
// temporary file first, then linked to its name, which fails rather than
// replace a file that exists by then. The error wraps fs.ErrExist when the
// file exists.
func writeNew(path string, data []byte) error {
	exists := fmt.Errorf("tệp %s đã có, không ghi đè — hãy chọn tên khác hoặc xóa tệp cũ: %w", path, fs.ErrExist)
	if _, err := os.Lstat(path); err == nil {
		return exists
	}
	root, err := os.OpenRoot(filepath.Dir(path))
	if err == nil {
		defer root.Close()
		err = web.WriteFile(root, filepath.Base(path), data, false)
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return exists
	case err != nil:
		return fmt.Errorf("không tạo được tệp trong thư mục %s (%s) — hãy kiểm tra thư mục tồn tại và được phép ghi", filepath.Dir(path), oserr.Reason(err))
	}
	return nil
}
