import { Link, useMatches } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import type { PageHandle } from './volunteer-routes';

function isPageHandle(handle: unknown): handle is PageHandle {
  return typeof handle === 'object' && handle !== null && 'titleKey' in handle;
}

/** Placeholder for volunteer pages that other work will fill in (Leaderboard, Points). */
export default function ComingSoonPage() {
  const { t } = useTranslation();
  const handle = useMatches()
    .map((match) => match.handle)
    .filter(isPageHandle)
    .at(-1);
  const title = handle ? t(handle.titleKey) : null;
  useDocumentTitle(title);
  return (
    <>
      {title ? <h1 className="page-title">{title}</h1> : null}
      <div className="card">
        <p>{t('comingSoon.body')}</p>
        <Link className="btn btn-secondary" to="/">
          {t('comingSoon.backHome')}
        </Link>
      </div>
    </>
  );
}
