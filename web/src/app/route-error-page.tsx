import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Last resort for a render error or a page chunk that failed to download (for example after a deploy). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const isNotFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="app-main">
      <div className="card">
        <h1>{isNotFound ? t('notFound.title') : t('errorPage.title')}</h1>
        <p>{isNotFound ? t('notFound.body') : t('errorPage.body')}</p>
        <p>
          <a href="tel:110">{t('emergency')}</a>
        </p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('errorPage.reload')}
        </button>
      </div>
    </main>
  );
}
