import styles from '../../../styles/stats.module.css';

export type BarItem = { key: string; label: string; value: number | null };

/** Labelled horizontal bars (a share of the largest value); rows are known before the numbers, so the list keeps its height. */
export function BarList({ title, items, format }: { title: string; items: BarItem[]; format: (n: number) => string }) {
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  return (
    <section className={styles.panel} aria-label={title}>
      <h2 className={styles.panelTitle}>{title}</h2>
      <ul className={styles.bars}>
        {items.map((i) => (
          <li key={i.key} className={styles.barRow}>
            <span className={styles.barLabel}>{i.label}</span>
            <span className={styles.barTrack} aria-hidden="true">
              <span className={styles.barFill} style={{ width: `${((i.value ?? 0) / max) * 100}%` }} />
            </span>
            <span className={styles.barValue}>{i.value === null ? '—' : format(i.value)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
