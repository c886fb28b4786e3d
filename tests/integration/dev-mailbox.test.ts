import { createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox } from '@/db/schema';
import TestEmail from '@/emails/test-email';
import { getMailboxMessage, isDevMailboxEnabled, listMailboxMessages, sendTestEmail } from '@/lib/mail/mailbox';
import { enqueueMail, getMailCaisse } from '@/lib/mail/outbox';
import { engines, useTestDatabase } from '../support/db';

describe.each(engines)('dev mailbox (%s)', (engine) => {
  const db = useTestDatabase(engine);

  beforeEach(async () => {
    await db().delete(mailOutbox);
  });

  it('lists every message newest first, also those written by one transaction, and filters by recipient', async () => {
    await sendTestEmail(db(), 'premier@example.test');
    await sendTestEmail(db(), 'deuxieme@example.test');
    await db().transaction(async (tx) => {
      const caisse = await getMailCaisse(tx);
      await enqueueMail(tx, { template: 'a', to: 'gerant@example.test', subject: 'Troisième', element: createElement(TestEmail, { caisse }) });
      await enqueueMail(tx, { template: 'b', to: 'Gerant@Example.test', subject: 'Quatrième', element: createElement(TestEmail, { caisse }) });
    });

    const all = await listMailboxMessages(db());
    expect(all.map((m) => m.subject)).toEqual(['Quatrième', 'Troisième', 'Message de test de l’Espace sécurisé', 'Message de test de l’Espace sécurisé']);
    expect(all.slice(2).map((m) => m.toAddress)).toEqual(['deuxieme@example.test', 'premier@example.test']);
    expect(all.every((m) => m.status === 'pending')).toBe(true);

    const forManager = await listMailboxMessages(db(), { to: ' GERANT@example.test ' });
    expect(forManager.map((m) => m.subject)).toEqual(['Quatrième', 'Troisième']);
    expect(await listMailboxMessages(db(), { to: 'personne@example.test' })).toEqual([]);
    expect(await listMailboxMessages(db(), { limit: 1 })).toHaveLength(1);
  });

  it('reads one message with its rendered HTML carrying the caisse identity and a clickable link', async () => {
    const id = await sendTestEmail(db(), 'lecture@example.test');
    const message = await getMailboxMessage(db(), id);
    expect(message).toMatchObject({ id, toAddress: 'lecture@example.test', template: 'test-email' });
    expect(message!.html).toContain('CIBTP Grand Est');
    expect(message!.html).toMatch(/<a [^>]*href="http:\/\/localhost:\d+\/connexion"/);
    expect(message!.text).toContain('Se connecter à l’Espace sécurisé');
    expect(await getMailboxMessage(db(), '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await getMailboxMessage(db(), 'not-a-uuid')).toBeNull();
  });

  it('is enabled outside production (the test run is APP_ENV=test)', () => {
    expect(isDevMailboxEnabled()).toBe(true);
  });
});
