import { useSearchParams } from 'react-router';
import { VERIFICATION_TASK_STATUSES } from '@hy/schemas/verification-rules';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { TaskList } from '../../features/verifications/components/task-list';
import '../../features/verifications/verifications-i18n';
import styles from '../../features/verifications/components/verifications.module.css';
import { DeskLayout } from '../../layouts/desk-layout';
import { localizedName } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useLanguage } from '../../lib/use-language';
import { useMe } from '../../shared/api/get-me';
import { useCommunities } from '../../shared/api/get-communities';

function MyCommunity() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const districtId = me.data?.districtId ? String(me.data.districtId) : '';
  const communities = useCommunities(districtId);
  const community = communities.data?.find((c) => c.id === me.data?.communityId);
  return (
    <p>
      {t('verify.community')}: <strong>{community ? localizedName(community, language) : t('loading')}</strong>
    </p>
  );
}

/** The auxiliary's phone desk: open tasks (soonest due first) and what they have reported. */
export default function VerifyPage() {
  const { t } = useTranslation('verifications');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'reported' ? 'reported' : 'open';
  useDocumentTitle(t('desk.title'));
  return (
    <DeskLayout area="verify" title={tc('verify.area')}>
      <div style={{ maxWidth: '40rem' }}>
        <h1 className="page-title">{t('desk.title')}</h1>
        <p className="page-intro">{t('desk.intro')}</p>
        <MyCommunity />
        <ul className={styles.tabs}>
          {VERIFICATION_TASK_STATUSES.map((s) => (
            <li key={s}>
              <button type="button" aria-pressed={status === s} onClick={() => setParams(s === 'open' ? {} : { status: s })}>
                {t(`desk.${s}`)}
              </button>
            </li>
          ))}
        </ul>
        <TaskList status={status} taskPath={(id) => `/verify/tasks/${id}`} />
        <Alert tone="warning">{tc('verify.emergency')}</Alert>
      </div>
    </DeskLayout>
  );
}
