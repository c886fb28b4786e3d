import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { getOrganisationMember } from '@/lib/access/queries';
import { linkClass } from '../../../../_components/form-bits';
import { EditMemberForm, RemoveMemberForm } from './member-forms';

export const metadata: Metadata = { title: 'Modifier les droits d’un utilisateur' };

export default async function EditMemberPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireArea('account', 'write');
  const { userId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(userId)) notFound();
  // Scoped to the organisation just authorized: someone else's user id is « not found ».
  const member = await getOrganisationMember(await getDb(), ctx.company.id, userId);
  if (!member) notFound();
  const name = `${member.firstName} ${member.lastName}`.trim() || member.email;
  const confirmRemoval = (await searchParams).retirer === '1';
  const isSelf = member.userId === ctx.session.userId;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/espace/compte/droits" className={linkClass}>‹ Gérer les droits d’accès</Link>
      </p>
      <div>
        <h1 className="text-3xl font-black text-brand-dark">{name}</h1>
        <p className="break-all text-muted">{member.email}</p>
      </div>
      <EditMemberForm userId={member.userId} role={member.role} rights={member.rights} withRights={ctx.company.kind === 'company'} />
      <section aria-labelledby="titre-retirer" className="rounded-lg border border-red-300 p-5">
        <h2 id="titre-retirer" className="text-xl font-bold text-red-900">
          {isSelf ? 'Retirer mon propre accès' : 'Retirer l’accès à l’espace'}
        </h2>
        <p className="mt-2">
          {name} ne pourra plus rien voir ni faire dans l’espace de {ctx.company.name}, dès sa prochaine page. Son compte personnel n’est pas
          supprimé. Il doit toujours rester au moins un administrateur.
        </p>
        <div className="mt-3">
          {confirmRemoval ? (
            <RemoveMemberForm userId={member.userId} name={name} />
          ) : (
            <Link href={`?retirer=1#titre-retirer`} className="inline-flex min-h-11 items-center font-semibold text-red-800 underline">
              Retirer l’accès…
            </Link>
          )}
        </div>
      </section>
    </div>
  );
}
