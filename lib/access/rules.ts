// The authorization rule, pure: given what the database says about an actor and a company, may the
// actor do this action in this area today? Every page, action and handler goes through lib/access,
// which feeds this function; nothing else decides access.

export const areas = ['declarations', 'payments', 'leave', 'attestations', 'documents', 'account'] as const;
export type Area = (typeof areas)[number];
export type Level = 'read' | 'write';
export type AreaGrants = Partial<Record<Area, Level>>;

export const areaLabels: Record<Area, string> = {
  declarations: 'Déclarations',
  payments: 'Paiements',
  leave: 'Congés',
  attestations: 'Attestations',
  documents: 'Documents',
  account: 'Compte et droits d’accès',
};

/** Areas a collaborator's rights and a firm's delegation can cover (account & rights stay with administrators). */
export const delegableAreas = ['declarations', 'payments', 'leave', 'attestations', 'documents'] as const satisfies readonly Area[];
export type DelegableArea = (typeof delegableAreas)[number];

export const levelLabels: Record<Level | 'none', string> = { none: 'Aucun', read: 'Consultation', write: 'Saisie' };

export type Membership = { role: 'admin' | 'collaborator'; rights: AreaGrants };

export type DelegationFacts = {
  status: 'pending_firm' | 'pending_company' | 'active' | 'declined' | 'revoked';
  areas: AreaGrants;
  /** Inclusive last day (YYYY-MM-DD) or null. */
  endsOn: string | null;
};

export type AccessFacts = {
  /** The actor's membership in the company itself, if any. */
  membership: Membership | null;
  /** Delegations from the company to firms the actor belongs to. */
  delegations: DelegationFacts[];
  /** The accounting firm through which the actor is related to the company (for the audit), if any. */
  actorFirmId?: string | null;
  /** Is the actor's account active (sessions are checked elsewhere; this is belt and braces). */
  isUserActive: boolean;
};

export type Decision =
  | { allowed: true; via: 'admin' | 'member' | 'delegation' }
  | { allowed: false; reason: 'not_related' | 'no_right' | 'delegation_inactive' | 'delegation_area' | 'inactive_user' };

function levelAllows(granted: Level | undefined, wanted: Level): boolean {
  if (!granted) return false;
  return wanted === 'read' ? true : granted === 'write';
}

/** Delegations count from acceptance to the end of their end date; a firm never manages the company's users. */
export function decideAccess(facts: AccessFacts, area: Area, action: Level, today: string): Decision {
  if (!facts.isUserActive) return { allowed: false, reason: 'inactive_user' };
  if (facts.membership) {
    if (facts.membership.role === 'admin') return { allowed: true, via: 'admin' };
    if (area === 'account') return { allowed: false, reason: 'no_right' };
    return levelAllows(facts.membership.rights[area], action) ? { allowed: true, via: 'member' } : { allowed: false, reason: 'no_right' };
  }
  if (!facts.delegations.length) return { allowed: false, reason: 'not_related' };
  const live = facts.delegations.filter((d) => d.status === 'active' && (d.endsOn === null || d.endsOn >= today));
  if (!live.length) return { allowed: false, reason: 'delegation_inactive' };
  if (area === 'account') return { allowed: false, reason: 'delegation_area' };
  return live.some((d) => levelAllows(d.areas[area], action))
    ? { allowed: true, via: 'delegation' }
    : { allowed: false, reason: 'delegation_area' };
}

/** What the actor may do in each area (null = nothing): the same rule, asked once per area, for menus and dashboards. */
export function grantedLevels(facts: AccessFacts, today: string): Record<Area, Level | null> {
  return Object.fromEntries(
    areas.map((area) => [area, decideAccess(facts, area, 'write', today).allowed ? 'write' : decideAccess(facts, area, 'read', today).allowed ? 'read' : null]),
  ) as Record<Area, Level | null>;
}

/** « Déclarations : saisie », « Attestations : consultation » … in the areas' order. */
export function describeGrants(grants: AreaGrants): string[] {
  return areas.filter((a) => grants[a]).map((a) => `${areaLabels[a]} : ${levelLabels[grants[a]!].toLowerCase()}`);
}
