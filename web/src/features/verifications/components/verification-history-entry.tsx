import { useTranslation } from 'react-i18next';
import { formatDateTime, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { useCommunities } from '../../../shared/api/get-communities';
import type { HistoryVerification } from '../../../shared/types/tip';
import '../verifications-i18n';
import { VerificationPhotos } from './verification-photos';

/** A history line of the police tip page for an on-site check: requested (where, due) or reported (finding, photos). */
export function VerificationHistoryEntry({ verification: v, districtId }: { verification: HistoryVerification; districtId: number }) {
  const { t } = useTranslation('verifications');
  const language = useLanguage();
  const communities = useCommunities(v.event === 'requested' ? String(districtId) : '');
  if (v.event === 'reported')
    return (
      <>
        <p>
          <strong>{t('police.reported', { finding: v.finding ? t(`finding.${v.finding}`) : '—' })}</strong>
        </p>
        <VerificationPhotos photos={v.photos} altOf={(n) => t('police.photoAlt', { n })} />
      </>
    );
  const community = communities.data?.find((c) => c.id === v.communityId);
  return (
    <p>
      {t('police.requested', {
        community: community ? localizedName(community, language) : '—',
        time: v.dueAt ? formatDateTime(v.dueAt, language) : '—',
      })}
    </p>
  );
}
