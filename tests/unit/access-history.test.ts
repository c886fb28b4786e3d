import { describe, expect, it } from 'vitest';
import { describeAuditAction, describeAuditActor } from '@/lib/access/history';

const base = {
  subjectOrganisationId: 'c1',
  actorOrganisationId: 'c1',
  actorOrganisationName: 'Rénovation Rhénane Démo SAS',
  actorOrganisationKind: 'company' as const,
  actorCivility: null,
  actorFirstName: 'Lucas',
  actorLastName: 'Weber',
  actorEmail: 'gerant@renovation-rhenane.test',
};

describe('history wording', () => {
  it('a firm acting for the company reads « par Cabinet X (Mme Y) »', () => {
    expect(
      describeAuditActor({ ...base, actorOrganisationId: 'f1', actorOrganisationName: 'Cabinet Comptable Lorrain Démo', actorOrganisationKind: 'accounting_firm', actorCivility: 'Mme', actorFirstName: 'Claire', actorLastName: 'Martin' }),
    ).toBe('par Cabinet Comptable Lorrain Démo (Mme Claire Martin)');
  });
  it('the company’s own people are named without their company', () => {
    expect(describeAuditActor(base)).toBe('par Lucas Weber');
    expect(describeAuditActor({ ...base, actorFirstName: '', actorLastName: '' })).toBe('par gerant@renovation-rhenane.test');
    expect(describeAuditActor({ ...base, actorOrganisationId: null, actorOrganisationName: null, actorOrganisationKind: null, actorFirstName: null, actorLastName: null, actorEmail: null })).toBe('par la caisse');
  });
  it('actions read as sentences; refusals name the area and level', () => {
    expect(describeAuditAction('delegation.revoke', 'success', { firmName: 'Cabinet X', previousStatus: 'active' })).toBe('Délégation au cabinet Cabinet X révoquée');
    expect(describeAuditAction('delegation.revoke', 'success', { firmName: 'Cabinet X', previousStatus: 'pending_firm' })).toBe('Délégation au cabinet Cabinet X annulée avant d’avoir pris effet');
    expect(describeAuditAction('access.payments.write', 'denied', {})).toBe('Accès refusé : Paiements (saisie)');
    expect(describeAuditAction('access.act_for', 'denied', {})).toBe('Ouverture de l’espace refusée : aucune délégation en cours');
    expect(describeAuditAction('something.new', 'success', {})).toBe('something.new');
  });
});
