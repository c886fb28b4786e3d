import type { Metadata } from 'next';
import Link from 'next/link';
import { requireFirm } from '@/lib/access/context';
import { linkClass } from '../../_components/form-bits';
import { RequestDelegationForm } from './request-form';

export const metadata: Metadata = { title: 'Demander une délégation à une entreprise' };

export default async function RequestDelegationPage() {
  const ctx = await requireFirm({ role: 'admin' });
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/espace/clients" className={linkClass}>‹ Mes clients</Link>
      </p>
      <h1 className="text-3xl font-black text-brand-dark">Demander une délégation à une entreprise</h1>
      <p>
        L’entreprise reçoit votre demande par courriel et l’accepte ou la refuse dans son Espace sécurisé. {ctx.firm.name} ne pourra agir pour
        elle qu’après son accord, et seulement dans les domaines demandés.
      </p>
      <RequestDelegationForm />
    </div>
  );
}
