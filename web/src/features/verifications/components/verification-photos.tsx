import { useState } from 'react';
import { useObjectUrl } from '../../../lib/use-object-url';
import { useTipMedia } from '../../../shared/api/get-tip-media';
import type { VerificationPhoto } from '@hy/schemas/verifications';
import styles from './verifications.module.css';

function Photo({ photo, alt, onOpen }: { photo: Pick<VerificationPhoto, 'id' | 'url'>; alt: string; onOpen: (url: string) => void }) {
  // Protected files: fetched with the Authorization header, shown from an object URL.
  const blob = useTipMedia(photo.url);
  const url = useObjectUrl(blob.data);
  return (
    <button type="button" onClick={() => url && onOpen(url)} aria-label={alt} disabled={!url}>
      {url ? <img src={url} alt={alt} width={96} height={72} /> : <img alt="" width={96} height={72} />}
    </button>
  );
}

/** Thumbnails of protected photos (a tip's, through the task, or a report's); one opens large below. */
export function VerificationPhotos({ photos, altOf }: { photos: Pick<VerificationPhoto, 'id' | 'url'>[]; altOf: (n: number) => string }) {
  const [open, setOpen] = useState<{ url: string; n: number } | null>(null);
  if (photos.length === 0) return null;
  return (
    <>
      <div className={styles.photos}>
        {photos.map((p, i) => (
          <Photo key={p.id} photo={p} alt={altOf(i + 1)} onOpen={(url) => setOpen({ url, n: i + 1 })} />
        ))}
      </div>
      {open ? (
        <figure className={styles.viewer}>
          <img src={open.url} alt={altOf(open.n)} />
        </figure>
      ) : null}
    </>
  );
}
