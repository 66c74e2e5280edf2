// Type-checks types/index.d.ts with the repo's TypeScript (7.x), as a node:test:
// - js/test/types/tsconfig.json: usage.ts (every declaration, plus
//   @ts-expect-error lines for wrong uses), compat.ts (a superset of the
//   reference's declarations), seed.ts and the seed README examples as checked JS;
// - js/test/types/tsconfig.reference.json: seed.ts against the reference's own
//   d.ts, proving seed.ts is written purely against the reference's API.
//
//   node --test js/test/types.test.mjs      (same as `npx tsc -p js/test/types`)
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

/** Runs tsc -p project; resolves to its exit code and output. */
function tsc(project) {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, '-p', project], { cwd: REPO, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (err.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

for (const project of ['js/test/types/tsconfig.json', 'js/test/types/tsconfig.reference.json']) {
  test(`tsc -p ${project}`, async () => {
    const { code, output } = await tsc(project);
    assert.equal(code, 0, output);
  });
}
