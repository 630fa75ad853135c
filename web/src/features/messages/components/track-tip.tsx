import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import { TipStatusBadge } from '../../../shared/components/tip-status-badge';
import { TipTimeline } from '../../../shared/components/tip-timeline';
import { usePostTrackedMessage } from '../api/post-tracked-message';
import { trackTip, useTrackTip } from '../api/track-tip';
import type { TrackCredentials, TrackedTip } from '@hy/schemas/tracking';
import { MessageThread } from './message-thread';
import styles from './messages.module.css';

/**
 * The anonymous tipster's page: reference + access code, then the tip's status, history and
 * thread. The code lives only in this component's state — never in storage, the URL or a cache.
 */
export function TrackTip() {
  const { t } = useTranslation('messages');
  const errorMessage = useErrorMessage();
  const referenceId = useId();
  const codeId = useId();
  const track = useTrackTip();
  const send = usePostTrackedMessage();
  const [form, setForm] = useState<TrackCredentials>({ reference: '', accessCode: '' });
  const [credentials, setCredentials] = useState<TrackCredentials | null>(null);
  const [tracked, setTracked] = useState<TrackedTip | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { reference: form.reference.trim(), accessCode: form.accessCode.trim() };
    if (!input.reference || !input.accessCode) return setFormError(t('track.required'));
    setFormError(null);
    track.mutate(input, {
      onSuccess: (data) => {
        setCredentials(input);
        setTracked(data);
      },
    });
  };

  const leave = () => {
    setCredentials(null);
    setTracked(null);
    setForm({ reference: '', accessCode: '' });
    track.reset();
  };

  const failure = track.error
    ? isApiError(track.error) && (track.error.status === 404 || track.error.status === 400)
      ? t('track.notFound')
      : errorMessage(track.error)
    : null;

  if (credentials && tracked) {
    const { tip } = tracked;
    return (
      <>
        <section className="card" aria-labelledby="tracked-reference">
          <h2 id="tracked-reference" className={styles.code}>
            {tip.reference}
          </h2>
          <p>
            {t('track.status')}: <TipStatusBadge status={tip.status} />
          </p>
          <h3>{t('track.history')}</h3>
          <TipTimeline tip={tip} />
        </section>
        <MessageThread
          messages={tracked.messages}
          unread={tracked.unread}
          viewer="reporter"
          isAnonymous
          isSending={send.isPending}
          onSend={async (body) => {
            await send.mutateAsync({ ...credentials, body });
            setTracked(await trackTip(credentials));
          }}
        />
        <p className="field-hint">{t('track.privacy')}</p>
        <button type="button" className="btn btn-secondary btn-block" onClick={leave}>
          {t('track.leave')}
        </button>
      </>
    );
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('track.title')}>
      <Field id={referenceId} label={t('track.reference')} hint={t('track.referenceHint')} isRequired>
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={form.reference}
            onChange={(e) => setForm({ ...form, reference: e.target.value })}
          />
        )}
      </Field>
      <Field id={codeId} label={t('track.accessCode')} hint={t('track.accessCodeHint')} isRequired>
        {(control) => (
          <input
            {...control}
            className={`input ${styles.code}`}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={form.accessCode}
            onChange={(e) => setForm({ ...form, accessCode: e.target.value })}
          />
        )}
      </Field>
      {formError ?? failure ? <Alert tone="error">{formError ?? failure}</Alert> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={track.isPending}>
        {track.isPending ? t('track.checking') : t('track.submit')}
      </button>
    </form>
  );
}
