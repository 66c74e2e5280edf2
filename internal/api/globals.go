package api

// LoaderKey is the global that a loader (js/classic.js) sets while it
// starts the Go program, which then leaves the bare globals to the loader's
// accessors (cmd/wasm: main, rv_global).
const LoaderKey = "__ruvectorLearningLoader"

// HooksKey is the global that holds the test hooks of the most recently
// started program: {exit, memoryLimitForTests}.
const HooksKey = "__ruvectorLearningGo"
