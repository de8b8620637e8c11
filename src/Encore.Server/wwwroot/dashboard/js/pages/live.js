// Live ingestion and request latency over the last five minutes, refreshed every 2 s.
import { get, query } from '../api.js';
import { h, card, panel, fmt, errorBox } from '../dom.js';
import { lineChart, legend, COLORS } from '../chart.js';

const POLL_MS = 2000;

export async function render(container) {
  container.append(h('h1', {}, 'Live'));
  const body = h('div', { id: 'live-body' });
  const status = h('p', { class: 'muted small', id: 'live-status' });
  container.append(body, status);
  let timer = null;
  let stopped = false;

  async function tick() {
    try {
      const live = await get(`/api/dashboard/live${query({ window: 300, step: 5 })}`);
      if (stopped) return;
      draw(body, live);
      status.textContent = `Updated ${fmt.time(live.nowMs)} UTC; refreshes every ${POLL_MS / 1000} s.`;
    } catch (error) {
      if (!stopped) body.replaceChildren(errorBox(error));
    }
    if (!stopped) timer = setTimeout(tick, POLL_MS);
  }

  await tick();
  return () => { stopped = true; clearTimeout(timer); };
}

function draw(body, live) {
  const step = live.stepSeconds;
  const pts = live.points;
  const latest = [...pts].reverse().find(p => p.requests > 0);
  const ingest = [{ name: 'events / s', color: COLORS[0], points: pts.map(p => ({ x: p.timeMs, y: p.eventsIngested / step })) }];
  const requests = [{ name: 'requests / s', color: COLORS[4], points: pts.map(p => ({ x: p.timeMs, y: p.requests / step })) }];
  const latency = [
    { name: 'p50', color: COLORS[2], points: pts.map(p => ({ x: p.timeMs, y: p.p50Ms })) },
    { name: 'p95', color: COLORS[1], points: pts.map(p => ({ x: p.timeMs, y: p.p95Ms })) },
    { name: 'p99', color: COLORS[3], points: pts.map(p => ({ x: p.timeMs, y: p.p99Ms })) },
  ];
  body.replaceChildren(
    h('div', { class: 'cards' },
      card('events ingested (since start)', fmt.int(live.totalEventsIngested)),
      card('API requests (since start)', fmt.int(live.totalRequests)),
      card('latest p50', fmt.ms(latest?.p50Ms)),
      card('latest p95', fmt.ms(latest?.p95Ms)),
      card('latest p99', fmt.ms(latest?.p99Ms))),
    h('div', { class: 'grid three' },
      panel('Events ingested per second', lineChart(ingest, { xFormat: fmt.time, title: 'events per second' })),
      panel('API requests per second', lineChart(requests, { xFormat: fmt.time, title: 'requests per second' })),
      panel(`Request latency (ms, per ${step} s step)`, lineChart(latency, { xFormat: fmt.time, yFormat: v => `${v}`, title: 'latency percentiles' }), legend(latency))));
}
