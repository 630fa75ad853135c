import { useState } from 'react';

export const MAX_REPORT_PHOTOS = 3;

export type PickedPhoto = { id: number; file: File };

let nextId = 1;

const isImage = (f: File) => f.type.startsWith('image/') || /\.(heic|heif)$/i.test(f.name);

/** The photos picked for a report: at most 3, images only; says what was left out. */
export function useReportPhotos() {
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [dropped, setDropped] = useState<{ tooMany: boolean; notImages: string[] }>({ tooMany: false, notImages: [] });
  const add = (files: File[]) => {
    const images = files.filter(isImage);
    const room = MAX_REPORT_PHOTOS - photos.length;
    setDropped({ tooMany: images.length > room, notImages: files.filter((f) => !isImage(f)).map((f) => f.name) });
    setPhotos((old) => [...old, ...images.slice(0, Math.max(0, room)).map((file) => ({ id: nextId++, file }))]);
  };
  const remove = (id: number) => setPhotos((old) => old.filter((p) => p.id !== id));
  return { photos, add, remove, dropped, isFull: photos.length >= MAX_REPORT_PHOTOS };
}
