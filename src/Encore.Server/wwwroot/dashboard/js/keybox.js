// The API key box for pages with write actions: the key lives in sessionStorage only (gone when the tab closes).
import { apiKey, setApiKey } from './api.js';
import { h } from './dom.js';

export function keyBox(purpose) {
  const input = h('input', { type: 'password', placeholder: 'X-Api-Key', value: apiKey(), autocomplete: 'off', id: 'api-key' });
  input.addEventListener('change', () => setApiKey(input.value.trim()));
  return h('label', { class: 'field' }, `API key (${purpose}; kept for this tab only)`, input);
}
