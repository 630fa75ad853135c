import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-error';
import { localizedName, toDateTimeLocal } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useLanguage } from '../../../lib/use-language';
import { uuidV4 } from '../../../lib/uuid';
import { useStaged } from '../../../lib/use-staged';
import { useMe } from '../../../shared/api/get-me';
import { useCategories } from '../../../shared/api/get-categories';
import { DistrictSelect } from '../../../shared/components/district-select';
import { useCreateTip, type CreateTipResult } from '../api/create-tip';
import { deleteDraftPhoto, deleteDraftPhotos, loadDraftPhotos, putDraftPhoto, type DraftPhoto } from '../draft/photo-draft-db';
import { clearDraft, emptyDraft, hasContent, loadDraft, saveDraft, type TipDraft } from '../draft/tip-draft-storage';
import { DESCRIPTION_LENGTH } from '../draft/tip-rules';
import { queueTip } from '../outbox/queue-tip';
import {
  loadTipRules,
  tipFieldOf,
  tipFieldOrder,
  validateTipDraft,
  type TipField,
  type TipFieldErrors,
} from '../draft/validate-tip-draft';
import '../anti-spam-i18n';
import { AntiSpamCheck } from './anti-spam-check';
import { LocationField, type Coordinates } from './location-field';
import { OutboxPanel } from './outbox-panel';
import { PhotoPicker } from './photo-picker';
import { TipSubmitted } from './tip-submitted';
import { UploadProgress } from './upload-progress';

type SubmitError =
  | { kind: 'fix'; messages: string[] }
  | { kind: 'network' }
  | { kind: 'rateLimited'; seconds: number | null }
  | { kind: 'anonymousUnavailable' }
  | { kind: 'antiSpamPending' }
  | { kind: 'antiSpamRetry' }
  | { kind: 'sessionExpired' }
  | { kind: 'message'; text: string };

type PhotoWarning = { kind: 'restoreFailed'; count: number } | { kind: 'notKept' };

const controlIds: Record<TipField, string> = {
  category: 'tip-category',
  description: 'tip-description',
  occurredAt: 'tip-occurred-at',
  location: 'tip-address',
  districtId: 'tip-district',
  photos: 'tip-photos',
  anonymous: 'tip-anonymous',
};

/**
 * The server did not store the tip after these answers, so the next attempt gets a new
 * Idempotency-Key; after anything else (network loss, 5xx, 409, 429) the outcome is unknown
 * and the retry must reuse the key.
 */
const REJECTED_STATUSES = new Set([400, 401, 403, 404, 413, 415, 422]);

/**
 * The room (px) of the form's lower part (location to Send, ≈ 770 px on a 375 px phone) before it
 * is rendered: it comes in the task after the first commit, so the first commit, its layout and its
 * effects cover the upper fields only. Nothing is below it, so its exact size moves nothing.
 */
const LOWER_PART_RESERVE = 760;

/** The API names the proof-of-work header as the field of a refused proof. */
const ANTI_SPAM_FIELD = 'X-Altcha';

function startDraft(userId: string | null): { draft: TipDraft; isRestored: boolean } {
  const isSignedIn = userId !== null;
  const saved = loadDraft();
  // Another user's draft is never shown (sign-out removes it; this is the second lock on that door).
  if (saved && hasContent(saved) && (saved.ownerId === null || saved.ownerId === userId)) {
    // Signed in since the draft began (the "sign in to earn points" path): send it under their name.
    const draft = !saved.wasSignedIn && isSignedIn ? { ...saved, isAnonymous: false, wasSignedIn: true } : saved;
    return { draft: { ...draft, wasSignedIn: isSignedIn, ownerId: userId }, isRestored: true };
  }
  return {
    draft: emptyDraft({ draftId: saved?.ownerId ? uuidV4() : (saved?.draftId ?? uuidV4()), occurredAt: toDateTimeLocal(new Date()), ownerId: userId }),
    isRestored: false,
  };
}

/** What the server stores of a draft: the same fields whether sent now or kept in the outbox. */
const tipFields = (attempt: TipDraft) => ({
  category: attempt.category,
  description: attempt.description.trim(),
  occurredAt: new Date(attempt.occurredAt).toISOString(),
  lat: attempt.lat,
  lng: attempt.lng,
  address: attempt.address,
  districtId: Number(attempt.districtId),
});

export function ReportTipForm() {
  const { t } = useTranslation('tips');
  const { t: tc } = useTranslation();
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const { isSignedIn, userId } = useSession();
  const me = useMe();
  const categories = useCategories();
  const createTip = useCreateTip();
  const formRef = useRef<HTMLFormElement>(null);
  const submitErrorRef = useRef<HTMLDivElement>(null);

  const [start] = useState(() => startDraft(userId));
  const [draft, setDraft] = useState<TipDraft>(start.draft);
  const [isRestored, setRestored] = useState(start.isRestored);
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [photoWarning, setPhotoWarning] = useState<PhotoWarning | null>(null);
  const [fieldErrors, setFieldErrors] = useState<TipFieldErrors>({});
  const [submitError, setSubmitError] = useState<SubmitError | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<CreateTipResult | null>(null);
  // Kept in the outbox (no connection): the screen shows it waiting instead of the form.
  const [isQueued, setQueued] = useState(false);
  // Anonymous tips carry a solved proof-of-work; a spent or refused one is replaced by a new round.
  const [antiSpamProof, setAntiSpamProof] = useState<string | null>(null);
  const [antiSpamRound, setAntiSpamRound] = useState(0);
  // The anti-spam widget (its chunk, its challenge, its solving) waits until the tipster starts on
  // the form: opening the page costs none of it, and the proof is ready long before the description is.
  const [hasStarted, setStarted] = useState(start.isRestored);

  const isLowerPartShown = useStaged(1) >= 1;

  const isSubmitting = createTip.isPending;
  // Between pressing Send and the rules' answer (their chunk may still be on its way): one send only.
  const isValidating = useRef(false);

  useEffect(() => {
    if (hasStarted) void loadTipRules().catch(() => undefined);
  }, [hasStarted]);

  useEffect(() => {
    saveDraft(draft);
  }, [draft]);

  // A challenge that could not be fetched offline is fetched again once the connection is back.
  useEffect(() => {
    const retryChallenge = () => {
      if (!antiSpamProof) setAntiSpamRound((n) => n + 1);
    };
    window.addEventListener('online', retryChallenge);
    return () => window.removeEventListener('online', retryChallenge);
  }, [antiSpamProof]);

  // Bring back the photos of a restored draft, and say so when some could not be.
  useEffect(() => {
    const expected = start.draft.photoIds;
    if (expected.length === 0) {
      void deleteDraftPhotos(start.draft.draftId).catch(() => undefined);
      return;
    }
    let isCancelled = false;
    const forget = (missing: string[]) => {
      setPhotoWarning({ kind: 'restoreFailed', count: missing.length });
      setDraft((d) => ({ ...d, photoIds: d.photoIds.filter((id) => !missing.includes(id)) }));
    };
    loadDraftPhotos(start.draft.draftId)
      .then((loaded) => {
        if (isCancelled) return;
        const byId = new Map(loaded.map((p) => [p.id, p]));
        const restored = expected.flatMap((id) => byId.get(id) ?? []);
        setPhotos((current) => [...restored, ...current.filter((p) => !byId.has(p.id))]);
        const missing = expected.filter((id) => !byId.has(id));
        if (missing.length > 0) forget(missing);
      })
      .catch(() => {
        if (!isCancelled) forget(expected);
      });
    return () => {
      isCancelled = true;
    };
  }, [start]);

  // Most tips are about the volunteer's own district: preselect it.
  const homeDistrictId = me.data?.districtId;
  useEffect(() => {
    if (homeDistrictId) setDraft((d) => (d.districtId ? d : { ...d, districtId: String(homeDistrictId) }));
  }, [homeDistrictId]);

  const update = (field: TipField | null, patch: Partial<TipDraft> | ((d: TipDraft) => Partial<TipDraft>)) => {
    setDraft((d) => ({ ...d, ...(typeof patch === 'function' ? patch(d) : patch) }));
    if (field) {
      setFieldErrors((errors) => {
        const next = { ...errors };
        delete next[field];
        return next;
      });
    }
  };

  const addPhotos = (files: File[]) => {
    const added = files.map((file) => ({ id: uuidV4(), file }));
    setPhotos((current) => [...current, ...added]);
    update('photos', (d) => ({ photoIds: [...d.photoIds, ...added.map((p) => p.id)] }));
    Promise.all(added.map((p) => putDraftPhoto(draft, p))).catch(() => setPhotoWarning({ kind: 'notKept' }));
  };

  const removePhoto = (id: string) => {
    setPhotos((current) => current.filter((p) => p.id !== id));
    update('photos', (d) => ({ photoIds: d.photoIds.filter((photoId) => photoId !== id) }));
    void deleteDraftPhoto(id).catch(() => undefined);
  };

  const setCoordinates = (coordinates: Coordinates | null) =>
    update('location', {
      lat: coordinates?.lat ?? null,
      lng: coordinates?.lng ?? null,
      accuracyMeters: coordinates?.accuracyMeters ?? null,
    });

  const focusLater = (element: () => HTMLElement | null) =>
    requestAnimationFrame(() => {
      const target = element();
      target?.focus();
      target?.scrollIntoView({ block: 'center' });
    });

  const showSubmitError = (error: SubmitError) => {
    setSubmitError(error);
    focusLater(() => submitErrorRef.current);
  };

  /**
   * No connection: the tip, its photos, its proof (if solved) and its Idempotency-Key go to the
   * outbox, which sends them when the connection returns; the draft is done with.
   */
  const keepForLater = (attempt: TipDraft, idempotencyKey: string) => {
    setProgress(null);
    queueTip({
      id: idempotencyKey,
      ownerId: userId,
      isAnonymous: attempt.isAnonymous,
      fields: tipFields(attempt),
      photos: photos.map((p) => ({ name: p.file.name, type: p.file.type, blob: p.file })),
      antiSpamProof: attempt.isAnonymous ? antiSpamProof : null,
    })
      .then(() => {
        clearDraft();
        void deleteDraftPhotos(attempt.draftId).catch(() => undefined);
        setQueued(true);
        window.scrollTo(0, 0);
      })
      // No IndexedDB (private mode on some phones): the draft stays, and the tipster retries by hand.
      .catch(() => showSubmitError({ kind: 'network' }));
  };

  const handleFailure = (error: unknown, attempt: TipDraft, idempotencyKey: string) => {
    if (isApiError(error) && error.isNetworkError) return keepForLater(attempt, idempotencyKey);
    setProgress(null);
    if (isApiError(error) && REJECTED_STATUSES.has(error.status)) {
      setDraft((d) => ({ ...d, idempotencyKey: null }));
      // The proof was spent with the old key (or refused): solve a new one for the next attempt.
      setAntiSpamProof(null);
      setAntiSpamRound((n) => n + 1);
    }
    if (!isApiError(error)) return showSubmitError({ kind: 'message', text: errorMessage(error) });
    if (error.isNetworkError) return showSubmitError({ kind: 'network' });
    if (error.status === 429) return showSubmitError({ kind: 'rateLimited', seconds: error.retryAfterSeconds });
    if (error.status === 401) return showSubmitError({ kind: draft.isAnonymous ? 'anonymousUnavailable' : 'sessionExpired' });
    if (error.status === 413 || error.status === 415) {
      setFieldErrors({ photos: 'photos' });
      return showSubmitError({ kind: 'fix', messages: [] });
    }
    if (error.status === 400 && error.fieldIssues.some((issue) => issue.field === ANTI_SPAM_FIELD)) return showSubmitError({ kind: 'antiSpamRetry' });
    if (error.status === 400 && error.fieldIssues.length > 0) {
      const errors: TipFieldErrors = {};
      const unplaced: string[] = [];
      for (const issue of error.fieldIssues) {
        const field = tipFieldOf(issue.field.split(/[.[]/)[0] ?? issue.field);
        if (!field) unplaced.push(`${issue.field}: ${tc('errors.fieldInvalid')}`);
        else if (field === 'location' && (issue.field === 'lat' || issue.field === 'lng')) errors.location = 'outsideHengyang';
        else if (field !== 'anonymous') errors[field] ??= field;
      }
      setFieldErrors(errors);
      return showSubmitError({ kind: 'fix', messages: unplaced });
    }
    showSubmitError({ kind: 'message', text: errorMessage(error) });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSubmitting || isValidating.current) return;
    isValidating.current = true;
    validateTipDraft(draft, photos.length, isSignedIn)
      .then(send, () => showSubmitError({ kind: 'network' }))
      .finally(() => {
        isValidating.current = false;
      });
  };

  const send = (errors: TipFieldErrors) => {
    setFieldErrors(errors);
    const firstInvalid = tipFieldOrder.find((field) => errors[field]);
    if (firstInvalid) {
      setSubmitError({ kind: 'fix', messages: [] });
      focusLater(() => document.getElementById(controlIds[firstInvalid]));
      return;
    }
    const isOffline = navigator.onLine === false;
    // Offline the challenge cannot be fetched: the outbox solves a fresh one when the connection returns.
    if (draft.isAnonymous && !antiSpamProof && !isOffline) return showSubmitError({ kind: 'antiSpamPending' });
    const idempotencyKey = draft.idempotencyKey ?? uuidV4();
    const attempt: TipDraft = { ...draft, idempotencyKey };
    // Saved before the request leaves, so a retry after a reload reuses the same key.
    saveDraft(attempt);
    setDraft(attempt);
    setSubmitError(null);
    if (isOffline) return keepForLater(attempt, idempotencyKey);
    setProgress(photos.length > 0 ? 0 : null);
    createTip.mutate(
      {
        input: {
          ...tipFields(attempt),
          photos: photos.map((p) => p.file),
          isAnonymous: attempt.isAnonymous,
          idempotencyKey,
          antiSpamProof,
        },
        onUploadProgress: ({ loaded, total }) => setProgress(total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0),
      },
      {
        onSuccess: (created) => {
          clearDraft();
          void deleteDraftPhotos(attempt.draftId).catch(() => undefined);
          setProgress(null);
          setResult(created);
          window.scrollTo(0, 0);
        },
        onError: (error) => handleFailure(error, attempt, idempotencyKey),
      },
    );
  };

  const startOver = () => {
    void deleteDraftPhotos(draft.draftId).catch(() => undefined);
    clearDraft();
    const fresh = emptyDraft({ draftId: uuidV4(), occurredAt: toDateTimeLocal(new Date()), ownerId: userId });
    setDraft(homeDistrictId ? { ...fresh, districtId: String(homeDistrictId) } : fresh);
    setPhotos([]);
    setPhotoWarning(null);
    setFieldErrors({});
    setSubmitError(null);
    setRestored(false);
    setResult(null);
  };

  if (isQueued) {
    return (
      <>
        <OutboxPanel />
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => {
            startOver();
            setQueued(false);
            window.scrollTo(0, 0);
          }}
        >
          {t('success.another')}
        </button>
      </>
    );
  }

  if (result) {
    return (
      <TipSubmitted
        result={result}
        onReportAnother={() => {
          startOver();
          window.scrollTo(0, 0);
        }}
      />
    );
  }

  const fieldError = (field: TipField) => {
    const key = fieldErrors[field];
    if (!key) return null;
    return key === 'needSignIn' ? t('report.needSignIn') : t(`report.invalid.${key}`);
  };

  const photoWarningText =
    photoWarning?.kind === 'restoreFailed'
      ? t('report.photoRestoreFailed', { count: photoWarning.count })
      : photoWarning?.kind === 'notKept'
        ? t('report.photoNotKept')
        : null;

  const descriptionLength = draft.description.length;
  // The "correct the fields" summary goes away once every marked field has been edited.
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;

  return (
    <>
      <OutboxPanel />
      <form
        ref={formRef}
        className="form card"
        onSubmit={submit}
        onFocus={() => setStarted(true)}
        noValidate
        aria-labelledby="report-tip-title"
      >
        {isRestored ? (
          <Alert
            tone="info"
            actions={
              <button type="button" className="btn btn-secondary" onClick={startOver}>
                {t('report.startOver')}
              </button>
            }
          >
            {t('report.draftRestored')}
          </Alert>
        ) : null}

        <Field id={controlIds.category} label={t('report.category')} error={fieldError('category')} isRequired>
          {(control) => (
            <select
              {...control}
              className="select"
              name="category"
              value={draft.category}
              onChange={(e) => update('category', { category: e.target.value })}
              disabled={isSubmitting}
            >
              <option value="">{categories.isPending ? tc('loading') : tc('choose')}</option>
              {categories.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {localizedName(c, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {categories.isError ? (
          <Alert
            tone="error"
            actions={
              <button type="button" className="btn btn-secondary" onClick={() => void categories.refetch()}>
                {tc('actions.retry')}
              </button>
            }
          >
            {errorMessage(categories.error)}
          </Alert>
        ) : null}

        <Field
          id={controlIds.description}
          label={t('report.description')}
          hint={t('report.descriptionHint')}
          error={fieldError('description')}
          isRequired
          aside={
            <span className={`counter ${descriptionLength > DESCRIPTION_LENGTH.max ? 'is-over' : ''}`} aria-live="polite">
              {t('report.counter', { count: descriptionLength })}
            </span>
          }
        >
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              name="description"
              rows={6}
              value={draft.description}
              onChange={(e) => update('description', { description: e.target.value })}
              readOnly={isSubmitting}
            />
          )}
        </Field>

        <Field id={controlIds.occurredAt} label={t('report.occurredAt')} error={fieldError('occurredAt')} isRequired>
          {(control) => (
            <input
              {...control}
              className="input"
              type="datetime-local"
              name="occurredAt"
              max={toDateTimeLocal(new Date())}
              value={draft.occurredAt}
              onChange={(e) => update('occurredAt', { occurredAt: e.target.value })}
              readOnly={isSubmitting}
            />
          )}
        </Field>

        {isLowerPartShown ? (
          <>
            <LocationField
              address={draft.address}
              onAddressChange={(address) => update('location', { address })}
              coordinates={
                draft.lat !== null && draft.lng !== null ? { lat: draft.lat, lng: draft.lng, accuracyMeters: draft.accuracyMeters } : null
              }
              onCoordinatesChange={setCoordinates}
              error={fieldError('location')}
              isDisabled={isSubmitting}
            />

            <Field id={controlIds.districtId} label={t('report.district')} error={fieldError('districtId')} isRequired>
              {(control) => (
                <DistrictSelect
                  {...control}
                  value={draft.districtId}
                  onChange={(districtId) => update('districtId', { districtId })}
                  isDisabled={isSubmitting}
                />
              )}
            </Field>

            <PhotoPicker
              photos={photos}
              onAdd={addPhotos}
              onRemove={removePhoto}
              error={fieldError('photos')}
              warning={photoWarningText}
              isDisabled={isSubmitting}
            />

            <div className="checkbox-field">
              <input
                id={controlIds.anonymous}
                type="checkbox"
                name="isAnonymous"
                checked={draft.isAnonymous}
                onChange={(e) => update('anonymous', { isAnonymous: e.target.checked })}
                disabled={isSubmitting}
                aria-describedby={fieldErrors.anonymous ? 'tip-anonymous-error tip-anonymous-hint' : 'tip-anonymous-hint'}
                aria-invalid={fieldErrors.anonymous ? true : undefined}
              />
              <label htmlFor={controlIds.anonymous}>{t('report.anonymous')}</label>
              <p className="field-hint" id="tip-anonymous-hint">
                {t('report.anonymousHint')}
                {isSignedIn ? null : <strong> {t('report.signedOutHint')}</strong>}
              </p>
              {fieldErrors.anonymous ? (
                <p className="field-error" id="tip-anonymous-error">
                  {fieldError('anonymous')}
                </p>
              ) : null}
            </div>

            {draft.isAnonymous && hasStarted ? <AntiSpamCheck key={antiSpamRound} districtId={draft.districtId} onProof={setAntiSpamProof} /> : null}

            <div ref={submitErrorRef} tabIndex={-1}>
              {submitError && !(submitError.kind === 'fix' && !hasFieldErrors && submitError.messages.length === 0) ? (
                <SubmitErrorAlert error={submitError} onRetry={() => resubmit(formRef.current)} />
              ) : null}
            </div>

            {progress !== null && isSubmitting ? <UploadProgress percent={progress} /> : null}

            <button type="submit" className="btn btn-primary btn-block btn-large" disabled={isSubmitting}>
              {isSubmitting ? t('report.sending') : t('report.submit')}
            </button>
          </>
        ) : (
          <div style={{ minHeight: LOWER_PART_RESERVE }} />
        )}
      </form>
    </>
  );
}

/** requestSubmit is missing before Safari 16, still common on older iPhones. */
function resubmit(form: HTMLFormElement | null) {
  if (!form) return;
  if (typeof form.requestSubmit === 'function') form.requestSubmit();
  else form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

function SubmitErrorAlert({ error, onRetry }: { error: SubmitError; onRetry: () => void }) {
  const { t } = useTranslation('tips');
  const { t: tc } = useTranslation();
  const { t: ta } = useTranslation('antiSpam');
  const retry = (
    <button type="button" className="btn btn-secondary" onClick={onRetry}>
      {tc('actions.retry')}
    </button>
  );
  switch (error.kind) {
    case 'fix':
      return (
        <Alert tone="error">
          <p>{t('report.fixErrors')}</p>
          {error.messages.length > 0 ? (
            <ul>
              {error.messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      );
    case 'network':
      return (
        <Alert tone="error" actions={retry}>
          {t('report.networkError')}
        </Alert>
      );
    case 'rateLimited':
      return (
        <Alert tone="error">
          {error.seconds ? t('report.rateLimited', { seconds: error.seconds }) : tc('errors.rateLimitedShort')}
        </Alert>
      );
    case 'anonymousUnavailable':
      return <Alert tone="error">{t('report.anonymousUnavailable')}</Alert>;
    case 'antiSpamPending':
      return <Alert tone="error">{ta('pending')}</Alert>;
    case 'antiSpamRetry':
      return <Alert tone="error">{ta('retry')}</Alert>;
    case 'sessionExpired':
      return <Alert tone="error">{t('report.sessionExpired')}</Alert>;
    case 'message':
      return (
        <Alert tone="error" actions={retry}>
          {t('report.genericError', { message: error.text })}
        </Alert>
      );
  }
}
