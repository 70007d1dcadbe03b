package load

import (
	"strings"
	"unicode/utf8"
)

// nearest returns the option closest to word, ignoring case, when it is
// close enough to be a likely typo: at most one edit per three letters.
func nearest(word string, options []string) (string, bool) {
	best, bestDist := "", -1
	w := []rune(strings.ToLower(word))
	for _, o := range options {
		dist := editDistance(w, []rune(strings.ToLower(o)))
		if bestDist < 0 || dist < bestDist {
			best, bestDist = o, dist
		}
	}
	limit := max(1, utf8.RuneCountInString(word)/3)
	return best, bestDist >= 0 && bestDist <= limit
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbouring letters each cost one,
// so "titel" is one edit from "title".
func editDistance(a, b []rune) int {
	// Three rolling rows: two back is needed for swaps.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
