// Live ingestion and request latency over the last five minutes, refreshed every 2 s. The charts are made
// once and their data replaced on every refresh.
import { get, query } from '../api.js';
import { h, card, panel, fmt, errorBox } from '../dom.js';
import { lineChart, updateLineChart, COLORS } from '../charts.js';

const POLL_MS = 2000;

export async function render(container) {
  container.append(h('h1', {}, 'Live'));
  const body = h('div', { id: 'live-body' });
  const status = h('p', { class: 'muted small', id: 'live-status' });
  container.append(body, status);
  let timer = null;
  let stopped = false;
  let view = null;

  async function tick() {
    try {
      const live = await get(`/api/dashboard/live${query({ window: 300, step: 5 })}`);
      if (stopped) return;
      if (!view) view = build(body);
      draw(view, live);
      status.textContent = `Updated ${fmt.time(live.nowMs)} UTC; refreshes every ${POLL_MS / 1000} s.`;
    } catch (error) {
      if (!stopped) { view = null; body.replaceChildren(errorBox(error)); }
    }
    if (!stopped) timer = setTimeout(tick, POLL_MS);
  }

  await tick();
  return () => { stopped = true; clearTimeout(timer); };
}

const ms = v => `${Number(Number(v).toPrecision(3))} ms`;

function series(live) {
  const step = live.stepSeconds;
  const pts = live.points;
  return {
    ingest: [{ name: 'events / s', color: COLORS[0], points: pts.map(p => ({ x: p.timeMs, y: p.eventsIngested / step })) }],
    requests: [{ name: 'requests / s', color: COLORS[4], points: pts.map(p => ({ x: p.timeMs, y: p.requests / step })) }],
    latency: [
      { name: 'p50', color: COLORS[2], points: pts.map(p => ({ x: p.timeMs, y: p.p50Ms })) },
      { name: 'p95', color: COLORS[1], points: pts.map(p => ({ x: p.timeMs, y: p.p95Ms })) },
      { name: 'p99', color: COLORS[3], points: pts.map(p => ({ x: p.timeMs, y: p.p99Ms })) },
    ],
  };
}

function build(body) {
  const cards = h('div', { class: 'cards' });
  const empty = { stepSeconds: 5, points: [] };
  const s = series(empty);
  const charts = {
    ingest: lineChart(s.ingest, { xFormat: fmt.time, title: 'events per second', legend: false }),
    requests: lineChart(s.requests, { xFormat: fmt.time, title: 'requests per second', legend: false }),
    latency: lineChart(s.latency, { xFormat: fmt.time, yFormat: ms, title: 'latency percentiles', legend: true }),
  };
  const latencyTitle = h('h2', {}, 'Request latency');
  body.replaceChildren(cards, h('div', { class: 'grid three' },
    panel('Events ingested per second', charts.ingest),
    panel('API requests per second', charts.requests),
    h('section', { class: 'panel' }, latencyTitle, charts.latency)));
  return { cards, charts, latencyTitle };
}

function draw(view, live) {
  const latest = [...live.points].reverse().find(p => p.requests > 0);
  view.cards.replaceChildren(
    card('events ingested (since start)', fmt.int(live.totalEventsIngested)),
    card('API requests (since start)', fmt.int(live.totalRequests)),
    card('latest p50', fmt.ms(latest?.p50Ms)),
    card('latest p95', fmt.ms(latest?.p95Ms)),
    card('latest p99', fmt.ms(latest?.p99Ms)));
  view.latencyTitle.textContent = `Request latency (ms, per ${live.stepSeconds} s step)`;
  const s = series(live);
  updateLineChart(view.charts.ingest, s.ingest, fmt.time);
  updateLineChart(view.charts.requests, s.requests, fmt.time);
  updateLineChart(view.charts.latency, s.latency, fmt.time);
}
