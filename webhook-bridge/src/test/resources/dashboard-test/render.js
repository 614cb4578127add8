// Test-only: renders every view with hostile server strings; DashboardBrowserIT checks they stay
// text (no script runs, no element is created from them).
import { renderStatus, renderPipelines, renderAlerts, renderRepairs } from '/dashboard/views.js';
import { renderPipelineSummary, renderDiagnosis } from '/dashboard/details.js';
import { renderDurationChart, renderFailureChart } from '/dashboard/charts.js';

const SCRIPT = '<script>window.pwned=1</script>';
const IMG = '<img src=x onerror="window.pwned=2">';
const $ = (id) => document.getElementById(id);
const hour = (h) => new Date(Date.UTC(2026, 10, 28, h)).toISOString();

const pipeline = {
  id: 'github:acme/' + IMG, platform: 'github', name: 'acme/shop ' + SCRIPT, registered: true,
  health_score: 0.42, health: 'warning', runs: 12, success_rate: 0.75,
  expected_success_rate: 0.95, avg_duration_seconds: 312.5, expected_duration_seconds: 300,
  duration_trend: 'up', last_run_at: hour(9), last_status: 'failure',
  last_failure: { run_id: 12, job: 'test', at: hour(9), diagnosis_id: 7, category: 'network',
    transient: true, confidence: 0.91, summary: 'Connection reset ' + IMG },
};

renderStatus($('status-cards'), { version: SCRIPT, uptime_seconds: 3600,
  pipelines: { total: 3, healthy: 1, warning: 1, critical: 1 }, alerts_active: 1,
  deliveries: { pending: 0, processed: 40, failed: 1 },
  repairs: { last_24h: 4, succeeded: 3, failed: 1, held_for_approval: 0 }, diagnoses_last_24h: 5 });
renderPipelines($('pipelines'), [pipeline,
  { id: 'javascript:window.pwned=3', name: 'javascript:window.pwned=3', health: '"><b>x</b>' }]);
renderAlerts($('alerts'), [{ id: 1, pipeline_id: pipeline.id, kind: 'failure_rate',
  severity: 'critical', message: 'Failure rate 25 % ' + SCRIPT, raised_at: hour(8), active: true }]);
renderRepairs($('repairs'), [{ id: 2, pipeline_id: pipeline.id, job: 'test' + IMG,
  strategy: 'retry_failed_jobs', attempt: 1, state: 'succeeded', reason: 'transient ' + SCRIPT,
  outcome: 'passed on retry', started_at: hour(9), finished_at: hour(10) }]);
renderPipelineSummary($('pipeline-summary'), pipeline);
renderDurationChart($('duration-chart'), [0, 1, 2, 3, 4, 5].map((h) =>
  ({ at: hour(h), duration_seconds: 280 + h * 9, success: h !== 3, run_id: h })));
renderFailureChart($('failure-chart'), [0, 1, 2, 3, 4, 5].map((h) =>
  ({ at: hour(h), rate: h === 3 ? 0.5 : 0, runs: 2 })));
renderDiagnosis($('diagnosis'), { id: 7, job_id: 3, pipeline_id: pipeline.id, job: 'test',
  category: 'network', transient: true, confidence: 0.91, signature: 'sig ' + IMG, novel: false,
  explanation: 'The registry reset the connection. ' + SCRIPT,
  evidence: [{ line: 120, text: 'npm ERR! ' + SCRIPT }, { line: 121, text: IMG }],
  created_at: hour(9) });

const done = document.createElement('p');
done.id = 'rendered';
done.textContent = 'rendered';
document.body.appendChild(done);
