import { useTranslation } from 'react-i18next';
import { ReportTipForm } from '../../features/tips/components/report-tip-form';
import { queryClient } from '../../lib/query-client';
import { useDocumentTitle } from '../../lib/use-document-title';
import { categoriesQuery } from '../../shared/api/get-categories';
import { districtsQuery } from '../../shared/api/get-districts';
import { mapConfigQuery } from '../../shared/map/get-map-config';

/** What the form's first render asks for (app/lazy-page.ts): categories, districts, the map's settings. */
export function prefetch() {
  return Promise.all([
    queryClient.prefetchQuery(categoriesQuery()),
    queryClient.prefetchQuery(districtsQuery()),
    queryClient.prefetchQuery(mapConfigQuery()),
  ]);
}

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
