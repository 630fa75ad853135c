import '../audit-i18n';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { QueryFallback } from '../../../components/ui/query-fallback';
import { formatDateTime } from '../../../lib/format';
import type { Language } from '../../../lib/i18n';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useLanguage } from '../../../lib/use-language';
import { useExportAudit } from '../api/export-audit';
import { useAudit, type AuditEntry, type AuditFilters } from '../api/get-audit';
import styles from './audit.module.css';

const FAMILIES = ['tip.', 'case.', 'identity.', 'message.', 'points.', 'reward.', 'redemption.', 'user.', 'auth.', 'audit.', 'retention.'] as const;
type Family = (typeof FAMILIES)[number];
const isFamily = (value: string): value is Family => (FAMILIES as readonly string[]).includes(value);

type FilterKey = 'action' | 'actorId' | 'actorName' | 'tipId' | 'from' | 'to';

/** Filters live in the address, so a filtered view can be reloaded or shared. */
function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const value = (key: FilterKey) => params.get(key) ?? undefined;
  const filters: AuditFilters = { action: value('action'), actorId: value('actorId'), tipId: value('tipId'), from: value('from'), to: value('to') };
  const update = (changes: Partial<Record<FilterKey, string | undefined>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, v] of Object.entries(changes)) {
          if (v) next.set(key, v);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { filters, actorName: value('actorName'), update, clear: () => setParams({}, { replace: true }) };
}

function FilterForm({ filters, onApply }: { filters: AuditFilters; onApply: (f: Pick<AuditFilters, 'action' | 'from' | 'to'>) => void }) {
  const { t } = useTranslation('audit');
  const [action, setAction] = useState(filters.action ?? '');
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ action: action || undefined, from: from || undefined, to: to || undefined });
  };
  return (
    <form className={styles.filters} onSubmit={submit} aria-label={t('filters')}>
      <div className="field">
        <label className="field-label" htmlFor="audit-action">
          {t('action')}
        </label>
        <select id="audit-action" className="input" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">{t('anyAction')}</option>
          {FAMILIES.map((family) => (
            <option key={family} value={family}>
              {t(`families.${family}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="audit-from">
          {t('from')}
        </label>
        <input id="audit-from" className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="audit-to">
          {t('to')}
        </label>
        <input id="audit-to" className="input" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
      </div>
      <button type="submit" className="btn btn-secondary">
        {t('apply')}
      </button>
    </form>
  );
}

/** The audit schema lets a district's names be null: then the log shows its id. */
function districtName(district: NonNullable<AuditEntry['district']>, language: Language): string | null {
  return language === 'en' ? district.nameEn : district.nameZh;
}

/** `details` is whatever the action recorded (the schema says unknown): shown when it is an object. */
function Details({ details }: { details: unknown }) {
  if (typeof details !== 'object' || details === null || Object.keys(details).length === 0) return null;
  return (
    <dl className={styles.details}>
      {Object.entries(details).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Entry({ entry, onActor, onTip }: { entry: AuditEntry; onActor: () => void; onTip: () => void }) {
  const { t } = useTranslation('audit');
  const language = useLanguage();
  const family = `${entry.action.split('.')[0]}.`;
  const role = entry.actor?.role;
  return (
    <li className={styles.entry}>
      <div className={styles.head}>
        <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, language)}</time>
        <span className={styles.action}>
          {isFamily(family) ? `${t(`families.${family}`)} · ` : ''}
          <code>{entry.action}</code>
        </span>
      </div>
      <div className={styles.who}>
        {entry.actor ? (
          <button type="button" className={styles.linkish} onClick={onActor} title={t('onlyActor')}>
            {entry.actor.displayName ?? entry.actor.id}
          </button>
        ) : (
          <span>{t('system')}</span>
        )}
        {role && role in ROLE_KEYS ? <span className={styles.muted}>{t(`roles.${role as RoleKey}`)}</span> : null}
        <span className={styles.muted}>{entry.district ? (districtName(entry.district, language) ?? `#${entry.district.id}`) : t('cityWide')}</span>
      </div>
      <div className={styles.target}>
        <span className={styles.muted}>{t('target')}:</span>{' '}
        {entry.target.type === 'tip' && entry.target.id ? (
          <button type="button" className={styles.linkish} onClick={onTip} title={t('onlyTip')}>
            tip {entry.target.id.slice(0, 8)}
          </button>
        ) : (
          <code>
            {entry.target.type}
            {entry.target.id ? ` ${entry.target.id.slice(0, 8)}` : ''}
          </code>
        )}
      </div>
      <Details details={entry.details} />
    </li>
  );
}

const ROLE_KEYS = { volunteer: 1, officer: 1, supervisor: 1, organizer: 1, auxiliary: 1, admin: 1 } as const;
type RoleKey = keyof typeof ROLE_KEYS;

/** The audit log with its filters and CSV export: the city for admins, their district for supervisors. */
export function AuditLog({ isCityWide }: { isCityWide: boolean }) {
  const { t } = useTranslation('audit');
  const errorMessage = useErrorMessage();
  const { filters, actorName, update, clear } = useAuditFilters();
  const audit = useAudit(filters);
  const exporting = useExportAudit();
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  const chips = [
    filters.actorId ? { key: 'actorId', label: t('byActor', { name: actorName ?? filters.actorId.slice(0, 8) }), clear: { actorId: undefined, actorName: undefined } } : null,
    filters.tipId ? { key: 'tipId', label: t('byTip', { id: filters.tipId.slice(0, 8) }), clear: { tipId: undefined } } : null,
  ].filter((c) => c !== null);
  return (
    <div className="stack">
      <p className="page-intro">{isCityWide ? t('introCity') : t('introDistrict')}</p>
      <section className="card" aria-label={t('filters')}>
        <FilterForm key={`${filters.action}|${filters.from}|${filters.to}`} filters={filters} onApply={update} />
        {chips.length > 0 ? (
          <ul className={styles.chips}>
            {chips.map((chip) => (
              <li key={chip.key}>
                <span>{chip.label}</span>
                <button type="button" aria-label={t('removeFilter', { label: chip.label })} onClick={() => update(chip.clear)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className={styles.toolbar}>
          <button type="button" className="btn btn-quiet" onClick={clear}>
            {t('clear')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => exporting.mutate(filters)} disabled={exporting.isPending}>
            {exporting.isPending ? t('exporting') : t('export')}
          </button>
        </div>
        {exporting.error ? <Alert tone="error">{errorMessage(exporting.error)}</Alert> : null}
      </section>
      {!audit.data ? (
        <QueryFallback query={audit} />
      ) : entries.length === 0 ? (
        <p className="card">{t('empty')}</p>
      ) : (
        <ol className={styles.list} aria-label={t('title')}>
          {entries.map((entry) => (
            <Entry
              key={entry.id}
              entry={entry}
              onActor={() => entry.actor && update({ actorId: entry.actor.id, actorName: entry.actor.displayName ?? undefined })}
              onTip={() => entry.target.id && update({ tipId: entry.target.id })}
            />
          ))}
        </ol>
      )}
      {audit.hasNextPage ? (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? t('loadingMore') : t('more')}
        </button>
      ) : null}
    </div>
  );
}
