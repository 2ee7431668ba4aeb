/**
 * What a start-up has opened so far (database, worker pool, servers), closed in reverse order if a later
 * step fails: a failed start then leaves nothing running and the process exits on its own.
 */
export class Closers {
  private readonly closers: Array<() => Promise<void>> = [];

  add(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  /** Runs `start`; if it throws, closes everything added so far (ignoring their errors) and rethrows. */
  async guard<T>(start: () => Promise<T>): Promise<T> {
    try {
      return await start();
    } catch (error) {
      await this.closeAll();
      throw error;
    }
  }

  async closeAll(): Promise<void> {
    while (this.closers.length > 0) await this.closers.pop()!().catch(() => undefined);
  }
}
