import { useState } from 'react';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/field';
import { QueryError } from '../../components/ui/query-error';
import { useMe } from '../../shared/api/get-me';
import { useCategories } from '../../shared/api/get-categories';
import { useDistricts } from '../../shared/api/get-districts';
import { DistrictSelect } from '../../shared/components/district-select';
import { useOverview } from '../../features/stats/api/get-overview';
import { OverviewView } from '../../features/stats/components/overview-view';
import { PRESETS, presetPeriod, type Preset } from '../../features/stats/period';
import { localizedName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useDocumentTitle } from '../../lib/use-document-title';
import styles from '../../styles/stats.module.css';
import '../../features/stats/stats-i18n';

/** Statistics for supervisors (their district) and admins (the city or a district they pick). */
export default function StatsPage() {
  const { t } = useTranslation('stats');
  const language = useLanguage();
  const me = useMe();
  useDocumentTitle(t('police.title'));
  const [preset, setPreset] = useState<Preset>('30');
  const [custom, setCustom] = useState(() => presetPeriod(30));
  const [districtId, setDistrictId] = useState('');
  const categories = useCategories();
  const districts = useDistricts();
  const isAdmin = me.data?.role === 'admin';
  const period = preset === 'custom' ? custom : presetPeriod(Number(preset));
  const isValid = period.from <= period.to;
  const overview = useOverview({ ...period, districtId: isAdmin && districtId ? Number(districtId) : undefined });

  if (me.data && me.data.role !== 'admin' && me.data.role !== 'supervisor') return <Navigate to="/police" replace />;
  const scopeDistrict = overview.data?.districtId ? districts.data?.find((d) => d.id === overview.data.districtId) : undefined;

  return (
    <div className={styles.page}>
      <h1>{t('police.title')}</h1>
      <div className={styles.controls}>
        <Field id="stats-period" label={t('police.period')}>
          {(control) => (
            <select {...control} className="select" value={preset} onChange={(e) => setPreset(e.target.value as Preset)}>
              {PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t(`police.presets.${p}`)}
                </option>
              ))}
              <option value="custom">{t('police.presets.custom')}</option>
            </select>
          )}
        </Field>
        {preset === 'custom' ? (
          <>
            <Field id="stats-from" label={t('police.from')}>
              {(control) => <input {...control} type="date" className="input" value={custom.from} max={custom.to} onChange={(e) => e.target.value && setCustom({ ...custom, from: e.target.value })} />}
            </Field>
            <Field id="stats-to" label={t('police.to')}>
              {(control) => <input {...control} type="date" className="input" value={custom.to} min={custom.from} onChange={(e) => e.target.value && setCustom({ ...custom, to: e.target.value })} />}
            </Field>
          </>
        ) : null}
        {isAdmin ? (
          <Field id="stats-district" label={t('police.district')}>
            {(control) => <DistrictSelect {...control} value={districtId} onChange={setDistrictId} emptyLabel={t('police.city')} />}
          </Field>
        ) : null}
      </div>
      <p className={styles.scope} aria-live="polite">
        {overview.data
          ? scopeDistrict
            ? t('police.scopeDistrict', { district: localizedName(scopeDistrict, language), from: overview.data.period.from, to: overview.data.period.to })
            : overview.data.districtId === null
              ? t('police.scopeCity', { from: overview.data.period.from, to: overview.data.period.to })
              : '\u00a0'
          : '\u00a0'}
        {overview.isPlaceholderData ? ` · ${t('police.updating')}` : ''}
      </p>
      {overview.isError && isValid ? <QueryError error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      <OverviewView
        overview={overview.data}
        categories={categories.data ?? []}
        districts={districts.data ?? []}
        isCity={isAdmin && !districtId}
      />
    </div>
  );
}
