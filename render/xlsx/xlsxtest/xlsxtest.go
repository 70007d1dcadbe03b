// Package xlsxtest has LibreOffice read a workbook as a reader other than
// excelize would, for the tests of package xlsx and of the whole render.
// Its functions skip the test when soffice is not installed or the tests
// run with -short (LibreOffice takes a few seconds to start).
package xlsxtest

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// recalcAlways is a LibreOffice profile setting: recalculate the formulas
// of an Excel file on loading, instead of trusting the values it stores.
const recalcAlways = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// Convert has LibreOffice convert the workbook at path to format (a
// --convert-to argument) into a new directory, which it returns. With
// recalc, LibreOffice computes every formula itself; without, it shows
// the values the file stores, as a reader that does not calculate would.
func Convert(t testing.TB, path, format string, recalc bool) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) không có trên PATH — cài libreoffice-calc-nogui để chạy kiểm tra này")
	}
	if testing.Short() {
		t.Skip("bỏ qua LibreOffice trong chế độ -short")
	}
	dir := t.TempDir()
	// A private profile keeps a running LibreOffice from taking the
	// conversion, and carries the recalculation setting.
	profile := filepath.Join(dir, "profile")
	if recalc {
		if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcAlways), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+profile, "--headless",
		"--convert-to", format, "--outdir", out, path)
	// CSV shows numbers in the locale's form; fix it.
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "LANG=C.UTF-8")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	return out
}

// Sheets reads every sheet of the workbook at path as LibreOffice computes
// it (see Convert), by sheet name. Numbers are as stored, unformatted
// ("1227", "-32.2"); a text result is its text ("-").
func Sheets(t testing.TB, path string, recalc bool) map[string][][]string {
	t.Helper()
	// 44,34,76: comma, double quote, UTF-8; 1: start at row 1; token 9
	// false: values, not as formatted; token 12 -1: every sheet to its
	// own file, named <file>-<sheet>.csv.
	out := Convert(t, path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", recalc)
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	files, err := filepath.Glob(filepath.Join(out, "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	sheets := map[string][][]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		records, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		sheets[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), base+"-"), ".csv")] = records
	}
	return sheets
}
