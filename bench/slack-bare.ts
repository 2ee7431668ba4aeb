/**
 * bench:slack's reference target: a bare Bolt app on the same HTTP server Askwell uses, that only acks
 * `/review-ask`. Started like Askwell (its own process, the probe preloaded); tells the parent its port.
 *   argv: signing secret, Slack Web API URL.
 */
import { App, ExpressReceiver } from "@slack/bolt";
import { createHttpServer } from "../adapters/http/server";
import { createLogger } from "../src/logger";

async function main(signingSecret: string, slackApiUrl: string): Promise<void> {
  const http = createHttpServer({ port: 0, host: "127.0.0.1", logger: createLogger({ level: "silent" }) });
  const receiver = new ExpressReceiver({ signingSecret, app: http.app, processBeforeResponse: false });
  const app = new App({ receiver, token: "xoxb-bench", botId: "B1", botUserId: "UBOT", tokenVerificationEnabled: false, clientOptions: { slackApiUrl } });
  app.command("/review-ask", async ({ ack }) => {
    await ack();
  });
  process.send?.({ port: await http.start() });
}

void main(process.argv[2]!, process.argv[3]!);
