package load

import (
	"time"

	"baocao/render/report"
)

// checkKinds applies the rules of the thông báo and the biên bản that
// relate their values to the conference.
func checkKinds(d *decoder, r *report.Report) {
	if t := r.ThongBao; t != nil {
		checkRecipients(d, "thong_bao.recipients", t.Recipients)
	}
	if b := r.BienBan; b != nil {
		checkBienBan(d, &r.Conference, b)
	}
}

// checkBienBan requires what Mẫu 1.9 prints: a secretary among the
// delegates who is not the chair, a start time in the conference and an
// end time after it.
func checkBienBan(d *decoder, c *report.Conference, b *report.BienBan) {
	checkDelegate(d, c, "bien_ban.secretary", b.Secretary)
	if b.Secretary != "" && b.Secretary == c.Chair {
		d.errorf(d.pos["bien_ban.secretary"], "thư ký %q cũng là người chủ trì — biên bản cần hai người ký khác nhau: hãy chọn thư ký là một đại biểu khác", b.Secretary)
	}
	if !b.EndDate.IsZero() && !c.Date.IsZero() && before(b.EndDate, c.Date) {
		d.errorf(d.pos["bien_ban.end_date"], "\"end_date\" là trước ngày họp (\"date\" của conference) — hãy sửa ngày kết thúc, hoặc xóa dòng này nếu hội nghị kết thúc trong ngày")
	}
	start, okStart := clockAt(d, "conference.time", c.Time)
	if c.Time == "" {
		d.errorf(d.pos["bien_ban"], "biên bản cần giờ bắt đầu hội nghị — hãy thêm dòng time: \"08:00\" vào mục conference")
	}
	end, okEnd := clockAt(d, "bien_ban.end", b.End)
	sameDay := b.EndDate.IsZero() || b.EndDate == c.Date
	if okStart && okEnd && sameDay && end <= start {
		d.errorf(d.pos["bien_ban.end"], "giờ kết thúc %s không sau giờ bắt đầu %s (\"time\" của conference) — hãy kiểm tra lại hai giờ này", b.End, c.Time)
	}
}

// clockAt reads the time of day at path in minutes since midnight,
// reporting one written in another form. An empty value is left to the
// caller.
func clockAt(d *decoder, path, s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	h, m, ok := report.ParseClock(s)
	if !ok {
		d.errorf(d.pos[path], "%s là %q, không phải giờ:phút — hãy viết giờ trong dấu nháy kép, ví dụ \"08:00\" hoặc \"14:30\"", label(path), s)
		return 0, false
	}
	return h*60 + m, true
}

// before reports whether a is an earlier day than b.
func before(a, b report.Date) bool {
	day := func(d report.Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }
	return day(a).Before(day(b))
}
