package figure

import (
	"bytes"
	"math"
	"math/big"
	"strconv"
)

// Decimals returns how many decimals are needed to show every value in vs
// as it reads — its shortest decimal form, the figure as the clerk wrote
// it: 261 → 0, 87.6 → 1, 3.965 → 3. A table row or column shows all its
// figures with one count. Digits past the 15th significant one, which
// only binary arithmetic produces (0.1+0.2), are not counted. Values that
// are not finite are ignored.
func Decimals(vs ...float64) int {
	n := 0
	for _, v := range vs {
		if v == 0 || !finite(v) {
			continue
		}
		var buf [32]byte
		digits, exp := decimal(strconv.AppendFloat(buf[:0], v, 'e', -1, 64))
		if len(digits) > MaxDigits {
			digits, exp = decimal(strconv.AppendFloat(buf[:0], v, 'e', MaxDigits-1, 64))
		}
		n = max(n, len(digits)-1-exp)
	}
	return n
}

// decimal splits a number formatted with 'e' ("-3.965e+00") into its
// digits, without trailing zeros ("3965"), and the power of ten of the
// first (0). It reuses s.
func decimal(s []byte) (digits []byte, exp int) {
	mant, e, _ := bytes.Cut(s, []byte("e"))
	for _, c := range e[1:] {
		exp = exp*10 + int(c-'0')
	}
	if e[0] == '-' {
		exp = -exp
	}
	mant = bytes.TrimPrefix(mant, []byte("-"))
	if len(mant) > 1 {
		mant = append(mant[:1], mant[2:]...) // drop the point
	}
	digits = bytes.TrimRight(mant, "0")
	if len(digits) == 0 {
		digits = mant[:1]
	}
	return digits, exp
}

// Digits returns how many digits v has written with decimals decimals,
// leading zeros not counted: Digits(3965, 0) = 4, Digits(87.6, 2) = 4
// ("87,60"), Digits(0.05, 2) = 1. A figure shown with the decimals of its
// row or column, a difference, a total must have at most MaxDigits; a
// percentage, shown with one decimal, at most MaxPercentDigits.
func Digits(v float64, decimals int) int {
	var buf [48]byte
	s := bytes.TrimLeft(strconv.AppendFloat(buf[:0], math.Abs(v), 'f', max(decimals, 0), 64), "0.")
	return len(s) - bytes.Count(s, []byte("."))
}

// Percent returns the change from prev to cur in percent, rounded half
// away from zero to one decimal, computed exactly on the decimals the two
// values read as: Percent(40, 44.9) = 12.3 (12,25%), where binary
// arithmetic gives 12.2499999… and would print 12,2. ok is false when prev
// is 0, or either is not finite: there is no percentage.
func Percent(prev, cur float64) (pct float64, ok bool) {
	if prev == 0 || !finite(prev) || !finite(cur) {
		return 0, false
	}
	p, c := units(prev), units(cur)
	// Scale both to the same last decimal.
	if p.exp < c.exp {
		c.n.Mul(c.n, pow10(c.exp-p.exp))
	} else {
		p.n.Mul(p.n, pow10(p.exp-c.exp))
	}
	// Tenths of a percent: (c - p) * 1000 / p.
	n := new(big.Int).Sub(c.n, p.n)
	n.Mul(n, big.NewInt(1000))
	q, r := new(big.Int).QuoRem(n, p.n, new(big.Int))
	if r.Lsh(r.Abs(r), 1).CmpAbs(p.n) >= 0 {
		q.Add(q, big.NewInt(int64(n.Sign()*p.n.Sign())))
	}
	pct, _ = strconv.ParseFloat(q.String()+"e-1", 64) // an integer: well formed
	return pct, true
}

// scaledInt is n × 10^exp.
type scaledInt struct {
	n   *big.Int
	exp int
}

// units returns v exactly as its shortest decimal form reads.
func units(v float64) scaledInt {
	var buf [32]byte
	digits, exp := decimal(strconv.AppendFloat(buf[:0], v, 'e', -1, 64))
	n, _ := new(big.Int).SetString(string(digits), 10) // digits only
	if v < 0 {
		n.Neg(n)
	}
	return scaledInt{n, exp - (len(digits) - 1)}
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func pow10(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

// Sum adds figures exactly, counting in units of the last decimal shown,
// as long as the figures' magnitudes add up to at most MaxSum: where a
// spreadsheet recomputing the total, in any order, finds the same.
type Sum struct {
	scale  float64 // 10^decimals
	limit  float64 // the units the magnitudes must add up to less than
	units  int64
	abs    int64   // the sum of the magnitudes, in units
	approx float64 // the plain sum, for when the exact one is over
	over   bool
}

// NewSum returns an empty sum of at most terms figures shown with
// decimals decimals.
func NewSum(decimals, terms int) Sum {
	return Sum{scale: math.Pow10(decimals), limit: sumLimit(decimals, terms)}
}

// sumLimit is the number of units the magnitudes of terms figures shown
// with decimals decimals must add up to less than. A total has at most
// MaxDigits digits. A total of whole figures is exact in binary below
// 2^53, as every partial total is. With decimals, each figure is stored
// within 2^-53 of itself and each addition of a spreadsheet's SUM is off
// by up to 2^-53 of the partial total, so the total S is off by up to
// terms × S × 2^-53, which ROUND takes back to the printed total only
// while it is below half a unit: S below 2^52 / terms units.
func sumLimit(decimals, terms int) float64 {
	limit := math.Pow10(MaxDigits)
	if decimals > 0 {
		limit = min(limit, math.Ldexp(1, 52)/float64(max(terms, 1)))
	}
	return limit
}

// MaxSum returns the largest total of terms figures shown with decimals
// decimals that is within the bounds: 999.999.999.999.999 for whole
// figures; for 100.000 figures with two decimals, 450.359.962,73.
func MaxSum(decimals, terms int) float64 {
	return (math.Ceil(sumLimit(decimals, terms)) - 1) / math.Pow10(decimals)
}

// Add adds v, which has at most the sum's decimals (the sum of a column
// is shown with as many decimals as its figure that has the most). It
// reports false once the magnitudes added are beyond the bounds.
func (s *Sum) Add(v float64) bool {
	s.approx += v
	if s.over {
		return false
	}
	// v × 10^decimals is within 0.25 of a whole number below 10^15.
	u := math.Round(v * s.scale)
	if s.over = math.IsNaN(u) || math.Abs(u) >= s.limit; !s.over {
		s.units += int64(u)
		s.abs += int64(math.Abs(u))
		s.over = float64(s.abs) >= s.limit
	}
	return !s.over
}

// Value returns the total, exactly as its decimals read; ok is false when
// the figures added are beyond the bounds, and v is then only the nearest
// binary sum.
func (s *Sum) Value() (v float64, ok bool) {
	if s.over {
		return s.approx, false
	}
	// Both operands are exact and the division is correctly rounded: the
	// float64 nearest to the decimal.
	return float64(s.units) / s.scale, true
}
