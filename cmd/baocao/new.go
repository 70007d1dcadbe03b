package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"baocao/render/document"
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
	var kinds []string
	for _, k := range document.Kinds() {
		kinds = append(kinds, k.Slug)
	}
	flags := newFlags("new", "Cách dùng: baocao new LOẠI [TỆP.yaml]\n\nTạo tệp mẫu có chú thích cho một loại văn bản ("+strings.Join(kinds, ", ")+
		"), cùng tệp "+schemaFile+" để trình soạn thảo gợi ý khóa. Không ghi đè tệp đã có. Mặc định TỆP là hoi-nghi.yaml.\n", stderr)
	if err := flags.Parse(args); err != nil {
		return flagStatus(err)
	}
	if flags.NArg() < 1 || flags.NArg() > 2 {
		flags.Usage()
		return exitUsage
	}
	slug := flags.Arg(0)
	kind, err := starters.ReadFile("starters/" + slug + ".yaml")
	if _, ok := document.KindBySlug(document.Kinds(), slug); !ok || err != nil {
		fmt.Fprintf(stderr, "baocao new: không có loại văn bản %q — hãy dùng một trong: %s\n", slug, strings.Join(kinds, ", "))
		return exitUsage
	}
	common, err := starters.ReadFile("starters/common.yaml")
	if err != nil {
		fmt.Fprintf(stderr, "baocao new: %v\n", err)
		return exitInvalid
	}
	file := "hoi-nghi.yaml"
	if flags.NArg() == 2 {
		file = flags.Arg(1)
	}
	text := "# yaml-language-server: $schema=" + schemaFile + "\n" + string(common) + string(kind)
	if err := writeNew(file, []byte(text)); err != nil {
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
		fmt.Fprintf(stderr, "baocao new: không ghi được %s (%v) — có thể tạo bằng: baocao schema > %s\n", schemaFile, err, schemaFile)
	}
	fmt.Fprintf(stderr, "Đã tạo %s — hãy sửa tệp, rồi chạy: baocao render %s\n", file, file)
	return exitOK
}

// writeNew writes data to a new file at path, all or nothing: into a
// temporary file first, then linked to its name, which fails rather than
// replace a file that exists by then. The error wraps fs.ErrExist when the
// file exists.
func writeNew(path string, data []byte) (err error) {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("tệp %s đã có, không ghi đè — hãy chọn tên khác hoặc xóa tệp cũ: %w", path, fs.ErrExist)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("không tạo được tệp trong thư mục %s — kiểm tra thư mục tồn tại và được phép ghi (%w)", filepath.Dir(path), err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Link(f.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("tệp %s đã có, không ghi đè — hãy chọn tên khác hoặc xóa tệp cũ: %w", path, fs.ErrExist)
		}
		return err
	}
	return nil
}
