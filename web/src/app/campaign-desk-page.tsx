import { useTranslation } from 'react-i18next';
import { QueryFallback } from '../components/ui/query-fallback';
import { CampaignDesk } from '../features/campaigns/components/campaign-desk';
import '../features/campaigns/campaigns-i18n';
import { useDocumentTitle } from '../lib/use-document-title';
import { useMe } from '../shared/api/get-me';

/** /organizer/campaigns and /police/campaigns: the same desk, scoped by the server to the caller. */
export default function CampaignDeskPage() {
  const { t } = useTranslation('campaigns');
  useDocumentTitle(t('desk.title'));
  const me = useMe();
  return me.data ? <CampaignDesk me={me.data} /> : <QueryFallback query={me} />;
}
