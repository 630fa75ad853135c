import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { CommunitySelect } from '../../../shared/components/community-select';
import { DistrictSelect } from '../../../shared/components/district-select';
import type { Placement } from '../../../shared/types/user';

export type PlaceDraft = { districtId: string; communityId: string };

/** What the API is sent for a role bound to `placement`: a community decides its district. */
export function placeFor(placement: Placement, draft: PlaceDraft): { districtId?: number | null; communityId?: number | null } {
  const district = draft.districtId ? Number(draft.districtId) : null;
  const community = draft.communityId ? Number(draft.communityId) : null;
  switch (placement) {
    case 'city':
      return { districtId: null, communityId: null };
    case 'district':
      return { districtId: district, communityId: null };
    case 'community':
      return { communityId: community };
    case 'district-or-community':
      return community ? { communityId: community } : { districtId: district, communityId: null };
  }
}

export function isPlaceComplete(placement: Placement, draft: PlaceDraft): boolean {
  if (placement === 'city') return true;
  if (placement === 'community') return draft.communityId !== '';
  return draft.districtId !== '';
}

type Props = {
  idPrefix: string;
  placement: Placement;
  draft: PlaceDraft;
  onChange: (draft: PlaceDraft) => void;
  /** A supervisor works in their own district only. */
  isDistrictFixed: boolean;
  errors: { districtId?: string; communityId?: string };
};

/** District and community pickers, as the role needs them (nothing for a city-wide admin). */
export function PlacementFields({ idPrefix, placement, draft, onChange, isDistrictFixed, errors }: Props) {
  const { t } = useTranslation('admin');
  if (placement === 'city') return <p>{t('placement.city')}</p>;
  const hasCommunity = placement === 'community' || placement === 'district-or-community';
  return (
    <>
      <Field id={`${idPrefix}-district`} label={t('form.district')} error={errors.districtId} isRequired={placement !== 'community'}>
        {(control) => (
          <DistrictSelect
            {...control}
            value={draft.districtId}
            isDisabled={isDistrictFixed}
            onChange={(districtId) => onChange({ districtId, communityId: '' })}
          />
        )}
      </Field>
      {hasCommunity ? (
        <Field
          id={`${idPrefix}-community`}
          label={placement === 'community' ? t('form.community') : t('form.communityOptional')}
          hint={placement === 'district-or-community' && !draft.communityId ? t('placement.wholeDistrict') : undefined}
          error={errors.communityId}
          isRequired={placement === 'community'}
        >
          {(control) => (
            <CommunitySelect {...control} districtId={draft.districtId} value={draft.communityId} onChange={(communityId) => onChange({ ...draft, communityId })} />
          )}
        </Field>
      ) : null}
    </>
  );
}
