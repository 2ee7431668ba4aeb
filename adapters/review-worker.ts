/** A review pool worker (./review-pool.ts): the deterministic engine, one draft at a time. */
import { review } from "../src/core/review";
import { serveReviews } from "./review-pool";

serveReviews(review);
