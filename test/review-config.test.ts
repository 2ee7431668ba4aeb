import { ConfigError } from "../src/config/env";
import { parseReviewPoolConfig } from "../src/config/reviews";

describe("review pool config", () => {
  test("defaults: two workers, two seconds per review", () => {
    expect(parseReviewPoolConfig({})).toEqual({ workers: 2, timeLimitMs: 2000 });
  });

  test("REVIEW_WORKERS and REVIEW_TIME_LIMIT_MS set them", () => {
    expect(parseReviewPoolConfig({ REVIEW_WORKERS: "3", REVIEW_TIME_LIMIT_MS: "750" })).toEqual({ workers: 3, timeLimitMs: 750 });
  });

  test.each([
    [{ REVIEW_TIME_LIMIT_MS: "2s" }, "REVIEW_TIME_LIMIT_MS: must be a number of milliseconds (expected milliseconds one review may take, such as 2000)"],
    [{ REVIEW_TIME_LIMIT_MS: "5" }, "REVIEW_TIME_LIMIT_MS: must be at least 100"],
    [{ REVIEW_WORKERS: "0" }, "REVIEW_WORKERS: must be at least 1"],
    [{ REVIEW_WORKERS: "1.5" }, "REVIEW_WORKERS: must be a whole number"],
  ])("a bad value stops start-up naming the variable: %j", (env, message) => {
    expect(() => parseReviewPoolConfig(env)).toThrow(ConfigError);
    expect(() => parseReviewPoolConfig(env)).toThrow(message);
  });
});
