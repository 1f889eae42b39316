-- Deleted records leave "StateTitle" (they are never duplicates, and would take the nearest
-- places of live ones); a restored record comes back.
CREATE OR REPLACE FUNCTION coop_file_state_titles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "StateTitle" WHERE "agreementId" = NEW.id;
  IF NEW."deletedAt" IS NULL THEN
    INSERT INTO "StateTitle" ("agreementId", "countryCode", "title")
      SELECT DISTINCT NEW.id, code, NEW.title
      FROM unnest(CASE WHEN cardinality(NEW."africanCountryCodes") > 0 THEN NEW."africanCountryCodes" ELSE ARRAY[''] END) code;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "Agreement_state_titles_changed" ON "Agreement";
CREATE TRIGGER "Agreement_state_titles_changed" AFTER UPDATE OF "title", "africanCountryCodes", "deletedAt" ON "Agreement"
  FOR EACH ROW WHEN (
    OLD."title" IS DISTINCT FROM NEW."title" OR OLD."africanCountryCodes" IS DISTINCT FROM NEW."africanCountryCodes"
    OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt"
  )
  EXECUTE FUNCTION coop_file_state_titles();

DELETE FROM "StateTitle" t USING "Agreement" a WHERE a.id = t."agreementId" AND a."deletedAt" IS NOT NULL;
