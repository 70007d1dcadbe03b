package web

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"baocao/render/load"
	"baocao/render/report"
)

// The browser tests drive the app in Debian's chromium, headless, with
// chromedp. They skip, saying so, where chromium is missing; .ci/run
// installs it, so that in CI they run.

// chromium finds the browser.
func chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium không có trên máy này — bỏ qua các phép thử trong trình duyệt (cài bằng: apt-get install chromium)")
	return ""
}

const testToken = "phep-thu-0123456789"

// exampleDir copies the examples, with their pictures, into a new folder.
func exampleDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"cantho-2021.yaml", "vinhlong-gddt-2023.yaml", "images/cantho-2021-hoi-nghi.png", "images/gddt-2023-hoi-nghi.png"} {
		data, err := os.ReadFile(filepath.Join("../../../examples", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// testServer serves dir as the app does.
func testServer(t testing.TB, dir string) *httptest.Server {
	t.Helper()
	s, err := New(Config{Dir: dir, Token: testToken, Loopback: true, Version: "thử", Jobs: 2, Timeout: time.Minute, MaxRequest: 50 << 20,
		Starter: func(string) ([]byte, error) { return os.ReadFile("../../../examples/cantho-2021.yaml") }, SchemaFile: "baocao.schema.json"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() { ts.Close(); s.Close() })
	return ts
}

// startBrowser starts chromium, as CI runs it: headless, without a sandbox,
// GPU or network services, in a fresh profile.
func startBrowser(t testing.TB) context.Context {
	t.Helper()
	path := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1500, 1000),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("chromium không chạy được: %v", err)
	}
	return ctx
}

// do runs actions, failing the test on an error.
func do(t testing.TB, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// yamlView shows the YAML text and returns it, once the edits made in the
// form are in it.
func yamlView(t testing.TB, ctx context.Context) string {
	t.Helper()
	do(t, ctx, chromedp.Click(chromedp.CSS("#tab-yaml")))
	waitFor(t, ctx, `document.body.dataset.mode === 'yaml' && !document.querySelector('#yaml').readOnly`)
	return eval[string](t, ctx, `document.querySelector('#yaml').value`)
}

// waitFor waits until the JavaScript condition holds.
func waitFor(t testing.TB, ctx context.Context, cond string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("chờ %s: %v", cond, err)
	}
}

// screenshot saves the page as name.png in $BAOCAO_SCREENSHOTS, when set:
// the README's pictures.
func screenshot(t testing.TB, ctx context.Context, name string) {
	dir := os.Getenv("BAOCAO_SCREENSHOTS")
	if dir == "" {
		return
	}
	do(t, ctx, chromedp.Sleep(300*time.Millisecond))
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// openExample opens the app on the examples and the Cần Thơ file in it,
// and waits for its preview.
func openExample(t testing.TB) (context.Context, string) {
	ctx := startBrowser(t)
	dir := exampleDir(t)
	ts := testServer(t, dir)
	do(t, ctx, chromedp.Navigate(ts.URL+"/?t="+testToken), chromedp.WaitVisible(chromedp.CSS("#files .file")))
	screenshot(t, ctx, "web-files")
	do(t, ctx, chromedp.Click(chromedp.CSS(`a.file[href="#tep=cantho-2021.yaml"]`)), chromedp.WaitVisible(chromedp.CSS("#pages .page svg")))
	return ctx, dir
}

// TestBrowserPreview: the pages in sight come with the answer, the
// others are fetched as they are scrolled to; each kind of document has
// its tab.
func TestBrowserPreview(t *testing.T) {
	ctx, _ := openExample(t)
	screenshot(t, ctx, "web-editor")
	eval[bool](t, ctx, `(document.querySelector('#pages .page:last-child').scrollIntoView(), true)`)
	waitFor(t, ctx, `document.querySelectorAll('#pages .page svg').length === +document.querySelector('#pages').dataset.pages`)
	if !eval[bool](t, ctx, `performance.getEntriesByType('resource').some(e => e.name.includes('/app/page/'))`) {
		t.Error("no page was fetched as it was scrolled to")
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll('#kinds button')].map(b => b.textContent).join(',')`); got != "BÁO CÁO,THÔNG BÁO,BIÊN BẢN,BẢN TIN" {
		t.Errorf("tabs %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`#kinds button[data-kind="bien-ban"]`)))
	waitFor(t, ctx, previewHas("BIÊN BẢN"))
	do(t, ctx, chromedp.Click(chromedp.CSS(`#kinds button[data-kind="ban-tin"]`)))
	waitFor(t, ctx, `!!document.querySelector('#pages .page svg image')`)
	screenshot(t, ctx, "web-ban-tin")
}

// field is the CSS selector of the input of the value at path.
func inputOf(path string) chromedp.CSS {
	return chromedp.CSS(fmt.Sprintf(`[data-path=%q]:is(input, textarea, select)`, path))
}

// typeInto replaces the text of the input of path by typing text, as a
// clerk does.
func typeInto(t testing.TB, ctx context.Context, path, text string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.scrollIntoView(); el.focus(); el.select(); return true })()`, string(inputOf(path))))
	do(t, ctx, chromedp.SendKeys(inputOf(path), text))
}

// previewHas is the condition that the preview shows text and is current.
func previewHas(text string) string {
	return fmt.Sprintf(`!document.querySelector('#pages').classList.contains('stale') && document.querySelector('#pages').textContent.includes(%q)`, text)
}

// TestBrowser follows a clerk through the example: a figure edited and the
// preview changed, a wrong date shown at its field, a block pasted from
// Excel into the statistics, the file saved with its comments, and all
// the documents downloaded as a zip whose PDFs hold the changes.
func TestBrowser(t *testing.T) {
	ctx, dir := openExample(t)
	file := filepath.Join(dir, "cantho-2021.yaml")
	original, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("edit a figure", func(t *testing.T) {
		if !eval[bool](t, ctx, previewHas("giảm 124 vụ, tương ứng 32,2%")) {
			t.Fatal("the preview does not show the example's figure")
		}
		// 385 → 300 is 85 fewer, 22,1%.
		typeInto(t, ctx, "statistics.groups[0].indicators[0].current", "300")
		waitFor(t, ctx, previewHas("giảm 85 vụ, tương ứng 22,1%"))
		if eval[bool](t, ctx, previewHas("giảm 124 vụ")) {
			t.Error("the preview still shows the old figure")
		}
		if s := eval[string](t, ctx, `document.querySelector('#status').textContent`); s != "Chưa lưu" {
			t.Errorf("status %q after an edit", s)
		}
	})

	t.Run("wrong date at its field", func(t *testing.T) {
		typeInto(t, ctx, "bao_cao.date", "31/02/2022")
		at := `document.querySelector('.field[data-path="bao_cao.date"]')`
		waitFor(t, ctx, at+`.querySelector('.err').textContent.includes('tháng 2 năm 2022 chỉ có 28 ngày')`)
		if !eval[bool](t, ctx, at+`.classList.contains('invalid')`) {
			t.Error("the date field is not marked")
		}
		list := eval[string](t, ctx, `document.querySelector('#errors').textContent`)
		if !strings.Contains(list, "cantho-2021.yaml:205:9: \"date\" là 31/02/2022") {
			t.Errorf("the list of errors does not give the command line's message: %q", list)
		}
		screenshot(t, ctx, "web-error")
		typeInto(t, ctx, "bao_cao.date", "15/01/2022")
		waitFor(t, ctx, `document.querySelector('#errors').hidden && !document.querySelector('.invalid')`)
	})

	// Ten rows as Excel copies them: tab-separated, a quoted cell, figures
	// as the clerk's Excel shows them.
	names := []string{"Số vụ cháy rừng", "Số vụ buôn lậu", "Số vụ đánh bạc", "Số vụ trộm cắp", "Số vụ cướp giật",
		"Số vụ lừa đảo qua mạng", "Số vụ cố ý gây thương tích", "Số vụ tàng trữ vũ khí", "Số vụ mua bán người", "Số vụ vi phạm môi trường"}
	t.Run("paste from Excel", func(t *testing.T) {
		var tsv strings.Builder
		for i, n := range names {
			prev, cur := fmt.Sprint(10+i), fmt.Sprint(20+i)
			switch i {
			case 3:
				prev = "1.234.567" // thousands grouped with dots
			case 4:
				cur = "12,5" // a decimal comma
			}
			if i == 1 {
				n = `"` + n + `"` // Excel quotes a cell it thinks needs it
			}
			fmt.Fprintf(&tsv, "%s\tvụ\t%s\t%s\r\n", n, prev, cur)
		}
		table := "statistics.groups[0].indicators"
		do(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`fieldset[data-path=%q] button.add`, table))))
		cell := table + "[4].name"
		waitFor(t, ctx, fmt.Sprintf(`!!document.querySelector(%q)`, string(inputOf(cell))))
		eval[bool](t, ctx, fmt.Sprintf(`(() => {
			const el = document.querySelector(%q);
			el.focus();
			const data = new DataTransfer();
			data.setData('text/plain', %q);
			el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
			return true;
		})()`, string(inputOf(cell)), tsv.String()))
		waitFor(t, ctx, fmt.Sprintf(`!!document.querySelector(%q)`, string(inputOf(table+"[13].name"))))
		source := yamlView(t, ctx)
		do(t, ctx, chromedp.Click(chromedp.CSS("#tab-form")))
		for _, want := range []string{"name: Số vụ cháy rừng", "id: so-vu-chay-rung", "previous: 1.234.567", "current: 12,5", "id: so-vu-vi-pham-moi-truong"} {
			if !strings.Contains(source, want) {
				t.Errorf("the file lacks %q", want)
			}
		}
		// The loader reads the figures as the clerk typed them, the
		// Vietnamese way (1.234.567; 12,5): none is refused.
		if errs := eval[[]message](t, ctx, `window.baocaoErrors()`); len(errs) > 0 {
			t.Errorf("the pasted figures are refused: %+v", errs)
		}
		typeInto(t, ctx, table+"[7].previous", "1234567")
		typeInto(t, ctx, table+"[8].current", "13")
		waitFor(t, ctx, previewHas(names[9]))
		screenshot(t, ctx, "web-paste")
	})

	// The YAML text edited by hand, then the form: each keeps the other's
	// changes.
	const handComment = "  # ghi chú viết tay"
	t.Run("by hand, then in the form", func(t *testing.T) {
		yamlView(t, ctx)
		eval[bool](t, ctx, `(() => {
			const t = document.querySelector('#yaml');
			t.focus();
			t.value = t.value.replace('agency:\n', 'agency:\n`+handComment+`\n').replace('place: Cần Thơ  ', 'place: TP. Cần Thơ');
			t.dispatchEvent(new Event('input', {bubbles: true}));
			return true;
		})()`)
		waitFor(t, ctx, previewHas("TP. Cần Thơ, ngày"))
		do(t, ctx, chromedp.Click(chromedp.CSS("#tab-form")))
		if v := eval[string](t, ctx, fmt.Sprintf(`document.querySelector(%q).value`, string(inputOf("agency.place")))); v != "TP. Cần Thơ" {
			t.Fatalf("the form shows place %q", v)
		}
		typeInto(t, ctx, "bao_cao.title", "Tổng kết công tác Công an năm 2021")
		// The title is followed by the body's first word in the page.
		waitFor(t, ctx, previewHas("Công an năm 2021Thực hiện"))
	})

	t.Run("save keeps comments", func(t *testing.T) {
		do(t, ctx, chromedp.Click(chromedp.CSS("#save")))
		waitFor(t, ctx, `document.querySelector('#status').textContent === 'Đã lưu'`)
		saved, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		o := comments(strings.Replace(string(original), "agency:\n", "agency:\n"+handComment+"\n", 1))
		if c := comments(string(saved)); !slices.Equal(c, o) {
			t.Errorf("the saved file has %d comment lines, want %d", len(c), len(o))
		}
		r, err := load.File(file)
		if err != nil {
			t.Fatal(err)
		}
		inds := r.Statistics.Groups[0].Indicators
		if inds[0].Current != 300 || len(inds) != 14 || inds[13].Name != names[9] || inds[7].Previous != 1234567 {
			t.Errorf("read back: first current %v, %d indicators, last %q", inds[0].Current, len(inds), inds[len(inds)-1].Name)
		}
		if r.BaoCao.Date != (report.Date{Year: 2022, Month: 1, Day: 15}) || r.Agency.Place != "TP. Cần Thơ" || r.BaoCao.Title != "Tổng kết công tác Công an năm 2021" {
			t.Errorf("read back: date %v, place %q, title %q", r.BaoCao.Date, r.Agency.Place, r.BaoCao.Title)
		}
		// Only the lines of the changes differ: the figure, the five of
		// each row pasted, and the three lines of the edits by hand and
		// in the form after them.
		if n, want := changedLines(string(original), string(saved)), 1+5*len(names)+3; n != want {
			t.Errorf("%d lines changed, want %d", n, want)
		}
	})

	t.Run("download the zip", func(t *testing.T) {
		dl := t.TempDir()
		progress := chromedp.Events(ctx, browser.DownloadProgress)
		do(t, ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dl, EventsEnabled: ptr(true)})
			return err
		}), chromedp.Click(chromedp.CSS("#download")), chromedp.Click(chromedp.CSS(`#download-menu button[data-kind=""]`)))
		var zipFile string
		for ev, err := range progress {
			if err != nil {
				t.Fatal(err)
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				zipFile = filepath.Join(dl, ev.GUID)
				break
			}
		}
		z, err := zip.OpenReader(zipFile)
		if err != nil {
			t.Fatal(err)
		}
		defer z.Close()
		var got []string
		for _, f := range z.File {
			got = append(got, f.Name)
		}
		want := []string{"cantho-2021-bao-cao.pdf", "cantho-2021-thong-bao.pdf", "cantho-2021-bien-ban.pdf", "cantho-2021-ban-tin.pdf", "cantho-2021-phu-luc.xlsx"}
		if !slices.Equal(got, want) {
			t.Fatalf("the zip holds %q, want %q", got, want)
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext không có (gói poppler-utils) — bỏ qua việc đọc chữ trong PDF")
		}
		for _, f := range z.File[:4] {
			text := pdfText(t, f)
			if f.Name == "cantho-2021-bao-cao.pdf" {
				for _, w := range []string{"giảm 85 vụ, tương ứng 22,1%", names[9], "TP. Cần Thơ, ngày 15 tháng 01 năm 2022"} {
					if !strings.Contains(strings.Join(strings.Fields(text), " "), w) {
						t.Errorf("%s lacks %q", f.Name, w)
					}
				}
			} else if !strings.Contains(text, "CÔNG AN THÀNH PHỐ CẦN THƠ") && !strings.Contains(text, "Cần Thơ") {
				t.Errorf("%s does not read as the example's", f.Name)
			}
		}
	})
}

func ptr[T any](v T) *T { return &v }

// pdfText is the text pdftotext reads from a PDF of the zip.
func pdfText(t *testing.T, f *zip.File) string {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), f.Name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", f.Name, err)
	}
	return string(out)
}

// comments are the lines of src that are comments.
func comments(src string) []string {
	var out []string
	for _, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#") && !strings.HasPrefix(l, "    ") {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

// changedLines counts the lines of b that are not in a.
func changedLines(a, b string) int {
	old := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		old[l]++
	}
	n := 0
	for _, l := range strings.Split(b, "\n") {
		if old[l] > 0 {
			old[l]--
		} else {
			n++
		}
	}
	return n
}

// TestBrowserSections: a section taken out of the file and added back,
// its required values then shown empty at their fields; a new file made
// from a starter on the list of files.
func TestBrowserSections(t *testing.T) {
	ctx, dir := openExample(t)
	// The question "take it out?" is answered yes.
	eval[bool](t, ctx, `(window.confirm = () => true, true)`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-path="bien_ban"] > .box-actions button.remove`)))
	waitFor(t, ctx, `!document.querySelector('#kinds button[data-kind="bien-ban"]') && !!document.querySelector('[data-path="bien_ban"] button.add')`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-path="bien_ban"] button.add`)))
	waitFor(t, ctx, `!!document.querySelector('.field[data-path="bien_ban.secretary"].invalid')`)
	errs := eval[[]message](t, ctx, `window.baocaoErrors()`)
	var paths []string
	for _, e := range errs {
		paths = append(paths, e.Path)
	}
	for _, want := range []string{"bien_ban.number", "bien_ban.code", "bien_ban.secretary", "bien_ban.body", "bien_ban.end"} {
		if !slices.Contains(paths, want) {
			t.Errorf("no message at %s: %q", want, paths)
		}
	}
	source := yamlView(t, ctx)
	if !strings.Contains(source, "\nbien_ban:\n  number:\n  code:\n") || strings.Contains(source, "Biên bản hội nghị tổng kết") {
		t.Errorf("the section is not as added:\n%s", source[strings.Index(source, "thong_bao:"):])
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#tab-form")))

	// A new file, from the list of files.
	do(t, ctx, chromedp.Click(chromedp.CSS("#close")), chromedp.WaitVisible(chromedp.CSS("#new-form")))
	eval[bool](t, ctx, `(document.querySelector('#new-name').value = 'hoi-nghi-moi', true)`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`#new-form button[type="submit"]`)), chromedp.WaitVisible(chromedp.CSS("#pages .page svg")))
	if name := eval[string](t, ctx, `document.querySelector('#file-name').textContent`); name != "hoi-nghi-moi.yaml" {
		t.Errorf("opened %q", name)
	}
	if _, err := os.Stat(filepath.Join(dir, "hoi-nghi-moi.yaml")); err != nil {
		t.Error(err)
	}
}
