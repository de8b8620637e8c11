// User explorer: a user's history next to the recommendations of two models, with "because you played X"
// explanations from models that can explain.
import { get, query, labels, activeModels } from '../api.js';
import { h, panel, table, fmt, errorBox, trackName } from '../dom.js';
import { modelSelect, capabilities } from '../modelpicker.js';

export async function render(container, params) {
  container.append(h('h1', {}, 'User explorer'));
  const models = await activeModels();
  const userInput = h('input', { id: 'user-id', placeholder: 'user id', value: params.get('user') ?? '', required: true });
  const kInput = h('input', { id: 'k', type: 'number', min: 1, max: 100, value: 10, style: 'width:70px' });
  const left = modelSelect(models, { id: 'model-a', label: 'model A', selected: models[0]?.name });
  const right = modelSelect(models, { id: 'model-b', label: 'model B', selected: models[1]?.name ?? models[0]?.name });
  const result = h('div', { id: 'user-result' });
  const form = h('form', { class: 'bar', onsubmit: e => { e.preventDefault(); lookUp(); } },
    h('label', { class: 'field' }, 'user id', userInput),
    left.field, right.field,
    h('label', { class: 'field' }, 'k', kInput),
    h('button', { type: 'submit', id: 'look-up' }, 'Look up'));
  container.append(form, result);
  if (!models.length) container.append(h('div', { class: 'note' }, 'No active model: recommendations need one.'));

  async function lookUp() {
    const user = userInput.value.trim();
    if (!user) return;
    result.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const k = Number(kInput.value) || 10;
      const [history, a, b] = await Promise.all([
        get(`/api/dashboard/users/${encodeURIComponent(user)}/history${query({ limit: 50 })}`),
        recommend(user, left.select.value, k),
        recommend(user, right.select.value, k),
      ]);
      const names = await labels([...history.tracks.map(t => t.track), ...a.items.map(i => i.track), ...b.items.map(i => i.track),
        ...a.because.flatMap(x => x ?? []).map(c => c.track), ...b.because.flatMap(x => x ?? []).map(c => c.track)]);
      const inA = new Set(a.items.map(i => i.track));
      const inB = new Set(b.items.map(i => i.track));
      result.replaceChildren(h('div', { class: 'grid three' },
        panel(`History of ${user} — ${fmt.int(history.events)} events, ${fmt.int(history.distinctTracks)} tracks`, table([
          { title: 'track', value: t => trackName(t.track, names) },
          { title: 'events', value: t => fmt.int(t.events), num: true },
          // Summed event values (plays in HetRec, where one event carries an artist's play count); the order of the list.
          ...(history.tracks.some(t => t.total !== t.events) ? [{ title: 'plays / value', value: t => fmt.num(t.total), num: true }] : []),
          { title: 'last', value: t => fmt.date(t.lastMs) },
        ], history.tracks, 'No history: the user is new (recommendations fall back to cold start).')),
        recommendationPanel(a, names, inB),
        recommendationPanel(b, names, inA)));
    } catch (error) {
      result.replaceChildren(errorBox(error));
    }
  }

  async function recommend(user, model, k) {
    const response = await get(`/api/users/${encodeURIComponent(user)}/recommendations${query({ k, model })}`);
    const caps = capabilities(models, model || null);
    // Explanations need a model that can explain and a user it was trained on (path "model").
    const explain = caps?.canExplain && response.path === 'model';
    response.because = explain
      ? await Promise.all(response.items.map(i =>
        get(`/api/users/${encodeURIComponent(user)}/recommendations/${encodeURIComponent(i.track)}/explanation${query({ n: 2, model })}`)
          .then(e => e.because)))
      : response.items.map(() => null);
    return response;
  }

  if (userInput.value) await lookUp();
}

function recommendationPanel(r, names, other) {
  return panel(`${r.model} v${r.version}`, h('p', { class: 'muted small' }, `path: ${r.path}`), table([
    { title: '#', value: (_, i) => i + 1, num: true },
    { title: 'track', value: (t, i) => [trackName(t.track, names), other.has(t.track) ? h('span', { class: 'tag shared' }, ' both') : null,
      r.because[i]?.length ? h('div', { class: 'because' }, 'because you played ', r.because[i].map((c, j) => [j ? ', ' : '', trackName(c.track, names)])) : null] },
    { title: 'score', value: t => fmt.num(t.score), num: true },
  ], r.items));
}
