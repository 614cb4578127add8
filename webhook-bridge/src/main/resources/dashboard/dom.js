// Safe DOM building: every string from the server becomes a text node, never markup.
// No HTML parsing, no inline handlers, no style attributes (the CSP forbids them anyway).

const SAFE_ATTRIBUTES = new Set(['id', 'role', 'scope', 'title', 'colspan', 'aria-label',
  'aria-live', 'value', 'datetime', 'for', 'type']);

/**
 * Creates an element. props: className, text, href (only "#/..." routes), dataset (object),
 * and the attributes in SAFE_ATTRIBUTES. Children: strings and numbers become text nodes,
 * null/undefined are skipped, nodes are appended.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined) continue;
    if (key === 'className') node.className = String(value);
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'href') node.setAttribute('href', routeHref(value));
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (SAFE_ATTRIBUTES.has(key)) node.setAttribute(key, String(value));
    else throw new Error('attribute not allowed: ' + key);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Only in-page routes are links: anything else (javascript:, other sites) becomes "#/". */
export function routeHref(value) {
  const href = String(value);
  return href.startsWith('#/') ? href : '#/';
}

/** Builds a route link with an encoded id: route('pipelines', 'a/b') is "#/pipelines/a%2Fb". */
export function route(kind, id) {
  return '#/' + kind + '/' + encodeURIComponent(String(id));
}

/** Replaces the children of a node. */
export function replaceChildren(node, ...children) {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}

/** A paragraph saying there is nothing to show. */
export function empty(message) {
  return el('p', { className: 'empty', text: message });
}

/** A paragraph saying what went wrong. */
export function failure(message) {
  return el('p', { className: 'error', role: 'alert', text: message });
}

export function percent(value) {
  return typeof value === 'number' ? Math.round(value * 1000) / 10 + ' %' : '—';
}

export function score(value) {
  return typeof value === 'number' ? value.toFixed(2) : '—';
}

export function seconds(value) {
  if (typeof value !== 'number') return '—';
  if (value < 90) return Math.round(value) + ' s';
  if (value < 5400) return Math.round(value / 60) + ' min';
  return (value / 3600).toFixed(1) + ' h';
}

/** An ISO timestamp as local date and time, in a <time> element; "—" when absent. */
export function time(iso) {
  if (!iso) return document.createTextNode('—');
  const date = new Date(iso);
  const shown = Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
  return el('time', { datetime: String(iso), text: shown });
}

/** A health or severity badge; unknown values get the neutral look. */
export function badge(value, known = ['healthy', 'warning', 'critical']) {
  const text = value ? String(value) : 'unknown';
  const look = known.includes(text) ? text : 'unknown';
  return el('span', { className: 'badge badge-' + look, text });
}
