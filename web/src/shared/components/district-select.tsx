import { useTranslation } from 'react-i18next';
import type { ControlProps } from '../../components/ui/field';
import { localizedName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useDistricts } from '../api/get-districts';

type Props = ControlProps & {
  value: string;
  onChange: (districtId: string) => void;
  isDisabled?: boolean;
  /** The first option's text when no district is a choice of its own (e.g. "Whole city"). */
  emptyLabel?: string;
};

export function DistrictSelect({ value, onChange, isDisabled = false, emptyLabel, ...control }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const districts = useDistricts();
  return (
    <select
      {...control}
      className="select"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={isDisabled || !districts.data}
    >
      <option value="">{districts.isPending ? t('loading') : (emptyLabel ?? t('choose'))}</option>
      {districts.data?.map((d) => (
        <option key={d.id} value={String(d.id)}>
          {localizedName(d, language)}
        </option>
      ))}
    </select>
  );
}
