/** One input of an inline case action form (a note, a pause, an art. 36 notice…). */
export interface ActionField {
  /** The contract's name for the value: issues come back on this path. */
  readonly name: string;
  readonly label: string;
  readonly type: 'date' | 'text' | 'textarea';
  readonly hint?: string;
  readonly maxlength?: number;
}

export type ActionValues = Record<string, string>;
