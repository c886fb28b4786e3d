import 'server-only';
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { formatSiret } from '@/lib/companies/siret';
import { formatDayLong } from '@/lib/format';
import { PDF_FONT_FAMILY, registerPdfFonts } from '@/lib/pdf/fonts';
import { formatVerificationCode } from './code';
import { renderQrPng } from './qr';

export type AttestationPdfData = {
  caisse: {
    name: string;
    legalName: string;
    addressLine: string;
    postcode: string;
    city: string;
    phone: string;
    email: string;
    website: string;
    siret: string;
  };
  number: string;
  code: string;
  company: { name: string; siret: string; addressLine: string; postcode: string; city: string; membershipNumber: string | null };
  issuedAt: Date;
  issuedOn: string;
  validUntil: string;
  /** What the QR opens: the verification page of this attestation, with the signature. */
  qrUrl: string;
  /** Where to type the code by hand, and where the public keys are. */
  verifierUrl: string;
  jwksUrl: string;
};

const brand = '#0b4f9c';
const ink = '#1b2537';
const muted = '#4a5568';

const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 10.5, color: ink, paddingTop: 40, paddingBottom: 56, paddingHorizontal: 48, lineHeight: 1.4 },
  caisse: { borderBottomWidth: 3, borderBottomColor: brand, paddingBottom: 10, marginBottom: 22 },
  caisseName: { fontSize: 16, fontWeight: 'bold', color: brand },
  small: { fontSize: 9, color: muted },
  title: { fontSize: 20, fontWeight: 'bold', color: brand, lineHeight: 1.2, marginBottom: 4 },
  number: { fontSize: 12, fontWeight: 'bold', marginBottom: 18 },
  box: { borderWidth: 1, borderColor: '#cbd5e1', borderRadius: 4, padding: 12, marginBottom: 16 },
  row: { flexDirection: 'row', marginBottom: 3 },
  label: { width: 140, color: muted },
  value: { flex: 1, fontWeight: 'bold' },
  statement: { fontSize: 11.5, marginBottom: 16 },
  dates: { flexDirection: 'row', gap: 16, marginBottom: 18 },
  dateBox: { flex: 1, backgroundColor: '#e8f0fb', borderRadius: 4, padding: 10 },
  dateValue: { fontSize: 13, fontWeight: 'bold', color: brand },
  verify: { flexDirection: 'row', gap: 18, borderTopWidth: 1, borderTopColor: '#cbd5e1', paddingTop: 14 },
  qr: { width: 160, height: 160 },
  code: { fontSize: 17, fontWeight: 'bold', letterSpacing: 1, marginTop: 2, marginBottom: 10 },
  h2: { fontSize: 11.5, fontWeight: 'bold', color: brand, marginBottom: 4 },
  footer: { position: 'absolute', bottom: 24, left: 48, right: 48, fontSize: 8, color: muted, textAlign: 'center' },
});

const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** « 10 h 38 » */
function formatTime(d: Date): string {
  return timeFormat.format(d).replace(':', ' h ');
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.row}>
      <Text style={s.label}>{label}</Text>
      <Text style={s.value}>{value}</Text>
    </View>
  );
}

function AttestationDocument({ data, qrPng }: { data: AttestationPdfData; qrPng: Buffer }) {
  const { caisse, company } = data;
  const code = formatVerificationCode(data.code);
  return (
    <Document
      title={`Attestation de mise à jour ${data.number}`}
      author={caisse.name}
      subject={`Attestation de mise à jour — ${company.name}`}
      language="fr-FR"
      creator={caisse.name}
      producer={caisse.name}
      creationDate={data.issuedAt}
      modificationDate={data.issuedAt}
    >
      {/* One page by design: wrap={false} spares react-pdf its pagination pass (a second layout of the page). */}
      <Page size="A4" style={s.page} wrap={false}>
        <View style={s.caisse}>
          <Text style={s.caisseName}>{caisse.name}</Text>
          <Text>{caisse.legalName}</Text>
          <Text style={s.small}>
            {caisse.addressLine}, {caisse.postcode} {caisse.city} · {caisse.phone} · {caisse.email} · SIRET {formatSiret(caisse.siret)}
          </Text>
        </View>

        <Text style={s.title}>Attestation de mise à jour</Text>
        <Text style={s.number}>N° {data.number}</Text>

        <View style={s.box}>
          <Field label="Raison sociale" value={company.name} />
          <Field label="SIRET" value={formatSiret(company.siret)} />
          <Field label="Adresse" value={`${company.addressLine}, ${company.postcode} ${company.city}`} />
          <Field label="Numéro d’adhérent" value={company.membershipNumber ?? '—'} />
        </View>

        <Text style={s.statement}>
          {caisse.name} atteste que l’entreprise désignée ci-dessus est à jour de ses déclarations et du paiement de ses cotisations
          de congés payés à la date du {formatDayLong(data.issuedOn)}.
        </Text>

        <View style={s.dates}>
          <View style={s.dateBox}>
            <Text style={s.small}>Date de délivrance</Text>
            <Text style={s.dateValue}>{formatDayLong(data.issuedOn)}</Text>
          </View>
          <View style={s.dateBox}>
            <Text style={s.small}>Fin de validité (incluse)</Text>
            <Text style={s.dateValue}>{formatDayLong(data.validUntil)}</Text>
          </View>
        </View>

        <View style={s.verify}>
          {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf Image: no alt attribute in PDF */}
          <Image style={s.qr} src={{ data: qrPng, format: 'png' }} />
          <View style={{ flex: 1 }}>
            <Text style={s.h2}>Code de vérification</Text>
            <Text style={s.code}>{code}</Text>
            <Text style={s.h2}>Comment vérifier cette attestation ?</Text>
            <Text>
              Scannez le QR code avec un téléphone, ou saisissez le code de vérification sur {data.verifierUrl}. La page indique
              aussitôt si l’attestation est authentique et valide, expirée ou révoquée.
            </Text>
            <Text style={[s.small, { marginTop: 6 }]}>
              Le QR code contient aussi une signature électronique (Ed25519) vérifiable hors ligne avec les clés publiques de la caisse
              publiées sur {data.jwksUrl}.
            </Text>
          </View>
        </View>

        <Text style={s.footer} fixed>
          Attestation {data.number} délivrée électroniquement le {formatDayLong(data.issuedOn)} à {formatTime(data.issuedAt)} · {caisse.website}
        </Text>
      </Page>
    </Document>
  );
}

/** Renders on the calling thread: in a render thread (pdf-worker.ts), or where there is no pool (tests, CLI). */
export async function renderAttestationPdfHere(data: AttestationPdfData): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<AttestationDocument data={data} qrPng={renderQrPng(data.qrUrl, { scale: 6 })} />);
}
