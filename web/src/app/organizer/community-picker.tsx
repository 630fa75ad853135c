import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/field';
import type { Community } from '../../shared/types/reference';
import { CommunityCombobox } from '../../shared/components/community-combobox';
import { DistrictSelect } from '../../shared/components/district-select';
import css from './organizer-dashboard.module.css';

type Props = {
  /** A district organizer searches their district; an admin the whole city, optionally one district. */
  districtId: number | null;
  value: Community | null;
  onChange: (community: Community | null) => void;
};

/** The dashboard's community: an admin or district organizer picks any one they organise by search. */
export function CommunityPicker({ districtId, value, onChange }: Props) {
  const { t } = useTranslation('points');
  const [chosenDistrict, setChosenDistrict] = useState('');
  const isCityWide = districtId === null;
  return (
    <section className={`card ${css.picker}`} aria-label={t('organizer.pick.title')}>
      {isCityWide ? (
        <Field id="organizer-pick-district" label={t('organizer.pick.district')}>
          {(control) => (
            <DistrictSelect
              {...control}
              value={chosenDistrict}
              emptyLabel={t('organizer.pick.wholeCity')}
              onChange={(id) => {
                setChosenDistrict(id);
                onChange(null);
              }}
            />
          )}
        </Field>
      ) : null}
      <Field
        id="organizer-pick-community"
        label={t('organizer.pick.title')}
        hint={isCityWide ? t('organizer.pick.hintCity') : t('organizer.pick.hintDistrict')}
      >
        {(control) => (
          <CommunityCombobox {...control} districtId={isCityWide ? chosenDistrict : String(districtId)} value={value} onChange={onChange} />
        )}
      </Field>
      {value ? (
        <button type="button" className="btn btn-secondary" onClick={() => onChange(null)}>
          {t('organizer.pick.showAll')}
        </button>
      ) : null}
    </section>
  );
}
