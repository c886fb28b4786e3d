import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { formatSiret } from '@/lib/companies/siret';
import { getLegalNotice } from '@/lib/site/queries';

export const metadata: Metadata = { title: 'Mentions légales' };

const linkClass = 'font-semibold text-brand underline';
const h2Class = 'mt-10 text-2xl font-bold text-brand-dark';

export default async function LegalNoticePage() {
  const { caisse, notice } = await getLegalNotice(await getDb());
  const privacyEmail = notice?.dataProtectionEmail ?? caisse.email;
  return (
    <div className="mx-auto max-w-3xl leading-relaxed">
      <Breadcrumb items={[{ label: 'Accueil', href: '/' }, { label: 'Mentions légales' }]} />
      <h1 className="text-3xl font-black text-brand-dark">Mentions légales</h1>

      <h2 className={h2Class}>Éditeur</h2>
      <p className="mt-3">
        <strong>{caisse.legalName}</strong> ({caisse.name})
        <br />
        {caisse.addressLine}, {caisse.postcode} {caisse.city}
        <br />
        Téléphone :{' '}
        <a className={linkClass} href={`tel:${caisse.phone.replace(/\s/g, '')}`}>
          {caisse.phone}
        </a>
        <br />
        Courriel :{' '}
        <a className={linkClass} href={`mailto:${caisse.email}`}>
          {caisse.email}
        </a>
        <br />
        SIRET : {formatSiret(caisse.siret)}
      </p>
      {notice && <p className="mt-3">Directeur de la publication : {notice.publicationDirector}.</p>}

      <h2 className={h2Class}>Hébergement</h2>
      {notice ? (
        <p className="mt-3">
          {notice.hostName}
          <br />
          {notice.hostAddress}
          {notice.hostPhone && (
            <>
              <br />
              Téléphone : {notice.hostPhone}
            </>
          )}
        </p>
      ) : (
        <p className="mt-3">Les coordonnées de l’hébergeur sont disponibles auprès de l’éditeur.</p>
      )}

      <h2 className={h2Class}>Données personnelles</h2>
      <p className="mt-3">
        {caisse.name} est responsable des traitements de données personnelles réalisés dans l’Espace sécurisé, conformément au
        règlement général sur la protection des données (RGPD) et à la loi Informatique et Libertés.
      </p>
      <h3 className="mt-6 text-xl font-bold">Quelles données, pour quoi faire ?</h3>
      <ul className="mt-2 list-disc space-y-2 pl-6">
        <li>
          <strong>Entreprises et utilisateurs de l’espace</strong> : raison sociale, SIRET, adresse, nom, prénom et adresse de courriel
          des utilisateurs, pour créer les comptes, vous identifier et vous écrire.
        </li>
        <li>
          <strong>Salariés déclarés</strong> : identité, heures travaillées, salaires et dates de congés, pour calculer les droits à
          congés et payer les indemnités de congés aux salariés.
        </li>
        <li>
          <strong>Paiements</strong> : IBAN et mandat de prélèvement, pour encaisser les cotisations.
        </li>
        <li>
          <strong>Sécurité</strong> : journaux de connexion et des opérations sensibles, pour protéger les comptes et retrouver qui a
          fait quoi.
        </li>
      </ul>
      <p className="mt-3">
        Ces traitements répondent aux obligations légales de la caisse de congés payés du bâtiment et des travaux publics (Code du
        travail). Les données sont conservées le temps de l’adhésion, puis pendant les durées de prescription légales.
      </p>
      <h3 className="mt-6 text-xl font-bold">Qui les voit ?</h3>
      <p className="mt-2">
        Les services de la caisse, les utilisateurs de votre entreprise selon leurs droits, le cabinet comptable auquel vous avez
        délégué l’accès, et nos prestataires techniques (hébergement, envoi des courriels) qui agissent uniquement sur nos instructions.
        Aucune donnée n’est vendue ni utilisée à des fins publicitaires.
      </p>
      <h3 className="mt-6 text-xl font-bold">Vos droits</h3>
      <p className="mt-2">
        Vous disposez d’un droit d’accès, de rectification, de limitation et, dans les cas prévus par la loi, d’effacement et
        d’opposition. Pour les exercer, écrivez au délégué à la protection des données :{' '}
        <a className={linkClass} href={`mailto:${privacyEmail}`}>
          {privacyEmail}
        </a>
        . Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la
        CNIL (<a className={linkClass} href="https://www.cnil.fr/">www.cnil.fr</a>).
      </p>

      <h2 className={h2Class}>Cookies</h2>
      <p className="mt-3">
        Ce site n’utilise <strong>aucun cookie de mesure d’audience, publicitaire ou de réseau social</strong>. Seul un{' '}
        <strong>cookie de session</strong> est déposé lorsque vous vous connectez à l’Espace sécurisé : il vous garde connecté d’une
        page à l’autre et disparaît à la déconnexion ou à son expiration. Strictement nécessaire au service, il ne demande pas votre
        consentement et ne sert à rien d’autre.
      </p>

      <h2 className={h2Class}>Accessibilité</h2>
      <p className="mt-3">
        Consultez notre <Link className={linkClass} href="/accessibilite">déclaration d’accessibilité</Link>.
      </p>
    </div>
  );
}
