/** English: Errors worded from their code and parameters (main sends codes, not sentences). (part of the catalog in ./index.ts). */
export const errors = {};
