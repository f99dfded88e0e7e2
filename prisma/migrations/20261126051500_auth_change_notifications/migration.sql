-- Every app process keeps the API tokens and browser sessions it verified in the last minute
-- (lib/data/verified-cache.ts) and LISTENs on "ingat_auth" (lib/db/auth-changes.ts). These triggers tell it, from
-- whichever process or tool makes the change, when something a verified caller stands for changes, so that no
-- process goes on trusting a revoked token or session, a disabled or deleted account, or an old role, name, email,
-- language or time zone.
CREATE FUNCTION "ingat_auth_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ingat_auth', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_auth_changed" AFTER UPDATE ON "User" FOR EACH ROW
  WHEN (OLD."email" IS DISTINCT FROM NEW."email" OR OLD."displayName" IS DISTINCT FROM NEW."displayName"
     OR OLD."role" IS DISTINCT FROM NEW."role" OR OLD."locale" IS DISTINCT FROM NEW."locale"
     OR OLD."timeZone" IS DISTINCT FROM NEW."timeZone" OR OLD."disabledAt" IS DISTINCT FROM NEW."disabledAt"
     OR OLD."id" IS DISTINCT FROM NEW."id")
  EXECUTE FUNCTION "ingat_auth_changed"();
CREATE TRIGGER "User_auth_removed" AFTER DELETE OR TRUNCATE ON "User" FOR EACH STATEMENT
  EXECUTE FUNCTION "ingat_auth_changed"();

CREATE TRIGGER "ApiToken_auth_changed" AFTER UPDATE ON "ApiToken" FOR EACH ROW
  WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD."tokenHash" IS DISTINCT FROM NEW."tokenHash"
     OR OLD."userId" IS DISTINCT FROM NEW."userId")
  EXECUTE FUNCTION "ingat_auth_changed"();
CREATE TRIGGER "ApiToken_auth_removed" AFTER DELETE OR TRUNCATE ON "ApiToken" FOR EACH STATEMENT
  EXECUTE FUNCTION "ingat_auth_changed"();

CREATE TRIGGER "AuthSession_auth_changed" AFTER UPDATE ON "AuthSession" FOR EACH ROW
  WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD."userId" IS DISTINCT FROM NEW."userId")
  EXECUTE FUNCTION "ingat_auth_changed"();
CREATE TRIGGER "AuthSession_auth_removed" AFTER DELETE OR TRUNCATE ON "AuthSession" FOR EACH STATEMENT
  EXECUTE FUNCTION "ingat_auth_changed"();
