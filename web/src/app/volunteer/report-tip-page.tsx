import { useTranslation } from 'react-i18next';
import { ReportTipForm } from '../../features/tips/components/report-tip-form';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function ReportTipPage() {
  const { t } = useTranslation('tips');
  useDocumentTitle(t('report.title'));
  return (
    <>
      <h1 id="report-tip-title" className="page-title">
        {t('report.title')}
      </h1>
      <p className="page-intro">{t('report.intro')}</p>
      <ReportTipForm />
    </>
  );
}
