import { areaLabels, areas, levelLabels, type Area, type Level } from './rules';

// Wording of « Historique » (pure): one French sentence per audit action, and who did it — « par
// Cabinet X (Mme Y) » when a firm acted for the company.

type Details = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function describeAuditAction(action: string, outcome: string, details: Details): string {
  switch (action) {
    case 'members.invite':
      return `Invitation envoyée à ${str(details.email)}`;
    case 'members.invitation_cancel':
      return `Invitation de ${str(details.email)} annulée`;
    case 'members.invitation_accept':
      return `Invitation acceptée par ${str(details.email)}`;
    case 'members.update':
      return 'Rôle ou droits d’un utilisateur modifiés';
    case 'members.remove':
      return `Accès retiré à ${str(details.email)}`;
    case 'delegation.offer':
      return `Délégation proposée au cabinet ${str(details.firmName)}`;
    case 'delegation.firm_invite':
      return 'Cabinet comptable invité à créer son Espace sécurisé';
    case 'delegation.request':
      return `Délégation demandée par le cabinet ${str(details.firmName)}`;
    case 'delegation.accept':
      return `Délégation au cabinet ${str(details.firmName)} acceptée`;
    case 'delegation.decline':
      return `Délégation au cabinet ${str(details.firmName)} refusée`;
    case 'delegation.revoke':
      return details.previousStatus === 'active'
        ? `Délégation au cabinet ${str(details.firmName)} révoquée`
        : `Délégation au cabinet ${str(details.firmName)} annulée avant d’avoir pris effet`;
    case 'delegation.act_for':
      return 'Ouverture de l’espace de l’entreprise par le cabinet';
    case 'access.act_for':
      return 'Ouverture de l’espace refusée : aucune délégation en cours';
  }
  const denied = /^access\.(\w+)\.(read|write)$/.exec(action);
  if (denied && (areas as readonly string[]).includes(denied[1]!)) {
    const label = `${areaLabels[denied[1] as Area]} (${levelLabels[denied[2] as Level].toLowerCase()})`;
    return outcome === 'denied' ? `Accès refusé : ${label}` : `Accès : ${label}`;
  }
  return action;
}

export type HistoryActor = {
  subjectOrganisationId: string;
  actorOrganisationId: string | null;
  actorOrganisationName: string | null;
  actorOrganisationKind: 'company' | 'accounting_firm' | null;
  actorCivility: string | null;
  actorFirstName: string | null;
  actorLastName: string | null;
  actorEmail: string | null;
};

export function describeAuditActor(e: HistoryActor): string {
  const person = [e.actorCivility, e.actorFirstName, e.actorLastName].filter(Boolean).join(' ').trim() || e.actorEmail || '';
  if (e.actorOrganisationKind === 'accounting_firm' && e.actorOrganisationId !== e.subjectOrganisationId && e.actorOrganisationName)
    return person ? `par ${e.actorOrganisationName} (${person})` : `par ${e.actorOrganisationName}`;
  return person ? `par ${person}` : 'par la caisse';
}
