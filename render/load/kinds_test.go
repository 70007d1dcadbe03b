package load

import (
	"testing"
)

// kindsSections are a thông báo and a biên bản to add to the fixture,
// whose delegates are son and thuan, with thuan in the chair.
const kindsSections = `thong_bao:
  number: 16
  code: TB-CAT
  date: 17/01/2022
  title: Kết luận hội nghị
  body: Kết luận.
  signer:
    title: GIÁM ĐỐC
    name: Nguyễn Văn Thuận
  recipients:
    - "Lưu: VT"
bien_ban:
  number: 1
  code: BB-CAT
  secretary: son
  end: "11:30"
  body: Diễn biến.
`

func TestKindsValid(t *testing.T) {
	r, err := Bytes("t.yaml", []byte(readFixture(t)+kindsSections))
	if err != nil {
		t.Fatal(err)
	}
	if r.ThongBao == nil || r.ThongBao.Title != "Kết luận hội nghị" || r.BienBan == nil || r.BienBan.End != "11:30" {
		t.Errorf("thong_bao %+v, bien_ban %+v", r.ThongBao, r.BienBan)
	}
}

// TestKindsChecks makes the mistakes that only show when values are
// compared: each is reported at the value to fix.
func TestKindsChecks(t *testing.T) {
	tests := []struct {
		name  string
		pairs []string // edits of the fixture with kindsSections
		at    string   // the reported value, with ‸ at its column when not at its start
		want  string   // a fragment of the message; with at empty, the input is valid
	}{
		{"secretary not a delegate", []string{"secretary: son", "secretary: hoa"}, "‸hoa\n  end", `"secretary" là "hoa" nhưng không có đại biểu nào có id này — hãy dùng id của một người trong delegates: son, thuan`},
		{"secretary chairs", []string{"secretary: son", "secretary: thuan"}, "secretary: ‸thuan", "thư ký \"thuan\" cũng là người chủ trì"},
		{"end not a time", []string{`end: "11:30"`, `end: 11h30`}, "‸11h30", `"end" là "11h30", không phải giờ:phút`},
		{"start not a time", []string{`time: "08:00"`, `time: sáng`}, "time: ‸sáng", `"time" là "sáng", không phải giờ:phút`},
		{"end before start", []string{`end: "11:30"`, `end: "07:45"`}, `end: "‸07:45"`, "không sau giờ bắt đầu"},
		{"end the next day", []string{`end: "11:30"`, "end: \"07:45\"\n  end_date: 16/01/2022"}, "", ""},
		{"end date before the meeting", []string{`end: "11:30"`, "end: \"11:30\"\n  end_date: 14/01/2022"}, "end_date: ‸14/01/2022", "trước ngày họp"},
		{"no start time", []string{"  time: \"08:00\"\n", ""}, "bien_ban:\n  ‸number", "biên bản cần giờ bắt đầu"},
		{"thông báo not archived last", []string{"    - \"Lưu: VT\"\nbien_ban", "    - \"Lưu: VT\"\n    - Các phòng\nbien_ban"}, "- ‸Các phòng", "dòng cuối của \"recipients\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := edit(t, readFixture(t)+kindsSections, tt.pairs...)
			if tt.at == "" {
				if _, err := Bytes("t.yaml", []byte(src)); err != nil {
					t.Errorf("valid input rejected: %v", err)
				}
				return
			}
			es := loadErrors(t, src)
			if len(es) != 1 || !hasError(es, at(t, src, tt.at), tt.want) {
				t.Errorf("got %v\nwant one error at t.yaml:%s: %s", es, at(t, src, tt.at), tt.want)
			}
		})
	}
}
