// A <select> of the active model names (value "" = the service's default model).
import { h } from './dom.js';

export function modelSelect(models, { id, label, selected } = {}) {
  const select = h('select', { id },
    h('option', { value: '' }, '(default model)'),
    models.map(m => h('option', { value: m.name, selected: m.name === selected }, `${m.name} v${m.version} (${m.kind})`)));
  return { select, field: h('label', { class: 'field' }, label ?? 'model', select) };
}

/** The capabilities of the model a select points at (the default model when empty). */
export function capabilities(models, name) {
  return models.find(m => m.name === name) ?? models.find(m => m.name === 'main') ?? models[0] ?? null;
}
