import { useTranslation } from 'react-i18next';
import { localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import type { CommunityBoard, VolunteerBoard } from '@hy/schemas/leaderboards';
import styles from '../../../styles/points.module.css';

function rowClass(rank: number, isMe: boolean): string {
  return [styles.row, rank <= 3 ? styles.top : '', isMe ? styles.me : ''].filter(Boolean).join(' ');
}

export function VolunteerBoardList({ board }: { board: VolunteerBoard }) {
  const { t } = useTranslation('points');
  const language = useLanguage();
  return (
    <>
      <p className={styles.ownRank} data-testid="own-rank">
        {board.me ? t('leaderboard.yourRank', { rank: board.me.rank, points: board.me.points }) : t('leaderboard.notRanked')}
      </p>
      {board.entries.length === 0 ? (
        <p>{t('leaderboard.empty')}</p>
      ) : (
        <ol className={styles.list} aria-label={t('leaderboard.title')}>
          {board.entries.map((e, i) => (
            <li key={`${e.rank}-${i}`} className={rowClass(e.rank, e.isMe)} aria-current={e.isMe ? 'true' : undefined}>
              <span className={styles.rank}>{e.rank}</span>
              <div className={styles.rowMain}>
                <p className={styles.rowTitle}>
                  {e.displayName}
                  {e.isMe ? <span className={styles.youBadge}>{t('leaderboard.you')}</span> : null}
                </p>
                {e.community ? <p className={styles.rowMeta}>{localizedName(e.community, language)}</p> : null}
              </div>
              <span className={styles.cost}>{e.points}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function CommunityBoardList({ board }: { board: CommunityBoard }) {
  const { t } = useTranslation('points');
  const language = useLanguage();
  return (
    <>
      {board.me ? (
        <p className={styles.ownRank} data-testid="own-community-rank">
          {t('leaderboard.yourCommunityRank', { rank: board.me.rank })}
        </p>
      ) : null}
      {board.entries.length === 0 ? (
        <p>{t('leaderboard.empty')}</p>
      ) : (
        <ol className={styles.list} aria-label={t('leaderboard.boards.communities')}>
          {board.entries.map((e) => (
            <li key={e.community.id} className={rowClass(e.rank, e.isMine)} aria-current={e.isMine ? 'true' : undefined}>
              <span className={styles.rank}>{e.rank}</span>
              <div className={styles.rowMain}>
                <p className={styles.rowTitle}>
                  {localizedName(e.community, language)}
                  {e.isMine ? <span className={styles.youBadge}>{t('leaderboard.you')}</span> : null}
                </p>
                <p className={styles.rowMeta}>
                  {board.perCapita
                    ? `${t('leaderboard.points')} ${e.points}`
                    : `${t('leaderboard.pointsPerMember')} ${e.pointsPerMember ?? '—'}`}
                </p>
              </div>
              <span className={styles.cost}>{board.perCapita ? e.pointsPerMember : e.points}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
