export type { TrackerService, TrackAskInput, TrackerResult, TrackerErrorCode, ReminderRunCounts, RunRemindersOptions } from "./tracker-service";
export { createTrackerService, type TrackerOptions } from "./create-tracker-service";
export { loadReviewContext } from "./review-context";
export { startReminderRunner, newRunnerId, type ReminderRunner } from "./runner";
export { openStore } from "../storage";
export { localOwner, openLocalTracker, type LocalTracker } from "./local";
