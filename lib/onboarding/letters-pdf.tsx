import 'server-only';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { formatSiret } from '@/lib/companies/siret';
import { formatDayLong } from '@/lib/format';
import {
  LetterDocument,
  LetterPage,
  Paragraph,
  brandColor,
  frenchSpacing,
  letterStyles,
  websiteHost,
  type PdfRecipient,
  type PdfSender,
} from '@/lib/pdf/letter';
import { renderPdfToBuffer } from '@/lib/pdf/render';

// The two letters of the first connection. Each component receives only its own secret, so letter 1
// cannot print the code and letter 2 cannot print the identifier, whatever a later edit does.

export type LetterCompany = PdfRecipient & { siret: string; membershipNumber: string | null; hadLegacyDelegation: boolean };
export type LetterSite = { name: string; addressLine: string; postcode: string; city: string; phone: string };

export type LetterCommon = {
  sender: PdfSender;
  company: LetterCompany;
  /** The caisse site serving the company's department, for « Besoin d'aide ? ». */
  site: LetterSite | null;
  /** Date of the letter (YYYY-MM-DD). */
  day: string;
  /** Last day the credentials work (YYYY-MM-DD). */
  lastValidDay: string;
};

const styles = StyleSheet.create({
  secretBox: { marginVertical: '2.5mm', padding: '3.5mm', border: `1pt solid ${brandColor}`, borderRadius: 4 },
  secretValue: { fontSize: 18, lineHeight: 1.2, fontWeight: 'bold', color: brandColor, marginTop: '1mm', marginBottom: '1.5mm' },
  heading: { fontWeight: 'bold', color: brandColor, marginTop: '1mm', marginBottom: '1.5mm' },
  step: { flexDirection: 'row', marginBottom: '1mm' },
  stepNumber: { width: '6mm', fontWeight: 'bold', color: brandColor },
  stepText: { flex: 1 },
  warningBox: { marginVertical: '2.5mm', padding: '3.5mm', backgroundColor: '#fdf1e7', border: '1pt solid #b45309', borderRadius: 4 },
  warningTitle: { fontWeight: 'bold', color: '#8a3b00', marginBottom: '1.5mm' },
  small: { fontSize: 8.5 },
  smallParagraph: { fontSize: 8.5, marginBottom: '2mm' },
});

function references(company: LetterCompany) {
  return [
    ...(company.membershipNumber ? [{ label: 'Numéro d’adhérent', value: company.membershipNumber }] : []),
    { label: 'SIRET', value: formatSiret(company.siret) },
  ];
}

function HelpParagraph({ sender, site }: { sender: PdfSender; site: LetterSite | null }) {
  return (
    <Paragraph style={styles.smallParagraph}>
      <Text style={letterStyles.strong}>{frenchSpacing('Besoin d’aide ? ')}</Text>
      {`Informations et guides d’utilisation sur ${websiteHost(sender.website)}, rubrique « Services en ligne › Informations pratiques ». `}
      {site
        ? `Votre site : ${site.name}, ${site.addressLine}, ${site.postcode} ${site.city}, tél. ${site.phone}.`
        : `Tél. ${sender.phone}.`}
    </Paragraph>
  );
}

function Steps({ steps }: { steps: string[] }) {
  return (
    <View>
      {steps.map((step, i) => (
        <View key={i} style={styles.step} wrap={false}>
          <Text style={styles.stepNumber}>{i + 1}.</Text>
          <Text style={styles.stepText}>{frenchSpacing(step)}</Text>
        </View>
      ))}
    </View>
  );
}

const closing = 'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.';

/** Letter 1: the provisional identifier and how to create the space (the flyer's steps). */
export function IdentifierLetter({ sender, company, site, day, lastValidDay, identifier }: LetterCommon & { identifier: string }) {
  return (
    <LetterDocument title={`Votre identifiant provisoire – ${company.name}`} author={sender.name}>
      <LetterPage
        sender={sender}
        recipient={company}
        day={day}
        references={references(company)}
        subject={'Création de votre Espace sécurisé – votre identifiant provisoire (courrier\u00a01\u00a0sur\u00a02)'}
        signature={`Le service Adhérents\n${sender.name}`}
      >
        <Paragraph>Madame, Monsieur,</Paragraph>
        <Paragraph>
          Votre Espace sécurisé vous permet de faire vos déclarations et vos paiements, de planifier les congés de vos
          salariés et de télécharger vos attestations de mise à jour, sur PC, Mac, tablette ou téléphone. Pour le créer,
          munissez-vous de deux courriers : celui-ci, qui contient votre identifiant provisoire, et un second, envoyé
          séparément, qui contient votre code confidentiel provisoire.
        </Paragraph>
        <View style={styles.secretBox} wrap={false}>
          <Text>Votre identifiant provisoire</Text>
          <Text style={styles.secretValue}>{identifier}</Text>
          <Paragraph style={styles.small}>
            {`Valable jusqu’au ${formatDayLong(lastValidDay)} inclus, avec le numéro SIRET ${formatSiret(company.siret)}. ` +
              'Il remplace tout identifiant reçu auparavant.'}
          </Paragraph>
        </View>
        <Text style={styles.heading}>{frenchSpacing('Comment se connecter la première fois ?')}</Text>
        <Steps
          steps={[
            `Sur le site de la caisse, ${websiteHost(sender.website)}, cliquez sur le bouton « Services en ligne », ou sélectionnez « Espace sécurisé entreprise » dans le menu « Entreprise / Tiers-déclarant ».`,
            'Sur la page de connexion à l’Espace sécurisé, cliquez sur le bandeau bleu « Première connexion à cet espace ? Je crée mon espace sécurisé ».',
            'Laissez-vous guider : après quelques questions, saisissez votre numéro SIRET, l’identifiant ci-dessus et le code confidentiel indiqué sur le second courrier.',
            'Indiquez et validez l’adresse de courriel qui vous servira dorénavant d’identifiant, puis choisissez un nouveau mot de passe.',
            'Cliquez sur le lien qui vous sera envoyé par courriel : vous confirmerez ainsi la création de votre Espace sécurisé.',
          ]}
        />
        {company.hadLegacyDelegation ? (
          <Paragraph style={styles.smallParagraph}>
            <Text style={letterStyles.strong}>{frenchSpacing('Vous déléguez à un cabinet comptable ? ')}</Text>
            Son habilitation devra être renouvelée : une fois connecté, ouvrez le menu « Gérer mon compte utilisateur et les
            droits d’accès », sélectionnez « Gérer les droits d’accès » puis cliquez sur « Déléguez à mon cabinet comptable ».
          </Paragraph>
        ) : null}
        <HelpParagraph sender={sender} site={site} />
        <Paragraph>{closing}</Paragraph>
      </LetterPage>
    </LetterDocument>
  );
}

/** Letter 2: the confidential code, and nothing that identifies the account on its own. */
export function CodeLetter({ sender, company, site, day, lastValidDay, code }: LetterCommon & { code: string }) {
  return (
    <LetterDocument title={`Votre code confidentiel provisoire – ${company.name}`} author={sender.name}>
      <LetterPage
        sender={sender}
        recipient={company}
        day={day}
        references={references(company)}
        subject={'Création de votre Espace sécurisé – votre code confidentiel provisoire (courrier\u00a02\u00a0sur\u00a02)'}
        signature={`Le service Adhérents\n${sender.name}`}
      >
        <Paragraph>Madame, Monsieur,</Paragraph>
        <Paragraph>
          Voici votre code confidentiel provisoire. Avec votre numéro SIRET et l’identifiant provisoire indiqué sur le
          courrier qui vous a été adressé séparément, il vous permet de créer votre Espace sécurisé : sur le site de la
          caisse, page de connexion, bandeau bleu « Première connexion à cet espace ? Je crée mon espace sécurisé ».
        </Paragraph>
        <View style={styles.secretBox} wrap={false}>
          <Text>Votre code confidentiel provisoire</Text>
          <Text style={styles.secretValue}>{code}</Text>
          <Paragraph style={styles.small}>
            {`Valable une seule fois, jusqu’au ${formatDayLong(lastValidDay)} inclus. Il remplace tout code reçu auparavant.`}
          </Paragraph>
        </View>
        <View style={styles.warningBox} wrap={false}>
          <Text style={styles.warningTitle}>{frenchSpacing('Ce code est strictement confidentiel : gardez-le secret.')}</Text>
          <Paragraph style={styles.small}>
            • Ne le communiquez à personne : la caisse ne vous le demandera jamais, ni par téléphone ni par courriel.
          </Paragraph>
          <Paragraph style={styles.small}>
            • Conservez ce courrier à l’abri, séparément du courrier qui contient votre identifiant.
          </Paragraph>
          <Paragraph style={styles.small}>
            • Après cinq saisies erronées, vos courriers sont bloqués : il faut alors en demander de nouveaux.
          </Paragraph>
          <Paragraph style={styles.small}>• Une fois votre Espace sécurisé créé, ce code n’est plus valable.</Paragraph>
        </View>
        <Paragraph style={styles.smallParagraph}>
          Vous n’avez pas reçu le courrier contenant votre identifiant, ou ce code n’est plus valable ? Demandez de nouveaux
          courriers à la caisse : les précédents cesseront alors de fonctionner.
        </Paragraph>
        <HelpParagraph sender={sender} site={site} />
        <Paragraph>{closing}</Paragraph>
      </LetterPage>
    </LetterDocument>
  );
}

export async function renderLetters(common: LetterCommon, secrets: { identifier: string; code: string }) {
  const [identifierPdf, codePdf] = await Promise.all([
    renderPdfToBuffer(<IdentifierLetter {...common} identifier={secrets.identifier} />),
    renderPdfToBuffer(<CodeLetter {...common} code={secrets.code} />),
  ]);
  return { identifierPdf, codePdf };
}
