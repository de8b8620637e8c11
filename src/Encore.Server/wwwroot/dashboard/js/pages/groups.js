// Group builder: add member ids, pick an aggregation strategy, see the group's list and how well it suits
// each member (share of the list in the member's own top-N, mean normalised score).
import { get, post, labels, activeModels } from '../api.js';
import { h, panel, table, fmt, errorBox, trackName, splitIds } from '../dom.js';
import { modelSelect } from '../modelpicker.js';
import { barChart, COLORS } from '../charts.js';

export async function render(container, params) {
  container.append(h('h1', {}, 'Group builder'));
  // The strategies come from the server (GET /api/groups/strategies), the same table its group requests accept.
  const [models, { strategies }] = await Promise.all([activeModels(), get('/api/groups/strategies')]);
  const members = splitIds(params.get('members') ?? '');
  const chips = h('div', { class: 'chips', id: 'members' });
  const memberInput = h('input', { id: 'member-id', placeholder: 'user id (or several, comma separated)' });
  const strategy = h('select', { id: 'strategy' }, strategies.map(s => h('option', { value: s }, s)));
  const model = modelSelect(models, { id: 'group-model' });
  const kInput = h('input', { id: 'group-k', type: 'number', min: 1, max: 100, value: 10, style: 'width:70px' });
  const result = h('div', { id: 'group-result' });

  const addMembers = () => {
    for (const id of splitIds(memberInput.value)) if (!members.includes(id)) members.push(id);
    memberInput.value = '';
    drawChips();
  };
  function drawChips() {
    chips.replaceChildren(...members.map(id => h('span', { class: 'chip' }, id,
      h('button', { type: 'button', title: `remove ${id}`, onclick: () => { members.splice(members.indexOf(id), 1); drawChips(); } }, '×'))));
    if (!members.length) chips.append(h('span', { class: 'muted' }, 'No members yet.'));
  }

  container.append(
    h('form', { class: 'bar', onsubmit: e => { e.preventDefault(); addMembers(); } },
      h('label', { class: 'field' }, 'add member', memberInput), h('button', { type: 'submit', class: 'secondary', id: 'add-member' }, 'Add')),
    chips,
    h('form', { class: 'bar', onsubmit: e => { e.preventDefault(); recommend(); } },
      h('label', { class: 'field' }, 'strategy', strategy), model.field, h('label', { class: 'field' }, 'k', kInput),
      h('button', { type: 'submit', id: 'recommend-group' }, 'Recommend for the group')),
    result);
  drawChips();

  async function recommend() {
    if (!members.length) { result.replaceChildren(errorBox(new Error('Add at least one member.'))); return; }
    result.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const r = await post('/api/groups/recommendations', {
        members: members.map(user => ({ user })), k: Number(kInput.value) || 10, strategy: strategy.value, model: model.select.value || undefined,
      });
      const names = await labels(r.items.map(i => i.track));
      result.replaceChildren(h('div', { class: 'grid' },
        panel(`Group list — ${r.strategy}, ${r.model} v${r.version}`, table([
          { title: '#', value: (_, i) => i + 1, num: true },
          { title: 'track', value: t => trackName(t.track, names) },
          { title: 'score', value: t => fmt.num(t.score), num: true },
        ], r.items)),
        panel(`Member satisfaction — worst member's share ${fmt.pct(r.minimumShare)}`,
          barChart(r.members.map(m => ({ label: m.user ?? '?', value: m.shareInOwnTopN })), { color: COLORS[2], height: 200, yFormat: fmt.pct, horizontal: r.members.length > 6, title: 'share of the group list in each member\'s own top-N' }),
          table([
            { title: 'member', value: m => m.user },
            { title: 'path', value: m => h('span', { class: 'tag' }, m.path) },
            { title: 'share in own top-N', value: m => [h('span', { class: 'meter' }, h('span', { style: `width:${(m.shareInOwnTopN * 100).toFixed(0)}%` })), fmt.pct(m.shareInOwnTopN)] },
            { title: 'mean normalised score', value: m => fmt.num(m.meanNormalisedScore), num: true },
          ], r.members))));
    } catch (error) {
      result.replaceChildren(errorBox(error));
    }
  }

  if (members.length) await recommend();
}
