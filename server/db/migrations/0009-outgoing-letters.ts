import type { ServerMigration } from './index.ts';

/**
 * The replies that left the office, as far as a letter's public path needs them: when one was
 * sent and when (and how) it was delivered or came back. The addressee, postage and the book
 * stay in the desk's own outgoing register: tracking must carry no personal data.
 */
export const outgoingLetters: ServerMigration = {
  version: 9,
  name: 'outgoing-letters',
  sql: `
    CREATE TABLE outgoing_letters (
      id            uuid PRIMARY KEY,
      case_id       uuid NOT NULL REFERENCES cases (id),
      rkw_number    text NOT NULL,
      channel       text NOT NULL,
      sent_on       date NOT NULL,
      delivered_on  date,
      delivery_kind text CHECK (delivery_kind IN ('signed', 'awizo_fiction', 'electronic_proof')),
      returned_on   date,
      recorded_by   text NOT NULL,
      CHECK ((delivered_on IS NULL) = (delivery_kind IS NULL)),
      CHECK (delivered_on IS NULL OR returned_on IS NULL)
    );
    CREATE INDEX outgoing_letters_by_case ON outgoing_letters (case_id, sent_on);
  `,
};
