package web

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// call sends a request to the server with the token, as the app does,
// and returns the status and body.
func call(t *testing.T, ts *httptest.Server, method, path, ctype string, body []byte, edit ...func(*http.Request)) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+testToken)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for _, e := range edit {
		e(req)
	}
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, data
}

func postJSON(t *testing.T, ts *httptest.Server, path string, v any) (int, []byte) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return call(t, ts, "POST", path, "application/json", b)
}

// TestAccess: every request but /healthz needs the token; the address
// printed at start sets it as a cookie; a loopback server answers only
// names of this machine; writes from another origin are refused.
func TestAccess(t *testing.T) {
	dir := exampleDir(t)
	ts := testServer(t, dir)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string, edit func(*http.Request)) *http.Response {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		if edit != nil {
			edit(req)
		}
		res, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	if res := get("/healthz", nil); res.StatusCode != 200 {
		t.Errorf("/healthz: %d", res.StatusCode)
	}
	for _, p := range []string{"/", "/app/files", "/static/app.js", "/?t=sai-ma-0123456789"} {
		if res := get(p, nil); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s without the token: %d", p, res.StatusCode)
		}
	}
	res := get("/?t="+testToken, nil)
	cookies := res.Cookies()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" || len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("opening the printed address: %d to %q, cookies %v", res.StatusCode, res.Header.Get("Location"), cookies)
	}
	withCookie := func(r *http.Request) { r.AddCookie(cookies[0]) }
	if res := get("/app/files", withCookie); res.StatusCode != 200 {
		t.Errorf("with the cookie: %d", res.StatusCode)
	}
	if res := get("/", withCookie); res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Security-Policy"), "default-src 'self'") {
		t.Errorf("the page: %d, CSP %q", res.StatusCode, res.Header.Get("Content-Security-Policy"))
	}
	// A page of another site whose name resolves to 127.0.0.1 gets nothing.
	if res := get("/app/files", func(r *http.Request) { withCookie(r); r.Host = "ke-gian.example:80" }); res.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("another host name: %d", res.StatusCode)
	}
	for _, host := range []string{"localhost:1234", "[::1]:80", "127.0.0.1"} {
		if res := get("/healthz", func(r *http.Request) { r.Host = host }); res.StatusCode != 200 {
			t.Errorf("host %s: %d", host, res.StatusCode)
		}
	}
	// A form of another site posting with the clerk's cookie.
	code, _ := call(t, ts, "POST", "/app/save", "application/json", []byte(`{"name":"x.yaml","source":"a: 1"}`), func(r *http.Request) {
		r.Header.Set("Origin", "https://ke-gian.example")
		r.Header.Set("Sec-Fetch-Site", "cross-site")
	})
	if code != http.StatusForbidden {
		t.Errorf("a cross-origin write: %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.yaml")); err == nil {
		t.Error("the cross-origin write wrote the file")
	}
}

// TestFolder: the app reads and writes the conference files of its folder
// and nothing else, and saves all or nothing, never over a change made
// elsewhere unless asked.
func TestFolder(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "mat.yaml")
	if err := os.WriteFile(secret, []byte("agency: {name: MẬT}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := exampleDir(t)
	if err := os.Symlink(secret, filepath.Join(dir, "ra-ngoai.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "con"), 0o755); err != nil {
		t.Fatal(err)
	}
	ts := testServer(t, dir)

	code, body := call(t, ts, "GET", "/app/files", "", nil)
	var list struct {
		Files  []fileInfo
		Assets []string
	}
	if err := json.Unmarshal(body, &list); code != 200 || err != nil {
		t.Fatalf("list: %d %s", code, body)
	}
	var names []string
	for _, f := range list.Files {
		names = append(names, f.Name)
	}
	if !slices.Equal(names, []string{"cantho-2021.yaml", "vinhlong-gddt-2023.yaml"}) || !slices.Contains(list.Assets, "images/cantho-2021-hoi-nghi.png") {
		t.Errorf("listed %q and %q", names, list.Assets)
	}
	for _, name := range []string{"../mat.yaml", secret, "con/x.yaml", ".an.yaml", "ra-ngoai.yaml", "x.txt", "a\x00.yaml"} {
		code, body := call(t, ts, "GET", "/app/file?name="+urlQuery(name), "", nil)
		if code == 200 || bytes.Contains(body, []byte("MẬT")) {
			t.Errorf("opened %q: %d %s", name, code, body)
		}
		code, _ = postJSON(t, ts, "/app/save", map[string]any{"name": name, "source": "a: 1\n", "force": true})
		if code == 200 && name != "ra-ngoai.yaml" {
			t.Errorf("saved %q", name)
		}
	}
	if data, _ := os.ReadFile(secret); string(data) != "agency: {name: MẬT}\n" {
		t.Errorf("the file outside the folder changed: %q", data)
	}

	// A picture named outside the folder is not read.
	src, _ := os.ReadFile(filepath.Join(dir, "cantho-2021.yaml"))
	for _, img := range []string{"../anh.png", filepath.Join(outside, "anh.png")} {
		os.WriteFile(filepath.Join(outside, "anh.png"), mustRead(t, "../../../examples/images/cantho-2021-hoi-nghi.png"), 0o644)
		s := strings.Replace(string(src), "image: images/cantho-2021-hoi-nghi.png", "image: "+img, 1)
		_, body := postJSON(t, ts, "/app/update", map[string]any{"name": "cantho-2021.yaml", "source": s, "kind": "ban-tin"})
		var p preview
		json.Unmarshal(body, &p)
		if len(p.Errors) != 1 || p.Errors[0].Path != "ban_tin.photos[0].image" || !strings.Contains(p.Errors[0].Message, "một tệp YAML chỉ được dùng các tệp trong thư mục của nó") {
			t.Errorf("picture %q: %+v", img, p.Errors)
		}
	}

	// Save: the version opened, then a change made elsewhere.
	code, body = call(t, ts, "GET", "/app/file?name=cantho-2021.yaml", "", nil)
	var f struct{ Source, Version string }
	json.Unmarshal(body, &f)
	edited := strings.Replace(f.Source, "current: 261", "current: 300", 1)
	code, body = postJSON(t, ts, "/app/save", map[string]any{"name": "cantho-2021.yaml", "source": edited, "version": f.Version})
	var saved struct{ Version string }
	json.Unmarshal(body, &saved)
	if code != 200 || string(mustRead(t, filepath.Join(dir, "cantho-2021.yaml"))) != edited {
		t.Fatalf("save: %d %s", code, body)
	}
	os.WriteFile(filepath.Join(dir, "cantho-2021.yaml"), []byte(edited+"# sửa tay\n"), 0o644)
	code, body = postJSON(t, ts, "/app/save", map[string]any{"name": "cantho-2021.yaml", "source": f.Source, "version": saved.Version})
	if code != http.StatusConflict || !strings.Contains(string(mustRead(t, filepath.Join(dir, "cantho-2021.yaml"))), "# sửa tay") {
		t.Errorf("saving over a change made elsewhere: %d %s", code, body)
	}
	if code, _ := postJSON(t, ts, "/app/save", map[string]any{"name": "cantho-2021.yaml", "source": f.Source, "version": saved.Version, "force": true}); code != 200 {
		t.Errorf("replacing it when asked: %d", code)
	}
	if string(mustRead(t, filepath.Join(dir, "cantho-2021.yaml"))) != f.Source {
		t.Error("the file was not replaced")
	}

	// New files from a starter, never over one that exists.
	if code, body := postJSON(t, ts, "/app/new", map[string]any{"name": "moi", "kind": "bao-cao"}); code != 200 || !strings.Contains(string(body), "moi.yaml") {
		t.Errorf("new: %d %s", code, body)
	}
	if code, _ := postJSON(t, ts, "/app/new", map[string]any{"name": "cantho-2021.yaml", "kind": "bao-cao"}); code != http.StatusConflict {
		t.Errorf("new over an existing file: %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "baocao.schema.json")); err != nil {
		t.Error("no schema beside the new file")
	}
	for _, e := range dirEntries(t, dir) {
		if strings.HasSuffix(e, ".tmp") {
			t.Errorf("temporary file %s left", e)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func urlQuery(s string) string {
	r := strings.NewReplacer("%", "%25", "&", "%26", "+", "%2B", "#", "%23", " ", "%20", "\x00", "%00")
	return r.Replace(s)
}

// TestUpdate: an edit comes back made, with the file's problems placed at
// their fields and the pages the browser lacks.
func TestUpdate(t *testing.T) {
	dir := exampleDir(t)
	ts := testServer(t, dir)
	src := string(mustRead(t, filepath.Join(dir, "cantho-2021.yaml")))
	update := func(body map[string]any) preview {
		t.Helper()
		code, data := postJSON(t, ts, "/app/update", body)
		var p preview
		if err := json.Unmarshal(data, &p); code != 200 || err != nil {
			t.Fatalf("update: %d %s", code, data)
		}
		return p
	}
	p := update(map[string]any{"name": "cantho-2021.yaml", "source": src, "kind": "thong-bao"})
	if p.Kind != "thong-bao" || len(p.Pages) == 0 || p.Pages[0].SVG == "" || p.Font == nil || len(p.Errors) != 0 || !p.Workbook ||
		!slices.Equal(p.Kinds, []string{"bao-cao", "thong-bao", "bien-ban", "ban-tin"}) {
		t.Fatalf("first preview: kind %q, %d pages, font %v, errors %v, kinds %v", p.Kind, len(p.Pages), p.Font, p.Errors, p.Kinds)
	}
	var have []string
	for _, pg := range p.Pages {
		have = append(have, pg.Hash)
	}
	// A task's deadline changed: the last page alone is sent.
	p2 := update(map[string]any{"name": "cantho-2021.yaml", "source": src, "kind": "thong-bao", "have": have,
		"ops": []map[string]any{{"op": "set", "path": "thong_bao.tasks[0].deadline", "value": "28/3/2022"}}})
	if !strings.Contains(p2.Source, "deadline: 28/3/2022") || len(p2.Pages) != len(p.Pages) {
		t.Fatalf("edit not made: %d pages", len(p2.Pages))
	}
	sent := 0
	for _, pg := range p2.Pages {
		if pg.SVG != "" {
			sent++
		}
	}
	if sent == 0 || sent == len(p.Pages) {
		t.Errorf("%d of %d pages sent again", sent, len(p.Pages))
	}
	// A mistake: the preview is left to the browser, the message placed.
	p3 := update(map[string]any{"name": "cantho-2021.yaml", "source": src, "kind": "bao-cao",
		"ops": []map[string]any{{"op": "set", "path": "conference.delegates[1].name", "value": ""}}})
	if p3.Pages != nil || len(p3.Errors) != 1 || p3.Errors[0].Path != "conference.delegates[1].name" || !strings.HasPrefix(p3.Errors[0].Text, "cantho-2021.yaml:73:") {
		t.Errorf("an emptied name: %d pages, errors %+v", len(p3.Pages), p3.Errors)
	}
	// An edit that cannot be made leaves the text as it was.
	p4 := update(map[string]any{"name": "cantho-2021.yaml", "source": src, "kind": "bao-cao",
		"ops": []map[string]any{{"op": "set", "path": "conference.delegates", "value": "x"}}})
	if p4.EditError == "" || p4.Source != src {
		t.Errorf("a refused edit: %q", p4.EditError)
	}
	// A body's problem names its line in the body.
	wrong := strings.Replace(src, `{{ value "toi-pham" }}`, `{{ value "khong-co" }}`, 1)
	lineOf := func(s string) int { return strings.Count(wrong[:strings.Index(wrong, s)], "\n") + 1 }
	p5 := update(map[string]any{"name": "cantho-2021.yaml", "source": wrong, "kind": "bao-cao"})
	if len(p5.Errors) != 1 || p5.Errors[0].Path != "bao_cao.body" || p5.Errors[0].Inner != lineOf(`{{ value "khong-co" }}`)-lineOf("  body: |") {
		t.Errorf("a body's problem: %+v", p5.Errors)
	}
}

// TestAPI: a YAML posted, with its pictures, gives the documents; no
// file of the server is read; its problems come back positioned.
func TestAPI(t *testing.T) {
	s, err := New(Config{Token: testToken, Version: "thử", Jobs: 2, Timeout: time.Minute, MaxRequest: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	src := mustRead(t, "../../../examples/cantho-2021.yaml")
	photo := mustRead(t, "../../../examples/images/cantho-2021-hoi-nghi.png")
	form := func(yaml []byte, files map[string][]byte) (string, []byte) {
		var b bytes.Buffer
		w := multipart.NewWriter(&b)
		f, _ := w.CreateFormFile("file", "hoi-nghi-2021.yaml")
		f.Write(yaml)
		for name, data := range files {
			p, _ := w.CreateFormFile(name, filepath.Base(name))
			p.Write(data)
		}
		w.Close()
		return w.FormDataContentType(), b.Bytes()
	}
	ct, body := form(src, map[string][]byte{"images/cantho-2021-hoi-nghi.png": photo})
	code, data := call(t, ts, "POST", "/api/v1/render", ct, body)
	if code != 200 {
		t.Fatalf("render: %d %s", code, data)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	if !slices.Equal(names, []string{"hoi-nghi-2021-bao-cao.pdf", "hoi-nghi-2021-thong-bao.pdf", "hoi-nghi-2021-bien-ban.pdf", "hoi-nghi-2021-ban-tin.pdf", "hoi-nghi-2021-phu-luc.xlsx"}) {
		t.Errorf("zip holds %q", names)
	}
	code, data = call(t, ts, "POST", "/api/v1/render?kind=thong-bao", ct, body)
	if code != 200 || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("one document: %d %.40q", code, data)
	}
	// The YAML alone: its photo is not sent, and not read from the
	// server's disk, where it is.
	code, data = call(t, ts, "POST", "/api/v1/render", "application/yaml", src)
	if code != http.StatusUnprocessableEntity || !strings.Contains(string(data), `"path":""`) && !strings.Contains(string(data), "không tìm thấy tệp") {
		t.Errorf("without the photo: %d %s", code, data)
	}
	var bad struct {
		Message string
		Errors  []message
	}
	json.Unmarshal(data, &bad)
	if len(bad.Errors) != 1 || bad.Errors[0].Line == 0 || !strings.HasPrefix(bad.Errors[0].Text, "hoi-nghi.yaml:") {
		t.Errorf("positioned problems: %+v", bad)
	}
	code, data = call(t, ts, "POST", "/api/v1/validate", ct, body)
	if code != 200 || !strings.Contains(string(data), `"valid":true`) {
		t.Errorf("validate: %d %s", code, data)
	}
	big, bigBody := form(src, map[string][]byte{"images/cantho-2021-hoi-nghi.png": make([]byte, 9<<20)})
	if code, data := call(t, ts, "POST", "/api/v1/render", big, bigBody); code != http.StatusRequestEntityTooLarge {
		t.Errorf("over the size limit: %d %s", code, data)
	}
	for _, c := range []struct {
		path, ctype string
		body        []byte
		want        int
	}{
		{"/api/v1/render?kind=khong-co", ct, body, http.StatusBadRequest},
		{"/api/v1/render", "text/plain", src, http.StatusUnsupportedMediaType},
		{"/api/v1/render", "application/yaml", []byte("agency: [\n"), http.StatusUnprocessableEntity},
		{"/app/files", "", nil, http.StatusNotFound}, // no folder served
	} {
		method := "POST"
		if c.body == nil {
			method = "GET"
		}
		if code, data := call(t, ts, method, c.path, c.ctype, c.body); code != c.want {
			t.Errorf("%s %s: %d, want %d (%s)", c.path, c.ctype, code, c.want, data)
		}
	}
	// A part naming a path out of the request's files.
	ct2, body2 := form(src, map[string][]byte{"../../etc/passwd": []byte("x")})
	if code, _ := call(t, ts, "POST", "/api/v1/render", ct2, body2); code != http.StatusBadRequest {
		t.Errorf("a part named out of the files: %d", code)
	}
}

// TestLimits: no more renders run than jobs, as many more wait, the rest
// are refused at once; a render past the timeout is answered as such and
// goes on in its slot; a panic is a message, not a crash.
func TestLimits(t *testing.T) {
	s, err := New(Config{Token: testToken, Jobs: 1, Timeout: 50 * time.Millisecond, MaxRequest: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("POST", "/api/v1/render", nil)
	var releases []func()
	for i := range 2 {
		_, release, ok := s.enter(httptest.NewRecorder(), r)
		if !ok {
			t.Fatalf("request %d refused", i+1)
		}
		releases = append(releases, release)
	}
	w := httptest.NewRecorder()
	if _, _, ok := s.enter(w, r); ok || w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("a third request: admitted %v, %d", ok, w.Code)
	}
	for _, rel := range releases {
		rel()
	}
	block := make(chan struct{})
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.Timeout)
	defer cancel()
	if err := s.run(ctx, func() { <-block }); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a render past the timeout: %v", err)
	}
	// Its slot is still taken: the next waits, and gives up.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel2()
	ran := false
	if err := s.run(ctx2, func() { ran = true }); err == nil || ran {
		t.Errorf("ran beside the render past its timeout: %v", err)
	}
	close(block)
	if err := s.run(context.Background(), func() { ran = true }); err != nil || !ran {
		t.Errorf("after it ended: %v", err)
	}
	if err := s.run(context.Background(), func() { panic("hỏng") }); !errors.Is(err, errPanic) {
		t.Errorf("a panic: %v", err)
	}
	w = httptest.NewRecorder()
	s.failRun(w, context.DeadlineExceeded)
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "quá thời gian xử lý") {
		t.Errorf("timeout answered %d %s", w.Code, w.Body)
	}
}
