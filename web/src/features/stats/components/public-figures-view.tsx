import '../stats-i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import styles from '../../../styles/stats.module.css';
import type { PublicCount, PublicFigures } from '@hy/schemas/stats';
import { BarChart } from './bar-chart';

/** One category's published months: the city-wide chart, and the district table unless the category is sensitive. */
export function PublicFiguresView({ figures, category }: { figures: PublicFigures | undefined; category: string }) {
  const { t } = useTranslation('stats');
  const language = useLanguage();
  const meta = figures?.categories.find((c) => c.id === category);
  const name = meta ? localizedName(meta, language) : '';
  const rows = useMemo(() => (figures?.rows ?? []).filter((r) => r.category === category), [figures, category]);
  const show = (v: PublicCount) => (v === '<5' ? t('public.small') : v === 'withheld' ? t('public.withheld') : formatNumber(v, language));
  const points = useMemo(() => rows.map((r) => ({ key: r.month, label: r.month, value: typeof r.city === 'number' ? r.city : null })), [rows]);

  return (
    <>
      <section className={styles.panel} aria-label={t('public.chartLabel', { category: name })}>
        <h2 className={styles.panelTitle}>
          {name} · {t('public.city')}
        </h2>
        <BarChart points={points} label={t('public.chartLabel', { category: name })} xTitle={t('public.month')} yTitle={t('public.city')} />
      </section>
      <section className={styles.panel}>
        <h2 className={styles.panelTitle}>{t('public.byDistrictTitle', { category: name })}</h2>
        {meta?.isSensitive ? (
          <p className={styles.note}>{t('public.cityOnly')}</p>
        ) : (
          <div className={styles.tableWrap} tabIndex={0}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('public.month')}</th>
                  <th scope="col">{t('public.city')}</th>
                  {figures?.districts.map((d) => (
                    <th scope="col" key={d.id}>
                      {localizedName(d, language)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.month}>
                    <th scope="row">{r.month}</th>
                    <td>{show(r.city)}</td>
                    {r.districts?.map((d) => <td key={d.districtId}>{show(d.tips)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className={styles.note}>{t('public.legend')}</p>
      </section>
    </>
  );
}
