import type { Metadata } from 'next';
import Link from 'next/link';
import QRCode from 'qrcode';
import { getDb } from '@/db';
import { requireSession } from '@/lib/auth/current';
import { startTotpEnrolment } from '@/lib/auth/two-factor';
import { formatManualKey, totpUri } from '@/lib/auth/totp';
import { getCaisse } from '@/lib/site/queries';
import { UserMenu } from '../../user-menu';
import { TotpEnrolment } from './enrolment';

export const metadata: Metadata = { title: 'Activer la double authentification' };

export default async function TwoFactorEnrolmentPage() {
  const session = await requireSession({ allow: ['mfa_enrolment_required'] });
  const db = await getDb();
  const fullName = `${session.firstName} ${session.lastName}`.trim() || session.email;
  const secret = await startTotpEnrolment(db, session.userId);

  return (
    <div className="flex flex-col gap-6">
      <UserMenu name={fullName} />
      <div>
        <Link href="/espace/compte" className="inline-flex min-h-11 items-center text-brand-dark underline">
          ← Mon compte
        </Link>
        <h1 className="text-3xl font-black text-brand-dark">Activer la double authentification</h1>
      </div>
      {session.isCaisseStaff && !session.hasTotp && (
        <p className="rounded border-l-4 border-accent bg-amber-50 p-3">
          Les comptes de la caisse doivent utiliser la double authentification : activez-la pour accéder à l’Espace sécurisé.
        </p>
      )}
      {secret ? (
        <TotpEnrolment
          qrDataUrl={await QRCode.toDataURL(totpUri({ issuer: (await getCaisse(db)).name, accountName: session.email, secret }), { margin: 2, width: 220 })}
          manualKey={formatManualKey(secret)}
        />
      ) : (
        <p>
          La double authentification est déjà activée sur votre compte.{' '}
          <Link href="/espace/compte" className="text-brand-dark underline">Retour à mon compte</Link>
        </p>
      )}
    </div>
  );
}
