// Recorded evaluation runs (the experiment store, runs.path): a leaderboard per dataset and protocol sorted
// by a chosen metric with its 95 % interval, a bar chart with interval whiskers, and the HTML report of the
// runs picked with the checkboxes (in a frame below, or a new tab).
import { get, query } from '../api.js';
import { h, panel, table, fmt } from '../dom.js';
import { barChart } from '../charts.js';

const DEFAULT_METRIC = 'ndcg@10';

export async function render(container, params) {
  container.append(h('h1', {}, 'Evaluation runs'));
  const list = await get('/api/runs');
  if (!list.available) {
    container.append(h('div', { class: 'note', id: 'runs-unavailable' }, list.message));
    return;
  }
  if (!list.runs.length) {
    container.append(h('p', { class: 'muted' }, `The experiment store ${list.store} holds no runs yet: run encore evaluate.`));
    return;
  }

  const metrics = [...new Set(list.runs.flatMap(r => r.metrics.map(m => m.name)))];
  const wanted = params.get('metric');
  const selected = new Set();
  const metric = h('select', { id: 'metric' }, metrics.map(m => h('option', { value: m }, m)));
  metric.value = metrics.includes(wanted) ? wanted : metrics.includes(DEFAULT_METRIC) ? DEFAULT_METRIC : metrics[0];
  const ascending = h('input', { type: 'checkbox', id: 'ascending' });
  const openButton = h('button', { id: 'open-report', type: 'button', disabled: true, onclick: () => showReport() }, 'Report of selected runs');
  const newTab = h('a', { id: 'report-tab', target: '_blank', rel: 'noopener', hidden: true }, 'open in a new tab');
  const count = h('span', { class: 'muted small', id: 'selected-count' }, 'none selected');
  const groups = h('div', { id: 'run-groups' });
  const report = h('div', { id: 'report' });

  container.append(
    h('p', { class: 'muted' }, `${list.runs.length} runs in ${list.store}. Intervals are 95 % bootstrap intervals over users; compare runs only within a dataset and protocol.`),
    h('form', { class: 'bar', onsubmit: e => e.preventDefault() },
      h('label', { class: 'field' }, 'sort by metric', metric),
      h('label', { class: 'field' }, 'lowest first', ascending),
      openButton, count, newTab),
    groups, report);

  metric.addEventListener('change', draw);
  ascending.addEventListener('change', draw);

  function reportUrl() { return `/api/runs/report${query({ ids: [...selected].join(',') })}`; }

  function selectionChanged() {
    openButton.disabled = selected.size === 0;
    count.textContent = selected.size ? `${selected.size} selected` : 'none selected';
    newTab.hidden = selected.size === 0;
    newTab.href = selected.size ? reportUrl() : '';
  }

  function showReport() {
    if (!selected.size) return;
    report.replaceChildren(panel(`Report of ${selected.size} run${selected.size === 1 ? '' : 's'}`,
      h('iframe', { class: 'report', id: 'report-frame', src: reportUrl(), title: 'HTML report of the selected runs' })));
    report.scrollIntoView({ behavior: 'smooth' });
  }

  function draw() {
    const name = metric.value;
    const byGroup = Map.groupBy(list.runs, r => `${r.dataset} · ${r.protocol}`);
    groups.replaceChildren();
    for (const [title, runs] of [...byGroup].sort((a, b) => a[0].localeCompare(b[0]))) {
      const sorted = sortRuns(runs, name, ascending.checked);
      const labels = labelRuns(sorted);
      const withValue = sorted.filter(r => metricOf(r, name));
      groups.append(h('section', { class: 'panel run-group', 'data-group': title },
        h('h2', {}, title),
        h('div', { class: 'table-scroll' }, leaderboard(sorted, name, labels)),
        withValue.length
          ? h('div', { class: 'run-chart' }, h('h3', {}, `${name} per run, best first (95 % interval)`), barChart(withValue.map(r => {
            const m = metricOf(r, name);
            return { label: labels.get(r.id), value: m.mean, low: m.low ?? undefined, high: m.high ?? undefined };
          }), { title: `${name} per run (95 % interval)`, yFormat: v => String(Number(Number(v).toPrecision(3))), horizontal: true, labelWidth: 40 }))
          : h('p', { class: 'muted' }, `No run here has ${name}.`)));
    }
  }

  function leaderboard(runs, name, labels) {
    return table([
      { title: '', value: r => h('input', { type: 'checkbox', class: 'pick', 'data-id': r.id, checked: selected.has(r.id), 'aria-label': `select ${r.id}`,
        onchange: e => { if (e.target.checked) selected.add(r.id); else selected.delete(r.id); selectionChanged(); } }) },
      { title: '#', value: (_, i) => i + 1, num: true },
      { title: 'model', value: r => h('span', { title: r.id }, labels.get(r.id), r.sweepId ? h('span', { class: 'tag' }, r.sweepId) : null) },
      { title: name, value: r => interval(metricOf(r, name)), num: true },
      { title: 'run', value: r => h('code', { class: 'small' }, r.id) },
      { title: 'started (UTC)', value: r => r.started.replace('T', ' ').slice(0, 16) },
      { title: 'seed', value: r => r.seed, num: true },
      { title: 'fit / eval s', value: r => `${fmt.num(r.fitSeconds)} / ${fmt.num(r.evaluateSeconds)}`, num: true },
    ], runs);
  }

  draw();
  selectionChanged();
  for (const id of (params.get('ids') ?? '').split(',').filter(Boolean)) selected.add(id);
  if (selected.size) { draw(); selectionChanged(); showReport(); }
}

function metricOf(run, name) { return run.metrics.find(m => m.name === name) ?? null; }

function interval(m) {
  if (!m) return h('span', { class: 'muted' }, '–');
  const mean = m.mean.toFixed(4);
  return m.low === null || m.low === undefined ? mean : [mean, h('span', { class: 'ci' }, ` [${m.low.toFixed(4)}, ${m.high.toFixed(4)}]`)];
}

// Runs without the metric go last whatever the direction; ties keep the store's order (oldest first).
function sortRuns(runs, name, ascending) {
  return [...runs].sort((a, b) => {
    const x = metricOf(a, name)?.mean;
    const y = metricOf(b, name)?.mean;
    if (x === undefined || y === undefined) return (x === undefined) - (y === undefined);
    return ascending ? x - y : y - x;
  });
}

// The model name, plus the run id where one group holds several runs of the same model.
function labelRuns(runs) {
  const counts = new Map();
  for (const r of runs) counts.set(r.model, (counts.get(r.model) ?? 0) + 1);
  return new Map(runs.map(r => [r.id, counts.get(r.model) > 1 ? `${r.model} (${r.id})` : r.model]));
}
