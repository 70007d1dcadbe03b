package layout

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"baocao/render/document"
	"baocao/render/face"
)

// snapshot is what a page holds, by value: its size, items and marks.
func snapshot(pg *Page) string {
	s := fmt.Sprint(pg.Width, pg.Height, pg.Marks)
	for _, it := range pg.Items {
		s += fmt.Sprintf("%+v", it)
	}
	return s
}

// TestStreamGivesFinishedPages: Stream gives the pages of a report whose
// tables run over pages and whose annexes number their own pages, and of
// a bản tin, in order and finished: no page changes after it is given,
// page numbers included, and they are the pages Layout returns.
func TestStreamGivesFinishedPages(t *testing.T) {
	long := annexDoc()
	long.Body = sampleDoc(40, 200).Body
	for name, d := range map[string]*document.Document{"report": long, "news": newsText(60)} {
		var given []*Page
		var taken []string
		err := Stream(d, face.Default(), DefaultSettings(), func(pg *Page) error {
			given = append(given, pg)
			taken = append(taken, snapshot(pg))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(given) < 8 {
			t.Fatalf("%s: %d pages, want a long document", name, len(given))
		}
		for i, pg := range given {
			if snapshot(pg) != taken[i] {
				t.Errorf("%s: page %d changed after it was given", name, i+1)
			}
		}
		whole := mustLayout(t, d)
		if !slices.EqualFunc(whole, given, func(a, b *Page) bool { return snapshot(a) == snapshot(b) }) {
			t.Errorf("%s: Stream gave other pages than Layout returns", name)
		}
	}
}

// TestStreamStops: the first error the receiver of the pages returns ends
// the pages given and is Stream's error.
func TestStreamStops(t *testing.T) {
	stop := errors.New("disk full")
	n := 0
	err := Stream(sampleDoc(40, 200), face.Default(), DefaultSettings(), func(*Page) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("Stream returned %v after giving %d pages, want the receiver's error after 2", err, n)
	}
}
