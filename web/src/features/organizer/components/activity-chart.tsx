import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import type { Activity } from '../api/types';

const SUBMITTED = '#1250b4';
const VALIDATED = '#17613a';

/**
 * Tips submitted and validated per period. uPlot (≈50 KB) is fetched only when this chart
 * mounts, so neither the volunteer app nor the dashboard's first paint waits for it. The same
 * numbers are in a table for screen readers.
 */
export function ActivityChart({ activity }: { activity: Activity }) {
  const { t } = useTranslation('points');
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | undefined;
    let isCancelled = false;
    const xs = activity.series.map((s) => Date.parse(`${s.periodStart}T00:00:00+08:00`) / 1000);
    const pad = xs.length > 1 ? (xs[1] - xs[0]) / 2 : 86_400 * 3;
    const data: uPlot.AlignedData = [xs, activity.series.map((s) => s.submitted), activity.series.map((s) => s.validated)];
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (isCancelled) return;
      const bars = UPlot.paths.bars?.({ size: [0.35, 40], align: 0 });
      plot = new UPlot(
        {
          width: Math.max(280, el.clientWidth),
          height: 240,
          scales: {
            // Half a period of room on each side, so the first and last bars are not cut in half.
            x: { time: true, range: (_u, min, max) => [min - pad, max + pad] },
            y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.2))] },
          },
          axes: [{}, { size: 40 }],
          legend: { live: false },
          series: [
            { label: t('leaderboard.period') },
            { label: t('organizer.submitted'), stroke: SUBMITTED, fill: `${SUBMITTED}33`, paths: bars, points: { show: false } },
            { label: t('organizer.validated'), stroke: VALIDATED, width: 2, points: { size: 6 } },
          ],
        },
        data,
        el,
      );
    });
    const resize = () => plot?.setSize({ width: Math.max(280, el.clientWidth), height: 240 });
    window.addEventListener('resize', resize);
    return () => {
      isCancelled = true;
      window.removeEventListener('resize', resize);
      plot?.destroy();
    };
  }, [activity, t]);

  return (
    <figure style={{ margin: 0 }}>
      <div ref={box} role="img" aria-label={t('organizer.chartLabel', { period: t(activity.period === 'week' ? 'organizer.weekly' : 'organizer.monthly') })} />
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t('leaderboard.period')}</th>
            <th scope="col">{t('organizer.submitted')}</th>
            <th scope="col">{t('organizer.validated')}</th>
          </tr>
        </thead>
        <tbody>
          {activity.series.map((s) => (
            <tr key={s.periodStart}>
              <th scope="row">{s.periodStart}</th>
              <td>{s.submitted}</td>
              <td>{s.validated}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
