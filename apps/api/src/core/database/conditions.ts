// A WHERE clause built up with numbered parameters ($1, $2 …), for queries whose filters are
// optional (directory and grant search): values always travel as parameters, never as SQL text.
export class Conditions {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a parameter and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(clause: string): void {
    this.clauses.push(clause);
  }

  get sql(): string {
    return this.clauses.length ? this.clauses.join(' AND ') : 'true';
  }
}
