import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../shared/api/get-me';
import { AREA_PATHS, areasOf, type Area } from '../shared/desks';
import styles from './desk-layout.module.css';

const LABEL_KEYS = {
  volunteer: 'desks.volunteer',
  police: 'desks.police',
  organizer: 'desks.organizer',
  verify: 'desks.verify',
  admin: 'desks.admin',
} as const satisfies Record<Area, string>;

/** Links to the other desks the signed-in user may use (an admin: police, organizer; a supervisor: admin). */
export function DeskAreas({ current }: { current: Area }) {
  const { t } = useTranslation();
  const me = useMe();
  const others = me.data ? areasOf(me.data).filter((area) => area !== current) : [];
  if (others.length === 0) return null;
  return (
    <nav aria-label={t('desks.label')} className={styles.areas}>
      {others.map((area) => (
        <NavLink key={area} to={AREA_PATHS[area]} className="header-link">
          {t(LABEL_KEYS[area])}
        </NavLink>
      ))}
    </nav>
  );
}
