import { describe, expect, it } from 'vitest';
import { decideAccess, type AccessFacts, type Area, type Level } from '@/lib/access/rules';

const today = '2026-11-27';
const none: AccessFacts = { isUserActive: true, membership: null, delegations: [] };
const admin: AccessFacts = { ...none, membership: { role: 'admin', rights: {} } };
const collaborator: AccessFacts = { ...none, membership: { role: 'collaborator', rights: { declarations: 'write', leave: 'read' } } };
const firm = (status: AccessFacts['delegations'][number]['status'], endsOn: string | null = null): AccessFacts => ({
  ...none,
  delegations: [{ status, endsOn, areas: { declarations: 'write', attestations: 'read' } }],
});

describe('decideAccess', () => {
  it.each<[string, AccessFacts, Area, Level, boolean, string?]>([
    ['admin reads anything', admin, 'payments', 'read', true],
    ['admin manages the account', admin, 'account', 'write', true],
    ['collaborator writes declarations (saisie)', collaborator, 'declarations', 'write', true],
    ['collaborator reads leave (consultation)', collaborator, 'leave', 'read', true],
    ['collaborator cannot write leave with consultation only', collaborator, 'leave', 'write', false, 'no_right'],
    ['collaborator without payments right', collaborator, 'payments', 'read', false, 'no_right'],
    ['collaborator never manages users', collaborator, 'account', 'read', false, 'no_right'],
    ['stranger', none, 'attestations', 'read', false, 'not_related'],
    ['firm with active delegation writes declarations', firm('active'), 'declarations', 'write', true],
    ['firm reads attestations', firm('active'), 'attestations', 'read', true],
    ['firm cannot write attestations (read only)', firm('active'), 'attestations', 'write', false, 'delegation_area'],
    ['firm outside delegated areas', firm('active'), 'payments', 'read', false, 'delegation_area'],
    ['firm never manages the company account', firm('active'), 'account', 'read', false, 'delegation_area'],
    ['firm delegation ending today still counts', firm('active', today), 'declarations', 'read', true],
    ['firm delegation ended yesterday', firm('active', '2026-11-26'), 'declarations', 'read', false, 'delegation_inactive'],
    ['firm delegation revoked', firm('revoked'), 'declarations', 'read', false, 'delegation_inactive'],
    ['firm delegation not yet accepted', firm('pending_firm'), 'declarations', 'read', false, 'delegation_inactive'],
    ['firm request not yet accepted by the company', firm('pending_company'), 'declarations', 'read', false, 'delegation_inactive'],
    ['firm delegation declined', firm('declined'), 'declarations', 'read', false, 'delegation_inactive'],
    ['disabled user, even admin', { ...admin, isUserActive: false }, 'payments', 'read', false, 'inactive_user'],
  ])('%s', (_label, facts, area, action, allowed, reason) => {
    const d = decideAccess(facts, area, action, today);
    expect(d.allowed).toBe(allowed);
    if (reason) expect(d).toMatchObject({ reason });
  });

  it('an old revoked delegation does not hide a newer active one', () => {
    const facts: AccessFacts = {
      ...none,
      delegations: [
        { status: 'revoked', endsOn: null, areas: { leave: 'write' } },
        { status: 'active', endsOn: null, areas: { leave: 'write' } },
      ],
    };
    expect(decideAccess(facts, 'leave', 'write', today).allowed).toBe(true);
  });
});
