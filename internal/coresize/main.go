//go:build js && wasm

// Command coresize is the core packages and nothing else: make size builds
// it to show what the learning code alone adds to a Go syscall/js program,
// the lower bound of any binding around it. Every entry point that
// cmd/wasm calls is kept by a function value, so the program itself adds
// no call sites.
package main

import (
	"syscall/js"

	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
	"github.com/ruvector/ruvector-learning-wasm/internal/replay"
	"github.com/ruvector/ruvector-learning-wasm/internal/scoped"
	"github.com/ruvector/ruvector-learning-wasm/internal/trajectory"
)

// entryPoints are the functions and methods the wasm's bindings call.
var entryPoints = []any{
	lora.NewMicro, lora.UnmarshalMicro, lora.CheckLen,
	(*lora.Micro).Forward, (*lora.Micro).ForwardInto, (*lora.Micro).Adapt, (*lora.Micro).AdaptArray,
	(*lora.Micro).AdaptWithReward, (*lora.Micro).Reset, (*lora.Micro).ForwardBatch, (*lora.Micro).AdaptBatch,
	(*lora.Micro).GetB, (*lora.Micro).SetB, (*lora.Micro).DeltaNorm, (*lora.Micro).ParamCount,
	(*lora.Micro).MarshalBinary,
	scoped.New, scoped.Unmarshal, scoped.ScopeName, scoped.CheckOp,
	(*scoped.Scoped).Forward, (*scoped.Scoped).ForwardInto, (*scoped.Scoped).Adapt, (*scoped.Scoped).AdaptArray,
	(*scoped.Scoped).AdaptWithReward, (*scoped.Scoped).ResetScope, (*scoped.Scoped).ResetAll,
	(*scoped.Scoped).ForwardBatch, (*scoped.Scoped).AdaptBatch, (*scoped.Scoped).TotalForwards,
	(*scoped.Scoped).TotalAdapts, (*scoped.Scoped).MarshalBinary,
	trajectory.New, trajectory.Unmarshal, trajectory.CheckSize, trajectory.StorageBytes,
	(*trajectory.Buffer).Record, (*trajectory.Buffer).HighQualityCount, (*trajectory.Buffer).CountByOperator,
	(*trajectory.Buffer).Variance, (*trajectory.Buffer).Reset, (*trajectory.Buffer).CheckEmbeddingLen,
	(*trajectory.Buffer).MarshalBinary,
	replay.LearnFrom,
}

func main() {
	js.Global().Set("coresize", len(entryPoints))
	select {}
}
