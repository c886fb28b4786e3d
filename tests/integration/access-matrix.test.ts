import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { authorize, authorizeFirm } from '@/lib/access';
import { areas, delegableAreas, type Area, type AreaGrants, type Level } from '@/lib/access/rules';
import { validateSession } from '@/lib/auth/sessions';
import { engines, useTestDatabase } from '../support/db';
import { addMember, companyWithAdmin, createOrganisation, createUser, insertDelegation } from '../support/access-fixtures';

// THE access matrix, generated from the application itself:
// 1. every page, route handler and server action under app/espace is found on disk at test time and must
//    have a rule below — a new one without a rule fails this test;
// 2. the guard written in its source must be the rule's guard;
// 3. for every rule × actor, the decision taken on a real database is the one the rules table expects.

type Guard = { area: Area; level: Level } | { firm: 'member' | 'admin' } | 'session-only' | 'public';

const account = (level: Level): Guard => ({ area: 'account', level });

/** Route or action → who may use it. Keys: `page /espace/…`, `route GET /espace/…`, `action app/…/actions.ts#name`. */
const rules: Record<string, Guard> = {
  'page /espace': 'session-only',
  'page /espace/compte/droits': account('read'),
  'page /espace/compte/droits/inviter': account('write'),
  'page /espace/compte/droits/utilisateurs/[userId]': account('write'),
  'page /espace/compte/droits/deleguer': account('write'),
  'page /espace/historique': account('read'),
  'page /espace/clients': { firm: 'member' },
  'page /espace/clients/demander': { firm: 'admin' },
  'action app/espace/actions.ts#logoutAction': 'public',
  // « Mon compte »: a user's own account (any signed-in user, whatever their organisation's rights).
  'page /espace/attestations': { area: 'attestations', level: 'read' },
  // The handlers check the session, then lib/attestations/access → lib/access.authorize on the company
  // named in the request (covered by tests/integration/attestations.test.ts: others get 404).
  'route POST /espace/attestations/telecharger': 'session-only',
  'route GET /espace/attestations/[number]/pdf': 'session-only',
  // « Déclarations »: the months, a month's form and its actions, the receipt download.
  'page /espace/declarations': { area: 'declarations', level: 'read' },
  'page /espace/declarations/[periode]': { area: 'declarations', level: 'read' },
  'route GET /espace/declarations/accuse/[id]': { area: 'declarations', level: 'read' },
  'action app/espace/declarations/actions.ts#submitDeclarationAction': { area: 'declarations', level: 'write' },
  'action app/espace/declarations/actions.ts#importCsvAction': { area: 'declarations', level: 'write' },
  // « Paiements »: the relevé de compte, its PDF and the mandate's PDF are readings; confirming a payment and
  // registering a mandate are « saisie ». The mandate route also looks the mandate up within the acting company.
  'page /espace/paiements': { area: 'payments', level: 'read' },
  'route POST /espace/paiements/releve': { area: 'payments', level: 'read' },
  'route GET /espace/paiements/mandat/[id]': { area: 'payments', level: 'read' },
  'action app/espace/paiements/actions.ts#confirmPaymentAction': { area: 'payments', level: 'write' },
  'action app/espace/paiements/actions.ts#registerMandateAction': { area: 'payments', level: 'write' },
  'page /espace/conges': { area: 'leave', level: 'read' },
  'page /espace/conges/salaries/[id]': { area: 'leave', level: 'read' },
  'route GET /espace/conges/export.ics': { area: 'leave', level: 'read' },
  'route GET /espace/conges/export.csv': { area: 'leave', level: 'read' },
  'route POST /espace/conges/salaries/[id]/certificat': { area: 'leave', level: 'write' },
  'action app/espace/conges/actions.ts#registerLeaveAction': { area: 'leave', level: 'write' },
  'action app/espace/conges/actions.ts#updateLeaveAction': { area: 'leave', level: 'write' },
  'action app/espace/conges/actions.ts#cancelLeaveAction': { area: 'leave', level: 'write' },
  'page /espace/compte': 'session-only',
  // « Mes documents »: the page and the delete action by the area's guard; the upload and download
  // handlers check the session, then lib/documents → lib/access.authorize on the document's (or the
  // named) company (tests/integration/documents.test.ts: other companies, collaborators without the
  // right and firms without delegation get 404).
  'page /espace/documents': { area: 'documents', level: 'read' },
  'action app/espace/documents/actions.ts#deleteDocumentAction': { area: 'documents', level: 'write' },
  'route POST /espace/documents/deposer': 'session-only',
  'route GET /espace/documents/[id]/fichier': 'session-only',
  'page /espace/compte/double-authentification': 'session-only',
  'action app/espace/compte/actions.ts#changePasswordAction': 'session-only',
  'action app/espace/compte/actions.ts#requestEmailChangeAction': 'session-only',
  'action app/espace/compte/actions.ts#revokeOtherSessionsAction': 'session-only',
  'action app/espace/compte/actions.ts#disableTotpAction': 'session-only',
  'action app/espace/compte/actions.ts#regenerateRecoveryCodesAction': 'session-only',
  'action app/espace/compte/actions.ts#confirmTotpEnrolmentAction': 'session-only',
  'action app/espace/compte/droits/actions.ts#inviteMemberAction': account('write'),
  'action app/espace/compte/droits/actions.ts#cancelInvitationAction': account('write'),
  'action app/espace/compte/droits/actions.ts#updateMemberAction': account('write'),
  'action app/espace/compte/droits/actions.ts#removeMemberAction': account('write'),
  'action app/espace/compte/droits/actions.ts#offerDelegationAction': account('write'),
  'action app/espace/compte/droits/actions.ts#inviteFirmAction': account('write'),
  'action app/espace/compte/droits/actions.ts#acceptRequestAction': account('write'),
  'action app/espace/compte/droits/actions.ts#declineRequestAction': account('write'),
  'action app/espace/compte/droits/actions.ts#revokeDelegationAction': account('write'),
  'action app/espace/clients/actions.ts#actForClientAction': { firm: 'member' },
  'action app/espace/clients/actions.ts#stopActingAction': 'session-only',
  'action app/espace/clients/actions.ts#acceptOfferAction': { firm: 'admin' },
  'action app/espace/clients/actions.ts#declineOfferAction': { firm: 'admin' },
  'action app/espace/clients/actions.ts#requestDelegationAction': { firm: 'admin' },
  'action app/espace/clients/actions.ts#withdrawDelegationAction': { firm: 'admin' },
  // « Salariés » belong to the declarations area: reading the list is consultation, every change is saisie.
  'page /espace/salaries': { area: 'declarations', level: 'read' },
  'page /espace/salaries/nouveau': { area: 'declarations', level: 'write' },
  'page /espace/salaries/[workerId]': { area: 'declarations', level: 'write' },
  'page /espace/salaries/importer': { area: 'declarations', level: 'write' },
  // The blank model file: any signed-in user (it holds nobody's data).
  'route GET /espace/salaries/importer/modele': 'session-only',
  'action app/espace/salaries/actions.ts#addWorkerAction': { area: 'declarations', level: 'write' },
  'action app/espace/salaries/actions.ts#updateWorkerAction': { area: 'declarations', level: 'write' },
  'action app/espace/salaries/actions.ts#recordExitAction': { area: 'declarations', level: 'write' },
  'action app/espace/salaries/actions.ts#importWorkersAction': { area: 'declarations', level: 'write' },
};

// ── 1. discovery ────────────────────────────────────────────────────────────────────────────────────
const root = path.resolve(__dirname, '../..');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function routeOf(file: string): string {
  const rel = path.relative(path.join(root, 'app'), path.dirname(file)).split(path.sep);
  // route groups « (name) » and private folders do not appear in URLs
  return '/' + rel.filter((s) => !/^\(.*\)$/.test(s)).join('/');
}

type Entry = { key: string; file: string; source: string; name?: string };

function discover(): Entry[] {
  const files = walk(path.join(root, 'app/espace')).filter((f) => /\.(ts|tsx)$/.test(f));
  const out: Entry[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    const base = path.basename(file);
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (base === 'page.tsx') out.push({ key: `page ${routeOf(file)}`, file: rel, source });
    else if (base === 'route.ts')
      for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g))
        out.push({ key: `route ${m[1]} ${routeOf(file)}`, file: rel, source, name: m[1] });
    else if (/^\s*['"]use server['"]/.test(source))
      for (const m of source.matchAll(/export\s+(?:async\s+function|const|function)\s+(\w+)/g)) out.push({ key: `action ${rel}#${m[1]}`, file: rel, source, name: m[1] });
  }
  return out;
}

/** The guard actually written in the source (for actions: the wrapper's literal guard). */
function guardInSource(entry: Entry): Guard | 'none' | 'mixed' {
  if (entry.key.startsWith('action ')) {
    const re = new RegExp(`export\\s+const\\s+${entry.name}\\s*=\\s*(areaAction|firmAction|sessionAction|authedAction)(?:<[^(]*>)?\\(\\s*(\\{[^}]*\\})?`);
    const m = re.exec(entry.source);
    if (!m) {
      const fn = new RegExp(`export\\s+async\\s+function\\s+${entry.name}\\b[\\s\\S]*?\\n\\}`).exec(entry.source)?.[0] ?? '';
      return /requireSession\(/.test(fn) ? 'session-only' : 'public';
    }
    // authedAction (lib/auth/authed-action) is the account's own session-checked wrapper.
    if (m[1] === 'sessionAction' || m[1] === 'authedAction') return 'session-only';
    const literal = m[2] ?? '';
    if (m[1] === 'firmAction') return { firm: /role:\s*'admin'/.test(literal) ? 'admin' : 'member' };
    const area = /area:\s*'(\w+)'/.exec(literal)?.[1] as Area;
    const level = /level:\s*'(\w+)'/.exec(literal)?.[1] as Level;
    return { area, level };
  }
  const areaCalls = [...entry.source.matchAll(/requireArea\(\s*'(\w+)'\s*,\s*'(\w+)'\s*\)/g)].map((m) => `${m[1]}/${m[2]}`);
  const firmCalls = [...entry.source.matchAll(/requireFirm\(\s*(\{[^}]*\})?\s*\)/g)].map((m) => (/role:\s*'admin'/.test(m[1] ?? '') ? 'admin' : 'member'));
  if (new Set(areaCalls).size + new Set(firmCalls).size > 1) return 'mixed';
  if (areaCalls[0]) {
    const [area, level] = areaCalls[0].split('/') as [Area, Level];
    return { area, level };
  }
  if (firmCalls[0]) return { firm: firmCalls[0] as 'admin' | 'member' };
  if (/requireSession\(|getActingContext\(|getCurrentSession\(/.test(entry.source)) return 'session-only';
  return 'none';
}

describe('every page, route handler and server action of the space has an access rule', () => {
  const found = discover();

  it('finds the app’s routes on disk (sanity)', () => {
    expect(found.length).toBeGreaterThanOrEqual(Object.keys(rules).length);
  });

  it.each(found.map((e) => [e.key, e] as const))('%s has a rule, and its source applies that guard', (key, entry) => {
    const rule = rules[key];
    expect(rule, `${key} (${entry.file}) has no access rule: add it to the rules table of this test`).toBeDefined();
    expect(guardInSource(entry), `${entry.file}: the guard in the source differs from the rule`).toEqual(rule);
  });

  it('no rule is left for a route or action that no longer exists', () => {
    const keys = new Set(found.map((e) => e.key));
    expect(Object.keys(rules).filter((k) => !keys.has(k))).toEqual([]);
  });
});

// ── 3. decisions on a real database ─────────────────────────────────────────────────────────────────
type Actor =
  | { kind: 'anonymous' }
  | { kind: 'company-admin'; userId: string }
  | { kind: 'collaborator'; userId: string; rights: AreaGrants; label: string }
  | { kind: 'firm-active'; userId: string; areas: AreaGrants; label: string; firmRole: 'admin' | 'collaborator' }
  | { kind: 'firm-inactive'; userId: string; label: string; firmRole: 'admin' | 'collaborator' }
  | { kind: 'other-company-admin'; userId: string };

const levels: Level[] = ['read', 'write'];
const covers = (granted: Level | undefined, wanted: Level) => granted === 'write' || (granted === 'read' && wanted === 'read');

/** The rules, restated independently of lib/access: this is the specification the code must meet. */
function expectedArea(actor: Actor, area: Area, level: Level): boolean {
  switch (actor.kind) {
    case 'company-admin':
      return true;
    case 'collaborator':
      return area !== 'account' && covers(actor.rights[area], level);
    case 'firm-active':
      return area !== 'account' && covers(actor.areas[area], level);
    default:
      return false;
  }
}
function expectedFirm(actor: Actor, role: 'member' | 'admin'): boolean {
  if (actor.kind === 'firm-active' || actor.kind === 'firm-inactive') return role === 'member' || actor.firmRole === 'admin';
  return false;
}

function label(a: Actor): string {
  return 'label' in a ? a.label : a.kind;
}

describe.each(engines)('access matrix on a real database (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const actors: Actor[] = [{ kind: 'anonymous' }];
  let companyId = '';
  const now = new Date('2026-11-27T10:00:00Z');

  beforeAll(async () => {
    const { company, admin } = await companyWithAdmin(db());
    companyId = company.id;
    actors.push({ kind: 'company-admin', userId: admin.id });
    const collaborator = async (rights: AreaGrants, l: string) => {
      const u = await createUser(db());
      await addMember(db(), company.id, u.id, 'collaborator', rights);
      actors.push({ kind: 'collaborator', userId: u.id, rights, label: l });
    };
    const firm = async (status: 'active' | 'revoked' | 'pending_firm' | 'pending_company' | 'declined', areasGranted: AreaGrants, l: string, endsOn: string | null = null, firmRole: 'admin' | 'collaborator' = 'admin') => {
      const f = await createOrganisation(db(), 'accounting_firm');
      const u = await createUser(db());
      await addMember(db(), f.id, u.id, firmRole);
      await insertDelegation(db(), { companyId: company.id, firmId: f.id, areas: areasGranted, status, endsOn });
      const live = status === 'active' && (endsOn === null || endsOn >= '2026-11-27');
      actors.push(live ? { kind: 'firm-active', userId: u.id, areas: areasGranted, label: l, firmRole } : { kind: 'firm-inactive', userId: u.id, label: l, firmRole });
    };
    const allDelegable = Object.fromEntries(delegableAreas.map((a) => [a, 'write'])) as AreaGrants;
    for (const area of areas) {
      for (const level of levels) {
        await collaborator({ [area]: level }, `collaborator with ${area}:${level}`);
        await firm('active', { [area]: level }, `firm with active delegation ${area}:${level}`);
      }
      const others = Object.fromEntries(delegableAreas.filter((a) => a !== area).map((a) => [a, 'write'])) as AreaGrants;
      await collaborator(others, `collaborator without ${area}`);
      await firm('active', others, `firm whose delegation does not cover ${area}`);
    }
    await firm('active', allDelegable, 'firm collaborator with active delegation (all areas)', null, 'collaborator');
    await firm('active', allDelegable, 'firm with expired delegation', '2026-11-26');
    await firm('revoked', allDelegable, 'firm with revoked delegation');
    await firm('pending_firm', allDelegable, 'firm with delegation not yet accepted by the firm');
    await firm('pending_company', allDelegable, 'firm whose request the company has not accepted');
    await firm('declined', allDelegable, 'firm with declined delegation');
    const other = await companyWithAdmin(db());
    actors.push({ kind: 'other-company-admin', userId: other.admin.id });
  });

  async function decideArea(actor: Actor, area: Area, level: Level): Promise<boolean> {
    if (actor.kind === 'anonymous') return (await validateSession(db(), undefined, { idleMinutes: 30, maxHours: 12 })) !== null;
    return (await authorize(db(), { userId: actor.userId, companyId, area, action: level, now })).allowed;
  }
  async function decideFirm(actor: Actor, role: 'member' | 'admin'): Promise<boolean> {
    if (actor.kind === 'anonymous') return false;
    return (await authorizeFirm(db(), { userId: actor.userId, role })).allowed;
  }

  const areaPairs = areas.flatMap((area) => levels.map((level) => [area, level] as const));
  it.each(areaPairs)('area %s / %s: every actor gets exactly what the rules say', async (area, level) => {
    const routes = Object.entries(rules)
      .filter(([, g]) => typeof g === 'object' && 'area' in g && g.area === area && g.level === level)
      .map(([k]) => k);
    const mismatches: string[] = [];
    for (const actor of actors) {
      const actual = await decideArea(actor, area, level);
      const expected = expectedArea(actor, area, level);
      if (actual !== expected) mismatches.push(`${label(actor)}: expected ${expected ? 'allowed' : '404'}, got ${actual ? 'allowed' : '404'}`);
    }
    expect(mismatches, `for ${routes.join(', ') || '(no route yet)'}`).toEqual([]);
  });

  it.each(['member', 'admin'] as const)('firm pages and actions (%s): only the firm’s people, administrators to commit it', async (role) => {
    const mismatches: string[] = [];
    for (const actor of actors) {
      const actual = await decideFirm(actor, role);
      const expected = expectedFirm(actor, role);
      if (actual !== expected) mismatches.push(`${label(actor)}: expected ${expected}, got ${actual}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('session-only pages: an anonymous visitor has no session (→ login page)', async () => {
    expect(await validateSession(db(), undefined, { idleMinutes: 30, maxHours: 12 })).toBeNull();
    expect(await validateSession(db(), 'not-a-session-id', { idleMinutes: 30, maxHours: 12 })).toBeNull();
  });

  it('the matrix covered every kind of actor the issue lists', () => {
    const labels = actors.map(label);
    for (const needle of ['anonymous', 'company-admin', 'collaborator with', 'collaborator without', 'firm with active delegation', 'does not cover', 'expired', 'revoked', 'not yet accepted', 'has not accepted', 'other-company-admin'])
      expect(labels.some((l) => l.includes(needle)), needle).toBe(true);
  });
});
