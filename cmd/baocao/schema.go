package main

import (
	"fmt"
	"io"

	"baocao/render/schema"
)

// cmdSchema prints the JSON Schema of the input format, which the
// examples name on their first line ("# yaml-language-server: $schema=…")
// so that editors complete and check keys as one types.
func cmdSchema(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("schema", "Cách dùng: baocao schema > baocao.schema.json\n\nIn JSON Schema (draft-07) của định dạng tệp, để trình soạn thảo gợi ý và kiểm tra khóa khi gõ.\n", stderr)
	if err := fs.Parse(args); err != nil {
		return flagStatus(err)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	data, err := schema.JSON()
	if err != nil {
		fmt.Fprintf(stderr, "baocao: %v\n", err)
		return exitInvalid
	}
	if _, err := stdout.Write(data); err != nil {
		fmt.Fprintf(stderr, "baocao: %v\n", err)
		return exitInvalid
	}
	return exitOK
}
