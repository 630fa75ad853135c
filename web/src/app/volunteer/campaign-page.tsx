import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { CampaignDetail } from '../../features/campaigns/components/campaign-detail';
import '../../features/campaigns/campaigns-i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function CampaignPage() {
  const { t } = useTranslation('campaigns');
  useDocumentTitle(t('title'));
  const { campaignId = '' } = useParams();
  return (
    <RequireAuth>
      <CampaignDetail id={campaignId} />
    </RequireAuth>
  );
}
