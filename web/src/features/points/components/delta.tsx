import styles from '../../../styles/points.module.css';

/** +10 / −20 / 0 with colour and an explicit sign (never colour alone). */
export function Delta({ value }: { value: number }) {
  const className = value > 0 ? styles.plus : value < 0 ? styles.minus : styles.zero;
  const text = value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
  return <span className={className}>{text}</span>;
}
