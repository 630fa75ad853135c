import { i18next } from '../../lib/i18n';
import enCampaigns from '../../locales/en/campaigns.json';
import zhCampaigns from '../../locales/zh-CN/campaigns.json';

// Typed against the English file, so a key missing from the Chinese one fails the type check.
const zh: typeof enCampaigns = zhCampaigns;

/** The campaign texts ship with the campaign pages: importing this module registers the namespace. */
if (!i18next.hasResourceBundle('en', 'campaigns')) {
  i18next.addResourceBundle('en', 'campaigns', enCampaigns);
  i18next.addResourceBundle('zh-CN', 'campaigns', zh);
}
