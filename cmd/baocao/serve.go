package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"baocao/cmd/baocao/web"
	"baocao/render/oserr"
)

// minToken is the shortest token accepted: a token guards the folder's
// files from the network.
const minToken = 16

const serveHelp = `Cách dùng: baocao serve [--addr ĐỊA_CHỈ] [--token MÃ] [--api] [THƯ_MỤC]

Mở ứng dụng soạn văn bản trong trình duyệt: danh sách tệp hội nghị trong THƯ_MỤC
(mặc định: thư mục hiện tại), biểu mẫu, bản xem trước và tải văn bản về. Chạy
baocao không kèm lệnh nào (ví dụ nhấp đúp vào tệp chương trình) cũng mở ứng dụng này.

Mặc định chỉ máy này truy cập được (127.0.0.1). Mở cho máy khác (--addr 0.0.0.0:8080)
thì phải đặt mã truy cập bằng --token hoặc biến môi trường BAOCAO_TOKEN.
Máy khác gửi yêu cầu kèm tiêu đề "Authorization: Bearer MÃ".

API cho hệ thống của cơ quan (không lưu gì giữa các yêu cầu):
  POST /api/v1/render[?kind=bao-cao,phu-luc]   tệp YAML → văn bản (một tệp, hoặc .zip)
  POST /api/v1/validate                        tệp YAML → các lỗi
  Gửi tệp YAML (Content-Type: application/yaml), hoặc multipart/form-data có phần
  "file" là tệp YAML và mỗi ảnh, phông chữ tệp dùng là một phần đặt tên theo
  đường dẫn ghi trong tệp (ví dụ anh/chu-ky.png).

`

// cmdServe runs the web app and the API until interrupted.
func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", serveHelp, stderr)
	addr := fs.String("addr", "127.0.0.1:0", "địa chỉ và cổng lắng nghe (cổng 0: chọn một cổng còn trống)")
	token := fs.String("token", "", "mã truy cập, ít nhất 16 ký tự (mặc định: biến môi trường BAOCAO_TOKEN, hoặc một mã ngẫu nhiên khi chỉ máy này truy cập)")
	api := fs.Bool("api", false, "chỉ phục vụ API, không mở thư mục nào")
	noBrowser := fs.Bool("no-browser", false, "không tự mở trình duyệt")
	jobs := fs.Int("j", runtime.NumCPU(), "số yêu cầu xử lý cùng lúc (mặc định: số nhân CPU); chừng ấy yêu cầu nữa được chờ, yêu cầu sau nữa bị từ chối ngay vì máy chủ bận")
	timeout := fs.Duration("timeout", time.Minute, "thời gian tối đa cho một yêu cầu")
	maxMB := fs.Int64("max-request", 50, "kích thước tối đa của một yêu cầu API, MB (tệp YAML và ảnh)")
	dirs, status, ok := parseOptional(fs, args)
	if !ok {
		return status
	}
	dir := "."
	switch {
	case len(dirs) > 1:
		fs.Usage()
		return exitUsage
	case len(dirs) == 1:
		dir = dirs[0]
	}
	if *api {
		dir = ""
	}
	if *jobs < 1 || *maxMB < 1 || *timeout <= 0 {
		fmt.Fprintln(stderr, "baocao serve: -j, --max-request và --timeout phải lớn hơn 0")
		return exitUsage
	}
	tok := *token
	if tok == "" {
		tok = os.Getenv("BAOCAO_TOKEN")
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "baocao serve: địa chỉ %q không đúng dạng HOST:CỔNG (ví dụ 127.0.0.1:8080)\n", *addr)
		return exitUsage
	}
	ip := net.ParseIP(host)
	loopback := host == "localhost" || ip != nil && ip.IsLoopback()
	switch {
	case tok == "" && !loopback:
		fmt.Fprintf(stderr, "baocao serve: %s mở cho cả các máy khác — hãy đặt mã truy cập bằng --token (ít nhất %d ký tự) hoặc biến môi trường BAOCAO_TOKEN\n", *addr, minToken)
		return exitUsage
	case tok == "":
		tok = rand.Text()
	case len(tok) < minToken:
		fmt.Fprintf(stderr, "baocao serve: mã truy cập quá ngắn — hãy dùng ít nhất %d ký tự\n", minToken)
		return exitUsage
	}
	srv, err := web.New(web.Config{
		Dir: dir, Token: tok, Loopback: loopback, Version: version(),
		Jobs: *jobs, Timeout: *timeout, MaxRequest: *maxMB << 20,
		Starter: starter, SchemaFile: schemaFile,
	})
	if err != nil {
		fmt.Fprintf(stderr, "baocao serve: %v\n", err)
		return exitInvalid
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "baocao serve: không lắng nghe được ở %s (%s) — hãy chọn cổng khác bằng --addr\n", *addr, oserr.Reason(err))
		return exitInvalid
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       *timeout,
		WriteTimeout:      *timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	url := "http://" + ln.Addr().String() + "/"
	if host == "localhost" {
		url = "http://localhost:" + portOf(ln.Addr()) + "/"
	}
	switch {
	case dir == "":
		fmt.Fprintf(stdout, "baocao: API đang chạy tại %sapi/v1/render — nhấn Ctrl+C để dừng\n", url)
	case loopback:
		abs, _ := filepath.Abs(dir)
		url += "?t=" + tok
		fmt.Fprintf(stdout, "baocao: ứng dụng đang chạy, thư mục %s\nMở trong trình duyệt: %s\nNhấn Ctrl+C (hoặc đóng cửa sổ này) để dừng.\n", abs, url)
	default:
		fmt.Fprintf(stdout, "baocao: ứng dụng đang chạy tại %s (cần mã truy cập) — nhấn Ctrl+C để dừng\n", url)
	}
	if dir != "" && loopback && !*noBrowser {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "baocao: không tự mở được trình duyệt (%s) — hãy mở địa chỉ trên\n", oserr.Reason(err))
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		fmt.Fprintf(stderr, "baocao serve: %v\n", err)
		return exitInvalid
	case <-ctx.Done():
	}
	// Requests under way get a few seconds to finish.
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		fmt.Fprintf(stderr, "baocao serve: %v\n", err)
	}
	fmt.Fprintln(stdout, "baocao: đã dừng.")
	return exitOK
}

// parseOptional parses flags that may stand before or after the
// arguments, which may be none.
func parseOptional(fs *flag.FlagSet, args []string) (rest []string, status int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagStatus(err), false
		}
		if fs.NArg() == 0 {
			return rest, exitOK, true
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func portOf(a net.Addr) string {
	_, port, _ := net.SplitHostPort(a.String())
	return port
}

// openBrowser opens url in the user's browser: the program named by the
// BROWSER environment variable, as on Unix, else the system's own opener.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch b := os.Getenv("BROWSER"); {
	case b != "":
		f := strings.Fields(b)
		cmd = exec.Command(f[0], append(f[1:], url)...)
	case runtime.GOOS == "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case runtime.GOOS == "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
