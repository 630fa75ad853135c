import { i18next } from '../../lib/i18n';
import enPoints from '../../locales/en/points.json';
import zhPoints from '../../locales/zh-CN/points.json';

// Typed against the English file, so a key missing from the Chinese one fails the type check.
const zh: typeof enPoints = zhPoints;

/**
 * The points/rewards/leaderboard/organizer texts ship with those lazy pages, not in the entry
 * chunk: importing this module registers the namespace before the page renders.
 */
if (!i18next.hasResourceBundle('en', 'points')) {
  i18next.addResourceBundle('en', 'points', enPoints);
  i18next.addResourceBundle('zh-CN', 'points', zh);
}
