// The only module that talks to the service. Errors become Error objects with the problem's text.

const KEY_STORAGE = 'encore.apiKey';

export function apiKey() { return sessionStorage.getItem(KEY_STORAGE) ?? ''; }
export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

async function send(method, path, body, withKey) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (withKey && apiKey()) headers['X-Api-Key'] = apiKey();
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const detail = json?.detail ?? json?.title ?? response.statusText;
    const error = new Error(`${method} ${path}: ${response.status} ${detail}`);
    error.status = response.status;
    throw error;
  }
  return json;
}

export const get = path => send('GET', path);
/** GET with the tab's API key (admin-only reads such as /api/experiments). */
export const getWithKey = path => send('GET', path, undefined, true);
export const post = (path, body, { key = false } = {}) => send('POST', path, body, key);
export const del = (path, { key = false } = {}) => send('DELETE', path, undefined, key);

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.append(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Title / artist of track ids as a Map (one call; unknown ids map to nulls). */
export async function labels(ids) {
  const unique = [...new Set(ids)];
  const map = new Map();
  for (let i = 0; i < unique.length; i += 200) {
    const chunk = unique.slice(i, i + 200);
    const list = await get(`/api/dashboard/tracks${query({ ids: chunk.join(',') })}`);
    for (const l of list) map.set(l.track, l);
  }
  return map;
}

/** Model names with an active version, plus what each can do. */
export async function activeModels() {
  const models = await get('/api/dashboard/models');
  return models.filter(m => m.isActive);
}
