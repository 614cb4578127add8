// The overview: status cards, pipeline table, active alerts, repair history.
// Every server string goes through el()/text nodes (dom.js).
import { el, empty, replaceChildren, percent, score, seconds, time, badge, route } from './dom.js';

const n = (value) => (typeof value === 'number' ? String(value) : '—');

function card(title, value, detail) {
  return el('div', { className: 'card' },
    el('h3', { text: title }), el('p', { className: 'card-value', text: value }),
    detail ? el('p', { className: 'card-detail', text: detail }) : null);
}

/** Fills the status cards from a GET /api/status object (missing fields show "—"). */
export function renderStatus(container, status) {
  const s = status || {};
  const p = s.pipelines || {};
  const d = s.deliveries || {};
  const r = s.repairs || {};
  replaceChildren(container,
    card('Pipelines', n(p.total),
      n(p.healthy) + ' healthy · ' + n(p.warning) + ' warning · ' + n(p.critical) + ' critical'),
    card('Active alerts', n(s.alerts_active)),
    card('Repairs (24 h)', n(r.last_24h),
      n(r.succeeded) + ' succeeded · ' + n(r.failed) + ' failed · '
        + n(r.held_for_approval) + ' held'),
    card('Diagnoses (24 h)', n(s.diagnoses_last_24h)),
    card('Deliveries', n(d.processed) + ' processed',
      n(d.pending) + ' pending · ' + n(d.failed) + ' failed'),
    card('Bridge', s.version ? 'v' + s.version : '—',
      typeof s.uptime_seconds === 'number' ? 'up ' + seconds(s.uptime_seconds) : null));
}

const TREND = { up: '↑ slower', down: '↓ faster', flat: '→ steady' };

function lastFailure(failure) {
  if (!failure) return '—';
  const what = [failure.category || 'unclassified',
    failure.transient === true ? ' (transient)' : failure.transient === false ? ' (real)' : ''];
  return el('div', { className: 'failure' },
    failure.diagnosis_id !== undefined && failure.diagnosis_id !== null
      ? el('a', { href: route('diagnoses', failure.diagnosis_id) }, ...what)
      : el('span', {}, ...what),
    failure.job ? el('span', { className: 'muted', text: ' in ' + failure.job }) : null,
    failure.summary ? el('div', { className: 'summary', text: failure.summary }) : null);
}

/** One row of the pipeline table (a pipeline health object). */
export function pipelineRow(p) {
  return el('tr', { dataset: { pipelineId: String(p.id) } },
    el('th', { scope: 'row' },
      el('a', { href: route('pipelines', p.id), text: p.name || p.id }),
      el('div', { className: 'muted', text: p.platform || '' })),
    el('td', {}, badge(p.health), ' ', el('span', { text: score(p.health_score) })),
    el('td', { text: percent(p.success_rate) + (typeof p.expected_success_rate === 'number'
      ? ' (expected ' + percent(p.expected_success_rate) + ')' : '') }),
    el('td', {}, seconds(p.avg_duration_seconds), ' ',
      el('span', { className: 'muted', text: TREND[p.duration_trend] || '' })),
    el('td', {}, el('span', { text: p.last_status || '—' }), ' ', time(p.last_run_at)),
    el('td', {}, lastFailure(p.last_failure)));
}

/** Renders the pipeline table; rows are keyed by pipeline id for in-place updates. */
export function renderPipelines(container, pipelines) {
  if (!pipelines.length) {
    replaceChildren(container,
      empty('No pipelines yet: they appear when the first webhook of a run arrives.'));
    return;
  }
  const head = el('thead', {}, el('tr', {},
    ...['Pipeline', 'Health', 'Success rate', 'Avg duration', 'Last run', 'Last failure']
      .map((h) => el('th', { scope: 'col', text: h }))));
  const body = el('tbody', {}, ...pipelines.map(pipelineRow));
  replaceChildren(container, el('div', { className: 'scroll' },
    el('table', { className: 'pipelines' }, head, body)));
}

/** Renders the active alerts. */
export function renderAlerts(container, alerts) {
  const active = alerts.filter((a) => a && a.active !== false);
  if (!active.length) {
    replaceChildren(container, empty('No active alerts.'));
    return;
  }
  replaceChildren(container, el('ul', { className: 'alerts' }, ...active.map((a) =>
    el('li', { className: 'alert' },
      badge(a.severity, ['warning', 'critical']), ' ',
      a.pipeline_id ? el('a', { href: route('pipelines', a.pipeline_id), text: a.pipeline_id })
        : null,
      el('span', { className: 'muted', text: a.kind ? ' · ' + a.kind : '' }),
      el('div', { text: a.message || '' }),
      el('div', { className: 'muted' }, 'raised ', time(a.raised_at))))));
}

/** Renders the repair history with reasons and outcomes. */
export function renderRepairs(container, repairs) {
  if (!repairs.length) {
    replaceChildren(container, empty('No repairs yet.'));
    return;
  }
  const head = el('thead', {}, el('tr', {},
    ...['Started', 'Pipeline', 'Job', 'Strategy', 'State', 'Reason', 'Outcome']
      .map((h) => el('th', { scope: 'col', text: h }))));
  const body = el('tbody', {}, ...repairs.map((r) => el('tr', {},
    el('td', {}, time(r.started_at)),
    el('td', {}, r.pipeline_id
      ? el('a', { href: route('pipelines', r.pipeline_id), text: r.pipeline_id }) : '—'),
    el('td', { text: r.job || '—' }),
    el('td', { text: (r.strategy || '—') + (r.attempt ? ' #' + r.attempt : '') }),
    el('td', {}, badge(r.state, ['succeeded', 'failed', 'held', 'running', 'planned'])),
    el('td', { text: r.reason || '—' }),
    el('td', { text: r.outcome || '—' }))));
  replaceChildren(container, el('div', { className: 'scroll' },
    el('table', { className: 'repairs' }, head, body)));
}
