import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { LoadingState } from '../../components/ui/loading-state';
import { QueryError } from '../../components/ui/query-error';
import { useMe } from '../../shared/api/get-me';
import { PoliceTipMessages } from '../../features/messages/components/police-tip-messages';
import { TipCasePanel } from '../../features/cases/components/tip-case-panel';
import { useCategories } from '../../shared/api/get-categories';
import { useDistricts } from '../../shared/api/get-districts';
import { useTipClaim } from '../../features/triage/api/claim-tip';
import { useOfficers } from '../../features/triage/api/get-officers';
import { usePoliceTip } from '../../features/triage/api/get-police-tip';
import type { PoliceTip } from '../../shared/types/tip';
import { PriorityBadge, StatusBadge } from '../../shared/components/police-badges';
import { AssignPanel } from '../../features/triage/components/assign-panel';
import { ReversePanel, TransferPanel, UndoBar } from '../../features/triage/components/corrections';
import { DecisionPanel, type DuplicateChoice } from '../../features/triage/components/decision-panel';
import { DuplicateSuggestions } from '../../features/triage/components/duplicate-suggestions';
import { ReporterRecordLine } from '../../features/triage/components/reporter-record';
import { TipLocation } from '../../features/triage/components/tip-location';
import { TipPhotos } from '../../features/triage/components/tip-photos';
import { RequestCheckPanel } from '../../features/verifications/components/request-check-panel';
import { VerificationHistoryEntry } from '../../features/verifications/components/verification-history-entry';
import { VerificationStateBadge } from '../../features/verifications/components/verification-state-badge';
import '../../features/verifications/verifications-i18n';
import { currentLanguage } from '../../lib/i18n';
import { formatDateTime, localizedName } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useErrorMessage } from '../../lib/use-error-message';
import styles from '../../styles/police.module.css';

const OPEN_STATUSES = ['submitted', 'needs_info'];

/** Supervisors and admins may release and reassign anyone's claim; officers only their own. */
const CLAIM_OVERRIDE_ROLES = ['supervisor', 'admin'];

function ClaimBar({ tip, myId, canOverride, holderName }: { tip: PoliceTip; myId: string | undefined; canOverride: boolean; holderName: string | null }) {
  const { t } = useTranslation('police');
  const language = currentLanguage();
  const errorMessage = useErrorMessage();
  const claim = useTipClaim(tip.id);
  const isLive = isClaimLive(tip);
  const isMine = isLive && tip.claimedById === myId;
  const until = tip.claimExpiresAt ? formatDateTime(tip.claimExpiresAt, language) : '';
  const status = isMine
    ? t('tip.claimedByYou', { time: until })
    : isLive
      ? holderName
        ? t('tip.claimedByName', { name: holderName, time: until })
        : t('tip.claimedByOther', { time: until })
      : t('tip.unclaimed');
  return (
    <div className={`${styles.row} ${styles.toolbarEnd}`}>
      <span>{status}</span>
      {isMine || (isLive && canOverride) ? (
        <button type="button" className="btn btn-secondary" onClick={() => claim.mutate('release')} disabled={claim.isPending}>
          {isMine ? t('tip.release') : t('tip.releaseOther')}
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

/** A lapsed claim counts as free everywhere (the API ignores it too). */
function isClaimLive(tip: PoliceTip): boolean {
  return tip.claimedById !== null && tip.claimExpiresAt !== null && new Date(tip.claimExpiresAt) > new Date();
}

export default function PoliceTipPage() {
  const { tipId = '' } = useParams();
  const { t } = useTranslation('police');
  const { t: tv } = useTranslation('verifications');
  const language = currentLanguage();
  const me = useMe();
  const tip = usePoliceTip(tipId);
  // Names the claim's holder; the tip's district, since an admin has none of their own.
  const officers = useOfficers(tip.data?.districtId ?? 0, Boolean(tip.data));
  const categories = useCategories();
  const [duplicateOf, setDuplicateOf] = useState<DuplicateChoice>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const districts = useDistricts();
  const navigate = useNavigate();
  useDocumentTitle(tip.data?.reference ?? null);

  if (tip.isError) return <QueryError error={tip.error} onRetry={() => void tip.refetch()} />;
  if (!tip.data) return <LoadingState />;
  const data = tip.data;
  const category = categories.data?.find((c) => c.id === data.category);
  const isOpen = OPEN_STATUSES.includes(data.status);
  const canOverride = CLAIM_OVERRIDE_ROLES.includes(me.data?.role ?? '');
  const holderId = isClaimLive(data) ? data.claimedById : null;
  const holderName = officers.data?.find((o) => o.id === holderId)?.displayName ?? null;
  const byLabel = { police: t('tip.byPolice'), you: t('tip.byReporter'), auxiliary: tv('police.byAuxiliary'), system: t('tip.bySystem') };
  const districtName = (id: number) => {
    const found = districts.data?.find((d) => d.id === id);
    return found ? localizedName(found, language) : String(id);
  };
  // Police of the old district can no longer open the tip: back to their queue, saying where it went.
  const onTransferred = (moved: PoliceTip) => {
    const message = t('transfer.done', { reference: moved.reference, district: districtName(moved.districtId) });
    if (me.data?.role === 'admin') setNotice(message);
    else navigate('/police', { state: { notice: message } });
  };

  return (
    <>
      <p>
        <Link to="/police">{t('tip.back')}</Link>
      </p>
      <div className={styles.toolbar}>
        <h1>{data.reference}</h1>
        <StatusBadge status={data.status} />
        <PriorityBadge priority={data.priority} />
        <VerificationStateBadge verification={data.verification} />
        {isOpen ? <ClaimBar tip={data} myId={me.data?.id} canOverride={canOverride} holderName={holderName} /> : null}
      </div>
      <UndoBar key={data.decidedAt ?? 'undecided'} tip={data} message={notice} onUndone={() => setNotice(t('undo.done'))} />
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
                  {h.caseLink ? (
                    <p className={styles.description}>
                      {t(h.caseLink.linked ? 'tip.linkedToCase' : 'tip.unlinkedFromCase', { reference: h.caseLink.reference })}
                    </p>
                  ) : null}
                  {h.correction?.kind === 'transfer' ? (
                    <p className={styles.description}>
                      {t('tip.transferred', { from: districtName(h.correction.fromDistrictId), to: districtName(h.correction.toDistrictId), reason: h.correction.reason })}
                    </p>
                  ) : null}
                  {h.correction?.kind === 'reversal' ? (
                    <p className={styles.description}>{t('tip.reversed', { reason: h.correction.reason })}</p>
                  ) : null}
                  {h.verification ? <VerificationHistoryEntry verification={h.verification} districtId={data.districtId} /> : null}
                  {h.note ? <p className={styles.description}>{h.note}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div>
          {isOpen && canOverride ? <AssignPanel tip={data} officers={officers.data ?? []} holderId={holderId} /> : null}
          {isOpen ? (
            <DecisionPanel
              key={`${data.id}-${data.decidedAt ?? ''}`}
              tip={data}
              duplicateOf={duplicateOf}
              onDecided={(d) => setNotice(t('decide.done', { status: t(`status.${d}`) }))}
            />
          ) : (
            <section className={styles.panel} aria-labelledby="tip-case">
              <h2 id="tip-case">{t('tip.case')}</h2>
              {data.status === 'valid' ? <TipCasePanel tip={data} /> : <p>{t('tip.decided', { status: t(`status.${data.status}`) })}</p>}
            </section>
          )}
          {data.status !== 'submitted' ? <ReversePanel key={data.decidedAt ?? 'undecided'} tip={data} /> : null}
          <RequestCheckPanel tipId={data.id} districtId={data.districtId} className={styles.panel} />
          {isOpen ? <TransferPanel key={data.districtId} tip={data} onTransferred={onTransferred} /> : null}
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
