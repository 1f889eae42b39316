-- agreement.list sort=signed orders unknown signing dates last; an index in that
-- order serves it without a sort. Prisma's schema cannot state NULLS LAST, so the
-- index keeps its declared name and columns and changes only here.
DROP INDEX "Agreement_state_signedOn_id_idx";
CREATE INDEX "Agreement_state_signedOn_id_idx" ON "Agreement"("state", "signedOn" DESC NULLS LAST, "id" DESC);
