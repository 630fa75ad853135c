import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/field';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { QueryError } from '../../components/ui/query-error';
import { usePublicStats } from '../../features/stats/api/get-public-stats';
import { PublicFiguresView } from '../../features/stats/components/public-figures-view';
import { formatDateTime, localizedName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useDocumentTitle } from '../../lib/use-document-title';
import { BrandMark } from '../../layouts/nav-icons';
import styles from '../../styles/stats.module.css';
import '../../features/stats/stats-i18n';

const MONTH_CHOICES = [6, 12, 24] as const;

/** Public transparency figures: no sign-in, the same for everyone (staff included). */
export default function PublicStatsPage() {
  const { t } = useTranslation('stats');
  const { t: tc } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('public.title'));
  const [months, setMonths] = useState(12);
  const [category, setCategory] = useState('fraud');
  const figures = usePublicStats(months);

  return (
    <>
      <header className="app-header">
        <div className={`app-header-inner ${styles.publicHeader}`}>
          <Link to="/" className="brand">
            <BrandMark />
            <span>{tc('appName')}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className={`${styles.page} ${styles.publicShell}`}>
        <h1>{t('public.title')}</h1>
        <p className={styles.note}>{t('public.intro')}</p>
        <div className={styles.controls}>
          <Field id="public-category" label={t('public.category')}>
            {(control) => (
              <select {...control} className="select" value={category} onChange={(e) => setCategory(e.target.value)}>
                {(figures.data?.categories ?? [{ id: 'fraud', nameZh: '电信网络诈骗', nameEn: 'Telecom and online fraud', isSensitive: false }]).map((c) => (
                  <option key={c.id} value={c.id}>
                    {localizedName(c, language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="public-months" label={t('public.months')}>
            {(control) => (
              <select {...control} className="select" value={months} onChange={(e) => setMonths(Number(e.target.value))}>
                {MONTH_CHOICES.map((m) => (
                  <option key={m} value={m}>
                    {t('public.monthsOption', { count: m })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {figures.isError ? <QueryError error={figures.error} onRetry={() => void figures.refetch()} /> : null}
        <PublicFiguresView figures={figures.data} category={category} />
        <p className={styles.note}>{figures.data ? t('public.generated', { time: formatDateTime(figures.data.generatedAt, language) }) : '\u00a0'}</p>
      </main>
    </>
  );
}
