/** Shown on the page after a failed issue without JavaScript (`?erreur=1`), and by the button with it. */
export const ISSUE_FAILED_MESSAGE =
  'L’attestation n’a pas pu être préparée à cause d’un incident technique. Aucune attestation n’a été délivrée : réessayez dans quelques minutes.';
