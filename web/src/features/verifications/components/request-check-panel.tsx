import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Field } from '../../../components/ui/field';
import { formatDateTime, localizedName } from '../../../lib/format';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useLanguage } from '../../../lib/use-language';
import { CommunityCombobox, type CommunityChoice } from '../../../shared/components/community-combobox';
import { useTipVerifications } from '../api/get-tip-verifications';
import { useRequestVerification } from '../api/request-verification';
import type { PoliceVerification } from '@hy/schemas/verifications';
import '../verifications-i18n';
import { VerificationPhotos } from './verification-photos';
import { VerificationStateBadge } from './verification-state-badge';

const NOTE_MAX = 1000;

function Latest({ v }: { v: PoliceVerification }) {
  const { t } = useTranslation('verifications');
  const language = useLanguage();
  const community = v.community ? localizedName(v.community, language) : '—';
  const name = v.assignedTo?.displayName ?? '—';
  return (
    <div>
      <VerificationStateBadge verification={{ state: v.state, dueAt: v.dueAt }} />
      {v.status === 'open' ? (
        <p>{t('police.waiting', { name, community, time: formatDateTime(v.dueAt, language) })}</p>
      ) : (
        <>
          <p>
            <strong>{t(`finding.${v.finding!}`)}</strong> — {t('police.reportedBy', { name: v.reportedBy?.displayName ?? '—', time: formatDateTime(v.reportedAt!, language) })}
          </p>
          {v.reportNote ? <p>{v.reportNote}</p> : null}
          <VerificationPhotos photos={v.photos} altOf={(n) => t('police.photoAlt', { n })} />
        </>
      )}
    </div>
  );
}

/**
 * The police tip page's on-site check: the latest task's state and finding, and `Request on-site
 * check` (a dialog with the note and an optional community of the tip's district).
 */
export function RequestCheckPanel({ tipId, districtId, className = 'card' }: { tipId: string; districtId: number; className?: string }) {
  const { t } = useTranslation('verifications');
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const list = useTipVerifications(tipId);
  const request = useRequestVerification(tipId);
  const [isOpen, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [community, setCommunity] = useState<CommunityChoice | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const latest = list.data?.[0];
  const hasOpen = latest?.status === 'open';

  const close = () => {
    setOpen(false);
    setProblem(null);
    request.reset();
  };
  const send = () => {
    if (!note.trim()) return setProblem(t('police.noteNeeded'));
    setProblem(null);
    request.mutate(
      { note: note.trim(), ...(community ? { communityId: community.id } : {}) },
      {
        onSuccess: (v) => {
          setOpen(false);
          setNote('');
          setCommunity(null);
          setSent(t('police.sent', { name: v.assignedTo?.displayName ?? '—', time: formatDateTime(v.dueAt, language) }));
        },
      },
    );
  };

  return (
    <section className={className} aria-labelledby="tip-verification">
      <h2 id="tip-verification">{t('police.title')}</h2>
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      {latest ? <Latest v={latest} /> : list.isSuccess ? <p>{t('police.none')}</p> : null}
      {!hasOpen && list.isSuccess ? (
        <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)}>
          {t('police.request')}
        </button>
      ) : null}
      <ConfirmDialog
        isOpen={isOpen}
        title={t('police.dialogTitle')}
        confirmLabel={t('police.send')}
        cancelLabel={t('police.cancel')}
        isBusy={request.isPending}
        onConfirm={send}
        onCancel={close}
      >
        <p>{t('police.dialogIntro')}</p>
        <div className="form">
          <Field id="verification-note" label={t('police.note')} hint={t('police.noteHint')} error={problem}>
            {(control) => (
              <textarea {...control} className="textarea" rows={3} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
            )}
          </Field>
          <Field id="verification-community" label={t('police.community')} hint={t('police.communityHint')}>
            {(control) => <CommunityCombobox {...control} districtId={String(districtId)} value={community} onChange={setCommunity} />}
          </Field>
        </div>
        {request.isError ? <Alert tone="error">{errorMessage(request.error)}</Alert> : null}
      </ConfirmDialog>
    </section>
  );
}
