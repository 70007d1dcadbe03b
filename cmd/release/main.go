// Command release builds the ready-made binaries of baocao: one archive for
// each platform the secretariats use, with the version stamped into the
// program, the documents a user reads and the licences that come with it,
// and a file of SHA-256 checksums.
//
//	go run ./cmd/release -version v1.2.0 [-o dist] [-targets windows/amd64,linux/arm64]
//
// It runs from the module's root, needs the Go toolchain and nothing else
// (no network once the modules are in the cache) and writes
//
//	dist/baocao-v1.2.0-windows-amd64.zip
//	dist/baocao-v1.2.0-darwin-arm64.tar.gz …
//	dist/baocao-v1.2.0-checksums.txt
//
// The archives' times are SOURCE_DATE_EPOCH when it is set, so that the
// same source and version give the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	fs := flag.NewFlagSet("release", flag.ExitOnError)
	version := fs.String("version", "", "the version to stamp, e.g. v1.2.0 (required)")
	out := fs.String("o", "dist", "directory to write the archives and checksums into")
	targets := fs.String("targets", strings.Join(defaultTargets, ","), "comma-separated GOOS/GOARCH pairs")
	fs.Parse(os.Args[1:])
	if fs.NArg() > 0 || *version == "" {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/release -version VERSION [-o DIR] [-targets GOOS/GOARCH,...]")
		os.Exit(2)
	}
	r := Release{Version: *version, Out: *out, Targets: strings.Split(*targets, ",")}
	files, err := r.Run()
	if err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
	for _, f := range files {
		fmt.Println(f)
	}
}
