import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { requireArea } from '@/lib/access/context';
import { formatDayShort } from '@/lib/format';
import { getWorker } from '@/lib/workers/queries';
import { EditWorkerForm, RecordExitForm } from '../worker-forms';

export const metadata: Metadata = { title: 'Modifier un salarié' };

export default async function EditWorkerPage({ params }: { params: Promise<{ workerId: string }> }) {
  const ctx = await requireArea('declarations', 'write');
  const { workerId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(workerId)) notFound();
  // Scoped to the company just authorized: another company's worker is « not found ».
  const worker = await getWorker(await getDb(), ctx.company.id, workerId);
  if (!worker) notFound();
  const name = `${worker.firstName} ${worker.lastName}`;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8">
      <Breadcrumb items={[{ label: 'Tableau de bord', href: '/espace' }, { label: 'Salariés', href: '/espace/salaries' }, { label: name }]} />
      <div>
        <h1 className="text-3xl font-black text-brand-dark">{name}</h1>
        <p className="mt-2">{worker.leftOn ? `Date de sortie : ${formatDayShort(worker.leftOn)}` : 'En poste'}</p>
      </div>
      {!worker.leftOn && (
        <section aria-labelledby="titre-sortie" className="flex flex-col gap-3 rounded-lg bg-brand-light p-5">
          <h2 id="titre-sortie" className="text-xl font-bold text-brand-dark">Enregistrer une sortie</h2>
          <p>Le salarié quitte l’entreprise : il ne sera plus proposé dans les déclarations des mois qui suivent sa sortie.</p>
          <RecordExitForm workerId={worker.id} />
        </section>
      )}
      <section aria-labelledby="titre-modifier" className="flex flex-col gap-3">
        <h2 id="titre-modifier" className="text-xl font-bold text-brand-dark">Modifier les informations</h2>
        <EditWorkerForm worker={worker} />
      </section>
    </div>
  );
}
