import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryFallback } from '../../../components/ui/query-fallback';
import { formatDateTime, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { useCampaigns, type CampaignFilter } from '../api/get-campaigns';
import type { Campaign } from '@hy/schemas/campaigns';
import '../campaigns-i18n';
import styles from './campaigns.module.css';

type Scope = 'near' | 'community' | 'joined';

/** The volunteer's list: near them (their district), their community, or what they joined. */
export function CampaignList({ communityId }: { communityId: number | null }) {
  const { t } = useTranslation('campaigns');
  const [scope, setScope] = useState<Scope>('near');
  const filter: CampaignFilter =
    scope === 'community' && communityId !== null ? { communityId } : scope === 'joined' ? { mine: true, status: 'active,upcoming,past' } : {};
  const query = useCampaigns(filter);
  const scopes: Scope[] = communityId === null ? ['near', 'joined'] : ['near', 'community', 'joined'];
  return (
    <>
      <div className={styles.scope} role="group" aria-label={t('scope.legend')}>
        {scopes.map((s) => (
          <button key={s} type="button" aria-pressed={scope === s} onClick={() => setScope(s)}>
            {t(`scope.${s}`)}
          </button>
        ))}
      </div>
      {query.data ? (
        <CampaignItems campaigns={query.data.pages.flatMap((p) => p.campaigns)} />
      ) : (
        <QueryFallback query={query} />
      )}
      {query.hasNextPage ? (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t('loadMore')}
        </button>
      ) : null}
    </>
  );
}

function CampaignItems({ campaigns }: { campaigns: Campaign[] }) {
  const { t } = useTranslation('campaigns');
  if (campaigns.length === 0) return <p className="card">{t('empty')}</p>;
  return (
    <ul className={styles.list}>
      {campaigns.map((c) => (
        <li key={c.id} className="card">
          <Link className={styles.cardLink} to={`/campaigns/${c.id}`}>
            <CampaignSummary campaign={c} isHeading={false} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Kind, status, time, place, places left and points: shared by the list, the detail and the desk. */
export function CampaignSummary({ campaign: c, isHeading }: { campaign: Campaign; isHeading: boolean }) {
  const { t } = useTranslation('campaigns');
  const language = useLanguage();
  const Title = isHeading ? 'h1' : 'h2';
  return (
    <>
      <div className={styles.badges}>
        <span className={`${styles.badge} ${c.status === 'active' ? styles.badgeActive : ''}`}>{t(`status.${c.status}`)}</span>
        <span className={styles.badge}>{t(`kind.${c.kind}`)}</span>
        {c.hasJoined ? <span className={styles.badge}>{t('joined')}</span> : null}
        {c.isFull && !c.hasJoined ? <span className={styles.badge}>{t('full')}</span> : null}
      </div>
      <Title className={isHeading ? 'page-title' : styles.cardTitle}>{c.title}</Title>
      <p className={styles.meta}>
        {formatDateTime(c.startsAt, language)} – {formatDateTime(c.endsAt, language)}
      </p>
      <p className={styles.meta}>
        {c.place.address}
        {c.community ? ` · ${localizedName(c.community, language)}` : ` · ${localizedName(c.district, language)}`}
      </p>
      <p className={styles.meta}>
        {c.capacity === null ? t('placesOpen', { joined: c.joinedCount }) : t('places', { joined: c.joinedCount, capacity: c.capacity })}
        {' · '}
        {t('pointsFor', { points: c.points, minutes: c.minMinutesForPoints })}
      </p>
    </>
  );
}
