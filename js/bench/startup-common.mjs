// startup-common.mjs — what a start-up sample times, shared by the Node
// child (startup-child.mjs) and the Chromium page (startup-page.mjs).

const input = new Float32Array(256).map((_, i) => Math.sin(i));

/** firstUse makes the first usable object: a WasmMicroLoRA(256) and one forward_array. */
export function firstUse(lib) {
  return new lib.WasmMicroLoRA(256).forward_array(input)[1];
}

/** runHello: new Go(), instantiate, go.run, then call the hello() the floor registers. */
export async function runHello(instantiate) {
  const go = new globalThis.Go();
  const instance = await instantiate(go);
  go.run(instance);
  if (typeof globalThis.hello !== 'function') throw new Error('hello world did not register hello()');
  return globalThis.hello();
}
