import { useTranslation } from 'react-i18next';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { CampaignList } from '../../features/campaigns/components/campaign-list';
import '../../features/campaigns/campaigns-i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useMe } from '../../shared/api/get-me';

export default function CampaignsPage() {
  const { t } = useTranslation('campaigns');
  useDocumentTitle(t('title'));
  const me = useMe();
  return (
    <RequireAuth>
      <h1 className="page-title">{t('title')}</h1>
      <p>{t('lead')}</p>
      {me.data ? <CampaignList communityId={me.data.communityId} /> : null}
    </RequireAuth>
  );
}
