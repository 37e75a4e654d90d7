/** One input of an inline action form (a note, a pause, an art. 36 notice, a dispatch…). */
export interface ActionField {
  /** The contract's name for the value: issues come back on this path. */
  readonly name: string;
  readonly label: string;
  /** `checkbox` holds 'true' or 'false', so every value stays a string. */
  readonly type: 'date' | 'text' | 'textarea' | 'select' | 'checkbox';
  readonly hint?: string;
  readonly maxlength?: number;
  /** For `select`: the choices, in order. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** Shown only while this holds (e.g. postage only for post); a hidden field is not sent. */
  readonly visible?: (values: ActionValues) => boolean;
  /** A hint computed from the form's values (e.g. the deemed delivery day). */
  readonly liveHint?: (values: ActionValues) => string;
}

export type ActionValues = Record<string, string>;
