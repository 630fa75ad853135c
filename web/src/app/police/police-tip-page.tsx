import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { Field } from '../../components/ui/field';
import { LoadingState } from '../../components/ui/loading-state';
import { QueryError } from '../../components/ui/query-error';
import { useMe } from '../../features/auth/api/get-me';
import { PoliceTipMessages } from '../../features/messages/components/police-tip-messages';
import { useCreateCase } from '../../features/cases/api/create-case';
import { useCategories } from '../../features/reference/api/get-categories';
import { useTipClaim } from '../../features/triage/api/claim-tip';
import { usePoliceTip } from '../../features/triage/api/get-police-tip';
import type { PoliceTip } from '../../features/triage/api/types';
import { PriorityBadge, StatusBadge } from '../../features/triage/components/badges';
import { DecisionPanel, type DuplicateChoice } from '../../features/triage/components/decision-panel';
import { DuplicateSuggestions } from '../../features/triage/components/duplicate-suggestions';
import { ReporterRecordLine } from '../../features/triage/components/reporter-record';
import { TipLocation } from '../../features/triage/components/tip-location';
import { TipPhotos } from '../../features/triage/components/tip-photos';
import { currentLanguage } from '../../lib/i18n';
import { formatDateTime, localizedName } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useErrorMessage } from '../../lib/use-error-message';
import styles from '../../features/triage/components/police.module.css';

const OPEN_STATUSES = ['submitted', 'needs_info'];

function ClaimBar({ tip, myId }: { tip: PoliceTip; myId: string | undefined }) {
  const { t } = useTranslation('police');
  const language = currentLanguage();
  const errorMessage = useErrorMessage();
  const claim = useTipClaim(tip.id);
  const isLive = tip.claimedById !== null && tip.claimExpiresAt !== null && new Date(tip.claimExpiresAt) > new Date();
  const isMine = isLive && tip.claimedById === myId;
  const until = tip.claimExpiresAt ? formatDateTime(tip.claimExpiresAt, language) : '';
  return (
    <div className={`${styles.row} ${styles.toolbarEnd}`}>
      <span>{isMine ? t('tip.claimedByYou', { time: until }) : isLive ? t('tip.claimedByOther', { time: until }) : t('tip.unclaimed')}</span>
      {isMine ? (
        <button type="button" className="btn btn-secondary" onClick={() => claim.mutate('release')} disabled={claim.isPending}>
          {t('tip.release')}
        </button>
      ) : null}
      {!isLive ? (
        <button type="button" className="btn btn-secondary" onClick={() => claim.mutate('claim')} disabled={claim.isPending}>
          {t('tip.claim')}
        </button>
      ) : null}
      {claim.isError ? <Alert tone="error">{errorMessage(claim.error)}</Alert> : null}
    </div>
  );
}

function CaseBox({ tip }: { tip: PoliceTip }) {
  const { t } = useTranslation('police');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const create = useCreateCase();
  const [title, setTitle] = useState('');
  if (tip.caseId)
    return (
      <Link className="btn btn-secondary" to={`/police/cases/${tip.caseId}`}>
        {t('tip.viewCase')}
      </Link>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim().length < 2) return;
    create.mutate({ title: title.trim(), tipIds: [tip.id] }, { onSuccess: (c) => navigate(`/police/cases/${c.id}`) });
  };
  return (
    <form className="form" onSubmit={submit}>
      <Field id="case-title" label={t('tip.caseTitle')} isRequired>
        {(control) => <input {...control} className="input" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <button type="submit" className="btn btn-primary" disabled={create.isPending || title.trim().length < 2}>
        {t('tip.createCase')}
      </button>
    </form>
  );
}

export default function PoliceTipPage() {
  const { tipId = '' } = useParams();
  const { t } = useTranslation('police');
  const language = currentLanguage();
  const me = useMe();
  const tip = usePoliceTip(tipId);
  const categories = useCategories();
  const [duplicateOf, setDuplicateOf] = useState<DuplicateChoice>(null);
  const [decided, setDecided] = useState<string | null>(null);
  useDocumentTitle(tip.data?.reference ?? null);

  if (tip.isError) return <QueryError error={tip.error} onRetry={() => void tip.refetch()} />;
  if (!tip.data) return <LoadingState />;
  const data = tip.data;
  const category = categories.data?.find((c) => c.id === data.category);
  const isOpen = OPEN_STATUSES.includes(data.status);
  const byLabel = { police: t('tip.byPolice'), you: t('tip.byReporter'), system: t('tip.bySystem') };

  return (
    <>
      <p>
        <Link to="/police">{t('tip.back')}</Link>
      </p>
      <div className={styles.toolbar}>
        <h1>{data.reference}</h1>
        <StatusBadge status={data.status} />
        <PriorityBadge priority={data.priority} />
        {isOpen ? <ClaimBar tip={data} myId={me.data?.id} /> : null}
      </div>
      {decided ? <Alert tone="success">{t('decide.done', { status: t(`status.${data.status}`) })}</Alert> : null}
      <div className={styles.detail}>
        <div>
          <section className={styles.panel} aria-labelledby="tip-description">
            <h2 id="tip-description">{category ? localizedName(category, language) : data.category}</h2>
            <p className={styles.description}>{data.description}</p>
            <dl className={styles.meta}>
              <dt>{t('tip.occurredAt')}</dt>
              <dd>{formatDateTime(data.occurredAt, language)}</dd>
              <dt>{t('tip.received')}</dt>
              <dd>{formatDateTime(data.createdAt, language)}</dd>
            </dl>
          </section>
          <section className={styles.panel} aria-labelledby="tip-photos">
            <h2 id="tip-photos">{t('tip.photos')}</h2>
            <TipPhotos media={data.media} />
          </section>
          <section className={styles.panel} aria-labelledby="tip-location">
            <h2 id="tip-location">{t('tip.location')}</h2>
            <TipLocation lat={data.lat} lng={data.lng} address={data.address} />
          </section>
          <section className={styles.panel} aria-labelledby="tip-history">
            <h2 id="tip-history">{t('tip.history')}</h2>
            <ol className={styles.history}>
              {data.history.map((h) => (
                <li key={h.id}>
                  <div className={styles.row}>
                    {h.toStatus ? <StatusBadge status={h.toStatus} /> : null}
                    {!h.isVisibleToReporter ? <span className={styles.badge}>{t('tip.internal')}</span> : null}
                    <span className={styles.historyMeta}>
                      {byLabel[h.by]} · {formatDateTime(h.createdAt, language)}
                    </span>
                  </div>
                  {h.note ? <p className={styles.description}>{h.note}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div>
          {isOpen ? (
            <DecisionPanel key={data.id} tip={data} duplicateOf={duplicateOf} onDecided={(d) => setDecided(d)} />
          ) : (
            <section className={styles.panel} aria-labelledby="tip-case">
              <h2 id="tip-case">{t('tip.case')}</h2>
              {data.status === 'valid' ? <CaseBox tip={data} /> : <p>{t('tip.decided', { status: t(`status.${data.status}`) })}</p>}
            </section>
          )}
          <section className={styles.panel} aria-labelledby="tip-record">
            <h2 id="tip-record">{t('tip.record')}</h2>
            <ReporterRecordLine tipId={data.id} />
          </section>
          <PoliceTipMessages tipId={data.id} />
          <section className={styles.panel} aria-labelledby="tip-duplicates">
            <h2 id="tip-duplicates">{t('tip.duplicates')}</h2>
            <DuplicateSuggestions tipId={data.id} onPick={isOpen ? (s) => setDuplicateOf({ id: s.id, reference: s.reference }) : undefined} />
          </section>
        </div>
      </div>
    </>
  );
}
