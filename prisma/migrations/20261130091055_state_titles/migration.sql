-- The state column of the duplicate check's index compares by equality inside GiST.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- DropIndex
DROP INDEX "Agreement_title_idx";

-- CreateTable
CREATE TABLE "StateTitle" (
    "agreementId" UUID NOT NULL,
    "countryCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "StateTitle_pkey" PRIMARY KEY ("agreementId","countryCode")
);

-- A record's title under each African state it names, or under "" when it names none.
CREATE FUNCTION coop_file_state_titles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "StateTitle" WHERE "agreementId" = NEW.id;
  INSERT INTO "StateTitle" ("agreementId", "countryCode", "title")
    SELECT DISTINCT NEW.id, code, NEW.title
    FROM unnest(CASE WHEN cardinality(NEW."africanCountryCodes") > 0 THEN NEW."africanCountryCodes" ELSE ARRAY[''] END) code;
  RETURN NULL;
END $$;

CREATE TRIGGER "Agreement_state_titles" AFTER INSERT ON "Agreement"
  FOR EACH ROW EXECUTE FUNCTION coop_file_state_titles();
CREATE TRIGGER "Agreement_state_titles_changed" AFTER UPDATE OF "title", "africanCountryCodes" ON "Agreement"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."africanCountryCodes" IS DISTINCT FROM NEW."africanCountryCodes")
  EXECUTE FUNCTION coop_file_state_titles();

INSERT INTO "StateTitle" ("agreementId", "countryCode", "title")
  SELECT DISTINCT a.id, code, a.title
  FROM "Agreement" a, unnest(CASE WHEN cardinality(a."africanCountryCodes") > 0 THEN a."africanCountryCodes" ELSE ARRAY[''] END) code;

-- CreateIndex
CREATE INDEX "StateTitle_countryCode_title_idx" ON "StateTitle" USING GIST ("countryCode", "title" gist_trgm_ops);

-- AddForeignKey
ALTER TABLE "StateTitle" ADD CONSTRAINT "StateTitle_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
