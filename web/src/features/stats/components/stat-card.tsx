import styles from '../../../styles/stats.module.css';

/** One figure: its name, the value (a dash until it arrives) and a line of context; fixed height, so nothing moves when it fills. */
export function StatCard({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className={styles.card}>
      <dt className={styles.cardLabel}>{label}</dt>
      <dd className={styles.cardValue}>{value}</dd>
      <dd className={styles.cardDetail}>{detail ?? '\u00a0'}</dd>
    </div>
  );
}
