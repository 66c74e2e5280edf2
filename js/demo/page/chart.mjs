// chart.mjs — a small line chart on a plain <canvas> 2D context (no libraries),
// used by the demo page (./app.mjs) for its three small-multiple charts.
//
//   const chart = new LineChart(canvas, { yFormat: (v) => v.toFixed(2), yMin: 0 });
//   chart.draw({
//     xMax: 200,                          // the x axis spans rounds 0..xMax
//     series: [{ color: '#4e79a7', values: Float64Array, length: n, dashed: false }],
//     highlight: 2,                       // index of a series to emphasise, or -1
//     cursor: 57,                         // x of a vertical crosshair, or null
//   });
//
// Series point i is drawn at x = i + 1 (the value after round i + 1). The canvas
// keeps its CSS size; its backing store follows the CSS size × devicePixelRatio,
// checked on every draw, so the chart stays sharp after a resize or zoom.

const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
const COLORS = {
  grid: '#e8ebf0',
  axis: '#c3c9d4',
  label: '#6b7385',
  zero: '#9aa3b2',
  cursor: 'rgba(31, 36, 48, 0.35)',
  empty: '#9aa3b2',
};
const PAD = { left: 50, right: 14, top: 12, bottom: 26 };

/** "Nice" tick values covering [min, max] with about `count` steps. */
export function niceTicks(min, max, count = 5) {
  if (!(max > min)) max = min + 1;
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm >= 5 ? 10 : norm >= 2 ? 5 : norm >= 1.5 ? 2 : 1) * mag;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.abs(v) < step / 1e6 ? 0 : v);
  return { ticks, step, lo, hi };
}

export class LineChart {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {object} opts
   * @param {(v: number, step: number) => string} [opts.yFormat] tick label
   * @param {number} [opts.yMin] fixed lower bound (else from the data)
   * @param {number} [opts.yMax] fixed upper bound (else from the data)
   * @param {boolean} [opts.zeroLine] draw y = 0 darker when it is in range
   * @param {string} [opts.emptyText] shown before there is any data
   */
  constructor(canvas, opts = {}) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.opts = opts;
    this.plot = null; // { x0, y0, w, h, xMax } of the last draw, for hit-testing
  }

  /** Matches the backing store to the CSS size; returns [cssWidth, cssHeight, dpr]. */
  #fit() {
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(this.canvas.clientWidth));
    const h = Math.max(1, Math.round(this.canvas.clientHeight));
    const bw = Math.round(w * dpr);
    const bh = Math.round(h * dpr);
    if (this.canvas.width !== bw || this.canvas.height !== bh) {
      this.canvas.width = bw;
      this.canvas.height = bh;
    }
    return [w, h, dpr];
  }

  /** The round under a mouse event's x position, or null outside the plot. */
  roundAt(clientX) {
    if (!this.plot) return null;
    const rect = this.canvas.getBoundingClientRect();
    const x = clientX - rect.left - this.plot.x0;
    if (x < 0 || x > this.plot.w) return null;
    return Math.round((x / this.plot.w) * this.plot.xMax);
  }

  draw({ xMax, series, highlight = -1, cursor = null }) {
    const [width, height, dpr] = this.#fit();
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = FONT;

    const x0 = PAD.left;
    const y0 = PAD.top;
    const w = Math.max(10, width - PAD.left - PAD.right);
    const h = Math.max(10, height - PAD.top - PAD.bottom);
    this.plot = { x0, y0, w, h, xMax };

    // y range from the data drawn so far (finite values only).
    let min = Infinity, max = -Infinity, points = 0;
    for (const s of series) {
      for (let i = 0; i < s.length; i++) {
        const v = s.values[i];
        if (!Number.isFinite(v)) continue;
        if (v < min) min = v;
        if (v > max) max = v;
        points++;
      }
    }
    const { yMin, yMax, zeroLine, yFormat = (v) => String(v), emptyText = 'waiting for data…' } = this.opts;
    if (points === 0) { min = yMin ?? 0; max = yMax ?? 1; }
    if (yMin !== undefined) min = yMin;
    if (yMax !== undefined) max = yMax;
    if (zeroLine) { min = Math.min(min, 0); max = Math.max(max, 0); }
    if (max - min < 1e-9) { max = min + (Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 0.1); }
    const yt = niceTicks(min, max, Math.max(2, Math.min(5, Math.floor(h / 36))));
    const lo = yMin !== undefined ? yMin : yt.lo;
    const hi = yMax !== undefined ? yMax : yt.hi;
    const X = (x) => x0 + (x / xMax) * w;
    const Y = (v) => y0 + h - ((v - lo) / (hi - lo)) * h;

    // Grid and y labels.
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of yt.ticks) {
      if (t < lo - 1e-12 || t > hi + 1e-12) continue;
      const y = Math.round(Y(t)) + 0.5;
      ctx.strokeStyle = zeroLine && t === 0 ? COLORS.zero : COLORS.grid;
      ctx.beginPath();
      ctx.moveTo(x0, y);
      ctx.lineTo(x0 + w, y);
      ctx.stroke();
      ctx.fillStyle = COLORS.label;
      ctx.fillText(yFormat(t, yt.step), x0 - 8, y);
    }

    // x axis and labels (rounds).
    const xt = niceTicks(0, xMax, Math.max(2, Math.min(8, Math.floor(w / 70))));
    ctx.strokeStyle = COLORS.axis;
    ctx.beginPath();
    ctx.moveTo(x0, Math.round(y0 + h) + 0.5);
    ctx.lineTo(x0 + w, Math.round(y0 + h) + 0.5);
    ctx.stroke();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillStyle = COLORS.label;
    for (const t of xt.ticks) {
      if (t > xMax) continue;
      const x = Math.round(X(t)) + 0.5;
      ctx.strokeStyle = COLORS.axis;
      ctx.beginPath();
      ctx.moveTo(x, y0 + h);
      ctx.lineTo(x, y0 + h + 4);
      ctx.stroke();
      ctx.fillText(String(t), x, y0 + h + 7);
    }

    if (points === 0) {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = COLORS.empty;
      ctx.fillText(emptyText, x0 + w / 2, y0 + h / 2);
      return;
    }

    // Series, clipped to the plot; the highlighted one last and on top.
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, y0 - 2, w + 2, h + 4);
    ctx.clip();
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    const order = series.map((_, i) => i);
    if (highlight >= 0) order.push(order.splice(highlight, 1)[0]);
    for (const i of order) {
      const s = series[i];
      if (s.length === 0) continue;
      const faded = highlight >= 0 && i !== highlight;
      ctx.globalAlpha = faded ? 0.16 : 1;
      ctx.strokeStyle = s.color;
      ctx.lineWidth = i === highlight ? 2.6 : s.width ?? 1.7;
      ctx.setLineDash(s.dashed ? [5, 4] : []);
      ctx.beginPath();
      let pen = false;
      for (let k = 0; k < s.length; k++) {
        const v = s.values[k];
        if (!Number.isFinite(v)) { pen = false; continue; }
        const x = X(k + 1), y = Y(v);
        if (pen) ctx.lineTo(x, y); else ctx.moveTo(x, y);
        pen = true;
      }
      ctx.stroke();
      // A dot on the newest point.
      const last = s.values[s.length - 1];
      if (Number.isFinite(last) && !s.dashed) {
        ctx.setLineDash([]);
        ctx.fillStyle = s.color;
        ctx.beginPath();
        ctx.arc(X(s.length), Y(last), i === highlight ? 3.4 : 2.4, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    ctx.restore();
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);

    if (cursor !== null && cursor >= 0 && cursor <= xMax) {
      const x = Math.round(X(cursor)) + 0.5;
      ctx.strokeStyle = COLORS.cursor;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x, y0);
      ctx.lineTo(x, y0 + h);
      ctx.stroke();
    }
  }
}
