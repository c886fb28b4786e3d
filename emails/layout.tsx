import type { ReactNode } from 'react';
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';

export type CaisseIdentity = { name: string; addressLine: string; postcode: string; city: string; phone: string; website: string };

export const previewCaisse: CaisseIdentity = {
  name: 'CIBTP Grand Est',
  addressLine: '12 rue des Artisans',
  postcode: '54000',
  city: 'Nancy',
  phone: '03 83 00 00 00',
  website: 'https://www.cibtp-grandest.fr',
};

/** Links in emails: the brand blue, underlined (the default blue fails contrast on white). */
export const linkStyle = { color: '#0b4f9c', textDecoration: 'underline', fontWeight: 700 } as const;

/** Shared frame of every email: the caisse identity on top, its contact details below. */
export function EmailLayout({ caisse, preview, children }: { caisse: CaisseIdentity; preview: string; children: ReactNode }) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f4f6fa', fontFamily: 'Arial, Helvetica, sans-serif', color: '#1b2537' }}>
        <Container style={{ maxWidth: 600, margin: '0 auto', backgroundColor: '#ffffff', padding: 24 }}>
          <Section style={{ borderBottom: '4px solid #0b4f9c', paddingBottom: 12, marginBottom: 16 }}>
            <Text style={{ fontSize: 20, fontWeight: 700, color: '#0b4f9c', margin: 0 }}>{caisse.name}</Text>
            <Text style={{ fontSize: 13, margin: 0 }}>Espace sécurisé</Text>
          </Section>
          {children}
          <Hr />
          <Text style={{ fontSize: 12, color: '#4a5568' }}>
            {caisse.name} · {caisse.addressLine}, {caisse.postcode} {caisse.city} · {caisse.phone} · {caisse.website}
            <br />
            Ce message vous est envoyé automatiquement ; merci de ne pas y répondre.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
