// Package templates embeds the document kinds' templates: Go text/template
// files that produce the Markdown body of each kind from the report.
package templates

import "embed"

// FS holds one "<slug>.md.tmpl" per document kind.
//
//go:embed *.md.tmpl
var FS embed.FS
