import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import styles from '../../../styles/stats.module.css';

export type BarPoint = { key: string; label: string; value: number | null };

const HEIGHT = 220;
const COLOR = '#1250b4';

/**
 * One series of bars over dates (weeks, months). uPlot loads when the chart mounts; the box has
 * its height before data or library arrive, so nothing below it moves. The numbers are also in a
 * table for screen readers. A null value (a count not published) leaves a gap.
 */
export function BarChart({ points, label, xTitle, yTitle }: { points: BarPoint[]; label: string; xTitle: string; yTitle: string }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el || points.length === 0) return;
    let plot: uPlot | undefined;
    let isCancelled = false;
    const xs = points.map((p) => Date.parse(`${p.key.length === 7 ? `${p.key}-01` : p.key}T00:00:00+08:00`) / 1000);
    const pad = xs.length > 1 ? (xs[1] - xs[0]) / 2 : 86_400 * 3;
    const data: uPlot.AlignedData = [xs, points.map((p) => p.value)];
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (isCancelled) return;
      const bars = UPlot.paths.bars?.({ size: [0.6, 40], align: 0 });
      el.replaceChildren();
      plot = new UPlot(
        {
          width: Math.max(260, el.clientWidth),
          height: HEIGHT,
          scales: {
            x: { time: true, range: (_u, min, max) => [min - pad, max + pad] },
            y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil((max ?? 0) * 1.15))] },
          },
          axes: [{ size: 52 }, { size: 48 }],
          legend: { show: false },
          cursor: { show: false },
          series: [{ label: xTitle }, { label: yTitle, stroke: COLOR, fill: `${COLOR}55`, paths: bars, points: { show: false } }],
        },
        data,
        el,
      );
    });
    const resize = () => plot?.setSize({ width: Math.max(260, el.clientWidth), height: HEIGHT });
    window.addEventListener('resize', resize);
    return () => {
      isCancelled = true;
      window.removeEventListener('resize', resize);
      plot?.destroy();
    };
  }, [points, xTitle, yTitle]);

  return (
    <figure className={styles.chart}>
      <div ref={box} className={styles.chartBox} style={{ height: HEIGHT }} role="img" aria-label={label} data-testid="bar-chart" />
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{xTitle}</th>
            <th scope="col">{yTitle}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.key}>
              <th scope="row">{p.label}</th>
              <td>{p.value ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
