/** Queries compiled once and run with new values, on SQLite and (with TEST_DATABASE_URL) PostgreSQL. */
import { prepareQuery } from "../src/storage/prepared-query";
import { storageTargets } from "./storage-targets";

const settingOf = prepareQuery<{ user: string; key: string }, { value: string }>((db, values) =>
  db.selectFrom("user_settings").select("value").where("platform", "=", "slack").where("workspace_id", "=", "T1").where("user_id", "=", values.user).where("key", "=", values.key),
);
const putSetting = prepareQuery<{ user: string; key: string; value: string; at: number }, unknown>((db, values) =>
  db.insertInto("user_settings").values({ platform: "slack", workspace_id: "T1", user_id: values.user, key: values.key, value: values.value, updated_at: values.at }),
);

describe.each(storageTargets)("prepared queries on $name", (target) => {
  test("each run takes its own values, the query's constants stay, and each database compiles its own", async () => {
    const database = target.create();
    const [first, second] = [await database.open(), await database.open()];
    try {
      await putSetting.execute(first.db, { user: "U1", key: "tz", value: '"Europe/Paris"', at: 1 });
      await putSetting.execute(first.db, { user: "U2", key: "tz", value: '"Asia/Tokyo"', at: 2 });
      await first.db.insertInto("user_settings").values({ platform: "teams", workspace_id: "T1", user_id: "U1", key: "tz", value: '"UTC"', updated_at: 3 }).execute();
      expect((await settingOf.execute(first.db, { user: "U1", key: "tz" })).rows).toEqual([{ value: '"Europe/Paris"' }]);
      expect((await settingOf.execute(second.db, { user: "U2", key: "tz" })).rows).toEqual([{ value: '"Asia/Tokyo"' }]);
      expect((await settingOf.execute(first.db, { user: "U3", key: "tz" })).rows).toEqual([]);
    } finally {
      await first.close();
      await second.close();
      await database.dispose();
    }
  });
});
