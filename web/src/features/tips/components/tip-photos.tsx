import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useObjectUrl } from '../../../lib/use-object-url';
import { useTipMedia } from '../../../shared/api/get-tip-media';
import type { TipMedia } from '../../../shared/types/tip';
import styles from './tip-photos.module.css';

export function TipPhotos({ media }: { media: TipMedia[] }) {
  return (
    <ul className={styles.grid}>
      {media.map((item, index) => (
        <li key={item.id}>
          <TipPhoto media={item} index={index + 1} />
        </li>
      ))}
    </ul>
  );
}

function TipPhoto({ media, index }: { media: TipMedia; index: number }) {
  const { t } = useTranslation('tips');
  const { t: tc } = useTranslation();
  const { data, isError, refetch } = useTipMedia(media.url);
  const url = useObjectUrl(data);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const alt = t('detail.photoAlt', { index });

  if (isError) {
    return (
      <button type="button" className={styles.thumbButton} onClick={() => void refetch()}>
        <span className={styles.status}>
          {t('detail.photoFailed')} · {tc('actions.retry')}
        </span>
      </button>
    );
  }
  if (!url) {
    return (
      <div className={styles.thumbButton} role="status">
        <span className={styles.status}>{tc('loading')}</span>
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        className={styles.thumbButton}
        onClick={() => dialogRef.current?.showModal()}
        aria-label={t('detail.openPhoto', { index })}
      >
        <img src={url} alt={alt} width={media.width} height={media.height} />
      </button>
      <dialog ref={dialogRef} className={styles.dialog} aria-label={alt}>
        <img src={url} alt={alt} />
        <form method="dialog">
          <button type="submit" className="btn btn-secondary btn-block">
            {t('detail.closePhoto')}
          </button>
        </form>
      </dialog>
    </>
  );
}
