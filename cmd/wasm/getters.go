//go:build js && wasm

package main

import "math"

// Codes of rv_get, one per read-only method of the fast path.
const (
	getDim int32 = iota + 1
	getParamCount
	getForwardCount
	getAdaptCount
	getDeltaNorm
	getTotalForwardCount
	getTotalAdaptCount
	getTotalCount
	getLen
	getMean
	getBest
	getSuccessRate
	getBestAttention
	getVariance
	getHighQualityCount
	getCountByOperator
	getInputPtr
)

// noValue tells the JS layer to take the js.FuncOf path, which explains.
var noValue = math.NaN()

// get (rv_get) answers read-only method what of handle h, with argument
// arg (an op_type or a threshold) where the method takes one. Every answer
// is exact in float64: counts below 2^53, float32 values including -0. NaN
// means the call is not valid (unknown handle or code, bad argument).
//
//go:noinline
func get(h uint32, what int32, arg float64) float64 {
	switch o := objectAt(h).(type) {
	case *micro:
		return o.get(what)
	case *scopedLoRA:
		return o.get(what, arg)
	case *buffer:
		return o.get(what, arg)
	}
	return noValue
}

func (m *micro) get(what int32) float64 {
	switch what {
	case getDim:
		return float64(m.Dim())
	case getParamCount:
		return float64(m.ParamCount())
	case getForwardCount:
		return float64(m.Forwards)
	case getAdaptCount:
		return float64(m.Adapts)
	case getDeltaNorm:
		return float64(m.DeltaNorm())
	case getInputPtr:
		return address(m.In)
	}
	return noValue
}

func (s *scopedLoRA) get(what int32, arg float64) float64 {
	switch what {
	case getDim:
		return float64(s.Dim())
	case getTotalForwardCount:
		return float64(s.TotalForwards())
	case getTotalAdaptCount:
		return float64(s.TotalAdapts())
	case getInputPtr:
		return address(s.In)
	}
	op, valid := opArg(arg)
	if !valid || op < 0 || op >= len(s.Forwards) {
		return noValue
	}
	switch what {
	case getForwardCount:
		return float64(s.Forwards[op])
	case getAdaptCount:
		return float64(s.Ops[op].Count)
	case getDeltaNorm:
		return float64(s.Ops[op].DeltaNorm())
	}
	return noValue
}

func (b *buffer) get(what int32, arg float64) float64 {
	switch what {
	case getDim:
		return float64(b.EmbeddingDim())
	case getTotalCount:
		return float64(b.Count)
	case getLen:
		return float64(b.Len)
	case getMean:
		return float64(b.Mean)
	case getBest:
		return float64(b.Best)
	case getSuccessRate:
		return float64(b.SuccessRate)
	case getBestAttention:
		return float64(b.BestAttention)
	case getVariance:
		return float64(b.Variance())
	case getHighQualityCount:
		n, err := b.HighQualityCount(float32(arg))
		if err != nil {
			return noValue
		}
		return float64(n)
	case getCountByOperator:
		op, valid := opArg(arg)
		if !valid {
			return noValue
		}
		n, err := b.CountByOperator(op)
		if err != nil {
			return noValue
		}
		return float64(n)
	}
	return noValue
}
