package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNewStarters writes the starter of every kind and renders it: the
// file the README's first step gives must lead to that kind's PDF.
func TestNewStarters(t *testing.T) {
	for _, kind := range []string{"bao-cao", "thong-bao", "bien-ban", "ban-tin"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "hoi-nghi.yaml")
			code, out, errOut := runCmd("new", kind, file)
			if code != exitOK {
				t.Fatalf("new exited %d: %s", code, errOut)
			}
			if !strings.Contains(out, file) || !strings.Contains(errOut, "baocao render "+file) {
				t.Errorf("new did not name the file and the next step: %q %q", out, errOut)
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(src), "# yaml-language-server: $schema="+schemaFile+"\n") {
				t.Errorf("the starter does not name the schema on its first line")
			}
			committed, err := os.ReadFile("../../docs/baocao.schema.json")
			if err != nil {
				t.Fatal(err)
			}
			if written, err := os.ReadFile(filepath.Join(dir, schemaFile)); err != nil || !bytes.Equal(written, committed) {
				t.Errorf("the schema beside the starter is missing or differs from docs/baocao.schema.json (%v)", err)
			}
			code, _, errOut = runCmd("render", "-o", dir, "--kind", kind, file)
			if code != exitOK {
				t.Fatalf("render of the starter exited %d: %s", code, errOut)
			}
			if _, err := os.Stat(filepath.Join(dir, "hoi-nghi-"+kind+".pdf")); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestNewRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "hoi-nghi.yaml")
	if err := os.WriteFile(file, []byte("của tôi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd("new", "bien-ban", file)
	if code != exitInvalid || !strings.Contains(errOut, "không ghi đè") {
		t.Errorf("new over an existing file: exit %d, stderr %q", code, errOut)
	}
	if got, _ := os.ReadFile(file); string(got) != "của tôi\n" {
		t.Errorf("the existing file was changed to %q", got)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"hoi-nghi.yaml"}) {
		t.Errorf("directory holds %q: a refused new must write nothing", got)
	}
}

func TestKindAndSchemaUsage(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    int
		wantOut string
		wantErr string
	}{
		{"new unknown kind", []string{"new", "quyet-dinh"}, exitUsage, "", "bao-cao, thong-bao, bien-ban, ban-tin"},
		{"new without kind", []string{"new"}, exitUsage, "", "baocao new"},
		{"schema", []string{"schema"}, exitOK, `"$schema": "http://json-schema.org/draft-07/schema#"`, ""},
		{"schema with a file", []string{"schema", "x.json"}, exitUsage, "", "baocao schema"},
		{"unknown kind", []string{"validate", "--kind", "bien-ban,ke-hoach", example}, exitUsage, "", `"ke-hoach"`},
		{"kind without data", []string{"validate", "--kind", "thong-bao", "testdata/bao-cao-only.yaml"}, exitInvalid, "", "không có mục thong_bao"},
		{"missing templates directory", []string{"validate", "--templates", "khong-co", example}, exitInvalid, "", "--templates"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(tt.args...)
			if code != tt.want || !strings.Contains(out, tt.wantOut) || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("run(%q) = %d\nstdout %q (want %q)\nstderr %q (want %q)", tt.args, code, out, tt.wantOut, errOut, tt.wantErr)
			}
		})
	}
}

func TestSchemaCommandIsCommitted(t *testing.T) {
	_, out, _ := runCmd("schema")
	committed, err := os.ReadFile("../../docs/baocao.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(committed) {
		t.Error("baocao schema differs from docs/baocao.schema.json — regenerate: go run ./cmd/baocao schema > docs/baocao.schema.json")
	}
}

// TestKindPicks renders only the kinds --kind names, the workbook included
// when asked for by its slug.
func TestKindPicks(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := runCmd("render", example, "-o", dir, "--kind", "bien-ban,phu-luc")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got, want := dirNames(t, dir), []string{"cantho-2021-bien-ban.pdf", "cantho-2021-phu-luc.xlsx"}; !slices.Equal(got, want) {
		t.Errorf("wrote %q, want %q", got, want)
	}
}

// TestTemplatesOverrideOneKind replaces the thông báo's template from a
// directory: that PDF changes, every other PDF is byte for byte the one
// the embedded templates give.
func TestTemplatesOverrideOneKind(t *testing.T) {
	plain := renderExample(t)
	tmpl := t.TempDir()
	src := "{{ define \"frame\" }}mau-1.4{{ end }}Thông báo riêng của đơn vị, số liệu {{ value \"toi-pham\" }}.\n"
	if err := os.WriteFile(filepath.Join(tmpl, "thong-bao.md.tmpl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	code, _, errOut := runCmd("render", example, "-o", dir, "--templates", tmpl)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, name := range exampleOutputs {
		if !strings.HasSuffix(name, ".pdf") {
			continue // the workbook has no template, and its zip is not byte-stable
		}
		a, errA := os.ReadFile(filepath.Join(plain, name))
		b, errB := os.ReadFile(filepath.Join(dir, name))
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if same := bytes.Equal(a, b); same != (name != "cantho-2021-thong-bao.pdf") {
			t.Errorf("%s: equal to the embedded template's output = %v", name, same)
		}
	}
}

// TestTemplateErrorPosition names the overriding file, line and column of
// a mistake in a template.
func TestTemplateErrorPosition(t *testing.T) {
	tmpl := t.TempDir()
	src := "Dòng một.\n\nSố liệu {{ vallue \"toi-pham\" }}.\n"
	file := filepath.Join(tmpl, "bien-ban.md.tmpl")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd("validate", "--templates", tmpl, example)
	if code != exitInvalid || !strings.Contains(errOut, file+":3:") || !strings.Contains(errOut, `"vallue"`) {
		t.Errorf("exit %d, stderr %q: want the error at %s:3", code, errOut, file)
	}
}
