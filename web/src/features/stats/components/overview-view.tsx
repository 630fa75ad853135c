import '../stats-i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import type { Category, District } from '../../../shared/types/reference';
import styles from '../../../styles/stats.module.css';
import type { Overview } from '@hy/schemas/stats';
import { TIP_STATUSES } from '@hy/schemas/tip-rules';
import { BarChart } from './bar-chart';
import { BarList } from './bar-list';
import { StatCard } from './stat-card';

const AGES = ['under_1d', '1_3d', '3_7d', '7_30d', 'over_30d'] as const;

type Props = {
  overview: Overview | undefined;
  categories: Category[];
  districts: District[];
  /** The weeks to draw before the figures arrive (the chart keeps its place). */
  isCity: boolean;
};

/** The figures of one scope and period as cards, bars and a weekly chart; every box has its size before the data come. */
export function OverviewView({ overview: o, categories, districts, isCity }: Props) {
  const { t } = useTranslation('stats');
  const language = useLanguage();
  const n = (v: number | undefined) => (v === undefined ? t('card.none') : formatNumber(v, language));
  const hours = (v: number | null | undefined) => (v === null || v === undefined ? t('card.none') : t('card.hours', { value: formatNumber(v, language) }));
  const percent = (v: number | null | undefined) =>
    v === null || v === undefined ? t('card.none') : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(v);

  const weekly = useMemo(
    () => (o?.tips.byWeek ?? []).map((w) => ({ key: w.weekStart, label: w.weekStart, value: w.tips })),
    [o],
  );
  const count = <T extends { tips: number }>(list: T[] | undefined, match: (x: T) => boolean) => list?.find(match)?.tips ?? null;

  return (
    <>
      <dl className={styles.cards}>
        <StatCard label={t('card.tips')} value={n(o?.tips.total)} />
        <StatCard label={t('card.validRate')} value={percent(o?.decisions.validRate)} />
        <StatCard label={t('card.median')} value={hours(o?.decisions.medianHours)} detail={o ? t('card.decidedOf', { decided: formatNumber(o.decisions.decided, language) }) : undefined} />
        <StatCard label={t('card.p90')} value={hours(o?.decisions.p90Hours)} />
        <StatCard label={t('card.backlog')} value={n(o?.backlog.total)} />
        <StatCard
          label={t('card.checksOverdue')}
          value={n(o?.onSiteChecks.overdue)}
          detail={o ? t('card.checksOverdueDetail', { due: formatNumber(o.onSiteChecks.due, language), now: formatNumber(o.onSiteChecks.overdueNow, language) }) : undefined}
        />
        <StatCard label={t('card.casesOpened')} value={n(o?.cases.opened)} />
        <StatCard label={t('card.casesSolved')} value={n(o?.cases.solved)} />
        <StatCard label={t('card.volunteers')} value={n(o?.activeVolunteers)} />
        <StatCard label={t('card.campaigns')} value={n(o?.campaigns.held)} detail={o ? t('card.joinedOf', { joined: o.campaigns.joined, checkedIn: o.campaigns.checkedIn }) : undefined} />
        <StatCard label={t('card.attendance')} value={n(o?.campaigns.attended)} />
      </dl>
      <section className={styles.panel} aria-label={t('chart.byWeek')}>
        <h2 className={styles.panelTitle}>{t('chart.byWeek')}</h2>
        <BarChart points={weekly} label={t('chart.weeklyLabel')} xTitle={t('chart.week')} yTitle={t('chart.tips')} />
      </section>
      <div className={styles.panels}>
        <BarList
          title={t('chart.byStatus')}
          items={TIP_STATUSES.map((s) => ({ key: s, label: t(`status.${s}`), value: o ? o.tips.byStatus[s] : null }))}
          format={(v) => formatNumber(v, language)}
        />
        <BarList
          title={t('chart.backlogAge')}
          items={AGES.map((a) => ({ key: a, label: t(`age.${a}`), value: count(o?.backlog.byAge, (x) => x.bucket === a) }))}
          format={(v) => formatNumber(v, language)}
        />
        <BarList
          title={t('chart.byCategory')}
          items={categories.map((c) => ({ key: c.id, label: localizedName(c, language), value: count(o?.tips.byCategory, (x) => x.category === c.id) }))}
          format={(v) => formatNumber(v, language)}
        />
        {isCity ? (
          <BarList
            title={t('chart.byDistrict')}
            items={districts.map((d) => ({ key: String(d.id), label: localizedName(d, language), value: count(o?.tips.byDistrict, (x) => x.districtId === d.id) }))}
            format={(v) => formatNumber(v, language)}
          />
        ) : null}
      </div>
    </>
  );
}
