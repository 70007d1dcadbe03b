//go:build !unix

package userfile

// nonBlock is no flag where opening a file cannot wait for a writer.
const nonBlock = 0
