-- A deleted account (lib/data/account/deletion.ts). The User row stays, because the append-only review log and the
-- cards it rebuilds point to it (Card.userId is ON DELETE RESTRICT and ReviewLog rows can be neither updated nor
-- deleted); what goes is everything that says who the learner was. The row then stands for a pseudonymous learner
-- whose answers still count in item analysis and class statistics.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- The database, not only the code, holds what "deleted" means: no name, no usable email, no password hash, and the
-- account disabled (every session and token check refuses a disabled user). The email becomes "deleted:<id>", which
-- is unique, frees the address for a new account, and can never be typed into sign-in (it is not an email address).
ALTER TABLE "User" ADD CONSTRAINT "User_deleted_has_no_personal_data" CHECK (
  "deletedAt" IS NULL OR (
    "email" = 'deleted:' || "id"::text AND "displayName" = '' AND "passwordHash" = '' AND "disabledAt" IS NOT NULL
  )
);

-- Nothing personal is attached to a deleted account afterwards, not even by a request that raced the deletion (a
-- sign-in whose password check finished just after it). FOR SHARE waits for a deletion in progress (which holds the
-- row FOR UPDATE) and then reads the committed row, so the insert either lands before the deletion, which then
-- removes it, or is refused after it.
CREATE FUNCTION "ingat_refuse_deleted_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."userId" IS NOT NULL THEN
    PERFORM 1 FROM "User" WHERE "id" = NEW."userId" AND "deletedAt" IS NULL FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'account % is deleted: % refused', NEW."userId", TG_TABLE_NAME;
    END IF;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "AuthSession_not_for_deleted" BEFORE INSERT OR UPDATE OF "userId" ON "AuthSession"
  FOR EACH ROW EXECUTE FUNCTION "ingat_refuse_deleted_user"();
CREATE TRIGGER "ApiToken_not_for_deleted" BEFORE INSERT OR UPDATE OF "userId" ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION "ingat_refuse_deleted_user"();
CREATE TRIGGER "ReviewSettings_not_for_deleted" BEFORE INSERT OR UPDATE OF "userId" ON "ReviewSettings"
  FOR EACH ROW EXECUTE FUNCTION "ingat_refuse_deleted_user"();
CREATE TRIGGER "StudentExamDate_not_for_deleted" BEFORE INSERT OR UPDATE OF "userId" ON "StudentExamDate"
  FOR EACH ROW EXECUTE FUNCTION "ingat_refuse_deleted_user"();
CREATE TRIGGER "MockExam_not_for_deleted" BEFORE INSERT OR UPDATE OF "userId" ON "MockExam"
  FOR EACH ROW EXECUTE FUNCTION "ingat_refuse_deleted_user"();
CREATE TRIGGER "ClassInstructor_not_for_deleted" BEFORE INSERT OR UPDATE OF "userId" ON "ClassInstructor"
  FOR EACH ROW EXECUTE FUNCTION "ingat_refuse_deleted_user"();
CREATE TRIGGER "ParameterSet_not_for_deleted" BEFORE INSERT OR UPDATE OF "userId" ON "ParameterSet"
  FOR EACH ROW EXECUTE FUNCTION "ingat_refuse_deleted_user"();
