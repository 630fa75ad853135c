export const tipStatuses = ['submitted', 'needs_info', 'valid', 'invalid', 'duplicate'] as const;
export type TipStatus = (typeof tipStatuses)[number];

export type TipMedia = { id: string; url: string; width: number; height: number; mimeType: string };

export type TipHistoryEntry = {
  id: string | number;
  kind: 'status' | 'note' | 'reveal' | 'link';
  fromStatus: TipStatus | null;
  toStatus: TipStatus | null;
  note: string | null;
  by: 'you' | 'police' | 'system';
  createdAt: string;
};

export type Tip = {
  id: string;
  reference: string;
  category: string;
  description: string;
  occurredAt: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  districtId: number;
  status: TipStatus;
  priority: string;
  isAnonymous: boolean;
  createdAt: string;
  media: TipMedia[];
  history: TipHistoryEntry[];
  duplicateOf: { reference: string; status: TipStatus } | null;
};
