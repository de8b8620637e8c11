// Registered models: every version per name, the active one, its evaluation run id and notes; activating a
// version is a write action (admin key).
import { get, post, apiKey } from '../api.js';
import { h, panel, table, errorBox } from '../dom.js';
import { keyBox } from '../keybox.js';

export async function render(container) {
  container.append(h('h1', {}, 'Models'));
  container.append(h('p', { class: 'muted' },
    'The model registry: versions, kinds, the evaluation run id each version was registered with, and retraining notes ',
    'with their holdout comparison. Recorded evaluation runs and their reports are on the ', h('a', { href: '#/runs' }, 'Runs'), ' page.'));
  const status = h('div');
  const list = h('div');
  container.append(h('form', { class: 'bar', onsubmit: e => e.preventDefault() }, keyBox('admin, to activate a version')), status, list);

  async function load() {
    const models = await get('/api/dashboard/models');
    const byName = Map.groupBy(models, m => m.name);
    list.replaceChildren();
    if (!models.length) list.append(panel(null, h('p', { class: 'muted' }, 'No model is registered.')));
    for (const [name, versions] of byName) {
      const active = versions.find(v => v.isActive);
      list.append(panel(`${name}${active ? ` — serving v${active.version} (${active.kind})` : ' — no active version'}`,
        table([
          { title: 'version', value: v => `v${v.version}`, num: true },
          { title: 'kind', value: v => v.kind },
          { title: 'file', value: v => h('code', {}, v.file) },
          { title: 'registered', value: v => new Date(v.registeredMs).toISOString().replace('T', ' ').slice(0, 19) },
          { title: 'evaluation run', value: v => v.evaluationRunId ?? h('span', { class: 'muted' }, '–') },
          { title: 'note', value: v => v.note ?? '' },
          { title: 'can', value: v => v.isActive ? [v.canExplain ? 'explain ' : '', v.canFindSimilar ? 'similar' : ''].join('') || '–' : '' },
          { title: '', value: v => v.isActive ? h('span', { class: 'tag ok' }, 'active') : h('button', { class: 'secondary', onclick: () => activate(v) }, 'Activate') },
        ], [...versions].sort((a, b) => b.version - a.version))));
    }
  }

  async function activate(v) {
    status.replaceChildren();
    if (!apiKey()) { status.append(errorBox(new Error('Enter an admin API key first.'))); return; }
    try {
      await post(`/api/models/${encodeURIComponent(v.name)}/activate`, { version: v.version }, { key: true });
      status.append(h('div', { class: 'note' }, `${v.name} now serves v${v.version}.`));
      await load();
    } catch (error) {
      status.append(errorBox(error));
    }
  }

  await load();
  container.append(h('p', { class: 'muted small' }, 'Times are UTC.'));
}
