/** The id of the identity number field. */
export const APPLICANT_ID_FIELD = 'applicant-id';
/** The id of the hidden bot trap. */
export const HONEYPOT_FIELD = 'website';
