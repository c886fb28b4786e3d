import { peekActingContext } from '@/lib/access/context';
import { formatSiret } from '@/lib/companies/siret';
import { ActionButton } from './_components/action-button';
import { stopActingAction } from './clients/actions';

/**
 * Permanent banner while a firm user acts for a client (« Vous agissez pour … »), and a plain message
 * when the client they had opened no longer delegates to them. Rendered by the space's layout.
 */
export async function ActingBanner() {
  const ctx = await peekActingContext();
  if (!ctx) return null;
  if (ctx.isDelegated && ctx.company) {
    return (
      <section aria-label="Entreprise pour laquelle vous agissez" className="mb-6 flex flex-col gap-3 rounded-lg border-l-8 border-accent bg-amber-50 p-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-lg">
          Vous agissez pour <strong>{ctx.company.name}</strong>
          <span className="block text-sm">
            SIRET {formatSiret(ctx.company.siret)} · au nom de {ctx.home.name}
          </span>
        </p>
        <ActionButton
          action={stopActingAction}
          label="Revenir à mes clients"
          className="inline-flex min-h-11 items-center justify-center rounded-md border-2 border-brand bg-white px-4 font-semibold text-brand-dark hover:bg-brand-light"
        />
      </section>
    );
  }
  if (ctx.lostClient) {
    return (
      <section aria-label="Accès terminé" className="mb-6 flex flex-col gap-3 rounded-lg border-l-8 border-red-800 bg-red-50 p-4 sm:flex-row sm:items-center sm:justify-between">
        <p>
          Vous n’avez plus accès à l’espace de <strong>{ctx.lostClient.name}</strong> : sa délégation a été révoquée ou est arrivée à échéance.
        </p>
        <ActionButton
          action={stopActingAction}
          label="Revenir à mes clients"
          className="inline-flex min-h-11 items-center justify-center rounded-md border-2 border-brand bg-white px-4 font-semibold text-brand-dark hover:bg-brand-light"
        />
      </section>
    );
  }
  return null;
}
