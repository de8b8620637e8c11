// Dataset overview: counts, events per kind, activity per day, popularity distribution, top tracks,
// for the ingested events and (when configured) the base dataset.
import { get } from '../api.js';
import { h, card, panel, table, fmt } from '../dom.js';
import { barChart, lineChart, COLORS } from '../charts.js';

export async function render(container) {
  container.append(h('h1', {}, 'Dataset overview'));
  const sources = await get('/api/dashboard/overview');
  for (const o of sources) container.append(section(o));
}

function section(o) {
  const c = o.counts;
  const title = o.source === 'store' ? 'Ingested events (service store)' : `Base dataset: ${o.name}`;
  const body = h('div', { class: 'source', 'data-source': o.source });
  body.append(h('h2', {}, title));
  body.append(h('div', { class: 'cards' },
    card('events', fmt.int(c.events)),
    card('users with events', fmt.int(c.users)),
    card('tracks with events', fmt.int(c.tracks)),
    card(o.source === 'store' ? 'users in catalogue' : 'users', fmt.int(c.catalogueUsers)),
    card(o.source === 'store' ? 'tracks in catalogue' : 'tracks', fmt.int(c.catalogueTracks)),
    o.source === 'base' ? card('playlists', fmt.int(c.playlists)) : null,
    card('first event', fmt.date(c.firstEventMs)),
    card('last event', fmt.date(c.lastEventMs))));
  if (c.events === 0) {
    body.append(h('p', { class: 'muted' }, 'No events yet: post feedback to POST /api/events with a write key (encore demo prints a ready curl line).'));
    return panel(null, body);
  }
  body.append(h('div', { class: 'grid' },
    panel('Events per kind', barChart(o.eventsPerKind.map(k => ({ label: k.kind, value: k.events })), { title: 'events per kind' })),
    panel('Activity over time (events per day)', o.eventsPerDay.length
      ? lineChart([{ name: 'events per day', points: o.eventsPerDay.map(d => ({ x: Date.parse(d.day), y: d.events })) }],
        { xFormat: fmt.date, title: 'events per day' })
      : h('p', { class: 'muted' }, 'No timestamps.')),
    panel('Popularity distribution (tracks by number of events)', barChart(o.popularity.map(b => ({
      label: b.min === b.max ? String(b.min) : `${shortNum(b.min)}–${shortNum(b.max)}`, value: b.tracks,
    })), { color: COLORS[1], title: 'tracks per event-count bucket' })),
    panel('Most played tracks', table([
      { title: '#', value: (_, i) => i + 1, num: true },
      { title: 'track', value: t => t.title ? h('span', { title: t.track }, t.title) : t.track },
      { title: 'events', value: t => fmt.int(t.events), num: true },
    ], o.topTracks.slice(0, 10)))));
  return panel(null, body);
}

const shortNum = n => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
