import { useTranslation } from 'react-i18next';
import { TrackTip } from '../../features/messages/components/track-tip';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function TrackTipPage() {
  const { t } = useTranslation('messages');
  useDocumentTitle(t('track.title'));
  return (
    <>
      <h1 className="page-title">{t('track.title')}</h1>
      <p className="page-intro">{t('track.intro')}</p>
      <TrackTip />
    </>
  );
}
