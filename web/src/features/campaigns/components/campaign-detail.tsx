import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { QueryFallback } from '../../../components/ui/query-fallback';
import { formatDateTime } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { checkIn, checkOut, joinCampaign, leaveCampaign, useAttend } from '../api/attend-campaign';
import { useCampaign } from '../api/get-campaign';
import type { Campaign } from '@hy/schemas/campaigns';
import '../campaigns-i18n';
import { CampaignSummary } from './campaign-list';
import { currentPosition } from './position';
import styles from './campaigns.module.css';
import { useCampaignError } from './use-campaign-error';

/** A map link for the meeting place (AMap takes WGS-84 with coordinate=wgs84). */
const mapHref = (c: Campaign) =>
  `https://uri.amap.com/marker?position=${c.place.lng},${c.place.lat}&name=${encodeURIComponent(c.place.address)}&coordinate=wgs84&src=hengyang-masses`;

export function CampaignDetail({ id }: { id: string }) {
  const { t } = useTranslation('campaigns');
  const query = useCampaign(id);
  if (!query.data) return <QueryFallback query={query} />;
  const c = query.data;
  return (
    <>
      <p>
        <Link to="/campaigns">← {t('back')}</Link>
      </p>
      <section className="card">
        <CampaignSummary campaign={c} isHeading />
        {c.description ? <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.description}</p> : null}
        <p>
          <a href={mapHref(c)} target="_blank" rel="noreferrer">
            {t('openMap')}
          </a>
        </p>
        <p className={styles.meta}>{t('organizedBy', { name: c.createdBy.displayName })}</p>
      </section>
      <Attend campaign={c} />
    </>
  );
}

function Attend({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const language = useLanguage();
  const message = useCampaignError();
  const join = useAttend(() => joinCampaign(c.id));
  const leave = useAttend(() => leaveCampaign(c.id));
  const arrive = useAttend(async () => checkIn(c.id, await currentPosition()));
  const depart = useAttend(async () => checkOut(c.id, await currentPosition()));
  const failed = [join, leave, arrive, depart].find((m) => m.isError);
  const isBusy = [join, leave, arrive, depart].some((m) => m.isPending);
  const isLocating = arrive.isPending || depart.isPending;
  const run = (m: { mutate: (input: undefined) => void }) => {
    for (const other of [join, leave, arrive, depart]) other.reset();
    m.mutate(undefined);
  };
  const mine = c.mine;

  return (
    <section className="card" aria-live="polite">
      {failed ? <Alert tone="error">{message(failed.error)}</Alert> : null}
      {isLocating ? <p>{t('locating')}</p> : null}
      {mine?.checkedOutAt ? (
        <Alert tone="success">
          {t('checkedOut', { minutes: mine.minutes })}{' '}
          <span data-testid="campaign-points">
            {mine.pointsAwarded > 0 ? t('earned', { points: mine.pointsAwarded }) : t('earnedNone', { minutes: c.minMinutesForPoints })}
          </span>
        </Alert>
      ) : null}
      {mine?.checkedInAt && !mine.checkedOutAt ? <p>{t('checkedIn', { time: formatDateTime(mine.checkedInAt, language) })}</p> : null}
      {mine && !mine.checkedInAt && c.status !== 'past' ? <p className={styles.meta}>{t('checkInHint', { time: formatDateTime(c.checkInOpensAt, language) })}</p> : null}
      <div className={styles.actions}>
        {!mine && c.status !== 'past' ? (
          <button type="button" className="btn btn-primary" disabled={isBusy || c.isFull} onClick={() => run(join)}>
            {c.isFull ? t('full') : t('join')}
          </button>
        ) : null}
        {mine && !mine.checkedInAt && c.status !== 'past' ? (
          <>
            <button type="button" className="btn btn-primary" disabled={isBusy} onClick={() => run(arrive)}>
              {t('checkIn')}
            </button>
            <button type="button" className="btn btn-secondary" disabled={isBusy} onClick={() => run(leave)}>
              {t('leave')}
            </button>
          </>
        ) : null}
        {mine?.checkedInAt && !mine.checkedOutAt ? (
          <button type="button" className="btn btn-primary" disabled={isBusy} onClick={() => run(depart)}>
            {t('checkOut')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
