/** The shared record of handled requests, on SQLite and (with TEST_DATABASE_URL) PostgreSQL. */
import { createSeenRequests } from "../src/storage/seen-requests";
import { storageTargets } from "./storage-targets";

const DAY = 24 * 60 * 60 * 1000;

describe.each(storageTargets)("seen requests on $name", (target) => {
  test("a key is new once, a repeat is recognised from another connection, and it expires after its time", async () => {
    const database = target.create();
    const [first, second] = [await database.open(), await database.open()];
    try {
      const a = createSeenRequests(first.db);
      const b = createSeenRequests(second.db);
      const t0 = new Date("2030-01-01T00:00:00Z");
      expect(await a.firstSighting("slack-event:Ev1", t0, DAY)).toBe(true);
      expect(await b.firstSighting("slack-event:Ev1", new Date(t0.getTime() + 1000), DAY)).toBe(false);
      expect(await a.firstSighting("slack-event:Ev2", t0, DAY)).toBe(true);
      expect(await b.firstSighting("slack-event:Ev1", new Date(t0.getTime() + DAY - 1), DAY)).toBe(false);
      expect(await b.firstSighting("slack-event:Ev1", new Date(t0.getTime() + DAY + 1), DAY)).toBe(true);
      expect(await a.firstSighting("slack-event:Ev1", new Date(t0.getTime() + DAY + 2), DAY)).toBe(false);
    } finally {
      await first.close();
      await second.close();
      await database.dispose();
    }
  });

  test("racing replicas: exactly one sees a key first", async () => {
    const database = target.create();
    const stores = [await database.open(), await database.open(), await database.open()];
    try {
      const now = new Date("2030-01-01T00:00:00Z");
      const results = await Promise.all(stores.flatMap((s) => [0, 1, 2].map(() => createSeenRequests(s.db).firstSighting("slack-event:race", now, DAY))));
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await database.dispose();
    }
  });
});
