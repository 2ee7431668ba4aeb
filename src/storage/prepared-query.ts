/**
 * Queries on the request path, built and compiled once per database and then run with new values:
 * Kysely builds, validates and compiles a query on every call, which costs the thread that acks
 * requests more than the database does. Still one code path for SQLite and PostgreSQL: each database
 * compiles the query in its own dialect the first time it runs it.
 */
import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { Database } from "./schema";

/** Stands for a value given at each run; Kysely compiles it to a parameter like any other value. */
class Placeholder {
  constructor(readonly name: string) {}
}

type Values = Record<string, unknown>;

/** What a prepared query's builder receives instead of values: `values.key` becomes the parameter `key`. */
const placeholders = new Proxy({} as Values, { get: (_, name) => new Placeholder(String(name)) });

interface Compiled<O> {
  query: CompiledQuery<O>;
  /** Per compiled parameter: the name of the value it takes, or undefined for a constant of the query. */
  names: readonly (string | undefined)[];
}

export interface PreparedQuery<V extends Values, O> {
  execute(db: Kysely<Database>, values: V): Promise<QueryResult<O>>;
}

/**
 * `build` must use each value of `values` only as a plain value (never as a list for `in`, never in
 * JavaScript logic): it runs once, with placeholders, and the compiled SQL is reused for every run.
 */
export function prepareQuery<V extends Values, O>(build: (db: Kysely<Database>, values: V) => Compilable<O>): PreparedQuery<V, O> {
  const compiledFor = new WeakMap<Kysely<Database>, Compiled<O>>();
  const compile = (db: Kysely<Database>): Compiled<O> => {
    const query = build(db, placeholders as V).compile();
    const compiled = { query, names: query.parameters.map((value) => (value instanceof Placeholder ? value.name : undefined)) };
    compiledFor.set(db, compiled);
    return compiled;
  };
  return {
    execute(db, values) {
      const { query, names } = compiledFor.get(db) ?? compile(db);
      const parameters = query.parameters.map((constant, i) => {
        const name = names[i];
        return name === undefined ? constant : values[name];
      });
      return db.executeQuery<O>({ query: query.query, queryId: query.queryId, sql: query.sql, parameters });
    },
  };
}
