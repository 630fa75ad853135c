import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useReportVerification } from '../api/report-verification';
import { FINDINGS as findings, type Finding } from '@hy/schemas/verification-rules';
import '../verifications-i18n';
import { PickedPhotoPreview } from './picked-photo';
import { MAX_REPORT_PHOTOS, useReportPhotos } from './use-report-photos';
import styles from './verifications.module.css';

const NOTE_MAX = 2000;

/** The auxiliary's answer: a finding, a note and up to 3 photos (camera on a phone). */
export function ReportForm({ taskId, onReported }: { taskId: string; onReported: () => void }) {
  const { t } = useTranslation('verifications');
  const errorMessage = useErrorMessage();
  const [progress, setProgress] = useState<number | null>(null);
  const report = useReportVerification(taskId, (p) => setProgress(p.total ? Math.round((100 * p.loaded) / p.total) : null));
  const photos = useReportPhotos();
  const [finding, setFinding] = useState<Finding | ''>('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ finding?: string; note?: string }>({});

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Reset, so picking the same file again after removing it still fires a change.
    event.target.value = '';
    photos.add(files);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { ...(!finding ? { finding: t('report.findingNeeded') } : {}), ...(!note.trim() ? { note: t('report.noteNeeded') } : {}) };
    setProblems(found);
    if (!finding || Object.keys(found).length) return;
    setProgress(null);
    report.mutate({ finding, note: note.trim(), photos: photos.photos.map((p) => p.file) }, { onSuccess: onReported });
  };

  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className={styles.findings} aria-describedby={problems.finding ? 'report-finding-error' : undefined}>
          <legend className="field-label">{t('report.finding')}</legend>
          {findings.map((f) => (
            <label key={f}>
              <input type="radio" name="finding" value={f} checked={finding === f} onChange={() => {
                  setFinding(f);
                  setProblems((old) => ({ ...old, finding: undefined }));
                }}
              />
              {t(`finding.${f}`)}
            </label>
          ))}
          {problems.finding ? (
            <p className="field-error" id="report-finding-error">
              {problems.finding}
            </p>
          ) : null}
        </fieldset>
        <Field id="report-note" label={t('report.note')} hint={t('report.noteHint')} error={problems.note}>
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              rows={4}
              maxLength={NOTE_MAX}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                setProblems((old) => ({ ...old, note: undefined }));
              }}
            />
          )}
        </Field>
        <div className="field">
          <div className="field-label-row">
            <span className="field-label" id="report-photos-label">
              {t('report.photos')}
            </span>
            <span className="counter">
              {photos.photos.length}/{MAX_REPORT_PHOTOS}
            </span>
          </div>
          <p className="field-hint">{t('report.photosHint')}</p>
          {photos.photos.length > 0 ? (
            <ul className={styles.picked}>
              {photos.photos.map((p, i) => (
                <li key={p.id}>
                  <PickedPhotoPreview photo={p} />
                  <button type="button" className="btn btn-secondary" onClick={() => photos.remove(p.id)} aria-label={t('report.remove', { n: i + 1 })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className={styles.photoActions}>
            <label className={styles.fileButton}>
              {t('report.takePhoto')}
              <input type="file" accept="image/*" capture="environment" disabled={photos.isFull} onChange={pick} />
            </label>
            <label className={styles.fileButton}>
              {t('report.choosePhotos')}
              <input type="file" name="photos" accept="image/*,.heic,.heif" multiple disabled={photos.isFull} onChange={pick} />
            </label>
          </div>
          {photos.dropped.tooMany ? <p role="status">{t('report.tooMany')}</p> : null}
          {photos.dropped.notImages.map((name) => (
            <p role="status" key={name}>
              {t('report.badType', { name })}
            </p>
          ))}
        </div>
        {report.isPending && progress !== null ? (
          <p role="status">
            <progress max={100} value={progress} /> {t('report.uploading', { percent: progress })}
          </p>
        ) : null}
        {report.isError ? <Alert tone="error">{errorMessage(report.error)}</Alert> : null}
        <button type="submit" className="btn btn-primary" disabled={report.isPending}>
          {t('report.submit')}
        </button>
      </form>
    </section>
  );
}
