// Charts as inline SVG: vertical bars and multi-series lines, with nice axis ticks. No dependencies.

const NS = 'http://www.w3.org/2000/svg';
export const COLORS = ['#3b5bdb', '#e8590c', '#2b8a3e', '#ae3ec9', '#0c8599', '#f08c00'];

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** About `count` round tick values covering [0, max]. */
export function niceTicks(max, count = 5) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map(m => m * power).find(x => x >= raw);
  const ticks = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const shortNumber = v => (Math.abs(v) >= 1000 ? compact.format(v) : String(Number(v.toPrecision(4))));

function frame(width, height, margin, yMax, yFormat) {
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const ticks = niceTicks(yMax * 1.08);
  const top = ticks[ticks.length - 1];
  const plotH = height - margin.top - margin.bottom;
  const y = v => margin.top + plotH - (v / top) * plotH;
  for (const t of ticks) {
    svg.append(s('line', { class: 'gridline', x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t) }));
    svg.append(s('text', { x: margin.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, yFormat(t)));
  }
  svg.append(s('line', { class: 'axis', x1: margin.left, x2: width - margin.right, y1: y(0), y2: y(0) }));
  return { svg, y };
}

/**
 * Bars: data = [{label, value, low?, high?}]. Options: width, height, color, title, yFormat.
 * Each bar is a <path> so tests and styles can treat every chart the same way; an interval (low, high)
 * adds a whisker (<line class="whisker">, capped) over its bar.
 */
export function barChart(data, { width = 520, height = 260, color = COLORS[0], title = '', yFormat = shortNumber } = {}) {
  const margin = { top: 16, right: 12, bottom: 42, left: 52 };
  const max = Math.max(0, ...data.map(d => Math.max(d.value, d.high ?? d.value)));
  const { svg, y } = frame(width, height, margin, max, yFormat);
  if (title) svg.append(s('title', {}, title));
  const plotW = width - margin.left - margin.right;
  const slot = plotW / Math.max(1, data.length);
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const every = Math.ceil(data.length / Math.max(1, Math.floor(plotW / 46)));
  data.forEach((d, i) => {
    const x = margin.left + slot * i + (slot - barW) / 2;
    const top = y(d.value);
    const bottom = y(0);
    svg.append(s('path', { d: `M${x},${bottom}V${top}h${barW}V${bottom}Z`, fill: color, 'data-value': d.value },
      s('title', {}, `${d.label}: ${d.value}`)));
    if (Number.isFinite(d.low) && Number.isFinite(d.high)) {
      const mid = x + barW / 2;
      const cap = Math.min(8, barW / 3);
      for (const [x1, x2, y1, y2] of [[mid, mid, y(d.low), y(d.high)], [mid - cap, mid + cap, y(d.low), y(d.low)], [mid - cap, mid + cap, y(d.high), y(d.high)]]) {
        svg.append(s('line', { class: 'whisker', x1, x2, y1, y2 }));
      }
    }
    if (i % every === 0) {
      svg.append(s('text', { x: x + barW / 2, y: height - margin.bottom + 16, 'text-anchor': 'middle' }, d.label));
    }
  });
  return svg;
}

/**
 * Lines: series = [{name, color?, points: [{x, y}]}] with numeric x (e.g. Unix ms). Options: width, height,
 * xFormat(x), yFormat(y), title. Null y values break the line.
 */
export function lineChart(series, { width = 520, height = 260, xFormat = String, yFormat = shortNumber, title = '' } = {}) {
  const margin = { top: 16, right: 16, bottom: 32, left: 52 };
  const all = series.flatMap(se => se.points).filter(p => p.y !== null && p.y !== undefined);
  const xs = series.flatMap(se => se.points.map(p => p.x));
  const yMax = Math.max(0, ...all.map(p => p.y));
  const { svg, y } = frame(width, height, margin, yMax, yFormat);
  if (title) svg.append(s('title', {}, title));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const plotW = width - margin.left - margin.right;
  const x = v => margin.left + (xMax > xMin ? ((v - xMin) / (xMax - xMin)) * plotW : plotW / 2);
  // Few distinct x values (a handful of days) get one tick each; otherwise five evenly spaced ticks.
  const distinct = [...new Set(xs)].sort((a, b) => a - b);
  const tickValues = distinct.length <= 6 ? distinct : [0, 1, 2, 3, 4].map(i => xMin + ((xMax - xMin) * i) / 4);
  tickValues.forEach((v, i) => {
    const anchor = tickValues.length === 1 ? 'middle' : i === 0 ? 'start' : i === tickValues.length - 1 ? 'end' : 'middle';
    svg.append(s('text', { x: x(v), y: height - margin.bottom + 16, 'text-anchor': anchor }, xFormat(v)));
  });
  series.forEach((se, i) => {
    let d = '';
    let pen = false;
    for (const p of se.points) {
      if (p.y === null || p.y === undefined) { pen = false; continue; }
      d += `${pen ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`;
      pen = true;
    }
    // A single point still needs a visible mark.
    if (d && !d.includes('L')) d += 'h0.01';
    svg.append(s('path', { d: d || `M${margin.left},${y(0)}`, fill: 'none', stroke: se.color ?? COLORS[i % COLORS.length], 'stroke-width': 2,
      'stroke-linejoin': 'round', 'stroke-linecap': 'round' }, s('title', {}, se.name)));
  });
  return svg;
}

/** A colour legend for line charts. */
export function legend(series) {
  const div = document.createElement('div');
  div.className = 'legend';
  series.forEach((se, i) => {
    const item = document.createElement('span');
    const swatch = document.createElement('i');
    swatch.style.background = se.color ?? COLORS[i % COLORS.length];
    item.append(swatch, se.name);
    div.append(item);
  });
  return div;
}
