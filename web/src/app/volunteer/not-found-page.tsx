import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <h1 className="page-title">{t('notFound.title')}</h1>
      <div className="card">
        <p>{t('notFound.body')}</p>
        <Link className="btn btn-secondary" to="/">
          {t('comingSoon.backHome')}
        </Link>
      </div>
    </>
  );
}
