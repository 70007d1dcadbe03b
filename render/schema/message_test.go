package schema

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// unreplaced are the keywords whose failures yaml-language-server reports
// in English whatever the schema says (its baseValidator.ts: no
// errorMessage is read for them), and anyOf, whose alternatives' type
// messages it merges into an English one. Only an "if" may hold them, as
// a condition whose failure is never shown.
var unreplaced = []string{"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
	"minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "minProperties", "maxProperties",
	"not", "oneOf", "anyOf", "dependencies", "propertyNames", "additionalItems", "format"}

// TestEditorMessages checks that every failure an editor using
// yaml-language-server can report from the schema has a Vietnamese
// message of the schema's own: errorMessage where a schema checks a type,
// an enum, the keys allowed, a required key (one a schema, so that the
// message names it) or "contains"; patternErrorMessage beside a pattern;
// and none of the keywords it reports only in English.
func TestEditorMessages(t *testing.T) {
	data, err := JSON()
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	checked := 0
	var walk func(s map[string]any, at string, inIf bool)
	walk = func(s map[string]any, at string, inIf bool) {
		msg, _ := s["errorMessage"].(string)
		needs := func(what, message string) {
			checked++
			if !vietnamese(message) {
				t.Errorf("%s: %s has no Vietnamese message (%q)", at, what, message)
			}
		}
		if !inIf {
			for _, k := range []string{"type", "enum", "contains"} {
				if _, ok := s[k]; ok {
					needs(k, msg)
				}
			}
			if s["additionalProperties"] == false {
				needs("additionalProperties", msg)
			}
			if req, ok := s["required"].([]any); ok {
				if len(req) != 1 || !strings.Contains(msg, fmt.Sprintf("%q", req[0])) {
					t.Errorf("%s: required %v with message %q; want one key a schema, named in its message", at, req, msg)
				}
				needs("required", msg)
			}
			if _, ok := s["pattern"]; ok {
				pm, _ := s["patternErrorMessage"].(string)
				needs("pattern", pm)
			}
			for _, k := range unreplaced {
				if _, ok := s[k]; ok {
					t.Errorf("%s: %s, which yaml-language-server reports only in English", at, k)
				}
			}
		}
		for k, v := range s {
			switch v := v.(type) {
			case map[string]any:
				if k == "properties" || k == "definitions" {
					for name, sub := range v {
						walk(sub.(map[string]any), at+"/"+k+"/"+name, inIf)
					}
				} else {
					walk(v, at+"/"+k, inIf || k == "if")
				}
			case []any:
				for i, sub := range v {
					if m, ok := sub.(map[string]any); ok {
						walk(m, fmt.Sprintf("%s/%s/%d", at, k, i), inIf)
					}
				}
			}
		}
	}
	walk(root, "#", false)
	if checked < 100 {
		t.Errorf("only %d checks found in the schema", checked)
	}
}

// vietnamese reports whether s is a message with a Vietnamese letter.
func vietnamese(s string) bool {
	return slices.ContainsFunc([]rune(s), func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) })
}
