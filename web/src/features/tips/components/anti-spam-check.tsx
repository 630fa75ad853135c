import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/use-language';
import '../anti-spam-i18n';

// Loaded only when a tip is sent anonymously: the widget never weighs on the home page.
const AltchaWidget = lazy(() => import('./altcha-widget').then((m) => ({ default: m.AltchaWidget })));

type AntiSpamCheckProps = {
  districtId: string;
  onProof: (payload: string | null) => void;
};

/**
 * The proof-of-work an anonymous tip carries (ALTCHA, self-hosted). The challenge is for the
 * chosen district, whose difficulty rises when its anonymous tips spike; choosing another
 * district solves a new one.
 */
export function AntiSpamCheck({ districtId, onProof }: AntiSpamCheckProps) {
  const { t } = useTranslation('antiSpam');
  const language = useLanguage();
  const challengeUrl = `/api/altcha/challenge${districtId ? `?districtId=${encodeURIComponent(districtId)}` : ''}`;
  return (
    <div className="field" role="group" aria-labelledby="tip-anti-spam-label">
      <p className="field-label" id="tip-anti-spam-label">
        {t('title')}
      </p>
      <p className="field-hint">{t('hint')}</p>
      <Suspense fallback={<p className="field-hint">{t('loading')}</p>}>
        <AltchaWidget key={challengeUrl} challengeUrl={challengeUrl} language={language === 'en' ? 'en' : 'zh-cn'} onProof={onProof} />
      </Suspense>
    </div>
  );
}
