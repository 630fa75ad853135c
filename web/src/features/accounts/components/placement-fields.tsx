import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { CommunityCombobox, type CommunityChoice } from '../../../shared/components/community-combobox';
import { DistrictSelect } from '../../../shared/components/district-select';
import { TownshipSelect } from '../../../shared/components/township-select';
import type { Placement } from '../../../shared/types/user';

/** `community` carries its names, so an account's current community shows before any search. */
export type PlaceDraft = { districtId: string; townshipId: string; community: CommunityChoice | null };

export const placeDraftOf = (user: { districtId: number | null; community: CommunityChoice | null } | null, districtId = ''): PlaceDraft => ({
  districtId: user?.districtId ? String(user.districtId) : districtId,
  townshipId: '',
  community: user?.community ?? null,
});

/** What the API is sent for a role bound to `placement`: a community decides its district. */
export function placeFor(placement: Placement, draft: PlaceDraft): { districtId?: number | null; communityId?: number | null } {
  const district = draft.districtId ? Number(draft.districtId) : null;
  const community = draft.community?.id ?? null;
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
  if (placement === 'community') return draft.community !== null;
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

/**
 * District and community pickers, as the role needs them (nothing for a city-wide admin): the
 * community searched as at registration (Chinese or pinyin, narrowed by district and township).
 */
export function PlacementFields({ idPrefix, placement, draft, onChange, isDistrictFixed, errors }: Props) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
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
            onChange={(districtId) => onChange({ districtId, townshipId: '', community: null })}
          />
        )}
      </Field>
      {hasCommunity ? (
        <>
          <Field id={`${idPrefix}-township`} label={tc('places.township')}>
            {(control) => (
              <TownshipSelect
                {...control}
                districtId={draft.districtId}
                value={draft.townshipId}
                onChange={(townshipId) => onChange({ ...draft, townshipId, community: null })}
              />
            )}
          </Field>
          <Field
            id={`${idPrefix}-community`}
            label={placement === 'community' ? t('form.community') : t('form.communityOptional')}
            hint={placement === 'district-or-community' && !draft.community ? t('placement.wholeDistrict') : tc('places.communityHint')}
            error={errors.communityId}
            isRequired={placement === 'community'}
          >
            {(control) => (
              <CommunityCombobox
                {...control}
                districtId={draft.districtId}
                townshipId={draft.townshipId}
                isDisabled={!draft.districtId}
                value={draft.community}
                onChange={(community) => onChange({ ...draft, community })}
              />
            )}
          </Field>
        </>
      ) : null}
    </>
  );
}
