//go:build !race

package document

// raceDetector tells that the race detector slows this build.
const raceDetector = false
