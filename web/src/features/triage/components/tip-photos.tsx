import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useObjectUrl } from '../../../lib/use-object-url';
import { useTipMedia } from '../../../shared/api/get-tip-media';
import type { TipMedia } from '../../../shared/types/tip';
import styles from '../../../styles/police.module.css';

function Photo({ media, n, onOpen }: { media: TipMedia; n: number; onOpen: (url: string) => void }) {
  const { t } = useTranslation('police');
  const blob = useTipMedia(media.url);
  const url = useObjectUrl(blob.data);
  return (
    <button type="button" onClick={() => url && onOpen(url)} aria-label={t('tip.photoAlt', { n })} disabled={!url}>
      {url ? <img src={url} alt={t('tip.photoAlt', { n })} width={180} height={135} /> : <img alt="" width={180} height={135} />}
    </button>
  );
}

export function TipPhotos({ media }: { media: TipMedia[] }) {
  const { t } = useTranslation('police');
  const [open, setOpen] = useState<{ url: string; n: number } | null>(null);
  if (media.length === 0) return <p>{t('tip.noPhotos')}</p>;
  return (
    <>
      <div className={styles.photos}>
        {media.map((m, i) => (
          <Photo key={m.id} media={m} n={i + 1} onOpen={(url) => setOpen({ url, n: i + 1 })} />
        ))}
      </div>
      {open ? (
        <figure className={styles.viewer}>
          <img src={open.url} alt={t('tip.photoAlt', { n: open.n })} />
        </figure>
      ) : null}
    </>
  );
}
