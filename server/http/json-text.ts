/**
 * A route's answer already printed as JSON (e.g. a pull page whose change data comes as text from
 * PostgreSQL): sent as it is instead of through JSON.stringify.
 */
export class JsonText {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}
