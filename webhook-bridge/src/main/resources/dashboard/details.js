// Detail views: one pipeline (summary; charts in charts.js) and one diagnosis with its evidence.
import { el, replaceChildren, percent, score, seconds, time, badge, route } from './dom.js';

function facts(rows) {
  return el('dl', { className: 'facts' }, ...rows.flatMap(([term, value]) =>
    [el('dt', { text: term }), el('dd', {}, value === null || value === undefined ? '—' : value)]));
}

/** Renders a pipeline health object as a list of facts. */
export function renderPipelineSummary(container, p) {
  const failure = p.last_failure;
  replaceChildren(container, facts([
    ['Id', String(p.id)],
    ['Health', el('span', {}, badge(p.health), ' ', score(p.health_score))],
    ['Runs', typeof p.runs === 'number' ? String(p.runs) : null],
    ['Success rate', percent(p.success_rate) + ' (expected ' + percent(p.expected_success_rate)
      + ')'],
    ['Average duration', seconds(p.avg_duration_seconds) + ' (expected '
      + seconds(p.expected_duration_seconds) + ')'],
    ['Last run', el('span', {}, p.last_status || '—', ' ', time(p.last_run_at))],
    ['Last failure', failure ? el('span', {},
      failure.diagnosis_id !== undefined && failure.diagnosis_id !== null
        ? el('a', { href: route('diagnoses', failure.diagnosis_id),
          text: failure.category || 'diagnosis' })
        : (failure.category || 'unclassified'),
      failure.summary ? ': ' + failure.summary : '') : null],
  ]));
}

/** Renders a diagnosis with its numbered evidence lines (log text shown as text, never markup). */
export function renderDiagnosis(container, d) {
  const evidence = Array.isArray(d.evidence) ? d.evidence : [];
  replaceChildren(container,
    facts([
      ['Pipeline', d.pipeline_id
        ? el('a', { href: route('pipelines', d.pipeline_id), text: d.pipeline_id }) : null],
      ['Job', d.job || null],
      ['Category', d.category || null],
      ['Transient', d.transient === true ? 'yes: a retry may fix it'
        : d.transient === false ? 'no: needs a person' : null],
      ['Confidence', percent(d.confidence)],
      ['Novel', d.novel === true ? 'yes: unlike known failures' : d.novel === false ? 'no' : null],
      ['Signature', d.signature ? el('code', { text: d.signature }) : null],
      ['Diagnosed', time(d.created_at)],
    ]),
    el('h3', { text: 'Explanation' }),
    el('p', { className: 'explanation', text: d.explanation || '—' }),
    el('h3', { text: 'Evidence' }),
    evidence.length
      ? el('ol', { className: 'evidence', 'aria-label': 'Evidence lines from the log' },
        ...evidence.map((line) => el('li', {},
          el('span', { className: 'lineno', text: String(line.line) }),
          el('code', { text: line.text === undefined ? '' : String(line.text) }))))
      : el('p', { className: 'empty', text: 'No evidence lines were kept.' }));
}
