/** `<agency id>-<YYMMDD>-<NNNN>`, e.g. `000.00.15.H26-250714-0042`: the contract's `DossierCode`. */
export const DOSSIER_CODE_PATTERN = /^[0-9A-Z.]{3,40}-[0-9]{6}-[0-9]{4}$/;
