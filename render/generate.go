package render

import (
	"bytes"
	"io"
)

// generation is an output being made into memory.
type generation struct {
	done chan struct{}
	buf  bytes.Buffer
	err  error
}

// generate starts making o into memory, on its own goroutine.
func generate(o Output) *generation {
	g := &generation{done: make(chan struct{})}
	go func() {
		defer close(g.done)
		g.err = o.Write(&g.buf)
	}()
	return g
}

// output returns the output that writes what g made, waiting for it if
// need be, or fails as making it failed.
func (g *generation) output(name string) Output {
	return Output{Name: name, made: true, Write: func(w io.Writer) error {
		<-g.done
		if g.err != nil {
			return g.err
		}
		_, err := w.Write(g.buf.Bytes())
		return err
	}}
}

// generateAll starts generating every output not yet made at once, each
// on its own goroutine into memory, and returns outputs that write what
// was generated, waiting for it if need be. So the files of a report are
// made on all cores, while they are still written one at a time and in
// order, and a failure to write is still told apart from a failure to
// generate.
func generateAll(outs []Output) []Output {
	gen, _ := startAll(outs)
	return gen
}

// Generate makes every output at once, each on its own goroutine, into
// memory, and returns when all are made: outputs that write the bytes
// made, or fail as making them failed. A program rendering many reports
// makes one's outputs while another's are written, which waits on the
// disk; WriteAll takes them as they are.
func Generate(outs []Output) []Output {
	gen, gens := startAll(outs)
	for _, g := range gens {
		<-g.done
	}
	return gen
}

// startAll starts generating the outputs not yet made and returns all the
// outputs, made or being made, and the generations started.
func startAll(outs []Output) ([]Output, []*generation) {
	gen := make([]Output, len(outs))
	var gens []*generation
	for i, o := range outs {
		if o.made {
			gen[i] = o
			continue
		}
		g := generate(o)
		gens = append(gens, g)
		gen[i] = g.output(o.Name)
	}
	return gen, gens
}
