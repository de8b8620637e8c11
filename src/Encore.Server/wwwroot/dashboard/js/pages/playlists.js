// Playlist continuation playground: seed tracks and / or a title -> the tracks that continue it.
import { get, post, labels, activeModels } from '../api.js';
import { h, panel, table, fmt, errorBox, trackName, splitIds } from '../dom.js';
import { modelSelect } from '../modelpicker.js';

export async function render(container, params) {
  container.append(h('h1', {}, 'Playlist continuation'));
  const models = await activeModels();
  const seeds = h('textarea', { id: 'seeds', placeholder: 'seed track ids, comma or newline separated' });
  seeds.value = params.get('seeds') ?? '';
  const title = h('input', { id: 'playlist-title', placeholder: 'e.g. summer road trip', value: params.get('title') ?? '' });
  const model = modelSelect(models, { id: 'playlist-model' });
  const kInput = h('input', { id: 'playlist-k', type: 'number', min: 1, max: 100, value: 10, style: 'width:70px' });
  const result = h('div', { id: 'playlist-result' });

  container.append(
    h('form', { class: 'bar', onsubmit: e => { e.preventDefault(); go(); } },
      h('label', { class: 'field' }, 'seed tracks', seeds),
      h('label', { class: 'field' }, 'title', title), model.field, h('label', { class: 'field' }, 'k', kInput),
      h('button', { type: 'button', class: 'secondary', id: 'popular-seeds', onclick: popularSeeds }, 'Use 3 popular tracks'),
      h('button', { type: 'submit', id: 'continue' }, 'Continue playlist')),
    result);

  async function popularSeeds() {
    const overview = await get('/api/dashboard/overview');
    const top = overview.flatMap(o => o.topTracks).map(t => t.track);
    seeds.value = [...new Set(top)].slice(0, 3).join('\n');
  }

  async function go() {
    const seedList = splitIds(seeds.value);
    const name = title.value.trim();
    if (!seedList.length && !name) { result.replaceChildren(errorBox(new Error('Give seed tracks, a title, or both.'))); return; }
    result.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const r = await post('/api/playlists/continuation', {
        seeds: seedList.length ? seedList : undefined, title: name || undefined, k: Number(kInput.value) || 10, model: model.select.value || undefined,
      });
      const names = await labels([...seedList, ...r.items.map(i => i.track)]);
      result.replaceChildren(h('div', { class: 'grid' },
        panel('Playlist so far', seedList.length
          ? table([{ title: '#', value: (_, i) => i + 1, num: true }, { title: 'track', value: t => trackName(t, names) }], seedList)
          : h('p', { class: 'muted' }, `Title only: “${name}”.`)),
        panel(`Continuation — ${r.model} v${r.version}`, h('p', { class: 'muted small' }, `path: ${r.path}`,
          r.ignoredTracks ? `; ${r.ignoredTracks} seed track(s) unknown to the model were ignored` : ''),
        table([
          { title: '#', value: (_, i) => seedList.length + i + 1, num: true },
          { title: 'track', value: t => trackName(t.track, names) },
          { title: 'score', value: t => fmt.num(t.score), num: true },
        ], r.items))));
    } catch (error) {
      result.replaceChildren(errorBox(error));
    }
  }

  if (seeds.value || title.value) await go();
}
