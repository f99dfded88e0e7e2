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
