package report

import (
	"strconv"
	"strings"
)

// ThongBao is the thông báo kết luận: the chair's conclusions after the
// conference, with the tasks given to units (nd30.md §6). The opening —
// when, where, who chaired, who attended — is written from Conference.
type ThongBao struct {
	Number     int      `yaml:"number" required:"true" min:"1" doc:"Số văn bản (ví dụ: 16)"`
	Code       string   `yaml:"code" required:"true" doc:"Ký hiệu (ví dụ: TB-CAT)"`
	Date       Date     `yaml:"date" required:"true" doc:"Ngày ban hành"`
	Title      string   `yaml:"title" required:"true" doc:"Trích yếu nội dung (ví dụ: Kết luận của đồng chí Giám đốc tại Hội nghị tổng kết công tác năm 2021)"`
	Body       string   `yaml:"body" required:"true" doc:"Nội dung kết luận của người chủ trì (Markdown): ## mục I., ### điểm 1., hoặc danh sách 1. 2. 3."`
	Tasks      []Task   `yaml:"tasks" doc:"Các nhiệm vụ giao cho đơn vị, kèm thời hạn"`
	Signer     Signer   `yaml:"signer" required:"true" doc:"Người ký (thường TL. hoặc KT. người chủ trì, ví dụ Chánh Văn phòng)"`
	Recipients []string `yaml:"recipients" required:"true" doc:"Nơi nhận, mỗi dòng một nơi; dòng cuối là Lưu: VT, …"`
}

// Task is one task the chair gives a unit, with its deadline.
type Task struct {
	Unit     string `yaml:"unit" required:"true" doc:"Đơn vị chủ trì thực hiện (ví dụ: Phòng Cảnh sát giao thông)"`
	Task     string `yaml:"task" required:"true" doc:"Nội dung nhiệm vụ"`
	Deadline Date   `yaml:"deadline" doc:"Thời hạn hoàn thành (bỏ trống nếu thực hiện thường xuyên)"`
}

// BienBan is the biên bản hội nghị (Nghị định 30, Mẫu 1.9). Its fixed
// opening fields — start time, place, participants, chair — come from
// Conference; the secretary is one of the delegates.
type BienBan struct {
	Number int    `yaml:"number" required:"true" min:"1" doc:"Số biên bản (ví dụ: 01)"`
	Code   string `yaml:"code" required:"true" doc:"Ký hiệu (ví dụ: BB-CAT)"`
	// Title defaults to the conference's name, which Mẫu 1.9 prints under
	// BIÊN BẢN.
	Title     string `yaml:"title" doc:"Tên cuộc họp in dưới chữ BIÊN BẢN (bỏ trống thì dùng tên hội nghị)"`
	Secretary string `yaml:"secretary" required:"true" doc:"Mã (id) của thư ký (người ghi biên bản), trong danh sách delegates"`
	// Attendance adds the participants who are not listed one by one as
	// delegates (the units' leaders, the staff).
	Attendance string   `yaml:"attendance" doc:"Thành phần tham dự khác, ngoài các đại biểu đã kê (ví dụ: lãnh đạo các phòng, đơn vị)"`
	Body       string   `yaml:"body" required:"true" doc:"Nội dung theo diễn biến hội nghị (Markdown)"`
	End        string   `yaml:"end" required:"true" doc:"Giờ kết thúc, dạng giờ:phút (ví dụ: \"11:30\")"`
	EndDate    Date     `yaml:"end_date" doc:"Ngày kết thúc, nếu khác ngày họp"`
	Recipients []string `yaml:"recipients" doc:"Nơi nhận, mỗi dòng một nơi; dòng cuối là Lưu: VT, Hồ sơ"`
}

// BanTin is the bản tin tổng thuật: the press account an office publishes
// on its website or newsletter. It is not an ND30 document: a headline, a
// lead, the body and photos with captions.
type BanTin struct {
	Headline string `yaml:"headline" required:"true" doc:"Tít (tiêu đề) bản tin"`
	// Date defaults to the conference's date.
	Date   Date    `yaml:"date" doc:"Ngày đăng (bỏ trống thì dùng ngày họp)"`
	Lead   string  `yaml:"lead" doc:"Đoạn mở đầu (sapo), in đậm"`
	Body   string  `yaml:"body" required:"true" doc:"Nội dung (Markdown); đặt ảnh bằng {{ photo 1 }}, {{ photo 2 }}…"`
	Photos []Photo `yaml:"photos" doc:"Ảnh kèm chú thích"`
	Author string  `yaml:"author" doc:"Tác giả (ví dụ: Minh Khang)"`
	Source string  `yaml:"source" doc:"Nguồn (ví dụ: Cổng Thông tin điện tử Công an thành phố)"`
}

// Photo is one picture of a bản tin with its caption.
type Photo struct {
	Image   Asset  `yaml:"image" required:"true" asset:"image" doc:"Tệp ảnh PNG hoặc JPEG, đường dẫn tính từ thư mục chứa tệp YAML"`
	Caption string `yaml:"caption" doc:"Chú thích ảnh, in nghiêng dưới ảnh"`
}

// ParseClock reads a time of day written "08:00", "8:00" or "14:30".
func ParseClock(s string) (hour, minute int, ok bool) {
	h, m, found := strings.Cut(strings.TrimSpace(s), ":")
	if !found || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return 0, 0, false
	}
	hour, errH := strconv.Atoi(h)
	minute, errM := strconv.Atoi(m)
	if errH != nil || errM != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, 0, false
	}
	return hour, minute, true
}
