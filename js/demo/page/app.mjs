// app.mjs — the browser version of the simulated query optimizer
// (js/demo/optimizer.mjs), drawn live: per-operator learning curves on three
// small-multiple <canvas> charts, a legend, summary cards and a table.
//
// The learning step is ../optimizer-core.mjs and the simulated database
// ../workload.mjs, both environment-neutral and shared with the Node demo, so
// for the same dim, learning rate and seed the page computes exactly the numbers
// `node js/demo/optimizer.mjs --dim D --lr L --seed S --rounds R` prints
// (js/test/demo-page.test.mjs checks its final table against the Node run).
// This file only adds what the page draws: per-round chart series.
//
// URL parameters (all optional; the controls keep the URL in sync):
//   ?dim=64&lr=0.3&seed=42&rounds=200&speed=1&autostart=1
// The page exposes its state for tests as `window.__demo` (see publish()).

import init, * as wasm from '/js/index.js';
import { ATTENTION_NAMES } from '../workload.mjs';
import {
  Optimizer, OPS, OP_CATEGORY, CATEGORY_NAMES, QUERIES_PER_ROUND, DEFAULT_LEARNING_RATE,
} from '../optimizer-core.mjs';
import { LineChart } from './chart.mjs';

const { WasmScopedLoRA } = wasm;
const WINDOW = 10; // rounds in the trailing mean of improvement and success rate

/** One run: the shared optimizer plus the chart series it fills round by round. */
class Simulation extends Optimizer {
  constructor(settings) {
    super(wasm, settings);
    const rounds = this.maxRounds;
    const series = () => OPS.map(() => new Float64Array(rounds).fill(NaN));
    // Chart series: value after round i at index i.
    this.deltaNorm = series();
    this.improvement = series();
    this.success = series();
    // The global adapter over all operators (trailing windows, as above).
    this.globalMean = new Float64Array(rounds).fill(NaN);
    this.globalSuccess = new Float64Array(rounds).fill(NaN);
  }

  step() {
    super.step();
    const r = this.round - 1;
    const from = Math.max(0, r + 1 - WINDOW);
    let gSum = 0, gWins = 0, gCount = 0;
    OPS.forEach((op, k) => {
      this.deltaNorm[k][r] = this.scoped.delta_norm(op);
      const w = this.window(k, from, r + 1);
      this.improvement[k][r] = w.mean;
      this.success[k][r] = w.success;
      if (w.count > 0) {
        gSum += w.global * w.count;
        gWins += w.globalSuccess * w.count;
        gCount += w.count;
      }
    });
    this.globalMean[r] = gCount > 0 ? gSum / gCount : NaN;
    this.globalSuccess[r] = gCount > 0 ? gWins / gCount : NaN;
  }
}

// ---- the page ---------------------------------------------------------------

const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#3f9c96', '#59a14f', '#c99a06', '#a9679b', '#94684e'];
const GLOBAL_COLOR = '#3b4252';
const DIMS = [16, 32, 64, 128, 256, 512, 1024];
const LRS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1];
const ROUNDS = [100, 200, 500, 1000];
const SPEEDS = [1, 2, 5, 10];
const DEFAULTS = { dim: 64, lr: DEFAULT_LEARNING_RATE, seed: 42, rounds: 200, speed: 1, autostart: true };
const FRAME_BUDGET_MS = 12; // stop adding rounds to a frame after this

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
const signed = (v, digits = 3) => (Number.isFinite(v) ? (v >= 0 ? '+' : '−') + Math.abs(v).toFixed(digits) : '—');
const percent = (v, digits = 0) => (Number.isFinite(v) ? `${(100 * v).toFixed(digits)}%` : '—');
const fixed = (v, digits) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
const integer = (v) => Number(v).toLocaleString('en-US');
const decimalsFor = (step) => Math.max(0, Math.min(4, -Math.floor(Math.log10(step) + 1e-9)));

const state = {
  settings: { ...DEFAULTS },
  sim: null,
  running: false,
  runId: 0,
  runs: [], // { runId, reason, dim, lr, seed, rounds }
  raf: 0,
  highlight: -1, // op index emphasised (legend hover or click)
  pinned: -1,
  cursor: null, // hovered round
  roundsPerSec: 0,
  lastTick: 0,
  error: null,
  perf: { roundMs: 0, renderMs: 0 }, // moving averages, for window.__demo.perf
  names: OPS.map(String), // operator names, from WasmScopedLoRA.scope_name after init
};

function readSettings() {
  const q = new URLSearchParams(location.search);
  const pick = (name, list, parse = Number) => {
    if (!q.has(name)) return DEFAULTS[name];
    const v = parse(q.get(name));
    return list ? (list.includes(v) ? v : DEFAULTS[name]) : v;
  };
  const seed = Number(q.get('seed'));
  return {
    dim: pick('dim', null, (s) => {
      const n = Number(s);
      return Number.isInteger(n) && n >= 1 && n <= 8192 ? n : DEFAULTS.dim;
    }),
    lr: pick('lr', null, (s) => {
      const n = Number(s);
      return Number.isFinite(n) && n > 0 && n <= 10 ? n : DEFAULTS.lr;
    }),
    seed: q.has('seed') && Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32 ? seed : DEFAULTS.seed,
    rounds: pick('rounds', null, (s) => {
      const n = Number(s);
      return Number.isInteger(n) && n >= 10 && n <= 100000 ? n : DEFAULTS.rounds;
    }),
    speed: pick('speed', SPEEDS),
    autostart: q.get('autostart') !== '0',
  };
}

function writeUrl() {
  const { dim, lr, seed, rounds, speed } = state.settings;
  const q = new URLSearchParams({ dim, lr, seed, rounds, speed });
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

/** Adds the current value to a <select> when it is not one of the presets. */
function fillSelect(select, values, current, label = String) {
  const all = values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
  select.replaceChildren(...all.map((v) => el('option', { value: String(v), textContent: label(v) })));
  select.value = String(current);
}

// ---- build the static parts ------------------------------------------------

const charts = {
  delta: new LineChart($('chart-delta'), {
    yMin: 0,
    yFormat: (v, step) => v.toFixed(decimalsFor(step)),
  }),
  improvement: new LineChart($('chart-improvement'), {
    zeroLine: true,
    yFormat: (v, step) => (v > 0 ? '+' : v < 0 ? '−' : '') + Math.abs(v).toFixed(decimalsFor(step)),
  }),
  success: new LineChart($('chart-success'), {
    yMin: 0,
    yMax: 1,
    yFormat: (v) => `${Math.round(v * 100)}%`,
  }),
};

function buildLegend(opNames) {
  const items = OPS.map((op, k) => {
    const item = el(
      'button',
      { className: 'legend-item', type: 'button', title: `${opNames[k]} (${CATEGORY_NAMES[OP_CATEGORY[op]]}): click to pin` },
      el('span', { className: 'swatch' }),
      el('span', { className: 'legend-name', textContent: opNames[k] }),
    );
    item.style.setProperty('--c', COLORS[k]);
    item.dataset.op = String(k);
    item.setAttribute('aria-pressed', 'false');
    item.addEventListener('mouseenter', () => setHighlight(k));
    item.addEventListener('mouseleave', () => setHighlight(state.pinned));
    item.addEventListener('focus', () => setHighlight(k));
    item.addEventListener('blur', () => setHighlight(state.pinned));
    item.addEventListener('click', () => {
      state.pinned = state.pinned === k ? -1 : k;
      item.setAttribute('aria-pressed', String(state.pinned === k));
      for (const other of $('legend').querySelectorAll('.legend-item')) {
        if (other !== item) other.setAttribute('aria-pressed', 'false');
      }
      setHighlight(state.pinned);
    });
    return item;
  });
  const global = el(
    'span',
    { className: 'legend-item legend-global', title: 'One shared WasmMicroLoRA for every operator' },
    el('span', { className: 'swatch dashed' }),
    el('span', { className: 'legend-name', textContent: 'global adapter' }),
    el('span', { className: 'legend-cat', textContent: 'one WasmMicroLoRA for all' }),
  );
  $('legend').replaceChildren(...items, global);
}

function buildTable(opNames) {
  const rows = OPS.map((op, k) => {
    const cells = ['forwards', 'adapts', 'delta', 'improvement', 'success', 'global', 'verdict'].map((key) =>
      el('td', { className: `num ${key}` }),
    );
    const row = el(
      'tr',
      {},
      el('th', { scope: 'row' }, el('span', { className: 'swatch' }), opNames[k]),
      el('td', { className: 'cat', textContent: CATEGORY_NAMES[OP_CATEGORY[op]] }),
      ...cells,
    );
    row.style.setProperty('--c', COLORS[k]);
    row.addEventListener('mouseenter', () => setHighlight(k));
    row.addEventListener('mouseleave', () => setHighlight(state.pinned));
    return row;
  });
  $('table-body').replaceChildren(...rows);
}

function setHighlight(k) {
  state.highlight = k;
  for (const item of $('legend').querySelectorAll('.legend-item[data-op]')) {
    item.classList.toggle('dim', k >= 0 && item.dataset.op !== String(k));
  }
  $('table-body').querySelectorAll('tr').forEach((row, i) => row.classList.toggle('active', i === k));
  drawCharts();
}

// ---- drawing ------------------------------------------------------------------

function chartSeries(which) {
  const sim = state.sim;
  const n = sim ? sim.round : 0;
  const series = OPS.map((_, k) => ({ color: COLORS[k], values: sim ? sim[which][k] : [], length: n }));
  const global = { improvement: 'globalMean', success: 'globalSuccess' }[which];
  if (global && sim) series.push({ color: GLOBAL_COLOR, values: sim[global], length: n, dashed: true, width: 1.6 });
  return series;
}

function drawCharts() {
  const xMax = state.sim?.maxRounds ?? state.settings.rounds;
  const common = { xMax, highlight: state.highlight, cursor: state.cursor };
  charts.delta.draw({ ...common, series: chartSeries('deltaNorm') });
  charts.improvement.draw({ ...common, series: chartSeries('improvement') });
  charts.success.draw({ ...common, series: chartSeries('success') });
}

function renderTable() {
  const sim = state.sim;
  if (!sim) return;
  const to = sim.round;
  const from = Math.max(0, to - WINDOW);
  $('table-body').querySelectorAll('tr').forEach((row, k) => {
    const op = OPS[k];
    const w = sim.window(k, from, to);
    const set = (key, text) => {
      const cell = row.querySelector(`.${key}`);
      if (cell.textContent !== text) cell.textContent = text;
    };
    set('forwards', integer(sim.scoped.forward_count(op)));
    set('adapts', integer(sim.scoped.adapt_count(op)));
    set('delta', fixed(sim.scoped.delta_norm(op), 4));
    set('improvement', signed(w.mean));
    set('success', percent(w.success));
    set('global', signed(w.global));
    const ahead = Number.isFinite(w.mean) && Number.isFinite(w.global) ? w.mean > w.global : null;
    const verdict = row.querySelector('.verdict');
    const text = ahead === null ? '—' : ahead ? 'scoped ahead' : 'global ahead';
    if (verdict.textContent !== text) {
      verdict.textContent = text;
      verdict.className = `num verdict ${ahead === null ? '' : ahead ? 'good' : 'bad'}`;
    }
  });
  $('table-window').textContent = to === 0 ? 'no rounds yet' : `rounds ${from + 1}–${to}`;
}

function renderStats() {
  const sim = state.sim;
  const set = (id, value, sub) => {
    $(`stat-${id}`).textContent = value;
    if (sub !== undefined) $(`stat-${id}-sub`).textContent = sub;
  };
  if (!sim || sim.round === 0) {
    for (const id of ['queries', 'mean', 'success', 'best', 'versus', 'speed']) set(id, '—', '');
    return;
  }
  const { buffer, scoped } = sim;
  set('queries', integer(scoped.total_forward_count()), `${integer(sim.round)} rounds × ${QUERIES_PER_ROUND} queries`);
  set('mean', signed(buffer.mean_improvement(), 3), `variance ${fixed(buffer.variance(), 3)}, every recorded query`);
  set('success', percent(buffer.success_rate(), 1), `${integer(buffer.high_quality_count(0.6))} of ${integer(buffer.len())} stored with quality > 0.6`);
  const best = buffer.best_attention();
  set('best', signed(buffer.best_improvement(), 2), `with ${ATTENTION_NAMES[best] ?? '?'} attention`);
  const from = Math.max(0, sim.round - WINDOW);
  let s = 0, g = 0, ahead = 0;
  OPS.forEach((_, k) => {
    const w = sim.window(k, from, sim.round);
    s += w.mean;
    g += w.global;
    if (w.mean > w.global) ahead++;
  });
  set('versus', signed(s / OPS.length, 2), `vs ${signed(g / OPS.length, 2)} global (last ${Math.min(WINDOW, sim.round)} rounds); scoped ahead on ${ahead}/${OPS.length}`);
  const rate = state.roundsPerSec;
  const status = state.running ? '' : sim.done ? ' · done' : ' · paused';
  set('speed', rate > 0 ? `${integer(Math.round(rate))} rounds/s` : '—', rate > 0 ? `${integer(Math.round(rate * QUERIES_PER_ROUND))} queries/s${status}` : status.slice(3));
}

function renderStatus() {
  const sim = state.sim;
  const round = sim?.round ?? 0;
  const max = sim?.maxRounds ?? state.settings.rounds;
  let text, mode;
  if (state.error) { text = `error: ${state.error}`; mode = 'error'; }
  else if (!sim) { text = 'loading the wasm module…'; mode = 'idle'; }
  else if (sim.done) { text = `done · ${integer(round)} rounds`; mode = 'done'; }
  else if (state.running) { text = `running · round ${integer(round)} / ${integer(max)}`; mode = 'running'; }
  else { text = round === 0 ? 'ready · press Start' : `paused · round ${integer(round)} / ${integer(max)}`; mode = 'paused'; }
  $('status').textContent = text;
  $('status-wrap').dataset.mode = mode;
  $('progress-bar').style.width = `${(100 * round) / max}%`;
  const btn = $('run');
  btn.textContent = sim?.done ? 'Run again' : state.running ? 'Pause' : round === 0 ? 'Start' : 'Resume';
  btn.disabled = !sim || !!state.error;
  $('reset').disabled = !sim || !!state.error;
}

function render() {
  drawCharts();
  renderTable();
  renderStats();
  renderStatus();
  publish();
}

/** window.__demo: a plain snapshot for tests and the curious. */
function publish() {
  const sim = state.sim;
  Object.assign(window.__demo, {
    ready: sim !== null,
    running: state.running,
    done: sim?.done ?? false,
    rounds: sim?.round ?? 0,
    maxRounds: sim?.maxRounds ?? state.settings.rounds,
    dim: sim?.dim ?? state.settings.dim,
    lr: sim?.lr ?? state.settings.lr,
    seed: sim?.seed ?? state.settings.seed,
    speed: state.settings.speed,
    runId: state.runId,
    runs: state.runs.map((r) => ({ ...r })),
    error: state.error,
    perf: { ...state.perf },
  });
}

// ---- running --------------------------------------------------------------------

function fail(err) {
  state.error = err?.message ?? String(err);
  state.running = false;
  console.error('demo:', err);
  $('error').textContent = `Something went wrong: ${state.error}`;
  $('error').hidden = false;
  renderStatus();
  publish();
}

function schedule() {
  if (!state.raf && state.running) state.raf = requestAnimationFrame(frame);
}

function frame() {
  state.raf = 0;
  const sim = state.sim;
  if (!state.running || !sim) return;
  try {
    const t0 = performance.now();
    let n = 0;
    do {
      sim.step();
      n++;
    } while (n < state.settings.speed && !sim.done && performance.now() - t0 < FRAME_BUDGET_MS);
    const now = performance.now();
    if (state.lastTick > 0) {
      const rate = (n * 1000) / Math.max(1, now - state.lastTick);
      state.roundsPerSec = state.roundsPerSec === 0 ? rate : 0.9 * state.roundsPerSec + 0.1 * rate;
    }
    state.lastTick = now;
    if (sim.done) state.running = false;
    const t1 = performance.now();
    render();
    const ema = (prev, v) => (prev === 0 ? v : 0.9 * prev + 0.1 * v);
    state.perf.roundMs = ema(state.perf.roundMs, (t1 - t0) / n);
    state.perf.renderMs = ema(state.perf.renderMs, performance.now() - t1);
  } catch (err) {
    fail(err);
    return;
  }
  schedule();
}

function setRunning(on) {
  state.running = on && !!state.sim && !state.sim.done && !state.error;
  state.lastTick = 0;
  render();
  schedule();
}

/** Starts a fresh run with the current settings (freeing the previous one). */
function restart(reason, run) {
  try {
    state.sim?.free();
    state.sim = null;
    const { dim, lr, seed, rounds } = state.settings;
    state.sim = new Simulation({ dim, lr, seed, rounds });
    state.roundsPerSec = 0;
    state.runId += 1;
    state.runs.push({ runId: state.runId, reason, dim, lr, seed, rounds });
    describeNodeRun();
    if (state.runs.length > 50) state.runs.shift();
  } catch (err) {
    fail(err);
    return;
  }
  setRunning(run);
}

/** Tells how to get the same numbers from the Node demo (which needs a dimension of at least 16). */
function describeNodeRun() {
  const { dim, lr, seed, rounds } = state.settings;
  const note = $('node-note');
  if (dim >= 16) {
    note.replaceChildren('The Node demo prints the same numbers: ',
      el('code', { textContent: `node js/demo/optimizer.mjs --dim ${dim} --lr ${lr} --seed ${seed} --rounds ${rounds}` }), '.');
  } else {
    note.textContent = 'With dimension ≥ 16, the Node demo, js/demo/optimizer.mjs, prints the same numbers for any learning rate.';
  }
}

function bindControls() {
  const s = state.settings;
  fillSelect($('dim'), DIMS, s.dim);
  fillSelect($('rounds'), ROUNDS, s.rounds, integer);
  fillSelect($('speed'), SPEEDS, s.speed, (v) => `${v} round${v > 1 ? 's' : ''}/frame`);
  const lrs = LRS.includes(s.lr) ? LRS : [...LRS, s.lr].sort((a, b) => a - b);
  $('lr').max = String(lrs.length - 1);
  $('lr').value = String(lrs.indexOf(s.lr));
  $('lr-out').textContent = String(s.lr);
  $('seed').value = String(s.seed);

  const changed = (reason) => {
    writeUrl();
    restart(reason, true);
  };
  $('dim').addEventListener('change', (e) => {
    s.dim = Number(e.target.value);
    changed('dim');
  });
  $('lr').addEventListener('input', (e) => {
    $('lr-out').textContent = String(lrs[Number(e.target.value)]);
  });
  $('lr').addEventListener('change', (e) => {
    s.lr = lrs[Number(e.target.value)];
    $('lr-out').textContent = String(s.lr);
    changed('lr');
  });
  $('seed').addEventListener('change', (e) => {
    const n = Number(e.target.value);
    if (!Number.isInteger(n) || n < 0 || n >= 2 ** 32) {
      e.target.value = String(s.seed);
      return;
    }
    s.seed = n;
    changed('seed');
  });
  $('new-seed').addEventListener('click', () => {
    s.seed = (Math.random() * 2 ** 32) >>> 0;
    $('seed').value = String(s.seed);
    changed('seed');
  });
  $('rounds').addEventListener('change', (e) => {
    s.rounds = Number(e.target.value);
    changed('rounds');
  });
  $('speed').addEventListener('change', (e) => {
    s.speed = Number(e.target.value);
    writeUrl();
    publish();
  });
  $('run').addEventListener('click', () => {
    if (state.sim?.done) restart('run again', true);
    else setRunning(!state.running);
  });
  $('reset').addEventListener('click', () => restart('reset', false));
  document.addEventListener('keydown', (e) => {
    if (e.code !== 'Space' || e.target.closest?.('input, select, button, textarea')) return;
    e.preventDefault();
    $('run').click();
  });

  // Shared crosshair and a tooltip on the hovered chart.
  for (const [key, chart] of Object.entries(charts)) {
    const canvas = chart.canvas;
    canvas.addEventListener('mousemove', (e) => {
      const round = chart.roundAt(e.clientX);
      state.cursor = round !== null && round >= 1 ? round : null;
      drawCharts();
      showTooltip(key, canvas, e);
    });
    canvas.addEventListener('mouseleave', () => {
      state.cursor = null;
      $('tooltip').hidden = true;
      drawCharts();
    });
  }
  window.addEventListener('resize', () => drawCharts());
}

function showTooltip(key, canvas, event) {
  const tip = $('tooltip');
  const sim = state.sim;
  const r = state.cursor;
  if (!sim || r === null || r > sim.round) {
    tip.hidden = true;
    return;
  }
  const which = { delta: 'deltaNorm', improvement: 'improvement', success: 'success' }[key];
  const format = key === 'delta' ? (v) => fixed(v, 3) : key === 'success' ? (v) => percent(v) : (v) => signed(v);
  const rows = OPS.map((_, k) => ({ k, v: sim[which][k][r - 1] })).sort((a, b) => (b.v || 0) - (a.v || 0));
  const lines = rows.map(({ k, v }) => {
    const line = el('div', { className: 'tip-row' }, el('span', { className: 'swatch' }), el('span', { textContent: state.names[k] }), el('b', { textContent: format(v) }));
    line.style.setProperty('--c', COLORS[k]);
    return line;
  });
  const global = { improvement: 'globalMean', success: 'globalSuccess' }[key];
  if (global) {
    lines.push(el('div', { className: 'tip-row' }, el('span', { className: 'swatch dashed' }),
      el('span', { textContent: 'global adapter' }), el('b', { textContent: format(sim[global][r - 1]) })));
  }
  tip.replaceChildren(el('div', { className: 'tip-title', textContent: `after round ${r}` }), ...lines);
  tip.hidden = false;
  const box = canvas.getBoundingClientRect();
  const tw = tip.offsetWidth;
  const th = tip.offsetHeight;
  let x = event.clientX + 14;
  if (x + tw > window.innerWidth - 8) x = event.clientX - tw - 14;
  const y = Math.min(Math.max(8, box.top + 8), window.innerHeight - th - 8);
  tip.style.left = `${x + window.scrollX}px`;
  tip.style.top = `${y + window.scrollY}px`;
}

// ---- start ---------------------------------------------------------------------

window.__demo = { ready: false, rounds: 0, runId: 0, error: null, charts: ['chart-delta', 'chart-improvement', 'chart-success'] };
// Full series for tests: plain arrays (index i = after round i + 1).
window.__demo.series = () => {
  const sim = state.sim;
  if (!sim) return null;
  const take = (a) => Array.from(a.subarray(0, sim.round), (v) => (Number.isFinite(v) ? v : null));
  return {
    ops: state.names,
    deltaNorm: sim.deltaNorm.map(take),
    improvement: sim.improvement.map(take),
    success: sim.success.map(take),
    globalMean: take(sim.globalMean),
    globalSuccess: take(sim.globalSuccess),
    forwards: OPS.map((op) => Number(sim.scoped.forward_count(op))),
    adapts: OPS.map((op) => Number(sim.scoped.adapt_count(op))),
  };
};

state.settings = readSettings();
renderStatus();
drawCharts();
publish();
try {
  await init();
  state.names = OPS.map((op) => WasmScopedLoRA.scope_name(op));
  window.__demo.ops = state.names;
  buildLegend(state.names);
  buildTable(state.names);
  bindControls();
  restart('load', state.settings.autostart);
} catch (err) {
  fail(err);
}
