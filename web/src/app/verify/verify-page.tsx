import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { DeskLayout } from '../../layouts/desk-layout';
import { localizedName } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useLanguage } from '../../lib/use-language';
import { useMe } from '../../shared/api/get-me';
import { useCommunities } from '../../shared/api/get-communities';
import { useDistricts } from '../../shared/api/get-districts';

function MyCommunity() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const districtId = me.data?.districtId ? String(me.data.districtId) : '';
  const districts = useDistricts();
  const communities = useCommunities(districtId);
  const district = districts.data?.find((d) => String(d.id) === districtId);
  const community = communities.data?.find((c) => c.id === me.data?.communityId);
  return (
    <dl className="card">
      <dt>{t('verify.community')}</dt>
      <dd>
        <strong>{community ? localizedName(community, language) : t('loading')}</strong>
      </dd>
      <dt>{t('verify.district')}</dt>
      <dd>{district ? localizedName(district, language) : t('loading')}</dd>
    </dl>
  );
}

/**
 * The auxiliary's desk. Honest about what exists: their community, and that the on-site checks
 * police will request are not available yet — no sample tasks.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('verify.title'));
  return (
    <DeskLayout area="verify" title={t('verify.area')}>
      <div style={{ maxWidth: '40rem' }}>
        <h1 className="page-title">{t('verify.title')}</h1>
        <p className="page-intro">{t('verify.intro')}</p>
        <MyCommunity />
        <section className="card" aria-labelledby="checks-title">
          <h2 id="checks-title">{t('verify.notYetTitle')}</h2>
          <p>{t('verify.notYet')}</p>
        </section>
        <Alert tone="warning">{t('verify.emergency')}</Alert>
      </div>
    </DeskLayout>
  );
}
