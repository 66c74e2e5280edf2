//go:build js && wasm

package main

import "github.com/ruvector/ruvector-learning-wasm/internal/api"

// The hot calls' own exports are generated from the table (hot_gen.go, by
// internal/api/internal/gluegen); these are what they share.

// done is a hot call's status: 1, or 0 with err recorded for member code.
func done(code api.Code, err error) int32 {
	if err != nil {
		return fail(code, err)
	}
	return 1
}

// spare is record's status: the new spare slot's offset v, or 0 with err
// recorded for member code.
func spare(code api.Code, v float64, err error) uint32 {
	if err != nil {
		fail(code, err)
		return 0
	}
	return uint32(v)
}

// missing is why handle h names none of the loader's objects of the class.
func missing(h uint32) error {
	if loaderObject(h) == nil {
		return api.ErrFreed
	}
	return api.ErrNotThis
}
