import type { ServerMigration } from './index.ts';

/**
 * Replies drafted in cases, kept by the server so a draft made at the clerk's desk can be accepted
 * at the head's (issues 4 and 7). The server holds each reply's current state and checks every
 * step against it (server/sync/commands/replies.ts).
 *
 * - `template` is the whole template version the reply was drafted from (templates live on each
 *   workstation): another desk inserts it if it lacks it, so the reply prints the same there.
 * - `updated_at` is the reply's version token: the workstation time of the command that last
 *   changed it, as the drafting desk wrote it. An edit names the token it started from and a
 *   decision the token the approver saw; a different one is a conflict, never overwritten. It is
 *   opaque here (client time is informational); `changed_at` is the server's own time.
 * - `chain` is the akceptacja chain the submitting desk computed, kept as it was; `step` is where
 *   the reply waits, 1-based, exactly while submitted.
 * - `events` are the metryka entries of the reply, each with the id its desk gave it, so a desk
 *   adds those it lacks and never one twice.
 * - Accepted is final: `final_sha256` names the czystopis (the PDF is in the accepting desk's
 *   store, carried by the blob transfer) and the row never changes again.
 */
export const replies: ServerMigration = {
  version: 13,
  name: 'replies',
  sql: `
    CREATE TABLE replies (
      id               uuid PRIMARY KEY,
      case_id          uuid NOT NULL REFERENCES cases (id),
      template_id      text NOT NULL,
      template_version integer NOT NULL CHECK (template_version >= 1),
      template         jsonb NOT NULL,
      addressee        text NOT NULL,
      body             text NOT NULL,
      state            text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
      remarks          text,
      drafted_by       text NOT NULL,
      drafted_by_name  text NOT NULL,
      drafted_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       text NOT NULL,
      changed_at       timestamptz NOT NULL DEFAULT now(),
      chain            jsonb CHECK (chain IS NULL OR (jsonb_typeof(chain) = 'array' AND jsonb_array_length(chain) >= 1)),
      step             integer CHECK (step IS NULL OR step >= 1),
      decided_by       text,
      decided_by_name  text,
      decided_at       timestamptz,
      final_sign       text,
      final_sha256     text CHECK (final_sha256 IS NULL OR final_sha256 ~ '^[0-9a-f]{64}$'),
      events           jsonb NOT NULL DEFAULT '[]',
      CHECK ((state = 'accepted') = (final_sha256 IS NOT NULL AND final_sign IS NOT NULL)),
      CHECK ((state = 'submitted') = (step IS NOT NULL)),
      CHECK (step IS NULL OR (chain IS NOT NULL AND step <= jsonb_array_length(chain)))
    );
    CREATE INDEX replies_by_case ON replies (case_id);

    CREATE FUNCTION replies_final_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'replies are kept'; END IF;
      RAISE EXCEPTION 'an accepted reply is final';
    END $$;
    CREATE TRIGGER replies_final_frozen BEFORE UPDATE ON replies FOR EACH ROW WHEN (OLD.state = 'accepted') EXECUTE FUNCTION replies_final_frozen();
    CREATE TRIGGER replies_never_deleted BEFORE DELETE ON replies FOR EACH ROW EXECUTE FUNCTION replies_final_frozen();
  `,
};
