// Duration and failure-rate charts of one pipeline, drawn with uPlot (served from its WebJar).
import uPlot from '/vendor/uplot/uPlot.esm.js';
import { empty, replaceChildren } from './dom.js';

const charts = new Map();

function width(container) {
  return Math.max(280, Math.min(960, container.clientWidth || 640));
}

function draw(container, key, options, data, emptyText) {
  const old = charts.get(key);
  if (old) {
    old.destroy();
    charts.delete(key);
  }
  if (!data[0].length) {
    replaceChildren(container, empty(emptyText));
    return;
  }
  replaceChildren(container);
  charts.set(key, new uPlot({ width: width(container), height: 220, ...options }, data, container));
}

const epoch = (iso) => Date.parse(iso) / 1000;

/** Draws run durations (seconds) over time; failed runs are marked in the series' points. */
export function renderDurationChart(container, points) {
  const rows = (points || []).filter((p) => typeof p.duration_seconds === 'number'
    && !Number.isNaN(epoch(p.at))).sort((a, b) => epoch(a.at) - epoch(b.at));
  draw(container, 'duration', {
    series: [{}, { label: 'duration (s)', stroke: '#1f5f99', width: 2,
      points: { show: true, size: 5 } }],
    axes: [{}, { label: 'seconds' }],
  }, [rows.map((p) => epoch(p.at)), rows.map((p) => p.duration_seconds)],
  'No runs with a duration in this window.');
}

/** Draws the hourly failure rate (0..1, shown as percent). */
export function renderFailureChart(container, buckets) {
  const rows = (buckets || []).filter((b) => typeof b.rate === 'number'
    && !Number.isNaN(epoch(b.at))).sort((a, b) => epoch(a.at) - epoch(b.at));
  draw(container, 'failure', {
    scales: { y: { range: [0, 100] } },
    series: [{}, { label: 'failure rate (%)', stroke: '#b3261e', width: 2,
      fill: 'rgba(179, 38, 30, 0.12)' }],
    axes: [{}, { label: '%' }],
  }, [rows.map((b) => epoch(b.at)), rows.map((b) => Math.round(b.rate * 1000) / 10)],
  'No failure-rate figures in this window.');
}

/** Frees the charts (leaving the detail view). */
export function clearCharts() {
  for (const chart of charts.values()) chart.destroy();
  charts.clear();
}
