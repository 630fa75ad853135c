import { useTranslation } from 'react-i18next';
import { formatDateTime, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { useDistricts } from '../../../shared/api/get-districts';
import { useCategoryName } from '../../../shared/hooks/use-category-name';
import type { Tip } from '../../../shared/types/tip';
import styles from './tip-detail.module.css';
import { TipPhotos } from './tip-photos';
import { TipStatusBadge } from '../../../shared/components/tip-status-badge';
import { TipTimeline } from '../../../shared/components/tip-timeline';

export function TipDetail({ tip }: { tip: Tip }) {
  const { t } = useTranslation('tips');
  const language = useLanguage();
  const categoryName = useCategoryName();
  const districts = useDistricts();
  const district = districts.data?.find((d) => d.id === tip.districtId);
  const hasCoordinates = tip.lat !== null && tip.lng !== null;

  return (
    <>
      <section className="card" aria-labelledby="tip-reference">
        <div className={styles.header}>
          <h1 id="tip-reference" className={styles.reference}>
            {tip.reference}
          </h1>
          <TipStatusBadge status={tip.status} />
        </div>
        {tip.duplicateOf ? (
          <p className="alert alert-info">
            {t('detail.duplicateOf', { reference: tip.duplicateOf.reference, status: t(`status.${tip.duplicateOf.status}`) })}
          </p>
        ) : null}
        <dl className={styles.facts}>
          <div>
            <dt>{t('detail.category')}</dt>
            <dd>{categoryName(tip.category)}</dd>
          </div>
          <div>
            <dt>{t('detail.occurredAt')}</dt>
            <dd>{formatDateTime(tip.occurredAt, language)}</dd>
          </div>
          <div>
            <dt>{t('detail.reportedAt')}</dt>
            <dd>{formatDateTime(tip.createdAt, language)}</dd>
          </div>
          <div>
            <dt>{t('detail.district')}</dt>
            <dd>{district ? localizedName(district, language) : tip.districtId}</dd>
          </div>
          <div className={styles.wide}>
            <dt>{t('detail.location')}</dt>
            <dd>
              {tip.address ? <span>{tip.address}</span> : null}
              {tip.address && hasCoordinates ? <br /> : null}
              {hasCoordinates ? (
                <span>
                  {tip.lat?.toFixed(5)}, {tip.lng?.toFixed(5)}
                </span>
              ) : null}
            </dd>
          </div>
          <div className={styles.wide}>
            <dt>{t('detail.description')}</dt>
            <dd className={styles.description}>{tip.description}</dd>
          </div>
        </dl>
        {tip.isAnonymous ? <p className="field-hint">{t('detail.anonymous')}</p> : null}
      </section>

      {tip.media.length > 0 ? (
        <section className="card" aria-labelledby="tip-photos-title">
          <h2 id="tip-photos-title">{t('detail.photos')}</h2>
          <TipPhotos media={tip.media} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="tip-history-title">
        <h2 id="tip-history-title">{t('detail.history')}</h2>
        <TipTimeline tip={tip} />
      </section>
    </>
  );
}
