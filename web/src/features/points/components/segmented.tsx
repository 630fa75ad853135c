import { useId } from 'react';
import styles from '../../../styles/points.module.css';

type Option<V extends string> = { value: V; label: string };

/** A row of radio buttons drawn as segments: real inputs and labels, arrow keys move the choice. */
export function Segmented<V extends string>(props: { legend: string; value: V; options: Option<V>[]; onChange: (value: V) => void }) {
  const name = useId();
  return (
    <fieldset className={styles.segmented}>
      <legend>{props.legend}</legend>
      <div className={styles.segments}>
        {props.options.map((o) => {
          const id = `${name}-${o.value}`;
          return (
            <div className={styles.segment} key={o.value}>
              <input type="radio" id={id} name={name} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />
              <label htmlFor={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
