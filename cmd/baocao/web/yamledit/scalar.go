package yamledit

import (
	"fmt"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// normalize is the text as it is written: line breaks as "\n", a text of
// spaces only as empty, and ending in at most one line break, since the
// empty lines after a block of text are not part of it.
func normalize(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if strings.TrimSpace(text) == "" {
		return ""
	}
	if strings.HasSuffix(text, "\n") {
		text = strings.TrimRight(text, "\n") + "\n"
	}
	return text
}

// multiline reports whether text is written as a block of lines.
func multiline(text string) bool { return strings.Contains(text, "\n") }

// plain reports whether text can be written as it is, without quotes, and
// read back as the same text — as text, unless typed: a number or a date
// is written as the clerk typed it, for the loader to read.
func plain(text string, typed, flow bool) bool {
	if text == "" || strings.TrimSpace(text) != text || strings.ContainsAny(text, "\n\t") {
		return false
	}
	if !printable(text) {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(text[0])) &&
		(strings.IndexByte("-?:", text[0]) < 0 || len(text) == 1 || text[1] == ' ') {
		return false
	}
	if strings.Contains(text, ": ") || strings.Contains(text, " #") || strings.HasSuffix(text, ":") ||
		flow && strings.ContainsAny(text, ",[]{}") {
		return false
	}
	// YAML is the judge of the rest.
	probe := "k: " + text
	if flow {
		probe = "[" + text + "]"
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte(probe), &n) != nil || len(n.Content) != 1 || len(n.Content[0].Content) == 0 {
		return false
	}
	sc := n.Content[0].Content[len(n.Content[0].Content)-1]
	if sc.Kind != yaml.ScalarNode || sc.Style != 0 || sc.Value != text {
		return false
	}
	if typed {
		return sc.Tag != "!!null"
	}
	return sc.Tag == "!!str"
}

// quoted writes text in double quotes, with YAML's escapes.
func quoted(text string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range text {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, `\x%02X`, r)
		case !unicode.IsPrint(r) && r != ' ':
			if r > 0xFFFF {
				fmt.Fprintf(&b, `\U%08X`, r)
			} else {
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// printable reports whether text needs no escapes: single quotes, and
// plain text, have none.
func printable(text string) bool {
	for _, r := range text {
		if !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	return true
}

// literal writes text of several lines as a literal block (|), its lines
// at indent ci, in a collection at indent parent; the header comes first,
// on the line of the key.
func literal(text string, ci, parent int) (header, body string) {
	header = "|"
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for _, l := range lines {
		if l == "" {
			continue
		}
		// The indentation of a block whose first line starts with a space
		// cannot be told from the text: it is given.
		if l[0] == ' ' {
			header += fmt.Sprint(ci - parent)
		}
		break
	}
	if !strings.HasSuffix(text, "\n") {
		header += "-"
	}
	pad := strings.Repeat(" ", ci)
	var b strings.Builder
	for _, l := range lines {
		b.WriteByte('\n')
		if l != "" {
			b.WriteString(pad + l)
		}
	}
	return header, b.String()
}

// blockScalar writes v as the value of a key, or an item, of a block
// collection at indent; a text of several lines becomes a literal block
// indented two more.
func blockScalar(v *val, indent int) string {
	if multiline(v.text) {
		h, b := literal(v.text, indent+2, indent)
		return h + b
	}
	if plain(v.text, v.typed, false) {
		return v.text
	}
	return quoted(v.text)
}

// flowScalar writes v inside a flow collection, on one line. An empty
// item of a list is written "", there being no empty item in flow style.
func flowScalar(v *val, item bool) string {
	switch {
	case v.text == "" && item:
		return `""`
	case v.text == "":
		return ""
	case plain(v.text, v.typed, true):
		return v.text
	}
	return quoted(v.text)
}

// key writes a mapping's key.
func key(k string) string {
	if plain(k, false, false) {
		return k
	}
	return quoted(k)
}

// block is the text after "key:", or after "-" when item is set, that
// writes v, the key or dash at indent. An item's first entry stays on the
// dash's line.
func block(v *val, indent int, item bool) string {
	var entries []string
	switch v.kind {
	case yaml.MappingNode:
		if len(v.keys) == 0 {
			return " {}"
		}
		for i, k := range v.keys {
			entries = append(entries, key(k)+":"+block(v.items[i], indent+2, false))
		}
	case yaml.SequenceNode:
		if len(v.items) == 0 {
			return " []"
		}
		for _, it := range v.items {
			entries = append(entries, "-"+block(it, indent+2, true))
		}
	default:
		if v.text == "" {
			return ""
		}
		return " " + blockScalar(v, indent)
	}
	pad := "\n" + strings.Repeat(" ", indent+2)
	if item {
		return " " + strings.Join(entries, pad)
	}
	return pad + strings.Join(entries, pad)
}

// flowValue writes v in flow style, on one line; item says it is an item
// of a list.
func flowValue(v *val, item bool) string {
	var parts []string
	switch v.kind {
	case yaml.MappingNode:
		for i, k := range v.keys {
			s := key(k) + ":"
			if t := flowValue(v.items[i], false); t != "" {
				s += " " + t
			}
			parts = append(parts, s)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case yaml.SequenceNode:
		for _, it := range v.items {
			parts = append(parts, flowValue(it, true))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return flowScalar(v, item)
}
