import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LatencyPoint } from './history-types.ts';

const ms = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);

function options(width: number, sparse: boolean): uPlot.Options {
  return {
    width,
    height: 220,
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] } },
    axes: [
      { stroke: '#4a5568', grid: { stroke: '#e8ecf1' }, ticks: { stroke: '#d3d9e2' } },
      { stroke: '#4a5568', grid: { stroke: '#e8ecf1' }, ticks: { stroke: '#d3d9e2' }, values: (_u, vals) => vals.map((v) => `${v} ms`), size: 64 },
    ],
    series: [
      {},
      { label: 'p50', stroke: '#1d4ed8', width: 2, fill: 'rgba(29, 78, 216, 0.08)', value: (_u, v) => ms(v), spanGaps: false, points: { show: sparse, size: 6 } },
      { label: 'p95', stroke: '#c2410c', width: 1.5, dash: [4, 3], value: (_u, v) => ms(v), spanGaps: false, points: { show: sparse, size: 5 } },
    ],
  };
}

/** Response time over the selected range (p50 and p95 per bucket), drawn with uPlot. */
export function LatencyChart({ points }: { points: LatencyPoint[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const data: uPlot.AlignedData = [points.map((p) => Date.parse(p.t) / 1000), points.map((p) => p.p50), points.map((p) => p.p95)];
    const sparse = points.filter((p) => p.p50 !== null).length < 30;
    const plot = new uPlot(options(el.clientWidth || 600, sparse), data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [points]);
  const summary = points.filter((p) => p.p50 !== null);
  const median = summary.length ? summary.map((p) => p.p50!).sort((a, b) => a - b)[Math.floor(summary.length / 2)] : null;
  return (
    <figure className="chart" style={{ margin: 0 }}>
      <div ref={host} aria-hidden="true" />
      <figcaption className="sr-only">
        Response time chart with {points.length} points; typical p50 {ms(median)}.
      </figcaption>
    </figure>
  );
}
