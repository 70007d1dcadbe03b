package face

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"
)

// Open parses the four TrueType files of a family and names the family
// after the name the regular font gives itself. Families are kept by
// content, so that one a program renders with many times is parsed once.
func Open(regular, bold, italic, boldItalic []byte) (*Family, error) {
	files := [][]byte{regular, bold, italic, boldItalic}
	h := sha256.New()
	for _, f := range files {
		// Length prefixes keep the four files apart in the hash.
		h.Write(binary.BigEndian.AppendUint64(nil, uint64(len(f))))
		h.Write(f)
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	if fam := opened.get(key); fam != nil {
		return fam, nil
	}
	name, _, err := Names(regular)
	if err != nil {
		return nil, err
	}
	fam, err := Load(name, regular, bold, italic, boldItalic)
	if err != nil {
		return nil, err
	}
	opened.put(key, fam, len(regular)+len(bold)+len(italic)+len(boldItalic))
	return fam, nil
}

// maxOpened and maxOpenedBytes bound the families kept and the bytes of
// their files, so that a long-running program that renders with ever new
// fonts does not grow without limit: eight families of 1 MB fonts, or one
// of large fonts. A family larger than maxOpenedBytes is not kept.
const (
	maxOpened      = 8
	maxOpenedBytes = 64 << 20
)

// opened holds the families Open parsed. A Family is immutable, so one may
// be shared by any number of concurrent renders.
var opened = familyCache{m: map[[sha256.Size]byte]*Family{}}

type familyCache struct {
	mu    sync.Mutex
	m     map[[sha256.Size]byte]*Family
	bytes int // of the families' files
}

func (c *familyCache) get(key [sha256.Size]byte) *Family {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[key]
}

func (c *familyCache) put(key [sha256.Size]byte, fam *Family, size int) {
	if size > maxOpenedBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxOpened || c.bytes+size > maxOpenedBytes {
		clear(c.m)
		c.bytes = 0
	}
	c.m[key] = fam
	c.bytes += size
}
