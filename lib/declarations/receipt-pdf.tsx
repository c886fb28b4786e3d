import 'server-only';
import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { formatSiret } from '@/lib/companies/siret';
import { formatDayLong, formatEuros } from '@/lib/format';
import { PDF_FONT_FAMILY } from '@/lib/pdf/fonts';
import { brandColor, frenchSpacing, inkColor, mutedColor, websiteHost } from '@/lib/pdf/letter';
import { renderPdfToBuffer } from '@/lib/pdf/render';
import { formatHours, formatPeriod } from './rules';

export type ReceiptPdfData = {
  caisse: { name: string; legalName: string; addressLine: string; postcode: string; city: string; website: string; siret: string };
  company: { name: string; siret: string };
  number: string;
  kind: 'initial' | 'corrective';
  /** The number of the declaration this one corrects, and its total contribution. */
  corrects: { number: string; totalContributionCents: number } | null;
  sentAt: Date;
  period: string;
  lineCount: number;
  totalHoursHundredths: number;
  totalWagesCents: number;
  totalContributionCents: number;
  contributionDueOn: string;
};

const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 10.5, color: inkColor, paddingTop: 40, paddingBottom: 56, paddingHorizontal: 48, lineHeight: 1.4 },
  caisse: { borderBottomWidth: 3, borderBottomColor: brandColor, paddingBottom: 10, marginBottom: 22 },
  caisseName: { fontSize: 16, fontWeight: 'bold', color: brandColor },
  small: { fontSize: 9, color: mutedColor },
  title: { fontSize: 20, fontWeight: 'bold', color: brandColor, marginBottom: 4 },
  number: { fontSize: 12, fontWeight: 'bold', marginBottom: 18 },
  box: { borderWidth: 1, borderColor: '#cbd5e1', borderRadius: 4, padding: 12, marginBottom: 16 },
  row: { flexDirection: 'row', marginBottom: 3 },
  label: { width: 190, color: mutedColor },
  value: { flex: 1, fontWeight: 'bold' },
  due: { backgroundColor: '#e8f0fb', borderRadius: 4, padding: 10, marginBottom: 16 },
  dueValue: { fontSize: 13, fontWeight: 'bold', color: brandColor },
  footer: { position: 'absolute', bottom: 24, left: 48, right: 48, fontSize: 8, color: mutedColor, textAlign: 'center' },
});

const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** « 27 novembre 2026 à 14 h 05 » (French time). */
export function formatSentAt(d: Date): string {
  return `${formatDayLong(dayFormat.format(d))} à ${timeFormat.format(d).replace(':', ' h ')}`;
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.row}>
      <Text style={s.label}>{label}</Text>
      <Text style={s.value}>{value}</Text>
    </View>
  );
}

function ReceiptDocument({ data }: { data: ReceiptPdfData }) {
  const title = data.kind === 'corrective' ? 'Accusé de réception – déclaration rectificative' : 'Accusé de réception';
  const delta = data.corrects ? data.totalContributionCents - data.corrects.totalContributionCents : 0;
  return (
    <Document title={`${title} ${data.number}`} author={data.caisse.name} creator={data.caisse.name} producer={data.caisse.name} language="fr-FR">
      <Page size="A4" style={s.page}>
        <View style={s.caisse}>
          <Text style={s.caisseName}>{data.caisse.name}</Text>
          <Text style={s.small}>
            {data.caisse.addressLine} · {data.caisse.postcode} {data.caisse.city} · {websiteHost(data.caisse.website)}
          </Text>
        </View>
        <Text style={s.title}>{title}</Text>
        <Text style={s.number}>N° {data.number}</Text>
        <Text style={{ marginBottom: 14 }}>
          {frenchSpacing(`La caisse a reçu la déclaration mensuelle de ${data.company.name} (SIRET ${formatSiret(data.company.siret)}) pour ${formatPeriod(data.period)}.`)}
        </Text>
        <View style={s.box}>
          <Field label="Numéro" value={data.number} />
          <Field label="Envoyée le" value={formatSentAt(data.sentAt)} />
          <Field label="Période déclarée" value={formatPeriod(data.period)} />
          {data.corrects && <Field label="Rectifie la déclaration" value={data.corrects.number} />}
          <Field label="Nombre de lignes" value={String(data.lineCount)} />
          <Field label="Heures travaillées" value={formatHours(data.totalHoursHundredths)} />
          <Field label="Salaires bruts" value={formatEuros(data.totalWagesCents)} />
          <Field label="Cotisation" value={formatEuros(data.totalContributionCents)} />
          {data.corrects && (
            <Field
              label="Écart avec la déclaration rectifiée"
              value={`${delta > 0 ? '+' : delta < 0 ? '−' : ''}${formatEuros(Math.abs(delta))}`}
            />
          )}
        </View>
        <View style={s.due}>
          <Text>Date d’échéance de la cotisation</Text>
          <Text style={s.dueValue}>{formatDayLong(data.contributionDueOn)}</Text>
        </View>
        {data.corrects && (
          <Text style={{ marginBottom: 10 }}>
            {frenchSpacing(`Les totaux de cette déclaration rectificative remplacent ceux de la déclaration ${data.corrects.number}.`)}
          </Text>
        )}
        <Text fixed style={s.footer}>
          {data.caisse.legalName} · SIRET {formatSiret(data.caisse.siret)} · Document établi par l’Espace sécurisé
        </Text>
      </Page>
    </Document>
  );
}

export function renderReceiptPdf(data: ReceiptPdfData): Promise<Buffer> {
  return renderPdfToBuffer(<ReceiptDocument data={data} />);
}
