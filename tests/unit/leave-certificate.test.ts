import { describe, expect, it } from 'vitest';
import { leaveCertificateFileName, renderLeaveCertificate, type LeaveCertificateData } from '@/lib/leave/certificate-pdf';
import { readPdfText } from '../support/pdf';

const data: LeaveCertificateData = {
  caisse: {
    name: 'CIBTP Grand Est',
    legalName: 'Caisse de congés payés du BTP du Grand Est',
    addressLine: '1 rue de l’Exemple',
    postcode: '67000',
    city: 'Strasbourg',
    phone: '03 00 00 00 00',
    email: 'contact@caisse.example.test',
    website: 'https://www.caisse.example.test',
    siret: '91234567500017',
  },
  company: { name: 'Rénovation Rhénane Démo SAS', siret: '92345678400019', addressLine: '12 quai des Bateliers', postcode: '67000', city: 'Strasbourg', membershipNumber: 'A-0067-123' },
  worker: { firstName: 'Jérôme', lastName: 'Lefèvre', number: 'M-017', hiredOn: '2019-03-04', leftOn: null },
  leaveYear: { start: '2026-05-01', end: '2027-04-30' },
  referencePeriod: { start: '2025-04-01', end: '2026-03-31' },
  hoursHundredths: 170_000,
  acquiredDays: 29,
  fractionnementDays: 2,
  takenDays: 18,
  paidDays: 12,
  remainingDays: 13,
  leaves: [
    { start: '2026-12-21', end: '2026-12-26', days: 4, kind: 'other', status: 'registered', indemnityCents: 46_897 },
    { start: '2026-07-20', end: '2026-08-01', days: 12, kind: 'main', status: 'paid', paymentOn: '2026-06-30', indemnityCents: 182_897, bonusCents: 42_207 },
  ],
  issuedOn: '2026-09-01',
};

describe('leave certificate PDF', () => {
  it('states the worker, the company, the period, the hours, the days and each leave with its indemnity', async () => {
    const pdf = await renderLeaveCertificate(data);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = (await readPdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Certificat de congés');
    expect(text).toContain('Année de congés du 1 mai 2026 au 30 avril 2027');
    expect(text).toContain('LEFÈVRE Jérôme');
    expect(text).toContain('M-017');
    expect(text).toContain('Rénovation Rhénane Démo SAS');
    expect(text).toContain('923 456 784 00019');
    expect(text).toContain('période de référence du 01/04/2025 au 31/03/2026');
    expect(text).toContain('1 700,00 h');
    expect(text).toContain('Jours acquis 29 jours');
    expect(text).toContain('Jours de fractionnement 2 jours');
    expect(text).toContain('Jours pris 18 jours');
    expect(text).toContain('Jours payés 12 jours');
    expect(text).toContain('Jours restants 13 jours');
    // Leaves in date order, with days, status and indemnity (the euro amounts keep their French spacing).
    expect(text).toMatch(/du 20\/07\/2026 au 01\/08\/2026 Congé principal 12 Payé \(30\/06\/2026\) 1 828,97 € dont prime 422,07 €.*du 21\/12\/2026 au 26\/12\/2026 Autre congé 4 Enregistré 468,97 €/);
    expect(text).toContain('Total 16 2 297,94 €');
    expect(text).toContain('arrondi au jour entier supérieur');
    expect(text).not.toMatch(/\d\/\d{3},\d\d/); // no narrow space drawn as « / » in amounts
    expect(text).toContain('www.caisse.example.test');
    expect(text).not.toContain('https://');
  });

  it('says so when no leave is registered', async () => {
    const text = (await readPdfText(await renderLeaveCertificate({ ...data, leaves: [], takenDays: 0, paidDays: 0, fractionnementDays: 0 }))).replace(/\s+/g, ' ');
    expect(text).toContain('Aucun congé enregistré pour cette année de congés.');
    expect(text).not.toContain('Jours de fractionnement');
  });

  it('has a plain file name', () => {
    expect(leaveCertificateFileName(data)).toBe('certificat-conges-lefevre-jerome-2026-2027.pdf');
  });
});
