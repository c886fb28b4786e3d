import type { Metadata } from 'next';
import Link from 'next/link';
import { requireArea } from '@/lib/access/context';
import { linkClass } from '../../../_components/form-bits';
import { InviteMemberForm } from './invite-form';

export const metadata: Metadata = { title: 'Inviter un collaborateur' };

export default async function InviteMemberPage() {
  const ctx = await requireArea('account', 'write');
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/espace/compte/droits" className={linkClass}>‹ Gérer les droits d’accès</Link>
      </p>
      <h1 className="text-3xl font-black text-brand-dark">Inviter un collaborateur</h1>
      <p>
        La personne reçoit un lien par courriel, valable 7 jours et utilisable une seule fois, pour rejoindre l’espace de{' '}
        <strong>{ctx.company.name}</strong>. Si elle a déjà un compte, elle le rattache ; sinon elle choisit son mot de passe.
      </p>
      <InviteMemberForm withRights={ctx.company.kind === 'company'} />
    </div>
  );
}
