// The size of the wasm linear memory, for the headroom check (budget.go).

#include "textflag.h"

// func memoryPages() int32: the wasm memory.size instruction (64 KiB pages).
TEXT ·memoryPages(SB), NOSPLIT, $0-4
	Get SP
	CurrentMemory
	I32Store ret+0(FP)
	RET
