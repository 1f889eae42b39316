-- A counter that moves whenever data the public sees may have changed, announced on
-- the channel "coop_public_data" at commit: app instances drop their cached public
-- responses when they hear it.
CREATE SEQUENCE "coop_public_data_version";

CREATE FUNCTION coop_bump_public_data_version() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN PERFORM pg_notify('coop_public_data', nextval('coop_public_data_version')::text); RETURN NULL; END $$;

CREATE TRIGGER "Agreement_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Agreement" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "AgreementParty_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AgreementParty" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "AgreementSector_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AgreementSector" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "Source_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Source" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "Commitment_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Commitment" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "StatusEvent_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StatusEvent" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "Translation_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Translation" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "Organization_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organization" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "ConsortiumMembership_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ConsortiumMembership" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "Country_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Country" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "Sector_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Sector" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
