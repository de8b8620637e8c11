// Tiny DOM helpers: element builder, tables, number and time formatting.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table from column specs {title, value(row) -> node|text, num?} and rows. */
export function table(columns, rows, empty = 'Nothing to show.') {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('table', {},
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { class: c.num ? 'num' : null }, c.title)))),
    h('tbody', {}, rows.map((row, i) => h('tr', {}, columns.map(c => h('td', { class: c.num ? 'num' : null }, c.value(row, i)))))));
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

export const fmt = {
  int: n => (n === null || n === undefined ? '–' : integer.format(n)),
  num: n => (n === null || n === undefined ? '–' : decimal.format(n)),
  pct: x => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(0)} %`),
  date: ms => (ms === null || ms === undefined ? '–' : new Date(ms).toISOString().slice(0, 10)),
  time: ms => new Date(ms).toISOString().slice(11, 19),
  ms: x => (x === null || x === undefined ? '–' : `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`),
};

export function card(label, value) {
  return h('div', { class: 'card' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
}

export function panel(title, ...children) {
  return h('section', { class: 'panel' }, title ? h('h2', {}, title) : null, ...children);
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, error?.message ?? String(error));
}

/** "Title – Artist" when known, else the id; the id is always in the tooltip. */
export function trackName(id, labels) {
  const label = labels?.get(id);
  // An artist-level item (HetRec) has its name as both title and artist: show it once.
  const text = label?.title ? (label.artist && label.artist !== label.title ? `${label.title} – ${label.artist}` : label.title) : (label?.artist ?? id);
  return h('span', { title: id }, text, text === id ? null : h('span', { class: 'muted small' }, ` (${id})`));
}

/** Splits "a, b\nc" into ["a", "b", "c"]. */
export function splitIds(text) {
  return text.split(/[\s,;]+/).map(s => s.trim()).filter(Boolean);
}
