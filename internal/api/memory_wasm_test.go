package api

import (
	"runtime"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// TestMemoryPages checks memory.size against memory the heap just handed out:
// the linear memory must reach past its last byte, and stay below 4 GiB.
func TestMemoryPages(t *testing.T) {
	b := make([]byte, 8<<20)
	end := int64(uintptr(unsafe.Pointer(&b[len(b)-1]))) + 1
	pages := int64(memoryPages())
	assert.GreaterOrEqual(t, pages<<16, end)
	assert.LessOrEqual(t, pages, int64(1<<16))
	runtime.KeepAlive(b)
}
