import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/ui/loading-state';
import { useReporterRecord } from '../api/get-reporter-record';

/** How the reporter's other tips were judged, never who they are. */
export function ReporterRecordLine({ tipId }: { tipId: string }) {
  const { t } = useTranslation('police');
  const record = useReporterRecord(tipId);
  if (!record.data) return <LoadingState />;
  if (record.data.isAnonymous) return <p>{t('tip.recordAnonymous')}</p>;
  const r = record.data.record;
  if (r.total === 0) return <p>{t('tip.recordNone')}</p>;
  return (
    <p>
      {t('tip.recordLine', { valid: r.valid, total: r.total })}
      {r.falseReports > 0 ? ` · ${t('tip.recordFalse', { count: r.falseReports })}` : ''}
    </p>
  );
}
