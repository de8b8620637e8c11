// Hash router: #/name loads pages/name.js and calls its render(container); a returned function is the
// page's cleanup (the live page stops polling with it).
import { errorBox } from './dom.js';
import { destroyCharts } from './charts.js';

const ROUTES = ['overview', 'models', 'runs', 'users', 'groups', 'playlists', 'bandit', 'experiments', 'live'];
let cleanup = null;
let generation = 0;

async function show() {
  const route = (location.hash.match(/^#\/([a-z]+)/) ?? [])[1];
  const name = ROUTES.includes(route) ? route : 'overview';
  const mine = ++generation;
  if (cleanup) { cleanup(); cleanup = null; }
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.route === name);
  const container = document.getElementById('page');
  destroyCharts(container);
  container.replaceChildren();
  container.dataset.page = name;
  container.dataset.ready = 'false';
  try {
    const page = await import(`./pages/${name}.js`);
    if (mine !== generation) return;
    const result = await page.render(container, new URLSearchParams(location.hash.split('?')[1] ?? ''));
    if (mine !== generation) { if (typeof result === 'function') result(); return; }
    cleanup = typeof result === 'function' ? result : null;
  } catch (error) {
    container.append(errorBox(error));
  }
  container.dataset.ready = 'true';
}

window.addEventListener('hashchange', show);
show();
