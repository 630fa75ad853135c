/** The one clock lives with the schemas (their "not in the future" rules read it): see @hy/schemas/clock. */
export { clock } from '@hy/schemas/clock';
