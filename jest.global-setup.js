// Said once per run rather than once per storage suite: CI always sets TEST_DATABASE_URL (see .ci/run).
module.exports = () => {
  if (!process.env.TEST_DATABASE_URL) process.stdout.write("\nTEST_DATABASE_URL is not set: the PostgreSQL storage tests are skipped (SQLite runs).\n");
};
