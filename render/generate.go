package render

import (
	"bytes"
	"io"
)

// generateAll starts generating every output at once, each on its own
// goroutine into memory, and returns outputs that write what was
// generated, waiting for it if need be. So the files of a report are made
// on all cores, while they are still written one at a time and in order,
// and a failure to write is still told apart from a failure to generate.
func generateAll(outs []Output) []Output {
	gen := make([]Output, len(outs))
	for i, o := range outs {
		var buf bytes.Buffer
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			err = o.Write(&buf)
		}()
		gen[i] = Output{Name: o.Name, Write: func(w io.Writer) error {
			<-done
			if err != nil {
				return err
			}
			_, err := w.Write(buf.Bytes())
			return err
		}}
	}
	return gen
}
