// ruvector-learning-wasm loader, written as a classic script so that one file
// serves both ways of loading the package:
//
//   <script src="wasm_exec.js"></script><script src="classic.js"></script>
//     defines globalThis.ruvectorLearning = { init, initSync, WasmMicroLoRA,
//     WasmScopedLoRA, WasmTrajectoryBuffer }, whose default wasm URL is
//     ruvector_learning.wasm next to this script;
//   import ... from 'ruvector-learning-wasm' (js/index.js)
//     imports this file for globalThis.__ruvectorLearningCreate and exports
//     what it returns.
//
// The Go program (cmd/wasm) registers bare classes on the JS global and
// exports its members as //go:wasmexport functions. The classes here are
// generated from the member table (internal/api/table.go): each method
// checks its arguments, calls its export with the object's handle, and when
// the call is refused throws the error Go recorded (rv_error). Each object
// keeps its handle in a private record that nothing outside can read or
// change; objects garbage-collected unfreed are released.
//
// Parts, from js/src: values.js (reading JS values), loading.js (init's
// input), the generated classes, runtime.js (one loader's lifecycle, memory
// views, errors), entry.js (the globals this script defines).
