import { loadNamespaces } from '../../lib/i18n';

/**
 * The police strings load with the lazy chunks that use them, in the active language only (lib/i18n.ts):
 * importing this module starts the fetch; the route loaders usually started it already, and a
 * component rendered before it arrives waits for it (react-i18next suspends).
 */
void loadNamespaces(['police']);
