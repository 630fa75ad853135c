import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../shared/api/get-me';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSession } from '../../lib/session';
import styles from './home-page.module.css';

export default function HomePage() {
  const { t } = useTranslation();
  const { isSignedIn } = useSession();
  const me = useMe();
  useDocumentTitle(null);

  return (
    <>
      <section className={styles.hero} aria-labelledby="home-title">
        <svg className={styles.mark} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <path fill="#fff" d="M16 2 4 7v8c0 7.2 5.1 13.3 12 15 6.9-1.7 12-7.8 12-15V7z" />
        </svg>
        <h1 id="home-title">{t('home.title')}</h1>
        <p className={styles.tagline}>{t('home.tagline')}</p>
        <p className={styles.lead}>{t('home.lead')}</p>
      </section>

      <div className={styles.ctas}>
        <Link className="btn btn-primary btn-large" to="/report">
          {t('nav.reportTip')}
        </Link>
        <Link className="btn btn-secondary btn-large" to="/my-tips">
          {t('nav.myTips')}
        </Link>
        <Link className="btn btn-quiet" to="/track">
          {t('nav.trackTip')}
        </Link>
      </div>

      <section className={`card ${styles.account}`} aria-label={t('nav.account')}>
        {isSignedIn ? (
          <>
            <p>{me.data ? t('home.greeting', { name: me.data.displayName }) : t('loading')}</p>
            {me.data ? <p className={styles.points}>{t('home.pointsBalance', { points: me.data.points })}</p> : null}
          </>
        ) : (
          <>
            <p>
              {t('home.newHere')} <Link to="/register" className="touch-link">{t('nav.register')}</Link>
            </p>
            <p>
              {t('home.haveAccount')} <Link to="/sign-in" className="touch-link">{t('nav.signIn')}</Link>
            </p>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="home-steps">
        <h2 id="home-steps">{t('home.stepsTitle')}</h2>
        <ol className={styles.steps}>
          <li>
            <strong>{t('home.step1Title')}</strong>
            <p>{t('home.step1Body')}</p>
          </li>
          <li>
            <strong>{t('home.step2Title')}</strong>
            <p>{t('home.step2Body')}</p>
          </li>
          <li>
            <strong>{t('home.step3Title')}</strong>
            <p>{t('home.step3Body')}</p>
          </li>
        </ol>
      </section>

      <p className={styles.safety}>{t('home.safety')}</p>
      <footer className="page-footer">
        <Link to="/stats" className="touch-link">
          {t('nav.publicStats')}
        </Link>
      </footer>
    </>
  );
}
