package document

import (
	"fmt"
	"testing"
)

func TestZZScratch(t *testing.T) {
	for _, src := range []string{
		"| a | b |\n|---|---|\n| x \\| y | p \\* q |\n",
		"Tên \\* sao và \\_ gạch &amp; AT&T [x](http://e) <http://a.b>",
		"***both*** and **b** *i*\nsoft\nline",
		"`code` here",
		"Xong./.",
		"a\n\n    code block\n",
	} {
		for _, b := range parseBody([]byte(src)) {
			switch b := b.(type) {
			case *Paragraph:
				fmt.Printf("P %q %#v\n", b.Marker, b.Runs)
			case *Heading:
				fmt.Printf("H %#v\n", b)
			case *Table:
				fmt.Printf("T %#v %#v\n", b.Header, b.Rows)
			}
		}
	}
	bl := parseBody([]byte("Xong./."))
	endBody(&bl)
	fmt.Printf("%#v\n", bl[0].(*Paragraph).Runs)
	fmt.Printf("%q\n", recipients([]string{"- a;", "b.", " c ", "d ;"}))
}
