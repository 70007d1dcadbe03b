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
	opened.put(key, fam)
	return fam, nil
}

// maxOpened bounds the families kept, so that a long-running program that
// renders with ever new fonts does not grow without limit.
const maxOpened = 8

// opened holds the families Open parsed. A Family is immutable, so one may
// be shared by any number of concurrent renders.
var opened = familyCache{m: map[[sha256.Size]byte]*Family{}}

type familyCache struct {
	mu sync.Mutex
	m  map[[sha256.Size]byte]*Family
}

func (c *familyCache) get(key [sha256.Size]byte) *Family {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[key]
}

func (c *familyCache) put(key [sha256.Size]byte, fam *Family) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxOpened {
		clear(c.m)
	}
	c.m[key] = fam
}
