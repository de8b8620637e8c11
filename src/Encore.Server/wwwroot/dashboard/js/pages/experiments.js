// Experiments: every A/B experiment (admin key) with its state, per-variant metrics from its report (users,
// impressions, plays, likes, skips, rates and reward per impression with 95 % intervals), a play-rate chart with
// interval whiskers, each variant against the control, and start / delete (drafts) / stop / promote buttons.
import { getWithKey, post, del, apiKey } from '../api.js';
import { h, panel, table, errorBox } from '../dom.js';
import { barChart, COLORS } from '../charts.js';
import { keyBox } from '../keybox.js';

const pct = v => `${(100 * v).toFixed(1)} %`;
// A variant with fewer than 2 users has no variance, so no interval (low95 and high95 are null).
const rate = r => (r.low95 == null || r.high95 == null ? `${pct(r.value)} [n/a]` : `${pct(r.value)} [${pct(r.low95)}, ${pct(r.high95)}]`);
// "significant", "not significant" or "not enough data" (no test: a variant with fewer than 2 users, or no spread).
const verdict = result => {
  if (result.pValue == null) {
    return h('span', { 'data-verdict': 'not-enough-data' }, h('span', { class: 'tag warn' }, 'not enough data'), h('span', { class: 'muted small' }, ` ${result.reason ?? ''}`));
  }
  return result.significant
    ? h('span', { class: 'tag ok', 'data-verdict': 'significant' }, 'significant')
    : h('span', { class: 'muted', 'data-verdict': 'not-significant' }, 'not significant');
};
const time = ms => (ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) : '–');

export async function render(container) {
  container.append(h('h1', {}, 'Experiments'));
  container.append(h('p', { class: 'muted' },
    'A/B experiments on live traffic: while one runs, recommendations without an explicit model come from the ',
    "user's variant and feedback on a shown track is attributed to the list that showed it. The test is fixed-horizon: ",
    'decide the sample size first and read it once. Create experiments with POST /api/experiments and correct a draft with ',
    'PUT /api/experiments/{name} (docs/experiments.md).'));
  const status = h('div', { id: 'experiments-status' });
  const list = h('div', { id: 'experiments-list' });
  container.append(h('form', { class: 'bar', onsubmit: e => { e.preventDefault(); load(); } },
    keyBox('admin, to read and change experiments'), h('button', { type: 'submit', id: 'experiments-load' }, 'Show')), status, list);

  async function load() {
    list.replaceChildren();
    if (!apiKey()) { list.append(h('div', { class: 'note' }, 'Enter an admin API key to see the experiments.')); return; }
    try {
      const experiments = await getWithKey('/api/experiments');
      if (!experiments.length) list.append(panel(null, h('p', { class: 'muted' }, 'No experiment yet.')));
      for (const e of experiments) {
        const report = e.state === 'draft' ? null : await getWithKey(`/api/experiments/${encodeURIComponent(e.name)}/report`);
        list.append(experimentPanel(e, report));
      }
    } catch (error) {
      list.append(errorBox(error));
    }
  }

  function experimentPanel(e, report) {
    const variants = e.experiment.variants;
    const metrics = new Map((report?.variants ?? []).map(m => [m.variant, m]));
    const actions = h('div', { class: 'bar' });
    if (e.state === 'draft') {
      actions.append(button(`Start ${e.name}`, 'start', () => act(e, 'start')));
      actions.append(button(`Delete ${e.name}`, 'delete', () => act(e, 'delete'), 'secondary'));
    }
    if (e.state === 'running') actions.append(button(`Stop ${e.name}`, 'stop', () => act(e, 'stop')));
    if (e.state === 'running' || e.state === 'stopped')
      for (const v of variants) actions.append(button(`Promote ${v.name}`, `promote-${v.name}`, () => act(e, 'promote', { variant: v.name }), 'secondary'));
    const title = `${e.name} — ${e.state}${e.promotedVariant ? ` (${e.promotedVariant} promoted)` : ''}`;
    const children = [
      h('p', { class: 'muted small' }, `created ${time(e.createdMs)} · started ${time(e.startedMs)} · stopped ${time(e.stoppedMs)} · salt ${e.experiment.salt}`),
      table([
        { title: 'variant', value: v => v.name },
        { title: 'model', value: v => h('code', {}, v.model ?? v.policy ?? '') },
        { title: 'share', value: v => pct(v.share), num: true },
        { title: 'users', value: v => metrics.get(v.name)?.users ?? '–', num: true },
        { title: 'impressions', value: v => metrics.get(v.name)?.impressions ?? '–', num: true },
        { title: 'plays', value: v => metrics.get(v.name)?.plays ?? '–', num: true },
        { title: 'likes', value: v => metrics.get(v.name)?.likes ?? '–', num: true },
        { title: 'skips', value: v => metrics.get(v.name)?.skips ?? '–', num: true },
        { title: 'play rate [95 %]', value: v => (metrics.has(v.name) ? rate(metrics.get(v.name).playRate) : '–') },
        { title: 'reward [95 %]', value: v => (metrics.has(v.name) ? rate(metrics.get(v.name).reward) : '–') },
      ], variants),
    ];
    if (report) {
      children.push(barChart(report.variants.map(m => ({ label: m.variant, value: m.playRate.value, low: m.playRate.low95, high: m.playRate.high95 })),
        { title: 'play rate per impression (95 % interval)', color: COLORS[0], yFormat: pct, height: 220 }));
      children.push(table([
        { title: 'variant', value: c => c.variant },
        { title: 'metric', value: c => c.metric },
        { title: 'difference', value: c => c.result.difference.toFixed(4), num: true },
        { title: 'interval', value: c => (c.result.low == null ? '–' : `[${c.result.low.toFixed(4)}, ${c.result.high.toFixed(4)}]`) },
        { title: 'p', value: c => (c.result.pValue == null ? '–' : c.result.pValue.toFixed(4)), num: true },
        { title: '', value: c => verdict(c.result) },
      ], report.comparisons));
    }
    children.push(actions);
    const div = panel(title, ...children);
    div.dataset.experiment = e.name;
    return div;
  }

  function button(label, id, onclick, kind = '') {
    return h('button', { type: 'button', class: kind, 'data-action': id, onclick }, label);
  }

  async function act(e, action, body) {
    status.replaceChildren();
    try {
      const path = `/api/experiments/${encodeURIComponent(e.name)}`;
      if (action === 'delete') await del(path, { key: true });
      else await post(`${path}/${action}`, body, { key: true });
      status.append(h('div', { class: 'note' }, `${e.name}: ${action} done.`));
      await load();
    } catch (error) {
      status.append(errorBox(error));
    }
  }

  await load();
  container.append(h('p', { class: 'muted small' }, 'Times are UTC.'));
}
