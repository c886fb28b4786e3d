import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Espace sécurisé — CIBTP Grand Est', template: '%s — CIBTP Grand Est' },
  description:
    'Déclarations, paiements et planification des congés, attestations de mise à jour authentifiables, dossier en ligne sécurisé.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b4f9c' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-white font-sans antialiased">{children}</body>
    </html>
  );
}
