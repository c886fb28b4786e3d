import 'server-only';
import { getEnv } from '@/lib/env';
import { getSigningKeyRing, type SigningKeyRing } from './keys';

/** What issuing and verifying depend on; tests pass their own (key rotation, validity, URL). */
export type AttestationConfig = {
  keys: SigningKeyRing;
  validityMonths: number;
  /** Public URL of the site, without trailing slash: QR codes and the PDF's instructions point there. */
  appUrl: string;
};

export function getAttestationConfig(): AttestationConfig {
  const env = getEnv();
  return { keys: getSigningKeyRing(env), validityMonths: env.attestationValidityMonths, appUrl: env.appUrl };
}

/** The URL a QR code opens: the attestation's verification page, with the signature as `s`. */
export function buildVerificationUrl(appUrl: string, formattedCode: string, jws?: string): string {
  return `${appUrl}/verifier/${formattedCode}${jws ? `?s=${jws}` : ''}`;
}
