package table

import (
	"bytes"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// What the first bytes of a file say about it, before any of it is parsed.

const sniffLen = 8 << 10

// encoding names what Read found, as Table.Encoding reports it.
const (
	encUTF8    = "utf-8"
	encUTF8BOM = "utf-8 bom"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
)

// sniff decides how to read a file from its first bytes (head; all of the file if it is
// shorter, then full is true): the encoding and how many bytes of byte-order mark to skip, or a
// problem that refuses the file. Excel's "Unicode text" is UTF-16 with a BOM; a UTF-16 file
// without one is recognised by its NUL bytes, which plain text never has.
func sniff(head []byte, full bool) (enc string, skip int, p error) {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		enc, skip = encUTF8BOM, 3
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return encUTF16LE, 2, nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return encUTF16BE, 2, nil
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		// .xlsx and .ods are zip archives, .xls an OLE compound file.
		return "", 0, probWorkbook
	default:
		enc = encUTF8
	}
	body := head[skip:]
	if e := utf16Guess(body); e != "" && skip == 0 {
		return e, 0, nil
	}
	ctl := 0
	for _, b := range body {
		if b == 0 {
			return "", 0, probBinary
		}
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F {
			ctl++
		}
	}
	if ctl*20 > len(body) { // more than 5 % control characters
		return "", 0, probBinary
	}
	if !full {
		body = trimPartial(body) // the sniffed prefix may end inside a character
	}
	if !utf8.Valid(body) {
		if invalidRatio(body) > 0.5 {
			return "", 0, probBinary
		}
		return "", 0, probNotUTF8
	}
	return enc, skip, nil
}

// trimPartial drops an incomplete UTF-8 sequence at the end of b (at most 3 bytes).
func trimPartial(b []byte) []byte {
	for i := 1; i < utf8.UTFMax && i <= len(b); i++ {
		c := b[len(b)-i]
		if c&0xC0 == 0xC0 { // a lead byte: incomplete if fewer continuation bytes follow than it needs
			need := 2
			if c >= 0xF0 {
				need = 4
			} else if c >= 0xE0 {
				need = 3
			}
			if i < need {
				return b[:len(b)-i]
			}
			return b
		}
		if c&0xC0 != 0x80 {
			return b
		}
	}
	return b
}

// invalidRatio is the share of bytes that are not part of a valid UTF-8 sequence.
func invalidRatio(b []byte) float64 {
	bad := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		i += size
	}
	return float64(bad) / float64(max(1, len(b)))
}

// utf16Guess recognises UTF-16 without a BOM: in ASCII-heavy text every other byte is NUL.
func utf16Guess(b []byte) string {
	if len(b) < 4 {
		return ""
	}
	even, odd := 0, 0
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := len(b) / 2
	switch {
	// At least a fifth of the characters ASCII (addresses are), and NULs mostly on one side.
	case odd*5 >= pairs && even*5 <= odd:
		return encUTF16LE
	case even*5 >= pairs && odd*5 <= even:
		return encUTF16BE
	}
	return ""
}

// utf16Reader turns a UTF-16 stream into UTF-8 as it is read, so a converted file is never held
// whole. An unpaired surrogate or a final odd byte becomes U+FFFD.
type utf16Reader struct {
	r      io.Reader
	be     bool
	in     []byte // undecoded bytes (at most one odd byte, or a high surrogate's two)
	out    []byte // decoded, not yet returned
	buf    []byte
	err    error
	pendHi bool
	hi     uint16
}

func newUTF16Reader(r io.Reader, be bool) *utf16Reader {
	return &utf16Reader{r: r, be: be, buf: make([]byte, 16<<10)}
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) == 0 {
		if u.err != nil {
			if len(u.in) > 0 || u.pendHi {
				u.in, u.pendHi = nil, false
				u.out = utf8.AppendRune(u.out, utf8.RuneError)
				continue
			}
			return 0, u.err
		}
		n, err := u.r.Read(u.buf)
		u.in = append(u.in, u.buf[:n]...)
		u.err = err
		u.decode()
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}

func (u *utf16Reader) decode() {
	i := 0
	for ; i+1 < len(u.in); i += 2 {
		c := uint16(u.in[i]) | uint16(u.in[i+1])<<8
		if u.be {
			c = uint16(u.in[i])<<8 | uint16(u.in[i+1])
		}
		switch {
		case u.pendHi && c >= 0xDC00 && c < 0xE000:
			u.out = utf8.AppendRune(u.out, utf16.DecodeRune(rune(u.hi), rune(c)))
			u.pendHi = false
			continue
		case u.pendHi:
			u.out = utf8.AppendRune(u.out, utf8.RuneError)
			u.pendHi = false
		}
		if c >= 0xD800 && c < 0xDC00 {
			u.pendHi, u.hi = true, c
			continue
		}
		if c >= 0xDC00 && c < 0xE000 {
			u.out = utf8.AppendRune(u.out, utf8.RuneError)
			continue
		}
		u.out = utf8.AppendRune(u.out, rune(c))
	}
	u.in = append(u.in[:0], u.in[i:]...)
}
