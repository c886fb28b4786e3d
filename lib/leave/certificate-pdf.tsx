import 'server-only';
import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { formatSiret } from '@/lib/companies/siret';
import { formatDayLong, formatDayShort, formatEuros } from '@/lib/format';
import { PDF_FONT_FAMILY } from '@/lib/pdf/fonts';
import { websiteHost, type PdfSender } from '@/lib/pdf/letter';
import { renderPdfToBuffer } from '@/lib/pdf/render';
import { acquisitionRuleText } from './rights';
import type { LeaveKind } from './rules';
import { leaveStatusLabels, type LeaveStatus } from './runs';

// « Certificat de congés »: per worker and leave year, what the hours of the reference period gave and
// what was taken and paid. Filed in the company's documents and handed to the worker.

export type LeaveCertificateLeave = {
  start: string;
  end: string;
  days: number;
  kind: LeaveKind;
  status: LeaveStatus;
  paymentOn?: string | null;
  /** Indemnity of the leave, holiday bonus included, in cents. */
  indemnityCents: number;
  /** Part of it that is the 30 % holiday bonus, in cents. */
  bonusCents?: number;
};

export type LeaveCertificateData = {
  caisse: PdfSender;
  company: { name: string; siret: string; addressLine: string; postcode: string; city: string; membershipNumber: string | null };
  worker: { firstName: string; lastName: string; number?: string | null; hiredOn: string; leftOn: string | null };
  leaveYear: { start: string; end: string };
  referencePeriod: { start: string; end: string };
  /** Hours declared in the reference period × 100. */
  hoursHundredths: number;
  acquiredDays: number;
  fractionnementDays?: number;
  /** Days of the leaves registered (taken). */
  takenDays: number;
  /** Days of the leaves already paid. */
  paidDays: number;
  remainingDays: number;
  leaves: readonly LeaveCertificateLeave[];
  /** Day the certificate is drawn up (YYYY-MM-DD). */
  issuedOn: string;
};

const brand = '#0b4f9c';
const ink = '#1b2537';
const muted = '#4a5568';
const line = '#cbd5e1';

const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 9.5, color: ink, paddingTop: 36, paddingBottom: 54, paddingHorizontal: 42, lineHeight: 1.35 },
  caisse: { borderBottomWidth: 3, borderBottomColor: brand, paddingBottom: 8, marginBottom: 16 },
  caisseName: { fontSize: 14, fontWeight: 'bold', color: brand },
  small: { fontSize: 8, color: muted },
  title: { fontSize: 18, fontWeight: 'bold', color: brand, marginBottom: 2 },
  subtitle: { fontSize: 11, marginBottom: 14 },
  boxes: { flexDirection: 'row', gap: 12, marginBottom: 12 },
  box: { flex: 1, borderWidth: 1, borderColor: line, borderRadius: 4, padding: 9 },
  h2: { fontSize: 10.5, fontWeight: 'bold', color: brand, marginBottom: 4 },
  row: { flexDirection: 'row', marginBottom: 2 },
  label: { width: 110, color: muted },
  value: { flex: 1, fontWeight: 'bold' },
  figures: { flexDirection: 'row', flexWrap: 'wrap', gap: 8, marginBottom: 6 },
  figure: { width: 118, backgroundColor: '#e8f0fb', borderRadius: 4, padding: 7 },
  figureValue: { fontSize: 13, fontWeight: 'bold', color: brand },
  rule: { fontSize: 8, color: muted, marginBottom: 12 },
  table: { borderTopWidth: 1, borderTopColor: line },
  tr: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: line, paddingVertical: 4 },
  th: { fontWeight: 'bold', color: muted, fontSize: 8.5 },
  cDates: { width: 130 },
  cKind: { width: 85 },
  cDays: { width: 40, textAlign: 'right', paddingRight: 8 },
  cStatus: { flex: 1 },
  cAmount: { width: 85, textAlign: 'right' },
  total: { fontWeight: 'bold' },
  empty: { paddingVertical: 8, color: muted },
  footer: { position: 'absolute', bottom: 22, left: 42, right: 42, fontSize: 7.5, color: muted, textAlign: 'center' },
});

const hoursFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** « 1 675,00 h » */
function formatHours(hundredths: number): string {
  return `${hoursFormat.format(hundredths / 100)} h`;
}

function days(n: number): string {
  return `${n} jour${Math.abs(n) >= 2 ? 's' : ''}`;
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.row}>
      <Text style={s.label}>{label}</Text>
      <Text style={s.value}>{value}</Text>
    </View>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.figure}>
      <Text style={s.small}>{label}</Text>
      <Text style={s.figureValue}>{value}</Text>
    </View>
  );
}

function statusText(leave: LeaveCertificateLeave): string {
  const label = leaveStatusLabels[leave.status];
  if (leave.paymentOn && leave.status !== 'registered') return `${label} (${formatDayShort(leave.paymentOn)})`;
  return label;
}

function LeaveCertificateDocument({ data }: { data: LeaveCertificateData }) {
  const { caisse, company, worker } = data;
  const workerName = `${worker.firstName} ${worker.lastName}`;
  const totalDays = data.leaves.reduce((sum, l) => sum + l.days, 0);
  const totalCents = data.leaves.reduce((sum, l) => sum + l.indemnityCents, 0);
  const sorted = [...data.leaves].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return (
    <Document
      title={`Certificat de congés — ${workerName}`}
      author={caisse.name}
      subject={`Certificat de congés ${formatDayShort(data.leaveYear.start)} – ${formatDayShort(data.leaveYear.end)}`}
      language="fr-FR"
      creator={caisse.name}
      producer={caisse.name}
    >
      <Page size="A4" style={s.page}>
        <View style={s.caisse}>
          <Text style={s.caisseName}>{caisse.name}</Text>
          <Text style={s.small}>
            {caisse.addressLine}, {caisse.postcode} {caisse.city} · {caisse.phone} · {caisse.email} · SIRET {formatSiret(caisse.siret)}
          </Text>
        </View>

        <Text style={s.title}>Certificat de congés</Text>
        <Text style={s.subtitle}>
          Année de congés du {formatDayLong(data.leaveYear.start)} au {formatDayLong(data.leaveYear.end)}
        </Text>

        <View style={s.boxes}>
          <View style={s.box}>
            <Text style={s.h2}>Salarié</Text>
            <Field label="Nom et prénom" value={`${worker.lastName.toUpperCase()} ${worker.firstName}`} />
            {worker.number ? <Field label="Matricule" value={worker.number} /> : null}
            <Field label="Entrée" value={formatDayShort(worker.hiredOn)} />
            {worker.leftOn ? <Field label="Sortie" value={formatDayShort(worker.leftOn)} /> : null}
          </View>
          <View style={s.box}>
            <Text style={s.h2}>Entreprise</Text>
            <Field label="Raison sociale" value={company.name} />
            <Field label="SIRET" value={formatSiret(company.siret)} />
            <Field label="Adresse" value={`${company.addressLine}, ${company.postcode} ${company.city}`} />
            {company.membershipNumber ? <Field label="N° d’adhérent" value={company.membershipNumber} /> : null}
          </View>
        </View>

        <Text style={s.h2}>
          Droits acquis sur la période de référence du {formatDayShort(data.referencePeriod.start)} au {formatDayShort(data.referencePeriod.end)}
        </Text>
        <View style={s.figures}>
          <Figure label="Heures déclarées" value={formatHours(data.hoursHundredths)} />
          <Figure label="Jours acquis" value={days(data.acquiredDays)} />
          {data.fractionnementDays ? <Figure label="Jours de fractionnement" value={days(data.fractionnementDays)} /> : null}
          <Figure label="Jours pris" value={days(data.takenDays)} />
          <Figure label="Jours payés" value={days(data.paidDays)} />
          <Figure label="Jours restants" value={days(data.remainingDays)} />
        </View>
        <Text style={s.rule}>{acquisitionRuleText}</Text>

        <Text style={s.h2}>Congés de l’année</Text>
        <View style={s.table}>
          <View style={s.tr} fixed>
            <Text style={[s.th, s.cDates]}>Période</Text>
            <Text style={[s.th, s.cKind]}>Type</Text>
            <Text style={[s.th, s.cDays]}>Jours</Text>
            <Text style={[s.th, s.cStatus]}>Statut</Text>
            <Text style={[s.th, s.cAmount]}>Indemnité</Text>
          </View>
          {sorted.length === 0 ? <Text style={s.empty}>Aucun congé enregistré pour cette année de congés.</Text> : null}
          {sorted.map((leave) => (
            <View style={s.tr} key={`${leave.start}-${leave.end}`} wrap={false}>
              <Text style={s.cDates}>
                du {formatDayShort(leave.start)} au {formatDayShort(leave.end)}
              </Text>
              <Text style={s.cKind}>{leave.kind === 'main' ? 'Congé principal' : 'Autre congé'}</Text>
              <Text style={s.cDays}>{leave.days}</Text>
              <Text style={s.cStatus}>{statusText(leave)}</Text>
              <Text style={s.cAmount}>
                {formatEuros(leave.indemnityCents)}
                {leave.bonusCents ? `\ndont prime ${formatEuros(leave.bonusCents)}` : ''}
              </Text>
            </View>
          ))}
          {sorted.length > 0 ? (
            <View style={s.tr} wrap={false}>
              <Text style={[s.total, s.cDates]}>Total</Text>
              <Text style={s.cKind} />
              <Text style={[s.total, s.cDays]}>{totalDays}</Text>
              <Text style={s.cStatus} />
              <Text style={[s.total, s.cAmount]}>{formatEuros(totalCents)}</Text>
            </View>
          ) : null}
        </View>

        <Text style={s.footer} fixed>
          Certificat établi le {formatDayLong(data.issuedOn)} par {caisse.legalName} · {websiteHost(caisse.website)}
        </Text>
      </Page>
    </Document>
  );
}

/** The certificate as PDF bytes, with the portal's fonts (French number spacing renders right). */
export function renderLeaveCertificate(data: LeaveCertificateData): Promise<Buffer> {
  return renderPdfToBuffer(<LeaveCertificateDocument data={data} />);
}

/** File name for the documents area, e.g. certificat-conges-dupont-jean-2026-2027.pdf. */
export function leaveCertificateFileName(data: Pick<LeaveCertificateData, 'worker' | 'leaveYear'>): string {
  const slug = `${data.worker.lastName}-${data.worker.firstName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `certificat-conges-${slug}-${data.leaveYear.start.slice(0, 4)}-${data.leaveYear.end.slice(0, 4)}.pdf`;
}
