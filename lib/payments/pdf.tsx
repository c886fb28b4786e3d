import 'server-only';
import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { formatSiret } from '@/lib/companies/siret';
import { formatDayShort, formatEuros } from '@/lib/format';
import { PDF_FONT_FAMILY } from '@/lib/pdf/fonts';
import { brandColor, frenchSpacing, inkColor, mutedColor, websiteHost, type PdfSender } from '@/lib/pdf/letter';
import { renderPdfToBuffer } from '@/lib/pdf/render';
import { formatIban, formatPeriod } from './rules';
import type { AccountStatement } from './statement';

// The two PDFs of the payments area: the relevé de compte (statement) and the SEPA B2B mandate to sign.

type Company = { name: string; siret: string; addressLine: string; postcode: string; city: string; membershipNumber: string | null };

const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 9, lineHeight: 1.35, color: inkColor, paddingTop: '14mm', paddingBottom: '20mm', paddingHorizontal: '16mm' },
  caisse: { fontSize: 13, fontWeight: 'bold', color: brandColor },
  muted: { color: mutedColor, fontSize: 8 },
  title: { marginTop: '6mm', fontSize: 15, fontWeight: 'bold' },
  block: { marginTop: '4mm' },
  strong: { fontWeight: 'bold' },
  row: { flexDirection: 'row', borderBottom: `0.5pt solid ${mutedColor}`, paddingVertical: '1.2mm' },
  head: { flexDirection: 'row', borderBottom: `1pt solid ${brandColor}`, paddingVertical: '1.2mm', fontWeight: 'bold' },
  total: { flexDirection: 'row', borderTop: `1pt solid ${inkColor}`, paddingVertical: '1.5mm', fontWeight: 'bold' },
  cMonth: { width: '19%' },
  cDue: { width: '14%', textAlign: 'right' },
  cDate: { width: '13%', textAlign: 'right' },
  cPaid: { width: '14%', textAlign: 'right' },
  cPen: { width: '14%', textAlign: 'right' },
  cBal: { width: '14%', textAlign: 'right' },
  cNote: { width: '12%', textAlign: 'right', fontSize: 7.5 },
  field: { flexDirection: 'row', marginBottom: '1.5mm' },
  label: { width: '55mm', color: mutedColor },
  box: { marginTop: '4mm', border: `0.75pt solid ${inkColor}`, padding: '3mm' },
  signature: { marginTop: '4mm', height: '28mm', border: `0.75pt solid ${mutedColor}`, padding: '2mm' },
  footer: { position: 'absolute', bottom: '9mm', left: '16mm', right: '16mm', fontSize: 7, color: mutedColor, textAlign: 'center' },
});

function Header({ caisse }: { caisse: PdfSender }) {
  return (
    <View>
      <Text style={s.caisse}>{caisse.name}</Text>
      <Text style={s.muted}>
        {caisse.addressLine}, {caisse.postcode} {caisse.city} · Tél. {caisse.phone} · {caisse.email}
      </Text>
    </View>
  );
}

function Footer({ caisse }: { caisse: PdfSender }) {
  return (
    <Text fixed style={s.footer} render={({ pageNumber, totalPages }) => `${caisse.legalName} · SIRET ${formatSiret(caisse.siret)} · ${websiteHost(caisse.website)} · page ${pageNumber}/${totalPages}`} />
  );
}

export function renderStatementPdf(input: { caisse: PdfSender; company: Company; statement: AccountStatement }): Promise<Buffer> {
  const { caisse, company, statement } = input;
  const title = `Relevé de compte au ${formatDayShort(statement.today)}`;
  return renderPdfToBuffer(
    <Document title={`${title} — ${company.name}`} author={caisse.name} creator={caisse.name} producer={caisse.name} language="fr-FR">
      <Page size="A4" style={s.page}>
        <Header caisse={caisse} />
        <Text style={s.title}>{title}</Text>
        <View style={s.block}>
          <Text style={s.strong}>{company.name}</Text>
          <Text>
            SIRET {formatSiret(company.siret)}
            {company.membershipNumber ? ` · adhérent n° ${company.membershipNumber}` : ''}
          </Text>
          <Text>
            {company.addressLine}, {company.postcode} {company.city}
          </Text>
        </View>
        <View style={[s.block, { marginTop: '6mm' }]}>
          <View style={s.head} fixed>
            <Text style={s.cMonth}>Mois déclaré</Text>
            <Text style={s.cDue}>Cotisation</Text>
            <Text style={s.cDate}>Échéance</Text>
            <Text style={s.cPaid}>Reçu</Text>
            <Text style={s.cPen}>Majorations</Text>
            <Text style={s.cBal}>Solde</Text>
            <Text style={s.cNote}>État</Text>
          </View>
          {statement.months.map((m) => (
            <View key={m.period} style={s.row} wrap={false}>
              <Text style={s.cMonth}>{formatPeriod(m.period)}</Text>
              <Text style={s.cDue}>{formatEuros(m.dueCents)}</Text>
              <Text style={s.cDate}>{formatDayShort(m.dueOn)}</Text>
              <Text style={s.cPaid}>{formatEuros(m.receivedCents)}</Text>
              <Text style={s.cPen}>{formatEuros(m.penaltyCents)}</Text>
              <Text style={s.cBal}>{formatEuros(m.balanceCents)}</Text>
              <Text style={s.cNote}>{m.isOverdue ? 'en retard' : m.balanceCents > 0 ? 'à venir' : 'réglé'}</Text>
            </View>
          ))}
          <View style={s.total} wrap={false}>
            <Text style={s.cMonth}>Total</Text>
            <Text style={s.cDue}>{formatEuros(statement.totals.dueCents)}</Text>
            <Text style={s.cDate}> </Text>
            <Text style={s.cPaid}>{formatEuros(statement.totals.receivedCents)}</Text>
            <Text style={s.cPen}>{formatEuros(statement.totals.penaltyCents)}</Text>
            <Text style={s.cBal}>{formatEuros(statement.totals.balanceCents)}</Text>
            <Text style={s.cNote}> </Text>
          </View>
        </View>
        <View style={s.block}>
          <Text>
            {frenchSpacing(
              `Échéance : 45 jours après la fin du mois déclaré. Majoration de retard : 1 % de la cotisation restant due par mois commencé après l’échéance. Les paiements annoncés en ligne (${formatEuros(statement.totals.announcedCents)}) ne sont comptés qu’à leur réception par la caisse.`,
            )}
          </Text>
        </View>
        <Footer caisse={caisse} />
      </Page>
    </Document>,
  );
}

export function renderMandatePdf(input: {
  caisse: PdfSender;
  company: Company;
  mandate: { rum: string; iban: string; bic: string; createdAt: Date };
  creditorId: string;
}): Promise<Buffer> {
  const { caisse, company, mandate } = input;
  const Field = ({ label, value }: { label: string; value: string }) => (
    <View style={s.field}>
      <Text style={s.label}>{label}</Text>
      <Text style={s.strong}>{value}</Text>
    </View>
  );
  return renderPdfToBuffer(
    <Document title={`Mandat de prélèvement SEPA B2B ${mandate.rum}`} author={caisse.name} creator={caisse.name} producer={caisse.name} language="fr-FR">
      <Page size="A4" style={s.page}>
        <Header caisse={caisse} />
        <Text style={s.title}>Mandat de prélèvement SEPA interentreprises (B2B)</Text>
        <View style={s.box}>
          <Field label="Référence unique du mandat (RUM)" value={mandate.rum} />
          <Field label="Identifiant créancier SEPA (ICS)" value={input.creditorId} />
          <Field label="Type de paiement" value="Récurrent" />
        </View>
        <View style={s.block}>
          <Text>
            {frenchSpacing(
              `En signant ce formulaire de mandat, vous autorisez ${caisse.legalName} (${caisse.name}) à envoyer des instructions à votre banque pour débiter votre compte, et votre banque à débiter votre compte conformément aux instructions de ${caisse.name}, pour le paiement des cotisations de congés payés à chaque échéance.`,
            )}
          </Text>
          <Text style={{ marginTop: '2mm' }}>
            {frenchSpacing(
              'Ce mandat est destiné uniquement aux entreprises : vous ne bénéficiez pas du droit à remboursement après le débit de votre compte, mais vous pouvez demander à votre banque de ne pas débiter votre compte jusqu’au jour de l’échéance. Remettez ce mandat signé à votre banque avant la première échéance.',
            )}
          </Text>
        </View>
        <View style={s.box}>
          <Text style={[s.strong, { marginBottom: '2mm' }]}>Débiteur</Text>
          <Field label="Raison sociale" value={company.name} />
          <Field label="SIRET" value={formatSiret(company.siret)} />
          <Field label="Adresse" value={`${company.addressLine}, ${company.postcode} ${company.city}`} />
          <Field label="IBAN" value={formatIban(mandate.iban)} />
          <Field label="BIC" value={mandate.bic} />
        </View>
        <View style={s.box}>
          <Text style={[s.strong, { marginBottom: '2mm' }]}>Créancier</Text>
          <Field label="Nom" value={caisse.legalName} />
          <Field label="Adresse" value={`${caisse.addressLine}, ${caisse.postcode} ${caisse.city}`} />
          <Field label="Identifiant créancier SEPA (ICS)" value={input.creditorId} />
        </View>
        <View style={s.block}>
          <Text>Fait à : ____________________________ le : ____ / ____ / ________</Text>
          <View style={s.signature}>
            <Text style={s.muted}>Signature et cachet du débiteur (représentant habilité)</Text>
          </View>
        </View>
        <Footer caisse={caisse} />
      </Page>
    </Document>,
  );
}
