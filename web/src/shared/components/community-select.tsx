import { useTranslation } from 'react-i18next';
import type { ControlProps } from '../../components/ui/field';
import { localizedName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useCommunities } from '../api/get-communities';

type Props = ControlProps & { districtId: string; value: string; onChange: (communityId: string) => void };

/**
 * Every community of a district in a native select (25–491 options, with the browser's type-ahead):
 * for staff forms. Volunteers search with CommunityCombobox instead.
 */
export function CommunitySelect({ districtId, value, onChange, ...control }: Props) {
  const { t: tc } = useTranslation();
  const language = useLanguage();
  const communities = useCommunities(districtId);
  const placeholder = !districtId ? tc('places.chooseDistrictFirst') : communities.isPending ? tc('loading') : tc('choose');
  return (
    <select
      {...control}
      className="select"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={!districtId || !communities.data}
    >
      <option value="">{placeholder}</option>
      {communities.data?.map((c) => (
        <option key={c.id} value={String(c.id)}>
          {localizedName(c, language)}
        </option>
      ))}
    </select>
  );
}
