// French wording of audit entries for « Historique de connexion » (pure; other areas add their actions here).

export const auditActionLabels: Record<string, string> = {
  sign_in: 'Connexion',
  sign_in_second_factor: 'Vérification en deux étapes',
  sign_out: 'Déconnexion',
  password_change: 'Changement du mot de passe',
  password_reset_request: 'Demande de nouveau mot de passe',
  password_reset: 'Nouveau mot de passe choisi par lien',
  email_change_request: 'Demande de changement d’adresse électronique',
  email_change: 'Changement d’adresse électronique',
  totp_enable: 'Activation de la double authentification',
  totp_disable: 'Désactivation de la double authentification',
  recovery_codes_regenerate: 'Nouveaux codes de secours',
  sessions_revoke_others: 'Déconnexion des autres sessions',
  user_disable: 'Désactivation du compte',
  worker_create: 'Ajout d’un salarié',
  worker_update: 'Modification d’un salarié',
  worker_exit: 'Sortie d’un salarié',
  workers_import: 'Import de salariés (CSV)',
  document_upload: 'Dépôt d’un document',
  document_delete: 'Suppression d’un document',
};

export const auditOutcomeLabels: Record<string, string> = {
  success: 'réussie',
  failure: 'échec',
  denied: 'refusée',
  throttled: 'bloquée : trop de tentatives',
  locked: 'verrouillée',
};

export function describeAuditAction(action: string): string {
  return auditActionLabels[action] ?? `Opération « ${action.replace(/_/g, ' ')} »`;
}
