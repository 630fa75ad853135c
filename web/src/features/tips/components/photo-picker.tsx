import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../../lib/format';
import type { DraftPhoto } from '../draft/photo-draft-db';
import { isAcceptedPhoto, MAX_PHOTO_BYTES, MAX_PHOTOS } from '../draft/tip-rules';
import styles from './photo-picker.module.css';

type Notice =
  | { key: 'report.photoTooMany'; count: number }
  | { key: 'report.photoTooBig'; name: string }
  | { key: 'report.photoBadType'; name: string };

type Props = {
  photos: DraftPhoto[];
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
  error: string | null;
  warning: string | null;
  isDisabled: boolean;
};

export function PhotoPicker({ photos, onAdd, onRemove, error, warning, isDisabled }: Props) {
  const { t } = useTranslation('tips');
  const [notices, setNotices] = useState<Notice[]>([]);
  const isFull = photos.length >= MAX_PHOTOS;

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Reset, so picking the same file again after removing it still fires a change.
    event.target.value = '';
    const found: Notice[] = [];
    let accepted: File[] = [];
    for (const file of files) {
      if (!isAcceptedPhoto(file)) found.push({ key: 'report.photoBadType', name: file.name });
      else if (file.size > MAX_PHOTO_BYTES) found.push({ key: 'report.photoTooBig', name: file.name });
      else accepted.push(file);
    }
    const room = MAX_PHOTOS - photos.length;
    if (accepted.length > room) {
      found.push({ key: 'report.photoTooMany', count: accepted.length - room });
      accepted = accepted.slice(0, room);
    }
    setNotices(found);
    if (accepted.length > 0) onAdd(accepted);
  };

  const describedBy = ['tip-photos-hint', error ? 'tip-photos-error' : null].filter(Boolean).join(' ');

  return (
    <div className="field">
      <div className="field-label-row">
        <label className="field-label" htmlFor="tip-photos">
          {t('report.photos')}
        </label>
        <span className="counter">{t('report.photoCount', { count: photos.length })}</span>
      </div>
      <p className="field-hint" id="tip-photos-hint">
        {t('report.photosHint')}
      </p>
      {photos.length > 0 ? (
        <ul className={styles.grid}>
          {photos.map((photo, index) => (
            <PhotoThumb key={photo.id} photo={photo} index={index + 1} onRemove={onRemove} isDisabled={isDisabled} />
          ))}
        </ul>
      ) : null}
      <div className={styles.actions}>
        <div className={`${styles.tile} ${isFull || isDisabled ? styles.isDisabled : ''}`}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M19 5H5v14h14zm0-2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm-5 9-3 4-2-2-3 4h12z" />
          </svg>
          <span aria-hidden="true">{t('report.addPhotos')}</span>
          <input
            id="tip-photos"
            className={styles.fileInput}
            type="file"
            name="photos"
            accept="image/*,.heic,.heif"
            multiple
            disabled={isFull || isDisabled}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={pick}
          />
        </div>
        <label className={`${styles.tile} ${isFull || isDisabled ? styles.isDisabled : ''}`}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M9 3h6l1.8 2H20a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2h3.2zm3 5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zm0 2a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z" />
          </svg>
          <span>{t('report.takePhoto')}</span>
          <input
            className={styles.fileInput}
            type="file"
            accept="image/*"
            capture="environment"
            disabled={isFull || isDisabled}
            onChange={pick}
          />
        </label>
      </div>
      {notices.length > 0 ? (
        <ul className={styles.notices} role="status">
          {notices.map((notice, i) => (
            <li key={i}>{t(notice.key, notice)}</li>
          ))}
        </ul>
      ) : null}
      {warning ? (
        <p className="field-hint" role="status">
          {warning}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id="tip-photos-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function PhotoThumb({
  photo,
  index,
  onRemove,
  isDisabled,
}: {
  photo: DraftPhoto;
  index: number;
  onRemove: (id: string) => void;
  isDisabled: boolean;
}) {
  const { t } = useTranslation('tips');
  const [url, setUrl] = useState<string | null>(null);
  const [hasFailed, setFailed] = useState(false);

  useEffect(() => {
    const objectUrl = URL.createObjectURL(photo.file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [photo.file]);

  return (
    <li className={styles.thumb}>
      {url && !hasFailed ? (
        <img src={url} alt={photo.file.name} onError={() => setFailed(true)} />
      ) : (
        // HEIC has no preview in most browsers; it is still uploaded and converted by the server.
        <span className={styles.placeholder}>
          {photo.file.name}
          <br />
          {hasFailed ? t('report.photoFallback') : null}
        </span>
      )}
      <span className={styles.size}>{formatFileSize(photo.file.size)}</span>
      <button type="button" className={styles.remove} onClick={() => onRemove(photo.id)} disabled={isDisabled}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">{t('report.removePhoto', { index, name: photo.file.name })}</span>
      </button>
    </li>
  );
}
