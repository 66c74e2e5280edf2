//go:build js && wasm

package main

import (
	"math"

	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
	"github.com/ruvector/ruvector-learning-wasm/internal/replay"
	"github.com/ruvector/ruvector-learning-wasm/internal/scoped"
)

// args are a call's number arguments, in parameter order; array arguments
// are already in the object's scratch area and booleans are 0 or 1.
type args [4]float64

// dispatch runs method code on o, a table object of the method's class, and
// returns its value as a float64 (exact for every result: counts stay below
// 2^53, float32 values keep their sign of zero). On error nothing changed.
// Both call paths, the rv_call export and the js.FuncOf methods, end here.
func dispatch(o any, code int32, a *args) (float64, error) {
	if code < 0 || code >= methodCount || classOf(o) != methods[code].class {
		return 0, errNotThis
	}
	switch o := o.(type) {
	case *micro:
		return o.dispatch(code, a)
	case *scopedLoRA:
		return o.dispatch(code, a)
	case *buffer:
		return o.dispatch(code, a)
	}
	return 0, errNotThis
}

func (m *micro) dispatch(code int32, a *args) (float64, error) {
	switch code {
	case mMicroDim:
		return float64(m.Dim()), nil
	case mMicroParamCount:
		return float64(m.ParamCount()), nil
	case mMicroInputPtr:
		return address(m.In), nil
	case mMicroOutputPtr:
		return address(m.Out), nil
	case mMicroForward:
		m.Forward()
		return 0, nil
	case mMicroForwardArray:
		return 0, m.ForwardInto(m.x, m.y)
	case mMicroAdapt:
		return 0, m.Adapt()
	case mMicroAdaptArray:
		return 0, m.AdaptArray(m.x)
	case mMicroAdaptWithReward:
		return 0, m.AdaptWithReward(float32(a[0]))
	case mMicroReset:
		m.Reset()
		return 0, nil
	case mMicroForwardCount:
		return float64(m.Forwards), nil
	case mMicroAdaptCount:
		return float64(m.Adapts), nil
	case mMicroDeltaNorm:
		return float64(m.DeltaNorm()), nil
	case mMicroGetB:
		b, err := outFloats(2*m.Dim(), "b")
		if err != nil {
			return 0, err
		}
		m.GetB(b)
		return float64(len(b)), nil
	case mMicroSetB, mMicroForwardBatch, mMicroAdaptBatch:
		return m.arrayCall(code, a[0])
	case mMicroToBytes:
		return saveState(m, costOf(m))
	}
	return 0, errNotThis
}

// arrayCall runs a micro method whose argument is an array of n floats in
// the input area.
func (m *micro) arrayCall(code int32, n float64) (float64, error) {
	v, err := inArg(n)
	if err != nil {
		return 0, err
	}
	switch code {
	case mMicroSetB:
		return 0, m.SetB(v)
	case mMicroForwardBatch:
		ys, err := outFloats(len(v), "inputs")
		if err != nil {
			return 0, err
		}
		return float64(len(v)), m.ForwardBatch(v, ys)
	case mMicroAdaptBatch:
		norms, err := outFloats(len(v)/m.Dim(), "gradients")
		if err != nil {
			return 0, err
		}
		return 0, m.AdaptBatch(v, norms)
	}
	return 0, errNotThis
}

func (s *scopedLoRA) dispatch(code int32, a *args) (float64, error) {
	switch code {
	case mScopedDim:
		return float64(s.Dim()), nil
	case mScopedInputPtr:
		return address(s.In), nil
	case mScopedOutputPtr:
		return address(s.Out), nil
	case mScopedResetAll:
		s.ResetAll()
		return 0, nil
	case mScopedTotalForwardCount:
		return float64(s.TotalForwards()), nil
	case mScopedTotalAdaptCount:
		return float64(s.TotalAdapts()), nil
	case mScopedSetCategoryFallback:
		s.Fallback = a[0] != 0
		return 0, nil
	case mScopedLearnFrom:
		b, ok := objectAt(uint32(a[0])).(*buffer)
		if !ok {
			return 0, argerr.NewType("buffer", "must be a live WasmTrajectoryBuffer")
		}
		n, err := replay.LearnFrom(s.Scoped, b.Buffer, float32(a[1]))
		return float64(n), err
	case mScopedToBytes:
		return saveState(s, costOf(s))
	}
	op, err := opType(a[0])
	if err != nil {
		return 0, err
	}
	switch code {
	case mScopedForward:
		return 0, s.Forward(op)
	case mScopedForwardArray:
		return 0, s.ForwardInto(op, s.x, s.y)
	case mScopedAdapt:
		return 0, s.Adapt(op)
	case mScopedAdaptArray:
		return 0, s.AdaptArray(op, s.x)
	case mScopedAdaptWithReward:
		return 0, s.AdaptWithReward(op, float32(a[1]))
	case mScopedResetScope:
		return 0, s.ResetScope(op)
	case mScopedForwardCount:
		return float64(s.Forwards[op]), nil
	case mScopedAdaptCount:
		return float64(s.Ops[op].Count), nil
	case mScopedDeltaNorm:
		return float64(s.Ops[op].DeltaNorm()), nil
	case mScopedForwardBatch:
		xs, err := inArg(a[1])
		if err != nil {
			return 0, err
		}
		ys, err := outFloats(len(xs), "inputs")
		if err != nil {
			return 0, err
		}
		return float64(len(xs)), s.ForwardBatch(op, xs, ys)
	case mScopedAdaptBatch:
		gs, err := inArg(a[1])
		if err != nil {
			return 0, err
		}
		norms, err := outFloats(len(gs)/s.Dim(), "gradients")
		if err != nil {
			return 0, err
		}
		return 0, s.AdaptBatch(op, gs, norms)
	}
	return 0, errNotThis
}

func (b *buffer) dispatch(code int32, a *args) (float64, error) {
	switch code {
	case mBufferRecord:
		op, err := integer(a[0], "op_type")
		if err != nil {
			return 0, err
		}
		att, err := integer(a[1], "attention_type")
		if err != nil {
			return 0, err
		}
		if err := b.Record(b.Spare(), op, att, float32(a[2]), float32(a[3])); err != nil {
			return 0, err
		}
		return address(b.Spare()), nil
	case mBufferTotalCount:
		return float64(b.Count), nil
	case mBufferLen:
		return float64(b.Len), nil
	case mBufferIsEmpty:
		if b.Len == 0 {
			return 1, nil
		}
		return 0, nil
	case mBufferMeanImprovement:
		return float64(b.Mean), nil
	case mBufferBestImprovement:
		return float64(b.Best), nil
	case mBufferSuccessRate:
		return float64(b.SuccessRate), nil
	case mBufferBestAttention:
		return float64(b.BestAttention), nil
	case mBufferVariance:
		return float64(b.Variance()), nil
	case mBufferHighQualityCount:
		n, err := b.HighQualityCount(float32(a[0]))
		return float64(n), err
	case mBufferCountByOperator:
		op, err := integer(a[0], "op_type")
		if err != nil {
			return 0, err
		}
		n, err := b.CountByOperator(op)
		return float64(n), err
	case mBufferReset:
		b.Reset()
		return address(b.Spare()), nil
	case mBufferEmbeddingDim:
		return float64(b.EmbeddingDim()), nil
	case mBufferToBytes:
		return saveState(b, costOf(b))
	}
	return 0, errNotThis
}

// opType is an op_type argument: an integer in 0..16.
func opType(f float64) (int, error) {
	op, err := integer(f, "op_type")
	if err != nil {
		return 0, err
	}
	return op, scoped.CheckOp(op)
}

// integer requires an integral number; one too large for an int saturates
// to ±2^53, so that the core's range checks see every out-of-range value as
// out of range. The common case is small enough to inline.
func integer(f float64, name string) (int, error) {
	if i := int(f); float64(i) == f {
		return i, nil
	}
	return bigInteger(f, name)
}

// maxExact is 2^53: every finite float64 beyond it is integral.
const maxExact = 1 << 53

// bigInteger is integer's rare case: a saturated huge value, or the error.
//
//go:noinline
func bigInteger(f float64, name string) (int, error) {
	switch {
	case f > maxExact && f <= math.MaxFloat64:
		return maxExact, nil
	case f < -maxExact && f >= -math.MaxFloat64:
		return -maxExact, nil
	}
	return 0, argerr.NewRange(name, "must be an integer")
}

// arrayLen checks the length n of array parameter name on o, before
// anything is written to o's scratch area.
func arrayLen(o any, name string, n int) error {
	switch o := o.(type) {
	case *micro:
		return lora.CheckLen(name, n, o.Dim())
	case *scopedLoRA:
		return lora.CheckLen(name, n, o.Dim())
	case *buffer:
		return o.CheckEmbeddingLen(n)
	}
	return errNotThis
}
