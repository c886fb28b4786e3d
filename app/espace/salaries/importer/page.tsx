import type { Metadata } from 'next';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { requireArea } from '@/lib/access/context';
import { linkClass } from '../../_components/form-bits';
import { ImportWorkersForm } from './import-form';

export const metadata: Metadata = { title: 'Importer des salariés' };

export default async function ImportWorkersPage() {
  const ctx = await requireArea('declarations', 'write');
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <Breadcrumb items={[{ label: 'Tableau de bord', href: '/espace' }, { label: 'Salariés', href: '/espace/salaries' }, { label: 'Importer des salariés' }]} />
      <div>
        <h1 className="text-3xl font-black text-brand-dark">Importer des salariés</h1>
        <p className="mt-2">{ctx.company.name}</p>
      </div>
      <section aria-labelledby="titre-format" className="flex flex-col gap-2">
        <h2 id="titre-format" className="text-xl font-bold text-brand-dark">Le fichier attendu</h2>
        <p>
          Une ligne par salarié, précédée d’une ligne d’en-tête :{' '}
          <code className="break-all rounded bg-slate-100 px-1">nom;prenom;date_naissance;categorie;date_embauche;horaire_hebdo;date_sortie</code>
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>dates au format JJ/MM/AAAA (ou AAAA-MM-JJ) ;</li>
          <li>catégorie : ouvrier, ETAM ou cadre ;</li>
          <li>horaire hebdomadaire contractuel en heures, entre 1 et 48 (35 ou 35,5) ;</li>
          <li>date de sortie : facultative, seulement pour un salarié qui a quitté l’entreprise.</li>
        </ul>
        <p>
          Les lignes correctes sont importées ; une ligne qui contient une erreur, ou un salarié déjà enregistré, n’est pas importée et le
          rapport en donne la raison.
        </p>
        <p>
          <a href="/espace/salaries/importer/modele" download className={`${linkClass} inline-flex min-h-11 items-center`}>
            Télécharger le modèle de fichier (CSV)
          </a>
        </p>
      </section>
      <ImportWorkersForm />
    </div>
  );
}
