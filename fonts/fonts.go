// Package fonts embeds the TrueType fonts baocao sets its documents in, so
// that rendering needs neither a network nor fonts installed on the machine.
//
// Liberation Serif is metric-compatible with Times New Roman, the font the
// decree prescribes: a line breaks where it would in a Word document set in
// Times New Roman. See README.md in this folder for where the files came from.
package fonts

import "embed"

//go:embed LiberationSerif-Regular.ttf LiberationSerif-Bold.ttf LiberationSerif-Italic.ttf LiberationSerif-BoldItalic.ttf
var files embed.FS

// Serif holds the four styles of one family, as TrueType bytes.
type Serif struct {
	Family                            string
	Regular, Bold, Italic, BoldItalic []byte
}

// LiberationSerif returns the embedded Liberation Serif family. Each call
// returns fresh copies, so a caller may keep or change them freely.
func LiberationSerif() Serif {
	read := func(name string) []byte {
		b, err := files.ReadFile(name)
		if err != nil {
			// The names are fixed by the embed directive above; a failure
			// here is a broken build, not a user error.
			panic("fonts: embedded file missing: " + name)
		}
		return b
	}
	return Serif{
		Family:     "Liberation Serif",
		Regular:    read("LiberationSerif-Regular.ttf"),
		Bold:       read("LiberationSerif-Bold.ttf"),
		Italic:     read("LiberationSerif-Italic.ttf"),
		BoldItalic: read("LiberationSerif-BoldItalic.ttf"),
	}
}
