import 'altcha/external';
import 'altcha/i18n/zh-cn';
import 'altcha/altcha.css';
import type {} from 'altcha/types/react';
import ShaWorker from 'altcha/workers/sha?worker';
import { useEffect, useRef } from 'react';

// The CSP allows scripts from our origin only: the "external" build takes its worker as a file
// of ours (no blob: workers, no inline styles injected by script). Our challenges are SHA-256.
const registry = (globalThis as unknown as { $altcha: { algorithms: Map<string, () => Worker> } }).$altcha;
registry.algorithms.set('SHA-256', () => new ShaWorker());

export type AltchaWidgetProps = {
  /** The challenge URL; a new one (another district) means a new challenge to solve. */
  challengeUrl: string;
  language: 'zh-cn' | 'en';
  /** The payload to send as X-Altcha once solved; null while unsolved or expired. */
  onProof: (payload: string | null) => void;
};

type StateChange = CustomEvent<{ state: string; payload?: string }>;

/** ALTCHA's proof-of-work widget, solved in the browser as soon as it loads (nothing leaves the page but the answer). */
export function AltchaWidget({ challengeUrl, language, onProof }: AltchaWidgetProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onChange = (event: Event) => {
      const { state, payload } = (event as StateChange).detail;
      onProof(state === 'verified' && payload ? payload : null);
    };
    element.addEventListener('statechange', onChange);
    return () => {
      element.removeEventListener('statechange', onChange);
      onProof(null);
    };
  }, [onProof]);
  return (
    <altcha-widget
      ref={ref}
      challenge={challengeUrl}
      language={language}
      auto="onload"
      type="checkbox"
      configuration={JSON.stringify({ hideFooter: true })}
    />
  );
}
