package api

import (
	"math"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBudget refuses what would take the live bytes past the limit with a
// RangeError naming the argument, and counts refunds as free again.
func TestBudget(t *testing.T) {
	defer SetLimitForTests(-1)
	SetLimitForTests(Live() + 64<<20)
	_, err := New(Buffer, 0, [3]float64{100000, 256}) // ~100 MiB
	require.Error(t, err)
	assert.Equal(t, "capacity "+reasonMemory, err.Error())
	assert.Equal(t, RangeError, Fail(Find(Buffer, "constructor"), err).Kind)
	var kept []any
	for { // many small objects reach the limit too
		o, err := New(Scoped, 0, [3]float64{64, 0.1, 0.01})
		if err != nil {
			break
		}
		kept = append(kept, o)
	}
	assert.Greater(t, len(kept), 100)
	assert.LessOrEqual(t, Live(), Limit())
	for _, o := range kept {
		Release(o)
	}
	SetLimitForTests(-1)
	o, err := New(Buffer, 0, [3]float64{100000, 256})
	require.NoError(t, err, "freed memory counts as free again")
	live := Live()
	Release(o)
	assert.Equal(t, live-bufferCost(100000, 256), Live(), "release refunds the cost")
	SetLimitForTests(1 << 62)
	assert.Equal(t, defaultLimit, Limit(), "the limit is never raised past the default")
}

// TestAreasAreCharged: the input and output areas are charged as they
// grow, and a reservation the budget cannot take is refused.
func TestAreasAreCharged(t *testing.T) {
	defer SetLimitForTests(-1)
	live := Live()
	_, err := Reserve(1<<20, "inputs")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, Live()-live, int64(1<<20))
	SetLimitForTests(Live() + 1<<20)
	_, err = Reserve(64<<20, "inputs")
	assert.EqualError(t, err, "inputs "+reasonMemory)
	_, err = Reserve(-1, "bytes")
	assert.Error(t, err)
	DropBigAreas()
}

// TestCostsCoverAllocations checks each class's cost against what Go
// allocates to build an object, and each state against its object's cost.
func TestCostsCoverAllocations(t *testing.T) {
	for _, tc := range []struct {
		name  string
		class Class
		a0    float64
		a1    float64
	}{
		{"micro dim 1", Micro, 1, 0}, {"micro dim 17", Micro, 17, 0}, {"micro dim 8192", Micro, 8192, 0},
		{"scoped dim 1", Scoped, 1, 0}, {"scoped dim 256", Scoped, 256, 0}, {"scoped dim 8192", Scoped, 8192, 0},
		{"buffer 1 x 1", Buffer, 1, 1}, {"buffer 1000 x 64", Buffer, 1000, 64}, {"buffer 10 x 8192", Buffer, 10, 8192},
	} {
		// The fewest bytes of three builds: TotalAlloc also counts what the
		// runtime and the test framework allocate meanwhile.
		var o any
		allocated := int64(math.MaxInt64)
		for try := range 3 {
			if try > 0 {
				Release(o)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var err error
			o, err = New(tc.class, 0, [3]float64{tc.a0, tc.a1, 0.01})
			runtime.ReadMemStats(&after)
			require.NoError(t, err, tc.name)
			allocated = min(allocated, int64(after.TotalAlloc-before.TotalAlloc))
		}
		assert.GreaterOrEqual(t, CostOf(o), allocated, "%s: cost covers the allocation", tc.name)
		assert.Less(t, CostOf(o), 2*allocated+2*perObject, "%s: cost is not wildly above it", tc.name)
		assert.LessOrEqual(t, int64(len(marshal(o))), CostOf(o), "%s: the state fits the cost charged for it", tc.name)
		Release(o)
	}
}
