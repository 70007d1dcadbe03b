//go:build race

package document

// raceDetector tells that the race detector slows this build some ten
// times: too much for the budget's time, sized for the real program.
const raceDetector = true
