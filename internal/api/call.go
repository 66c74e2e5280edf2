package api

// Call, generated into call_gen.go from the table, runs member code on o, an
// object of the member's class (nil for a static), and returns its value as a
// float64 (exact for every result: counts stay below 2^53, float32 values
// keep their sign of zero). On error nothing changed. Both bindings end
// there, but for the hot exports, which call the same functions directly.

// refused is Call's error for member code on o when o is not of its class,
// or the member has no implementation (or no such member exists).
func refused(code Code) error {
	if code >= 0 && int(code) < len(Members) && Members[code].Sort == Method {
		return ErrNotThis
	}
	return ErrNoMember
}

// IsQuick reports whether code is a quick member's (QuickExport): one load
// and a shift, where a switch over the codes would be a chain of compares.
func IsQuick(code Code) bool {
	return uint32(code) < 128 && quickCodes[uint32(code)/64]>>(uint32(code)%64)&1 != 0
}
