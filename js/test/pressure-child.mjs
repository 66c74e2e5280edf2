// Child process of pressure.test.mjs: one scenario of pressure-scenarios.mjs
// in a fresh Node process (no --expose-gc: collection comes as it would in
// production), printing its measurements as one JSON line.
//
//   node js/test/pressure-child.mjs <scenario> '<options as JSON>'
import * as lib from '../index.js';
import * as scenarios from './pressure-scenarios.mjs';

const [name, options = '{}'] = process.argv.slice(2);
const { memory } = await lib.default();
const env = { lib, memory, hooks: globalThis.__ruvectorLearningGo, turn: () => new Promise((r) => setImmediate(r)) };
const result = await scenarios[name](env, JSON.parse(options));
console.log(JSON.stringify(result));
