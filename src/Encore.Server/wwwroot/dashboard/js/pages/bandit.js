// Bandit: one user's online bandit (POST /api/users/{id}/next and its feedback loop). Cards with the state,
// the reward curve (cumulative and running mean per rewarded round), the last choices with value and
// uncertainty, and a "next track" button with like / skip feedback (write key). Refreshes every 2 s.
import { get, post, query, labels } from '../api.js';
import { h, card, panel, table, fmt, errorBox, trackName } from '../dom.js';
import { lineChart, updateLineChart, COLORS } from '../charts.js';
import { keyBox } from '../keybox.js';

const POLL_MS = 2000;

export async function render(container, params) {
  container.append(h('h1', {}, 'Bandit'));
  const users = await get(`/api/bandit/users${query({ limit: 100 })}`);
  const userInput = h('input', { id: 'bandit-user', list: 'bandit-users', placeholder: 'user id', value: params.get('user') ?? users[0]?.user ?? '' });
  const list = h('datalist', { id: 'bandit-users' }, users.map(u => h('option', { value: u.user })));
  const nextButton = h('button', { type: 'button', id: 'bandit-next' }, 'Next track');
  const form = h('form', { class: 'bar', onsubmit: e => { e.preventDefault(); show(); } },
    h('label', { class: 'field' }, 'user id', userInput), list,
    h('button', { type: 'submit', id: 'bandit-show' }, 'Show'),
    keyBox('next track and feedback'), nextButton);
  const served = h('div', { id: 'bandit-served' });
  const body = h('div', { id: 'bandit-body' });
  const status = h('p', { class: 'muted small', id: 'bandit-status' });
  container.append(form, served, body, status);
  if (!users.length) body.append(h('div', { class: 'note' }, 'No user has bandit state yet: ask for a next track (POST /api/users/{id}/next) and send feedback on it.'));

  let timer = null;
  let stopped = false;
  let view = null;
  let user = '';

  async function tick() {
    clearTimeout(timer);
    if (!user) return;
    try {
      const state = await get(`/api/users/${encodeURIComponent(user)}/bandit${query({ last: 15 })}`);
      if (stopped || state.user !== user) return;
      const names = await labels(state.last.map(c => c.track));
      if (!view) view = build(body);
      draw(view, state, names);
      status.textContent = `Updated ${fmt.time(Date.now())} UTC; refreshes every ${POLL_MS / 1000} s.`;
    } catch (error) {
      if (!stopped) { view = null; body.replaceChildren(errorBox(error)); }
    }
    if (!stopped) timer = setTimeout(tick, POLL_MS);
  }

  async function show() {
    user = userInput.value.trim();
    view = null;
    body.replaceChildren();
    served.replaceChildren();
    await tick();
  }

  async function feedback(track, kind) {
    try {
      await post('/api/events', { user, track, kind }, { key: true });
      served.replaceChildren(h('p', { class: 'muted' }, `Sent ${kind} for ${track}.`));
      await tick();
    } catch (error) {
      served.replaceChildren(errorBox(error));
    }
  }

  nextButton.addEventListener('click', async () => {
    if (!userInput.value.trim()) return;
    if (userInput.value.trim() !== user) await show();
    try {
      const next = await post(`/api/users/${encodeURIComponent(user)}/next`, {}, { key: true });
      const names = await labels([next.track]);
      served.replaceChildren(panel('Served now',
        h('p', {}, trackName(next.track, names), ` — value ${fmt.num(next.value)}, uncertainty ${fmt.num(next.uncertainty)}, ${next.policy} over ${fmt.int(next.poolSize)} candidates (pool: ${next.path}${next.reason ? `, ${next.reason}` : ''})`),
        h('div', { class: 'bar' },
          ['like', 'play', 'skip', 'dislike'].map(kind => h('button', { type: 'button', id: `bandit-${kind}`, onclick: () => feedback(next.track, kind) }, kind)))));
      await tick();
    } catch (error) {
      served.replaceChildren(errorBox(error));
    }
  });

  if (userInput.value.trim()) await show();
  return () => { stopped = true; clearTimeout(timer); };
}

function series(state) {
  return {
    total: [{ name: 'cumulative reward', color: COLORS[0], points: state.curve.map(p => ({ x: p.round, y: p.cumulativeReward })) }],
    mean: [{ name: 'mean reward', color: COLORS[2], points: state.curve.map(p => ({ x: p.round, y: p.meanReward })) }],
  };
}

function build(body) {
  const cards = h('div', { class: 'cards' });
  const empty = series({ curve: [] });
  const charts = {
    total: lineChart(empty.total, { title: 'cumulative reward per round', legend: false }),
    mean: lineChart(empty.mean, { title: 'mean reward per round', legend: false }),
  };
  const choices = h('div', { id: 'bandit-choices' });
  body.replaceChildren(cards,
    h('div', { class: 'grid two' },
      panel('Cumulative reward by round', charts.total),
      panel('Mean reward by round', charts.mean)),
    panel('Last choices (newest last)', choices));
  return { cards, charts, choices };
}

function draw(view, state, names) {
  view.cards.replaceChildren(
    card('policy', state.policy),
    card('rounds (rewards absorbed)', fmt.int(state.rounds)),
    card('cumulative reward', fmt.num(state.cumulativeReward)),
    card('mean reward', fmt.num(state.meanReward)),
    card('waiting for feedback', fmt.int(state.pending)),
    card('vectors', state.space ?? '–'));
  const s = series(state);
  updateLineChart(view.charts.total, s.total);
  updateLineChart(view.charts.mean, s.mean);
  view.choices.replaceChildren(table([
    { title: 'served', value: c => `${fmt.date(c.servedMs)} ${fmt.time(c.servedMs)}` },
    { title: 'track', value: c => trackName(c.track, names) },
    { title: 'value', value: c => fmt.num(c.value), num: true },
    { title: 'uncertainty', value: c => fmt.num(c.uncertainty), num: true },
    { title: 'pool', value: c => fmt.int(c.poolSize), num: true },
    { title: 'feedback', value: c => (c.feedback ? `${c.feedback} (${fmt.num(c.reward)})` : 'waiting') },
  ], state.last, 'Nothing served to this user yet.'));
}
