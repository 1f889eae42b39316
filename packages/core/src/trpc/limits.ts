// Imported by browser code (the dashboard's batch link): no server imports here.

/** The most calls one request may batch. */
export const MAX_BATCH_SIZE = 10;
/** The most one request may cost (each call costs its procedure's `meta.cost`, 1 unless set). */
export const MAX_REQUEST_COST = 20;
