import type { ReactNode } from 'react';

type AlertProps = {
  tone: 'error' | 'info' | 'warning' | 'success';
  children: ReactNode;
  actions?: ReactNode;
};

/** Errors interrupt screen readers (role=alert); everything else is announced politely. */
export function Alert({ tone, children, actions }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div>{children}</div>
      {actions ? <div className="alert-actions">{actions}</div> : null}
    </div>
  );
}
