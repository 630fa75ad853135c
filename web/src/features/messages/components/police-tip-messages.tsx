import { useMe } from '../../../shared/api/get-me';
import { RevealDialog } from './reveal-dialog';
import { TipThread } from './tip-thread';

/**
 * What the police tip view shows of the tipster: the thread (they appear as "Tipster") and, for
 * supervisors only, the reveal dialog. Mount as `<PoliceTipMessages tipId={tip.id} />`.
 */
export function PoliceTipMessages({ tipId }: { tipId: string }) {
  const me = useMe();
  return (
    <>
      {me.data?.role === 'supervisor' ? (
        <section className="card">
          <RevealDialog tipId={tipId} />
        </section>
      ) : null}
      <TipThread tipId={tipId} viewer="police" />
    </>
  );
}
