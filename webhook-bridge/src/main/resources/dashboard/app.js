// Pipeline Guard dashboard: login, overview, detail views (#/pipelines/{id}, #/diagnoses/{id})
// and live updates over /ws.
import { api, login, logout, ApiError } from './api.js';
import { connectLive } from './live.js';
import { replaceChildren, failure } from './dom.js';
import { renderStatus, renderPipelines, renderAlerts, renderRepairs, pipelineRow } from './views.js';
import { renderPipelineSummary, renderDiagnosis } from './details.js';
import { renderDurationChart, renderFailureChart, clearCharts } from './charts.js';

// A hint (not a secret: the session itself is an HttpOnly cookie) that spares a failing API call
// when the page opens before any login.
const SESSION_HINT = 'pipeline-guard.logged-in';

const $ = (id) => document.getElementById(id);
const state = { pipelines: new Map(), live: null };

function show(viewId) {
  for (const view of document.querySelectorAll('.view')) view.hidden = view.id !== viewId;
}

function banner(message) {
  const node = $('banner');
  node.textContent = message || '';
  node.hidden = !message;
}

function setLive(live) {
  const node = $('live-indicator');
  node.textContent = live ? 'live' : 'offline';
  node.className = 'live ' + (live ? 'online' : 'offline');
}

/** Handles an API error: 401 returns to the login view; others show in the given container. */
function fail(container, error) {
  if (error instanceof ApiError && error.status === 401) {
    loggedOut('Your session has ended: log in again.');
    return;
  }
  if (error instanceof ApiError && error.status === 0) banner(error.message);
  replaceChildren(container, failure(error.message || String(error)));
}

async function load(container, call, render) {
  try {
    const data = await call();
    render(container, data);
    return true;
  } catch (error) {
    fail(container, error);
    return false;
  }
}

function items(page) {
  return page && Array.isArray(page.items) ? page.items : [];
}

async function showOverview() {
  show('overview-view');
  const ok = await load($('status-cards'), api.status, renderStatus);
  if (ok) banner('');
  await Promise.all([
    load($('pipelines'), api.pipelines, (c, page) => {
      state.pipelines = new Map(items(page).map((p) => [String(p.id), p]));
      renderPipelines(c, [...state.pipelines.values()]);
    }),
    load($('alerts'), api.alerts, (c, page) => renderAlerts(c, items(page))),
    load($('repairs'), api.repairs, (c, page) => renderRepairs(c, items(page))),
  ]);
}

async function showPipeline(id) {
  show('pipeline-view');
  $('pipeline-title').textContent = 'Pipeline ' + id;
  clearCharts();
  await load($('pipeline-summary'), () => api.pipeline(id), renderPipelineSummary);
  await load($('duration-chart'), () => api.metrics(id, $('hours').value), (c, metrics) => {
    renderDurationChart(c, metrics && metrics.points);
    renderFailureChart($('failure-chart'), metrics && metrics.failure_rate);
  });
}

async function showDiagnosis(id) {
  show('diagnosis-view');
  $('diagnosis-title').textContent = 'Diagnosis ' + id;
  await load($('diagnosis'), () => api.diagnosis(id), renderDiagnosis);
}

function currentRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  if (parts.length === 2 && parts[0] === 'pipelines' && parts[1]) {
    return { view: 'pipeline', id: decodeURIComponent(parts[1]) };
  }
  if (parts.length === 2 && parts[0] === 'diagnoses' && parts[1]) {
    return { view: 'diagnosis', id: decodeURIComponent(parts[1]) };
  }
  return { view: 'overview' };
}

function route() {
  if (!sessionStorage.getItem(SESSION_HINT)) {
    loggedOut('');
    return;
  }
  const where = currentRoute();
  if (where.view === 'pipeline') showPipeline(where.id);
  else if (where.view === 'diagnosis') showDiagnosis(where.id);
  else {
    clearCharts();
    showOverview();
  }
}

/** Merges a pipeline_update into the table: replaces its row in place or adds it on top. */
function pipelineUpdated(update) {
  if (!update || update.id === undefined) return;
  const id = String(update.id);
  const merged = { ...(state.pipelines.get(id) || {}), ...update };
  state.pipelines.set(id, merged);
  const container = $('pipelines');
  const body = container.querySelector('tbody');
  if (!body) {
    renderPipelines(container, [...state.pipelines.values()]);
    return;
  }
  const row = pipelineRow(merged);
  const old = [...body.rows].find((r) => r.dataset.pipelineId === id);
  if (old) body.replaceChild(row, old);
  else body.insertBefore(row, body.firstChild);
}

function onEvent(type, data) {
  if (type === 'system_status') renderStatus($('status-cards'), data);
  else if (type === 'pipeline_update') pipelineUpdated(data);
  else if (type === 'alerts_update') renderAlerts($('alerts'), (data && data.active) || []);
}

function startLive() {
  if (!state.live) state.live = connectLive({ onEvent, onState: setLive });
}

function loggedIn() {
  sessionStorage.setItem(SESSION_HINT, '1');
  $('logout').hidden = false;
  $('api-key').value = '';
  $('login-message').textContent = '';
  startLive();
  route();
}

function loggedOut(message) {
  sessionStorage.removeItem(SESSION_HINT);
  if (state.live) {
    state.live.close();
    state.live = null;
  }
  $('logout').hidden = true;
  $('login-message').textContent = message || '';
  show('login-view');
  $('api-key').focus();
}

async function submitLogin(event) {
  event.preventDefault();
  const key = $('api-key').value.trim();
  if (!key) return;
  try {
    await login(key);
    loggedIn();
  } catch (error) {
    $('login-message').textContent = error.status === 401
      ? 'That key is not valid: check it and try again.'
      : error.message;
  }
}

async function submitLogout() {
  try {
    await logout();
  } catch (error) {
    // The cookie may already be gone; the page forgets the session either way.
  }
  loggedOut('Logged out.');
}

$('login-form').addEventListener('submit', submitLogin);
$('logout').addEventListener('click', submitLogout);
$('hours').addEventListener('change', route);
window.addEventListener('hashchange', route);
if (sessionStorage.getItem(SESSION_HINT)) {
  $('logout').hidden = false;
  startLive();
}
route();
