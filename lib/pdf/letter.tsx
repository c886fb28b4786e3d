import 'server-only';
import { Children, type ComponentProps, type ReactNode } from 'react';
import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { formatSiret } from '@/lib/companies/siret';
import { PDF_FONT_FAMILY } from './fonts';

// Shared frame of the caisse's postal letters (and of other A4 documents): sender, recipient in the
// window of a French DL envelope, place and date, references, subject, body, footer.

export type PdfStyle = ComponentProps<typeof View>['style'];

export type PdfSender = {
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

export type PdfRecipient = { name: string; addressLine: string; postcode: string; city: string };

export const brandColor = '#0b4f9c';
export const inkColor = '#1b2537';
export const mutedColor = '#4a5568';

export const letterStyles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT_FAMILY,
    fontSize: 9.5,
    lineHeight: 1.35,
    color: inkColor,
    paddingTop: '10mm',
    paddingBottom: '20mm',
    paddingHorizontal: '20mm',
  },
  // Fixed heights keep the recipient where the envelope's window is, whatever the sender block holds.
  sender: { height: '38mm' },
  senderName: { fontSize: 14, fontWeight: 'bold', color: brandColor, marginBottom: '1mm' },
  senderLine: { fontSize: 8.5, color: mutedColor },
  // DL envelope (220 × 110 mm), window 100 × 45 mm at 20 mm from the right and 15 mm from the bottom:
  // on an A4 folded in three the address must sit 100–190 mm from the left and 48–85 mm from the top.
  headerRow: { flexDirection: 'row', height: '40mm' },
  meta: { width: '80mm', paddingTop: '2mm', paddingRight: '6mm' },
  placeAndDate: { marginBottom: '3mm' },
  reference: { fontSize: 8.5, color: mutedColor },
  recipient: { width: '90mm', paddingTop: '2mm', fontSize: 10.5 },
  recipientName: { fontWeight: 'bold' },
  subject: { marginTop: '2mm', fontWeight: 'bold' },
  body: { marginTop: '4mm' },
  paragraph: { marginBottom: '2.5mm' },
  strong: { fontWeight: 'bold' },
  signature: { marginTop: '2mm', marginLeft: '100mm' },
  footer: {
    position: 'absolute',
    bottom: '9mm',
    left: '20mm',
    right: '20mm',
    fontSize: 7,
    color: mutedColor,
    textAlign: 'center',
    borderTop: `0.5pt solid ${mutedColor}`,
    paddingTop: '1.5mm',
  },
  foldMark: { position: 'absolute', left: '5mm', width: '4mm', borderTop: `0.5pt solid ${mutedColor}` },
});

/**
 * French typography: a no-break space inside « » and before : ; ! ?, so that a line never starts with
 * the punctuation. U+00A0 rather than the narrow U+202F, which some PDF fonts lack (see STACK-NOTES).
 */
export function frenchSpacing(text: string): string {
  return text.replace(/« /g, '«\u00a0').replace(/ ([»:;!?])/g, '\u00a0$1');
}

/** A paragraph whose plain-text parts get French spacing. */
export function Paragraph({ style, children }: { style?: PdfStyle; children: ReactNode }) {
  return (
    <Text style={style ?? letterStyles.paragraph}>
      {Children.map(children, (c) => (typeof c === 'string' ? frenchSpacing(c) : c))}
    </Text>
  );
}

/** « Nancy, le 1er décembre 2026 »: French letters write the first of the month as an ordinal. */
export function formatPlaceAndDate(city: string, day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  return `${city}, le ${date === 1 ? '1er' : date} ${monthName} ${year}`;
}

/** « www.cibtp-grandest.fr »: a URL as printed on paper. */
export function websiteHost(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

export type LetterPageProps = {
  sender: PdfSender;
  recipient: PdfRecipient;
  /** YYYY-MM-DD, printed with the sender's city. */
  day: string;
  references?: { label: string; value: string }[];
  subject: string;
  children: ReactNode;
  signature?: string;
};

export function LetterPage({ sender, recipient, day, references, subject, children, signature }: LetterPageProps) {
  return (
    <Page size="A4" style={letterStyles.page}>
      {/* Fold marks for a tri-fold into a DL envelope. */}
      <View fixed style={[letterStyles.foldMark, { top: '99mm' }]} />
      <View fixed style={[letterStyles.foldMark, { top: '198mm' }]} />
      <View style={letterStyles.sender}>
        <Text style={letterStyles.senderName}>{sender.name}</Text>
        <Text style={letterStyles.senderLine}>{sender.addressLine}</Text>
        <Text style={letterStyles.senderLine}>
          {sender.postcode} {sender.city}
        </Text>
        <Text style={letterStyles.senderLine}>
          Tél. {sender.phone} · {sender.email}
        </Text>
        <Text style={letterStyles.senderLine}>{websiteHost(sender.website)}</Text>
      </View>
      <View style={letterStyles.headerRow}>
        <View style={letterStyles.meta}>
          <Text style={letterStyles.placeAndDate}>{formatPlaceAndDate(sender.city, day)}</Text>
          {references?.map((r) => (
            <Text key={r.label} style={letterStyles.reference}>
              {r.label} : {r.value}
            </Text>
          ))}
        </View>
        <View style={letterStyles.recipient}>
          <Text style={letterStyles.recipientName}>{recipient.name}</Text>
          <Text>{recipient.addressLine}</Text>
          <Text>
            {recipient.postcode} {recipient.city.toUpperCase()}
          </Text>
        </View>
      </View>
      <Text style={letterStyles.subject}>{frenchSpacing(`Objet : ${subject}`)}</Text>
      <View style={letterStyles.body}>{children}</View>
      {signature ? <Text style={letterStyles.signature}>{signature}</Text> : null}
      <Text fixed style={letterStyles.footer}>
        {sender.legalName} · SIRET {formatSiret(sender.siret)} · {websiteHost(sender.website)}
      </Text>
    </Page>
  );
}

/** One letter = one document (the two letters of a company are posted in separate envelopes). */
export function LetterDocument({ title, author, children }: { title: string; author: string; children: ReactNode }) {
  return (
    <Document title={title} author={author} creator={author} producer={author} language="fr-FR">
      {children}
    </Document>
  );
}
