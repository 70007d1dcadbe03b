package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"baocao/render"
	"baocao/render/layout"
	"baocao/render/sign"
)

// certFlags say who signs: a PKCS#12 file and where its password is. A
// password is never given on the command line, where other users of the
// machine and the shell's history would see it.
type certFlags struct {
	p12, passFile, passEnv, tsa *string
}

func addCertFlags(fs *flag.FlagSet) certFlags {
	return certFlags{
		p12:      fs.String("p12", "", "tệp chứng thư số .p12/.pfx (chứng thư và khóa bí mật)"),
		passFile: fs.String("password-file", "", "tệp chứa mật khẩu của tệp .p12 (\"-\": đọc từ đầu vào chuẩn)"),
		passEnv:  fs.String("password-env", "", "tên biến môi trường chứa mật khẩu của tệp .p12"),
		tsa:      fs.String("tsa", "", "địa chỉ máy chủ dấu thời gian RFC 3161: chữ ký có dấu thời gian (PAdES B-T)"),
	}
}

// credentials reads the certificate and key; a problem is printed.
func (c certFlags) credentials(stdin io.Reader, stderr io.Writer) (*sign.Credentials, bool) {
	if *c.p12 == "" {
		fmt.Fprintln(stderr, "baocao: chưa chỉ tệp chứng thư số — hãy thêm --p12 TỆP.p12")
		return nil, false
	}
	data, err := os.ReadFile(*c.p12)
	if err != nil {
		fmt.Fprintf(stderr, "%s: không đọc được tệp chứng thư số (%v) — hãy kiểm tra đường dẫn --p12\n", *c.p12, err)
		return nil, false
	}
	var password string
	switch {
	case *c.passFile == "-":
		b, err := io.ReadAll(io.LimitReader(stdin, 4096))
		if err != nil {
			fmt.Fprintf(stderr, "baocao: không đọc được mật khẩu từ đầu vào chuẩn (%v) — hãy dùng --password-file TỆP\n", err)
			return nil, false
		}
		password = strings.TrimRight(string(b), "\r\n")
	case *c.passFile != "":
		b, err := os.ReadFile(*c.passFile)
		if err != nil {
			fmt.Fprintf(stderr, "%s: không đọc được tệp mật khẩu (%v) — hãy kiểm tra đường dẫn --password-file\n", *c.passFile, err)
			return nil, false
		}
		password = strings.TrimRight(string(b), "\r\n")
	case *c.passEnv != "":
		v, ok := os.LookupEnv(*c.passEnv)
		if !ok {
			fmt.Fprintf(stderr, "baocao: biến môi trường %s chưa được đặt — hãy đặt mật khẩu vào biến đó hoặc dùng --password-file\n", *c.passEnv)
			return nil, false
		}
		password = v
	}
	cred, err := sign.LoadPKCS12(data, password)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", *c.p12, err)
		return nil, false
	}
	return cred, true
}

func cmdSign(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("sign", "Cách dùng: baocao sign --p12 TỆP.p12 [--password-file TỆP | --password-env BIẾN] [--field TÊN] [--image ẢNH.png] [-o TỆP_RA.pdf] TỆP.pdf...\n\n"+
		"Ký số tệp PDF (PAdES; có --tsa thì kèm dấu thời gian). Ký vào trường chữ ký có sẵn trong tệp ("+sign.SignerField+" của người ký, "+sign.AgencyField+" của cơ quan), hoặc ở chỗ --rect chỉ. Tệp được thay bằng bản đã ký, trừ khi có -o.\n", stderr)
	out := fs.String("o", "", "ghi tệp đã ký vào đây (mặc định: thay tệp vào)")
	field := fs.String("field", sign.SignerField, "tên trường chữ ký: "+sign.SignerField+" (người ký), "+sign.AgencyField+" (cơ quan), "+sign.AttachmentField+" (tệp đính kèm riêng)")
	look := fs.String("look", "", "hình hiển thị: signer (ảnh chữ ký), agency (con dấu, tên cơ quan, thời gian ký), attachment (số, ký hiệu và thời gian ký ở góc trên bên phải trang đầu), none (mặc định: theo --field)")
	image := fs.String("image", "", "ảnh chữ ký (màu xanh) hoặc con dấu (màu đỏ), PNG nền trong suốt")
	agency := fs.String("agency", "", "tên cơ quan, in cạnh con dấu (--look agency)")
	ref := fs.String("reference", "", "số và ký hiệu văn bản, ví dụ 05/BC-CAT (--look attachment)")
	place := fs.String("rect", "", "chỗ ký khi tệp chưa có trường chữ ký: TRANG,X,Y,RỘNG,CAO tính bằng mm từ góc trên bên trái trang, ví dụ 6,90,60,105,25")
	reason := fs.String("reason", "", "lý do ký, ghi vào chữ ký")
	location := fs.String("location", "", "nơi ký, ghi vào chữ ký")
	cf := addCertFlags(fs)
	files, status, ok := parse(fs, args)
	if !ok {
		return status
	}
	if *out != "" && len(files) > 1 {
		fmt.Fprintln(stderr, "baocao: -o chỉ dùng được khi ký một tệp — hãy bỏ -o hoặc ký từng tệp")
		return exitUsage
	}
	opt := sign.Options{Field: *field, TSA: *cf.tsa, Reason: *reason, Location: *location}
	if opt.Look.Look, ok = lookOf(*look, *field, stderr); !ok {
		return exitUsage
	}
	if opt.Look.Look == sign.LookAttachment {
		r := sign.AttachmentRect()
		opt.Rect = &r
	}
	if *place != "" {
		r, err := parseRect(*place)
		if err != nil {
			fmt.Fprintf(stderr, "baocao: --rect %q: %v\n", *place, err)
			return exitUsage
		}
		opt.Rect = &r
	}
	opt.Look.Agency, opt.Look.Reference = *agency, *ref
	if *image != "" {
		b, err := os.ReadFile(*image)
		if err != nil {
			fmt.Fprintf(stderr, "%s: không đọc được ảnh (%v) — hãy kiểm tra đường dẫn --image\n", *image, err)
			return exitInvalid
		}
		opt.Look.Image = b
	}
	cred, ok := cf.credentials(stdin, stderr)
	if !ok {
		return exitInvalid
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return each(files, func(file string) bool {
		in, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(stderr, "%s: không đọc được tệp (%v) — hãy kiểm tra đường dẫn\n", file, err)
			return false
		}
		b, err := sign.Sign(ctx, in, cred, opt)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
			fmt.Fprintf(stderr, "baocao: chưa ký %s, tệp vẫn giữ nguyên\n", file)
			return false
		}
		target := file
		if *out != "" {
			target = *out
		}
		o := render.Output{Name: filepath.Base(target), Write: func(w io.Writer) error { _, err := w.Write(b); return err }}
		if err := render.WriteAll(ctx, filepath.Dir(target), []render.Output{o}); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
			return false
		}
		fmt.Fprintln(stdout, target)
		return true
	})
}

// lookOf is the appearance --look names, by default the field's.
func lookOf(look, field string, stderr io.Writer) (sign.Look, bool) {
	looks := map[string]sign.Look{"signer": sign.LookSigner, "agency": sign.LookAgency, "attachment": sign.LookAttachment, "none": sign.LookNone}
	if look == "" {
		switch field {
		case sign.AgencyField:
			return sign.LookAgency, true
		case sign.AttachmentField:
			return sign.LookAttachment, true
		}
		return sign.LookSigner, true
	}
	l, ok := looks[look]
	if !ok {
		fmt.Fprintf(stderr, "baocao: --look: không có hình hiển thị %q — hãy dùng signer, agency, attachment hoặc none\n", look)
	}
	return l, ok
}

// parseRect reads PAGE,X,Y,W,H: a page from 1, the rest in mm.
func parseRect(s string) (sign.Rect, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 5 {
		return sign.Rect{}, fmt.Errorf("cần 5 số cách nhau bằng dấu phẩy — hãy viết TRANG,X,Y,RỘNG,CAO, ví dụ 6,90,60,105,25")
	}
	var v [5]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || f < 0 || f > 10000 {
			return sign.Rect{}, fmt.Errorf("%q không phải số mm hợp lệ — hãy viết TRANG,X,Y,RỘNG,CAO, ví dụ 6,90,60,105,25", p)
		}
		v[i] = f
	}
	if v[0] < 1 || v[0] != float64(int(v[0])) {
		return sign.Rect{}, fmt.Errorf("trang phải là số nguyên từ 1 — hãy sửa số đầu tiên")
	}
	return sign.Rect{Page: int(v[0]) - 1, X: v[1], Y: v[2], W: v[3], H: v[4]}, nil
}

// renderSigning is how render signs: --sign-fields adds the empty
// fields, --sign signs as the signer and leaves the agency's field empty
// for the văn thư to sign when issuing (baocao sign --field ChuKyCoQuan).
type renderSigning struct {
	fields, sign *bool
	cert         certFlags
	cred         *sign.Credentials
}

func addRenderSigning(fs *flag.FlagSet) *renderSigning {
	return &renderSigning{
		fields: fs.Bool("sign-fields", false, "thêm trường chữ ký trống "+sign.SignerField+" và "+sign.AgencyField+" vào đúng chỗ, để ký bằng phần mềm ký số của cơ quan"),
		sign:   fs.Bool("sign", false, "ký số PDF bằng chứng thư --p12 của người ký, ảnh chữ ký lấy từ signature_image; để trống trường chữ ký của cơ quan"),
		cert:   addCertFlags(fs),
	}
}

// setup readies opt for signing and reads the credentials; a problem is
// printed.
func (s *renderSigning) setup(opt *render.Options, stdin io.Reader, stderr io.Writer) bool {
	if !*s.fields && !*s.sign {
		return true
	}
	opt.Signing = true
	if *s.sign {
		var ok bool
		if s.cred, ok = s.cert.credentials(stdin, stderr); !ok {
			return false
		}
	}
	return true
}

// apply signs, or adds the signature fields to, the PDFs among outs that
// have a signature block; outs have been generated.
func (s *renderSigning) apply(ctx context.Context, outs []render.Output, sigs []*render.Signature) ([]render.Output, error) {
	if !*s.fields && !*s.sign {
		return outs, nil
	}
	for i, o := range outs {
		sig := sigs[i]
		if sig == nil {
			continue
		}
		var buf bytes.Buffer
		if err := o.Write(&buf); err != nil {
			return nil, fmt.Errorf("không tạo được %s (%w)", o.Name, err)
		}
		fields := []sign.Field{{Name: sign.AgencyField, Rect: rectOf(sig.Page, sig.Agency)}}
		if !*s.sign {
			fields = append(fields, sign.Field{Name: sign.SignerField, Rect: rectOf(sig.Page, sig.Signer)})
		}
		b, err := sign.AddFields(buf.Bytes(), fields)
		if err == nil && *s.sign {
			r := rectOf(sig.Page, sig.Signer)
			look := sign.Appearance{Look: sign.LookSigner}
			if im := sig.SignerImage; im != nil {
				look.Image, look.ImageW, look.ImageH = im.Picture.Data(), im.W, im.H
			}
			b, err = sign.Sign(ctx, b, s.cred, sign.Options{Field: sign.SignerField, Rect: &r, Look: look, TSA: *s.cert.tsa})
		}
		if err != nil {
			return nil, fmt.Errorf("không ký được %s: %w", o.Name, err)
		}
		outs[i] = render.Output{Name: o.Name, Write: func(w io.Writer) error { _, err := w.Write(b); return err }}
	}
	return outs, nil
}

func rectOf(page int, b layout.Box) sign.Rect {
	return sign.Rect{Page: page, X: b.X, Y: b.Y, W: b.W, H: b.H}
}
