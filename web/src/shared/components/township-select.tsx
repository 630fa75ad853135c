import { useTranslation } from 'react-i18next';
import type { ControlProps } from '../../components/ui/field';
import { localizedName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useTownships } from '../api/get-townships';

type Props = ControlProps & { districtId: string; value: string; onChange: (townshipId: string) => void };

/** Narrows the community search to one township (乡镇/街道); optional, "all townships" by default. */
export function TownshipSelect({ districtId, value, onChange, ...control }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const townships = useTownships(districtId);
  const first = !districtId ? t('places.chooseDistrictFirst') : townships.isPending ? t('loading') : t('places.allTownships');
  return (
    <select
      {...control}
      className="select"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={!districtId || !townships.data}
    >
      <option value="">{first}</option>
      {townships.data?.map((township) => (
        <option key={township.id} value={String(township.id)}>
          {localizedName(township, language)}
        </option>
      ))}
    </select>
  );
}
