import { useTranslation } from 'react-i18next';

export function UploadProgress({ percent }: { percent: number }) {
  const { t } = useTranslation('tips');
  return (
    <div className="field">
      <p className="field-hint" aria-hidden="true">
        {t('report.uploading', { percent })}
      </p>
      <progress className="progress" max={100} value={percent} aria-label={t('report.progressLabel')}>
        {percent}%
      </progress>
    </div>
  );
}
