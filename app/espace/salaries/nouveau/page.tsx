import type { Metadata } from 'next';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { requireArea } from '@/lib/access/context';
import { AddWorkerForm } from '../worker-forms';

export const metadata: Metadata = { title: 'Ajouter un salarié' };

export default async function AddWorkerPage() {
  const ctx = await requireArea('declarations', 'write');
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <Breadcrumb items={[{ label: 'Tableau de bord', href: '/espace' }, { label: 'Salariés', href: '/espace/salaries' }, { label: 'Ajouter un salarié' }]} />
      <div>
        <h1 className="text-3xl font-black text-brand-dark">Ajouter un salarié</h1>
        <p className="mt-2">{ctx.company.name}</p>
      </div>
      <AddWorkerForm />
    </div>
  );
}
