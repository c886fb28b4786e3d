// Password limits without the zxcvbn dictionaries, so that client forms can import them cheaply.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn score 3: "safely unguessable" (≥ 10^8 guesses), its authors' threshold for online attacks. */
export const MIN_PASSWORD_SCORE = 3;
