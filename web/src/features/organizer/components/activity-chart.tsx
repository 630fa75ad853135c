import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import type { Activity } from '@hy/schemas/organizer';
import { yieldToBrowser } from '../../../lib/yield-to-browser';

const SUBMITTED = '#1250b4';
const VALIDATED = '#17613a';
const PLOT_HEIGHT = 240;
/** The room the chart takes (plot and legend), kept free before it is drawn: nothing below it moves. */
export const CHART_HEIGHT = PLOT_HEIGHT + 36;

/** Calls `run` when the browser is idle (within a second at most), or soon where there is no idle callback. */
function whenIdle(run: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(run, { timeout: 1000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}

/**
 * Tips submitted and validated per period. uPlot (≈50 KB) is fetched and the chart drawn only
 * once it is on screen and the browser is idle (on a phone it is below the first screen), in
 * steps of their own tasks (the chunk's evaluation, then the drawing), so neither the volunteer
 * app nor the dashboard's first paint waits for it or its work. The same numbers are in a table
 * for screen readers.
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
    const draw = async () => {
      const [{ default: UPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
      await yieldToBrowser();
      if (isCancelled) return;
      const bars = UPlot.paths.bars?.({ size: [0.35, 40], align: 0 });
      plot = new UPlot(
        {
          width: Math.max(280, el.clientWidth),
          height: PLOT_HEIGHT,
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
    };
    let cancelIdle: (() => void) | undefined;
    // Drawn once it is on screen and the browser has nothing more urgent to do.
    const near = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      cancelIdle = whenIdle(() => void draw());
    });
    near.observe(el);
    const resize = () => plot?.setSize({ width: Math.max(280, el.clientWidth), height: PLOT_HEIGHT });
    window.addEventListener('resize', resize);
    return () => {
      isCancelled = true;
      near.disconnect();
      cancelIdle?.();
      window.removeEventListener('resize', resize);
      plot?.destroy();
    };
  }, [activity, t]);

  return (
    <figure style={{ margin: 0 }}>
      <div
        ref={box}
        style={{ minHeight: CHART_HEIGHT }}
        role="img"
        aria-label={t('organizer.chartLabel', { period: t(activity.period === 'week' ? 'organizer.weekly' : 'organizer.monthly') })}
      />
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
