import { useEffect, useState } from 'react';
import type { PickedPhoto } from './use-report-photos';

/** A preview of a photo picked on the device (its object URL revoked when it goes away). */
export function PickedPhotoPreview({ photo }: { photo: PickedPhoto }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(photo.file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [photo.file]);
  return url ? <img src={url} alt={photo.file.name} /> : null;
}
