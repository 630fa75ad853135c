import { lazy, Suspense, useCallback, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/field';
import { LoadingState } from '../../components/ui/loading-state';
import { QueryError } from '../../components/ui/query-error';
import { useCategories } from '../../shared/api/get-categories';
import { CategorySelect } from '../../shared/components/category-select';
import { DistrictSelect } from '../../shared/components/district-select';
import { useMe } from '../../shared/api/get-me';
import { useMapConfig } from '../../shared/map/get-map-config';
import { tipStatuses, type TipStatus } from '../../shared/types/tip';
import type { MapTips } from '@hy/schemas/tip-map';
import type { MapFilters } from '../../features/tip-map/api/get-map-tips';
import { currentLanguage } from '../../lib/i18n';
import { formatNumber, localizedName } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useErrorMessage } from '../../lib/use-error-message';
import styles from '../../styles/police.module.css';

// Leaflet and the cluster plugin come with this page only.
const TipMapView = lazy(() => import('../../features/tip-map/components/tip-map-view').then((m) => ({ default: m.TipMapView })));

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string | null): value is string => value !== null && ISO_DAY.test(value) && !Number.isNaN(Date.parse(value));

/** Like the queue, the filters live in the address; the map opens on new tips (status "submitted"). */
function filtersFrom(params: URLSearchParams): MapFilters {
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  const districtId = Number(params.get('districtId'));
  return {
    ...(status === 'any' ? {} : { status: (tipStatuses as readonly string[]).includes(status ?? '') ? (status as TipStatus) : 'submitted' }),
    ...(params.get('category') ? { category: params.get('category')! } : {}),
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) ? { to } : {}),
    ...(Number.isInteger(districtId) && districtId > 0 ? { districtId } : {}),
  };
}

export default function MapPage() {
  const { t } = useTranslation('police');
  const language = currentLanguage();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const config = useMapConfig();
  const categories = useCategories();
  const me = useMe();
  const isAdmin = me.data?.role === 'admin';
  const [params, setParams] = useSearchParams();
  const urlFilters = filtersFrom(params);
  // Only admins choose a district, as in the queue; police always see their own.
  const filters: MapFilters = isAdmin ? urlFilters : { ...urlFilters, districtId: undefined };
  const [shown, setShown] = useState<{ data?: MapTips; isFetching: boolean; error: unknown }>({ isFetching: true, error: null });
  useDocumentTitle(t('map.title'));

  const update = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const categoryName = (id: string) => {
    const found = categories.data?.find((c) => c.id === id);
    return found ? localizedName(found, language) : id;
  };
  const onData = useCallback((data: MapTips | undefined, state: { isFetching: boolean; error: unknown }) => setShown({ data, ...state }), []);
  const isRangeBackwards = Boolean(filters.from && filters.to && filters.from > filters.to);
  const summary = shown.data
    ? shown.data.mode === 'grid'
      ? t('map.summaryGrid', { n: formatNumber(shown.data.total, language) })
      : t('map.summary', { count: shown.data.total, n: formatNumber(shown.data.total, language) })
    : null;

  return (
    <>
      <div className={styles.toolbar}>
        <h1>{t('map.title')}</h1>
      </div>
      <form className={styles.filters} aria-label={t('queue.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field id="map-status" label={t('map.status')}>
          {(control) => (
            <select {...control} className="select" value={filters.status ?? 'any'} onChange={(e) => update('status', e.target.value === 'submitted' ? undefined : e.target.value)}>
              <option value="any">{t('queue.any')}</option>
              {tipStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="map-category" label={t('queue.category')}>
          {(control) => <CategorySelect {...control} value={filters.category ?? ''} onChange={(v) => update('category', v || undefined)} emptyLabel={t('queue.any')} />}
        </Field>
        {isAdmin ? (
          <Field id="map-district" label={t('queue.district')}>
            {(control) => <DistrictSelect {...control} value={filters.districtId === undefined ? '' : String(filters.districtId)} onChange={(v) => update('districtId', v || undefined)} emptyLabel={t('queue.allDistricts')} />}
          </Field>
        ) : null}
        <Field id="map-from" label={t('queue.from')}>
          {(control) => (
            <input {...control} className="input" type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => update('from', isDay(e.target.value) ? e.target.value : undefined)} />
          )}
        </Field>
        <Field id="map-to" label={t('queue.to')} error={isRangeBackwards ? t('queue.rangeBackwards') : null}>
          {(control) => (
            <input {...control} className="input" type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => update('to', isDay(e.target.value) ? e.target.value : undefined)} />
          )}
        </Field>
      </form>
      <p role="status" className={styles.countsNote}>
        {shown.error ? errorMessage(shown.error) : (summary ?? t('map.loading'))}
      </p>
      {config.isError ? <QueryError error={config.error} onRetry={() => void config.refetch()} /> : null}
      {config.data ? (
        <Suspense fallback={<LoadingState />}>
          <TipMapView
            config={config.data}
            filters={isRangeBackwards ? { ...filters, to: undefined } : filters}
            text={{
              category: categoryName,
              status: (status) => t(`status.${status}`),
              open: t('map.openTip'),
              cell: (count) => t('map.cell', { count, n: formatNumber(count, language) }),
            }}
            onOpenTip={(id) => navigate(`/police/tips/${id}`)}
            onData={onData}
          />
        </Suspense>
      ) : (
        <LoadingState />
      )}
    </>
  );
}
